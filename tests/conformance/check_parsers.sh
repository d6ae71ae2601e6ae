#!/usr/bin/env bash
# Every output file is read by independent parsers (serdi, rapper, N3.js, Oxigraph, RDFLib,
# jsonld.js in safe mode) with the portability lint in strict mode.
source "$(dirname "$0")/../lib.sh"
export_corpus || { fail "export of the sample corpus"; finish; exit 1; }
for f in "$WORK"/out/*.ttl "$WORK"/out/*.trig "$WORK"/out/*.nq "$WORK"/out/*.nt "$WORK"/out/graph.jsonld; do
  check "parsers accept $(basename "$f")" "$TOOLS/rdf-check.sh" --strict --context "$CONTEXT_MAP" "$f"
done
check "the JSON-LD context is a context document" "$TOOLS/rdf-check.sh" "$WORK/out/context.jsonld"
finish
