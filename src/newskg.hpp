// newskg: news articles -> knowledge graph. The public entry point of the library.
//
//   auto pipeline = nkg::Pipeline::create({});
//   auto quads = pipeline.value().run("my-article", "Germany summoned ...");
//
// Stages (each in its own folder): ingest -> text -> recognize -> resolve -> graph -> serialize.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "core/quad_sink.hpp"
#include "core/status.hpp"
#include "core/term.hpp"
#include "core/version.hpp"

namespace nkg {

inline constexpr std::string_view version = newskg_version;

struct PipelineOptions {
  std::string base = "https://w3id.org/newskg/id/";
  std::uint64_t max_document_bytes = std::uint64_t{64} << 20U;
  /// JSON text of a user catalogue of known entities (see docs/catalog.md); empty for none.
  std::string catalog_json;
  std::string catalog_name = "catalog";  // for messages
};


/// What needs the whole corpus, done over document graphs in shard form: one IRI and label per
/// person across spellings and articles, owners of posts stated without one, one date and one
/// confidence per event reported by several articles. add() every document graph, decide(),
/// then rewrite() each. The result depends on the set of graphs, not their order; rewrite() is
/// const and thread-safe.
class CorpusPass {
 public:
  CorpusPass(CorpusPass&&) noexcept;
  CorpusPass& operator=(CorpusPass&&) noexcept;
  ~CorpusPass();
  /// All the quads of one document's named graph.
  void add(const std::vector<Quad>& graph_quads);
  void decide();
  /// One document graph as the corpus decides it: sorted, without duplicates.
  [[nodiscard]] std::vector<Quad> rewrite(const std::vector<Quad>& graph_quads) const;
  /// Document graphs added so far.
  [[nodiscard]] std::size_t documents() const;

 private:
  friend class Pipeline;
  struct Impl;
  explicit CorpusPass(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Where analyze() spent its time (seconds, added to by each call that is given one).
struct AnalyzeSeconds {
  double segment = 0;    // ICU sentences and words
  double recognize = 0;  // lexicon matching: states, organizations, places, people, posts
  double events = 0;     // dates, the syntax of the sentences that hold a trigger, events
  double resolve = 0;    // descriptions, people and event keys within the document
};

/// The whole pipeline, built once (lexicons, ICU iterators) and then used through const calls
/// from any number of threads.
class Pipeline {
 public:
  static Result<Pipeline> create(const PipelineOptions& options);
  Pipeline(Pipeline&&) noexcept;
  Pipeline& operator=(Pipeline&&) noexcept;
  ~Pipeline();

  /// Reads a file ("-" = stdin) into a Document.
  [[nodiscard]] Result<Document> read(const std::string& path) const;
  /// Makes a Document of text given in memory.
  [[nodiscard]] Result<Document> make_document(std::string id, std::string_view text) const;
  /// Finds the mentions, posts and events of a document, resolved within the document
  /// (a surname to the full name it gives, descriptions to office holders, event keys).
  [[nodiscard]] Analysis analyze(Document document) const;
  /// The same, adding the time of each step to `seconds` (one per thread).
  [[nodiscard]] Analysis analyze(Document document, AnalyzeSeconds* seconds) const;
  /// The prefixes every output declares.
  [[nodiscard]] Status emit_prefixes(QuadSink& sink) const;
  /// The quads one document supports, in its named graph, as the document alone decides them
  /// ("shard form": the same in every run and every shard). CorpusPass finishes them.
  [[nodiscard]] Status emit(const Analysis& analysis, QuadSink& sink) const;
  /// A corpus pass for document graphs in shard form (see CorpusPass).
  [[nodiscard]] CorpusPass corpus_pass() const;

  /// A JSON Lines record ({"id", "text", "url", "title", "date"}) as a Document; `line_number`
  /// (1-based) is for messages.
  [[nodiscard]] Result<Document> read_json_line(std::string_view line, const std::string& source_path,
                                                std::uint64_t line_number) const;
  /// The longest document accepted, in bytes (PipelineOptions::max_document_bytes).
  [[nodiscard]] std::uint64_t max_document_bytes() const;

  /// The base IRI everything is minted under.
  [[nodiscard]] const std::string& base() const;

  /// Convenience: text in, sorted quads out.
  [[nodiscard]] Result<std::vector<Quad>> run(std::string id, std::string_view text) const;

 private:
  struct Impl;
  explicit Pipeline(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace nkg
