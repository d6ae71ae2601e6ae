#!/usr/bin/env bash
# The committed ontology/README.md is what scripts/gen-ontology-doc.py writes from
# ontology/newskg.ttl and output/graph.ttl, and it covers every term the ontology defines.
source "$(dirname "$0")/../lib.sh"
python=
for py in $(type -ap python3) /usr/bin/python3; do
  "$py" -c 'import rdflib' 2>/dev/null && { python=$py; break; }
done
[ -n "$python" ] || { fail "a python3 with rdflib is installed (scripts/install-test-tools.sh)"; finish; exit 1; }

doc=$NKG_SOURCE_DIR/ontology/README.md
if ! out=$("$python" "$NKG_SOURCE_DIR/scripts/gen-ontology-doc.py" -o "$WORK/README.md" 2>&1); then
  fail "scripts/gen-ontology-doc.py runs" "$(tail -n 10 <<<"$out")"
  finish; exit 1
fi
pass "scripts/gen-ontology-doc.py runs"
if [ ! -f "$doc" ]; then
  fail "ontology/README.md is committed" "missing: run scripts/gen-ontology-doc.py"
elif cmp -s "$WORK/README.md" "$doc"; then
  pass "ontology/README.md is up to date"
else
  fail "ontology/README.md is up to date" "stale: run scripts/gen-ontology-doc.py and commit it" \
    "$(diff "$doc" "$WORK/README.md" | head -n 12)"
fi
"$python" "$NKG_SOURCE_DIR/scripts/gen-ontology-doc.py" -o "$WORK/again.md"
if cmp -s "$WORK/README.md" "$WORK/again.md"; then
  pass "two runs write the same bytes"
else
  fail "two runs write the same bytes" "$(diff "$WORK/README.md" "$WORK/again.md" | head -n 8)"
fi

# Every nkg: term declared in newskg.ttl has its own section (the script misses none).
terms=$(grep -oE '^nkg:[A-Za-z0-9]+ a ' "$NKG_SOURCE_DIR/ontology/newskg.ttl" | awk '{print $1}' | sort -u)
[ -n "$terms" ] || fail "newskg.ttl declares nkg: terms"
missing=""
for t in $terms; do
  grep -qxF "### \`$t\`" "$WORK/README.md" || missing="$missing $t"
done
if [ -z "$missing" ]; then pass "every term of newskg.ttl is documented"; else fail "every term of newskg.ttl is documented" "missing:$missing"; fi

# A term without rdfs:comment is refused, not documented half.
sed '/^nkg:Person a owl:Class ;$/,/^$/{/rdfs:comment/d}' \
  "$NKG_SOURCE_DIR/ontology/newskg.ttl" >"$WORK/no-comment.ttl"
expect_run "a term without rdfs:comment stops the script" 1 "nkg:Person has no rdfs:label or rdfs:comment" \
  "$python" "$NKG_SOURCE_DIR/scripts/gen-ontology-doc.py" --ontology "$WORK/no-comment.ttl" -o "$WORK/x.md"
finish
