// The DOT writer: escaping, what is drawn and what is not, order independence.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "serialize/serialize.hpp"

namespace {

using nkg::Quad;

constexpr const char* kNs = "https://w3id.org/newskg/ns#";
constexpr const char* kType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr const char* kLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr const char* kIdentRef = "http://www.w3.org/2005/11/its/rdf#taIdentRef";

Quad t(const std::string& s, const std::string& p, nkg::Term o) { return {nkg::iri(s), nkg::iri(p), std::move(o), {}}; }
Quad a(const std::string& s, const std::string& cls) { return t(s, kType, nkg::iri(std::string(kNs) + cls)); }
Quad rel(const std::string& s, const std::string& p, const std::string& o) {
  return t(s, std::string(kNs) + p, nkg::iri(o));
}

std::string draw(const std::vector<Quad>& quads, nkg::serialize::DotOptions options = {}) {
  nkg::serialize::StringByteSink out;
  const auto writer = nkg::serialize::make_dot_writer(out, options);
  for (const Quad& q : quads) REQUIRE(writer->quad(q).ok());
  REQUIRE(writer->finish().ok());
  return out.str();
}

const std::vector<Quad> kGraph{
    a("https://x.org/kaz", "State"),
    t("https://x.org/kaz", kLabel, nkg::lang_literal("Kazakhstan", "en")),
    a("https://x.org/blr", "State"),
    t("https://x.org/blr", kLabel, nkg::lang_literal("Say \"hi\" \\ back\nslash", "en")),
    a("https://x.org/e1", "Event"),
    a("https://x.org/e1", "Summons"),
    rel("https://x.org/e1", "agent", "https://x.org/kaz"),
    rel("https://x.org/e1", "target", "https://x.org/blr"),
    t("https://x.org/e1", std::string(kNs) + "date",
      nkg::typed_literal("2024-08-21", "http://www.w3.org/2001/XMLSchema#date")),
    t("https://x.org/doc#char=0,10", kIdentRef, nkg::iri("https://x.org/kaz")),
    a("https://x.org/lonely", "Person"),
    t("https://x.org/lonely", kLabel, nkg::lang_literal("Nobody Mentioned", "en")),
};

}  // namespace

TEST_CASE("dot: labels are escaped for DOT (quotes, backslashes, line breaks)") {
  const std::string dot = draw(kGraph);
  CHECK(dot.find(R"(label="Say \"hi\" \\ back slash")") != std::string::npos);
}

TEST_CASE("dot: an event is a box linked to its agent and target by labelled edges") {
  const std::string dot = draw(kGraph);
  CHECK(dot.find(R"(v0 [label="Summons\n2024-08-21", shape=box)") != std::string::npos);
  CHECK(dot.find(R"(e1 -> v0 [label="agent"];)") != std::string::npos);  // e0 = blr, e1 = kaz (IRI order)
  CHECK(dot.find(R"(v0 -> e0 [label="target"];)") != std::string::npos);
  CHECK(dot.find("rankdir=LR") != std::string::npos);
  CHECK(dot.find("cluster_legend") != std::string::npos);
}

TEST_CASE("dot: no mention nodes; an entity neither in an event nor mentioned is left out") {
  const std::string dot = draw(kGraph);
  CHECK(dot.find("#char=") == std::string::npos);
  CHECK(dot.find("Nobody Mentioned") == std::string::npos);
}

TEST_CASE("dot: the same bytes whatever the order of the quads") {
  std::vector<Quad> reversed(kGraph.rbegin(), kGraph.rend());
  CHECK(draw(reversed) == draw(kGraph));
}

TEST_CASE("dot: long labels are cut at max_label_chars code points") {
  nkg::serialize::DotOptions options;
  options.max_label_chars = 5;
  const std::string dot = draw(kGraph, options);
  CHECK(dot.find("label=\"Kazak\u2026\"") != std::string::npos);
}

TEST_CASE("dot: an event with one participant is counted under it, not drawn") {
  std::vector<Quad> g{a("https://x.org/p", "Person"), t("https://x.org/p", kLabel, nkg::lang_literal("Ann", "en")),
                      a("https://x.org/s1", "Event"), a("https://x.org/s1", "Statement"),
                      rel("https://x.org/s1", "agent", "https://x.org/p"), a("https://x.org/s2", "Event"),
                      a("https://x.org/s2", "Statement"), rel("https://x.org/s2", "agent", "https://x.org/p")};
  const std::string dot = draw(g);
  CHECK(dot.find(R"(label="Ann\n2 statements")") != std::string::npos);
  CHECK(dot.find("shape=box, style=\"rounded,filled\", fillcolor=\"#f0f0f0\", tooltip") == std::string::npos);
}
