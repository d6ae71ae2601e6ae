#!/usr/bin/env python3
"""Writes articles (text files) as JSON Lines: {"id", "text"} per line, in the order given.

usage: make_jsonl.py OUT.jsonl FILE...
"""
import json
import os
import sys


def main() -> int:
    out, files = sys.argv[1], sys.argv[2:]
    with open(out, "w", encoding="utf-8") as f:
        for path in files:
            with open(path, encoding="utf-8") as src:
                text = src.read()
            doc_id = os.path.splitext(os.path.basename(path))[0]
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
