#include "pipeline/export.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/embedded.hpp"
#include "ingest/ingest.hpp"
#include "serialize/serialize.hpp"

namespace nkg {

namespace fs = std::filesystem;

const std::vector<OutputFormatInfo>& output_formats() {
  static const std::vector<OutputFormatInfo> formats{
      {OutputFormat::turtle, "turtle", "graph.ttl"},     {OutputFormat::trig, "trig", "graph.trig"},
      {OutputFormat::nquads, "nquads", "graph.nq"},      {OutputFormat::ntriples, "ntriples", "graph.nt"},
      {OutputFormat::jsonld, "jsonld", "graph.jsonld"},  {OutputFormat::void_, "void", "void.ttl"},
      {OutputFormat::ontology, "ontology", "newskg.ttl"},  {OutputFormat::context, "context", "context.jsonld"},
      {OutputFormat::dot, "dot", "graph.dot"},
  };
  return formats;
}

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

/// Collects what the pipeline emits: prefixes once, quads in order.
class CollectingSink final : public QuadSink {
 public:
  Status prefix(std::string_view name, std::string_view ns) override {
    if (std::find_if(prefixes.begin(), prefixes.end(), [&](const auto& p) { return p.first == name; }) == prefixes.end()) {
      prefixes.emplace_back(name, ns);
    }
    return Status::success();
  }
  Status quad(const Quad& q) override {
    quads.push_back(q);
    return Status::success();
  }
  Status finish() override { return Status::success(); }

  std::vector<std::pair<std::string, std::string>> prefixes;
  std::vector<Quad> quads;
};

Status replay(const CollectingSink& from, QuadSink& to) {
  for (const auto& [name, ns] : from.prefixes) NKG_TRY(to.prefix(name, ns));
  for (const Quad& q : from.quads) NKG_TRY(to.quad(q));
  return to.finish();
}

Result<serialize::JsonLdContext> embedded_context() {
  const auto text = embedded_file("ontology/context.jsonld");
  if (!text) return Status{StatusCode::internal, "JSON-LD context not embedded"};
  return serialize::JsonLdContext::parse(*text);
}

/// Writes one output file: the collected quads through the right writer, atomically.
Status write_output(const OutputFormatInfo& info, const std::string& path, const CollectingSink& data,
                    const std::string& base) {
  auto file = serialize::AtomicFile::create(path);
  if (!file.ok()) return file.status();
  serialize::AtomicFile& out = *file.value();
  switch (info.format) {
    case OutputFormat::ontology:
    case OutputFormat::context: {
      const auto text = embedded_file(info.format == OutputFormat::ontology ? "ontology/newskg.ttl" : "ontology/context.jsonld");
      if (!text) return {StatusCode::internal, "ontology not embedded"};
      NKG_TRY(out.write(*text));
      break;
    }
    case OutputFormat::jsonld: {
      auto context = embedded_context();
      if (!context.ok()) return context.status();
      const auto writer = serialize::make_jsonld_writer(context.value(), std::string(context_iri), out);
      const auto sorter = serialize::make_sorting_buffer(*writer, true);
      NKG_TRY(replay(data, *sorter));
      break;
    }
    case OutputFormat::dot: {
      const auto writer = serialize::make_dot_writer(out);
      const auto sorter = serialize::make_sorting_buffer(*writer, true);
      NKG_TRY(replay(data, *sorter));
      break;
    }
    case OutputFormat::void_: {
      const auto writer = serialize::make_syntax_writer(serialize::Syntax::turtle, out);
      const auto sorter = serialize::make_sorting_buffer(*writer, true);
      const auto counter = serialize::make_void_counter(*sorter, base);
      NKG_TRY(replay(data, *counter));
      break;
    }
    default: {
      static const std::map<OutputFormat, std::pair<serialize::Syntax, bool>> syntaxes{
          {OutputFormat::turtle, {serialize::Syntax::turtle, true}},
          {OutputFormat::trig, {serialize::Syntax::trig, false}},
          {OutputFormat::nquads, {serialize::Syntax::nquads, false}},
          {OutputFormat::ntriples, {serialize::Syntax::ntriples, true}},
      };
      const auto& [syntax, is_union] = syntaxes.at(info.format);
      const auto writer = serialize::make_syntax_writer(syntax, out);
      const auto sorter = serialize::make_sorting_buffer(*writer, is_union);
      NKG_TRY(replay(data, *sorter));
    }
  }
  return out.commit();
}

}  // namespace

