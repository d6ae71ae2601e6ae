// `newskg stats OUTPUT [--top N] [--json]`: what a graph holds.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "core/diagnostic.hpp"
#include "inspect/inspect.hpp"

namespace nkg::cli {

namespace {

struct StatsArgs {
  std::string input;
  std::size_t top = 10;
  bool is_json = false;
};

std::size_t code_points(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  return n;
}

/// `text` and spaces up to `width` code points (one space at least).
std::string padded(const std::string& text, std::size_t width) {
  const std::size_t n = code_points(text);
  return n >= width ? text + " " : text + std::string(width - n, ' ');
}

nlohmann::json to_json(const std::string& path, const inspect::GraphStats& s) {
  nlohmann::json top = nlohmann::json::array();
  for (const auto& e : s.top_entities) {
    top.push_back({{"iri", e.iri}, {"label", e.label}, {"class", "nkg:" + e.cls}, {"mentions", e.mentions},
                   {"articles", e.articles}});
  }
  nlohmann::json entities_by_class = nlohmann::json::object();
  for (const auto& [cls, n] : s.entities_by_class) entities_by_class["nkg:" + cls] = n;
  nlohmann::json events_by_class = nlohmann::json::object();
  for (const auto& [cls, n] : s.events_by_class) events_by_class["nkg:" + cls] = n;
  return {{"file", path},
          {"documents", s.documents},
          {"quads", s.quads},
          {"triples", s.triples},
          {"named_graphs", s.named_graphs},
          {"entities", {{"total", s.entities}, {"by_class", entities_by_class}}},
          {"events",
           {{"total", s.events}, {"by_class", events_by_class}, {"by_date", s.events_by_date}, {"undated", s.undated_events}}},
          {"top_entities", top}};
}

void print_text(const std::string& path, const inspect::GraphStats& s, std::size_t top) {
  std::cout << "newskg stats: " << path << "\n";
  constexpr std::size_t w = 22;
  std::cout << padded("documents", w) << s.documents << "\n";
  std::cout << padded("quads", w) << s.quads << " in " << s.named_graphs << " named graphs\n";
  std::cout << padded("triples", w) << s.triples << " (union graph)\n";
  std::cout << padded("entities", w) << s.entities << "\n";
  for (const auto& [cls, n] : s.entities_by_class) std::cout << "  " << padded("nkg:" + cls, w - 2) << n << "\n";
  std::cout << padded("events", w) << s.events << "\n";
  for (const auto& [cls, n] : s.events_by_class) std::cout << "  " << padded("nkg:" + cls, w - 2) << n << "\n";
  std::cout << "top " << top << " entities by mentions\n";
  std::size_t label_width = 6;
  for (const auto& e : s.top_entities) label_width = std::max(label_width, code_points(e.label) + 1);
  std::cout << "  mentions articles  " << padded("class", 18) << padded("label", label_width) << "IRI\n";
  for (const auto& e : s.top_entities) {
    char counts[64];
    std::snprintf(counts, sizeof counts, "  %8zu %8zu  ", e.mentions, e.articles);
    std::cout << counts << padded("nkg:" + e.cls, 18) << padded(e.label.empty() ? "-" : e.label, label_width) << "<" << e.iri
              << ">\n";
  }
  std::cout << "events per day (nkg:date)\n";
  for (const auto& [day, n] : s.events_by_date) std::cout << "  " << padded(day, w - 2) << n << "\n";
  if (s.undated_events > 0) std::cout << "  " << padded("undated", w - 2) << s.undated_events << "\n";
}

int run(const StatsArgs& args) {
  auto graph = inspect::read_graph(args.input);
  if (!graph.ok()) {
    std::cerr << format_diagnostic({Severity::error, graph.status().where(), graph.status().message()}) << '\n';
    return exit_no_input;
  }
  const inspect::GraphStats s = inspect::compute_stats(graph.value().quads, args.top);
  if (args.is_json) {
    std::cout << to_json(graph.value().path, s).dump(2) << "\n";
  } else {
    print_text(graph.value().path, s, args.top);
  }
  return exit_ok;
}

}  // namespace

std::function<int()> add_stats_command(CLI::App& app) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* cmd = app.add_subcommand("stats", "Print what a graph holds: documents, triples, entities and events by class, "
                                              "the most mentioned entities, events per day");
  cmd->add_option("OUTPUT", args->input, "An export folder (its graph.nq is read) or an RDF file (.nq .nt .ttl .trig)")
      ->required();
  cmd->add_option("--top", args->top, "How many entities to rank by number of mentions")->capture_default_str();
  cmd->add_flag("--json", args->is_json, "Print JSON instead of a table");
  return [args]() -> int { return run(*args); };
}

}  // namespace nkg::cli
