// serialize/: QuadSink consumers. Serd/Sord and nlohmann types never leave this folder.
//
// Input: prefixes and quads through QuadSink. Output: bytes in a ByteSink (a file written
// atomically, or a string). Guarantees: output bytes depend only on the quads and prefixes
// received (and for the sorting buffer, not even on their order). Not thread-safe; use one
// writer per thread.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/quad_sink.hpp"
#include "core/status.hpp"

namespace nkg::serialize {

enum class Syntax : std::uint8_t { turtle, trig, ntriples, nquads };

/// A destination for bytes that remembers the first failure (short write, full disk).
class ByteSink {
 public:
  ByteSink() = default;
  ByteSink(const ByteSink&) = delete;
  ByteSink& operator=(const ByteSink&) = delete;
  virtual ~ByteSink() = default;
  virtual Status write(std::string_view bytes) = 0;
};

/// Collects bytes in memory.
class StringByteSink final : public ByteSink {
 public:
  Status write(std::string_view bytes) override;
  [[nodiscard]] const std::string& str() const { return data_; }
  /// The bytes, leaving the sink empty.
  [[nodiscard]] std::string take() { return std::exchange(data_, std::string()); }

 private:
  std::string data_;
};

/// A file that appears under its final name only when complete: bytes go to a temporary
/// file beside it, and commit() flushes, fsyncs, closes and renames it. Destroying an
/// uncommitted AtomicFile removes the temporary file. Path "-" writes to stdout directly.
class AtomicFile final : public ByteSink {
 public:
  static Result<std::unique_ptr<AtomicFile>> create(const std::string& path);
  ~AtomicFile() override;
  Status write(std::string_view bytes) override;
  Status commit();

 private:
  AtomicFile() = default;
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool is_stdout_ = false;
  Status first_error_;
};

/// Deletes the temporary files of AtomicFiles not yet committed. Async-signal-safe: for a
/// SIGINT/SIGTERM handler, so that an interrupted run leaves no temporary file behind.
void remove_pending_temp_files() noexcept;

/// Writes quads in the given syntax in the order received. Turtle and TriG group consecutive
/// quads with the same graph/subject/predicate. IRIs under a declared prefix are written as
/// prefixed names only when the local part needs no backslash escape; otherwise in full.
/// For Turtle and N-Triples the graph of each quad is ignored. Validates terms (IRIs without
/// forbidden characters, literals of Unicode scalar values) and reports them as bad_data.
[[nodiscard]] std::unique_ptr<QuadSink> make_syntax_writer(Syntax syntax, ByteSink& out);

/// N-Quads (`Syntax::nquads`) or N-Triples (`Syntax::ntriples`) of a stream of quads in the order
/// received, each distinct quad once: a quad equal to one written before is dropped. The bytes
/// are those make_syntax_writer writes for the same distinct quads; they are kept in memory (to
/// compare lines) and handed to `out` at finish(). For one document's graph at a time.
[[nodiscard]] std::unique_ptr<QuadSink> make_unique_line_writer(Syntax syntax, ByteSink& out);

/// A parsed JSON-LD 1.1 context (the `@context` object of ontology/context.jsonld).
class JsonLdContext {
 public:
  static Result<JsonLdContext> parse(std::string_view json_text);

  struct TermDef {
    std::string name;
    std::string iri;
    std::string type;      // "@id", a datatype IRI, or empty
    std::string language;  // a language tag, or empty
  };
  /// Prefix name -> namespace IRI (terms whose value ends in '/' or '#').
  std::map<std::string, std::string> prefixes;
  /// Every non-prefix term definition, in name order.
  std::vector<TermDef> terms;
};

/// Buffers quads, then at finish() writes one JSON-LD 1.1 document, compacted with `context`:
/// {"@context": context_ref, "@graph": [node objects sorted by @id]}. Graph names are ignored
/// (the union graph, as in graph.ttl). Typed literals that the context does not coerce are
/// written as {"@value": ..., "@type": ...} strings, never JSON numbers. Keys are sorted.
/// With `is_grouped` the caller promises the quads grouped by subject, subjects in @id order
/// with no blank node (a QuadSort with drop_graphs and !has_blank_subject(), replayed): each node
/// is written when the next begins, so memory holds one node, not the graph. Same bytes.
[[nodiscard]] std::unique_ptr<QuadSink> make_jsonld_writer(const JsonLdContext& context,
                                                          std::string context_ref, ByteSink& out,
                                                          bool is_grouped = false);

/// Collects quads, removes duplicates and at finish() replays them sorted into `target`:
/// by graph, subject, then rdf:type before other predicates, then predicate and object.
/// With `drop_graphs` every quad goes to the default graph first (the union graph).
[[nodiscard]] std::unique_ptr<QuadSink> make_sorting_buffer(QuadSink& target, bool drop_graphs);

/// The sorting buffer for graphs larger than memory (issue 16): the same order, each distinct
/// quad once, but held as sort keys (serialize/external_sort.hpp) within `memory_bytes`, the
/// rest in sorted runs in unlinked temporary files under `temp_dir`, merged when replayed.
/// Unlike the sorting buffer it does not forward anything at finish(): replay() does, as often
/// as asked (one sort for several output files).
class QuadSort final : public QuadSink {
 public:
  QuadSort(bool drop_graphs, std::size_t memory_bytes, std::string temp_dir);
  ~QuadSort() override;
  Status prefix(std::string_view name, std::string_view ns) override;
  Status quad(const Quad& q) override;
  /// No more quads. Replays are allowed before, too.
  Status finish() override { return Status::success(); }
  /// The prefixes, then each distinct quad in order, then target.finish().
  [[nodiscard]] Status replay(QuadSink& target);
  /// Sorted runs written to disk (0: it all fitted in memory).
  [[nodiscard]] std::size_t runs_spilled() const;
  /// Whether any subject is a blank node (make_jsonld_writer's grouped mode needs none).
  [[nodiscard]] bool has_blank_subject() const { return has_blank_subject_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool has_blank_subject_ = false;
};

/// Document graphs kept for a second read (the corpus pass reads every graph before it can
/// rewrite the first): in memory up to `memory_bytes`, beyond that in an unlinked temporary file
/// under `temp_dir`. Each graph is stored as the quad keys of QuadSort, front-coded.
class GraphSpool {
 public:
  GraphSpool(std::size_t memory_bytes, std::string temp_dir);
  GraphSpool(const GraphSpool&) = delete;
  GraphSpool& operator=(const GraphSpool&) = delete;
  ~GraphSpool();
  [[nodiscard]] Status add(const std::vector<Quad>& graph);
  /// The graphs in the order added, in batches of `batch_quads` quads or more (the last may hold
  /// fewer; a batch ends with a graph, so a big graph makes a big batch).
  [[nodiscard]] Status read(std::size_t batch_quads,
                            const std::function<Status(std::vector<std::vector<Quad>>&)>& visit) const;
  [[nodiscard]] bool has_spilled() const { return fd_ >= 0; }

