// newskg command line.
#include <CLI/CLI.hpp>

#include <csignal>
#include <exception>
#include <unistd.h>
#include <iostream>
#include <new>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "newskg.hpp"
#include "serialize/serialize.hpp"

namespace {

// SIGINT/SIGTERM: remove the temporary files of outputs not yet complete, then exit with the
// documented code. Files already renamed are complete; no file is ever half-written.
extern "C" void on_signal(int signo) {
  nkg::serialize::remove_pending_temp_files();
  ::_exit(signo == SIGINT ? nkg::cli::exit_sigint : nkg::cli::exit_sigterm);
}

}  // namespace

int main(int argc, char** argv) {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
  try {
    CLI::App app{"newskg: news articles -> knowledge graph (Turtle, TriG, N-Quads, JSON-LD)", "newskg"};
    app.set_version_flag("--version", std::string("newskg ") + std::string(nkg::version));
    app.footer(nkg::cli::exit_code_help);
    app.require_subcommand(1);
    const auto run_export = nkg::cli::add_export_command(app);
    const auto run_merge = nkg::cli::add_merge_command(app);
    const auto run_eval = nkg::cli::add_eval_command(app);
    const auto run_load = nkg::cli::add_load_command(app);
    const auto run_stats = nkg::cli::add_stats_command(app);
    const auto run_validate = nkg::cli::add_validate_command(app);
    const auto run_publish = nkg::cli::add_publish_command(app);
    const auto run_serve = nkg::cli::add_serve_command(app);
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      std::cerr << "newskg: error: " << e.what() << " (see newskg --help)\n";
      return nkg::cli::exit_usage;
    }
    if (app.got_subcommand("export")) return run_export();
    if (app.got_subcommand("merge")) return run_merge();
    if (app.got_subcommand("eval")) return run_eval();
    if (app.got_subcommand("load")) return run_load();
    if (app.got_subcommand("stats")) return run_stats();
    if (app.got_subcommand("validate")) return run_validate();
    if (app.got_subcommand("publish")) return run_publish();
    if (app.got_subcommand("serve")) return run_serve();
    return nkg::cli::exit_usage;
  } catch (const std::bad_alloc&) {
    std::cerr << "newskg: error: out of memory\n";
    return nkg::cli::exit_internal;
  } catch (const std::exception& e) {
    std::cerr << "newskg: internal error: " << e.what() << "\n";
    return nkg::cli::exit_internal;
  }
}
