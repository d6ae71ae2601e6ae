// `newskg export [INPUT...] [--jsonl FILE] [-o DIR] [--format LIST] [--jobs N] ...` and
// `newskg merge SHARD.nq... [-o DIR] [--format LIST]`.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "cli/terminal.hpp"
#include "core/diagnostic.hpp"
#include "newskg.hpp"
#include "pipeline/export.hpp"

namespace nkg::cli {

namespace {

struct ExportArgs {
  std::vector<std::string> inputs;
  std::vector<std::string> jsonl;
  std::string output_dir = "output";
  std::string formats = "all";
  std::string base = "https://w3id.org/newskg/id/";
  std::uint64_t max_document_bytes = std::uint64_t{64} << 20U;
  std::string catalog_path;
  std::string load_server;
  std::string load_store = "oxigraph";
  unsigned jobs = 0;
  std::size_t max_mentions = 100'000;
  std::size_t max_entities = 10'000'000;
  std::string memory = "256M";
  bool is_strict = false;
  Verbosity verbosity;
};

int fail(const Status& st, int code) {
  std::cerr << format_diagnostic({Severity::error, st.where(), st.message()}) << '\n';
  return code;
}

int exit_code_for(const Status& st) {
  switch (st.code()) {
    case StatusCode::io_error: return exit_output_failed;
    case StatusCode::bad_input: return exit_no_input;
    case StatusCode::bad_option: return exit_usage;
    default: return exit_internal;
  }
}

Result<Pipeline> make_pipeline(const std::string& base, std::uint64_t max_document_bytes, const std::string& catalog_path) {
  PipelineOptions pipeline_options;
  pipeline_options.base = base;
  pipeline_options.max_document_bytes = max_document_bytes;
  if (!catalog_path.empty()) {
    std::ifstream in(catalog_path, std::ios::binary);
    if (!in) return Status{StatusCode::bad_option, "cannot read the catalog", {catalog_path}};
    std::ostringstream text;
    text << in.rdbuf();
    pipeline_options.catalog_json = text.str();
    pipeline_options.catalog_name = catalog_path;
  }
  return Pipeline::create(pipeline_options);
}

/// The bytes the inputs hold (for the progress line's ETA); 0 when unknown (stdin).
std::uint64_t input_bytes(const std::vector<std::string>& inputs, const std::vector<std::string>& jsonl) {
  namespace fs = std::filesystem;
  std::uint64_t total = 0;
  std::error_code ec;
  auto add = [&](const fs::path& p) {
    if (fs::is_regular_file(p, ec)) total += fs::file_size(p, ec);
  };
  for (const auto* list : {&inputs, &jsonl}) {
    for (const std::string& in : *list) {
      if (in == "-") return 0;
      if (!fs::is_directory(in, ec)) {
        add(in);
        continue;
      }
      for (fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        add(it->path());
      }
    }
  }
  return total;
}

/// The one-screen summary at the end of a run.
void print_summary(const ExportReport& r, const std::string& output, double seconds, bool is_verbose) {
  std::ostringstream out;
  out << "newskg: " << r.documents_read << " documents";
  if (r.documents_skipped > 0) out << " (" << r.documents_skipped << " skipped)";
  out << ", " << r.quads << " quads -> " << output;
  if (!r.is_streamed) out << " (" << r.files_written.size() << " files)";
  out << " in " << std::fixed << std::setprecision(2) << seconds << " s";
  if (r.bytes_in > 0 && seconds > 0) {
    out << ", " << std::setprecision(2) << static_cast<double>(r.bytes_in) / 1e6 / seconds << " MB/s";
  }
  out << '\n';
  if (!r.nodes_by_class.empty()) {
    static const std::set<std::string> entity_classes{"Person", "State", "Organization", "Place"};
    std::ostringstream entities;
    std::ostringstream events;
    for (const auto& [cls, n] : r.nodes_by_class) {
      if (cls == "Event") continue;
      (entity_classes.count(cls) != 0 ? entities : events) << ' ' << cls << ' ' << n;
    }
    if (!entities.str().empty()) out << "  entities:" << entities.str() << '\n';
    if (!events.str().empty()) out << "  events:" << events.str() << '\n';
  }
  if (is_verbose) {
    const AnalyzeSeconds& steps = r.seconds.analyze_steps;
    out << std::setprecision(3) << "  seconds (summed over threads): ingest " << r.seconds.ingest << ", analyze "
        << r.seconds.analyze << " (segment " << steps.segment << ", recognize " << steps.recognize
        << ", syntax and events " << steps.events << ", resolve " << steps.resolve << "), emit " << r.seconds.emit
        << ", corpus pass " << r.seconds.corpus << ", write " << r.seconds.write << '\n';
    if (!r.is_streamed) {
      out << "  beyond --memory: " << r.sort_runs << " sorted runs on disk"
          << (r.is_spooled ? ", document graphs spooled to disk" : "") << '\n';
    }
  }
  std::cerr << out.str();
}

int run_export_command(const ExportArgs& args) {
  auto formats = parse_formats(args.formats);
  if (!formats.ok()) return fail(formats.status(), exit_usage);
  const auto memory = parse_byte_size(args.memory);
  if (!memory.ok()) return fail(memory.status(), exit_usage);
  auto pipeline = make_pipeline(args.base, args.max_document_bytes, args.catalog_path);
  if (!pipeline.ok()) {
    const StatusCode code = pipeline.status().code();
    return fail(pipeline.status(), code == StatusCode::bad_option || code == StatusCode::bad_data ? exit_usage : exit_internal);
  }
  ExportOptions options;
  options.inputs = args.inputs;
  if (args.inputs.empty() && args.jsonl.empty()) options.inputs = {"corpus"};
  options.jsonl_inputs = args.jsonl;
  options.output_dir = args.output_dir;
  options.formats = formats.value();
  options.is_strict = args.is_strict;
  options.jobs = args.jobs;
  options.max_mentions_per_document = args.max_mentions;
  options.max_entities = args.max_entities;
  options.memory_bytes = memory.value();
  ProgressBar progress(args.verbosity, is_stderr_terminal() ? input_bytes(options.inputs, options.jsonl_inputs) : 0);
  options.progress = &progress;

  StderrDiagnosticSink diagnostics(args.verbosity);
  const auto t0 = std::chrono::steady_clock::now();
  auto report = run_export(pipeline.value(), options, diagnostics);
  progress.clear();
  if (!report.ok()) return fail(report.status(), exit_code_for(report.status()));
  const ExportReport& r = report.value();
  if (!args.verbosity.is_quiet) {
    print_summary(r, args.output_dir, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                  args.verbosity.is_verbose);
  }
  if (!args.load_server.empty()) {
    const int loaded = load_export(args.output_dir, args.load_store, args.load_server, args.verbosity.is_quiet);
    if (loaded != exit_ok) return loaded;
  }
  return r.documents_skipped > 0 || diagnostics.errors > 0 ? exit_documents_skipped : exit_ok;
}

struct MergeArgs {
  std::vector<std::string> inputs;
  std::string output_dir = "output";
  std::string formats = "all";
  std::string base = "https://w3id.org/newskg/id/";
  std::string catalog_path;
  unsigned jobs = 0;
  std::string memory = "256M";
  Verbosity verbosity;
};

int run_merge_command(const MergeArgs& args) {
  auto formats = parse_formats(args.formats);
  if (!formats.ok()) return fail(formats.status(), exit_usage);
  const auto memory = parse_byte_size(args.memory);
  if (!memory.ok()) return fail(memory.status(), exit_usage);
  auto pipeline = make_pipeline(args.base, std::uint64_t{64} << 20U, args.catalog_path);
  if (!pipeline.ok()) {
    const StatusCode code = pipeline.status().code();
    return fail(pipeline.status(), code == StatusCode::bad_option || code == StatusCode::bad_data ? exit_usage : exit_internal);
  }
  MergeOptions options;
  options.inputs = args.inputs;
  options.output_dir = args.output_dir;
  options.formats = formats.value();
  options.jobs = args.jobs;
  options.memory_bytes = memory.value();
  StderrDiagnosticSink diagnostics(args.verbosity);
  const auto t0 = std::chrono::steady_clock::now();
  auto report = run_merge(pipeline.value(), options, diagnostics);
  if (!report.ok()) {
    const Status& st = report.status();
    // An unreadable or malformed shard is bad input, not an output failure.
    const bool is_input = !st.where().path.empty() && st.where().path != "-" &&
                          std::find(args.inputs.begin(), args.inputs.end(), st.where().path) != args.inputs.end();
    return fail(st, is_input ? exit_no_input : exit_code_for(st));
  }
  if (!args.verbosity.is_quiet) {
    print_summary(report.value(), args.output_dir,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), args.verbosity.is_verbose);
  }
  return report.value().documents_skipped > 0 || diagnostics.errors > 0 ? exit_documents_skipped : exit_ok;
}

void add_memory_option(CLI::App* cmd, std::string& memory) {
  cmd->add_option("--memory", memory,
                  "Files: the graph kept in memory for sorting (K, M, G); beyond it, sorted runs go to temporary "
                  "files in $TMPDIR or beside the output folder. The output is the same for any size")
      ->capture_default_str();
}

void add_format_option(CLI::App* cmd, std::string& formats) {
  cmd->add_option("--format", formats,
                  "Comma-separated: turtle, trig, nquads, ntriples, jsonld, void, ontology, context, dot, or all")
      ->capture_default_str();
}

}  // namespace

