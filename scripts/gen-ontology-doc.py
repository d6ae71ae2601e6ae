#!/usr/bin/python3
"""Writes ontology/README.md, the reference of the newskg vocabulary, from ontology/newskg.ttl.

For every class, property and named individual in the nkg: namespace: its label, comment, types,
domain, range, alignment to other vocabularies (rdfs:subClassOf, rdfs:subPropertyOf,
owl:equivalentClass, owl:equivalentProperty, owl:sameAs, rdfs:seeAlso), CAMEO and PLOVER codes,
and an example triple from the sample output (output/graph.ttl) where the output has one.

The output depends only on the two input files (everything is sorted), so the test
tests/docs/check_ontology_doc.sh regenerates it and fails when the committed file differs.

Usage: scripts/gen-ontology-doc.py [--ontology FILE] [--sample FILE] [-o FILE|-]
Needs RDFLib (Debian python3-rdflib, installed by scripts/install-test-tools.sh).
"""

import argparse
import os
import re
import sys

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

NKG = Namespace("https://w3id.org/newskg/ns#")
ONTOLOGY_IRI = URIRef("https://w3id.org/newskg/ns")
DCT = Namespace("http://purl.org/dc/terms/")
PREFIX_LINE = re.compile(r"^@prefix\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>\s*\.", re.MULTILINE)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Sections in order: (heading, anchor prefix, rdf:type that puts a term there).
SECTIONS = [
    ("Classes", "class", OWL.Class),
    ("Object properties", "property", OWL.ObjectProperty),
    ("Datatype properties", "property", OWL.DatatypeProperty),
    ("Annotation properties", "property", OWL.AnnotationProperty),
    ("Named individuals", "individual", OWL.NamedIndividual),
]

# Statements that align a term with another vocabulary (or with another nkg: term).
ALIGNMENTS = [
    (RDFS.subClassOf, "subclass of"),
    (RDFS.subPropertyOf, "subproperty of"),
    (OWL.equivalentClass, "equivalent class"),
    (OWL.equivalentProperty, "equivalent property"),
    (OWL.sameAs, "same as"),
    (RDFS.seeAlso, "see also"),
]


class Names:
    """Compact names (prefix:local) for IRIs, from the prefixes the two files declare."""

    def __init__(self, *paths):
        # Read from the files themselves: rdflib's own default prefixes (dcterms:) never win.
        self.prefixes = {}
        for path in paths:
            with open(path, encoding="utf-8") as f:
                for m in PREFIX_LINE.finditer(f.read()):
                    prefix, ns = m.group(1), m.group(2)
                    if prefix and ns not in self.prefixes.values() and prefix not in self.prefixes:
                        self.prefixes[prefix] = ns
        self.used = set()

    def curie(self, iri):
        iri = str(iri)
        best = None
        for prefix, ns in self.prefixes.items():
            if iri.startswith(ns) and (best is None or len(ns) > len(self.prefixes[best])):
                local = iri[len(ns):]
                if local and all(c.isalnum() or c in "-_." for c in local):
                    best = prefix
        if best is None:
            return "<" + iri + ">"
        self.used.add(best)
        return best + ":" + iri[len(self.prefixes[best]):]


def anchor(kind, term):
    return kind + "-" + str(term)[len(str(NKG)):]


