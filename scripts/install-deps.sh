#!/usr/bin/env bash
# Installs the Debian packages newskg needs to build, only those that are missing.
# With --fuzz also clang and libFuzzer (compiler-rt), which `make fuzz` builds with.
# Idempotent and silent when everything is there. Needs root (or sudo) only when something is missing.
set -euo pipefail

# package:probe — a probe is a file that the package installs (dpkg -s is slower and misses
# packages that were installed by hand).
packages=(
  build-essential:/usr/bin/g++
  cmake:/usr/bin/cmake
  pkg-config:/usr/bin/pkg-config
  libserd-dev:/usr/include/serd-0/serd/serd.h
  libsord-dev:/usr/include/sord-0/sord/sord.h
  libicu-dev:/usr/include/unicode/uchar.h
  nlohmann-json3-dev:/usr/include/nlohmann/json.hpp
  doctest-dev:/usr/include/doctest/doctest.h
  libcli11-dev:/usr/include/CLI/CLI.hpp
  libcurl4-openssl-dev:/usr/include/*/curl/curl.h
  libtbb-dev:/usr/include/oneapi/tbb.h
  help2man:/usr/bin/help2man
  graphviz:/usr/bin/dot
  libcpp-httplib-dev:/usr/include/httplib.h
  libjemalloc-dev:/usr/include/jemalloc/jemalloc.h
  libxxhash-dev:/usr/include/xxhash.h
)
if [[ ${1:-} == --fuzz ]]; then
  packages+=(clang:/usr/bin/clang++ "libclang-rt-dev:/usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a")
fi

missing=()
for spec in "${packages[@]}"; do
  compgen -G "${spec#*:}" >/dev/null || missing+=("${spec%%:*}")
done
((${#missing[@]} == 0)) && exit 0

sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 3; }
  sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp "${TMPDIR:-/tmp}/newskg-apt.XXXXXX.log")
trap 'rm -f "$log"' EXIT
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1; then
  # No package lists yet (fresh machine) or stale ones.
  if ! { "${sudo[@]}" apt-get update -qq &&
         "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >>"$log" 2>&1; then
    tail -20 "$log" >&2
    echo "install-deps: could not install ${missing[*]}" >&2
    exit 3
  fi
fi
for spec in "${packages[@]}"; do
  compgen -G "${spec#*:}" >/dev/null || { echo "install-deps: ${spec%%:*} installed but ${spec#*:} is missing" >&2; exit 3; }
done
