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

# --- Input policy (issue 7): inputs that cannot be read. Each is one line naming the file, the
# other documents are still exported (exit 1), and --strict makes it fatal (exit 3, nothing written).
good_nq() { grep -q 'doc/good>' "$1/graph.nq" 2>/dev/null; }
mkdir -p "$WORK/in"
printf 'Kazakhstan summoned the ambassador of Belarus.\n' > "$WORK/in/good.txt"
# strict_fatal NAME MESSAGE INPUT...: --strict stops with exit 3 and writes no output folder.
strict_fatal() {
  local name=$1 msg=$2; shift 2
  rm -rf "$WORK/strict"
  expect_run "$name: --strict makes it fatal (exit 3)" 3 "$msg" "$NEWSKG" export "$@" -o "$WORK/strict" --strict
  [ ! -e "$WORK/strict" ] && pass "$name: --strict writes nothing" || fail "$name: --strict writes nothing"
}
# Unreadable: tests run as root, for whom mode 000 changes nothing, so the run drops to nobody.
if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  mkdir -p "$WORK/priv" && cp "$WORK/in/good.txt" "$WORK/priv/good.txt" && printf 'secret\n' > "$WORK/priv/secret.txt"
  chmod 0711 "$WORK" && chmod 0755 "$WORK/priv" && chmod 0000 "$WORK/priv/secret.txt"
  as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  as_nobody "$NEWSKG" export "$WORK/priv" -o - --format nquads -q >"$WORK/priv.nq" 2>"$WORK/priv.err"; code=$?
  if [ $code -eq 1 ] && [ "$(cat "$WORK/priv.err")" = "$WORK/priv/secret.txt: error: cannot open: Permission denied; document skipped" ] &&
     grep -q 'doc/good>' "$WORK/priv.nq"; then
    pass "an unreadable file (as nobody) is skipped with its name and reason, exit 1"
  else
    fail "an unreadable file (as nobody) is skipped with its name and reason, exit 1" "exit $code" "$(cat "$WORK/priv.err")"
  fi
  chmod 0777 "$WORK"
  as_nobody "$NEWSKG" export "$WORK/priv" -o "$WORK/priv-out" -q --strict 2>"$WORK/priv.err"; code=$?
  chmod 0711 "$WORK"
  [ $code -eq 3 ] && [ ! -e "$WORK/priv-out" ] && grep -qF "secret.txt: error: cannot open: Permission denied" "$WORK/priv.err" &&
    pass "an unreadable file under --strict: exit 3 (not 4), nothing written" ||
    fail "an unreadable file under --strict: exit 3 (not 4), nothing written" "exit $code" "$(cat "$WORK/priv.err")"
  chmod 0700 "$WORK"
else
  echo "skip an unreadable file: setpriv cannot drop to nobody here"
fi
# A read error (EIO): /proc/self/mem fails at offset 0. It was read as an empty document.
expect_run "a read error names file and byte, exit 1" 1 "/proc/self/mem: byte 0: error: read error: Input/output error; document skipped" \
  "$NEWSKG" export /proc/self/mem "$WORK/in/good.txt" -o "$WORK/eio-out" --format nquads
good_nq "$WORK/eio-out" && pass "a read error: the other document is exported" || fail "a read error: the other document is exported"
strict_fatal "a read error" "/proc/self/mem: byte 0: error: read error: Input/output error" /proc/self/mem "$WORK/in/good.txt"
# A FIFO (nobody writing) is refused at once, not waited on; given directly and inside a folder.
mkfifo "$WORK/in/pipe.txt"
expect_run "a FIFO is refused without blocking" 1 "pipe.txt: error: cannot read: a FIFO, not a regular file; document skipped" \
  timeout 60 "$NEWSKG" export "$WORK/in/pipe.txt" "$WORK/in/good.txt" -o "$WORK/fifo-out" --format nquads
good_nq "$WORK/fifo-out" && pass "a FIFO: the other document is exported" || fail "a FIFO: the other document is exported"
# A dangling symlink inside a folder (was dropped in silence) and one named directly.
ln -s nowhere "$WORK/in/dangling.txt"
expect_run "a dangling symlink in a folder is reported" 1 "in/dangling.txt: error: cannot read: dangling symbolic link to 'nowhere'; document skipped" \
  timeout 60 "$NEWSKG" export "$WORK/in" -o "$WORK/dangling-out" --format nquads
