#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "eval/eval.hpp"

namespace {

using nkg::Quad;

Quad q(std::string s, std::string p, nkg::Term o, std::string g) {
  return {nkg::iri(std::move(s)), nkg::iri(std::move(p)), std::move(o), nkg::iri(std::move(g))};
}

const std::string id = "https://w3id.org/newskg/id/";
const std::string ns = "https://w3id.org/newskg/ns#";
const std::string type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const std::string label = "http://www.w3.org/2000/01/rdf-schema#label";

/// One document graph with a person, a state and a position.
std::vector<Quad> doc_graph(const std::string& doc, const std::string& person_key, const std::string& name) {
  const std::string g = id + "doc/" + doc;
  const std::string person = id + "person/" + person_key;
  const std::string pos = id + "position/ambassador-blr--" + person_key;
  return {
      q(g, "http://purl.org/dc/terms/identifier", nkg::literal(doc), g),
      q(person, type, nkg::iri(ns + "Person"), g),
      q(person, label, nkg::lang_literal(name, "en"), g),
      q(id + "state/BLR", type, nkg::iri(ns + "State"), g),
      q(id + "state/BLR", ns + "isoAlpha3", nkg::literal("BLR"), g),
      q(person, ns + "holdsPosition", nkg::iri(pos), g),
      q(pos, ns + "title", nkg::lang_literal("Ambassador", "en"), g),
      q(pos, ns + "positionIn", nkg::iri(id + "state/BLR"), g),
  };
}

nkg::eval::GoldDocument gold_doc(const std::string& doc, const std::string& surface) {
  auto g = nkg::eval::parse_gold(R"({"document": ")" + doc + R"(", "entities": [
      {"id": "state:BLR", "type": "State", "label": "Belarus", "surfaces": ["Belarus"]},
      {"id": "person:ivan", "type": "Person", "label": "Ivan Petrov", "surfaces": [")" + surface + R"("]}],
    "positions": [{"holder": "person:ivan", "title": "Ambassador", "of": "state:BLR"}]})",
                                 doc + ".json");
  REQUIRE(g.ok());
  return g.value();
}

}  // namespace

TEST_CASE("gold scoring: matching by type and forms, positions through the matching") {
  auto quads = doc_graph("a", "ivn-ptrv", "Ivan Petrov");
  const auto r = nkg::eval::score_gold({gold_doc("a", "Ivan Petrov")}, quads);
  CHECK(r.entities.tp == 2);
  CHECK(r.entities.fp == 0);
  CHECK(r.entities.fn == 0);
  CHECK(r.positions.tp == 1);
  CHECK(r.split.empty());
  // A wrong title is a false positive and a false negative.
  quads[6].object = nkg::lang_literal("Consul", "en");
  const auto wrong = nkg::eval::score_gold({gold_doc("a", "Ivan Petrov")}, quads);
  CHECK(wrong.positions.fp == 1);
  CHECK(wrong.positions.fn == 1);
}

TEST_CASE("gold scoring: one real person given two IRIs in two documents is a split") {
  auto quads = doc_graph("a", "ivn-ptrv", "Ivan Petrov");
  const auto b = doc_graph("b", "ivn-pdrv", "Ivan Pedrov");
  quads.insert(quads.end(), b.begin(), b.end());
  const auto r = nkg::eval::score_gold({gold_doc("a", "Ivan Petrov"), gold_doc("b", "Ivan Pedrov")}, quads);
  CHECK(r.entities.tp == 4);
  REQUIRE(r.split.size() == 1);
  CHECK(r.split[0].rfind("person:ivan:", 0) == 0);
  // An output entity nobody annotated is a false positive.
  auto extra = doc_graph("a", "ivn-ptrv", "Ivan Petrov");
  extra.push_back(q(id + "person/x", type, nkg::iri(ns + "Person"), id + "doc/a"));
  CHECK(nkg::eval::score_gold({gold_doc("a", "Ivan Petrov")}, extra).entities.fp == 1);
}

TEST_CASE("gold files: malformed JSON names file and byte") {
  const auto bad = nkg::eval::parse_gold("{\"document\": \"a\",", "x.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().where().path == "x.json");
  CHECK(bad.status().where().byte_offset.has_value());
  CHECK_FALSE(nkg::eval::parse_gold("[]", "y.json").ok());
}

TEST_CASE("forms are normalized for matching") {
  CHECK(nkg::eval::normalize_form("The  Kazakh Foreign Ministry") == "kazakh foreign ministry");
  CHECK(nkg::eval::normalize_form("Belarus\xE2\x80\x99s") == "belarus");
  CHECK(nkg::eval::normalize_form("Łukašenka") == "lukasenka");
}

TEST_CASE("CoNLL: IOB1 chunks, detokenized text, token spans") {
  const auto docs = nkg::eval::parse_conll(
      "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n. . O O\n\n"
      "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nNew NNP I-NP B-PER\nYork NNP I-NP I-PER\n's POS B-NP O\n\n",
      "t.conll");
  REQUIRE(docs.ok());
  REQUIRE(docs.value().size() == 1);
  const auto& doc = docs.value()[0];
  const auto chunks = nkg::eval::chunks_of(doc);
  REQUIRE(chunks.size() == 4);
  CHECK(chunks[0].type == "ORG");
  CHECK(chunks[1].type == "MISC");
  CHECK((chunks[2].begin == 0 && chunks[2].end == 2 && chunks[2].type == "PER"));
  CHECK((chunks[3].begin == 2 && chunks[3].end == 4));  // B- starts a new entity of the same type
  const auto rebuilt = nkg::eval::rebuild_text(doc);
  CHECK(rebuilt.text == "EU rejects German call.\nPeter Blackburn New York's");
  CHECK(rebuilt.token_spans[1][4] == std::pair<std::uint32_t, std::uint32_t>{24 + 24, 24 + 26});
  CHECK_FALSE(nkg::eval::parse_conll("word POS chunk X-BAD\n", "b.conll").ok());
}

TEST_CASE("country names are normalized as the peer measurement does") {
  CHECK(nkg::eval::normalize_country("U.S.A.") == "usa");
  CHECK(nkg::eval::normalize_country("The  Gambia") == "gambia");
  CHECK(nkg::eval::normalize_country("Côte d'Ivoire") == "cote d'ivoire");
}
