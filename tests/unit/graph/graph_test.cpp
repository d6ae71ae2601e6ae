#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "core/iri.hpp"
#include "graph/graph.hpp"

namespace {

class VectorSink final : public nkg::QuadSink {
 public:
  nkg::Status prefix(std::string_view name, std::string_view) override {
    prefixes.emplace_back(name);
    return {};
  }
  nkg::Status quad(const nkg::Quad& q) override {
    quads.push_back(nkg::to_nquads(q));
    return {};
  }
  nkg::Status finish() override { return {}; }
  std::vector<std::string> prefixes;
  std::vector<std::string> quads;
  [[nodiscard]] bool has(const std::string& line) const {
    return std::find(quads.begin(), quads.end(), line) != quads.end();
  }
};

const nkg::lexicon::Lexicon& lexicon() {
  static const auto segmenter = nkg::text::Segmenter::create().value();
  static const auto lex = nkg::lexicon::Lexicon::load_embedded(segmenter).value();
  return lex;
}

constexpr const char* g = " <https://w3id.org/newskg/id/doc/a%20b> .";

nkg::Mention mention(nkg::Span span, nkg::EntityKind kind, std::string key, std::string surface, bool is_name) {
  nkg::Mention m;
  m.span = span;
  m.kind = kind;
  m.key = std::move(key);
  m.surface = std::move(surface);
  m.is_name = is_name;
  m.confidence = 0.9;
  m.rule = "test";
  return m;
}

}  // namespace

TEST_CASE("IRIs follow DESIGN §2 and encode what is not IRI-safe") {
  const nkg::graph::IriMinter iris("https://w3id.org/newskg/id/");
  CHECK(iris.document("000_b0b5") == "https://w3id.org/newskg/id/doc/000_b0b5");
  CHECK(iris.document("a b/c") == "https://w3id.org/newskg/id/doc/a%20b%2Fc");
  CHECK(iris.entity(nkg::EntityKind::state, "BLR") == "https://w3id.org/newskg/id/state/BLR");
  CHECK(iris.mention("d", {3, 10}) == "https://w3id.org/newskg/id/doc/d#char=3,10");
}

TEST_CASE("--base must be an absolute IRI ending in / or #") {
  CHECK(nkg::graph::check_base_iri("https://example.org/kg/").ok());
  CHECK(nkg::graph::check_base_iri("https://example.org/kg#").ok());
  CHECK(nkg::graph::check_base_iri("https://example.org/kg").message() ==
        "--base 'https://example.org/kg' must end with '/' or '#'");
  CHECK_FALSE(nkg::graph::check_base_iri("not an iri/").ok());
  CHECK_FALSE(nkg::graph::check_base_iri("relative/path/").ok());
}

TEST_CASE("a document with a state mention: NIF evidence, codes, sameAs, named graph") {
  const nkg::graph::GraphBuilder builder(lexicon(), "https://w3id.org/newskg/id/");
  nkg::Analysis a;
  a.document.id = "a b";
  a.document.text = "Kazakh envoy";
  a.document.length_cp = 12;
  a.mentions.push_back(mention({0, 6}, nkg::EntityKind::state, "KAZ", "Kazakh", false));
  VectorSink sink;
  REQUIRE(builder.emit_document(a, nkg::resolve::group_mentions(a.mentions), sink).ok());
  const std::string m = "<https://w3id.org/newskg/id/doc/a%20b#char=0,6>";
  const std::string kaz = "<https://w3id.org/newskg/id/state/KAZ>";
  CHECK(sink.has(m + " <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> \"Kazakh\"" + g));
  CHECK(sink.has(m + " <http://www.w3.org/2005/11/its/rdf#taIdentRef> " + kaz + g));
  CHECK(sink.has(m + " <https://w3id.org/newskg/ns#confidence> \"0.90\"^^<http://www.w3.org/2001/XMLSchema#decimal>" + g));
  CHECK(sink.has(kaz + " <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q232>" + g));
  CHECK(sink.has(kaz + " <http://www.w3.org/2000/01/rdf-schema#label> \"Kazakhstan\"@en" + g));
  CHECK(sink.has(kaz + " <https://w3id.org/newskg/ns#isoNumeric> \"398\"" + g));
  // An adjective is a mention, not an alternative name.
  CHECK(std::none_of(sink.quads.begin(), sink.quads.end(),
                     [](const std::string& q) { return q.find("altLabel") != std::string::npos; }));
}

TEST_CASE("prefixes: fixed ones, then one per base path") {
  const nkg::graph::GraphBuilder builder(lexicon(), "https://example.org/kg/");
  VectorSink sink;
  REQUIRE(builder.emit_prefixes(sink).ok());
  CHECK(sink.prefixes.front() == "nkg");
  CHECK(std::find(sink.prefixes.begin(), sink.prefixes.end(), "state") != sink.prefixes.end());
}