good_nq "$WORK/dangling-out" && pass "a dangling symlink: the other documents are exported" || fail "a dangling symlink: the other documents are exported"
strict_fatal "a dangling symlink in a folder" "dangling.txt: error: cannot read: dangling symbolic link to 'nowhere'" "$WORK/in"
expect_run "a dangling symlink named directly" 1 "in/dangling.txt: error: dangling symbolic link" \
  "$NEWSKG" export "$WORK/in/dangling.txt" "$WORK/in/good.txt" -o "$WORK/dangling2-out" --format nquads
strict_fatal "a dangling symlink named directly" "newskg: error: an input does not exist (--strict)" "$WORK/in/dangling.txt" "$WORK/in/good.txt"
rm -f "$WORK/in/pipe.txt" "$WORK/in/dangling.txt"
# A path through a regular file (ENOTDIR) and a missing path next to a good input.
expect_run "a path through a file" 1 "in/good.txt/x: error: no such file or directory" \
  "$NEWSKG" export "$WORK/in/good.txt/x" "$WORK/in/good.txt" -o "$WORK/enotdir-out" --format nquads
good_nq "$WORK/enotdir-out" && pass "a path through a file: the other document is exported" || fail "a path through a file: the other document is exported"
strict_fatal "a path through a file" "newskg: error: an input does not exist (--strict)" "$WORK/in/good.txt/x" "$WORK/in/good.txt"
expect_run "a missing path next to a good one" 1 "nope.txt: error: no such file or directory" \
  "$NEWSKG" export "$WORK/nope.txt" "$WORK/in/good.txt" -o "$WORK/missing-out" --format nquads
good_nq "$WORK/missing-out" && pass "a missing path: the other document is exported" || fail "a missing path: the other document is exported"
# The symlink loop is a warning (not an error): reported, exit 0 even under --strict.
expect_run "a symlink loop is reported as a warning" 0 "loop/sub/up: warning: directory already visited (symlink loop); skipped" \
  "$NEWSKG" export "$WORK/loop" -o "$WORK/loop-out2" --format nquads --strict

# A 200 MB single-line document is refused over --max-document-bytes (64 MiB by default) from
# its size, before it is read; a 32 MB single line under the limit is exported.
yes 'the delegation met in the capital and talked about trade, roads and water for the region. ' |
  tr -d '\n' | head -c 200000000 > "$WORK/in/huge.txt"
expect_run "a 200 MB one-line document is refused with its size and the limit" 1 \
  "in/huge.txt: error: document is 200000000 bytes, over the limit of 67108864 (--max-document-bytes); document skipped" \
  "$NEWSKG" export "$WORK/in/huge.txt" "$WORK/in/good.txt" -o "$WORK/huge-out" --format nquads
good_nq "$WORK/huge-out" && pass "a 200 MB document: the other document is exported" || fail "a 200 MB document: the other document is exported"
strict_fatal "a 200 MB document" "huge.txt: error: document is 200000000 bytes, over the limit of 67108864" "$WORK/in/huge.txt" "$WORK/in/good.txt"
{ printf 'Kazakhstan summoned the ambassador of Belarus. '; head -c 32000000 "$WORK/in/huge.txt"; } > "$WORK/big-line.txt"
rm -f "$WORK/in/huge.txt"
expect_run "a 32 MB one-line document under the limit is exported" 0 "" \
  "$NEWSKG" export "$WORK/big-line.txt" -o "$WORK/big-out" --format nquads -q -j 2
grep -q '<https://w3id.org/newskg/id/doc/big-line> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString>' "$WORK/big-out/graph.nq" &&
  grep -q 'state/KAZ' "$WORK/big-out/graph.nq" && pass "the 32 MB document is in the graph, whole" || fail "the 32 MB document is in the graph, whole"
rm -rf "$WORK/big-line.txt" "$WORK/big-out"

# A --base that is not an IRI (a space) is a usage error before anything is written.
expect_run "a --base with a space is refused" 2 "newskg: error: --base 'https://example.org/a b/' is not an absolute IRI" \
  "$NEWSKG" export "$WORK/in" -o "$WORK/base-out" --base 'https://example.org/a b/'
