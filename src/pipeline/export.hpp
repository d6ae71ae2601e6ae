// export: the whole run behind `newskg export` — inputs in, the output files of DESIGN §3 out.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "newskg.hpp"

namespace nkg {

enum class OutputFormat : std::uint8_t { turtle, trig, nquads, ntriples, jsonld, void_, ontology, context, dot };

struct OutputFormatInfo {
  OutputFormat format;
  std::string_view name;       // as given to --format
  std::string_view file_name;  // in the output folder
};

/// Every format, in the order files are written.
[[nodiscard]] const std::vector<OutputFormatInfo>& output_formats();
/// Parses "turtle,jsonld" (also "all"); an unknown name is a bad_option Status that suggests
/// the closest known one.
[[nodiscard]] Result<std::set<OutputFormat>> parse_formats(std::string_view list);

/// The published context IRI that graph.jsonld refers to (ontology/context.jsonld).
inline constexpr std::string_view context_iri = "https://w3id.org/newskg/context.jsonld";

struct ExportOptions {
  std::vector<std::string> inputs;
  std::string output_dir = "output";
  std::set<OutputFormat> formats;
  bool is_strict = false;  // any bad document stops the run
};

struct ExportReport {
  std::size_t documents_read = 0;
  std::size_t documents_skipped = 0;
  std::size_t quads = 0;
  std::vector<std::string> files_written;
};

/// Reads every input, runs the pipeline and writes each requested file atomically. Bad
/// documents are reported to `diagnostics` and skipped (or stop the run with is_strict).
/// Fails with bad_input when no document could be used, io_error when an output failed.
[[nodiscard]] Result<ExportReport> run_export(const Pipeline& pipeline, const ExportOptions& options,
                                              DiagnosticSink& diagnostics);

}  // namespace nkg
