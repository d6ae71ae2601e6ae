// Every state the sample corpus names — by name, demonym, adjective, capital or seat of
// government — found with the right ISO code, and no other. The expected sets come from a
// careful reading of the five articles (comments say where each state is named).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "newskg.hpp"

namespace {

struct Found {
  std::set<std::string> states;
  std::set<std::string> places;
};

Found read_corpus_document(const std::string& name) {
  static const auto pipeline = nkg::Pipeline::create({}).value();
  auto doc = pipeline.read(std::string(NKG_SOURCE_DIR) + "/corpus/" + name);
  REQUIRE(doc.ok());
  Found f;
  for (const auto& m : pipeline.analyze(std::move(doc).value()).mentions) {
    if (m.kind == nkg::EntityKind::state) f.states.insert(m.key);
    if (m.kind == nkg::EntityKind::place) f.places.insert(m.key);
  }
  return f;
}

using S = std::set<std::string>;

}  // namespace

TEST_CASE("000: the summons reported by RFE/RL") {
  const Found f = read_corpus_document("000_b0b5c80f07ef403a.txt");
  // Kazakhstan, Kazakh, Astana (is confident); Belarus, Belarusian, Minsk (ties with Minsk);
  // Russian, Russia; China, India, Pakistan; Armenia, Armenians; France, French.
  CHECK(f.states == S{"ARM", "BLR", "CHN", "FRA", "IND", "KAZ", "PAK", "RUS"});
  // "ambassador in Astana", "the Belarusian Embassy in Yerevan".
  CHECK(f.places == S{"astana", "yerevan"});
}

TEST_CASE("001: the Newsroom report") {
  const Found f = read_corpus_document("001_ac197daf77e00fac.txt");
  // Kazakhstan; Belarusian, Belarus, Minsk (turned to Moscow and Minsk); Russia, Moscow.
  // "Rossiya TV channel" and "United Nations Charter" name no state.
  CHECK(f.states == S{"BLR", "KAZ", "RUS"});
  CHECK(f.places.empty());
}

TEST_CASE("002: Pozirk") {
  const Found f = read_corpus_document("002_a11d2a059a16975c.txt");
  // "Minsk faces backlash", Belarusian, Belarus; Kazakhstan, Kazakh, Astana('s position);
  // Russia; The United States; Armenia, Armenians, Armenian. "European Union" is no state.
  CHECK(f.states == S{"ARM", "BLR", "KAZ", "RUS", "USA"});
  // The dateline "Minsk 00:36"; "the Belarusian embassy in Yerevan".
  CHECK(f.places == S{"minsk", "yerevan"});
}

TEST_CASE("003: civil.ge") {
  const Found f = read_corpus_document("003_099ecd0cf96979e9.txt");
  // Armenian, Armenia; Belarus, Belarusian; Russia(-Favored), Russian, Kremlin; US(-Sanctioned);
  // German (Chancellor); "Present in Georgia During Elections"; Azerbaijan, Azerbaijani.
  CHECK(f.states == S{"ARM", "AZE", "BLR", "DEU", "GEO", "RUS", "USA"});
  // "from Belarus to Yerevan", "a visit to Baku", "from Yerevan".
  CHECK(f.places == S{"abkhazia", "baku", "nagorno-karabakh", "yerevan"});
}

TEST_CASE("004: teleSUR") {
  const Found f = read_corpus_document("004_461cc9dabf9cf2e4.txt");
  // Belarus; Kazakhstan, Kazakh; Russia; and the CSTO members Armenia, Kyrgyzstan, Tajikistan.
  CHECK(f.states == S{"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"});
  CHECK(f.places.empty());
}
