#!/usr/bin/env bash
# The README's shell commands run as written (STYLE §6, like nlohmann/json's unit-readme): every
# `newskg ...` line of its ```sh blocks, in a scratch copy of the project's corpus and output,
# with `newskg` being the built binary. `newskg serve` (a server: tests/publish runs it), the Dask
# and install lines (tests/scale, tests/install run them) and `make` are left to their own tests.
source "$(dirname "$0")/../lib.sh"
mkdir -p "$WORK/project"
cp -r "$NKG_SOURCE_DIR/corpus" "$NKG_SOURCE_DIR/output" "$WORK/project/"
cd "$WORK/project" || exit 1
# The JSON Lines parts the scale-out example reads: the sample articles split in two.
files=(corpus/*.txt)
/usr/bin/python3 "$NKG_SOURCE_DIR/tests/scale/make_jsonl.py" part-1.jsonl "${files[@]:0:2}"
/usr/bin/python3 "$NKG_SOURCE_DIR/tests/scale/make_jsonl.py" part-2.jsonl "${files[@]:2}"
mkdir -p bin && ln -s "$NEWSKG" bin/newskg
export PATH="$WORK/project/bin:$PATH"

commands=$(awk '/^```sh/ {f = 1; next} /^```/ {f = 0} f' "$NKG_SOURCE_DIR/README.md" | sed 's/ *# .*$//' |
  grep -E '^newskg ' | grep -vE '^newskg serve ')
n=0
while IFS= read -r line; do
  [ -z "$line" ] && continue
  n=$((n + 1))
  if out=$(bash -c "$line" 2>&1); then pass "README: $line"; else fail "README: $line" "$out"; fi
done <<<"$commands"
[ "$n" -ge 4 ] && pass "the README has $n newskg commands to run" || fail "the README has newskg commands to run" "found $n"
# What they claim: the merged shards are the export of both parts together.
newskg export --jsonl part-1.jsonl --jsonl part-2.jsonl -o together -q
check "README: the merge equals the export over both parts" diff -r -x graph.svg together output
check "README: publish wrote the pages it names" test -s site/index.html -a -s site/state/BLR.html -a -s site/state/BLR.ttl
finish
