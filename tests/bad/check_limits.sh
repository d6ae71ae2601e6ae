#!/usr/bin/env bash
# Resource limits (issue 7): --max-mentions per document and --max-entities per run skip the
# documents past them with a message naming the document and the limit; the rest is exported.
source "$(dirname "$0")/../lib.sh"
c="$NKG_SOURCE_DIR/corpus"
# The largest sample article has 70 mentions: a limit of 60 skips it and no other.
mentions=$(grep -c 'taIdentRef' <("$NEWSKG" export "$c/003_099ecd0cf96979e9.txt" -o - --format nquads -q))
[ "$mentions" -gt 60 ] && pass "article 003 has more than 60 mentions ($mentions quads point at something)" || fail "article 003 has more than 60 mentions"
expect_run "--max-mentions skips a document with its count" 1 \
  "003_099ecd0cf96979e9.txt: error: 70 mentions, over the limit of 60 per document (--max-mentions); document skipped" \
  "$NEWSKG" export "$c" -o "$WORK/m" --max-mentions 60
[ "$(grep -o '<https://w3id.org/newskg/id/doc/[^#>]*>' "$WORK/m/graph.nq" | sort -u | wc -l)" -eq 4 ] &&
  pass "the other four articles are exported" || fail "the other four articles are exported"
expect_run "--max-entities skips the documents that would pass it" 1 \
  "error: the run would pass 30 distinct entities (--max-entities); document skipped" \
  "$NEWSKG" export "$c" -o "$WORK/e" --max-entities 30
n=$("$NEWSKG" stats "$WORK/e" --json | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["entities"]["total"])' 2>/dev/null || echo -1)
[ "$n" -le 30 ] && [ "$n" -gt 0 ] && pass "the run holds at most 30 entities ($n)" || fail "the run holds at most 30 entities" "$n"
expect_run "the limits apply to JSON Lines records, with their line" 1 ":1:1: error: 70 mentions, over the limit of 60" \
  bash -c "/usr/bin/python3 '$NKG_SOURCE_DIR/tests/scale/make_jsonl.py' '$WORK/one.jsonl' '$c/003_099ecd0cf96979e9.txt' '$c/000_b0b5c80f07ef403a.txt' && '$NEWSKG' export --jsonl '$WORK/one.jsonl' -o '$WORK/j' --max-mentions 60"
expect_run "--strict makes the limit fatal" 3 "over the limit of 60" "$NEWSKG" export "$c" -o "$WORK/s" --max-mentions 60 --strict
[ ! -e "$WORK/s" ] && pass "--strict writes nothing" || fail "--strict writes nothing"
finish
