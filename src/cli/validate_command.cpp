// `newskg validate FILE... [--shapes FILE]`: checks graphs against SHACL shapes.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/exit_code.hpp"
#include "core/diagnostic.hpp"
#include "core/embedded.hpp"
#include "inspect/inspect.hpp"
#include "serialize/serialize.hpp"

namespace nkg::cli {

namespace {

constexpr const char* k_embedded_shapes = "ontology/shapes.ttl";

struct ValidateArgs {
  std::vector<std::string> files;
  std::string shapes;
  bool is_quiet = false;
};

void print_error(const Status& st) {
  std::cerr << format_diagnostic({Severity::error, st.where(), st.message()}) << '\n';
}

Result<std::vector<Quad>> read_embedded_shapes() {
  const auto text = embedded_file(k_embedded_shapes);
  if (!text) return Status{StatusCode::internal, "the SHACL shapes are not embedded", {k_embedded_shapes}};
  return serialize::read_rdf_text(*text, serialize::Syntax::turtle, k_embedded_shapes, "https://w3id.org/newskg/shapes");
}

Result<inspect::Shapes> load_shapes(const std::string& path) {
  auto quads = path.empty() ? read_embedded_shapes() : serialize::read_rdf_file(path);
  if (!quads.ok()) return quads.status();
  return inspect::Shapes::parse(quads.value(), path.empty() ? k_embedded_shapes : path);
}

/// `FILE: focus <iri>: path <iri>: sh:minCount: message`; warnings and infos say so after FILE.
std::string format_result(const std::string& file, const inspect::ValidationResult& r) {
  std::string line = file + ": ";
  if (r.severity == inspect::ResultSeverity::warning) line += "warning: ";
  if (r.severity == inspect::ResultSeverity::info) line += "info: ";
  line += "focus " + to_nquads(r.focus) + ": ";
  if (!r.path.empty()) line += "path " + r.path + ": ";
  line += r.constraint + ": " + r.message;
  if (!r.value.empty()) line += " (value " + to_nquads(r.value) + ")";
  return line;
}

int run(const ValidateArgs& args) {
  auto shapes = load_shapes(args.shapes);
  if (!shapes.ok()) {
    print_error(shapes.status());
    return shapes.status().code() == StatusCode::internal ? exit_internal : exit_usage;
  }
  bool is_unreadable = false;
  bool is_conforming = true;
  for (const std::string& file : args.files) {
    auto graph = inspect::read_graph(file);
    if (!graph.ok()) {
      print_error(graph.status());
      is_unreadable = true;
      continue;
    }
    const inspect::ValidationReport report = shapes.value().validate(graph.value().quads);
    const std::string& name = graph.value().path;
    for (const auto& r : report.results) {
      if (!args.is_quiet || r.severity == inspect::ResultSeverity::violation) std::cout << format_result(name, r) << "\n";
    }
    const std::size_t violations = report.count(inspect::ResultSeverity::violation);
    const std::size_t warnings = report.count(inspect::ResultSeverity::warning);
    if (report.conforms()) {
      std::cout << name << ": conforms (" << report.focus_nodes << " focus nodes checked, " << warnings << " warnings)\n";
    } else {
      is_conforming = false;
      std::cout << name << ": does not conform: " << violations << " violations, " << warnings << " warnings ("
                << report.focus_nodes << " focus nodes checked)\n";
    }
  }
  if (is_unreadable) return exit_no_input;
  return is_conforming ? exit_ok : exit_not_conforming;
}

}  // namespace

std::function<int()> add_validate_command(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand("validate", "Check graphs against SHACL shapes (default: newskg's own, "
                                                 "ontology/shapes.ttl); exit 8 when one does not conform");
  cmd->add_option("FILE", args->files, "RDF files (.nq .nt .ttl .trig) or export folders (their graph.nq)")->required();
  cmd->add_option("--shapes", args->shapes, "A SHACL shapes file (Turtle) instead of the built-in ontology/shapes.ttl");
  cmd->add_flag("-q,--quiet", args->is_quiet, "List violations only (no warnings)");
  return [args]() -> int { return run(*args); };
}

}  // namespace nkg::cli
