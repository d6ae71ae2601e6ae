#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

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

/// A port on 127.0.0.1 that takes connections (the kernel completes them) and never answers.
class SilentPort {
 public:
  SilentPort() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    REQUIRE(fd_ >= 0);
    REQUIRE(bind(fd_, reinterpret_cast<sockaddr*>(&a), len) == 0);
    REQUIRE(listen(fd_, 16) == 0);
    REQUIRE(getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    port_ = ntohs(a.sin_port);
  }
  ~SilentPort() { close(fd_); }
  SilentPort(const SilentPort&) = delete;
  SilentPort& operator=(const SilentPort&) = delete;
  [[nodiscard]] std::string url(const char* path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

 private:
  int fd_;
  int port_ = 0;
};

nkg::load::GraphPart part_of(std::vector<nkg::Quad> quads) { return {"https://e.org/g", std::move(quads)}; }

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
  // Issue 7 item 5: the failed run says what is left and how to finish.
  CHECK(r.status().message().find("; load incomplete: 0 of 1 graphs confirmed stored at http://127.0.0.1:9/store; "
                                  "re-run with --replace to complete it") != std::string::npos);
}

TEST_CASE("issue 7.5: a store that never answers times out, each retry naming the timeout") {
  const SilentPort silent;
  nkg::load::LoadOptions options;
  options.endpoints = {silent.url("/store"), silent.url("/query")};
  options.replace = true;
  options.attempts = 2;
  options.first_backoff_seconds = 0.001;
  options.timeout_seconds = 0.2;
  Collect diagnostics;
  const auto r = nkg::load::load_graphs({part_of({q("https://e.org/a", "")})}, options, diagnostics);
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == nkg::StatusCode::io_error);
  CHECK(r.status().message().find("failed after 2 attempts") != std::string::npos);
  CHECK(r.status().message().find("(no complete answer within the --timeout of 0.2 s)") != std::string::npos);
  REQUIRE(diagnostics.messages.size() == 1);
  CHECK(diagnostics.messages[0].find("--timeout of 0.2 s") != std::string::npos);
}

TEST_CASE("issue 7.5: batches: PUT first with replace, POST when adding, blank nodes whole in one PUT") {
  using nkg::load::Batch;
  const std::vector<nkg::Quad> ground{q("https://e.org/a", ""), q("https://e.org/b", ""), q("https://e.org/c", "")};
  CHECK(nkg::load::plan_batches(part_of(ground), true, 2, 0).value() ==
        std::vector<Batch>{{"PUT", 0, 2}, {"POST", 2, 3}});
  CHECK(nkg::load::plan_batches(part_of(ground), false, 2, 7).value() ==
        std::vector<Batch>{{"POST", 0, 2}, {"POST", 2, 3}});
  CHECK(nkg::load::plan_batches(part_of({}), true, 2, 0).value() == std::vector<Batch>{{"PUT", 0, 0}});
  std::vector<nkg::Quad> with_blank = ground;
  with_blank.push_back({nkg::blank("b0"), nkg::iri("https://e.org/p"), nkg::literal("o"), {}});
  CHECK(nkg::load::plan_batches(part_of(with_blank), true, 2, 5).value() == std::vector<Batch>{{"PUT", 0, 4}});
  CHECK(nkg::load::plan_batches(part_of(with_blank), false, 2, 0).value() == std::vector<Batch>{{"PUT", 0, 4}});
  // Adding blank nodes to a graph that holds triples (say, an earlier load cut off) duplicates them.
  const auto refused = nkg::load::plan_batches(part_of(with_blank), false, 2, 4);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == nkg::StatusCode::bad_data);
  CHECK(refused.status().message() ==
        "graph <https://e.org/g> holds 4 triples already, and its data has blank nodes, which adding would "
        "duplicate; nothing was loaded; use --replace (a re-run after a failed load must)");
}

TEST_CASE("issue 7.5: counts agree: exactly with replace or into an empty graph, within bounds when adding") {
  using nkg::load::counts_agree;
  using nkg::load::GraphCount;
  CHECK(counts_agree(GraphCount{"g", 10, 0, 10}, true));
  CHECK_FALSE(counts_agree(GraphCount{"g", 10, 0, 11}, true));  // duplicated
  CHECK_FALSE(counts_agree(GraphCount{"g", 10, 0, 9}, true));   // lost
  CHECK_FALSE(counts_agree(GraphCount{"g", 10, 0, 11}, false));  // was empty: exactly
  CHECK(counts_agree(GraphCount{"g", 10, 4, 10}, false));        // the 4 were among the 10
  CHECK(counts_agree(GraphCount{"g", 10, 4, 14}, false));        // none were
  CHECK_FALSE(counts_agree(GraphCount{"g", 10, 4, 15}, false));
  CHECK_FALSE(counts_agree(GraphCount{"g", 10, 12, 11}, false));  // something was removed
  CHECK_FALSE(counts_agree(GraphCount{"g", 10, 4, 9}, false));
}