class Doc:
    def __init__(self, onto, sample, names):
        self.g = onto
        self.sample = sample
        self.names = names
        self.anchors = {}
        for _, kind, rdf_type in SECTIONS:
            for term in self.terms(rdf_type):
                self.anchors.setdefault(term, anchor(kind, term))

    def terms(self, rdf_type):
        found = set()
        for s in self.g.subjects(RDF.type, rdf_type):
            if isinstance(s, URIRef) and str(s).startswith(str(NKG)):
                found.add(s)
        return sorted(found, key=lambda t: (str(t).lower(), str(t)))

    def section_of(self, term):
        for heading, _, rdf_type in SECTIONS:
            if (term, RDF.type, rdf_type) in self.g:
                return heading
        return None

    # --- rendering of nodes -------------------------------------------------------------

    def ref(self, node):
        """Markdown for a node of the ontology: a link for IRIs, prose for class expressions."""
        if isinstance(node, URIRef):
            name = self.names.curie(node)
            if node in self.anchors:
                return "[`%s`](#%s)" % (name, self.anchors[node])
            if name.startswith("<"):
                return "<%s>" % node
            return "[`%s`](%s)" % (name, node)
        if isinstance(node, Literal):
            return "`%s`" % literal_text(node)
        return self.expression(node)

    def expression(self, node):
        g = self.g
        for prop, sep in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            lst = g.value(node, prop)
            if lst is not None:
                return sep.join(self.ref(m) for m in Collection(g, lst))
        lst = g.value(node, OWL.oneOf)
        if lst is not None:
            return "one of " + ", ".join(self.ref(m) for m in Collection(g, lst))
        base = g.value(node, OWL.onDatatype)
        if base is not None:
            facets = []
            lst = g.value(node, OWL.withRestrictions)
            for r in Collection(g, lst) if lst is not None else []:
                for facet, value in sorted(g.predicate_objects(r)):
                    facets.append("%s %s" % (self.names.curie(facet), literal_text(value)))
            return "%s restricted to %s" % (self.ref(base), ", ".join(facets))
        return "(an anonymous class expression)"

    def example(self, pattern_p, pattern_o=None):
        """The shortest triple of the sample output matching the pattern, as Turtle."""
        best = None
        for s, p, o in self.sample.triples((None, pattern_p, pattern_o)):
            line = "%s %s %s ." % (self.node_turtle(s), self.node_turtle(p), self.node_turtle(o))
            key = (len(line), line)
            if best is None or key < best:
                best = key
        return best[1] if best else None

    def node_turtle(self, node):
        if isinstance(node, URIRef):
            if node == RDF.type:
                return "a"
            return self.names.curie(node)
        if isinstance(node, BNode):
            return "[]"
        text = '"%s"' % literal_text(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        if node.language:
            return text + "@" + node.language
        if node.datatype is not None and node.datatype != XSD.string:
            return text + "^^" + self.names.curie(node.datatype)
        return text

    # --- the document -------------------------------------------------------------------

    def term_block(self, term):
        g = self.g
        out = []
        label = g.value(term, RDFS.label)
        comment = g.value(term, RDFS.comment)
        if label is None or comment is None:
            raise SystemExit("gen-ontology-doc: %s has no rdfs:label or rdfs:comment (DESIGN section 1)"
                             % self.names.curie(term))
        out.append('<a id="%s"></a>' % self.anchors[term])
        out.append("### `%s`" % self.names.curie(term))
        out.append("")
        out.append("**%s** — %s" % (literal_text(label), one_line(literal_text(comment))))
        out.append("")
        rows = [("IRI", "<%s>" % term)]
        types = sorted(self.names.curie(t) for t in g.objects(term, RDF.type))
        rows.append(("type", ", ".join("`%s`" % t for t in types)))
        for prop, name in ((RDFS.domain, "domain"), (RDFS.range, "range")):
            values = sorted(g.objects(term, prop), key=sort_key)
            if values:
                rows.append((name, ", ".join(self.ref(v) for v in values)))
        for prop, name in ALIGNMENTS:
            values = sorted(g.objects(term, prop), key=sort_key)
            if values:
                rows.append((name, ", ".join(self.ref(v) for v in values)))
        for prop, name in ((NKG.cameoCode, "CAMEO code"), (NKG.ploverCode, "PLOVER code")):
            for value in sorted(g.objects(term, prop), key=sort_key):
                rows.append((name, "`%s`" % literal_text(value)))
        subs = sorted((s for s in g.subjects(RDFS.subClassOf, term) if isinstance(s, URIRef)),
                      key=sort_key)
        if subs:
            rows.append(("subclasses", ", ".join(self.ref(s) for s in subs)))
        members = sorted((s for s in g.subjects(RDF.type, term) if isinstance(s, URIRef)),
                         key=sort_key)
        if members:
            rows.append(("individuals", ", ".join(self.ref(s) for s in members)))
        section = self.section_of(term)
        if section == "Classes":
            example = self.example(RDF.type, term)
        elif section == "Named individuals":
            example = self.example(None, term)
        else:
            example = self.example(term)
        rows.append(("example", "`%s`" % example if example else "none in `output/graph.ttl`"))
        out.append("| | |")
        out.append("|---|---|")
        for name, value in rows:
            out.append("| %s | %s |" % (name, value.replace("|", "\\|")))
        out.append("")
        return out

    def render(self):
        g = self.g
        body = []
        alignment_rows = []
        for heading, _, rdf_type in SECTIONS:
            terms = [t for t in self.terms(rdf_type) if self.section_of(t) == heading]
            if not terms:
                continue
            body.append("## %s" % heading)
            body.append("")
            for term in terms:
                body.extend(self.term_block(term))
                external = []
                for prop, name in ALIGNMENTS[:5]:
                    values = [self.ref(v) for v in sorted(g.objects(term, prop), key=sort_key)
                              if isinstance(v, URIRef) and not str(v).startswith(str(NKG))]
                    if values:
                        external.append("%s %s" % (name, ", ".join(values)))
                codes = ["CAMEO `%s`" % literal_text(v) for v in sorted(g.objects(term, NKG.cameoCode))]
                codes += ["PLOVER `%s`" % literal_text(v) for v in sorted(g.objects(term, NKG.ploverCode))]
                if external or codes:
                    alignment_rows.append("| %s | %s | %s |" % (
                        self.ref(term), "; ".join(external) or "—", ", ".join(codes) or "—"))

        title = g.value(ONTOLOGY_IRI, DCT.title)
        description = g.value(ONTOLOGY_IRI, DCT.description)
        version = g.value(ONTOLOGY_IRI, OWL.versionInfo)
        head = [
            "<!-- Generated by scripts/gen-ontology-doc.py from ontology/newskg.ttl and the examples",
            "     in output/graph.ttl. Do not edit: change those and run the script again. -->",
            "# %s" % (literal_text(title) if title else "newskg ontology"),
            "",
            one_line(literal_text(description)) if description else "",
            "",
            "| | |",
            "|---|---|",
            "| ontology IRI | <%s> |" % ONTOLOGY_IRI,
            "| namespace | `nkg:` = <%s> |" % NKG,
        ]
        if version:
            head.append("| version | %s |" % literal_text(version))
        for lic in sorted(g.objects(ONTOLOGY_IRI, DCT.license), key=sort_key):
            head.append("| license | <%s> |" % lic)
        head += [
            "| source | [`newskg.ttl`](newskg.ttl) (OWL, Turtle); data shapes [`shapes.ttl`](shapes.ttl) (SHACL); JSON-LD names [`context.jsonld`](context.jsonld) |",
            "",
            "How the terms are used in the data — IRIs, NIF evidence, labels, datatypes — is in",
            "[docs/graph-model.md](../docs/graph-model.md). Each term below ends with an example triple",
            "from the sample export, [`output/graph.ttl`](../output/graph.ttl) (the shortest one).",
            "",
            "## Contents",
            "",
        ]
        for heading, _, rdf_type in SECTIONS:
            terms = [t for t in self.terms(rdf_type) if self.section_of(t) == heading]
            if terms:
                head.append("- **%s**: %s" % (heading, ", ".join(self.ref(t) for t in terms)))
        head += ["", "## Alignment", "",
                 "Where each term sits in other vocabularies, and the event codes of the event classes.",
                 "", "| term | aligned to | event codes |", "|---|---|---|"]
        head += alignment_rows
        head.append("")
        prefixes = ["## Prefixes", "", "| prefix | namespace |", "|---|---|"]
        for prefix in sorted(self.names.used):
            prefixes.append("| `%s:` | <%s> |" % (prefix, self.names.prefixes[prefix]))
        prefixes.append("")
        return "\n".join(head + body + prefixes)


def literal_text(node):
    return str(node)


def one_line(text):
    return " ".join(text.split())


def sort_key(node):
    return (0 if isinstance(node, URIRef) else 1, str(node))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ontology", default=os.path.join(ROOT, "ontology", "newskg.ttl"))
    parser.add_argument("--sample", default=os.path.join(ROOT, "output", "graph.ttl"))
    parser.add_argument("-o", "--output", default=os.path.join(ROOT, "ontology", "README.md"),
                        help="file to write, or - for standard output")
    args = parser.parse_args()
    onto = Graph()
    onto.parse(args.ontology, format="turtle")
    sample = Graph()
    sample.parse(args.sample, format="turtle")
    text = Doc(onto, sample, Names(args.ontology, args.sample)).render()
    if args.output == "-":
        sys.stdout.write(text)
    else:
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
