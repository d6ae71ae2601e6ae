// `newskg publish OUTPUT DIR [--base IRI]`: an export as a static linked-data site.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "core/diagnostic.hpp"
#include "core/vocab.hpp"

namespace nkg::cli {

namespace {

struct PublishArgs {
  std::string export_dir;
  std::string site_dir;
  std::string base = std::string(vocab::default_base);
  bool is_quiet = false;
};

class StderrSink final : public DiagnosticSink {
 public:
  void report(const Diagnostic& d) override { std::cerr << format_diagnostic(d) << '\n'; }
};

int run(const PublishArgs& args) {
  auto site = open_site(args.export_dir, args.base);
  if (!site.ok()) return report_site_error(site.status());
  auto report = publish::write_site(site.value(), args.site_dir);
  if (!report.ok()) {
    const Status& st = report.status();
    std::cerr << format_diagnostic({Severity::error, st.where(), st.message()}) << '\n';
    return st.code() == StatusCode::io_error ? exit_output_failed : exit_internal;
  }
  if (!args.is_quiet) {
    std::cerr << "newskg publish: " << report.value().pages << " pages, " << report.value().files << " files -> "
              << args.site_dir << '\n';
  }
  return exit_ok;
}

}  // namespace

Result<publish::Site> open_site(const std::string& export_dir, const std::string& base) {
  auto data = publish::read_export(export_dir);
  if (!data.ok()) return data.status();
  StderrSink diagnostics;
  return publish::Site::create(std::move(data).value(), base, diagnostics);
}

int report_site_error(const Status& st) {
  std::cerr << format_diagnostic({Severity::error, st.where(), st.message()}) << '\n';
  switch (st.code()) {
    case StatusCode::bad_option: return exit_usage;
    case StatusCode::bad_input:
    case StatusCode::bad_data:
    case StatusCode::io_error: return exit_no_input;  // the export is missing, unreadable or malformed
    default: return exit_internal;
  }
}

std::function<int()> add_publish_command(CLI::App& app) {
  auto args = std::make_shared<PublishArgs>();
  CLI::App* cmd = app.add_subcommand("publish", "Write an export as a static linked-data site (HTML, Turtle, JSON-LD, N-Triples)");
  cmd->add_option("output", args->export_dir, "The export folder (graph.nq, newskg.ttl, context.jsonld)")->required();
  cmd->add_option("dir", args->site_dir, "The folder to write the site to (created if missing)")->required();
  cmd->add_option("--base", args->base, "The base IRI the export's resources are minted under")->capture_default_str();
  cmd->add_flag("-q,--quiet", args->is_quiet, "No summary line");
  cmd->footer(exit_code_help);
  return [args] { return run(*args); };
}

}  // namespace nkg::cli
