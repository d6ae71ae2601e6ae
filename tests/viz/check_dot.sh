#!/usr/bin/env bash
# The DOT picture: Graphviz reads it, it has the nodes and edges the graph calls for, labels with
# quotes, backslashes and line breaks are escaped, and the bytes do not depend on input order.
source "$(dirname "$0")/../lib.sh"
command -v dot >/dev/null || { fail "Graphviz dot is installed (scripts/install-deps.sh)"; finish; exit 1; }
export_corpus || { fail "export of the sample corpus"; finish; exit 1; }
g="$WORK/out/graph.dot"
check "dot reads graph.dot" dot -Tplain -o "$WORK/plain.txt" "$g"
check "dot renders graph.dot as SVG" dot -Tsvg -o "$WORK/graph.svg" "$g"
nodes=$(grep -c '^node ' "$WORK/plain.txt")
edges=$(grep -c '^edge ' "$WORK/plain.txt")
# The sample corpus: 25 entities and 14 events drawn, 5 legend nodes; 4 invisible legend edges.
[ "$nodes" = 44 ] && pass "44 nodes (25 entities, 14 events, 5 legend)" || fail "44 nodes" "got $nodes"
[ "$edges" = 52 ] && pass "52 edges" || fail "52 edges" "got $edges"
grep -q 'label="Summons\\n2024-08-21\\n3 articles"' "$g" && pass "the summons is one event box with its date and sources" ||
  fail "the summons is one event box with its date and sources"
grep -q -- '-> e[0-9]* \[label="envoy"\]' "$g" && pass "roles are labelled edges" || fail "roles are labelled edges"
grep -q 'label="Ambassador to Kazakhstan", style=dashed' "$g" && pass "positions are labelled edges" ||
  fail "positions are labelled edges"
grep -q 'label="Alexander Lukashenko\\n1 interview, 7 statements"' "$g" &&
  pass "events with one participant are counted under it" || fail "events with one participant are counted under it"
! grep -q '#char=' "$g" && pass "no NIF mention node" || fail "no NIF mention node"
! grep -q 'nif:isString\|summoned the ambassador' "$g" && pass "no document text" || fail "no document text"

# Escaping of quotes, backslashes and line breaks in labels is checked byte for byte by the unit
# test (tests/unit/serialize/dot_writer_test.cpp); here Graphviz reads the picture of an article
# full of quotes and backslashes.
printf 'Protesters marched in Yerevan. "Ann \\"Q\\" Smith" said Nikol Pashinyan\\\\.\n' > "$WORK/odd.txt"
"$NEWSKG" export "$WORK/odd.txt" -o "$WORK/odd" --format dot -q
check "dot reads the picture of an article with quotes and backslashes" dot -Tplain -o /dev/null "$WORK/odd/graph.dot"

# Deterministic bytes: the same picture whatever the order of the inputs.
mkdir -p "$WORK/rev"
for f in $(ls "$NKG_SOURCE_DIR/corpus" | sort -r); do cp "$NKG_SOURCE_DIR/corpus/$f" "$WORK/rev/$f"; done
"$NEWSKG" export "$WORK/rev" -o "$WORK/rev-out" --format dot -q
cmp -s "$g" "$WORK/rev-out/graph.dot" && pass "graph.dot bytes do not depend on input order" ||
  fail "graph.dot bytes do not depend on input order"
"$NEWSKG" export "$NKG_SOURCE_DIR/corpus" -o - --format dot -q | cmp -s - "$g" &&
  pass "-o - --format dot writes the same bytes" || fail "-o - --format dot writes the same bytes"
finish
