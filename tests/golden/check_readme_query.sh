#!/usr/bin/env bash
# The README's SPARQL result table is what the query really returns over the committed output/.
source "$(dirname "$0")/../lib.sh"
readme=$NKG_SOURCE_DIR/README.md
python=
for py in $(type -ap python3) /usr/bin/python3; do
  "$py" -c 'import rdflib' 2>/dev/null && { python=$py; break; }
done
[ -n "$python" ] || { fail "a python3 with rdflib is installed (scripts/install-test-tools.sh)"; finish; exit 1; }
queries=$(grep -o '<!-- result: [^ ]* -->' "$readme" | sed 's/<!-- result: \(.*\) -->/\1/')
[ -n "$queries" ] || fail "the README shows at least one query result"
for q in $queries; do
  shown=$(awk -v m="<!-- result: $q -->" '$0 == m {on=1; next} /<!-- end result -->/ {on=0} on' "$readme")
  actual=$("$python" "$TOOLS/sparql-table.py" "$NKG_SOURCE_DIR/$q" "$NKG_SOURCE_DIR/output/graph.ttl")
  if [ "$shown" = "$actual" ]; then
    pass "README result of $q"
  else
    fail "README result of $q" "$(diff <(echo "$shown") <(echo "$actual") | head -n 10)"
  fi
done
# The gold-standard figures the README shows are what `newskg eval` reports for output/.
shown=$(awk '/<!-- figures: gold -->/ {on=1; next} /<!-- end figures -->/ {on=0} on' "$readme" | grep -v '^```')
actual=$("$NEWSKG" eval "$NKG_SOURCE_DIR/tests/gold" "$NKG_SOURCE_DIR/output" | sed "s#$NKG_SOURCE_DIR/##g")
if [ "$shown" = "$actual" ]; then
  pass "README gold figures"
else
  fail "README gold figures" "$(diff <(echo "$shown") <(echo "$actual") | head -n 10)"
fi
finish
