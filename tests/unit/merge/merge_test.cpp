// The corpus pass (merge/) on document graphs in shard form: what it must change, and what not.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "newskg.hpp"

namespace {

class VectorSink final : public nkg::QuadSink {
 public:
  nkg::Status prefix(std::string_view, std::string_view) override { return nkg::Status::success(); }
  nkg::Status quad(const nkg::Quad& q) override {
    quads.push_back(q);
    return nkg::Status::success();
  }
  nkg::Status finish() override { return nkg::Status::success(); }
  std::vector<nkg::Quad> quads;
};

const nkg::Pipeline& pipeline() {
  static const nkg::Pipeline p = std::move(nkg::Pipeline::create({})).value();
  return p;
}

/// One document's graph in shard form.
std::vector<nkg::Quad> shard(const std::string& id, const std::string& text) {
  auto doc = pipeline().make_document(id, text);
  REQUIRE(doc.ok());
  VectorSink sink;
  REQUIRE(pipeline().emit(pipeline().analyze(std::move(doc).value()), sink).ok());
  std::sort(sink.quads.begin(), sink.quads.end());
  return sink.quads;
}

/// The graphs after the corpus pass over all of them, in the order given.
std::vector<std::vector<nkg::Quad>> merged(const std::vector<std::vector<nkg::Quad>>& graphs) {
  nkg::CorpusPass pass = pipeline().corpus_pass();
  for (const auto& g : graphs) pass.add(g);
  pass.decide();
  std::vector<std::vector<nkg::Quad>> out;
  for (const auto& g : graphs) out.push_back(pass.rewrite(g));
  return out;
}

/// Subjects of `rdf:type <cls>` in a graph.
std::set<std::string> typed(const std::vector<nkg::Quad>& g, const std::string& cls) {
  std::set<std::string> out;
  for (const auto& q : g) {
    if (q.predicate.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" && q.object.value == cls) {
      out.insert(q.subject.value);
    }
  }
  return out;
}

std::vector<std::string> objects(const std::vector<nkg::Quad>& g, const std::string& s, const std::string& p) {
  std::vector<std::string> out;
  for (const auto& q : g) {
    if (q.subject.value == s && q.predicate.value == p) out.push_back(q.object.value);
  }
  return out;
}

const std::string nkg_ns = "https://w3id.org/newskg/ns#";

}  // namespace

TEST_CASE("one person across spellings in two articles: one IRI, one label, each spelling kept") {
  const auto a = shard("a", "Belarusian Ambassador Paval Utsyupin was summoned by the Kazakh Foreign Ministry.\n");
  const auto b = shard("b", "Belarusian Ambassador Pavel Utyupin met Kazakh officials in Astana.\n");
  const auto people_a = typed(a, nkg_ns + "Person");
  const auto people_b = typed(b, nkg_ns + "Person");
  REQUIRE(people_a.size() == 1);
  REQUIRE(people_b.size() == 1);
  CHECK(*people_a.begin() != *people_b.begin());  // shard form: each article's own key

  const auto m = merged({a, b});
  const auto after_a = typed(m[0], nkg_ns + "Person");
  const auto after_b = typed(m[1], nkg_ns + "Person");
  REQUIRE(after_a.size() == 1);
  CHECK(after_a == after_b);
  const std::string person = *after_a.begin();
  const auto label_a = objects(m[0], person, "http://www.w3.org/2000/01/rdf-schema#label");
  const auto label_b = objects(m[1], person, "http://www.w3.org/2000/01/rdf-schema#label");
  REQUIRE(label_a.size() == 1);
  CHECK(label_a == label_b);  // one label in every graph
  // Each graph keeps the spelling its article used (as label or altLabel).
  auto names = [&](const std::vector<nkg::Quad>& g) {
    auto n = objects(g, person, "http://www.w3.org/2004/02/skos/core#altLabel");
    n.push_back(objects(g, person, "http://www.w3.org/2000/01/rdf-schema#label").front());
    return n;
  };
  const auto na = names(m[0]);
  const auto nb = names(m[1]);
  CHECK(std::find(na.begin(), na.end(), "Paval Utsyupin") != na.end());
  CHECK(std::find(nb.begin(), nb.end(), "Pavel Utyupin") != nb.end());
  // The post is re-minted for the one holder: the same position IRI in both graphs.
  CHECK(typed(m[0], nkg_ns + "Position") == typed(m[1], nkg_ns + "Position"));
}

TEST_CASE("no merge of two names one typo apart without a shared post") {
  const auto a = shard("a", "Ivan Petrov said the talks had failed.\n");
  const auto b = shard("b", "Ivan Pedrov said the weather was fine.\n");
  const auto m = merged({a, b});
  CHECK(typed(m[0], nkg_ns + "Person") != typed(m[1], nkg_ns + "Person"));
  CHECK(m[0] == merged({a})[0]);  // nothing to change
}

TEST_CASE("an undated report takes the date the other reports agree on, and one confidence") {
  const auto dated = shard("d", "On August 21, 2024, Kazakhstan summoned the Belarusian ambassador.\n");
  const auto undated = shard("u", "Kazakhstan summoned the Belarusian ambassador over the interview.\n");
  const auto ev_dated = typed(dated, nkg_ns + "Summons");
  const auto ev_undated = typed(undated, nkg_ns + "Summons");
  REQUIRE(ev_dated.size() == 1);
  REQUIRE(ev_undated.size() == 1);
  CHECK(ev_undated.begin()->find("undated") != std::string::npos);

  const auto m = merged({undated, dated});
  const auto after = typed(m[0], nkg_ns + "Summons");
  REQUIRE(after.size() == 1);
  CHECK(after == typed(m[1], nkg_ns + "Summons"));
  CHECK(*after.begin() == *ev_dated.begin());
  CHECK(objects(m[0], *after.begin(), nkg_ns + "date") == std::vector<std::string>{"2024-08-21"});
  CHECK(objects(m[0], *after.begin(), nkg_ns + "confidence") == objects(m[1], *after.begin(), nkg_ns + "confidence"));
  CHECK(objects(m[0], *after.begin(), nkg_ns + "confidence").size() == 1);
}

TEST_CASE("two dates disagree: the undated report stays undated") {
  const auto d1 = shard("d1", "On August 21, 2024, Kazakhstan summoned the Belarusian ambassador.\n");
  const auto d2 = shard("d2", "On May 3, 2023, Kazakhstan summoned the Belarusian ambassador.\n");
  const auto u = shard("u", "Kazakhstan summoned the Belarusian ambassador.\n");
  const auto m = merged({d1, d2, u});
  const auto ev = typed(m[2], nkg_ns + "Summons");
  REQUIRE(ev.size() == 1);
  CHECK(ev.begin()->find("undated") != std::string::npos);
}

TEST_CASE("the pass depends on the set of graphs, not their order, and is idempotent") {
  const auto a = shard("a", "Belarusian Ambassador Paval Utsyupin was summoned by the Kazakh Foreign Ministry.\n");
  const auto b = shard("b", "Belarusian Ambassador Pavel Utyupin met Kazakh officials in Astana on May 2, 2024.\n");
  const auto c = shard("c", "Kazakhstan summoned the Belarusian ambassador. Utsyupin declined to comment.\n");
  const auto forward = merged({a, b, c});
  const auto backward = merged({c, b, a});
  CHECK(forward[0] == backward[2]);
  CHECK(forward[1] == backward[1]);
  CHECK(forward[2] == backward[0]);
  CHECK(merged(forward) == forward);
}
