#!/usr/bin/env bash
# Shard invariance (issue 6): a corpus split into k shards in several ways, each shard exported
# on its own (streamed N-Quads), then `newskg merge`d, gives the graph of one run over everything
# — byte for byte, and by RDFC-1.0 canonical isomorphism (rdf-canonize, an independent checker).
# Also: --jobs does not change a byte; JSON Lines input gives the graph of the same files.
source "$(dirname "$0")/../lib.sh"
py=/usr/bin/python3
corpus=("$NKG_SOURCE_DIR"/corpus/*.txt "$NKG_SOURCE_DIR"/tests/data/*.txt)
n=${#corpus[@]}

"$NEWSKG" export "${corpus[@]}" -o "$WORK/single" -q -j 2 || { fail "single run"; finish; exit 1; }

# shard_and_merge NAME ASSIGNMENT...: ASSIGNMENT[i] is the shard of document i.
shard_and_merge() {
  local name=$1; shift
  local assign=("$@") dir="$WORK/$name" k=0
  mkdir -p "$dir"
  for a in "${assign[@]}"; do ((a + 1 > k)) && k=$((a + 1)); done
  local shards=()
  for ((s = 0; s < k; s++)); do
    local docs=()
    for ((i = 0; i < n; i++)); do [ "${assign[$i]}" -eq "$s" ] && docs+=("${corpus[$i]}"); done
    [ ${#docs[@]} -eq 0 ] && continue
    "$NEWSKG" export "${docs[@]}" -o - --format nquads -q -j 1 > "$dir/shard-$s.nq" || { fail "$name: export shard $s"; return; }
    shards+=("$dir/shard-$s.nq")
  done
  # Shards in reverse order: the merge does not depend on it.
  local reversed=()
  for ((i = ${#shards[@]} - 1; i >= 0; i--)); do reversed+=("${shards[$i]}"); done
  "$NEWSKG" merge "${reversed[@]}" -o "$dir/merged" -q || { fail "$name: merge"; return; }
  local f bad=""
  for f in graph.ttl graph.trig graph.nq graph.nt graph.jsonld void.ttl; do
    cmp -s "$WORK/single/$f" "$dir/merged/$f" || bad+=" $f"
  done
  if [ -n "$bad" ]; then fail "$name: merged files equal the single run's" "differ:$bad"; else pass "$name: merged files equal the single run's ($k shards)"; fi
  check "$name: merged graph.nq ~ single graph.nq (canonical isomorphism)" \
    node "$TOOLS/rdf-iso.js" "$WORK/single/graph.nq" "$dir/merged/graph.nq"
}

ones=(); alternate=(); each=(); halves=(); reversed_blocks=()
for ((i = 0; i < n; i++)); do
  ones+=(0); alternate+=($((i % 2))); each+=($i); halves+=($((i * 2 / n))); reversed_blocks+=($(((n - 1 - i) % 3)))
done
shard_and_merge "one-shard" "${ones[@]}"
shard_and_merge "two-alternating" "${alternate[@]}"
shard_and_merge "one-document-each" "${each[@]}"
shard_and_merge "two-halves" "${halves[@]}"
shard_and_merge "three-reversed" "${reversed_blocks[@]}"

# The union of the shards' streamed N-Quads is the streamed N-Quads of one run (shard form).
"$NEWSKG" export "${corpus[@]}" -o - --format nquads -q -j 2 | LC_ALL=C sort > "$WORK/stream-all.nq"
cat "$WORK"/one-document-each/shard-*.nq | LC_ALL=C sort > "$WORK/stream-union.nq"
check "union of shard N-Quads = N-Quads of one run" cmp "$WORK/stream-all.nq" "$WORK/stream-union.nq"

# The merge does something the shards alone cannot: one IRI for the Belarusian ambassador whose
# name three articles spell three ways (Utsyupin, Utyupin, Uciupin).
ambassador_iris() { grep -o '<https://w3id.org/newskg/id/person/[^>]*>' "$1" | sort -u | grep -c 'pvl-\|pv-' || true; }
in_shards=$(cat "$WORK"/one-document-each/shard-*.nq | grep -i 'ambassador' | grep -o 'position/ambassador-blr[^>]*' | sort -u | wc -l)
in_merged=$(grep -o 'position/ambassador-blr[^>]*' "$WORK/one-document-each/merged/graph.nq" | sort -u | wc -l)
if [ "$in_shards" -gt "$in_merged" ] && [ "$in_merged" -ge 1 ]; then
  pass "merge unifies spellings across shards ($in_shards ambassador posts in shards -> $in_merged merged)"
else
  fail "merge unifies spellings across shards" "shards: $in_shards posts, merged: $in_merged"
fi

# --jobs: the same bytes with 1, 2 and 3 threads, and for streamed N-Quads.
for j in 1 3; do
  "$NEWSKG" export "${corpus[@]}" -o "$WORK/jobs-$j" -q -j $j
  check "--jobs $j gives the bytes of --jobs 2" diff -r "$WORK/single" "$WORK/jobs-$j"
done
"$NEWSKG" export "${corpus[@]}" -o - --format nquads -q -j 1 > "$WORK/s1.nq"
"$NEWSKG" export "${corpus[@]}" -o - --format nquads -q -j 2 > "$WORK/s2.nq"
check "streamed N-Quads: same bytes with 1 and 2 threads" cmp "$WORK/s1.nq" "$WORK/s2.nq"

# JSON Lines: the same articles as records give the same graph.
$py "$NKG_SOURCE_DIR/tests/scale/make_jsonl.py" "$WORK/corpus.jsonl" "${corpus[@]}"
"$NEWSKG" export --jsonl "$WORK/corpus.jsonl" -o "$WORK/jsonl" -q
check "JSON Lines input = the same files" diff -r "$WORK/single" "$WORK/jsonl"
"$NEWSKG" export --jsonl - -o "$WORK/jsonl-stdin" -q < "$WORK/corpus.jsonl"
check "JSON Lines from stdin = the same files" diff -r "$WORK/single" "$WORK/jsonl-stdin"

# Standard input: shards piped into merge (spooled, since merge reads them twice) and into stats.
"$NEWSKG" export "${corpus[@]}" -o - --format nquads -q | "$NEWSKG" merge - -o "$WORK/from-stdin" -q
check "merge - (a stream on stdin) = the single run" diff -r "$WORK/single" "$WORK/from-stdin"
docs=$("$NEWSKG" export "${corpus[@]}" -o - --format nquads -q | "$NEWSKG" stats - | awk '$1 == "documents" {print $2}')
[ "$docs" = "$n" ] && pass "stats - reads N-Quads from stdin ($docs documents)" || fail "stats - reads N-Quads from stdin" "got '$docs'"

# merge errors: a shard made with another base, a missing file, a duplicate document.
expect_run "merge: missing shard" 3 "no-such.nq" "$NEWSKG" merge "$WORK/no-such.nq" -o "$WORK/x"
"$NEWSKG" export "${corpus[0]}" -o - --format nquads -q --base https://example.org/kg/ > "$WORK/other-base.nq"
expect_run "merge: shard of another --base" 3 "is not a document under --base" "$NEWSKG" merge "$WORK/other-base.nq" -o "$WORK/x"
expect_run "merge: a document in two shards" 1 "appears again" \
  "$NEWSKG" merge "$WORK/one-document-each/shard-0.nq" "$WORK/one-document-each/shard-0.nq" -o "$WORK/dup"
finish
