#!/usr/bin/env python3
"""Builds ontology/lexicon/lemmas.tsv: the lemma of each inflected word form of pos-lexicon.tsv.

For every form in pos-lexicon.tsv and every inflected tag the lexicon lists for it (VBD VBN VBZ
VBG -> WordNet verb; NNS NNPS -> noun; JJR JJS -> adjective), the lemma is found with WordNet's
morphy algorithm (morph.c of WordNet 3.0, for one-word forms):
  1. the exception list of the part of speech ({verb,noun,adj}.exc): if the form is there with a
     base other than itself, the first base is the lemma;
  2. otherwise the detachment rules of that part of speech, in WordNet's order; the first
     candidate that differs from the form and is in the WordNet index of that part of speech
     (index.verb, ...) is the lemma. Nouns ending in "ss" and nouns of at most two letters get
     no rule lemma; a noun ending in "ful" is lemmatized without it and gets it back
     ("cupsful" -> "cupful").
Forms are lower-cased (ASCII) first. A row is written only where the lemma differs from the
lower-cased form; forms that differ only in case give one row.

Usage (from the repository root; needs Debian's wordnet-base, python3's standard library only):
  apt-get install wordnet-base
  python3 scripts/build-lemmas.py [--wordnet /usr/share/wordnet]
      [--lexicon ontology/lexicon/pos-lexicon.tsv] [--out ontology/lexicon/lemmas.tsv]
Deterministic: same inputs, same bytes out.
"""

import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

COMMAND = "apt-get install wordnet-base && python3 scripts/build-lemmas.py"

TAG_POS = {
    "VBD": "verb", "VBN": "verb", "VBZ": "verb", "VBG": "verb",
    "NNS": "noun", "NNPS": "noun",
    "JJR": "adj", "JJS": "adj",
}

# WordNet 3.0 morph.c: sufx[] / addr[], in order, per part of speech.
RULES = {
    "noun": [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"),
             ("men", "man"), ("ies", "y")],
    "verb": [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
             ("ing", "e"), ("ing", "")],
    "adj": [("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
}


def lower_ascii(s):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


def read_index(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("  "):  # licence header
                continue
            lemma = line.split(" ", 1)[0]
            if lemma:
                words.add(lemma)
    return words


def read_exceptions(path):
    exc = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 2 and fields[0] not in exc:
                exc[fields[0]] = fields[1:]
    return exc


def morphy(form, pos, index, exc):
    """The lemma of a lower-case one-word form, or None (morph.c morphword)."""
    bases = exc[pos].get(form)
    if bases and bases[0] != form:
        return bases[0]
    stem, end = form, ""
    if pos == "noun":
        if form.endswith("ful"):
            stem, end = form[:-3], "ful"
        elif form.endswith("ss") or len(form) <= 2:
            return None
    for suffix, ending in RULES[pos]:
        if stem.endswith(suffix):
            cand = stem[: len(stem) - len(suffix)] + ending
            if cand != stem and cand in index[pos]:
                return cand + end
    return None


def read_lexicon(path):
    rows = []
    header = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if not header:
                header = True
                continue
            word, tags = line.split("\t")[:2]
            rows.append((word, tags.split(" ")))
    return rows


def package_version(name):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", name], capture_output=True, text=True, check=False)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def licence_text(wordnet_dir):
    """The WordNet licence as the index files carry it (it must appear on all copies)."""
    lines = []
    with open(os.path.join(wordnet_dir, "index.noun"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("  "):
                break
            m = re.match(r"\s*\d+ ?(.*)$", line.rstrip())  # drop the line numbers
            lines.append((m.group(1) if m else line).strip())
    while lines and not lines[-1]:
        lines.pop()
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--lexicon", default=os.path.join(ROOT, "ontology/lexicon/pos-lexicon.tsv"))
    ap.add_argument("--out", default=os.path.join(ROOT, "ontology/lexicon/lemmas.tsv"))
    args = ap.parse_args()

    index = {pos: read_index(os.path.join(args.wordnet, "index." + pos)) for pos in RULES}
    exc = {pos: read_exceptions(os.path.join(args.wordnet, pos + ".exc")) for pos in RULES}

    rows = set()
    asked = 0
    for word, tags in read_lexicon(args.lexicon):
        form = lower_ascii(word)
        for tag in tags:
            pos = TAG_POS.get(tag)
            if pos is None:
                continue
            asked += 1
            lemma = morphy(form, pos, index, exc)
            if lemma is not None and lemma != form:
                rows.add((form, tag, lemma))

    def key(r):
        return tuple(x.encode("utf-8") for x in r)

    out = [
        "# newskg lemmas: the lemma of each inflected word form of pos-lexicon.tsv, by tag.",
        "# Source: WordNet 3.0 (Princeton University), Debian package wordnet-base %s:"
        % package_version("wordnet-base"),
        "#   /usr/share/wordnet/{verb,noun,adj}.exc and index.{verb,noun,adj}, with WordNet's morphy",
        "#   algorithm (exception list first, then the detachment rules; a candidate counts only if",
        "#   it is in the index of that part of speech). Tags: VBD VBN VBZ VBG -> verb, NNS NNPS -> noun,",
        "#   JJR JJS -> adjective. Forms are lower-cased; a row only where the lemma differs from the form.",
        "#   %d (form, tag) pairs looked up, %d rows." % (asked, len(rows)),
        "# Generated by: %s   (run from the repository root, after pos-lexicon.tsv)" % COMMAND,
        "#   Do not edit by hand; run the command again.",
        "# Licence (WordNet 3.0 licence, BSD-like; see /usr/share/doc/wordnet-base/copyright). Its text:",
    ]
    out += ["#   " + line if line else "#" for line in licence_text(args.wordnet)]
    out.append("form\ttag\tlemma")
    out += ["\t".join(r) for r in sorted(rows, key=key)]
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    print("lemmas.tsv: %d rows from %d (form, tag) pairs" % (len(rows), asked), file=sys.stderr)


if __name__ == "__main__":
    main()
