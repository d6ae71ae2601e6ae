// inspect/: stats and SHACL validation on small graphs.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "inspect/inspect.hpp"
#include "serialize/serialize.hpp"

namespace {

using nkg::inspect::Shapes;

std::vector<nkg::Quad> ttl(const std::string& text) {
  const std::string prefixes =
      "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <https://x.org/> .\n"
      "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
      "@prefix nkg: <https://w3id.org/newskg/ns#> . @prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .\n"
      "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .\n";
  auto r = nkg::serialize::read_rdf_text(prefixes + text, nkg::serialize::Syntax::turtle, "test.ttl", "https://x.org/");
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  return r.value();
}

/// The results as "focus|path|constraint|message" lines.
std::vector<std::string> check(const std::string& shapes, const std::string& data) {
  auto s = Shapes::parse(ttl(shapes), "shapes.ttl");
  REQUIRE_MESSAGE(s.ok(), s.status().message());
  std::vector<std::string> out;
  for (const auto& r : s.value().validate(ttl(data)).results) {
    out.push_back(r.focus.value + "|" + r.path + "|" + r.constraint + "|" + r.message);
  }
  return out;
}

}  // namespace

TEST_CASE("shacl: sh:class and targetClass follow rdfs:subClassOf in the data graph") {
  const std::string shapes = "ex:S a sh:NodeShape ; sh:targetClass ex:Animal ; sh:class ex:Named .";
  CHECK(check(shapes, "ex:Dog rdfs:subClassOf ex:Animal . ex:rex a ex:Dog . ex:Dog rdfs:subClassOf ex:Named .").empty());
  CHECK(check(shapes, "ex:Dog rdfs:subClassOf ex:Animal . ex:rex a ex:Dog .") ==
        std::vector<std::string>{"https://x.org/rex||sh:class|value is not an instance of <https://x.org/Named>"});
}

TEST_CASE("shacl: minCount, maxCount and an inverse path") {
  const std::string shapes =
      "ex:S a sh:NodeShape ; sh:targetClass ex:Post ; sh:property [ sh:path [ sh:inversePath ex:holds ] ; "
      "sh:minCount 1 ; sh:maxCount 1 ; sh:message \"one holder\" ] .";
  CHECK(check(shapes, "ex:p a ex:Post . ex:a ex:holds ex:p .").empty());
  CHECK(check(shapes, "ex:p a ex:Post .") ==
        std::vector<std::string>{"https://x.org/p|^<https://x.org/holds>|sh:minCount|one holder"});
  CHECK(check(shapes, "ex:p a ex:Post . ex:a ex:holds ex:p . ex:b ex:holds ex:p .") ==
        std::vector<std::string>{"https://x.org/p|^<https://x.org/holds>|sh:maxCount|one holder"});
}

TEST_CASE("shacl: sh:datatype checks the datatype and the lexical form, and sh:or of datatypes") {
  const std::string shapes =
      "ex:S a sh:NodeShape ; sh:targetSubjectsOf ex:date ; sh:property [ sh:path ex:date ; "
      "sh:or ( [ sh:datatype xsd:date ] [ sh:datatype xsd:gYear ] ) ] .";
  CHECK(check(shapes, "ex:e ex:date \"2024-02-29\"^^xsd:date .").empty());
  CHECK(check(shapes, "ex:e ex:date \"2024\"^^xsd:gYear .").empty());
  CHECK(check(shapes, "ex:e ex:date \"2023-02-29\"^^xsd:date .").size() == 1);  // not a leap year
  CHECK(check(shapes, "ex:e ex:date \"2024-08-21\" .").size() == 1);            // xsd:string
  CHECK(check(shapes, "ex:e ex:date \"2024-13\"^^xsd:gYearMonth .").size() == 1);
}

