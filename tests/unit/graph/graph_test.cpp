#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

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
  nkg::Document doc;
  doc.id = "a b";
  doc.text = "Kazakh envoy";
  doc.length_cp = 12;
  std::vector<nkg::Mention> ms{{{0, 6}, nkg::EntityKind::state, "KAZ", "Kazakh", false, 0.9, "state-adjective"}};
  VectorSink sink;
  REQUIRE(builder.emit_document(doc, ms, nkg::resolve::group_mentions(ms), sink).ok());
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