TEST_CASE("positions, memberships and organizations become quads") {
  const nkg::graph::GraphBuilder builder(lexicon(), "https://w3id.org/newskg/id/");
  nkg::Analysis a;
  a.document.id = "d";
  a.document.text = "Belarus's ambassador in Astana, Ivan Petrov; the Ministry";
  a.document.length_cp = 57;
  a.mentions.push_back(mention({0, 7}, nkg::EntityKind::state, "BLR", "Belarus", true));
  a.mentions.push_back(mention({24, 30}, nkg::EntityKind::place, "astana", "Astana", true));
  a.mentions.push_back(mention({32, 43}, nkg::EntityKind::person, "ivn-ptrv", "Ivan Petrov", true));
  nkg::Mention ministry = mention({49, 57}, nkg::EntityKind::organization, "blr-ministry-of-foreign-affairs", "Ministry", true);
  ministry.label = "Ministry of Foreign Affairs of Belarus";
  ministry.part_of = "state:BLR";
  a.mentions.push_back(ministry);
  a.person_labels["ivn-ptrv"] = "Ivan Petrov";
  nkg::PositionClaim p;
  p.holder = 2;
  p.title = "Ambassador";
  p.of_key = "BLR";
  p.to_key = "KAZ";
  a.positions.push_back(p);
  a.relations.push_back({0, "memberOf", 3, {0, 57}, 0.8, "test"});
  VectorSink sink;
  REQUIRE(builder.emit_document(a, nkg::resolve::group_mentions(a.mentions), sink).ok());
  const std::string gd = " <https://w3id.org/newskg/id/doc/d> .";
  const std::string pos = "<https://w3id.org/newskg/id/position/ambassador-blr-to-kaz--ivn-ptrv>";
  const std::string person = "<https://w3id.org/newskg/id/person/ivn-ptrv>";
  const std::string nkg = "https://w3id.org/newskg/ns#";
  CHECK(sink.has(person + " <" + nkg + "holdsPosition> " + pos + gd));
  CHECK(sink.has(pos + " <" + nkg + "title> \"Ambassador\"@en" + gd));
  CHECK(sink.has(pos + " <" + nkg + "positionIn> <https://w3id.org/newskg/id/state/BLR>" + gd));
  // Accredited to the state whose capital the text names; that state is described too.
  CHECK(sink.has(pos + " <" + nkg + "accreditedTo> <https://w3id.org/newskg/id/state/KAZ>" + gd));
  CHECK(sink.has("<https://w3id.org/newskg/id/state/KAZ> <" + nkg + "isoAlpha3> \"KAZ\"" + gd));
  CHECK(sink.has(person + " <http://www.w3.org/2000/01/rdf-schema#label> \"Ivan Petrov\"@en" + gd));
  const std::string org = "<https://w3id.org/newskg/id/org/blr-ministry-of-foreign-affairs>";
  CHECK(sink.has(org + " <http://www.w3.org/2000/01/rdf-schema#label> \"Ministry of Foreign Affairs of Belarus\"@en" + gd));
  CHECK(sink.has(org + " <" + nkg + "partOf> <https://w3id.org/newskg/id/state/BLR>" + gd));
  CHECK(sink.has("<https://w3id.org/newskg/id/state/BLR> <" + nkg + "memberOf> " + org + gd));
  // The membership names its rule and evidence (a reified statement).
  const std::string st = "<https://w3id.org/newskg/id/doc/d#memberOf=BLR,blr-ministry-of-foreign-affairs,0>";
  CHECK(sink.has(st + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement>" + gd));
  CHECK(sink.has(st + " <" + nkg + "rule> \"test\"" + gd));
  CHECK(sink.has(st + " <http://www.w3.org/ns/prov#wasDerivedFrom> <https://w3id.org/newskg/id/doc/d#char=0,57>" + gd));
  // An unresolved description is not emitted.
  nkg::Analysis b = a;
  b.mentions[2].key.clear();
  VectorSink sink2;
  REQUIRE(builder.emit_document(b, nkg::resolve::group_mentions(b.mentions), sink2).ok());
  CHECK(std::none_of(sink2.quads.begin(), sink2.quads.end(),
                     [](const std::string& q) { return q.find("holdsPosition") != std::string::npos; }));
}

TEST_CASE("a document id '.' or '..' is no dot segment in its IRI") {
  CHECK(nkg::graph::encode_iri_segment("..") == "%2E%2E");
  CHECK(nkg::graph::encode_iri_segment(".") == "%2E");
  CHECK(nkg::graph::encode_iri_segment("a..b") == "a..b");
  CHECK(nkg::is_valid_absolute_iri("https://w3id.org/newskg/id/doc/" + nkg::graph::encode_iri_segment("..")));
}