TEST_CASE("shacl: languageIn, pattern, in, hasValue, lessThan, minInclusive, disjoint, nodeKind") {
  const std::string shapes =
      "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:nodeKind sh:IRI ; sh:pattern \"/t[0-9]$\" ;\n"
      " sh:property [ sh:path rdfs:label ; sh:languageIn ( \"en\" ) ] ;\n"
      " sh:property [ sh:path ex:m ; sh:in ( ex:A ex:B ) ] ;\n"
      " sh:property [ sh:path ex:z ; sh:hasValue \"0\"^^xsd:integer ] ;\n"
      " sh:property [ sh:path ex:b ; sh:lessThan ex:e ] ;\n"
      " sh:property [ sh:path ex:c ; sh:minInclusive 0 ; sh:maxInclusive 1 ] ;\n"
      " sh:property [ sh:path ex:x ; sh:disjoint ex:y ] .";
  const std::string good =
      "ex:t1 a ex:T ; rdfs:label \"A\"@en-GB ; ex:m ex:A ; ex:z 0 ; ex:b 1 ; ex:e 2 ; ex:c 0.5 ; ex:x ex:A ; ex:y ex:B .";
  CHECK(check(shapes, good).empty());
  const auto bad = check(shapes,
                         "ex:tx a ex:T ; rdfs:label \"A\"@de ; ex:m ex:C ; ex:z 1 ; ex:b 2 ; ex:e 2 ; ex:c 1.5 ; "
                         "ex:x ex:A ; ex:y ex:A .");
  std::vector<std::string> constraints;
  for (const auto& line : bad) constraints.push_back(line.substr(line.find("|sh:") + 1, line.find('|', line.find("|sh:") + 1) - line.find("|sh:") - 1));
  std::sort(constraints.begin(), constraints.end());
  CHECK(constraints == std::vector<std::string>{"sh:disjoint", "sh:hasValue", "sh:in", "sh:languageIn", "sh:lessThan",
                                                "sh:maxInclusive", "sh:pattern"});
}

TEST_CASE("shacl: severity warning is reported but does not break conformance") {
  auto s = Shapes::parse(ttl("ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:severity sh:Warning ; sh:class ex:U ."),
                         "shapes.ttl");
  REQUIRE(s.ok());
  const auto report = s.value().validate(ttl("ex:t a ex:T ."));
  CHECK(report.results.size() == 1);
  CHECK(report.conforms());
}

TEST_CASE("shacl: an unsupported construct is refused, not skipped") {
  auto s = Shapes::parse(ttl("ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:closed true ."), "shapes.ttl");
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message() == "shape <https://x.org/S>: sh:closed is not supported by newskg validate");
}

TEST_CASE("shacl: the project's shapes parse") {
  const std::string path = std::string(NKG_SOURCE_DIR) + "/ontology/shapes.ttl";
  auto quads = nkg::serialize::read_rdf_file(path);
  REQUIRE(quads.ok());
  auto s = Shapes::parse(quads.value(), path);
  REQUIRE_MESSAGE(s.ok(), s.status().message());
  CHECK(s.value().size() > 20);
}

TEST_CASE("stats: counts, top entities by mentions and events per day") {
  const auto quads = ttl(
      "ex:d a nkg:Document . ex:k a nkg:State ; rdfs:label \"Kazakhstan\"@en . ex:p a nkg:Person .\n"
      "ex:m1 itsrdf:taIdentRef ex:k ; nif:referenceContext ex:d . ex:m2 itsrdf:taIdentRef ex:k ; nif:referenceContext ex:d .\n"
      "ex:m3 itsrdf:taIdentRef ex:p ; nif:referenceContext ex:d .\n"
      "ex:e a nkg:Event, nkg:Summons ; nkg:date \"2024-08-21\"^^xsd:date . ex:f a nkg:Event, nkg:Visit .");
  const auto s = nkg::inspect::compute_stats(quads, 1);
  CHECK(s.documents == 1);
  CHECK(s.triples == quads.size());
  CHECK(s.entities == 2);
  CHECK(s.entities_by_class.at("State") == 1);
  CHECK(s.entities_by_class.at("Organization") == 0);
  CHECK(s.events == 2);
  CHECK(s.events_by_class.at("Summons") == 1);
  CHECK(s.events_by_date.at("2024-08-21") == 1);
  CHECK(s.undated_events == 1);
  REQUIRE(s.top_entities.size() == 1);
  CHECK(s.top_entities[0] == nkg::inspect::EntityMentions{"https://x.org/k", "Kazakhstan", "State", 2, 1});
}
