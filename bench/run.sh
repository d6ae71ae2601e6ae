#!/usr/bin/env bash
# A first end-to-end throughput figure: the sample corpus copied COPIES times (each copy its
# own documents), exported as N-Quads and as every format; median wall time of RUNS runs.
# Usage: bench/run.sh BUILD/newskg [COPIES] [RUNS]
set -euo pipefail
bin=${1:?usage: bench/run.sh NEWSKG [COPIES] [RUNS]}
copies=${2:-200}
runs=${3:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
for i in $(seq 1 "$copies"); do
  for f in "$here"/corpus/*.txt; do cp "$f" "$work/in/$(basename "$f" .txt)-$i.txt"; done
done
bytes=$(cat "$work"/in/*.txt | wc -c)
docs=$(ls "$work/in" | wc -l)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
measure() {  # measure FORMAT -> median seconds
  for _ in $(seq 1 "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$bin" export "$work/in" -o "$work/out" --format "$1" -q
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
  done | median
}
echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "input: $docs documents, $bytes bytes (corpus/ x $copies); median of $runs runs"
for fmt in nquads all; do
  t=$(measure "$fmt")
  printf '%-8s %8.3f s  %8.2f MB/s  %8.0f docs/s\n' "$fmt" "$t" "$(echo "$bytes / $t / 1000000" | bc -l)" "$(echo "$docs / $t" | bc -l)"
done
