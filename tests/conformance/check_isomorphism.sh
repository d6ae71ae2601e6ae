#!/usr/bin/env bash
# One run's syntaxes describe the same graph (RDFC-1.0 canonical isomorphism with rdf-canonize):
# Turtle = JSON-LD = N-Triples = union of TriG; TriG = N-Quads as datasets.
source "$(dirname "$0")/../lib.sh"
export_corpus || { fail "export of the sample corpus"; finish; exit 1; }
o="$WORK/out"
check "graph.ttl ~ graph.jsonld" node "$TOOLS/rdf-iso.js" --context "$CONTEXT_MAP" "$o/graph.ttl" "$o/graph.jsonld"
check "graph.ttl ~ graph.nt" node "$TOOLS/rdf-iso.js" "$o/graph.ttl" "$o/graph.nt"
check "graph.trig ~ graph.nq (datasets)" node "$TOOLS/rdf-iso.js" "$o/graph.trig" "$o/graph.nq"
check "graph.ttl ~ union of graph.trig" node "$TOOLS/rdf-iso.js" --union "$o/graph.ttl" "$o/graph.trig"
# And the check can fail: one changed triple is a different graph.
sed 's/"Kazakhstan"@en/"Kazakstan"@en/' "$o/graph.ttl" > "$WORK/changed.ttl"
if node "$TOOLS/rdf-iso.js" "$o/graph.ttl" "$WORK/changed.ttl" >/dev/null 2>&1; then
  fail "a changed label is detected"
else
  pass "a changed label is detected"
fi
finish
