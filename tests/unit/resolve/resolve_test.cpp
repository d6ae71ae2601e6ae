#include <doctest/doctest.h>

#include "resolve/resolve.hpp"

using nkg::resolve::person_key;

TEST_CASE("one key for every romanization of one name") {
  const std::string k = person_key("Aleksandr Lukashenko");
  CHECK(k == person_key("Alexander Lukashenko"));
  CHECK(k == person_key("Alaksandar \xC5\x81uka\xC5\xA1" "enka"));  // Łukašenka
  CHECK(k == person_key("Aleksandr Lukashenka"));
  CHECK(k == person_key("\xD0\x90\xD0\xBB\xD0\xB5\xD0\xBA\xD1\x81\xD0\xB0\xD0\xBD\xD0\xB4\xD1\x80 "
                        "\xD0\x9B\xD1\x83\xD0\xBA\xD0\xB0\xD1\x88\xD0\xB5\xD0\xBD\xD0\xBA\xD0\xBE"));  // Cyrillic
  CHECK(person_key("Pavel Utsyupin") == person_key("Pavie\xC5\x82 Uciupin"));
}

TEST_CASE("different people keep different keys") {
  CHECK(person_key("Nikol Pashinyan") != person_key("Ilham Aliyev"));
  CHECK(person_key("Anna Smith") != person_key("Anna Smart"));
}

TEST_CASE("keys are IRI-safe and empty only without letters") {
  const std::string k = person_key("Jos\xC3\xA9 D'\xC3\x81vila-Pe\xC3\xB1" "a");
  CHECK_FALSE(k.empty());
  CHECK(k.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
  CHECK(person_key("  --- ").empty());
}

namespace {
nkg::Mention mention(nkg::Span span, nkg::EntityKind kind, std::string key, std::string surface, bool is_name) {
  nkg::Mention m;
  m.span = span;
  m.kind = kind;
  m.key = std::move(key);
  m.surface = std::move(surface);
  m.is_name = is_name;
  m.confidence = 0.9;
  m.rule = "r";
  return m;
}
}  // namespace

TEST_CASE("mentions group by kind and key; only names become labels") {
  std::vector<nkg::Mention> ms{mention({0, 5}, nkg::EntityKind::state, "KAZ", "Kazakhstan", true),
                               mention({6, 9}, nkg::EntityKind::state, "KAZ", "Kazakh", false),
                               mention({10, 12}, nkg::EntityKind::place, "astana", "Astana", true)};
  const auto es = nkg::resolve::group_mentions(ms);
  REQUIRE(es.size() == 2);
  CHECK(es[0].key == "KAZ");
  CHECK(es[0].mentions == std::vector<std::uint32_t>{0, 1});
  CHECK(es[0].names == std::vector<std::string>{"Kazakhstan"});
  CHECK(es[1].kind == nkg::EntityKind::place);
}

TEST_CASE("people are unified across documents: typos where the post agrees, surnames alone") {
  using nkg::resolve::PersonEvidence;
  const std::string amb = "Ambassador|BLR";
  const std::string a = person_key("Paval Utsyupin");
  const std::string b = person_key("Pavel Utyupin");
  const std::string c = person_key("Pavieł Uciupin");
  const std::string lone = person_key("Utyupin");
  const std::string other = person_key("Pavel Utkin");
  std::vector<PersonEvidence> evidence{
      {a, {"Paval Utsyupin", "Utsyupin"}, {amb}},
      {b, {"Pavel Utyupin", "Utyupin"}, {amb}},
      {c, {"Pavieł Uciupin"}, {amb}},
      {lone, {"Utyupin"}, {}},
      {other, {"Pavel Utkin"}, {"Ambassador|RUS"}},
  };
  const auto index = nkg::resolve::unify_people(evidence);
  const std::string canonical = index.key_of(a);
  CHECK(index.key_of(b) == canonical);
  CHECK(index.key_of(c) == canonical);
  CHECK(index.key_of(lone) == canonical);
  CHECK(index.key_of(other) != canonical);  // another post: another man
  // The label is a full name, the most frequent ASCII one on ties.
  CHECK(index.label.at(canonical).find(' ') != std::string::npos);
  // Order of evidence does not matter.
  std::vector<PersonEvidence> reversed(evidence.rbegin(), evidence.rend());
  const auto again = nkg::resolve::unify_people(reversed);
  CHECK(again.canonical_key == index.canonical_key);
  CHECK(again.label == index.label);
}

TEST_CASE("no typo-tolerant merge without a shared post") {
  using nkg::resolve::PersonEvidence;
  const std::vector<PersonEvidence> evidence{{person_key("Ivan Petrov"), {"Ivan Petrov"}, {"President|RUS"}},
                                             {person_key("Ivan Petrova"), {"Ivan Petrova"}, {}},
                                             {person_key("Ivan Pedrov"), {"Ivan Pedrov"}, {}}};
  const auto index = nkg::resolve::unify_people(evidence);
  CHECK(index.key_of(person_key("Ivan Pedrov")) != index.key_of(person_key("Ivan Petrov")));
}

TEST_CASE("edit distance") {
  CHECK(nkg::resolve::edit_distance("ucpn", "utpn") == 1);
  CHECK(nkg::resolve::edit_distance("", "abc") == 3);
  CHECK(nkg::resolve::edit_distance("kitten", "sitting") == 3);
}
