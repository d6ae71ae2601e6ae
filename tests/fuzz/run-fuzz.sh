#!/usr/bin/env bash
# run-fuzz.sh BUILD_DIR SECONDS TARGET...: runs each libFuzzer target (built by `make fuzz` into
# BUILD_DIR/fuzz/) for SECONDS over a fresh copy of its seeds (tests/fuzz/corpus/TARGET) and
# regression fixtures (tests/fuzz/regressions/TARGET). The committed seeds are never modified.
# A crash, sanitizer report, leak, timeout or broken invariant fails the run; the input that
# caused it is left as BUILD_DIR/crashes/TARGET-* to become a regression fixture.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd) seconds=$2
shift 2
mkdir -p "$build/crashes"
status=0
for target in "$@"; do
  binary=$build/fuzz/$target
  [[ -x $binary ]] || { echo "run-fuzz: $binary is not built" >&2; exit 2; }
  work=$(mktemp -d "$build/corpus-$target.XXXXXX")
  cp "$here/corpus/$target"/* "$work/"
  find "$here/regressions/$target" -maxdepth 1 -type f ! -name '.*' -exec cp {} "$work/" \;
  seeds=$(find "$work" -type f | wc -l)
  log=$build/$target.log
  echo "fuzz: $target for ${seconds}s over $seeds seeds (log: $log)"
  # A fixed seed (FUZZ_SEED, default 1) makes CI's run the same sequence of inputs every time;
  # FUZZ_SEED=0 lets libFuzzer pick one, for exploring.
  if nice -n 15 "$binary" "$work" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
       -artifact_prefix="$build/crashes/$target-" -print_final_stats=1 >"$log" 2>&1; then
    echo "fuzz: $target: $(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$') runs, no crash"
  else
    status=1
    echo "FAIL fuzz: $target crashed; the input is in $build/crashes/ (copy it to tests/fuzz/regressions/$target/)"
    grep -E 'ERROR|SUMMARY|invariant broken|Test unit written' "$log" | head -10 | sed 's/^/    /'
  fi
  rm -rf "$work"
done
exit $status
