#!/usr/bin/env python3
"""Generate ontology/lexicon/states.tsv and state-names.tsv.

Sources (named in the generated headers):
  - Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (codes, ISO names)
  - npm world-countries 5.1.0 countries.json (common/official English names, demonyms, capitals), ODbL
  - scripts/sources/iso3-wikidata.tsv (Wikidata IDs from Our World in Data, CC BY 4.0)
  - scripts/sources/state-extra-names.tsv (hand-curated adjectives, alternates, seats of government)

Usage: gen_states.py ISO_JSON WORLD_COUNTRIES_JSON OUT_DIR   (scripts/gen-states.sh runs it)
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEEP_SHORT = {"US", "UK", "UAE", "USA", "DRC", "DPRK", "U.S.", "U.K."}
LATIN = re.compile(r"^[A-Z][A-Za-z\u00C0-\u024F .'\u2019-]*$")


def read_tsv(path):
    rows = []
    header_seen = False
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append(line.split("\t"))
    return rows


def usable(form):
    """A name as it can appear in running English text."""
    if "," in form or "(" in form:
        return False
    if form.startswith("the "):
        form = form[4:]
    return bool(LATIN.match(form)) and (len(form) > 3 or form in KEEP_SHORT)


def strip_article(form):
    return form[4:] if form.startswith("the ") or form.startswith("The ") else form


def plural(demonym):
    if demonym.endswith(("an", "i", "er", "ot", "ite")):
        return demonym + "s"
    return None


def main(iso_json, wc_json, out_dir):
    iso = json.loads(Path(iso_json).read_text(encoding="utf-8"))["3166-1"]
    wc = {c["cca3"]: c for c in json.loads(Path(wc_json).read_text(encoding="utf-8"))}
    wikidata = {a3: q for a3, q in read_tsv(HERE / "sources/iso3-wikidata.tsv")}
    extras = read_tsv(HERE / "sources/state-extra-names.tsv")

    states = {}
    names = {}  # (alpha3, form) -> [kind, flags]

    def add(a3, kind, form, flags=""):
        form = strip_article(form.strip())
        if not form:
            return
        key = (a3, form)
        if key in names:
            if kind == "name" and names[key][0] != "name":
                names[key][0] = "name"
            if flags:
                names[key][1] = flags
            return
        names[key] = [kind, flags]

    for entry in iso:
        a3 = entry["alpha_3"]
        c = wc.get(a3, {})
        label = c.get("name", {}).get("common") or entry.get("common_name") or entry["name"]
        official = c.get("name", {}).get("official") or entry.get("official_name") or entry["name"]
        states[a3] = [a3, entry["alpha_2"], entry["numeric"], wikidata.get(a3, ""), label, official]
        for form in (label, official, entry["name"], entry.get("official_name", ""), entry.get("common_name", "")):
            if form and usable(form):
                add(a3, "name", form)
        for alt in c.get("altSpellings", []):
            if alt in KEEP_SHORT:
                add(a3, "name", alt)
        demonym = c.get("demonyms", {}).get("eng", {}).get("m", "")
        if demonym and usable(demonym):
            add(a3, "adjective", demonym)
            if plural(demonym):
                add(a3, "demonym", plural(demonym))
        for capital in c.get("capital", []):
            if capital and usable(capital):
                add(a3, "capital", capital)

    removed = set()
    for a3, kind, form, *rest in extras:
        flags = rest[0] if rest else ""
        if a3 not in states:
            sys.exit(f"state-extra-names.tsv: unknown state {a3}")
        if kind == "label":
            states[a3][4] = form
        elif kind == "-":
            removed.add((a3, form))
        else:
            add(a3, kind, form, flags)
    for key in removed:
        names.pop(key, None)

    # A form that names two states is dropped, unless the curated file gives it to one of them.
    curated = {(a3, strip_article(form)) for a3, kind, form, *_ in extras if kind not in ("label", "-")}
    owners = {}
    for (a3, form) in names:
        owners.setdefault(form, []).append(a3)
    for form, a3s in sorted(owners.items()):
        if len(a3s) > 1:
            keep = [a3 for a3 in a3s if (a3, form) in curated]
            for a3 in a3s:
                if len(keep) != 1 or a3 != keep[0]:
                    print(f"dropped '{form}' for {a3} (also {', '.join(x for x in a3s if x != a3)})", file=sys.stderr)
                    names.pop((a3, form))

    out = Path(out_dir)
    sources = (
        "# Sources: Debian iso-codes (/usr/share/iso-codes/json/iso_3166-1.json, LGPL-2.1+ data);\n"
        "#   npm world-countries 5.1.0 countries.json (ODbL 1.0): English names, demonyms, capitals;\n"
        "#   Our World in Data countries-regions table via scripts/sources/iso3-wikidata.tsv (CC BY 4.0): Wikidata IDs;\n"
        "#   scripts/sources/state-extra-names.tsv (newskg, hand-curated).\n"
        "# Generated by scripts/gen-states.sh; do not edit by hand.\n"
    )
    with open(out / "states.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# newskg states: every ISO 3166-1 entry.\n" + sources)
        f.write("alpha3\talpha2\tnumeric\twikidata\tlabel\tofficial\n")
        for a3 in sorted(states):
            f.write("\t".join(states[a3]) + "\n")
    kind_order = {"name": 0, "adjective": 1, "demonym": 2, "capital": 3, "government": 4}
    with open(out / "state-names.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# newskg state names: how English text names each state.\n"
                "# kind: name | adjective | demonym | capital | government; flags: ambiguous (needs context).\n"
                "# The first capital of a state is its canonical capital.\n" + sources)
        f.write("alpha3\tkind\tform\tflags\n")
        for (a3, form), (kind, flags) in sorted(names.items(), key=lambda kv: (kv[0][0], kind_order[kv[1][0]], kv[0][1])):
            f.write(f"{a3}\t{kind}\t{form}\t{flags}\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
