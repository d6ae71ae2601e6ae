#!/usr/bin/env bash
# End-to-end throughput (issue 6): a large corpus built deterministically by bench/make_corpus.py
# (the sample articles and, with ../shared, CoNLL-2003 dev documents, with substituted people,
# countries and dates), streamed through `newskg export --jsonl - -o - --format nquads` with 1 and
# with every thread: MB/s and documents/s of text in, triples/s out, peak RSS, seconds per stage;
# then serdi rewriting our N-Triples as Turtle next to newskg's Turtle writer on the same triples.
#
# Usage: bench/run.sh BUILD_DIR [MEGABYTES] [RUNS]     (defaults: 100 MB, median of 3 runs)
set -euo pipefail
build=${1:?usage: bench/run.sh BUILD_DIR [MEGABYTES] [RUNS]}
megabytes=${2:-100}
runs=${3:-3}
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$build/newskg
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache=$build/bench-cache
mkdir -p "$cache"
corpus=$cache/corpus-${megabytes}MB.jsonl
stamp=$(sha256sum "$here/bench/make_corpus.py" | cut -c1-16)
if [[ ! -f $corpus || ! -f $corpus.stamp || $(cat "$corpus.stamp") != "$stamp" ]]; then
  /usr/bin/python3 "$here/bench/make_corpus.py" "$corpus" --megabytes "$megabytes"
  echo "$stamp" >"$corpus.stamp"
fi
docs=$(wc -l <"$corpus")
text_bytes=$(/usr/bin/python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8")))' "$corpus")

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "input: $docs documents, $text_bytes bytes of text (bench/make_corpus.py --megabytes $megabytes); median of $runs runs"
echo
printf '%-8s %9s %9s %10s %12s %10s %8s   %s\n' threads seconds "MB/s" "docs/s" "triples/s" "peak RSS" speedup "stage seconds (summed over threads)"
base_time=""
for threads in 1 "$(nproc)"; do
  : >"$work/times"
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" export --jsonl "$corpus" -o - --format nquads -v -j "$threads" \
      2>"$work/stderr" | wc -c >"$work/out_bytes"
    read -r secs rss_kb <"$work/time"
    echo "$secs $rss_kb" >>"$work/times"
    quads=$(grep -o '[0-9]* quads' "$work/stderr" | head -1 | cut -d' ' -f1)
    stages=$(grep 'seconds (summed' "$work/stderr" | sed 's/.*: //')
  done
  t=$(cut -d' ' -f1 "$work/times" | median)
  rss=$(cut -d' ' -f2 "$work/times" | sort -n | tail -1)
  [[ -z $base_time ]] && base_time=$t
  printf '%-8s %9.2f %9.2f %10.0f %12.0f %8.0f MB %7.2fx   %s\n' "$threads" "$t" \
    "$(echo "$text_bytes / $t / 1000000" | bc -l)" "$(echo "$docs / $t" | bc -l)" "$(echo "$quads / $t" | bc -l)" \
    "$(echo "$rss / 1024" | bc -l)" "$(echo "$base_time / $t" | bc -l)" "$stages"
done
echo "output: $quads quads, $(cat "$work/out_bytes") bytes of N-Quads per run"

# Memory stays flat as input grows: the same run on a tenth of the corpus.
head -n $((docs / 10)) "$corpus" >"$work/tenth.jsonl"
/usr/bin/time -f '%M' -o "$work/time" "$bin" export --jsonl "$work/tenth.jsonl" -o - --format nquads -q -j "$(nproc)" >/dev/null
echo "peak RSS on a tenth of the input: $(( $(cat "$work/time") / 1024 )) MB (flat memory: per-document state is freed)"
echo

# Turtle writing: serdi (Debian) rewriting our N-Triples as Turtle, and newskg's writer on the same
# triples (bench_write_turtle: read with Serd first, then written; the write alone is timed).
head -n $((docs / 20 + 1)) "$corpus" >"$work/part.jsonl"
"$bin" export --jsonl "$work/part.jsonl" -o "$work/part" --format ntriples -q
nt=$work/part/graph.nt
nt_bytes=$(wc -c <"$nt")
: >"$work/serdi"; : >"$work/ours"
for _ in $(seq 1 "$runs"); do
  /usr/bin/time -f '%e' -o "$work/time" serdi -i ntriples -o turtle "$nt" >/dev/null
  cat "$work/time" >>"$work/serdi"
  "$build/bench_write_turtle" "$nt" | awk '{print $4, $6}' >>"$work/ours"
done
triples=$(wc -l <"$nt")
serdi_t=$(median <"$work/serdi")
read_t=$(cut -d' ' -f1 "$work/ours" | median)
write_t=$(cut -d' ' -f2 "$work/ours" | median)
printf 'Turtle from %d triples (%d bytes of N-Triples):\n' "$triples" "$nt_bytes"
printf '  serdi (parse + write)          %7.3f s  %10.0f triples/s\n' "$serdi_t" "$(echo "$triples / $serdi_t" | bc -l)"
printf '  newskg writer (write)          %7.3f s  %10.0f triples/s  (%.2fx serdi)\n' "$write_t" \
  "$(echo "$triples / $write_t" | bc -l)" "$(echo "$serdi_t / $write_t" | bc -l)"
printf '  newskg read + write            %7.3f s  %10.0f triples/s  (%.2fx serdi)\n' "$(echo "$read_t + $write_t" | bc -l)" \
  "$(echo "$triples / ($read_t + $write_t)" | bc -l)" "$(echo "$serdi_t / ($read_t + $write_t)" | bc -l)"
