// export: the whole run behind `newskg export` — inputs in, the output files of DESIGN §3 out.
#pragma once

#include <cstdint>
#include <map>
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

/// Told of each document as the run finishes it (in input order), e.g. for a progress bar.
class ProgressObserver {
 public:
  ProgressObserver() = default;
  ProgressObserver(const ProgressObserver&) = delete;
  ProgressObserver& operator=(const ProgressObserver&) = delete;
  virtual ~ProgressObserver() = default;
  /// `documents` done so far (read or skipped), `bytes` of input consumed so far.
  virtual void on_progress(std::size_t documents, std::uint64_t bytes) = 0;
};

/// --memory by default: the sorts of the final graph held in memory before they spill to disk.
inline constexpr std::size_t default_memory_bytes = std::size_t{256} << 20U;
/// "256M", "2G", "64K", "1048576" (K, M, G are powers of 1024; a trailing "B" or "iB" is allowed).
[[nodiscard]] Result<std::size_t> parse_byte_size(std::string_view text);

struct ExportOptions {
  std::vector<std::string> inputs;        // files and folders of articles; "-" = stdin
  std::vector<std::string> jsonl_inputs;  // JSON Lines files, one article per line; "-" = stdin
  std::string output_dir = "output";      // "-" = one format to standard output
  std::set<OutputFormat> formats;
  bool is_strict = false;                 // any bad document stops the run
  unsigned jobs = 0;                      // worker threads; 0 = every core
  /// A document with more mentions is skipped (a list of names, a table, a word salad): its graph
  /// would be all NIF nodes. Recognition is linear, so the limit bounds memory and output.
  std::size_t max_mentions_per_document = 100'000;
  /// Documents that would take the run past this many distinct entities are skipped: the corpus
  /// pass keeps a record per person, so this bounds its memory.
  std::size_t max_entities = 10'000'000;
  /// Files: the graph held in memory for sorting (pipeline/outputs.hpp); beyond it, sorted runs
  /// go to temporary files. The output bytes do not depend on it.
  std::size_t memory_bytes = default_memory_bytes;
  ProgressObserver* progress = nullptr;
};

/// Where the time went, summed over threads (seconds of wall time per stage and thread).
struct StageSeconds {
  double ingest = 0;   // reading, UTF-8 checks, NFC, JSON
  double analyze = 0;  // segmentation, recognition, events, in-document resolution
  AnalyzeSeconds analyze_steps;  // the same time by step
  double emit = 0;     // quads of each document
  double corpus = 0;   // the corpus pass (merge/)
  double write = 0;    // serialization
};

struct ExportReport {
  std::size_t documents_read = 0;
  std::size_t documents_skipped = 0;
  std::size_t quads = 0;
  std::uint64_t bytes_in = 0;
  std::vector<std::string> files_written;
  bool is_streamed = false;  // N-Quads went to stdout as documents finished (shard form)
  StageSeconds seconds;
  /// Files: sorted runs the output sorts wrote to disk, and whether the document graphs waiting
  /// for the corpus pass went to disk too (both 0/false when the graph fitted in --memory).
  std::size_t sort_runs = 0;
  bool is_spooled = false;
  /// Entities and events by class (local name: "Person", "Summons", ...), of the final graph.
  std::map<std::string, std::size_t> nodes_by_class;
};

/// Reads every input, runs the pipeline on `options.jobs` threads and writes each requested file
/// atomically. With `-o -` and N-Quads alone, each document's graph is streamed to stdout as it
/// finishes, in input order and in shard form (before the corpus pass, which `run_merge` does);
/// otherwise the corpus pass runs and the files are written at the end. Bad documents are
/// reported to `diagnostics` and skipped (or stop the run with is_strict). The output bytes
/// depend only on the input, not on `jobs`. Fails with bad_input when no document could be
/// used, io_error when an output failed.
[[nodiscard]] Result<ExportReport> run_export(const Pipeline& pipeline, const ExportOptions& options,
                                              DiagnosticSink& diagnostics);

struct MergeOptions {
  std::vector<std::string> inputs;  // N-Quads shards written by `export -o - --format nquads`
  std::string output_dir = "output";
  std::set<OutputFormat> formats;
  unsigned jobs = 0;
  std::size_t memory_bytes = default_memory_bytes;  // as ExportOptions::memory_bytes
};

/// The corpus pass over shard files: reads them twice (what the corpus decides, then each
/// document graph rewritten) and writes the outputs as `run_export` over all the documents
/// would. A document graph found in two shards is reported and its second copy skipped.
[[nodiscard]] Result<ExportReport> run_merge(const Pipeline& pipeline, const MergeOptions& options,
                                             DiagnosticSink& diagnostics);

}  // namespace nkg