Result<std::set<OutputFormat>> parse_formats(std::string_view list) {
  std::set<OutputFormat> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    const std::string_view name = list.substr(start, end - start);
    start = end + 1;
    if (name.empty()) continue;
    if (name == "all") {
      for (const auto& f : output_formats()) out.insert(f.format);
      continue;
    }
    const auto& formats = output_formats();
    const auto it = std::find_if(formats.begin(), formats.end(), [&](const auto& f) { return f.name == name; });
    if (it != formats.end()) {
      out.insert(it->format);
      continue;
    }
    std::string_view closest = formats.front().name;
    for (const auto& f : formats) {
      if (edit_distance(name, f.name) < edit_distance(name, closest)) closest = f.name;
    }
    return Status{StatusCode::bad_option,
                  "unknown format '" + std::string(name) + "' (did you mean --format " + std::string(closest) + "?)"};
  }
  if (out.empty()) return Status{StatusCode::bad_option, "--format names no format"};
  return out;
}

Result<ExportReport> run_export(const Pipeline& pipeline, const ExportOptions& options, DiagnosticSink& diagnostics) {
  ExportReport report;
  const std::vector<std::string> files = ingest::list_inputs(options.inputs, diagnostics);
  if (files.size() < options.inputs.size() && options.is_strict) {
    return Status{StatusCode::bad_input, "an input does not exist (--strict)"};
  }
  // Documents are processed in identifier order, so input order never reaches the output.
  std::map<std::string, Analysis> analyses;
  for (const std::string& path : files) {
    auto doc = pipeline.read(path);
    if (!doc.ok()) {
      diagnostics.report({Severity::error, doc.status().where(), doc.status().message() + "; document skipped"});
      ++report.documents_skipped;
      if (options.is_strict) return doc.status();
      continue;
    }
    const std::string id = doc.value().id;
    if (analyses.count(id) != 0) {
      diagnostics.report({Severity::error, {path}, "duplicate document id '" + id + "' (also " +
                                                      analyses.at(id).document.source_path + "); document skipped"});
      ++report.documents_skipped;
      if (options.is_strict) return Status{StatusCode::bad_input, "duplicate document id '" + id + "'", {path}};
      continue;
    }
    analyses.emplace(id, pipeline.analyze(std::move(doc).value()));
    ++report.documents_read;
  }
  if (analyses.empty()) return Status{StatusCode::bad_input, "no usable input document"};
  if (options.output_dir == "-" && options.formats.size() != 1) {
    return Status{StatusCode::bad_option, "-o - writes one format to standard output: choose it with --format"};
  }

  CollectingSink data;
  std::vector<Analysis*> all;
  for (auto& [id, analysis] : analyses) all.push_back(&analysis);
  pipeline.resolve_corpus(all);
  NKG_TRY(pipeline.emit_prefixes(data));
  for (const auto& [id, analysis] : analyses) NKG_TRY(pipeline.emit(analysis, data));
  report.quads = data.quads.size();

  // "-o -": the one requested format to standard output.
  const bool to_stdout = options.output_dir == "-";
  if (!to_stdout) {
    std::error_code ec;
    fs::create_directories(options.output_dir, ec);
    if (ec) return Status{StatusCode::io_error, "cannot create output folder: " + ec.message(), {options.output_dir}};
  }
  const std::string base = pipeline.base();
  for (const OutputFormatInfo& info : output_formats()) {
    if (options.formats.count(info.format) == 0) continue;
    const std::string path = to_stdout ? std::string("-") : (fs::path(options.output_dir) / info.file_name).string();
    NKG_TRY(write_output(info, path, data, base));
    report.files_written.push_back(path);
  }
  return report;
}

}  // namespace nkg
