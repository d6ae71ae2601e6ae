"""Property test: escaping is total (issue 7). Deterministic documents full of what breaks RDF
escaping, their ids (file names) too, and an independent check of what newskg wrote.

usage: python3 escaping.py gen DIR COUNT SEED    writes DIR/in/* and DIR/expected.json
       python3 escaping.py check DIR CONTEXT     checks DIR/out/graph.{nq,trig,ttl,nt,jsonld}

`gen` writes COUNT documents: news sentences (so that mentions are found) mixed with quotes,
backslashes, CR, LF, tabs, <>{}|^` and spaces, U+0001..U+001F and U+007F, right-to-left marks,
4-byte emoji and combining marks, in file names as well (three names are not UTF-8: those
documents must be skipped). expected.json maps each usable document id to its text as newskg
must store it: CRLF and CR as LF, a leading BOM dropped, NFC (Python's unicodedata, not ICU).
`check` parses every output with RDFLib (graph.nq and graph.nt as serdi's TriG of them,
graph.nq.trig and graph.nt.trig, since RDFLib 6.1 misreads N-Triples escapes) and requires, for every expected document: exactly one
node with that dct:identifier, nif:isString equal to the expected text, and every nif:anchorOf
equal to the text's code points [beginIndex, endIndex). Exit 0 pass, 1 fail, 2 usage.
"""

import json
import os
import random
import sys
import unicodedata
from pathlib import Path

SENTENCES = [
    "Kazakhstan summoned Belarus's ambassador, Paval Utsyupin, on August 21, 2024.",
    "President Alexander Lukashenko said the CSTO would not intervene.",
    "Armenian Prime Minister Nikol Pashinyan met Vladimir Putin in Moscow.",
    "Azerbaijan and Armenia held talks in Brussels, the European Union said.",
    "The Kazakh Foreign Ministry said Astana had recalled its envoy from Minsk.",
    "Protesters rallied in Yerevan against the deployment of Russian peacekeepers.",
]
CONTROLS = [chr(c) for c in range(1, 0x20)] + ["\x7f"]
HOSTILE = ['"', "\\", '\\"', '"\\', '"""', "'", "\r\n", "\r", "\n", "\t", "<", ">", "{", "}", "|", "^", "`",
           " ", "  ", "\u200f", "\u200e", "\u202e", "\u202c", "\u061c", "\U0001F600", "\U0001F1E6\U0001F1F2",
           "\U0001D11E", "e\u0301", "A\u030a", "\u212b", "\u1e9b\u0323", "n\u0303", "\u0958", "\ufeff",
           "\\u0022", "\\n", "%20", "#", "@en", "^^", "_:b0", "<http://x/>", '{"a": "b"}', "http://example.org/a b"]
# Bytes a file name may hold: anything but '/' and NUL; never a leading '.' (hidden files are skipped).
NAME_PARTS = ['"', "\\", "\n", "\r", "\t", "<", ">", "{", "}", "|", "^", "`", " ", "\u200f", "\U0001F600",
              "e\u0301", "%", "#", "?", ":", "&", "'", "\x01", "\x1f", "\x7f", "[", "]", "@", "+", "=", ",", ";"]


def random_text(rng):
    parts = []
    for _ in range(rng.randint(1, 3)):
        parts.append(rng.choice(SENTENCES))
        for _ in range(rng.randint(0, 4)):
            parts.append(rng.choice(HOSTILE + CONTROLS))
        parts.append(rng.choice([" ", "\n", "\r\n", "\t", "\u200f "]))
    text = "".join(parts)
    if rng.random() < 0.1:
        text = "\ufeff" + text  # a byte order mark
    return text


def expected_text(text):
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def gen(root, count, seed):
    rng = random.Random(seed)
    inputs = root / "in"
    inputs.mkdir(parents=True)
    expected = {}
    for i in range(count):
        name = f"{i:03d}-" + "".join(rng.choice(NAME_PARTS + ["a", "b", "-"]) for _ in range(rng.randint(0, 8)))
        raw = name.encode("utf-8")
        if i in (7, 77, 177):
            raw += b"\xff\xc3-not-utf8"
        text = random_text(rng)
        with open(os.path.join(os.fsencode(inputs), raw + b".txt"), "wb") as handle:
            handle.write(text.encode("utf-8"))
        try:
            expected[raw.decode("utf-8")] = expected_text(text)
        except UnicodeDecodeError:
            pass  # must be skipped by newskg
    (root / "expected.json").write_text(json.dumps(expected, ensure_ascii=True, indent=0), encoding="utf-8")


def load(path, context_file):
    from rdflib import ConjunctiveGraph

    graph = ConjunctiveGraph()
    if path.suffix == ".jsonld":
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["@context"] = json.loads(Path(context_file).read_text(encoding="utf-8"))["@context"]
        graph.parse(data=json.dumps(doc), format="json-ld")
    else:
        graph.parse(str(path), format={".nq": "nquads", ".trig": "trig", ".ttl": "turtle", ".nt": "nt"}[path.suffix])
    return graph


def check(root, context_file):
    from rdflib import Literal, Namespace

    nif = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
    dct = Namespace("http://purl.org/dc/terms/")
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    failures = []
    for name in ("graph.nq.trig", "graph.trig", "graph.ttl", "graph.nt.trig", "graph.jsonld"):
        path = root / "out" / name
        graph = load(path, context_file)
        anchors = 0
        docs = {}
        for doc, _, ident in graph.triples((None, dct.identifier, None)):
            docs.setdefault(str(ident), []).append(doc)
        if set(docs) != set(expected):
            missing, extra = set(expected) - set(docs), set(docs) - set(expected)
            failures.append(f"{name}: documents differ: missing {sorted(missing)[:3]!r}, unexpected {sorted(extra)[:3]!r}")
        for ident, text in expected.items():
            nodes = docs.get(ident, [])
            if len(nodes) != 1:
                failures.append(f"{name}: {len(nodes)} nodes with dct:identifier {ident!r}")
                continue
            strings = {str(s) for s in graph.objects(nodes[0], nif.isString)}
            if strings != {text}:
                failures.append(f"{name}: nif:isString of {ident!r} is not its text: {sorted(strings)[:1]!r} != {text!r}")
                continue
            for mention in set(graph.subjects(nif.referenceContext, nodes[0])):
                begin = int(graph.value(mention, nif.beginIndex))
                end = int(graph.value(mention, nif.endIndex))
                anchor = graph.value(mention, nif.anchorOf)
                if anchor is None:
                    continue  # evidence sentences of events carry no anchor
                anchors += 1
                if str(anchor) != text[begin:end]:
                    failures.append(f"{name}: {mention} anchorOf {str(anchor)!r} != text[{begin}:{end}] {text[begin:end]!r}")
        print(f"{name}: {len(docs)} documents, {anchors} anchors checked")
        if anchors == 0:
            failures.append(f"{name}: no nif:anchorOf at all (the generator should produce mentions)")
    for failure in failures[:20]:
        print("FAIL " + failure)
    return 1 if failures else 0


def main(argv):
    if len(argv) == 5 and argv[1] == "gen":
        gen(Path(argv[2]), int(argv[3]), int(argv[4]))
        return 0
    if len(argv) == 4 and argv[1] == "check":
        return check(Path(argv[2]), argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
