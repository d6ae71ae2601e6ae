#!/usr/bin/env bash
# CoNLL-2003 NER on the test split (eng.testb), when ../shared/eval is beside the project.
# Thresholds of issue 3 on the test split: PER F1 >= 0.75, ORG >= 0.50, LOC-country >= 0.92.
source "$(dirname "$0")/../lib.sh"
file="$NKG_SOURCE_DIR/../shared/eval/conll2003/eng.testb"
if [ ! -f "$file" ]; then
  echo "SKIP: ../shared/eval/conll2003 not present"
  exit 0
fi
report=$("$NEWSKG" eval --conll "$file" --countries "$NKG_SOURCE_DIR/tests/eval/conll-country-names.txt" --runs 1) ||
  { fail "newskg eval --conll runs" "$report"; finish; exit 1; }
echo "$report" | sed 's/^/     /'
f1() { awk -v row="$1" '$1 == row { print $NF }' <<<"$report"; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
for pair in PER:0.75 ORG:0.50 LOC-country:0.92; do
  type=${pair%%:*} want=${pair#*:}
  got=$(f1 "$type")
  at_least "$got" "$want" && pass "$type F1 $got >= $want" || fail "$type F1 ${got:-none} >= $want"
done
finish
