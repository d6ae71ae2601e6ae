#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "recognize/recognize.hpp"
#include "resolve/resolve.hpp"

namespace {

struct Fixture {
  nkg::text::Segmenter segmenter = nkg::text::Segmenter::create().value();
  nkg::lexicon::Lexicon lexicon = nkg::lexicon::Lexicon::load_embedded(segmenter).value();
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

struct Result {
  std::vector<nkg::Mention> mentions;
  nkg::recognize::Claims claims;
};

Result run(const std::string& text) {
  const auto& f = fixture();
  const auto seg = f.segmenter.segment(text);
  Result r;
  r.mentions = nkg::recognize::recognize_entities(text, seg, f.lexicon,
                                                  nkg::recognize::recognize_states(text, seg, f.lexicon));
  r.claims = nkg::recognize::recognize_claims(text, seg, f.lexicon, r.mentions);
  return r;
}

const char* kind_name(nkg::EntityKind k) {
  switch (k) {
    case nkg::EntityKind::state: return "state";
    case nkg::EntityKind::place: return "place";
    case nkg::EntityKind::person: return "person";
    case nkg::EntityKind::organization: return "org";
  }
  return "?";
}

/// "person:Murat Nurtleu" per mention of the given kinds (all but states by default).
std::vector<std::string> found(const std::string& text, bool with_states = false) {
  std::vector<std::string> out;
  for (const auto& m : run(text).mentions) {
    if (m.kind == nkg::EntityKind::state && !with_states) continue;
    out.push_back(std::string(kind_name(m.kind)) + ":" + m.surface);
  }
  return out;
}

std::string key_of(const Result& r, const std::string& surface) {
  for (const auto& m : r.mentions) {
    if (m.surface == surface) return m.key;
  }
  return "<none>";
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("people: introduced by a title, a given name, a verb of saying") {
  CHECK(found("Foreign Minister Murat Nurtleu met him.") == V{"person:Murat Nurtleu"});
  CHECK(found("Political analyst Gaziz Abishev told reporters.") == V{"person:Gaziz Abishev"});
  CHECK(found("Yesterday John Smith arrived in town.") == V{"person:John Smith"});
  CHECK(found("The talks failed, said Pashinyan.") == V{"person:Pashinyan"});
  CHECK(found("Kazakhstan summoned Paval Utsyupin, Belarus's ambassador in Astana.", true) ==
        V{"state:Kazakhstan", "person:Paval Utsyupin", "state:Belarus", "place:Astana"});
}

TEST_CASE("people: words that are not names") {
  CHECK(found("Mark the date in your diary.").empty());
  CHECK(found("Will they come back?").empty());
  CHECK(found("May is warm in Yerevan.") == V{"place:Yerevan"});
  CHECK(found("He said nothing.").empty());
  CHECK(found("They marched along Karl Marx Street.").empty());
  CHECK(found("Kazakhstan Summons Belarusian Ambassador Over Remarks").empty());
}

TEST_CASE("a surname refers to the person named in full") {
  const auto r = run("President Nikol Pashinyan spoke first. Later Pashinyan left.");
  const std::string full = key_of(r, "Nikol Pashinyan");
  CHECK(full == nkg::text::person_key("Nikol Pashinyan"));
  CHECK(key_of(r, "Pashinyan") == full);
}

TEST_CASE("organizations: lexicon, ministries, patterns") {
  const auto r = run("The Kazakh Foreign Ministry said the Collective Security Treaty Organization (CSTO) met.");
  CHECK(key_of(r, "Kazakh Foreign Ministry") == "kaz-ministry-of-foreign-affairs");
  CHECK(key_of(r, "Collective Security Treaty Organization") == "csto");
  CHECK(key_of(r, "CSTO") == "csto");
  for (const auto& m : r.mentions) {
    if (m.key == "kaz-ministry-of-foreign-affairs") {
      CHECK(m.label == "Ministry of Foreign Affairs of Kazakhstan");
      CHECK(m.part_of == "state:KAZ");
    }
  }
  CHECK(key_of(run("Belarus's Ministry of Foreign Affairs protested."), "Belarus's Ministry of Foreign Affairs") ==
        "blr-ministry-of-foreign-affairs");
  CHECK(key_of(run("The Ministry of Foreign Affairs of Armenia replied."), "Ministry of Foreign Affairs of Armenia") ==
        "arm-ministry-of-foreign-affairs");
  CHECK(found("Officials of the Central Election Commission resigned.") == V{"org:Central Election Commission"});
}

TEST_CASE("positions: title before the name, apposition, envoys and their posting") {
  const auto r = run("Kazakh Foreign Minister Murat Nurtleu met Ivan Petrov, Belarus's ambassador in Astana.");
  REQUIRE(r.claims.positions.size() == 2);
  const auto& fm = r.claims.positions[0];
  CHECK(r.mentions[fm.holder].surface == "Murat Nurtleu");
  CHECK(fm.title == "Foreign Minister");
  CHECK(fm.of_key == "KAZ");
  CHECK(fm.to_key.empty());
  const auto& amb = r.claims.positions[1];
  CHECK(r.mentions[amb.holder].surface == "Ivan Petrov");
  CHECK(amb.title == "Ambassador");
  CHECK(amb.of_key == "BLR");
  CHECK(amb.to_key == "KAZ");
  // A role is not a post.
  CHECK(run("Political analyst Gaziz Abishev spoke.").claims.positions.empty());
  // "its ambassador, NAME, from CITY": recalled from the capital it was posted to.
  const auto recall = run("Belarus recalled its ambassador, Anatoly Glaz, from Yerevan.");
  REQUIRE(recall.claims.positions.size() == 1);
  CHECK(recall.claims.positions[0].of_key == "BLR");
  CHECK(recall.claims.positions[0].to_key == "ARM");
}

TEST_CASE("descriptions of office holders resolve to the holder") {
  auto r = run("Armenian Prime Minister Nikol Pashinyan spoke. The Armenian leader then left.");
  nkg::resolve::resolve_descriptions(r.mentions, r.claims.positions, [](std::string_view t) {
    return t == "Prime Minister" || t == "President";
  });
  CHECK(key_of(r, "Armenian leader") == nkg::text::person_key("Nikol Pashinyan"));
  // Nobody holds the post in the text: the description stays unresolved.
  auto alone = run("The Kazakh president was silent.");
  nkg::resolve::resolve_descriptions(alone.mentions, alone.claims.positions, [](std::string_view) { return true; });
  CHECK(key_of(alone, "Kazakh president").empty());
}

TEST_CASE("membership statements") {
  const auto r = run("The CSTO is made up of Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan.");
  std::vector<std::string> members;
  for (const auto& rel : r.claims.relations) {
    CHECK(rel.property == "memberOf");
    CHECK(r.mentions[rel.object].key == "csto");
    members.push_back(r.mentions[rel.subject].key);
  }
  CHECK(members == V{"ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"});
  const auto before = run("Armenia and Belarus are members of the CSTO.");
  CHECK(before.claims.relations.size() == 2);
  CHECK(run("Armenia criticized the CSTO and Russia.").claims.relations.empty());
  // Two bodies joined by "and"; "The Baltic states" is no person.
  const auto both = run("The Baltic states, Estonia, Latvia and Lithuania, are members of NATO and the European Union.");
  CHECK(both.claims.relations.size() == 6);
  CHECK(std::none_of(both.mentions.begin(), both.mentions.end(),
                     [](const nkg::Mention& m) { return m.kind == nkg::EntityKind::person; }));
}

TEST_CASE("nationality where a role states it, not from a post") {
  const auto r = run("Belarusian journalist Ihar Losik was jailed. Kazakh Foreign Minister Murat Nurtleu spoke.");
  REQUIRE(r.claims.relations.size() == 1);
  CHECK(r.claims.relations[0].property == "nationality");
  CHECK(r.mentions[r.claims.relations[0].subject].surface == "Ihar Losik");
  CHECK(r.mentions[r.claims.relations[0].object].key == "BLR");
  const auto after = run("They met Ihar Losik, a Belarusian journalist, in Vilnius.");
  REQUIRE(after.claims.relations.size() == 1);
  CHECK(after.claims.relations[0].property == "nationality");
}
