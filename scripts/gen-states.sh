#!/usr/bin/env bash
# Regenerates ontology/lexicon/states.tsv and state-names.tsv from their sources.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --no-save --no-audit --no-fund --prefix "$tmp" world-countries@5.1.0 >/dev/null
python3 "$here/gen_states.py" /usr/share/iso-codes/json/iso_3166-1.json \
  "$tmp/node_modules/world-countries/countries.json" "$here/../ontology/lexicon"
