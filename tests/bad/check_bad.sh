#!/usr/bin/env bash
# Hostile JSON Lines records (tests/bad/jsonl/README.md): each gives its message with file and
# line, the good records around it are still exported (exit 1), --strict stops (exit 3), and no
# output file is half-written. Plus deep nesting, a record over --max-document-bytes, and a
# missing JSON Lines file.
source "$(dirname "$0")/../lib.sh"
here="$NKG_SOURCE_DIR/tests/bad/jsonl"
good1='{"id": "good-1", "title": "Summons", "date": "2024-08-22", "text": "Kazakhstan summoned the ambassador of Belarus on Wednesday."}'
good3='{"id": "good-3", "text": "Armenia recalled its ambassador from Minsk."}'

while IFS=$'\t' read -r name line want; do
  [[ -z $name || $name == \#* ]] && continue
  f="$WORK/$name.jsonl"
  { printf "%s\n" "$good1"; printf "%s\n" "$line" | sed "s/<FF>/\xff/g"; printf "%s\n" "$good3"; } > "$f"
  expect_run "$name: message, exit 1" 1 "$name.jsonl$want" "$NEWSKG" export --jsonl "$f" -o "$WORK/out-$name"
  if grep -q 'doc/good-1>' "$WORK/out-$name/graph.nq" 2>/dev/null && grep -q 'doc/good-3>' "$WORK/out-$name/graph.nq"; then
    pass "$name: the good records are exported"
  else
    fail "$name: the good records are exported"
  fi
  expect_run "$name: --strict stops with exit 3" 3 "$name.jsonl:2:" "$NEWSKG" export --jsonl "$f" -o "$WORK/strict-$name" --strict
  [ ! -e "$WORK/strict-$name" ] && pass "$name: --strict writes nothing" || fail "$name: --strict writes nothing"
done < "$here/cases.tsv"

# Nesting 100 levels deep is refused before it is built.
deep=$(printf '{"id": "deep", "text": "x", "extra": %s1%s}' "$(printf '[%.0s' $(seq 100))" "$(printf ']%.0s' $(seq 100))")
{ printf '%s\n' "$good1"; printf '%s\n' "$deep"; } > "$WORK/deep.jsonl"
expect_run "deep nesting is refused" 1 "deep.jsonl:2:1: error: JSON nested deeper than 64 levels" \
  "$NEWSKG" export --jsonl "$WORK/deep.jsonl" -o "$WORK/out-deep"

# A record over --max-document-bytes is skipped without being held whole.
{ printf '%s\n' "$good1"; printf '{"id": "big", "text": "%s"}\n' "$(head -c 300000 /dev/zero | tr '\0' a)"; printf '%s\n' "$good3"; } > "$WORK/big.jsonl"
expect_run "an oversized record is skipped" 1 "big.jsonl:2:1: error: record is longer than" \
  "$NEWSKG" export --jsonl "$WORK/big.jsonl" -o "$WORK/out-big" --max-document-bytes 100000
grep -q 'doc/good-3>' "$WORK/out-big/graph.nq" && pass "the record after an oversized one is exported" || fail "the record after an oversized one is exported"

# CRLF line ends and blank lines are fine.
{ printf '%s\r\n\r\n' "$good1"; printf '%s\r\n' "$good3"; } > "$WORK/crlf.jsonl"
expect_run "CRLF and blank lines" 0 "" "$NEWSKG" export --jsonl "$WORK/crlf.jsonl" -o "$WORK/out-crlf"
grep -q '"Summons"' "$WORK/out-crlf/graph.nq" && pass "title becomes schema:headline" || fail "title becomes schema:headline"
grep -q 'datePublished> "2024-08-22"' "$WORK/out-crlf/graph.nq" && pass "date becomes schema:datePublished" || fail "date becomes schema:datePublished"

expect_run "a missing JSON Lines file" 3 "no-such.jsonl: error: cannot open: No such file or directory" \
  "$NEWSKG" export --jsonl "$WORK/no-such.jsonl" -o "$WORK/out-missing"
[ ! -e "$WORK/out-missing" ] && pass "nothing written without input" || fail "nothing written without input"
finish
