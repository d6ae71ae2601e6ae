// The external sort (issue 16): the sorting buffer's order and duplicates removed, whatever the
// memory budget; keys that sort as their values; the graph spool gives back what it was given.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "core/quad_sink.hpp"
#include "serialize/external_sort.hpp"
#include "serialize/serialize.hpp"

namespace {

using nkg::Quad;
using nkg::Term;

std::string temp_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && dir[0] != '\0' ? dir : "/tmp";
}

/// Quads with shared prefixes, NUL bytes, empty and long strings, every kind of object, and
/// duplicates.
std::vector<Quad> random_quads(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  const auto pick = [&](std::size_t k) { return static_cast<std::size_t>(rng() % k); };
  const std::vector<std::string> pieces{"", "a", "ab", "b", std::string("a\0b", 3), std::string("\0", 1), "\xFF",
                                        std::string(300, 'x'), "https://w3id.org/newskg/id/", "#type"};
  const auto text = [&] {
    std::string s;
    for (std::size_t i = pick(4); i > 0; --i) s += pieces[pick(pieces.size())];
    return s;
  };
  const auto node = [&] { return nkg::iri("https://w3id.org/newskg/id/n" + std::to_string(pick(40)) + text()); };
  std::vector<Quad> out;
  for (std::size_t i = 0; i < n; ++i) {
    Quad q;
    q.graph = pick(3) == 0 ? Term{} : nkg::iri("https://w3id.org/newskg/id/doc/" + std::to_string(pick(5)));
    q.subject = pick(10) == 0 ? nkg::blank("b" + std::to_string(pick(5))) : node();
    q.predicate = pick(3) == 0 ? nkg::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
                               : nkg::iri("https://w3id.org/newskg/ns#p" + std::to_string(pick(4)));
    switch (pick(4)) {
      case 0: q.object = node(); break;
      case 1: q.object = nkg::literal(text()); break;
      case 2: q.object = nkg::lang_literal(text(), pick(2) == 0 ? "en" : "ru"); break;
      default: q.object = nkg::typed_literal(text(), "http://www.w3.org/2001/XMLSchema#string" + text());
    }
    out.push_back(q);
    if (pick(5) == 0) out.push_back(q);  // a duplicate
  }
  return out;
}

std::vector<Quad> through_sorting_buffer(const std::vector<Quad>& quads, bool drop_graphs) {
  nkg::CollectingQuadSink out;
  const auto buffer = nkg::serialize::make_sorting_buffer(out, drop_graphs);
  for (const Quad& q : quads) REQUIRE(buffer->quad(q).ok());
  REQUIRE(buffer->finish().ok());
  return out.quads;
}

}  // namespace

TEST_CASE("external sort: quad keys sort as the sorting buffer orders, and read back") {
  const std::vector<Quad> quads = random_quads(400, 1);
  for (const bool drop : {false, true}) {
    std::vector<std::string> keys;
    for (const Quad& q : quads) {
      std::string k;
      nkg::serialize::append_quad_key(k, q, drop);
      Quad back;
      REQUIRE(nkg::serialize::read_quad_key(k, drop, back));
      Quad expected = q;
      if (drop) expected.graph = Term{};
      CHECK(back == expected);
      keys.push_back(k);
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    const std::vector<Quad> sorted = through_sorting_buffer(quads, drop);
    REQUIRE(keys.size() == sorted.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      Quad back;
      REQUIRE(nkg::serialize::read_quad_key(keys[i], drop, back));
      CHECK(back == sorted[i]);
    }
  }
  Quad q;
  CHECK_FALSE(nkg::serialize::read_quad_key("", false, q));
  CHECK_FALSE(nkg::serialize::read_quad_key(std::string("\x01" "a", 2), true, q));
}

TEST_CASE("external sort: the same quads in the same order for any budget, replayed twice") {
  const std::vector<Quad> quads = random_quads(3000, 2);
  for (const bool drop : {false, true}) {
    const std::vector<Quad> expected = through_sorting_buffer(quads, drop);
    for (const std::size_t budget : {std::size_t{1}, std::size_t{100}, std::size_t{4096}, std::size_t{1} << 30U}) {
      CAPTURE(budget);
      CAPTURE(drop);
      nkg::serialize::QuadSort sort(drop, budget, temp_dir());
      REQUIRE(sort.prefix("id", "https://w3id.org/newskg/id/").ok());
      for (const Quad& q : quads) REQUIRE(sort.quad(q).ok());
      REQUIRE(sort.finish().ok());
      CHECK((budget <= 4096) == (sort.runs_spilled() > nkg::serialize::KeySorter::fan_in));  // merged by levels
      CHECK((budget == std::size_t{1} << 30U) == (sort.runs_spilled() == 0));
      CHECK(sort.has_blank_subject());
      for (int replay = 0; replay < 2; ++replay) {
        nkg::CollectingQuadSink out;
        REQUIRE(sort.replay(out).ok());
        CHECK(out.prefixes.size() == 1);
        CHECK(out.quads == expected);
      }
    }
  }
}

TEST_CASE("external sort: a temporary folder that does not exist is an io_error naming it") {
  nkg::serialize::QuadSort sort(true, 1, "/nonexistent-newskg-dir");
  const std::vector<Quad> quads = random_quads(3, 3);
  nkg::Status st = sort.quad(quads[0]);
  if (st.ok()) st = sort.quad(quads[1]);
  REQUIRE_FALSE(st.ok());
  CHECK(st.code() == nkg::StatusCode::io_error);
  CHECK(st.where().path.rfind("/nonexistent-newskg-dir/.newskg-spill-", 0) == 0);
}

TEST_CASE("graph spool: the graphs in order, in memory or on disk, in batches") {
  std::vector<std::vector<Quad>> graphs;
  for (unsigned i = 0; i < 30; ++i) graphs.push_back(random_quads(i * 7, 10 + i));
  for (const std::size_t budget : {std::size_t{0}, std::size_t{5000}, std::size_t{1} << 30U}) {
    CAPTURE(budget);
    nkg::serialize::GraphSpool spool(budget, temp_dir());
    for (const auto& g : graphs) REQUIRE(spool.add(g).ok());
    CHECK(spool.has_spilled() == (budget != std::size_t{1} << 30U));
    std::vector<std::vector<Quad>> back;
    std::size_t batches = 0;
    REQUIRE(spool.read(300, [&](std::vector<std::vector<Quad>>& batch) {
      ++batches;
      for (auto& g : batch) back.push_back(std::move(g));
      return nkg::Status::success();
    }).ok());
    CHECK(back == graphs);
    CHECK(batches > 1);
  }
}
