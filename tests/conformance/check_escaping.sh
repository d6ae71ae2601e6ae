#!/usr/bin/env bash
# Escaping is total (issue 7): 300 generated documents (seed 7) whose text and file names are
# full of quotes, backslashes, CR/LF/tabs, <>{}|^` and spaces, controls, RTL marks, emoji and
# combining marks (tests/conformance/escaping.py). Every output must pass every parser in
# strict mode, and the text and every anchor must read back exactly (RDFLib).
source "$(dirname "$0")/../lib.sh"
here=$NKG_SOURCE_DIR/tests/conformance
python=
for py in $(type -ap python3) /usr/bin/python3; do
  "$py" -c 'import rdflib' 2>/dev/null && { python=$py; break; }
done
[ -n "$python" ] || { fail "no python3 imports rdflib (run scripts/install-test-tools.sh)"; finish; exit 1; }
check "generate 300 hostile documents" "$python" "$here/escaping.py" gen "$WORK/esc" 300 7
# Three file names are not UTF-8: those documents are skipped (exit 1), the rest exported.
"$NEWSKG" export "$WORK/esc/in" -o "$WORK/esc/out" -q 2>"$WORK/esc/stderr"
code=$?
skipped=$(grep -c "document id (file name) is not valid UTF-8 at byte .*; document skipped" "$WORK/esc/stderr")
if [ "$code" -eq 1 ] && [ "$skipped" -eq 3 ] && [ "$(wc -l <"$WORK/esc/stderr")" -eq 3 ]; then
  pass "export skips exactly the three names that are not UTF-8 (exit 1)"
else
  fail "export skips exactly the three names that are not UTF-8 (exit 1)" "exit $code, $skipped skipped" "$(head -5 "$WORK/esc/stderr")"
fi
for f in "$WORK"/esc/out/graph.{ttl,trig,nq,nt,jsonld} "$WORK"/esc/out/void.ttl; do
  check "parsers accept hostile $(basename "$f")" "$TOOLS/rdf-check.sh" --strict --context "$CONTEXT_MAP" "$f"
done
# The picture is not RDF: Graphviz must read it, labels and all.
check "Graphviz accepts hostile graph.dot" dot -Tplain -o /dev/null "$WORK/esc/out/graph.dot"
# RDFLib 6.1 (Debian 12) misreads N-Triples/N-Quads escapes (backslash-backslash-n as a backslash
# and a newline, backslash-backslash-u0022 as a quote): those two are read as serdi's TriG of them.
for f in graph.nq graph.nt; do
  serdi -i "$([ $f = graph.nq ] && echo nquads || echo ntriples)" -o trig "$WORK/esc/out/$f" >"$WORK/esc/out/$f.trig" ||
    fail "serdi reads $f"
done
check "text and anchors round-trip in every syntax" "$python" "$here/escaping.py" check "$WORK/esc" \
  "$NKG_SOURCE_DIR/ontology/context.jsonld"
finish
