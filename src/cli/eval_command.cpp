// `newskg eval GOLD_DIR OUTPUT_DIR` and `newskg eval --conll FILE --countries FILE`
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "core/diagnostic.hpp"
#include "eval/eval.hpp"
#include "serialize/serialize.hpp"

namespace nkg::cli {

namespace {

struct EvalArgs {
  std::string gold_dir;
  std::string output_dir;
  std::string conll;
  std::string countries;
  int runs = 3;
  int top = 0;
  bool is_verbose = false;
};

int fail(const Status& st, int code) {
  std::cerr << format_diagnostic({Severity::error, st.where(), st.message()}) << '\n';
  return code;
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status{StatusCode::io_error, "cannot read the file", {path}};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string row(const std::string& name, const eval::Score& s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%-14s %6zu %6zu %6zu   %.3f  %.3f  %.3f", name.c_str(), s.tp, s.fp, s.fn, s.precision(),
                s.recall(), s.f1());
  return buf;
}

constexpr const char* header = "               tp     fp     fn   precision recall F1";

int run_gold(const EvalArgs& args) {
  std::vector<std::string> files;
  std::error_code ec;
  // NAME.gold.json where the folder has them (a development set, with NAME.txt and NAME.json
  // beside them); otherwise every *.json.
  std::vector<std::string> gold_files;
  for (const auto& entry : std::filesystem::directory_iterator(args.gold_dir, ec)) {
    if (entry.path().extension() != ".json") continue;
    const std::string name = entry.path().filename().string();
    files.push_back(entry.path().string());
    if (name.size() > 10 && name.compare(name.size() - 10, 10, ".gold.json") == 0) gold_files.push_back(files.back());
  }
  if (!gold_files.empty()) files = std::move(gold_files);
  if (ec) return fail({StatusCode::io_error, "cannot list the gold folder", {args.gold_dir}}, exit_no_input);
  std::sort(files.begin(), files.end());
  if (files.empty()) return fail({StatusCode::bad_input, "no *.json gold files", {args.gold_dir}}, exit_no_input);
  std::vector<eval::GoldDocument> gold;
  for (const std::string& f : files) {
    auto text = read_file(f);
    if (!text.ok()) return fail(text.status(), exit_no_input);
    auto g = eval::parse_gold(text.value(), f);
    if (!g.ok()) return fail(g.status(), exit_no_input);
    gold.push_back(std::move(g).value());
  }
  const std::string nq = (std::filesystem::path(args.output_dir) / "graph.nq").string();
  auto quads = serialize::read_rdf_file(nq);
  if (!quads.ok()) return fail(quads.status(), exit_no_input);
  const eval::GoldReport r = eval::score_gold(gold, quads.value());
  std::cout << "newskg eval: " << r.documents << " documents, " << args.gold_dir << " vs " << nq << "\n" << header << "\n";
  std::cout << row("entities", r.entities) << "\n";
  for (const auto& [type, s] : r.entities_by_type) std::cout << row("  " + type, s) << "\n";
  std::cout << row("positions", r.positions) << "\n" << row("relations", r.relations) << "\n";
  std::cout << row("events", r.events) << "\n";
  for (const auto& [cls, score] : r.events_by_class) std::cout << row("  " + cls, score) << "\n";
  std::cout << row("statements", r.statements) << "\n";
  char dates[160];
  std::snprintf(dates, sizeof dates, "dates: %zu of %zu matched events with a gold date are right (accuracy %.3f)\n",
                r.dates_right, r.dates_checked,
                r.dates_checked == 0 ? 0.0 : static_cast<double>(r.dates_right) / static_cast<double>(r.dates_checked));
  std::cout << dates;
  std::size_t most = 0;
  std::string widest;
  for (const auto& [iri, n] : r.sources) {
    if (n > most) {
      most = n;
      widest = iri;
    }
  }
  if (most > 0) std::cout << "most reported event: <" << widest << "> in " << most << " documents\n";
  std::cout << "identity: " << r.split.size() << " gold entities split across IRIs, " << r.merged.size()
            << " IRIs merging gold entities\n";
  for (const std::string& s : r.split) std::cout << "  split " << s << "\n";
  for (const std::string& m : r.merged) std::cout << "  merged " << m << "\n";
  if (args.is_verbose) {
    for (const std::string& e : r.errors) std::cout << "  " << e << "\n";
  }
  return exit_ok;
}

int run_conll(const EvalArgs& args) {
  auto text = read_file(args.conll);
  if (!text.ok()) return fail(text.status(), exit_no_input);
  auto docs = eval::parse_conll(text.value(), args.conll);
  if (!docs.ok()) return fail(docs.status(), exit_no_input);
  std::set<std::string> countries;
  if (!args.countries.empty()) {
    auto names = read_file(args.countries);
    if (!names.ok()) return fail(names.status(), exit_no_input);
    std::istringstream lines(names.value());
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line[0] != '#') countries.insert(eval::normalize_country(line));
    }
  }
  auto pipeline = Pipeline::create({});
  if (!pipeline.ok()) return fail(pipeline.status(), exit_internal);
  const eval::ConllReport r = eval::score_conll(pipeline.value(), docs.value(), countries, args.runs);
  std::cout << "newskg eval --conll " << args.conll << ": " << r.documents << " documents, exact span and type\n"
            << header << "\n";
  for (const std::string type : {"PER", "ORG", "LOC", "LOC-country"}) {
    if (type == "LOC-country" && countries.empty()) continue;
    const auto it = r.by_type.find(type);
    std::cout << row(type, it == r.by_type.end() ? eval::Score{} : it->second) << "\n";
  }
  auto syntax = syntax::Syntax::load_embedded();
  if (!syntax.ok()) return fail(syntax.status(), exit_internal);
  const eval::SyntaxReport sr = eval::score_syntax(syntax.value(), docs.value());
  if (sr.tokens > 0 && !docs.value().empty() && !docs.value().front().empty() &&
      !docs.value().front().front().front().pos.empty()) {
    char pos[200];
    std::snprintf(pos, sizeof pos, "POS accuracy: %.4f (%zu of %zu tokens, Penn tags)\n", sr.accuracy(), sr.tags_right,
                  sr.tokens);
    std::cout << pos << header << "\n" << row("NP chunks", sr.noun_phrases) << "\n";
    if (args.top > 0) {
      std::vector<std::pair<std::size_t, std::string>> sorted;
      for (const auto& [c, n] : sr.confusions) sorted.emplace_back(n, c);
      std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
      });
      std::cout << "POS confusions (gold->tagged, count, most frequent words):\n";
      for (std::size_t i = 0; i < sorted.size() && i < static_cast<std::size_t>(args.top); ++i) {
        std::vector<std::pair<std::size_t, std::string>> words;
        for (const auto& [w, n] : sr.confused_words.at(sorted[i].second)) words.emplace_back(n, w);
        std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
          return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        std::cout << "  " << sorted[i].second << " (" << sorted[i].first << "):";
        for (std::size_t k = 0; k < words.size() && k < 8; ++k) std::cout << " " << words[k].second;
        std::cout << "\n";
      }
    }
  }
  char buf[200];
  std::snprintf(buf, sizeof buf, "speed: %.2f MB/s, %.0f docs/s (analyze only, median of %d runs, %.3f s per run)\n",
                static_cast<double>(r.bytes) / 1e6 / r.seconds_median,
                static_cast<double>(r.documents) / r.seconds_median, args.runs, r.seconds_median);
  std::cout << buf;
  if (args.top > 0) {
    auto print_top = [&](const char* what, const std::map<std::string, std::map<std::string, std::size_t>>& m) {
      for (const auto& [type, counts] : m) {
        std::vector<std::pair<std::size_t, std::string>> sorted;
        for (const auto& [s, n] : counts) sorted.emplace_back(n, s);
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
          return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        std::cout << what << " " << type << ":";
        for (std::size_t i = 0; i < sorted.size() && i < static_cast<std::size_t>(args.top); ++i) {
          std::cout << " " << sorted[i].second << " (" << sorted[i].first << ")";
        }
        std::cout << "\n";
      }
    };
    print_top("missed", r.top_fn);
    print_top("spurious", r.top_fp);
  }
  return exit_ok;
}

}  // namespace

std::function<int()> add_eval_command(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand("eval", "Score an export against gold annotations, or NER on CoNLL-2003");
  cmd->add_option("gold", args->gold_dir, "Folder of gold annotations (tests/gold)");
  cmd->add_option("output", args->output_dir, "Folder of an export (its graph.nq is read)");
  cmd->add_option("--conll", args->conll, "Score named-entity recognition on a CoNLL-2003 file instead");
  cmd->add_option("--countries", args->countries, "Country names for the LOC-country score (one per line)");
  cmd->add_option("--runs", args->runs, "Timed passes over the CoNLL file (median reported)")->capture_default_str();
  cmd->add_option("--top", args->top, "List the N most frequent misses and false alarms per type");
  cmd->add_flag("-v,--verbose", args->is_verbose, "List every false positive and false negative");
  return [args]() -> int {
    if (!args->conll.empty()) return run_conll(*args);
    if (args->gold_dir.empty() || args->output_dir.empty()) {
      std::cerr << "newskg: error: eval needs GOLD_DIR and OUTPUT_DIR, or --conll FILE\n";
      return exit_usage;
    }
    return run_gold(*args);
  };
}

}  // namespace nkg::cli
