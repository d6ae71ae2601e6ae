#!/usr/bin/env bash
# rdf-check.sh [--strict] [-v] [--context URL=FILE]... FILE...
# Every RDF file through independent third-party parsers, side by side:
#   serdi, rapper (raptor2)          Turtle, TriG, N-Triples, N-Quads
#   N3.js / jsonld.js (safe mode)    all; JSON-LD contexts only from --context maps, never fetched
#   Oxigraph                         all (no base IRI, so a relative IRI fails)
#   RDFLib                           all
#   rdf-validate-datatype, RDFLib    literals valid for their XSD datatype
# All parsers that succeed must agree on the number of distinct quads. Portability lints
# (constructs Virtuoso 7.2.5 / raptor 2.0.15 misread) warn, and fail with --strict.
# One verdict line per file; exit 0 all pass, 1 a file fails, 2 bad usage.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
strict=0 verbose=0 contexts=() files=()
while (($#)); do
  case $1 in
    --strict) strict=1 ;;
    -v) verbose=1 ;;
    --context) [[ $# -ge 2 && $2 == *=* ]] || { echo "rdf-check: --context wants URL=FILE" >&2; exit 2; }
      contexts+=(--context "$2"); shift ;;
    -*) echo "rdf-check: unknown option $1" >&2; exit 2 ;;
    *) files+=("$1") ;;
  esac
  shift
done
((${#files[@]})) || { echo "usage: rdf-check.sh [--strict] [-v] [--context URL=FILE]... FILE..." >&2; exit 2; }
[[ -d $here/node_modules ]] || { echo "rdf-check: run scripts/install-test-tools.sh first" >&2; exit 2; }

python=
for py in $(type -ap python3) /usr/bin/python3; do
  "$py" -c 'import rdflib' 2>/dev/null && { python=$py; break; }
done

syntax_of() {
  case ${1##*.} in
    ttl) echo turtle ;; trig) echo trig ;; nt) echo ntriples ;; nq) echo nquads ;;
    jsonld|json) echo jsonld ;; *) return 1 ;;
  esac
}

status=0
for file in "${files[@]}"; do
  syntax=$(syntax_of "$file") || { echo "FAIL $file: unknown syntax (extension)"; status=1; continue; }
  [[ -r $file ]] || { echo "FAIL $file: not readable"; status=1; continue; }
  lines=()
  if [[ $syntax != jsonld ]]; then
    if out=$(serdi -i "$syntax" -o nquads "$file" "file://$(realpath "$file")" 2>&1 >/tmp/rdf-check.$$.nq); then
      lines+=("serdi	OK	$(sort -u /tmp/rdf-check.$$.nq | grep -c .)	")
    else
      lines+=("serdi	FAIL	-	$(head -c 300 <<<"$out" | tr '\n' ' ')")
    fi
    if [[ $syntax == trig ]] && grep -qE '(^|[[:space:]}.])GRAPH[[:space:]]' "$file"; then
      lines+=("rapper	SKIP	-	raptor 2.0.15 cannot read the TriG GRAPH keyword")
    elif out=$(rapper -q -i "$syntax" -o nquads "$file" 2>&1 >/tmp/rdf-check.$$.nq); then
      lines+=("rapper	OK	$(sort -u /tmp/rdf-check.$$.nq | grep -c .)	")
    else
      lines+=("rapper	FAIL	-	$(head -c 300 <<<"$out" | tr '\n' ' ')")
    fi
    rm -f /tmp/rdf-check.$$.nq
  fi
  while IFS= read -r line; do lines+=("$line"); done < <(node "$here/lib/node-check.js" "$file" "${contexts[@]}" 2>&1)
  if [[ -n $python ]]; then
    while IFS= read -r line; do lines+=("$line"); done < <("$python" "$here/lib/rdflib-check.py" "$file" "$syntax" "${contexts[@]}" 2>&1)
  else
    lines+=("rdflib	FAIL	-	no python3 imports rdflib (install python3-rdflib)")
  fi

  failed=() counts=() names=()
  for line in "${lines[@]}"; do
    IFS=$'\t' read -r checker verdict count message <<<"$line"
    case $verdict in
      OK) names+=("$checker")
          [[ $checker =~ ^(serdi|rapper|n3|jsonld|oxigraph|rdflib)$ ]] && counts+=("$checker=$count") ;;
      WARN) ((strict)) && failed+=("$line") ;;
      SKIP) ;;
      *) failed+=("$line") ;;
    esac
  done
  distinct=$(printf '%s\n' "${counts[@]}" | cut -d= -f2 | sort -u | grep -c .)
  ((distinct > 1)) && failed+=("agreement	FAIL	-	parsers disagree on the quad count: ${counts[*]}")
  quads=$(printf '%s\n' "${counts[@]}" | head -1 | cut -d= -f2)
  if ((${#failed[@]})); then
    echo "FAIL $file ($syntax)"
    status=1
  else
    echo "PASS $file ($syntax, ${quads:-0} quads): ${names[*]}"
  fi
  if ((verbose)); then
    printf '    %s\n' "${lines[@]}" | tr '\t' ' '
  else
    ((${#failed[@]})) && printf '    %s\n' "${failed[@]}" | tr '\t' ' '
    for line in "${lines[@]}"; do [[ $line == *$'\tWARN\t'* ]] && ! ((strict)) && printf '    %s\n' "$line" | tr '\t' ' '; done
  fi
done
exit $status
