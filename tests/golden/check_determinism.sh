#!/usr/bin/env bash
# Output bytes depend only on the input: two runs, a run over the files in reverse order and a
# run from another working directory give identical files.
source "$(dirname "$0")/../lib.sh"
corpus="$NKG_SOURCE_DIR/corpus"
mapfile -t files < <(ls "$corpus"/*.txt | sort)
mapfile -t reversed < <(ls "$corpus"/*.txt | sort -r)
"$NEWSKG" export "${files[@]}" -o "$WORK/a" -q
"$NEWSKG" export "${files[@]}" -o "$WORK/b" -q
"$NEWSKG" export "${reversed[@]}" -o "$WORK/c" -q
mkdir -p "$WORK/copy" && cp "${reversed[@]}" "$WORK/copy/"
(cd "$WORK" && "$NEWSKG" export copy -o d -q)
for f in "$WORK"/a/*; do
  name=$(basename "$f")
  check "two runs: $name identical" cmp "$f" "$WORK/b/$name"
  check "reverse input order: $name identical" cmp "$f" "$WORK/c/$name"
  check "folder input from elsewhere: $name identical" cmp "$f" "$WORK/d/$name"
done
finish
