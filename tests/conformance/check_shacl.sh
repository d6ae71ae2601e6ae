#!/usr/bin/env bash
# The output conforms to ontology/shapes.ttl under two SHACL engines; a broken copy does not.
source "$(dirname "$0")/../lib.sh"
export_corpus || { fail "export of the sample corpus"; finish; exit 1; }
shapes="$NKG_SOURCE_DIR/ontology/shapes.ttl"
check "graph.ttl conforms" node "$TOOLS/shacl.js" "$WORK/out/graph.ttl" "$shapes"
check "graph.trig conforms" node "$TOOLS/shacl.js" "$WORK/out/graph.trig" "$shapes"
check "graph.jsonld conforms" node "$TOOLS/shacl.js" --context "$CONTEXT_MAP" "$WORK/out/graph.jsonld" "$shapes"
sed 's/nkg:isoAlpha3 "KAZ"/nkg:isoAlpha3 "kz"/' "$WORK/out/graph.ttl" > "$WORK/broken.ttl"
if node "$TOOLS/shacl.js" "$WORK/broken.ttl" "$shapes" >/dev/null 2>&1; then
  fail "a malformed ISO code violates the shapes"
else
  pass "a malformed ISO code violates the shapes"
fi
finish
