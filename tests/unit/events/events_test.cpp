#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "events/events.hpp"
#include "recognize/recognize.hpp"

namespace {

struct Fixture {
  nkg::text::Segmenter segmenter = nkg::text::Segmenter::create().value();
  nkg::lexicon::Lexicon lexicon = nkg::lexicon::Lexicon::load_embedded(segmenter).value();
  nkg::syntax::Syntax syntax = nkg::syntax::Syntax::load_embedded().value();
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

std::vector<nkg::DateMention> dates(const std::string& text, std::optional<nkg::PartialDate> published = std::nullopt) {
  return nkg::events::find_dates(text, fixture().segmenter.segment(text), published);
}

std::vector<std::string> isos(const std::vector<nkg::DateMention>& ds) {
  std::vector<std::string> out;
  for (const auto& d : ds) out.push_back(d.date.to_iso());
  return out;
}

/// "Summons KAZ->BLR envoy=ivn-ptrv [Negated] @2024-08-21" per event.
std::vector<std::string> events(const std::string& text, std::optional<nkg::PartialDate> published = std::nullopt) {
  const auto& f = fixture();
  const auto seg = f.segmenter.segment(text);
  auto mentions = nkg::recognize::recognize_entities(text, seg, f.lexicon,
                                                     nkg::recognize::recognize_states(text, seg, f.lexicon));
  const auto claims = nkg::recognize::recognize_claims(text, seg, f.lexicon, mentions);
  const auto ds = nkg::events::find_dates(text, seg, published);
  std::vector<std::string> out;
  for (const auto& e : nkg::events::recognize_events(text, seg, f.syntax, f.lexicon, mentions, claims.positions, ds)) {
    std::string s(nkg::events::class_name(e.cls));
    s += " " + (e.agent ? e.agent->key : "-") + "->" + (e.target ? e.target->key : "-");
    if (e.envoy) s += " envoy";
    if (e.place) s += " in " + e.place->key;
    if (e.modality == nkg::Modality::negated) s += " negated";
    if (e.modality == nkg::Modality::planned) s += " planned";
    if (e.date) s += " @" + e.date->to_iso();
    if (!e.quote.empty()) s += " quote";
    out.push_back(s);
  }
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("dates: absolute forms, as precise as the text") {
  CHECK(isos(dates("It happened on August 21, 2024 and in January 2022.")) == V{"2024-08-21", "2022-01"});
  CHECK(isos(dates("On September 13-14, 2022, soldiers were killed.")) == V{"2022-09-13"});
  CHECK(isos(dates("As of January 1, 2024, the republic ceased to exist.")) == V{"2024-01-01"});
  CHECK(isos(dates("The bloc was created in 2002.")) == V{"2002"});
  CHECK(isos(dates("He arrived on 21 August 2024.")) == V{"2024-08-21"});
  CHECK(dates("February 30, 2024 is no date.").empty());
  CHECK(dates("May I ask? The army numbers 2002 soldiers.").empty());
}

TEST_CASE("dates: relative forms only against a full publication date") {
  const nkg::PartialDate published{2024, 8, 22};  // a Thursday
  CHECK(isos(dates("On Wednesday, the minister met him.", published)) == V{"2024-08-21"});
  CHECK(isos(dates("This Saturday the talks ended.", nkg::PartialDate{2022, 1, 15})) == V{"2022-01-15"});
  CHECK(isos(dates("The meeting on August 21 was short.", published)) == V{"2024-08-21"});
  CHECK(isos(dates("In mid-May he travelled.", published)) == V{"2024-05"});
  // Without a publication date, or after it, nothing is certain.
  CHECK(dates("On Wednesday, the minister met him.").empty());
  CHECK(dates("The meeting on December 21 was short.", published).empty());
  CHECK(dates("See you next Friday.", published).empty());
}

TEST_CASE("summons: active, passive, nominal; not a court summons") {
  const auto active = events("Kazakhstan summoned Ivan Petrov, Belarus's ambassador in Astana.");
  CHECK(has(active, "Summons KAZ->BLR envoy"));
  const auto passive = events("Belarusian Ambassador Ivan Petrov was summoned by Kazakhstan on Monday.");
  CHECK(has(passive, "Summons KAZ->BLR envoy"));
  const auto ministry = events("The Kazakh Foreign Ministry has summoned the Belarusian ambassador.");
  CHECK(has(ministry, "Summons KAZ->BLR"));
  CHECK(events("He received a summons to court in Texas.").empty());
}

TEST_CASE("recall: own envoy home; memory sense is no event") {
  CHECK(has(events("Belarus recalled its ambassador, Anatoly Glaz, from Yerevan."), "Recall BLR->ARM envoy"));
  CHECK(has(events("The Armenian Foreign Ministry summoned Ambassador Razmik Ghazarian from Belarus to Yerevan."),
            "Recall ARM->BLR envoy"));
  const auto memory = events("Pashinyan recalled that the war ended in 2020.");
  CHECK(std::none_of(memory.begin(), memory.end(), [](const std::string& e) { return e.rfind("Recall", 0) == 0; }));
}

TEST_CASE("statements and interviews: speaker, quote, outlet") {
  const auto quoted = events("\xE2\x80\x9CWe have to be together,\xE2\x80\x9D Lukashenko said in the interview.");
  REQUIRE_FALSE(quoted.empty());
  CHECK(quoted[0].rfind("Statement " + nkg::text::person_key("Alexander Lukashenko") + "->- quote", 0) == 0);
  CHECK(has(events("Political analyst Gaziz Abishev told the Current Time television channel that it mattered."),
            "Interview " + nkg::text::person_key("Gaziz Abishev") + "->current-time"));
  CHECK(has(events("In a recent interview with Rossiya TV, Aleksandr Lukashenko criticized Kazakhstan."),
            "Interview " + nkg::text::person_key("Aleksandr Lukashenko") + "->rossiya-1"));
}

TEST_CASE("modality: planned, negated, cancelled visits are kept and marked") {
  CHECK(has(events("The tensions could affect President Tokayev's planned visit to Belarus."),
            "Visit " + nkg::text::person_key("Kassym-Jomart Tokayev") + "->BLR in BLR planned"));
  const auto refused = events("Pashinyan said that no official of Armenia will visit Belarus.");
  CHECK(std::any_of(refused.begin(), refused.end(),
                    [](const std::string& e) { return e.rfind("Visit", 0) == 0 && e.find("negated") != std::string::npos; }));
  const auto cancelled = events("The planned visit to Baku was cancelled by Ilham Aliyev.");
  CHECK(std::any_of(cancelled.begin(), cancelled.end(),
                    [](const std::string& e) { return e.rfind("Visit", 0) == 0 && e.find("negated") != std::string::npos; }));
}

TEST_CASE("protests, deployments, conflicts, dates on events") {
  CHECK(has(events("Protesters pelted the Belarusian Embassy in Yerevan with eggs."), "Protest -->blr-embassy-in-arm in yerevan"));
  CHECK(has(events("In January 2022 Kazakh President Kassym-Jomart Tokayev invited troops of the CSTO."),
            "Deployment csto->KAZ @2022-01"));
  CHECK(has(events("On September 13-14, 2022, during Azerbaijan's invasion of Armenia, soldiers died."),
            "ArmedConflict AZE->ARM @2022-09-13"));
}

TEST_CASE("roles from the clause: coordinated agents, passives, the subject and not a nearer name") {
  // Each coordinated state expels: one event each.
  const auto three = events("Peru, Panama and Chile expelled the Venezuelan ambassadors.");
  CHECK(has(three, "Expulsion PER->VEN"));
  CHECK(has(three, "Expulsion PAN->VEN"));
  CHECK(has(three, "Expulsion CHL->VEN"));
  // A passive: the agent is in its by-phrase, and without one there is none.
  CHECK(has(events("The Polish ambassador was summoned by Germany on Friday."), "Summons DEU->POL"));
  CHECK(has(events("The Polish ambassador was summoned on Friday."), "Summons -->POL"));
  // Must not: the object of a preposition before the verb is not its subject.
  const auto of = events("The ambassador of France met the Chilean minister on Monday.");
  CHECK(std::none_of(of.begin(), of.end(), [](const std::string& e) { return e.rfind("Meeting FRA", 0) == 0; }));
}

TEST_CASE("speakers from the clause: who says it, and who does not") {
  // "Smith of the electoral commission said Jones had won": Smith speaks, not Jones.
  const auto smith = events("Maria Lopez of the electoral commission said Peter Jones had won the vote.");
  CHECK(has(smith, "Statement " + nkg::text::person_key("Maria Lopez") + "->-"));
  CHECK(std::none_of(smith.begin(), smith.end(), [](const std::string& e) {
    return e.rfind("Statement " + nkg::text::person_key("Peter Jones"), 0) == 0;
  }));
  // A nameless spokesman speaks for the body he speaks for, not for a name elsewhere.
  const auto spokesman = events("A spokesman for NATO said Vladimir Putin had rejected the offer.");
  CHECK(has(spokesman, "Statement nato->-"));
  CHECK(std::none_of(spokesman.begin(), spokesman.end(), [](const std::string& e) {
    return e.rfind("Statement " + nkg::text::person_key("Vladimir Putin"), 0) == 0;
  }));
  // Must not: the accused of a passive "accused" is no speaker, nor is a declared winner.
  const auto accused = events("Peter Jones, who was accused of fraud, left Lima on Friday.");
  CHECK(std::none_of(accused.begin(), accused.end(), [](const std::string& e) { return e.rfind("Statement", 0) == 0; }));
  const auto declared = events("Peter Jones was declared the winner of the election.");
  CHECK(std::none_of(declared.begin(), declared.end(), [](const std::string& e) { return e.rfind("Statement", 0) == 0; }));
}

TEST_CASE("descriptions: 'the ministry', 'the government' stand for an entity named before") {
  // The nearest organization whose name has the word; a state that was a subject before.
  CHECK(has(events("Japan's foreign ministry summoned the Chinese ambassador. The ministry said the ships must leave."),
            "Statement jpn-ministry-of-foreign-affairs->-"));
  CHECK(has(events("Chile expelled two Peruvian diplomats on Monday. The government said they had spied."),
            "Statement CHL->-"));
  // Must not: a description with nothing before it that fits says nothing, and an indefinite
  // one ("a ministry") stands for no one named.
  CHECK(events("The ministry said the ships must leave.").empty());
  const auto indefinite = events("Japan's foreign ministry protested. A ministry said the ships must leave.");
  CHECK(std::none_of(indefinite.begin(), indefinite.end(), [](const std::string& e) { return e.rfind("Statement", 0) == 0; }));
}
