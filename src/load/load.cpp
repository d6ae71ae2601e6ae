// SPARQL 1.1 Graph Store HTTP Protocol client (libcurl) with retries and verification.
#include "load/load.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "serialize/serialize.hpp"

namespace nkg::load {

namespace {

struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
  CurlGlobal(const CurlGlobal&) = delete;
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

struct Response {
  CURLcode transport = CURLE_OK;
  long status = 0;
  std::string body;
  std::string transport_error;
};

std::size_t collect(char* data, std::size_t size, std::size_t n, void* out) noexcept {
  try {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
  } catch (...) {
    return 0;  // tells libcurl to stop
  }
}

/// One HTTP request; the handle is wrapped once (STYLE §3).
class Http {
 public:
  explicit Http(const LoadOptions& options) : options_(options), curl_(curl_easy_init(), curl_easy_cleanup) {}

  Response send(const std::string& method, const std::string& url, const std::string& body,
                const std::string& content_type, const std::string& accept) {
    Response r;
    CURL* c = curl_.get();
    if (c == nullptr) {
      r.transport = CURLE_FAILED_INIT;
      r.transport_error = "cannot start libcurl";
      return r;
    }
    curl_easy_reset(c);
    char error[CURL_ERROR_SIZE] = {0};
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(nullptr, curl_slist_free_all);
    auto add_header = [&](const std::string& h) { headers.reset(curl_slist_append(headers.release(), h.c_str())); };
    if (!content_type.empty()) add_header("Content-Type: " + content_type);
    if (!accept.empty()) add_header("Accept: " + accept);
    add_header("Expect:");  // no 100-continue round trip
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method != "GET") {
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    if (!options_.user.empty()) {
      const std::string credentials = options_.user + ":" + options_.password;
      curl_easy_setopt(c, CURLOPT_USERPWD, credentials.c_str());
      curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_ANY);
    }
    r.transport = curl_easy_perform(c);
    if (r.transport != CURLE_OK) {
      r.transport_error = error[0] != '\0' ? error : curl_easy_strerror(r.transport);
    } else {
      curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    }
    return r;
  }

  std::string escape(const std::string& s) {
    std::unique_ptr<char, decltype(&curl_free)> e(curl_easy_escape(curl_.get(), s.c_str(), static_cast<int>(s.size())),
                                                  curl_free);
    return e ? std::string(e.get()) : std::string();
  }

