#!/usr/bin/env bash
# newskg stats on the committed output: the table, --top, --json, and bad input.
source "$(dirname "$0")/../lib.sh"
o="$NKG_SOURCE_DIR/output"
out=$("$NEWSKG" stats "$o" --top 3); code=$?
[ "$code" = 0 ] && pass "stats exits 0" || fail "stats exits 0" "exit $code"
for want in "newskg stats: $o/graph.nq" "documents             5" "  nkg:State           14" "  nkg:Summons         1" \
  "top 3 entities by mentions" \
  "        37        4  nkg:State         Kazakhstan           <https://w3id.org/newskg/id/state/KAZ>" \
  "        24        5  nkg:Person        Alexander Lukashenko <https://w3id.org/newskg/id/person/alksndr-lksnk>" \
  "  2024-08-21          1"; do
  grep -qxF -- "$want" <<<"$out" && pass "stats prints: $want" || fail "stats prints: $want" "$out"
done
[ "$(grep -c '<https://w3id.org/newskg/id/' <<<"$out")" = 3 ] && pass "--top 3 lists three entities" ||
  fail "--top 3 lists three entities"
[ "$("$NEWSKG" stats "$o/graph.ttl" --top 3 | tail -n +2)" = "$(tail -n +2 <<<"$out" | sed 's/ in 5 named graphs/ in 0 named graphs/; s/^quads                 3919/quads                 3601/')" ] &&
  pass "graph.ttl gives the same counts (its quads are the union triples)" ||
  fail "graph.ttl gives the same counts (its quads are the union triples)"
"$NEWSKG" stats "$o" --json > "$WORK/s.json"
python3 - "$WORK/s.json" <<'PY' && pass "--json is JSON with the same figures" || fail "--json is JSON with the same figures"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["documents"] == 5 and s["triples"] == 3601 and s["named_graphs"] == 5, s
assert s["entities"]["by_class"]["nkg:State"] == 14 and s["events"]["by_class"]["nkg:Summons"] == 1
assert len(s["top_entities"]) == 10 and s["top_entities"][0] == {
    "iri": "https://w3id.org/newskg/id/state/KAZ", "label": "Kazakhstan", "class": "nkg:State", "mentions": 37, "articles": 4}
assert s["events"]["by_date"]["2024-08-21"] == 1 and s["events"]["undated"] == 32
PY
[ "$("$NEWSKG" stats "$o" --json)" = "$(cat "$WORK/s.json")" ] && pass "stats is deterministic" || fail "stats is deterministic"
expect_run "stats of a missing file" 3 "none.nq: error: cannot open the file: No such file or directory" "$NEWSKG" stats "$WORK/none.nq"
expect_run "stats without OUTPUT" 2 "newskg: error:" "$NEWSKG" stats
finish
