#!/usr/bin/env bash
# CoNLL-2003 NER on the test split (eng.testb), when ../shared/eval is beside the project.
# Prints the figures; the issue's thresholds are reported, not enforced here (see README).
source "$(dirname "$0")/../lib.sh"
file="$NKG_SOURCE_DIR/../shared/eval/conll2003/eng.testb"
if [ ! -f "$file" ]; then
  echo "SKIP: ../shared/eval/conll2003 not present"
  exit 0
fi
report=$("$NEWSKG" eval --conll "$file" --countries "$NKG_SOURCE_DIR/tests/eval/conll-country-names.txt" --runs 1) ||
  { fail "newskg eval --conll runs" "$report"; finish; exit 1; }
echo "$report" | sed 's/^/     /'
for type in PER ORG LOC LOC-country; do
  grep -q "^$type " <<<"$report" && pass "$type scored" || fail "$type scored"
done
finish