 private:
  const LoadOptions& options_;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl_;
};

bool is_transient(const Response& r) {
  if (r.transport != CURLE_OK) {
    return r.transport == CURLE_COULDNT_CONNECT || r.transport == CURLE_OPERATION_TIMEDOUT ||
           r.transport == CURLE_GOT_NOTHING || r.transport == CURLE_RECV_ERROR || r.transport == CURLE_SEND_ERROR ||
           r.transport == CURLE_COULDNT_RESOLVE_HOST || r.transport == CURLE_PARTIAL_FILE;
  }
  return r.status >= 500 || r.status == 429;
}

/// The first line or so of what a server said, for a message.
std::string excerpt(const std::string& body) {
  std::string out;
  for (const char c : body) {
    if (out.size() >= 200) break;
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

class Loader {
 public:
  Loader(const LoadOptions& options, DiagnosticSink& diagnostics, LoadReport& report)
      : options_(options), diagnostics_(diagnostics), report_(report), http_(options) {}

  /// A request, retried with exponential backoff on transient failures.
  Result<Response> request(const std::string& method, const std::string& url, const std::string& body,
                           const std::string& content_type, const std::string& accept) {
    double wait = options_.first_backoff_seconds;
    for (int attempt = 1;; ++attempt) {
      ++report_.requests;
      Response r = http_.send(method, url, body, content_type, accept);
      const bool ok = r.transport == CURLE_OK && r.status >= 200 && r.status < 300;
      if (ok) return r;
      const std::string what = r.transport != CURLE_OK ? r.transport_error
                                                       : "HTTP " + std::to_string(r.status) +
                                                             (r.body.empty() ? "" : ": " + excerpt(r.body));
      if (!is_transient(r)) {
        const std::string hint = r.status == 401 || r.status == 403 ? " (check --user and --password)" : "";
        return Status{StatusCode::bad_option, method + " " + url + " refused: " + what + hint};
      }
      if (attempt >= options_.attempts) {
        return Status{StatusCode::io_error, method + " " + url + " failed after " + std::to_string(attempt) +
                                                " attempts: " + what};
      }
      ++report_.retries;
      diagnostics_.report({Severity::warning, {}, method + " " + url + ": " + what + "; retrying in " +
                                                      std::to_string(static_cast<int>(wait * 1000)) + " ms"});
      std::this_thread::sleep_for(std::chrono::duration<double>(wait));
      wait *= 2;
    }
  }

  std::string graph_url(const std::string& graph) {
    const std::string& gsp = options_.endpoints.gsp;
    return gsp + (gsp.find('?') == std::string::npos ? "?" : "&") + "graph=" + http_.escape(graph);
  }

  Result<std::size_t> count(const std::string& graph) {
    const std::string query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }";
    auto r = request("POST", options_.endpoints.sparql, "query=" + http_.escape(query),
                     "application/x-www-form-urlencoded", "application/sparql-results+json");
    if (!r.ok()) return r.status();
    try {
      const auto json = nlohmann::json::parse(r.value().body);
      const auto& n = json.at("results").at("bindings").at(0).at("n").at("value");
      return static_cast<std::size_t>(std::stoull(n.get<std::string>()));
    } catch (const std::exception&) {
      return Status{StatusCode::bad_data, "the SPARQL endpoint " + options_.endpoints.sparql +
                                              " did not answer a COUNT query with SPARQL JSON results: " +
                                              excerpt(r.value().body)};
    }
  }

  Status send(const GraphPart& part) {
    const std::size_t batch = std::max<std::size_t>(options_.batch_triples, 1);
    for (std::size_t from = 0; from < part.quads.size() || from == 0; from += batch) {
      serialize::StringByteSink body;
      auto writer = serialize::make_syntax_writer(serialize::Syntax::ntriples, body);
      for (std::size_t i = from; i < std::min(part.quads.size(), from + batch); ++i) NKG_TRY(writer->quad(part.quads[i]));
      NKG_TRY(writer->finish());
      // N-Triples is Turtle: every Graph Store implementation reads text/turtle.
      const std::string method = options_.replace && from == 0 ? "PUT" : "POST";
      auto r = request(method, graph_url(part.graph), body.str(), "text/turtle", "");
      if (!r.ok()) return r.status();
      if (part.quads.empty()) break;
    }
    return Status::success();
  }

 private:
  const LoadOptions& options_;
  DiagnosticSink& diagnostics_;
  LoadReport& report_;
  Http http_;
};

std::string trimmed(std::string_view s) {
  std::string out(s);
  while (!out.empty() && out.back() == '/') out.pop_back();
  return out;
}

}  // namespace

Result<Endpoints> endpoints_for(std::string_view store, std::string_view server) {
  const std::string base = trimmed(server);
  if (base.empty()) return Status{StatusCode::bad_option, "--store needs --server URL"};
  if (store == "oxigraph") return Endpoints{base + "/store", base + "/query"};
  if (store == "virtuoso") return Endpoints{base + "/sparql-graph-crud-auth", base + "/sparql"};
  if (store == "fuseki") return Endpoints{base + "/data", base + "/query"};
  if (store == "graphdb") return Endpoints{base + "/rdf-graphs/service", base};
  return Status{StatusCode::bad_option, "unknown --store '" + std::string(store) +
                                            "' (virtuoso, fuseki, oxigraph or graphdb)"};
}

std::vector<GraphPart> group_by_graph(const std::vector<Quad>& quads, const std::string& default_graph,
                                      const std::string& single_graph) {
  std::map<std::string, std::set<Quad>> by_graph;
  for (const Quad& q : quads) {
    const std::string graph = !single_graph.empty() ? single_graph : q.graph.empty() ? default_graph : q.graph.value;
    Quad triple = q;
    triple.graph = Term{};
    by_graph[graph].insert(std::move(triple));
  }
  std::vector<GraphPart> out;
  for (auto& [graph, set] : by_graph) out.push_back({graph, std::vector<Quad>(set.begin(), set.end())});
  return out;
}

Result<LoadReport> load_graphs(const std::vector<GraphPart>& parts, const LoadOptions& options,
                               DiagnosticSink& diagnostics) {
  static const CurlGlobal curl_global;
  LoadReport report;
  Loader loader(options, diagnostics, report);
  for (const GraphPart& part : parts) NKG_TRY(loader.send(part));
  for (const GraphPart& part : parts) {
    auto stored = loader.count(part.graph);
    if (!stored.ok()) return stored.status();
    report.graphs.push_back({part.graph, part.quads.size(), stored.value()});
    const bool mismatch = options.replace ? stored.value() != part.quads.size() : stored.value() < part.quads.size();
    if (mismatch) {
      return Status{StatusCode::bad_data, "graph <" + part.graph + "> holds " + std::to_string(stored.value()) +
                                              " triples after loading " + std::to_string(part.quads.size())};
    }
  }
  return report;
}

}  // namespace nkg::load
