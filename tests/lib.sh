# Shared helpers for the shell tests. Each test script sources this, runs checks, then `finish`.
set -u
: "${NEWSKG:?NEWSKG must name the newskg binary}"
: "${NKG_SOURCE_DIR:?NKG_SOURCE_DIR must name the source tree}"
TOOLS="$NKG_SOURCE_DIR/tests/tools"
CONTEXT_MAP="https://w3id.org/newskg/context.jsonld=$NKG_SOURCE_DIR/ontology/context.jsonld"
passed=0
failed=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; [ $# -gt 1 ] && printf '     %s\n' "${@:2}"; }

# check NAME COMMAND...: passes when the command exits 0.
check() {
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$(printf '%s' "$out" | tail -n 15)"; fi
}

# expect_run NAME EXPECTED_EXIT EXPECTED_STDERR_SUBSTRING COMMAND...
expect_run() {
  local name=$1 want_code=$2 want_err=$3; shift 3
  local err code
  err=$("$@" 2>&1 >/dev/null); code=$?
  if [ "$code" -ne "$want_code" ]; then
    fail "$name" "exit $code, expected $want_code" "$err"
  elif [ -n "$want_err" ] && ! grep -qF -- "$want_err" <<<"$err"; then
    fail "$name" "stderr lacks: $want_err" "got: $err"
  else
    pass "$name"
  fi
}

# A fresh export of the sample corpus into $WORK/out (once per script).
export_corpus() {
  [ -d "$WORK/out" ] || "$NEWSKG" export "$NKG_SOURCE_DIR/corpus" -o "$WORK/out" -q
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