[ ! -e "$WORK/base-out" ] && pass "a bad --base writes nothing" || fail "a bad --base writes nothing"

# --- Output faults: exit 4, one line naming the file, no temporary file left.
printf 'keep\n' > "$WORK/a-file"
expect_run "-o naming a regular file" 4 "a-file: error: cannot create output folder: Not a directory" \
  "$NEWSKG" export "$WORK/in" -o "$WORK/a-file"
[ "$(cat "$WORK/a-file")" = keep ] && pass "-o naming a regular file leaves it untouched" || fail "-o naming a regular file leaves it untouched"
expect_run "-o inside a regular file" 4 "a-file/out: error: cannot create output folder: Not a directory" \
  "$NEWSKG" export "$WORK/in" -o "$WORK/a-file/out"
"$NEWSKG" export "$c" -o - --format turtle >/dev/full 2>"$WORK/full.err"; code=$?
[ $code -eq 4 ] && [ "$(cat "$WORK/full.err")" = "-: error: write failed: No space left on device" ] &&
  pass "Turtle to /dev/full: exit 4, one line" || fail "Turtle to /dev/full: exit 4, one line" "exit $code" "$(cat "$WORK/full.err")"
# A read-only and a full file system, each a tmpfs mounted in a private mount namespace (seen by
# this test only, gone when it ends).
if unshare -m true 2>/dev/null; then
  "$NEWSKG" export "$c" -o "$WORK/ref" -q  # what a complete export holds
  in_namespace() { unshare -m bash -c "mount -t tmpfs -o $1 nkg-test '$WORK/mnt' && $2"; }
  mkdir -p "$WORK/mnt"
  in_namespace ro "'$NEWSKG' export '$c' -o '$WORK/mnt' 2>'$WORK/ro.err'; echo \$? > '$WORK/ro.code'; ls -A '$WORK/mnt' > '$WORK/ro.ls'"
  [ "$(cat "$WORK/ro.code")" = 4 ] && grep -qF "mnt/graph.ttl: error: cannot create temporary file: Read-only file system" "$WORK/ro.err" &&
    [ "$(grep -c . "$WORK/ro.err")" -eq 1 ] && [ ! -s "$WORK/ro.ls" ] &&
    pass "a read-only output folder: exit 4, one line, nothing written" ||
    fail "a read-only output folder: exit 4, one line, nothing written" "exit $(cat "$WORK/ro.code")" "$(cat "$WORK/ro.err")"
  # Room for graph.ttl (written first) and half of graph.trig (written next).
  room_k=$(( ($(stat -c %s "$WORK/ref/graph.ttl") + $(stat -c %s "$WORK/ref/graph.trig") / 2) / 1024 + 8 ))
  in_namespace "size=${room_k}k" "'$NEWSKG' export '$c' -o '$WORK/mnt' 2>'$WORK/enospc.err'; echo \$? > '$WORK/enospc.code'; mkdir -p '$WORK/enospc'; cp -a '$WORK/mnt/.' '$WORK/enospc/'"
  complete=1
  for f in "$WORK"/enospc/*; do [ -f "$f" ] && ! cmp -s "$f" "$WORK/ref/$(basename "$f")" && complete=0; done
  [ "$(cat "$WORK/enospc.code")" = 4 ] && [ "$(cat "$WORK/enospc.err")" = "$WORK/mnt/graph.trig: error: write failed: No space left on device" ] &&
    [ -f "$WORK/enospc/graph.ttl" ] && [ ! -e "$WORK/enospc/graph.trig" ] &&
    [ "$(grep -c . "$WORK/enospc.err")" -eq 1 ] && no_dot=$(find "$WORK/enospc" -name '.*' -type f | wc -l) && [ "$no_dot" -eq 0 ] && [ $complete -eq 1 ] &&
    pass "a full file system: exit 4, one line naming the file; graph.ttl complete, no graph.trig, no temporary file" ||
    fail "a full file system: exit 4, one line naming the file; graph.ttl complete, no graph.trig, no temporary file" \
      "exit $(cat "$WORK/enospc.code"), complete=$complete" "$(cat "$WORK/enospc.err")" "$(ls -A "$WORK/enospc")"
else
  echo "skip read-only and full file systems: unshare -m is not allowed here"
fi
finish
