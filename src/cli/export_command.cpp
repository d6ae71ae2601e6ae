// `newskg export [INPUT...] [-o DIR] [--format LIST] [--base IRI]`
#include <fstream>
#include <iostream>
#include <sstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "core/diagnostic.hpp"
#include "newskg.hpp"
#include "pipeline/export.hpp"

namespace nkg::cli {

namespace {

struct ExportArgs {
  std::vector<std::string> inputs;
  std::string output_dir = "output";
  std::string formats = "turtle,trig,nquads,ntriples,jsonld,void,ontology,context,dot";
  std::string base = "https://w3id.org/newskg/id/";
  std::uint64_t max_document_bytes = std::uint64_t{64} << 20U;
  std::string catalog_path;
  std::string load_server;
  std::string load_store = "oxigraph";
  bool is_strict = false;
  bool is_quiet = false;
};

/// Prints each diagnostic as one line on stderr, as it comes.
class StderrDiagnosticSink final : public DiagnosticSink {
 public:
  void report(const Diagnostic& d) override {
    std::cerr << format_diagnostic(d) << '\n';
    if (d.severity == Severity::error) ++errors;
  }
  std::size_t errors = 0;
};

int fail(const Status& st, int code) {
  std::cerr << format_diagnostic({Severity::error, st.where(), st.message()}) << '\n';
  return code;
}

int run(const ExportArgs& args) {
  auto formats = parse_formats(args.formats);
  if (!formats.ok()) return fail(formats.status(), exit_usage);
  PipelineOptions pipeline_options;
  pipeline_options.base = args.base;
  pipeline_options.max_document_bytes = args.max_document_bytes;
  if (!args.catalog_path.empty()) {
    std::ifstream in(args.catalog_path, std::ios::binary);
    if (!in) return fail({StatusCode::bad_option, "cannot read the catalog", {args.catalog_path}}, exit_usage);
    std::ostringstream text;
    text << in.rdbuf();
    pipeline_options.catalog_json = text.str();
    pipeline_options.catalog_name = args.catalog_path;
  }
  auto pipeline = Pipeline::create(pipeline_options);
  if (!pipeline.ok()) {
    const StatusCode code = pipeline.status().code();
    return fail(pipeline.status(), code == StatusCode::bad_option || code == StatusCode::bad_data ? exit_usage : exit_internal);
  }
  ExportOptions options;
  options.inputs = args.inputs.empty() ? std::vector<std::string>{"corpus"} : args.inputs;
  options.output_dir = args.output_dir;
  options.formats = formats.value();
  options.is_strict = args.is_strict;

  StderrDiagnosticSink diagnostics;
  auto report = run_export(pipeline.value(), options, diagnostics);
  if (!report.ok()) {
    const StatusCode code = report.status().code();
    return fail(report.status(), code == StatusCode::io_error    ? exit_output_failed
                                 : code == StatusCode::bad_input ? exit_no_input
                                 : code == StatusCode::bad_option ? exit_usage
                                                                  : exit_internal);
  }
  const ExportReport& r = report.value();
  if (!args.is_quiet) {
    std::cerr << "newskg: " << r.documents_read << " documents, " << r.quads << " quads -> " << args.output_dir << " ("
              << r.files_written.size() << " files)";
    if (r.documents_skipped > 0) std::cerr << "; " << r.documents_skipped << " documents skipped";
    std::cerr << '\n';
  }
  if (!args.load_server.empty()) {
    const int loaded = load_export(args.output_dir, args.load_store, args.load_server, args.is_quiet);
    if (loaded != exit_ok) return loaded;
  }
  return r.documents_skipped > 0 || diagnostics.errors > 0 ? exit_documents_skipped : exit_ok;
}

}  // namespace

std::function<int()> add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "Read articles and write the knowledge graph");
  cmd->add_option("inputs", args->inputs, "Files or folders to read ('-' = stdin); default: corpus/");
  cmd->add_option("-o,--output", args->output_dir, "Output folder")->capture_default_str();
  cmd->add_option("--format", args->formats,
                  "Comma-separated: turtle, trig, nquads, ntriples, jsonld, void, ontology, context, dot, all")
      ->capture_default_str();
  cmd->add_option("--base", args->base, "Base IRI for entities, events and documents")->capture_default_str();
  cmd->add_option("--max-document-bytes", args->max_document_bytes, "Skip documents larger than this")
      ->capture_default_str();
  cmd->add_option("--catalog", args->catalog_path,
                  "JSON file of known people, organizations and places (docs/catalog.md)");
  cmd->add_option("--load", args->load_server, "Then load the output into the store at this URL (see `newskg load`)");
  cmd->add_option("--store", args->load_store, "The kind of store --load points at: virtuoso, fuseki, oxigraph, graphdb")
      ->capture_default_str();
  cmd->add_flag("--strict", args->is_strict, "Stop at the first bad document");
  cmd->add_flag("-q,--quiet", args->is_quiet, "No summary line");
  cmd->footer(exit_code_help);
  return [args] { return run(*args); };
}

}  // namespace nkg::cli
