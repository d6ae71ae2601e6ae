"""One RDF file through RDFLib (Debian's python3-rdflib).

usage: python3 rdflib-check.py FILE SYNTAX [--context URL=FILE]...
Prints tab-separated lines  CHECKER OK|FAIL COUNT MESSAGE  for rdflib (distinct quads) and
rdflib-datatypes (literals RDFLib cannot convert to a value). Exit 0 all OK, 1 a FAIL, 2 usage.
Remote JSON-LD contexts are read from the mapped files, never fetched.
"""

import json
import logging
import sys
from pathlib import Path

from rdflib import ConjunctiveGraph, Literal, URIRef
from rdflib.term import _toPythonMapping

FORMATS = {"turtle": "turtle", "trig": "trig", "ntriples": "nt", "nquads": "nquads", "jsonld": "json-ld"}


def emit(checker, ok, count, message=""):
    print(f"{checker}\t{'OK' if ok else 'FAIL'}\t{count}\t{' '.join(str(message).split())}")
    return ok


def serve_contexts_offline(context_map):
    from rdflib.plugins.shared.jsonld import context as ctxmod

    original = ctxmod.source_to_json

    def offline(source):
        if isinstance(source, str):
            if source in context_map:
                with open(context_map[source], encoding="utf-8") as handle:
                    return json.load(handle)
            if source.startswith(("http://", "https://")):
                raise ValueError(f"remote context {source} is not fetched (offline)")
        return original(source)

    ctxmod.source_to_json = offline


def main(argv):
    if len(argv) < 3 or argv[2] not in FORMATS or len(argv) % 2 == 0:
        print(__doc__, file=sys.stderr)
        return 2
    path, syntax = Path(argv[1]), argv[2]
    context_map = {}
    for flag, pair in zip(argv[3::2], argv[4::2]):
        if flag != "--context" or "=" not in pair:
            print(__doc__, file=sys.stderr)
            return 2
        url, file = pair.split("=", 1)
        context_map[url] = file
    serve_contexts_offline(context_map)

    logged = []  # RDFLib reports an IRI with a space only as a log warning

    class Collect(logging.Handler):
        def emit(self, record):
            logged.append(record.getMessage())

    logging.getLogger("rdflib").addHandler(Collect(logging.WARNING))
    logging.getLogger("rdflib").propagate = False
    base = path.resolve().as_uri()
    dataset = ConjunctiveGraph()
    try:
        dataset.parse(str(path), format=FORMATS[syntax], publicID=base)
    except Exception as exc:  # RDFLib raises many unrelated exception types
        return 0 if emit("rdflib", False, "-", f"{type(exc).__name__}: {exc}") else 1

    quads, ill_typed, file_iris = set(), [], set()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        graph = None if g.identifier == URIRef(base) else g.identifier
        quads.add((s, p, o, graph))
        file_iris.update(str(t) for t in (s, p, o, graph) if isinstance(t, URIRef) and str(t).startswith("file:"))
        if isinstance(o, Literal) and o.datatype is not None:
            if _toPythonMapping.get(o.datatype) is not None and o.value is None:
                ill_typed.append(f'"{o}"^^<{o.datatype}>')

    bad_iris = [m for m in logged if "does not look like a valid URI" in m]
    if bad_iris:
        ok = emit("rdflib", False, len(quads), f"invalid IRI: {bad_iris[0]}")
    elif file_iris:
        ok = emit("rdflib", False, len(quads), f"relative IRI resolved against the file: <{sorted(file_iris)[0]}>")
    else:
        ok = emit("rdflib", True, len(quads))
    if ill_typed:
        ok = emit("rdflib-datatypes", False, len(ill_typed), ", ".join(ill_typed[:3])) and ok
    else:
        emit("rdflib-datatypes", True, 0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
