// The output files of a run in flat memory (issue 16): the final document graphs go into the
// one or two sorts the requested formats need, and each file is written from a sort, replayed.
//
// Why sorts of keys and not of interned term ids (16 bytes a quad): the graph's terms are mostly
// its own. On 2 MB of bench/make_corpus.py text, 69,639 distinct terms of 5.4 MB, 87 % of them
// (93 % of the bytes: mention IRIs, anchors, sentences, document texts) in one document graph
// only: a term table grows by some 2.7 MB of strings per MB of text, plus its hash table, and
// would need a spill of its own. A quad is instead one key (serialize/external_sort.hpp) whose
// byte order is the sorting buffer's order; runs on disk are front-coded (sorted keys share
// their graph and subject), and nothing but the keys of the current run grows with the input.
//
// Memory: `memory_bytes` (--memory) is split between the spool of shard-form graphs (a quarter)
// and the sorts (the rest: halved when both the union and the per-graph sort are needed); the
// VoID counter's sort of distinct objects takes the spool's quarter when it runs, after the
// spool is gone. Not counted: the pipeline itself (lexicons, documents in flight, the corpus
// pass's records per person and event report), the DOT writer's record per entity and event,
// and the entity/event classes of the summary.
//
// Temporary files: under `temp_dir`, each unlinked as soon as it is created (never visible,
// never left behind, even on SIGKILL). Not thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/quad_sink.hpp"
#include "pipeline/export.hpp"
#include "serialize/serialize.hpp"

namespace nkg {

/// Where a run's temporary files go: $TMPDIR when set; otherwise the output folder if it exists,
/// or the nearest folder above it that does (the output's own file system, and never /tmp,
/// which may be memory); for `-o -`, /tmp.
[[nodiscard]] std::string temp_dir_for(const std::string& output_dir);

/// How the budget is shared (see the header comment).
struct MemoryShares {
  std::size_t spool;
  std::size_t union_sort;
  std::size_t graph_sort;
  std::size_t objects;
};
[[nodiscard]] MemoryShares share_memory(std::size_t memory_bytes, const std::set<OutputFormat>& formats);

class FolderOutputs {
 public:
  FolderOutputs(const std::set<OutputFormat>& formats, std::size_t memory_bytes, std::string temp_dir);
  FolderOutputs(const FolderOutputs&) = delete;
  FolderOutputs& operator=(const FolderOutputs&) = delete;

  [[nodiscard]] Status prefix(std::string_view name, std::string_view ns);
  /// One final document graph.
  [[nodiscard]] Status add(const std::vector<Quad>& graph);
  /// Every requested format, in output_formats() order, each file atomically (to stdout for "-").
  [[nodiscard]] Status write(const std::string& output_dir, const std::string& base,
                             std::vector<std::string>& files_written);
  /// Runs the sorts spilled to disk (for tests and -v).
  [[nodiscard]] std::size_t runs_spilled() const;

 private:
  Status write_one(const OutputFormatInfo& info, const std::string& path, const std::string& base);

  std::set<OutputFormat> formats_;
  MemoryShares shares_;
  std::string temp_dir_;
  std::unique_ptr<serialize::QuadSort> union_;   // Turtle, N-Triples, JSON-LD, VoID, DOT
  std::unique_ptr<serialize::QuadSort> graphs_;  // TriG, N-Quads
};

}  // namespace nkg
