#!/usr/bin/env bash
# Installs the third-party checkers the test suite runs on newskg's output (tests/tools/README.md):
# Debian's serdi, rapper (raptor2-utils), RDFLib (python3-rdflib), Dask (python3-distributed, for
# the distributed-run test), Node.js + npm, chromium and curl (the publish tests render pages
# headless and fetch them), and the npm packages pinned in tests/tools/package-lock.json (npm ci
# into tests/tools/node_modules).
# Idempotent: silent when everything is there; npm runs again only when the lock file changed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools=$root/tests/tools

has_rdflib() {
  local py
  for py in $(type -ap python3) /usr/bin/python3; do
    "$py" -c 'import rdflib' 2>/dev/null && return 0
  done
  return 1
}

missing=()
command -v serdi >/dev/null || missing+=(serdi)
command -v rapper >/dev/null || missing+=(raptor2-utils)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v flock >/dev/null || missing+=(util-linux)
command -v chromium >/dev/null || missing+=(chromium)
command -v curl >/dev/null || missing+=(curl)
has_rdflib || missing+=(python3-rdflib)
/usr/bin/python3 -c 'import dask.distributed' 2>/dev/null || missing+=(python3-distributed)
if ((${#missing[@]} > 0)); then
  sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || { echo "install-test-tools: need root to install: ${missing[*]}" >&2; exit 3; }
    sudo=(sudo)
  fi
  echo "install-test-tools: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  { "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
    { "${sudo[@]}" apt-get update -qq &&
      "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; }; } >/dev/null ||
    { echo "install-test-tools: could not install ${missing[*]}" >&2; exit 3; }
fi

stamp=$tools/node_modules/.newskg-stamp
want=$(cat "$tools/package.json" "$tools/package-lock.json" | sha256sum | cut -c1-64)
[[ -f $stamp && $(cat "$stamp") == "$want" ]] && exit 0
exec 9>"${TMPDIR:-/tmp}/newskg-test-tools.lock"
flock 9
[[ -f $stamp && $(cat "$stamp") == "$want" ]] && exit 0
echo "install-test-tools: npm ci in tests/tools (first use)" >&2
(cd "$tools" && npm ci --no-audit --no-fund --loglevel=error >&2)
echo "$want" >"$stamp"
