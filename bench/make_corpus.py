#!/usr/bin/python3
"""Builds a large benchmark corpus deterministically, as JSON Lines {"id", "title", "date", "text"}.

Documents are the sample articles (corpus/*.txt) and, when ../shared is beside the project, the
CoNLL-2003 dev split's documents rebuilt as text — each copy with other people, countries and
dates substituted from newskg's own lexicons (ontology/lexicon), so recognition works on varied
names instead of one article repeated. The same --seed and --megabytes give the same bytes.

usage: bench/make_corpus.py OUT.jsonl [--megabytes 100] [--seed 1]
"""
import argparse
import glob
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEX = os.path.join(ROOT, "ontology", "lexicon")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def rows(name):
    with open(os.path.join(LEX, name), encoding="utf-8") as f:
        lines = [l.rstrip("\n").split("\t") for l in f if not l.startswith("#")]
    return lines[1:]  # the header row


def conll_documents(path):
    docs, words = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            token = line.split(" ")[0].strip()
            if token == "-DOCSTART-":
                if words:
                    docs.append(" ".join(words))
                words = []
            elif not token:
                if words and words[-1] != "\n":
                    words.append("\n")
            else:
                words.append(token)
    if words:
        docs.append(" ".join(words))
    return [re.sub(r" ?\n ?", "\n", d).strip() for d in docs if len(d) > 200]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--megabytes", type=float, default=100.0)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = random.Random(a.seed)

    states = sorted({r[4] for r in rows("states.tsv") if len(r) > 4 and " " not in r[4] and "," not in r[4]})
    given = sorted({r[0] for r in rows("given-names.tsv") if r and r[0].isalpha() and r[0][0].isupper()})
    surnames = sorted({r[0].split()[-1] for r in rows("people.tsv") if r and len(r[0].split()) >= 2})
    given_set = set(given)

    sources = []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpus", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            sources.append(("news", f.read()))
    conll = os.path.join(ROOT, "..", "shared", "eval", "conll2003", "eng.testa")
    if os.path.exists(conll):
        sources += [("conll", d) for d in conll_documents(conll)]
    else:
        print("make_corpus: ../shared/eval/conll2003 not present: sample articles only", file=sys.stderr)

    state_re = re.compile(r"\b(" + "|".join(re.escape(s) for s in states) + r")\b")
    name_re = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b")
    year_re = re.compile(r"\b(19[5-9][0-9]|20[0-2][0-9])\b")
    month_re = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")

    target = int(a.megabytes * 1e6)
    written = 0
    n = 0
    with open(a.out + ".tmp", "w", encoding="utf-8") as out:
        while written < target:
            kind, text = sources[n % len(sources)]
            # One substitution table per copy: the same person or country throughout a document.
            swap_state = {}
            swap_name = {}

            def state(m):
                return swap_state.setdefault(m.group(1), rng.choice(states))

            def name(m):
                if m.group(1) not in given_set:
                    return m.group(0)
                key = m.group(0)
                if key not in swap_name:
                    swap_name[key] = rng.choice(given) + " " + rng.choice(surnames)
                return swap_name[key]

            body = state_re.sub(state, text)
            body = name_re.sub(name, body)
            year = rng.randint(1995, 2026)
            body = year_re.sub(lambda m: str(year), body)
            body = month_re.sub(lambda m: rng.choice(MONTHS), body)
            record = {"id": "bench-%07d" % n, "title": body.split("\n", 1)[0][:120],
                      "date": "%04d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28)), "text": body}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(body.encode("utf-8"))
            n += 1
    os.replace(a.out + ".tmp", a.out)
    print("make_corpus: %d documents, %d bytes of text -> %s" % (n, written, a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
