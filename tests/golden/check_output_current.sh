#!/usr/bin/env bash
# The committed output/ is exactly what the current code writes for corpus/.
source "$(dirname "$0")/../lib.sh"
export_corpus || { fail "export of the sample corpus"; finish; exit 1; }
for f in "$WORK"/out/*; do
  name=$(basename "$f")
  if [ ! -f "$NKG_SOURCE_DIR/output/$name" ]; then
    fail "output/$name is committed" "missing: run 'make export' and commit output/"
  elif cmp -s "$f" "$NKG_SOURCE_DIR/output/$name"; then
    pass "output/$name is up to date"
  else
    fail "output/$name is up to date" "stale: run 'make export' and commit output/" \
      "$(diff "$NKG_SOURCE_DIR/output/$name" "$f" | head -n 8)"
  fi
done
for f in "$NKG_SOURCE_DIR"/output/*; do
  name=$(basename "$f")
  case "$name" in graph.svg) continue ;; esac
  [ -f "$WORK/out/$name" ] || fail "output/$name is still written" "no longer produced: remove it"
done
finish
