#!/usr/bin/env bash
# newskg validate: the committed output conforms; graphs broken one way at a time give the exact
# violation line and exit 8; the independent engines of tests/tools/shacl.js agree on every
# verdict; unreadable files exit 3 with file and position.
source "$(dirname "$0")/../lib.sh"
good="$NKG_SOURCE_DIR/tests/data/validate/good.ttl"
shapes="$NKG_SOURCE_DIR/ontology/shapes.ttl"
N='https://w3id.org/newskg/ns#'
EV='<https://w3id.org/newskg/id/event/summons-kaz-blr-2024-08-21>'
MENTION='<https://w3id.org/newskg/id/doc/d1#char=0,10>'

expect_run "output/graph.ttl conforms" 0 "" "$NEWSKG" validate "$NKG_SOURCE_DIR/output/graph.ttl"
expect_run "output/graph.nq conforms" 0 "" "$NEWSKG" validate "$NKG_SOURCE_DIR/output/graph.nq"
out=$("$NEWSKG" validate "$NKG_SOURCE_DIR/output" "$good")
[ "$out" = "$NKG_SOURCE_DIR/output/graph.nq: conforms (913 focus nodes checked, 0 warnings)
$good: conforms (11 focus nodes checked, 0 warnings)" ] &&
  pass "an export folder is read through its graph.nq; one summary line per file" ||
  fail "an export folder is read through its graph.nq; one summary line per file" "$out"
expect_run "the shapes file itself can be given" 0 "" "$NEWSKG" validate "$good" --shapes "$shapes"

# name | sed script | the expected violation line (after "FILE: ")
cases=(
  "no-label|/rdfs:label \"Kazakhstan\"@en/d|focus <https://w3id.org/newskg/id/state/KAZ>: path <http://www.w3.org/2000/01/rdf-schema#label>: sh:minCount: an entity has exactly one rdfs:label, its canonical English name tagged @en"
  "date-datatype|s/\"2024-08-21\"^^xsd:date/\"2024-08-21\"^^xsd:string/|focus $EV: path <${N}date>: sh:or: nkg:date is one valid xsd:date, xsd:gYearMonth or xsd:gYear (as precise as the text allows) (value \"2024-08-21\")"
  "no-reference-context|/nif:referenceContext doc:d1/d|focus $MENTION: path <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext>: sh:minCount: a mention has exactly one nif:referenceContext, an nkg:Document of the graph"
  "event-without-evidence|/nkg:date \"2024-08-21\"/{n;n;s/nkg:mentionedIn doc:d1 ./schema:name \"x\" ./}|focus $EV: path <${N}mentionedIn>: sh:minCount: an entity or event has at least one nkg:mentionedIn, the article that reports it"
  "begin-not-before-end|s/nif:endIndex \"10\"/nif:endIndex \"0\"/|focus $MENTION: path <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex>: sh:lessThan: a mention has exactly one nif:beginIndex, an xsd:nonNegativeInteger less than its nif:endIndex (value \"0\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>)"
  "state-without-schema-type|s/state:BLR a nkg:State, schema:Country/state:BLR a nkg:State/|focus <https://w3id.org/newskg/id/state/BLR>: sh:class: a state is an IRI ending in /state/ and its ISO 3166-1 alpha-3 code, typed nkg:State and schema:Country (value <https://w3id.org/newskg/id/state/BLR>)"
  "bad-iso-code|s/nkg:isoAlpha3 \"KAZ\"/nkg:isoAlpha3 \"kz\"/|focus <https://w3id.org/newskg/id/state/KAZ>: path <${N}isoAlpha3>: sh:pattern: a state has exactly one nkg:isoAlpha3, three capital letters as a plain string (value \"kz\")"
  "modality-not-allowed|s/nkg:target state:BLR ;/nkg:target state:BLR ; nkg:modality nkg:Maybe ;/|focus $EV: path <${N}modality>: sh:in: an event has at most one nkg:modality: nkg:Asserted, nkg:Planned, nkg:Demanded, nkg:Alleged or nkg:Negated (value <${N}Maybe>)"
  "label-language|s/\"Belarus\"@en/\"Belarus\"@de/|focus <https://w3id.org/newskg/id/state/BLR>: path <http://www.w3.org/2000/01/rdf-schema#label>: sh:languageIn: an entity has exactly one rdfs:label, its canonical English name tagged @en (value \"Belarus\"@de)"
  "quote-on-summons|s/nkg:target state:BLR ;/nkg:target state:BLR ; nkg:quote \"no\" ;/|focus $EV: sh:or: only an nkg:Statement or nkg:Interview has an nkg:quote (value $EV)"
  "document-begin-not-zero|s/nif:beginIndex \"0\"^^xsd:nonNegativeInteger ;\$/nif:beginIndex \"1\"^^xsd:nonNegativeInteger ;/|focus <https://w3id.org/newskg/id/doc/d1>: path <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex>: sh:hasValue: a document's nif:beginIndex is exactly one \"0\"^^xsd:nonNegativeInteger, not after its nif:endIndex"
)
agree() {  # agree NAME FILE WANT_CONFORMS(0|1)
  node "$TOOLS/shacl.js" "$2" "$shapes" >/dev/null 2>&1
  local code=$?
  if { [ "$3" = 0 ] && [ "$code" = 0 ]; } || { [ "$3" = 1 ] && [ "$code" = 1 ]; }; then
    pass "shacl.js agrees: $1"
  else
    fail "shacl.js agrees: $1" "shacl.js exit $code, newskg validate says $([ "$3" = 0 ] && echo conforms || echo 'does not conform')"
  fi
}
agree "good.ttl conforms" "$good" 0
agree "output/graph.ttl conforms" "$NKG_SOURCE_DIR/output/graph.ttl" 0
for c in "${cases[@]}"; do
  IFS='|' read -r name script want <<<"$c"
  f="$WORK/$name.ttl"
  sed "$script" "$good" > "$f"
  cmp -s "$f" "$good" && { fail "$name: the sed script changes the graph"; continue; }
  out=$("$NEWSKG" validate "$f"); code=$?
  expected="$f: $want
$f: does not conform: 1 violations, 0 warnings"
  if [ "$code" = 8 ] && [ "${out% (*focus nodes checked)}" = "$expected" ]; then
    pass "$name: exit 8 and the exact violation"
  else
    fail "$name: exit 8 and the exact violation" "exit $code" "got:  $out" "want: $expected"
  fi
  agree "$name does not conform" "$f" 1
done

# Where this engine follows SHACL 4.1.2 and the JS engines do not: an ill-formed literal of the
# right datatype ("2024-02-30"^^xsd:date) violates sh:datatype.
sed 's/"2024-08-21"^^xsd:date/"2024-02-30"^^xsd:date/' "$good" > "$WORK/ill-formed.ttl"
expect_run "an ill-formed xsd:date violates sh:datatype" 8 "" "$NEWSKG" validate "$WORK/ill-formed.ttl"

# The union of the graphs of a dataset is validated (shacl.js merges them the same way).
"$NEWSKG" export "$NKG_SOURCE_DIR/corpus" -o "$WORK/ex" -q --format nquads,trig
grep -v '/state/KAZ> <http://www.w3.org/2000/01/rdf-schema#label>' "$WORK/ex/graph.nq" > "$WORK/no-kaz-label.nq"
out=$("$NEWSKG" validate "$WORK/no-kaz-label.nq"); code=$?
grep -qxF "$WORK/no-kaz-label.nq: focus <https://w3id.org/newskg/id/state/KAZ>: path <http://www.w3.org/2000/01/rdf-schema#label>: sh:minCount: an entity has exactly one rdfs:label, its canonical English name tagged @en" <<<"$out" &&
  [ "$code" = 8 ] && pass "N-Quads: a State without its label in every graph is reported" ||
  fail "N-Quads: a State without its label in every graph is reported" "exit $code" "$out"
agree "the N-Quads without Kazakhstan's label does not conform" "$WORK/no-kaz-label.nq" 1
expect_run "graph.trig conforms" 0 "" "$NEWSKG" validate "$WORK/ex/graph.trig"

# Unreadable or malformed input: exit 3 with file and position; bad shapes: exit 2.
printf '@prefix nkg: <https://w3id.org/newskg/ns#> .\n<a:b> a nkg:State ;\n  nkg:x "unterminated .\n' > "$WORK/bad.ttl"
expect_run "a malformed file names file, line and column" 3 "bad.ttl:3:23: error: line end in short string" \
  "$NEWSKG" validate "$WORK/bad.ttl"
expect_run "a missing file" 3 "none.nq: error: cannot open the file: No such file or directory" \
  "$NEWSKG" validate "$WORK/none.nq"
expect_run "an unknown syntax" 3 "x.json: error: unknown RDF syntax (expected .nq, .nt, .ttl or .trig)" \
  "$NEWSKG" validate "$WORK/x.json"
expect_run "unreadable beats non-conforming" 3 "none.nq" "$NEWSKG" validate "$WORK/no-label.ttl" "$WORK/none.nq"
printf '@prefix sh: <http://www.w3.org/ns/shacl#> .\n<s> a sh:NodeShape ; sh:targetNode <x> ; sh:closed true .\n' > "$WORK/closed.ttl"
expect_run "a shapes file using an unsupported construct is refused" 2 "closed.ttl: error: shape <file://$WORK/s>: sh:closed is not supported by newskg validate" \
  "$NEWSKG" validate "$good" --shapes "$WORK/closed.ttl"
expect_run "validate without a file is a usage error" 2 "newskg: error:" "$NEWSKG" validate
finish
