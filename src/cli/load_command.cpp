// `newskg load [FILE... | --from-export DIR] (--gsp URL --sparql URL | --store S --server URL) ...`
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "core/diagnostic.hpp"
#include "load/load.hpp"
#include "serialize/serialize.hpp"

namespace nkg::cli {

namespace {

constexpr const char* ontology_graph = "https://w3id.org/newskg/ns";
constexpr const char* metadata_graph = "https://w3id.org/newskg/id/graph/metadata";
constexpr const char* default_graph = "https://w3id.org/newskg/id/graph/default";

struct LoadArgs {
  std::vector<std::string> files;
  std::string from_export;
  std::string gsp;
  std::string sparql;
  std::string store;
  std::string server;
  std::string graph;
  bool replace = false;
  std::string user;
  std::string password;
  std::size_t batch_triples = 50000;
  int attempts = 5;
  double backoff = 0.5;
  double timeout = 120;
  bool is_quiet = false;
};

class StderrSink final : public DiagnosticSink {
 public:
  void report(const Diagnostic& d) override { std::cerr << format_diagnostic(d) << '\n'; }
};

int fail(const Status& st) {
  std::cerr << format_diagnostic({Severity::error, st.where(), st.message()}) << '\n';
  switch (st.code()) {
    case StatusCode::bad_option: return st.message().find(" refused: ") != std::string::npos ? exit_store_refused : exit_usage;
    case StatusCode::io_error: return exit_store_unreachable;
    case StatusCode::bad_data: return st.message().find(" holds ") != std::string::npos ? exit_store_mismatch : exit_no_input;
    case StatusCode::bad_input: return exit_no_input;
    default: return exit_internal;
  }
}

int run(const LoadArgs& args) {
  load::LoadOptions options;
  if (!args.store.empty()) {
    auto e = load::endpoints_for(args.store, args.server);
    if (!e.ok()) return fail(e.status());
    options.endpoints = e.value();
  }
  if (!args.gsp.empty()) options.endpoints.gsp = args.gsp;
  if (!args.sparql.empty()) options.endpoints.sparql = args.sparql;
  if (options.endpoints.gsp.empty() || options.endpoints.sparql.empty()) {
    return fail({StatusCode::bad_option, "load needs --gsp URL and --sparql URL, or --store NAME --server URL"});
  }
  options.replace = args.replace;
  options.user = args.user;
  options.password = args.password;
  options.batch_triples = args.batch_triples;
  options.attempts = args.attempts;
  options.first_backoff_seconds = args.backoff;
  options.timeout_seconds = args.timeout;

  // What goes where: document graphs as named in the data, the ontology and the VoID
  // description into graphs of their own.
  std::vector<std::pair<std::string, std::string>> inputs;  // file, graph ("" = as in the file)
  if (!args.from_export.empty()) {
    const std::filesystem::path dir(args.from_export);
    inputs.emplace_back((dir / "graph.nq").string(), "");
    inputs.emplace_back((dir / "newskg.ttl").string(), ontology_graph);
    inputs.emplace_back((dir / "void.ttl").string(), metadata_graph);
  }
  for (const std::string& f : args.files) inputs.emplace_back(f, args.graph);
  if (inputs.empty()) return fail({StatusCode::bad_option, "load needs FILE... or --from-export DIR"});

  std::vector<load::GraphPart> parts;
  for (const auto& [file, graph] : inputs) {
    auto quads = serialize::read_rdf_file(file);
    if (!quads.ok()) return fail(quads.status());
    for (auto& part : load::group_by_graph(quads.value(), default_graph, graph)) parts.push_back(std::move(part));
  }
  StderrSink diagnostics;
  auto report = load::load_graphs(parts, options, diagnostics);
  if (!report.ok()) return fail(report.status());
  if (!args.is_quiet) {
    std::size_t sent = 0;
    for (const auto& g : report.value().graphs) {
      std::printf("%8zu sent %8zu stored  <%s>\n", g.sent, g.stored, g.graph.c_str());
      sent += g.sent;
    }
    std::printf("newskg load: %zu graphs, %zu triples, %zu requests (%zu retried) -> %s\n", report.value().graphs.size(),
                sent, report.value().requests, report.value().retries, options.endpoints.gsp.c_str());
  }
  return exit_ok;
}

}  // namespace

int load_export(const std::string& dir, const std::string& store, const std::string& server, bool is_quiet) {
  LoadArgs args;
  args.from_export = dir;
  args.store = store;
  args.server = server;
  args.replace = true;  // an export is the whole truth about its documents
  args.is_quiet = is_quiet;
  return run(args);
}

std::function<int()> add_load_command(CLI::App& app) {
  auto args = std::make_shared<LoadArgs>();
  CLI::App* cmd = app.add_subcommand("load", "Load RDF into a SPARQL store (Graph Store Protocol) and check the counts");
  cmd->add_option("files", args->files, "RDF files (.nq .trig .ttl .nt); graphs in the data are kept");
  cmd->add_option("--from-export", args->from_export,
                  "An export folder: graph.nq by document, newskg.ttl and void.ttl into graphs of their own");
  cmd->add_option("--gsp", args->gsp, "Graph Store endpoint URL");
  cmd->add_option("--sparql", args->sparql, "SPARQL query endpoint URL (to check the counts)");
  cmd->add_option("--store", args->store, "virtuoso, fuseki, oxigraph or graphdb: endpoints from --server");
  cmd->add_option("--server", args->server, "The store's base URL (Fuseki: the dataset; GraphDB: the repository)");
  cmd->add_option("--graph", args->graph, "Load the FILEs into this one graph");
  cmd->add_flag("--replace", args->replace,
                "Replace each graph (PUT) instead of adding to it (POST); a re-run after a failed load needs it");
  cmd->add_option("--user", args->user, "User name (HTTP basic or digest)");
  cmd->add_option("--password", args->password, "Password");
  cmd->add_option("--batch-triples", args->batch_triples, "Triples per request")->capture_default_str();
  cmd->add_option("--attempts", args->attempts, "Attempts per request on transient failures")->capture_default_str();
  cmd->add_option("--backoff", args->backoff, "First wait before a retry, in seconds (doubles)")->capture_default_str();
  cmd->add_option("--timeout", args->timeout, "Seconds a request may take before it is abandoned (and retried)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->is_quiet, "No report");
  return [args]() -> int { return run(*args); };
}

}  // namespace nkg::cli
