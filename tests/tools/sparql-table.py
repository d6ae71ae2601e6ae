"""Runs a SPARQL SELECT query with RDFLib over RDF files; prints the result as a Markdown table.

usage: python3 sparql-table.py QUERY.rq FILE...   (a python3 that imports rdflib)
"""

import sys

from rdflib import ConjunctiveGraph

FORMATS = {"ttl": "turtle", "trig": "trig", "nt": "nt", "nq": "nquads"}


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        query = handle.read()
    graph = ConjunctiveGraph()
    for path in argv[2:]:
        graph.parse(path, format=FORMATS[path.rsplit(".", 1)[-1]])
    result = graph.query(query)
    names = [str(v) for v in result.vars]
    print("| " + " | ".join(names) + " |")
    print("|" + "---|" * len(names))
    for row in result:
        print("| " + " | ".join("" if v is None else str(v) for v in row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
