#!/usr/bin/env bash
# Good and bad invocations of the CLI: exit codes, messages, and what is written.
source "$(dirname "$0")/../lib.sh"
c="$NKG_SOURCE_DIR/corpus"

expect_run "--version" 0 "" "$NEWSKG" --version
[ "$("$NEWSKG" --version)" = "newskg 0.1.0" ] && pass "--version prints the version" || fail "--version prints the version"
"$NEWSKG" --help | grep -q "Exit codes" && pass "--help lists exit codes" || fail "--help lists exit codes"
"$NEWSKG" export --help | grep -q -- "--format" && pass "export --help lists options" || fail "export --help lists options"
expect_run "no subcommand is a usage error" 2 "" "$NEWSKG"
expect_run "unknown option" 2 "newskg: error:" "$NEWSKG" export --frobnicate
expect_run "a misspelt format suggests the right one" 2 "did you mean --format turtle?" \
  "$NEWSKG" export "$c" -o "$WORK/x" --format turtel
expect_run "a relative --base is refused" 2 "is not an absolute IRI" "$NEWSKG" export "$c" -o "$WORK/x" --base rel/
expect_run "a --base without / or # is refused" 2 "must end with '/' or '#'" \
  "$NEWSKG" export "$c" -o "$WORK/x" --base https://example.org/kg
expect_run "a missing input" 3 "does-not-exist: error: no such file or directory" \
  "$NEWSKG" export "$WORK/does-not-exist" -o "$WORK/x"
[ ! -e "$WORK/x" ] && pass "nothing written when there is no input" || fail "nothing written when there is no input"

# A folder with one good and several bad documents: the good one is exported, each bad one
# reported with file and position, exit 1.
mkdir -p "$WORK/mixed"
cp "$c/000_b0b5c80f07ef403a.txt" "$WORK/mixed/good.txt"
printf 'ok\nab\377\n' > "$WORK/mixed/bad-utf8.txt"
printf 'a\0b' > "$WORK/mixed/binary.txt"
: > "$WORK/mixed/empty.txt"
expect_run "bad UTF-8 is skipped with line and column" 1 "bad-utf8.txt:2:3: error: invalid UTF-8 byte 0xFF; document skipped" \
  "$NEWSKG" export "$WORK/mixed" -o "$WORK/mixed-out"
expect_run "a binary file is skipped" 1 "binary.txt:1:2: error: NUL byte (U+0000): binary file, not text" \
  "$NEWSKG" export "$WORK/mixed" -o "$WORK/mixed-out"
expect_run "an empty file is skipped" 1 "empty.txt: error: empty document: no text" \
  "$NEWSKG" export "$WORK/mixed" -o "$WORK/mixed-out"
grep -q "doc/good>" "$WORK/mixed-out/graph.nq" && pass "the good document is exported" || fail "the good document is exported"
expect_run "--strict stops at a bad document" 3 "invalid UTF-8" \
  "$NEWSKG" export "$WORK/mixed" -o "$WORK/strict-out" --strict
[ ! -e "$WORK/strict-out" ] && pass "--strict writes nothing" || fail "--strict writes nothing"

# stdin, one format.
printf 'Kazakhstan summoned the ambassador of Belarus.\n' |
  "$NEWSKG" export - -o "$WORK/stdin" --format nquads -q
if grep -q '<https://w3id.org/newskg/id/state/KAZ>' "$WORK/stdin/graph.nq" && [ "$(ls "$WORK/stdin")" = "graph.nq" ]; then
  pass "stdin in, only the requested format out"
else
  fail "stdin in, only the requested format out"
fi
printf 'Armenia and Azerbaijan.\n' | "$NEWSKG" export - -o "$WORK/base" --format ntriples --base https://example.org/kg/ -q
grep -q '<https://example.org/kg/state/ARM>' "$WORK/base/graph.nt" && pass "--base sets the IRIs" || fail "--base sets the IRIs"

# Unwritable output: exit 4, no file left behind.
expect_run "an output folder that cannot be made" 4 "cannot create output folder" \
  "$NEWSKG" export "$c" -o /dev/null/out
mkdir -p "$WORK/ro" && touch "$WORK/ro/graph.ttl" && chmod 0555 "$WORK/ro"
if [ "$(id -u)" != 0 ]; then
  expect_run "a read-only output folder" 4 "error:" "$NEWSKG" export "$c" -o "$WORK/ro"
fi
# A user catalogue: its people, organizations and places are found and linked.
printf 'Protesters marched in Dilizhan on Monday. Ales Byalyatski spoke to YPC.\n' > "$WORK/cat.txt"
expect_run "export with a catalogue" 0 "" "$NEWSKG" export "$WORK/cat.txt" -o "$WORK/cat-out" \
  --catalog "$NKG_SOURCE_DIR/docs/examples/catalog.json" --format nquads
nq="$WORK/cat-out/graph.nq"
grep -q '<https://example.org/people/ales-bialiatski>' "$nq" && grep -q '"Ales Bialiatski"@en' "$nq" &&
  pass "a catalogue person is found by an alias, labelled and linked" || fail "a catalogue person is found by an alias"
grep -q '/place/dilijan> <https://w3id.org/newskg/ns#locatedIn> <https://w3id.org/newskg/id/state/ARM>' "$nq" &&
  pass "a catalogue place lies in its state" || fail "a catalogue place lies in its state"
grep -q '/org/yerevan-press-club> <http://www.w3.org/2000/01/rdf-schema#label> "Yerevan Press Club"@en' "$nq" &&
  pass "a catalogue organization is found by an alias" || fail "a catalogue organization is found by an alias"
