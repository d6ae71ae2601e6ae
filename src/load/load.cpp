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

long timeout_millis(double seconds) {
  return std::max(1L, static_cast<long>(std::min(seconds, 1e6) * 1000.0));
}

/// Seconds as a person writes them: "1", "0.5", "120".
std::string seconds_text(double seconds) {
  std::string s = std::to_string(seconds);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

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
    const long timeout_ms = timeout_millis(options_.timeout_seconds);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 10000L));
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
      std::string what = r.transport != CURLE_OK ? r.transport_error
                                                 : "HTTP " + std::to_string(r.status) +
                                                       (r.body.empty() ? "" : ": " + excerpt(r.body));
      if (r.transport == CURLE_OPERATION_TIMEDOUT) {
        what += " (no complete answer within the --timeout of " + seconds_text(options_.timeout_seconds) + " s)";
      }
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

  Status send(const GraphPart& part, std::size_t held_before) {
    auto batches = plan_batches(part, options_.replace, options_.batch_triples, held_before);
    if (!batches.ok()) return batches.status();
    for (const Batch& b : batches.value()) {
      serialize::StringByteSink body;
      auto writer = serialize::make_syntax_writer(serialize::Syntax::ntriples, body);
      for (std::size_t i = b.begin; i < b.end; ++i) NKG_TRY(writer->quad(part.quads[i]));
      NKG_TRY(writer->finish());
      // N-Triples is Turtle: every Graph Store implementation reads text/turtle.
      auto r = request(b.method, graph_url(part.graph), body.str(), "text/turtle", "");
      if (!r.ok()) return r.status();
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

bool counts_agree(const GraphCount& count, bool replace) {
  if (replace || count.before == 0) return count.stored == count.sent;
  return count.stored >= std::max(count.before, count.sent) && count.stored <= count.before + count.sent;
}

Result<std::vector<Batch>> plan_batches(const GraphPart& part, bool replace, std::size_t batch_triples,
                                        std::size_t held_before) {
  const auto has_blank = [](const Quad& q) { return q.subject.is_blank() || q.object.is_blank(); };
  const std::size_t n = part.quads.size();
  if (std::any_of(part.quads.begin(), part.quads.end(), has_blank)) {
    if (!replace && held_before > 0) {
      return Status{StatusCode::bad_data,
                    "graph <" + part.graph + "> holds " + std::to_string(held_before) +
                        " triples already, and its data has blank nodes, which adding would duplicate; "
                        "nothing was loaded; use --replace (a re-run after a failed load must)"};
    }
    // One request, so no blank node is split across two (each would become a different node), and
    // a PUT, so a retry cannot duplicate them; on an empty graph PUT and POST do the same.
    return std::vector<Batch>{{"PUT", 0, n}};
  }
  const std::size_t batch = std::max<std::size_t>(batch_triples, 1);
  std::vector<Batch> out;
  for (std::size_t from = 0; from < n || from == 0; from += batch) {
    out.push_back({replace && from == 0 ? "PUT" : "POST", from, std::min(n, from + batch)});
    if (n == 0) break;
  }
  return out;
}

namespace {

/// What a failure while sending leaves behind, and how to finish the job.
Status incomplete(const Status& st, std::size_t stored, std::size_t total, const LoadOptions& options) {
  return Status{st.code(),
                st.message() + "; load incomplete: " + std::to_string(stored) + " of " + std::to_string(total) +
                    " graphs confirmed stored at " + options.endpoints.gsp + "; re-run with --replace to complete it",
                st.where()};
}

}  // namespace

Result<LoadReport> load_graphs(const std::vector<GraphPart>& parts, const LoadOptions& options,
                               DiagnosticSink& diagnostics) {
  static const CurlGlobal curl_global;
  LoadReport report;
  Loader loader(options, diagnostics, report);
  for (const GraphPart& part : parts) report.graphs.push_back({part.graph, part.quads.size(), 0, 0});
  if (!options.replace) {
    // Adding: what each graph holds before says what it must hold after, and whether blank nodes
    // may be added at all. Asked for every graph before anything is sent, so a refusal changes nothing.
    for (GraphCount& g : report.graphs) {
      auto before = loader.count(g.graph);
      if (!before.ok()) return incomplete(before.status(), 0, parts.size(), options);
      g.before = before.value();
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      auto plan = plan_batches(parts[i], false, options.batch_triples, report.graphs[i].before);
      if (!plan.ok()) return plan.status();
    }
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Status st = loader.send(parts[i], report.graphs[i].before);
    if (!st.ok()) return incomplete(st, i, parts.size(), options);
  }
  for (GraphCount& g : report.graphs) {
    auto stored = loader.count(g.graph);
    if (!stored.ok()) {
      return Status{stored.status().code(), stored.status().message() + "; all " + std::to_string(parts.size()) +
                                                " graphs were sent, but their counts could not be checked"};
    }
    g.stored = stored.value();
    if (!counts_agree(g, options.replace)) {
      std::string expected = std::to_string(g.sent);
      if (!options.replace && g.before > 0) {
        expected = "between " + std::to_string(std::max(g.before, g.sent)) + " and " +
                   std::to_string(g.before + g.sent) + " (it held " + std::to_string(g.before) + " before)";
      }
      return Status{StatusCode::bad_data, "graph <" + g.graph + "> holds " + std::to_string(g.stored) +
                                              " triples after loading " + std::to_string(g.sent) + ", expected " +
                                              expected};
    }
  }
  return report;
}

}  // namespace nkg::load
