#!/usr/bin/env bash
# newskg on a real distributed engine (issue 6): scripts/dask_export.py starts a Dask
# LocalCluster — a scheduler and two worker processes talking TCP on 127.0.0.1 — partitions a
# JSON Lines corpus into a dask bag, runs newskg on each partition on the workers, and merges the
# shards. The merged output must equal the single-machine run.
source "$(dirname "$0")/../lib.sh"
py=/usr/bin/python3
$py -c 'import dask.distributed' 2>/dev/null || { fail "python3-distributed is installed (scripts/install-test-tools.sh)"; finish; exit 1; }
corpus=("$NKG_SOURCE_DIR"/corpus/*.txt "$NKG_SOURCE_DIR"/tests/data/*.txt)
$py "$NKG_SOURCE_DIR/tests/scale/make_jsonl.py" "$WORK/corpus.jsonl" "${corpus[@]}"
"$NEWSKG" export --jsonl "$WORK/corpus.jsonl" -o "$WORK/single" -q

log="$WORK/dask.log"
if timeout 300 $py "$NKG_SOURCE_DIR/scripts/dask_export.py" --jsonl "$WORK/corpus.jsonl" --out "$WORK/dask" \
    --local-workers 2 --blocksize 4000 --newskg "$NEWSKG" --keep-shards "$WORK/shards" >"$log" 2>&1; then
  pass "dask_export.py on a LocalCluster exits 0"
else
  fail "dask_export.py on a LocalCluster exits 0" "$(tail -20 "$log")"
fi
if grep -Eq '^dask_export: scheduler tcp://127\.0\.0\.1:[0-9]+, 2 workers \(tcp://127\.0\.0\.1:[0-9]+, tcp://127\.0\.0\.1:[0-9]+\)' "$log"; then
  pass "a scheduler and two worker processes over TCP on loopback"
else
  fail "a scheduler and two worker processes over TCP on loopback" "$(grep dask_export "$log")"
fi
shards=$(ls "$WORK/shards" 2>/dev/null | wc -l)
if [ "$shards" -ge 3 ]; then pass "the corpus ran as $shards partitions"; else fail "the corpus ran as at least 3 partitions" "got $shards"; fi
check "merged Dask output = single-machine output (every file, byte for byte)" diff -r "$WORK/single" "$WORK/dask"
check "merged Dask graph.nq ~ single graph.nq (canonical isomorphism)" \
  node "$TOOLS/rdf-iso.js" "$WORK/single/graph.nq" "$WORK/dask/graph.nq"
finish
