#!/usr/bin/env bash
# Pathological documents at two sizes: the time must roughly double when the input doubles
# (linear, not quadratic). Cases: 100 000 capitalized words in one sentence, 10 000 quotes, one
# multi-megabyte sentence of news words. Usage: bench/pathological.sh BUILD/newskg [SCALE]
set -euo pipefail
bin=${1:?usage: bench/pathological.sh NEWSKG [SCALE]}
scale=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$scale" <<'PY'
import random, sys
work, scale = sys.argv[1], float(sys.argv[2])
random.seed(7)
caps = ["Ivan", "Petrov", "Maria", "Lopez", "Astana", "Kazakh", "Foreign", "Minister", "Belarus", "President"]
words = ["the", "Kazakhstan", "summoned", "Ivan", "Petrov", "ambassador", "in", "Astana", "said", "and"]
for factor in (1, 2):
    n = int(scale * factor)
    open(f"{work}/caps-{factor}.txt", "w").write(" ".join(random.choice(caps) for _ in range(50000 * n)) + ".\n")
    open(f"{work}/quotes-{factor}.txt", "w").write(" ".join("\u201ca,\u201d he said" for _ in range(5000 * n)) + "\n")
    open(f"{work}/sentence-{factor}.txt", "w").write(" ".join(random.choice(words) for _ in range(100000 * n)) + ".\n")
PY
printf '%-10s %10s %10s %8s\n' case "1x (s)" "2x (s)" ratio
for case in caps quotes sentence; do
  t=()
  for factor in 1 2; do
    start=$(date +%s.%N)
    "$bin" export "$work/$case-$factor.txt" -o "$work/out" --format nquads -q
    end=$(date +%s.%N)
    t+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%-10s %10.3f %10.3f %8.2f\n' "$case" "${t[0]}" "${t[1]}" "$(echo "${t[1]} / ${t[0]}" | bc -l)"
done
