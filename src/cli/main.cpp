// newskg command line.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <string>
#include <vector>
#include <exception>
#include <unistd.h>
#include <iostream>
#include <new>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "newskg.hpp"
#include "resolve/resolve.hpp"
#include "serialize/serialize.hpp"

namespace {

// SIGINT/SIGTERM: remove the temporary files of outputs not yet complete, then exit with the
// documented code. Files already renamed are complete; no file is ever half-written.
extern "C" void on_signal(int signo) {
  nkg::serialize::remove_pending_temp_files();
  ::_exit(signo == SIGINT ? nkg::cli::exit_sigint : nkg::cli::exit_sigterm);
}

/// The subcommand called `name`, or nullptr.
const CLI::App* find_subcommand(const CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

/// "did you mean ...?" for an unknown subcommand or option, or empty when nothing is close.
std::string suggestion(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) return {};
  const std::string first = argv[1];
  auto closest = [](const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = 3;  // at most two edits away
    for (const std::string& c : candidates) {
      const std::size_t d = nkg::resolve::edit_distance(word, c);
      if (d < best_distance) {
        best = c;
        best_distance = d;
      }
    }
    return best;
  };
  std::vector<std::string> commands;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) commands.push_back(sub->get_name());
  if (first.empty() || first[0] != '-') {
    if (std::find(commands.begin(), commands.end(), first) == commands.end()) {
      const std::string best = closest(first, commands);
      return "unknown command '" + first + "'" + (best.empty() ? std::string() : " (did you mean " + best + "?)");
    }
  }
  const CLI::App* sub = first.empty() || first[0] == '-' ? &app : find_subcommand(app, first);
  if (sub == nullptr) return {};
  std::vector<std::string> options;
  for (const CLI::Option* o : sub->get_options()) {
    for (const std::string& name : o->get_lnames()) options.push_back("--" + name);
  }
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg.rfind("--", 0) != 0) continue;
    arg = arg.substr(0, arg.find('='));
    if (std::find(options.begin(), options.end(), arg) != options.end()) continue;
    const std::string best = closest(arg, options);
    return "unknown option '" + arg + "'" + (best.empty() ? std::string() : " (did you mean " + best + "?)");
  }
  return {};
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
      const std::string hint = suggestion(app, argc, argv);
      std::cerr << "newskg: error: " << (hint.empty() ? std::string(e.what()) : hint) << " (see newskg "
                << (argc >= 2 && find_subcommand(app, argv[1]) != nullptr ? std::string(argv[1]) + " " : "")
                << "--help)\n";
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
