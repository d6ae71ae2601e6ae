#include <doctest/doctest.h>

#include "core/diagnostic.hpp"
#include "load/load.hpp"

namespace {

nkg::Quad q(const char* s, const char* g) {
  return {nkg::iri(s), nkg::iri("https://example.org/p"), nkg::literal("o"), g[0] != '\0' ? nkg::iri(g) : nkg::Term{}};
}

class Collect final : public nkg::DiagnosticSink {
 public:
  void report(const nkg::Diagnostic& d) override { messages.push_back(d.message); }
  std::vector<std::string> messages;
};

}  // namespace

TEST_CASE("endpoints from a product's conventions") {
  const auto ox = nkg::load::endpoints_for("oxigraph", "http://localhost:7878/");
  REQUIRE(ox.ok());
  CHECK(ox.value().gsp == "http://localhost:7878/store");
  CHECK(ox.value().sparql == "http://localhost:7878/query");
  CHECK(nkg::load::endpoints_for("virtuoso", "http://h:8890").value().gsp == "http://h:8890/sparql-graph-crud-auth");
  CHECK(nkg::load::endpoints_for("fuseki", "http://h:3030/ds").value().sparql == "http://h:3030/ds/query");
  CHECK(nkg::load::endpoints_for("graphdb", "http://h:7200/repositories/r").value().gsp ==
        "http://h:7200/repositories/r/rdf-graphs/service");
  CHECK(nkg::load::endpoints_for("blazegraph", "http://h").status().code() == nkg::StatusCode::bad_option);
  CHECK_FALSE(nkg::load::endpoints_for("oxigraph", "").ok());
}

TEST_CASE("quads are grouped by graph, de-duplicated, the default graph named") {
  const std::vector<nkg::Quad> quads{q("https://e.org/a", "https://e.org/g1"), q("https://e.org/a", "https://e.org/g1"),
                                     q("https://e.org/b", "https://e.org/g2"), q("https://e.org/c", "")};
  const auto parts = nkg::load::group_by_graph(quads, "https://e.org/default", "");
  REQUIRE(parts.size() == 3);
  CHECK(parts[0].graph == "https://e.org/default");
  CHECK(parts[1].graph == "https://e.org/g1");
  CHECK(parts[1].quads.size() == 1);
  CHECK(parts[1].quads[0].graph.empty());  // triples: the graph is the request's
  const auto one = nkg::load::group_by_graph(quads, "https://e.org/default", "https://e.org/all");
  REQUIRE(one.size() == 1);
  CHECK(one[0].quads.size() == 3);
}

TEST_CASE("an unreachable store is an io_error after the retries, each retry reported") {
  nkg::load::LoadOptions options;
  options.endpoints = {"http://127.0.0.1:9/store", "http://127.0.0.1:9/query"};
  options.attempts = 3;
  options.first_backoff_seconds = 0.001;
  Collect diagnostics;
  const auto r = nkg::load::load_graphs({{"https://e.org/g", {q("https://e.org/a", "")}}}, options, diagnostics);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == nkg::StatusCode::io_error);
  CHECK(r.status().message().find("failed after 3 attempts") != std::string::npos);
  CHECK(diagnostics.messages.size() == 2);
}