 private:
  std::size_t memory_bytes_;
  std::string temp_dir_;
  std::string path_;
  int fd_ = -1;
  std::uint64_t file_bytes_ = 0;
  std::string memory_;  // graphs not (yet) in the file: [u64 size][varint shared, varint rest, rest]...
};

/// Forwards everything to each of `targets` in turn; stops at the first failure.
[[nodiscard]] std::unique_ptr<QuadSink> make_tee(std::vector<QuadSink*> targets);

/// Counts the union graph (triples, distinct subjects/objects, entities per class, properties,
/// documents) and at finish() emits a VoID + DCAT description of it into `target`, as the
/// dataset node `base + "dataset/newskg"` (no blank nodes; partitions are IRIs under it).
[[nodiscard]] std::unique_ptr<QuadSink> make_void_counter(QuadSink& target, std::string base);
/// The same description from quads that come in union order without duplicates (a QuadSort
/// with drop_graphs, replayed), in flat memory: distinct objects are counted by an external
/// sort within `memory_bytes` (spilling under `temp_dir`); only classes, properties and the
/// document IRIs are kept. make_void_counter is this behind a sorting buffer.
[[nodiscard]] std::unique_ptr<QuadSink> make_sorted_void_counter(QuadSink& target, std::string base,
                                                                 std::size_t memory_bytes, std::string temp_dir);

/// Reads an RDF file by its extension (.nq, .nt, .ttl, .trig; "-" is N-Quads on stdin) with Serd's strict reader: prefixed
/// names expanded, relative IRIs resolved against the file, graphs kept (TriG, N-Quads).
/// Errors carry the file and the line and column Serd reports.
[[nodiscard]] Result<std::vector<Quad>> read_rdf_file(const std::string& path);
/// The same, streamed: each quad to `sink` as it is read (constant memory), then finish().
[[nodiscard]] Status read_rdf_file(const std::string& path, QuadSink& sink);

/// Reads RDF text in `syntax` (for embedded data such as ontology/shapes.ttl); `name` is the
/// path that errors report, `base_iri` resolves relative IRIs.
[[nodiscard]] Result<std::vector<Quad>> read_rdf_text(std::string_view text, Syntax syntax, const std::string& name,
                                                      const std::string& base_iri);

/// What the picture of the graph shows. Entities taking part in the events shown or holding
/// (or being the seat of) a position are always drawn; `top_entities` more are added by number
/// of NIF mentions; `max_events` events at most, the most reported first (ties: by IRI).
struct DotOptions {
  std::size_t top_entities = 10;
  std::size_t max_events = 40;
  std::size_t max_label_chars = 40;  // longer labels are cut, with an ellipsis (code points)
};

/// Buffers quads, then at finish() writes one Graphviz DOT digraph of the union graph: entities
/// (nkg:State, Person, Organization, Place) as ellipses coloured by class with a legend, events
/// as boxes labelled with class and date, linked to their agent, target, envoy and place by
/// labelled edges; positions as edges from the holder to the state or body, labelled with the
/// title; nkg:memberOf between drawn nodes as dotted edges. No NIF mention node, no document
/// text. Labels come from rdfs:label and are escaped for DOT. Bytes depend only on the set of
/// triples received, each received once (behind a sorting buffer or a QuadSort replayed); it keeps
/// a record per entity, event and position, not per mention.
[[nodiscard]] std::unique_ptr<QuadSink> make_dot_writer(ByteSink& out, DotOptions options = {});

}  // namespace nkg::serialize
