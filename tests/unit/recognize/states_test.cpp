#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "recognize/recognize.hpp"

namespace {

struct Fixture {
  nkg::text::Segmenter segmenter = nkg::text::Segmenter::create().value();
  nkg::lexicon::Lexicon lexicon = nkg::lexicon::Lexicon::load_embedded(segmenter).value();
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

/// "KAZ:Kazakh" per mention, "place:yerevan:Yerevan" for places.
std::vector<std::string> found(const std::string& text) {
  const auto& f = fixture();
  std::vector<std::string> out;
  for (const auto& m : nkg::recognize::recognize_states(text, f.segmenter.segment(text), f.lexicon)) {
    out.push_back((m.kind == nkg::EntityKind::place ? "place:" : "") + m.key + ":" + m.surface);
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("lexicon covers every ISO 3166-1 state with codes and Wikidata") {
  const auto& lex = fixture().lexicon;
  CHECK(lex.states().size() == 249);
  const auto* kaz = lex.find_state("KAZ");
  REQUIRE(kaz != nullptr);
  CHECK(kaz->alpha2 == "KZ");
  CHECK(kaz->numeric == "398");
  CHECK(kaz->wikidata == "Q232");
  CHECK(kaz->label == "Kazakhstan");
  CHECK(lex.find_state("XYZ") == nullptr);
}

TEST_CASE("names, adjectives and demonyms") {
  CHECK(found("Kazakhstan summoned the envoy.") == V{"KAZ:Kazakhstan"});
  CHECK(found("The Kazakh Foreign Ministry said.") == V{"KAZ:Kazakh"});
  CHECK(found("Who needs Armenians? The German Chancellor.") == V{"ARM:Armenians", "DEU:German"});
  CHECK(found("He met the United States envoy.") == V{"USA:United States"});
  CHECK(found("A Russia-led alliance.") == V{"RUS:Russia"});
}

TEST_CASE("a possessive stays out of the mention") {
  CHECK(found("Belarus\xE2\x80\x99s ambassador left.") == V{"BLR:Belarus"});
  CHECK(found("Armenia's shift westward.") == V{"ARM:Armenia"});
}

TEST_CASE("a capital is its government as an actor, a place after a preposition") {
  CHECK(found("Minsk faces backlash from Kazakhstan.") == V{"BLR:Minsk", "KAZ:Kazakhstan"});
  CHECK(found("Astana is confident.") == V{"KAZ:Astana"});
  CHECK(found("Protesters gathered at the embassy in Yerevan.") == V{"place:yerevan:Yerevan"});
  CHECK(found("During a visit to Baku he spoke.") == V{"place:baku:Baku"});
  CHECK(found("It turned to Moscow for help.") == V{"RUS:Moscow"});
}

TEST_CASE("seats of government") {
  CHECK(found("Without Kremlin support.") == V{"RUS:Kremlin"});
  CHECK(found("the Kremlin said.") == V{"RUS:Kremlin"});
}

TEST_CASE("title-case headlines") {
  CHECK(found("Kazakhstan Summons Belarusian Ambassador Over Remarks") == V{"KAZ:Kazakhstan", "BLR:Belarusian"});
}

TEST_CASE("no state from lower-case words, names, streets or outlets") {
  CHECK(found("We will mark the day in may with a china plate and turkey.").empty());
  CHECK(found("Protesters marched down Georgia Street.").empty());
  CHECK(found("The former player Michael Jordan spoke.").empty());
  CHECK(found("The channel Rossiya TV aired it.").empty());
  CHECK(found("Latin American leaders met.").empty());
  CHECK(found("Chad Smith said he would come.").empty());
}

TEST_CASE("Georgia the US state is not the country") {
  CHECK(found("The governor of Georgia signed the bill in Atlanta.").empty());
  CHECK(found("Tbilisi and Georgia accused Russia.") == V{"GEO:Tbilisi", "GEO:Georgia", "RUS:Russia"});
}
