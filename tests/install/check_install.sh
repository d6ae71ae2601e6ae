#!/usr/bin/env bash
# `cmake --install` of the already-built tree (NKG_BUILD_DIR; nothing is rebuilt) into a
# temporary prefix gives a usable package: examples/embed builds against it with
# find_package(newskg) and with pkg-config (not against the source or build tree), runs, and
# finds the state in a short article; the man page renders and documents every subcommand.
source "$(dirname "$0")/../lib.sh"
: "${NKG_BUILD_DIR:?NKG_BUILD_DIR must name the build tree to install}"
P=$WORK/prefix
ARTICLE="ASTANA, Aug 21 - Kazakhstan summoned the Belarusian ambassador on Wednesday, the foreign ministry said."
STATE='<https://w3id.org/newskg/id/state/KAZ>'

if ! out=$(cmake --install "$NKG_BUILD_DIR" --prefix "$P" 2>&1); then
  fail "cmake --install into a temporary prefix" "$(tail -n 15 <<<"$out")"
  finish; exit 1
fi
pass "cmake --install into a temporary prefix"

for f in bin/newskg lib/libnewskg.a include/newskg/newskg.hpp include/newskg/core/status.hpp \
         lib/cmake/newskg/newskgConfig.cmake lib/cmake/newskg/newskgConfigVersion.cmake \
         lib/cmake/newskg/newskgTargets.cmake lib/pkgconfig/newskg.pc share/man/man1/newskg.1 \
         share/doc/newskg/README.md share/doc/newskg/CHANGELOG.md share/doc/newskg/ontology.md; do
  if [ -f "$P/$f" ]; then pass "installs $f"; else fail "installs $f"; fi
done
for f in newskg.ttl shapes.ttl context.jsonld; do
  if cmp -s "$NKG_SOURCE_DIR/ontology/$f" "$P/share/newskg/$f"; then
    pass "installs share/newskg/$f"
  else
    fail "installs share/newskg/$f" "missing, or not the same as ontology/$f"
  fi
done
if hits=$(grep -rlF -e "$NKG_SOURCE_DIR" -e "$NKG_BUILD_DIR" "$P/lib/cmake" "$P/lib/pkgconfig"); then
  fail "the package files do not point into the source or build tree" "$hits"
else
  pass "the package files do not point into the source or build tree"
fi
check "the installed tool runs" "$P/bin/newskg" --version

# The public header includes only installed headers and the standard library (the include
# paths are the ones newskg.pc and newskg::newskg give).
printf '#include <newskg/newskg.hpp>\nint main() { return nkg::version.empty() ? 1 : 0; }\n' >"$WORK/header.cpp"
check "newskg.hpp compiles from the prefix alone" \
  c++ -std=c++20 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I "$P/include" -I "$P/include/newskg" \
  "$WORK/header.cpp"

# runs_example NAME BINARY: the example finds the state in the article.
runs_example() {
  local out
  if ! out=$("$2" "$ARTICLE" 2>&1); then
    fail "$1: runs" "$(tail -n 5 <<<"$out")"
  elif grep -qF -- "$STATE" <<<"$out"; then
    pass "$1: prints $STATE for an article about Kazakhstan"
  else
    fail "$1: prints $STATE for an article about Kazakhstan" "$(head -n 5 <<<"$out")"
  fi
}

# find_package(newskg), from a copy of the example so nothing is written into the source tree.
cp -r "$NKG_SOURCE_DIR/examples/embed" "$WORK/cmake-src"
rm -rf "$WORK/cmake-src/build" "$WORK/cmake-src/embed"
if out=$(cmake -S "$WORK/cmake-src" -B "$WORK/cmake-build" -DCMAKE_BUILD_TYPE=Release \
           -DCMAKE_PREFIX_PATH="$P" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF 2>&1 &&
         cmake --build "$WORK/cmake-build" 2>&1); then
  pass "examples/embed builds with find_package(newskg)"
  found=$(sed -n 's/^newskg_DIR:PATH=//p' "$WORK/cmake-build/CMakeCache.txt")
  if [ "$found" = "$P/lib/cmake/newskg" ]; then
    pass "find_package found the temporary prefix"
  else
    fail "find_package found the temporary prefix" "newskg_DIR=$found"
  fi
  runs_example "find_package build" "$WORK/cmake-build/embed"
else
  fail "examples/embed builds with find_package(newskg)" "$(tail -n 20 <<<"$out")"
fi

# What the package gives a caller besides the target: the data folder and the dependencies.
mkdir -p "$WORK/package"
cat >"$WORK/package/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(package_contents LANGUAGES CXX)
find_package(newskg 0.1 REQUIRED)
if(NOT EXISTS "${newskg_DATA_DIR}/newskg.ttl")
  message(FATAL_ERROR "newskg_DATA_DIR=${newskg_DATA_DIR} has no newskg.ttl")
