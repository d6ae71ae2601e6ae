// load/: quads -> a SPARQL store, over the SPARQL 1.1 Graph Store HTTP Protocol (libcurl).
//
// Input: quads grouped by graph, the endpoints, options. Output: a report of what each graph holds
// after loading (asked back with a SPARQL COUNT) next to what was sent. Transient failures
// (connection refused or dropped, timeouts, 429, 5xx) are retried with exponential backoff and
// reported to the DiagnosticSink as warnings; 4xx and authentication failures stop at once with the
// server's message.
// Guarantee: every write request is idempotent, so retrying one whose answer was lost (the store did
// the work) cannot duplicate anything. PUT is; a POST of ground triples is (RDF graphs are sets); a
// POST of blank nodes is not (the store mints new ones each time), so a graph with blank nodes is
// sent whole in one PUT, and adding one to a graph that already holds triples is refused.
// A failed load leaves the graphs sent so far in the store; the Status says how many and that a
// re-run with `replace` completes the load.
// Not thread-safe: one load at a time per call.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/status.hpp"
#include "core/term.hpp"

namespace nkg::load {

struct Endpoints {
  std::string gsp;     // Graph Store endpoint (…?graph=IRI is appended)
  std::string sparql;  // query endpoint, for the counts
};

/// The endpoints of a product at `server` (its base URL): virtuoso, fuseki (server = the dataset
/// URL, http://host:3030/ds), oxigraph, graphdb (server = the repository URL). bad_option otherwise.
[[nodiscard]] Result<Endpoints> endpoints_for(std::string_view store, std::string_view server);

/// One graph's triples (graph IRI; never the default graph).
struct GraphPart {
  std::string graph;
  std::vector<Quad> quads;
};

/// Groups quads by their graph; quads in the default graph go to `default_graph`; with
/// `single_graph` non-empty everything goes there. Triples are de-duplicated per graph.
[[nodiscard]] std::vector<GraphPart> group_by_graph(const std::vector<Quad>& quads, const std::string& default_graph,
                                                    const std::string& single_graph);

struct LoadOptions {
  Endpoints endpoints;
  bool replace = false;             // PUT (replace the graph) instead of POST (add)
  std::string user;
  std::string password;
  std::size_t batch_triples = 50000;
  int attempts = 5;                 // per request, transient failures only
  double first_backoff_seconds = 0.5;
  double timeout_seconds = 120;     // per request (connecting: at most 10 s of it); > 0
};

struct GraphCount {
  std::string graph;
  std::size_t sent = 0;    // distinct triples sent
  std::size_t before = 0;  // what the graph held before (asked only when adding; 0 with replace)
  std::size_t stored = 0;  // what the store reports afterwards
};

/// Whether `count.stored` is what the graph must hold: with `replace` exactly what was sent; when
/// adding, exactly that into an empty graph, else at least max(before, sent) and at most before + sent.
[[nodiscard]] bool counts_agree(const GraphCount& count, bool replace);

/// One request's share of a graph: triples [begin, end) of GraphPart::quads, sent with `method`.
struct Batch {
  std::string method;  // "PUT" or "POST"
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Batch&, const Batch&) = default;
};

/// The requests that load `part` into a graph holding `held_before` triples (see the guarantee
/// above): batches of `batch_triples`, the first a PUT with `replace`; a part with blank nodes in
/// one PUT. Adding blank nodes to a graph that is not empty is a bad_data Status (nothing is sent).
[[nodiscard]] Result<std::vector<Batch>> plan_batches(const GraphPart& part, bool replace, std::size_t batch_triples,
                                                      std::size_t held_before);

struct LoadReport {
  std::vector<GraphCount> graphs;
  std::size_t requests = 0;
  std::size_t retries = 0;
};

/// Sends every part, then checks the counts (counts_agree; without `replace` each graph is counted
/// before too). A mismatch is a bad_data Status naming the graph ("graph <G> holds …"). Transport
/// failures that outlast the retries are io_error; refusals (4xx, 401) are bad_option ("… refused: …").
/// A failure while sending ends with "; load incomplete: K of N graphs confirmed stored at URL; re-run with
/// --replace to complete it".
[[nodiscard]] Result<LoadReport> load_graphs(const std::vector<GraphPart>& parts, const LoadOptions& options,
                                            DiagnosticSink& diagnostics);

}  // namespace nkg::load
