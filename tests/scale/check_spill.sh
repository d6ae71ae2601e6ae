#!/usr/bin/env bash
# Folder outputs in flat memory (issue 16): with a --memory budget far too small for the graph,
# the sorts spill to disk and are merged (and the document graphs waiting for the corpus pass
# are spooled), and every file is byte for byte the one the in-memory run writes — for export
# (several budgets, one so small that every key is a run of its own and runs are merged level
# by level), for -o - with one format, and for merge. Temporary files go where $TMPDIR says,
# and none is left; an unusable temporary folder is an output failure (exit 4), nothing written.
source "$(dirname "$0")/../lib.sh"
corpus=("$NKG_SOURCE_DIR"/corpus/*.txt "$NKG_SOURCE_DIR"/tests/data/*.txt)
files=(graph.ttl graph.trig graph.nq graph.nt graph.jsonld void.ttl newskg.ttl context.jsonld graph.dot)
mkdir -p "$WORK/tmp"
export TMPDIR="$WORK/tmp"

# same_files NAME DIR: every output file in DIR equals the in-memory run's.
same_files() {
  local bad="" f
  for f in "${files[@]}"; do cmp -s "$WORK/memory/$f" "$2/$f" || bad+=" $f"; done
  if [ -n "$bad" ]; then fail "$1" "differ:$bad"; else pass "$1"; fi
}

# runs_of LOG: the number of sorted runs a -v run reports.
runs_of() { sed -n 's/.*beyond --memory: \([0-9]*\) sorted runs on disk.*/\1/p' "$1"; }

"$NEWSKG" export "${corpus[@]}" -o "$WORK/memory" -v -j 2 2> "$WORK/memory.log" || { fail "in-memory run"; finish; exit 1; }
check "the default budget holds the sample graph: no run on disk" test "$(runs_of "$WORK/memory.log")" = 0

for budget in 1 4K 64K 1M; do
  "$NEWSKG" export "${corpus[@]}" -o "$WORK/m-$budget" --memory "$budget" -v -j 2 2> "$WORK/m-$budget.log" ||
    { fail "--memory $budget: export" "$(tail -n 5 "$WORK/m-$budget.log")"; continue; }
  same_files "--memory $budget: every file equals the in-memory run's" "$WORK/m-$budget"
  runs=$(runs_of "$WORK/m-$budget.log")
  check "--memory $budget: the sorts really spilled ($runs runs)" test "${runs:-0}" -gt 0
  check "--memory $budget: the document graphs were spooled to disk" grep -q "document graphs spooled to disk" "$WORK/m-$budget.log"
done
# One key a run: 16 runs are merged into one, level by level, many times over.
runs=$(runs_of "$WORK/m-1.log")
check "--memory 1: more runs than one merge takes (levels of merges: $runs runs)" test "${runs:-0}" -gt 256

"$NEWSKG" export "${corpus[@]}" -o "$WORK/m-j1" --memory 16K -q -j 1 || fail "--memory 16K -j 1: export"
same_files "--memory 16K -j 1: every file equals the in-memory run's" "$WORK/m-j1"

for f in turtle:graph.ttl jsonld:graph.jsonld trig:graph.trig; do
  "$NEWSKG" export "${corpus[@]}" -o - --format "${f%%:*}" --memory 8K -q > "$WORK/stdout-${f##*:}" ||
    fail "-o - --format ${f%%:*} --memory 8K"
  check "-o - --format ${f%%:*} --memory 8K equals ${f##*:}" cmp "$WORK/memory/${f##*:}" "$WORK/stdout-${f##*:}"
done

# merge: the same budget over shards gives the files of the single run.
shards=()
for ((i = 0; i < ${#corpus[@]}; i += 4)); do
  "$NEWSKG" export "${corpus[@]:i:4}" -o - --format nquads -q > "$WORK/shard-$i.nq" || fail "shard $i"
  shards+=("$WORK/shard-$i.nq")
done
"$NEWSKG" merge "${shards[@]}" -o "$WORK/merged" --memory 8K -v 2> "$WORK/merged.log" || fail "merge --memory 8K"
same_files "merge --memory 8K: every file equals the single in-memory run's" "$WORK/merged"
runs=$(runs_of "$WORK/merged.log")
check "merge --memory 8K: the sorts really spilled ($runs runs)" test "${runs:-0}" -gt 0

check "no temporary file is left in \$TMPDIR" test -z "$(ls -A "$WORK/tmp")"
check "no temporary file is left beside the outputs" test -z "$(ls -A "$WORK"/m-* "$WORK/merged" | grep '^\.')"

TMPDIR="$WORK/nowhere" expect_run "a \$TMPDIR that does not exist: exit 4, named" 4 \
  "$WORK/nowhere/.newskg-spill-" "$NEWSKG" export "${corpus[@]}" -o "$WORK/no-tmp" --memory 4K -q
check "... and no output file is written" test ! -e "$WORK/no-tmp/graph.ttl"
expect_run "--memory 0 is refused (exit 2)" 2 "--memory must be more than 0 bytes" \
  "$NEWSKG" export "${corpus[@]}" -o "$WORK/zero" --memory 0
expect_run "--memory 12Q is refused (exit 2)" 2 "'12Q' is not a size" "$NEWSKG" export "${corpus[@]}" -o "$WORK/q" --memory 12Q

finish
