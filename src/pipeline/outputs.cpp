#include "pipeline/outputs.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <utility>

#include "core/embedded.hpp"

namespace nkg {

namespace fs = std::filesystem;

namespace {

bool is_union_format(OutputFormat f) {
  return f == OutputFormat::turtle || f == OutputFormat::ntriples || f == OutputFormat::jsonld ||
         f == OutputFormat::void_ || f == OutputFormat::dot;
}

bool is_graph_format(OutputFormat f) { return f == OutputFormat::trig || f == OutputFormat::nquads; }

Result<serialize::JsonLdContext> embedded_context() {
  const auto text = embedded_file("ontology/context.jsonld");
  if (!text) return Status{StatusCode::internal, "JSON-LD context not embedded"};
  return serialize::JsonLdContext::parse(*text);
}

}  // namespace

std::string temp_dir_for(const std::string& output_dir) {
  const char* tmpdir = std::getenv("TMPDIR");
  if (tmpdir != nullptr && tmpdir[0] != '\0') return tmpdir;
  if (output_dir == "-") return "/tmp";
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(output_dir), ec);
  if (ec) return ".";
  while (!fs::is_directory(dir, ec)) {
    if (!dir.has_parent_path() || dir.parent_path() == dir) return ".";
    dir = dir.parent_path();
  }
  return dir.string();
}

MemoryShares share_memory(std::size_t memory_bytes, const std::set<OutputFormat>& formats) {
  bool has_union = false;
  bool has_graphs = false;
  for (const OutputFormat f : formats) {
    has_union = has_union || is_union_format(f);
    has_graphs = has_graphs || is_graph_format(f);
  }
  // Every share at least a byte: a sort whose share is under one key spills each key alone.
  const std::size_t quarter = std::max<std::size_t>(memory_bytes / 4, 1);
  const std::size_t sorts = std::max<std::size_t>(memory_bytes - memory_bytes / 4, 1);
  const std::size_t each = std::max<std::size_t>(has_union && has_graphs ? sorts / 2 : sorts, 1);
  return {quarter, has_union ? each : 0, has_graphs ? each : 0, quarter};
}

FolderOutputs::FolderOutputs(const std::set<OutputFormat>& formats, std::size_t memory_bytes, std::string temp_dir)
    : formats_(formats), shares_(share_memory(memory_bytes, formats)), temp_dir_(std::move(temp_dir)) {
  if (shares_.union_sort != 0) union_ = std::make_unique<serialize::QuadSort>(true, shares_.union_sort, temp_dir_);
  if (shares_.graph_sort != 0) graphs_ = std::make_unique<serialize::QuadSort>(false, shares_.graph_sort, temp_dir_);
}

Status FolderOutputs::prefix(std::string_view name, std::string_view ns) {
  if (union_) NKG_TRY(union_->prefix(name, ns));
  if (graphs_) NKG_TRY(graphs_->prefix(name, ns));
  return Status::success();
}

Status FolderOutputs::add(const std::vector<Quad>& graph) {
  for (const Quad& q : graph) {
    if (union_) NKG_TRY(union_->quad(q));
    if (graphs_) NKG_TRY(graphs_->quad(q));
  }
  return Status::success();
}

std::size_t FolderOutputs::runs_spilled() const {
  return (union_ ? union_->runs_spilled() : 0) + (graphs_ ? graphs_->runs_spilled() : 0);
}

Status FolderOutputs::write(const std::string& output_dir, const std::string& base,
                            std::vector<std::string>& files_written) {
  const bool to_stdout = output_dir == "-";
  if (!to_stdout) {
    std::error_code ec;
    fs::create_directories(output_dir, ec);
    if (ec) return Status{StatusCode::io_error, "cannot create output folder: " + ec.message(), {output_dir}};
  }
  if (union_) NKG_TRY(union_->finish());
  if (graphs_) NKG_TRY(graphs_->finish());
  for (const OutputFormatInfo& info : output_formats()) {
    if (formats_.count(info.format) == 0) continue;
    const std::string path = to_stdout ? std::string("-") : (fs::path(output_dir) / info.file_name).string();
    NKG_TRY(write_one(info, path, base));
    files_written.push_back(path);
  }
  return Status::success();
}

/// One output file: a sort replayed through the format's writer, atomically.
Status FolderOutputs::write_one(const OutputFormatInfo& info, const std::string& path, const std::string& base) {
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
      // Grouped (one node in memory at a time) unless a blank node's "_:" @id would sort
      // elsewhere than its subject does; then the writer holds the graph, as it always did.
      const auto writer = serialize::make_jsonld_writer(context.value(), std::string(context_iri), out,
                                                        !union_->has_blank_subject());
      NKG_TRY(union_->replay(*writer));
      break;
    }
    case OutputFormat::dot: {
      const auto writer = serialize::make_dot_writer(out);
      NKG_TRY(union_->replay(*writer));
      break;
    }
    case OutputFormat::void_: {
      // The description is small: the sorting buffer orders it in memory.
      const auto writer = serialize::make_syntax_writer(serialize::Syntax::turtle, out);
      const auto sorter = serialize::make_sorting_buffer(*writer, true);
      const auto counter = serialize::make_sorted_void_counter(*sorter, base, shares_.objects, temp_dir_);
      NKG_TRY(union_->replay(*counter));
      break;
    }
    default: {
      static const std::map<OutputFormat, serialize::Syntax> syntaxes{
          {OutputFormat::turtle, serialize::Syntax::turtle},
          {OutputFormat::trig, serialize::Syntax::trig},
          {OutputFormat::nquads, serialize::Syntax::nquads},
          {OutputFormat::ntriples, serialize::Syntax::ntriples},
      };
      const auto writer = serialize::make_syntax_writer(syntaxes.at(info.format), out);
      NKG_TRY((is_graph_format(info.format) ? graphs_ : union_)->replay(*writer));
    }
  }
  return out.commit();
}

}  // namespace nkg
