#!/usr/bin/env bash
# Hostile and unusual files (tests/bad/files/README.md). Each case file sits in a folder between
# two good documents. A "skip" case gives its one-line message with file and position, the good
# documents are still exported (exit 1), nothing of the bad one is, no temporary file is left;
# under --strict it stops the run (exit 3) and nothing is written; alone it is "no usable input"
# (exit 3). A "read" case is exported (exit 0, no message) with the text given in the table.
source "$(dirname "$0")/../lib.sh"
here="$NKG_SOURCE_DIR/tests/bad/files"
isstring='<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString>'

# run_export ARGS...: runs newskg export -q, prints its exit code; its stderr is in $WORK/stderr.
run_export() { "$NEWSKG" export "$@" -q 2>"$WORK/stderr" >/dev/null; echo $?; }
no_temp_files() { [ "$(find "$1" -name '.*' -type f 2>/dev/null | wc -l)" -eq 0 ]; }

while IFS=$'\t' read -r name bytes outcome want; do
  [[ -z $name || $name == \#* ]] && continue
  dir="$WORK/$name"
  mkdir -p "$dir"
  printf 'Kazakhstan summoned the ambassador of Belarus.\n' > "$dir/a-good.txt"
  printf 'Armenia recalled its ambassador from Minsk.\n' > "$dir/z-good.txt"
  if [ "$bytes" = "<empty>" ]; then : > "$dir/$name.txt"; else printf '%b' "$bytes" > "$dir/$name.txt"; fi
  out="$WORK/out-$name"
  code=$(run_export "$dir" -o "$out" --format nquads)
  err=$(cat "$WORK/stderr")
  nq="$out/graph.nq"
  if [ "$outcome" = read ]; then
    if [ "$code" -eq 0 ] && [ -z "$err" ]; then pass "$name: read, exit 0, no message"; else fail "$name: read, exit 0, no message" "exit $code" "$err"; fi
    if grep -qF "<https://w3id.org/newskg/id/doc/$name> $isstring $want" "$nq" 2>/dev/null; then
      pass "$name: its text is $want"
    else
      fail "$name: its text is $want" "$(grep -aF "doc/$name> $isstring" "$nq" 2>/dev/null | cut -c1-200)"
    fi
    continue
  fi
  # skip
  if [ "$code" -eq 1 ] && grep -qF -- "$dir/$name.txt$want" <<<"$err" && [ "$(grep -c . <<<"$err")" -eq 1 ]; then
    pass "$name: one line naming file and position, exit 1"
  else
    fail "$name: one line naming file and position, exit 1" "exit $code, want 1 and: $name.txt$want" "got: $err"
  fi
  if grep -q 'doc/a-good>' "$nq" 2>/dev/null && grep -q 'doc/z-good>' "$nq" && ! grep -q "doc/$name>" "$nq"; then
    pass "$name: the good documents are exported, the bad one is not"
  else
    fail "$name: the good documents are exported, the bad one is not"
  fi
  no_temp_files "$out" && pass "$name: no temporary file left" || fail "$name: no temporary file left"
  code=$(run_export "$dir" -o "$WORK/strict-$name" --strict)
  err=$(cat "$WORK/stderr")
  if [ "$code" -eq 3 ] && grep -qF -- "$dir/$name.txt${want%; document skipped}" <<<"$err" &&
     grep -qF "newskg: error: a bad document stops the run (--strict)" <<<"$err" && [ ! -e "$WORK/strict-$name" ]; then
    pass "$name: --strict stops with exit 3 and writes nothing"
  else
    fail "$name: --strict stops with exit 3 and writes nothing" "exit $code" "$err"
  fi
  code=$(run_export "$dir/$name.txt" -o "$WORK/alone-$name")
  err=$(cat "$WORK/stderr")
  if [ "$code" -eq 3 ] && grep -qF "newskg: error: no usable input document" <<<"$err" && [ ! -e "$WORK/alone-$name" ]; then
    pass "$name: alone, no usable input (exit 3), nothing written"
  else
    fail "$name: alone, no usable input (exit 3), nothing written" "exit $code" "$err"
  fi
done < "$here/cases.tsv"
finish