endif()
get_target_property(links newskg::newskg INTERFACE_LINK_LIBRARIES)
foreach(dep ICU::uc ICU::i18n PkgConfig::newskg_serd PkgConfig::newskg_sord CURL::libcurl)
  if(NOT dep IN_LIST links OR NOT TARGET ${dep})
    message(FATAL_ERROR "newskg::newskg does not bring ${dep}: ${links}")
  endif()
endforeach()
CMAKE
check "find_package(newskg) sets newskg_DATA_DIR and brings Serd, Sord, ICU and libcurl" \
  cmake -S "$WORK/package" -B "$WORK/package/build" -DCMAKE_PREFIX_PATH="$P"

# The version file refuses an incompatible version.
mkdir -p "$WORK/wrong-version"
cat >"$WORK/wrong-version/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(wrong_version LANGUAGES CXX)
find_package(newskg 99 REQUIRED)
CMAKE
if out=$(cmake -S "$WORK/wrong-version" -B "$WORK/wrong-version/build" -DCMAKE_PREFIX_PATH="$P" 2>&1); then
  fail "find_package(newskg 99) is refused" "it configured"
elif grep -q 'considered but not accepted' <<<"$out"; then
  pass "find_package(newskg 99) is refused"
else
  fail "find_package(newskg 99) is refused" "but not by the version file:" "$(tail -n 8 <<<"$out")"
fi

# pkg-config, with the example's Makefile.
cp -r "$NKG_SOURCE_DIR/examples/embed" "$WORK/pc-src"
rm -rf "$WORK/pc-src/build" "$WORK/pc-src/embed"
prefix=$(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --variable=prefix newskg 2>&1)
if [ "$(realpath -m "$prefix")" = "$(realpath "$P")" ]; then
  pass "newskg.pc is relocatable (prefix = the temporary prefix)"
else
  fail "newskg.pc is relocatable (prefix = the temporary prefix)" "prefix=$prefix"
fi
datadir=$(PKG_CONFIG_PATH="$P/lib/pkgconfig" pkg-config --variable=datadir newskg 2>&1)
if [ -f "$datadir/newskg.ttl" ]; then
  pass "pkg-config --variable=datadir names the installed ontology folder"
else
  fail "pkg-config --variable=datadir names the installed ontology folder" "datadir=$datadir"
fi
if out=$(env -u PKG_CONFIG_PATH make -C "$WORK/pc-src" PKG_CONFIG_PATH="$P/lib/pkgconfig" 2>&1); then
  pass "examples/embed builds with pkg-config"
  runs_example "pkg-config build" "$WORK/pc-src/embed"
else
  fail "examples/embed builds with pkg-config" "$(tail -n 20 <<<"$out")"
fi

# The README's program and its one-line pkg-config build, as written there (/opt/newskg = the prefix).
section=$(sed -n '/^## Installing the library$/,/^## /p' "$NKG_SOURCE_DIR/README.md")
mkdir -p "$WORK/readme"
sed -n '/^```cpp$/,/^```$/{/^```/d;p}' <<<"$section" >"$WORK/readme/main.cpp"
command=$(grep -m1 '^c++ .*main.cpp.*PKG_CONFIG_PATH=/opt/newskg' <<<"$section")
if [ ! -s "$WORK/readme/main.cpp" ] || [ -z "$command" ]; then
  fail "the README's 'Installing the library' has a program and a pkg-config command"
elif out=$(cd "$WORK/readme" && env -u PKG_CONFIG_PATH bash -c "${command//\/opt\/newskg/$P} -o readme-example" 2>&1); then
  pass "the README's pkg-config command builds the README's program"
  if out=$("$WORK/readme/readme-example" 2>&1) && grep -qF -- "$STATE" <<<"$out"; then
    pass "the README's program prints $STATE"
  else
    fail "the README's program prints $STATE" "$(head -n 5 <<<"$out")"
  fi
else
  fail "the README's pkg-config command builds the README's program" "$command" "$(tail -n 10 <<<"$out")"
fi

# The man page renders without warnings and documents every subcommand `newskg --help` lists.
man_page=$P/share/man/man1/newskg.1
if warnings=$(groff -man -Tutf8 -ww -z "$man_page" 2>&1) && [ -z "$warnings" ]; then
  pass "newskg.1 renders with groff without warnings"
else
  fail "newskg.1 renders with groff without warnings" "$warnings"
fi
if text=$(MANWIDTH=100 man -l "$man_page" 2>&1) && grep -q '^NEWSKG(1)' <<<"$text"; then
  pass "man -l newskg.1 renders"
  subcommands=$("$NEWSKG" --help | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z0-9-]*\) .*/\1/p')
  [ -n "$subcommands" ] || fail "newskg --help lists subcommands"
  for sub in $subcommands; do
    if grep -qE "^ +newskg $sub\$" <<<"$text" && grep -qF "Usage: newskg $sub" <<<"$text"; then
      pass "the man page documents 'newskg $sub'"
    else
      fail "the man page documents 'newskg $sub'"
    fi
  done
else
  fail "man -l newskg.1 renders" "$(head -n 5 <<<"$text")"
fi
finish
