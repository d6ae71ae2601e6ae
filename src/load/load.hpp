// load/: quads -> a SPARQL store, over the SPARQL 1.1 Graph Store HTTP Protocol (libcurl).
//
// Input: quads grouped by graph, the endpoints, options. Output: a report of what each graph holds
// after loading (asked back with a SPARQL COUNT) next to what was sent. Transient failures
// (connection refused, timeouts, 5xx) are retried with exponential backoff and reported to the
// DiagnosticSink as warnings; 4xx and authentication failures stop with the server's message.
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
  long timeout_seconds = 120;
};

struct GraphCount {
  std::string graph;
  std::size_t sent = 0;    // distinct triples sent
  std::size_t stored = 0;  // what the store reports afterwards
};

struct LoadReport {
  std::vector<GraphCount> graphs;
  std::size_t requests = 0;
  std::size_t retries = 0;
};

/// Sends every part, then checks the counts: with `replace` each graph must hold exactly what was
/// sent; without it, at least that. A mismatch is a bad_data Status naming the graph. Transport
/// failures that outlast the retries are io_error; refusals (4xx, 401) are bad_option.
[[nodiscard]] Result<LoadReport> load_graphs(const std::vector<GraphPart>& parts, const LoadOptions& options,
                                            DiagnosticSink& diagnostics);

}  // namespace nkg::load