printf '{"entities": [{"type": "Person", "label": "X",}]}' > "$WORK/bad-catalog.json"
expect_run "a malformed catalogue names file and byte" 2 "bad-catalog.json: byte 47: error: malformed JSON: parse error at line 1, column 47" \
  "$NEWSKG" export "$WORK/cat.txt" -o "$WORK/bad-cat-out" --catalog "$WORK/bad-catalog.json"
[ ! -e "$WORK/bad-cat-out" ] && pass "nothing written with a bad catalogue" || fail "nothing written with a bad catalogue"
printf '{"entities": [{"type": "Planet", "label": "Mars"}]}' > "$WORK/bad-type.json"
expect_run "an unknown catalogue type is refused" 2 "type 'Planet' is not Person, Organization or Place" \
  "$NEWSKG" export "$WORK/cat.txt" -o "$WORK/bad-cat-out" --catalog "$WORK/bad-type.json"
expect_run "a missing catalogue" 2 "cannot read the catalog" \
  "$NEWSKG" export "$WORK/cat.txt" -o "$WORK/bad-cat-out" --catalog "$WORK/none.json"
# "-o -": one format on standard output; several formats are refused.
"$NEWSKG" export "$c" -o - --format nquads -q > "$WORK/stdout.nq" && [ "$(grep -c . "$WORK/stdout.nq")" -gt 100 ] &&
  pass "-o - writes N-Quads to standard output" || fail "-o - writes N-Quads to standard output"
expect_run "-o - with several formats" 2 "-o - writes one format" "$NEWSKG" export "$c" -o - --format nquads,turtle
# Output to a full device: a write error, exit 4, not a silent truncation.
if [ -w /dev/full ]; then
  "$NEWSKG" export "$c" -o - --format nquads >/dev/full 2>"$WORK/full.err"; code=$?
  [ $code -eq 4 ] && grep -q "write failed\|error" "$WORK/full.err" && pass "stdout on /dev/full: exit 4 with a message" ||
    fail "stdout on /dev/full: exit 4 with a message" "exit $code" "$(cat "$WORK/full.err")"
fi

# A folder with a symlink loop is read once, without following the loop.
mkdir -p "$WORK/loop/sub"
cp "$c/000_b0b5c80f07ef403a.txt" "$WORK/loop/sub/a.txt"
ln -s .. "$WORK/loop/sub/up"
expect_run "a symlink loop in an input folder" 0 "" "$NEWSKG" export "$WORK/loop" -o "$WORK/loop-out" --format nquads -q
[ "$(grep -c 'dct\|identifier> "a"' "$WORK/loop-out/graph.nq")" -ge 1 ] && pass "the document behind the loop is read once" ||
  fail "the document behind the loop is read once"

# SIGTERM and SIGINT mid-run: the documented exit code, no temporary file left, no half-written file.
mkdir -p "$WORK/many"
for i in $(seq 1 150); do for f in "$c"/*.txt; do cp "$f" "$WORK/many/$(basename "$f" .txt)-$i.txt"; done; done
for delay in 0.3 1.5 3; do
  for sig in TERM INT; do
    rm -rf "$WORK/sig-out"
    "$NEWSKG" export "$WORK/many" -o "$WORK/sig-out" -q 2>/dev/null &
    pid=$!
    sleep "$delay"
    kill -s "$sig" "$pid" 2>/dev/null
    wait "$pid"; code=$?
    want=$([ "$sig" = TERM ] && echo 143 || echo 130)
    leftovers=$(find "$WORK/sig-out" -name '.*' -type f 2>/dev/null | wc -l)
    complete=1
    for f in "$WORK"/sig-out/graph.nq "$WORK"/sig-out/graph.nt; do
      [ -f "$f" ] && [ "$(tail -c 2 "$f")" != " ." ] && [ "$(tail -c 3 "$f" | head -c 2)" != " ." ] && complete=0
    done
    if { [ $code -eq "$want" ] || [ $code -eq 0 ]; } && [ "$leftovers" -eq 0 ] && [ $complete -eq 1 ]; then
      pass "SIG$sig after ${delay}s: exit $code, no temporary or half-written file"
    else
      fail "SIG$sig after ${delay}s" "exit $code (want $want), $leftovers temporary files, complete=$complete"
    fi
  done
done
# UTF-16 with a byte order mark is read (converted to UTF-8); an unpaired surrogate is refused.
if command -v iconv >/dev/null; then
  printf 'Kazakhstan summoned the ambassador of Belarus.\n' | iconv -f UTF-8 -t UTF-16 > "$WORK/utf16.txt"
  expect_run "a UTF-16 file is read" 0 "" "$NEWSKG" export "$WORK/utf16.txt" -o "$WORK/utf16-out" --format nquads -q
  grep -q '"Kazakhstan"' "$WORK/utf16-out/graph.nq" 2>/dev/null || grep -q 'state/KAZ' "$WORK/utf16-out/graph.nq" &&
    pass "UTF-16 text is recognized like UTF-8" || fail "UTF-16 text is recognized like UTF-8"
fi
printf '\xff\xfeA\x00\x00\xd8B\x00' > "$WORK/bad16.txt"
expect_run "an unpaired surrogate in UTF-16" 3 "bad16.txt: byte 4: error: UTF-16 text with an unpaired surrogate" \
  "$NEWSKG" export "$WORK/bad16.txt" -o "$WORK/bad16-out" -q
finish
