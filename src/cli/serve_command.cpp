// `newskg serve OUTPUT [--port N] [--host H] [--base IRI]`: the export as linked data over HTTP,
// rendered on request by publish/ (content negotiation, 303 See Other). HTTP is cpp-httplib's.
#include <httplib.h>
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "core/vocab.hpp"

namespace nkg::cli {

namespace {

struct ServeArgs {
  std::string export_dir;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string base = std::string(vocab::default_base);
  bool is_quiet = false;
};

/// Every Accept header of the request as one list (a client may send several).
std::optional<std::string> accept_of(const httplib::Request& req) {
  const std::size_t count = req.get_header_value_count("Accept");
  if (count == 0) return std::nullopt;
  std::string all;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) all += ", ";
    all += req.get_header_value("Accept", i);
  }
  return all;
}

/// SIGINT and SIGTERM stop the server cleanly: they are blocked in every thread and taken by a
/// watcher with sigtimedwait, which calls stop(); requests in flight are finished.
class SignalWatcher {
 public:
  explicit SignalWatcher(httplib::Server& server) {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
    thread_ = std::thread([this, &server] {
      const timespec tick{0, 200'000'000};
      while (!is_done_.load()) {
        const int signo = sigtimedwait(&signals_, nullptr, &tick);
        if (signo == SIGINT || signo == SIGTERM) {
          received_.store(signo);
          server.stop();
          return;
        }
      }
    });
  }
  SignalWatcher(const SignalWatcher&) = delete;
  SignalWatcher& operator=(const SignalWatcher&) = delete;
  ~SignalWatcher() {
    is_done_.store(true);
    thread_.join();
    pthread_sigmask(SIG_UNBLOCK, &signals_, nullptr);
  }
  [[nodiscard]] int received() const { return received_.load(); }

 private:
  sigset_t signals_{};
  std::atomic<bool> is_done_{false};
  std::atomic<int> received_{0};
  std::thread thread_;
};

int run(const ServeArgs& args) {
  if (args.port < 0 || args.port > 65535) {
    std::cerr << "newskg: error: --port must be 0 (any free port) to 65535\n";
    return exit_usage;
  }
  auto opened = open_site(args.export_dir, args.base);
  if (!opened.ok()) return report_site_error(opened.status());
  const publish::Site site = std::move(opened).value();

  httplib::Server server;
  // cpp-httplib's default also sets SO_REUSEPORT, which lets a second server share a port in use
  // without a word; SO_REUSEADDR alone only allows a quick restart.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  server.Get(R"(/.*)", [&site](const httplib::Request& req, httplib::Response& res) {
    const std::optional<std::string> accept = accept_of(req);
    publish::Response answer = publish::respond(site, req.path, accept ? std::optional<std::string_view>(*accept) : std::nullopt);
    res.status = answer.status;
    if (!answer.location.empty()) res.set_header("Location", answer.location);
    if (answer.varies_by_accept) res.set_header("Vary", "Accept");
    res.set_header("Access-Control-Allow-Origin", "*");
    res.set_content(std::move(answer.body), answer.content_type.c_str());
  });
  if (!args.is_quiet) {
    server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::string line = req.method + " " + req.path + " " + std::to_string(res.status);
      if (res.has_header("Location")) line += " -> " + res.get_header_value("Location");
      std::cerr << line + "\n";
    });
  }

  SignalWatcher watcher(server);  // before the server's threads start, so they inherit the mask
  int port = args.port;
  if (port == 0) {
    port = server.bind_to_any_port(args.host);
  } else if (!server.bind_to_port(args.host, port)) {
    port = -1;
  }
  if (port <= 0) {
    std::cerr << "newskg: error: cannot listen on " << args.host << ":" << args.port << "\n";
    return exit_serve_failed;
  }
  const std::string host = args.host.find(':') != std::string::npos ? "[" + args.host + "]" : args.host;
  std::cout << "newskg serve: listening on http://" << host << ":" << port << "/" << std::endl;
  const bool is_clean = server.listen_after_bind();
  if (watcher.received() != 0) {
    if (!args.is_quiet) std::cerr << "newskg serve: stopped (" << (watcher.received() == SIGINT ? "SIGINT" : "SIGTERM") << ")\n";
    return exit_ok;
  }
  if (!is_clean) {
    std::cerr << "newskg: error: the server stopped listening on " << host << ":" << port << "\n";
    return exit_serve_failed;
  }
  return exit_ok;
}

}  // namespace

std::function<int()> add_serve_command(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve an export as linked data: /P answers for the IRI BASE+P (303 to HTML, Turtle, JSON-LD, N-Triples)");
  cmd->add_option("output", args->export_dir, "The export folder (graph.nq, newskg.ttl, context.jsonld)")->required();
  cmd->add_option("--port", args->port, "TCP port; 0 picks a free one (the URL is printed)")->capture_default_str();
  cmd->add_option("--host", args->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--base", args->base, "The base IRI the export's resources are minted under")->capture_default_str();
  cmd->add_flag("-q,--quiet", args->is_quiet, "No request log on stderr");
  cmd->footer(exit_code_help);
  return [args] { return run(*args); };
}

}  // namespace nkg::cli
