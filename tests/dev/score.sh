#!/usr/bin/env bash
# Scores newskg on a development-set folder (tests/dev/dev or tests/dev/reserved): each article
# NAME.txt (headline, blank line, body) with its NAME.json (title, date, url, outlet) and its
# gold NAME.gold.json. The articles go in as JSON Lines with their publication dates; the text
# is the file as written (the headline is its first line, analysed like the body).
#   tests/dev/score.sh DIR [NEWSKG]      e.g. tests/dev/score.sh tests/dev/dev build/newskg
# Evaluation data only: nothing here is installed or read by the library.
set -euo pipefail
dir=${1:?usage: tests/dev/score.sh DIR [NEWSKG]}
newskg=${2:-${NEWSKG:-build/newskg}}
shift $(( $# < 2 ? $# : 2 ))
work=$(mktemp -d "${TMPDIR:-/tmp}/newskg-dev.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$dir" "$work/articles.jsonl" <<'PY'
import json, pathlib, sys
folder, out = pathlib.Path(sys.argv[1]), sys.argv[2]
with open(out, "w", encoding="utf-8") as f:
    for txt in sorted(folder.glob("*.txt")):
        meta_file = txt.with_suffix(".json")
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        record = {"id": txt.stem, "text": txt.read_text(encoding="utf-8")}
        # A full publication date only: it is what resolves "on Friday" (a month alone does not).
        if meta.get("date") and len(meta["date"]) == 10:
            record["date"] = meta["date"]
        if meta.get("url"):
            record["url"] = meta["url"]
        f.write(json.dumps(record, ensure_ascii=False) + "\n")
PY
"$newskg" export --jsonl "$work/articles.jsonl" -o "$work/out" -q
"$newskg" eval "$@" "$dir" "$work/out"