std::function<int()> add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "Read articles and write the knowledge graph");
  cmd->add_option("inputs", args->inputs, "Files or folders to read ('-' = stdin); default: corpus/");
  cmd->add_option("--jsonl", args->jsonl,
                  "JSON Lines input, one {\"id\",\"text\",\"url\",\"title\",\"date\"} per line ('-' = stdin); repeatable");
  cmd->add_option("-o,--output", args->output_dir,
                  "Output folder, or '-' for one format on stdout (N-Quads are streamed as documents finish, "
                  "before the corpus pass: see `newskg merge`)")
      ->capture_default_str();
  add_format_option(cmd, args->formats);
  cmd->add_option("-j,--jobs", args->jobs, "Worker threads (default: every core); output is the same for any N");
  add_memory_option(cmd, args->memory);
  cmd->add_option("--base", args->base, "Base IRI for entities, events and documents")->capture_default_str();
  cmd->add_option("--max-document-bytes", args->max_document_bytes, "Skip documents larger than this")
      ->capture_default_str();
  cmd->add_option("--max-mentions", args->max_mentions, "Skip documents with more mentions than this")
      ->capture_default_str();
  cmd->add_option("--max-entities", args->max_entities,
                  "Skip documents that would take the run past this many distinct entities")
      ->capture_default_str();
  cmd->add_option("--catalog", args->catalog_path,
                  "JSON file of known people, organizations and places (docs/catalog.md)");
  cmd->add_option("--load", args->load_server, "Then load the output into the store at this URL (see `newskg load`)");
  cmd->add_option("--store", args->load_store, "The kind of store --load points at: virtuoso, fuseki, oxigraph, graphdb")
      ->capture_default_str();
  cmd->add_flag("--strict", args->is_strict, "Stop at the first bad document");
  add_verbosity_flags(cmd, args->verbosity);
  cmd->footer(exit_code_help);
  return [args] { return run_export_command(*args); };
}

std::function<int()> add_merge_command(CLI::App& app) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "merge",
      "The corpus pass over N-Quads shards written by `export -o - --format nquads`: one IRI per person across "
      "spellings, agreed event dates, VoID counts; writes what `export` over all the documents writes");
  cmd->add_option("shards", args->inputs, "N-Quads shard files (.nq)")->required();
  cmd->add_option("-o,--output", args->output_dir, "Output folder, or '-' for one format on stdout")->capture_default_str();
  add_format_option(cmd, args->formats);
  cmd->add_option("-j,--jobs", args->jobs, "Worker threads (default: every core)");
  add_memory_option(cmd, args->memory);
  cmd->add_option("--base", args->base, "The base IRI the shards were made with")->capture_default_str();
  cmd->add_option("--catalog", args->catalog_path, "The catalogue the shards were made with, if any");
  add_verbosity_flags(cmd, args->verbosity);
  cmd->footer(exit_code_help);
  return [args] { return run_merge_command(*args); };
}

}  // namespace nkg::cli
