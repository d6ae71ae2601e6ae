#include "pipeline/export.hpp"

#include <algorithm>
#include <filesystem>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <array>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_pipeline.h>
#include <oneapi/tbb/task_arena.h>

#include "core/embedded.hpp"
#include "ingest/ingest.hpp"
#include "core/vocab.hpp"
#include "pipeline/outputs.hpp"
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


/// The quads in order, each once. Sorting pointers and moving each quad once is several times
/// cheaper than sorting the quads themselves (a quad is twelve strings).
std::vector<Quad> sorted_unique(std::vector<Quad>&& quads) {
  std::vector<Quad*> order;
  order.reserve(quads.size());
  for (Quad& q : quads) order.push_back(&q);
  std::sort(order.begin(), order.end(), [](const Quad* a, const Quad* b) { return *a < *b; });
  std::vector<Quad> out;
  out.reserve(order.size());
  for (Quad* q : order) {
    if (out.empty() || out.back() != *q) out.push_back(std::move(*q));
  }
  return out;
}

unsigned thread_count(unsigned jobs) {
  if (jobs != 0) return jobs;
  const unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Adds seconds from many threads.
class StageClock {
 public:
  void add(double seconds) { nanos_.fetch_add(static_cast<std::uint64_t>(seconds * 1e9), std::memory_order_relaxed); }
  [[nodiscard]] double seconds() const { return static_cast<double>(nanos_.load()) / 1e9; }

 private:
  std::atomic<std::uint64_t> nanos_{0};
};

/// nkg:Person, nkg:State, nkg:Organization, nkg:Place.
bool is_entity_class(const std::string& iri) {
  static const std::array<std::string, 4> classes{std::string(vocab::nkg) + "Person", std::string(vocab::nkg) + "State",
                                                  std::string(vocab::nkg) + "Organization",
                                                  std::string(vocab::nkg) + "Place"};
  return std::find(classes.begin(), classes.end(), iri) != classes.end();
}

/// The hash of the entity a quad types, for --max-entities.
void note_entity(const Quad& q, std::vector<std::uint64_t>& entities) {
  if (q.predicate.value == vocab::rdf_type && is_entity_class(q.object.value)) {
    entities.push_back(std::hash<std::string>{}(q.subject.value));
  }
}

/// Passes quads on to a writer, noting the entities they type.
class EntityNoter final : public QuadSink {
 public:
  EntityNoter(QuadSink& to, std::vector<std::uint64_t>& entities) : to_(to), entities_(entities) {}
  Status prefix(std::string_view name, std::string_view ns) override { return to_.prefix(name, ns); }
  Status quad(const Quad& q) override {
    note_entity(q, entities_);
    return to_.quad(q);
  }
  Status finish() override { return to_.finish(); }

 private:
  QuadSink& to_;
  std::vector<std::uint64_t>& entities_;
};

/// Counts entities and events by class in the final graph, for the summary.
class ClassCounter {
 public:
  explicit ClassCounter(std::map<std::string, std::size_t>& out) : out_(out) {}
  void add(const std::vector<Quad>& graph) {
    static const std::string nkg_ns(vocab::nkg);
    for (const Quad& q : graph) {
      if (q.predicate.value != vocab::rdf_type || q.object.value.compare(0, nkg_ns.size(), nkg_ns) != 0) continue;
      const std::string cls = q.object.value.substr(nkg_ns.size());
      if (cls == "Document" || cls == "Position") continue;
      if (seen_.emplace(cls, q.subject.value).second) ++out_[cls];
    }
  }

 private:
  std::map<std::string, std::size_t>& out_;
  std::set<std::pair<std::string, std::string>> seen_;  // (class, node)
};

/// Document graphs are rewritten by the corpus pass in batches (in parallel), then handed on
/// in order: 50,000 quads at a time (a hundred documents or so), which with their rewritten
/// copies is some 60 MB, all the memory a batch costs.
constexpr std::size_t k_batch_quads = 50'000;

/// The end of a run: the document graphs, in order, rewritten as the decided corpus pass says,
/// counted for the report and sorted for the outputs; then every output written.
class RunEnd {
 public:
  RunEnd(const Pipeline& pipeline, const CorpusPass& pass, const std::set<OutputFormat>& formats,
         std::size_t memory_bytes, const std::string& temp_dir, tbb::task_arena& arena, ExportReport& report)
      : pipeline_(pipeline), pass_(pass), arena_(arena), report_(report), classes_(report.nodes_by_class),
        outputs_(formats, memory_bytes, temp_dir) {
    report_.quads = 0;
  }

  [[nodiscard]] Status start() {
    CollectingQuadSink prefixes;
    NKG_TRY(pipeline_.emit_prefixes(prefixes));
    for (const auto& [name, ns] : prefixes.prefixes) NKG_TRY(outputs_.prefix(name, ns));
    return Status::success();
  }

  /// Rewrites `batch` in parallel, then hands each graph on in order; leaves `batch` empty.
  [[nodiscard]] Status add(std::vector<std::vector<Quad>>& batch) {
    arena_.execute([&] {
      tbb::parallel_for(std::size_t{0}, batch.size(), [&](std::size_t i) { batch[i] = pass_.rewrite(batch[i]); });
    });
    for (const auto& g : batch) {
      report_.quads += g.size();
      classes_.add(g);
      NKG_TRY(outputs_.add(g));
    }
    batch.clear();
    return Status::success();
  }

  [[nodiscard]] Status write(const std::string& output_dir) {
    const auto t0 = std::chrono::steady_clock::now();
    NKG_TRY(outputs_.write(output_dir, pipeline_.base(), report_.files_written));
    report_.sort_runs = outputs_.runs_spilled();
    report_.seconds.write = seconds_since(t0);
    return Status::success();
  }

 private:
  const Pipeline& pipeline_;
  const CorpusPass& pass_;
  tbb::task_arena& arena_;
  ExportReport& report_;
  ClassCounter classes_;
  FolderOutputs outputs_;
};

/// One unit of work: a document to read (a file, or one JSON line), and what became of it.
struct Work {
  // Input, set by the reading stage.
  std::string path;
  std::uint64_t line = 0;  // JSON Lines: the record's line; 0 for a file
  std::string json;        // JSON Lines: the record
  std::optional<Status> read_error;
  std::uint64_t bytes = 0;
  // Output, set by the processing stage.
  std::optional<Status> error;
  std::string id;
  std::vector<Quad> quads;
  std::string nquads;  // streaming: the document's graph already written as N-Quads
  std::vector<std::uint64_t> entities;  // hashes of the entity IRIs it types, sorted, once each
  std::size_t quad_count = 0;

  /// Where messages about this document point: the file, or the JSON Lines record's line.
  [[nodiscard]] Location where() const { return line != 0 ? Location{path, line, 1} : Location{path}; }
};

/// Yields files, then the lines of each JSON Lines input, in order.
class WorkSource {
 public:
  WorkSource(std::vector<std::string> files, std::vector<std::string> jsonl, std::uint64_t max_document_bytes)
      : files_(std::move(files)), jsonl_(std::move(jsonl)), max_document_bytes_(max_document_bytes) {}

  /// The next unit, or nullopt at the end.
  std::optional<Work> next() {
    if (next_file_ < files_.size()) {
      Work w;
      w.path = files_[next_file_++];
      return w;
    }
    while (next_jsonl_ < jsonl_.size() || reader_) {
      if (!reader_) {
        const std::string& path = jsonl_[next_jsonl_++];
        // A record may hold its text's limit plus the JSON around it.
        auto opened = ingest::LineReader::open(path, max_document_bytes_ + 1024);
        if (!opened.ok()) {
          Work w;
          w.path = path;
          w.read_error = opened.status();
          return w;
        }
        reader_.emplace(std::move(opened).value());
      }
      Work w;
      w.path = reader_->path();
      switch (reader_->next(w.json)) {
        case ingest::LineReader::Outcome::end: reader_.reset(); continue;
        case ingest::LineReader::Outcome::error:
          w.read_error = Status{StatusCode::bad_input, "read error", {w.path, reader_->line_number() + 1, 1}};
          reader_.reset();
          return w;
        case ingest::LineReader::Outcome::too_long:
          w.line = reader_->line_number();
          w.read_error = Status{StatusCode::bad_input,
                                "record is longer than " + std::to_string(max_document_bytes_) + " bytes (--max-document-bytes)",
                                {w.path, w.line, 1}};
          return w;
        case ingest::LineReader::Outcome::line: {
          w.line = reader_->line_number();
          w.bytes = w.json.size() + 1;  // the record and its line end
          const bool blank = w.json.find_first_not_of(" \t\r") == std::string::npos;
          if (blank) continue;  // blank lines separate nothing in JSON Lines: allowed, ignored
          return w;
        }
      }
    }
    return std::nullopt;
  }

 private:
  std::vector<std::string> files_;
  std::vector<std::string> jsonl_;
  std::uint64_t max_document_bytes_;
  std::size_t next_file_ = 0;
  std::size_t next_jsonl_ = 0;
  std::optional<ingest::LineReader> reader_;
};

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

Result<std::size_t> parse_byte_size(std::string_view text) {
  const auto bad = [&] {
    return Status{StatusCode::bad_option,
                  "'" + std::string(text) + "' is not a size (a number of bytes, or with K, M or G: 256M, 2G)"};
  };
  std::size_t i = 0;
  std::uint64_t n = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (n > (UINT64_MAX - 9) / 10) return bad();
    n = n * 10 + static_cast<std::uint64_t>(text[i] - '0');
  }
  if (i == 0) return bad();
  std::string unit;
  for (; i < text.size(); ++i) unit += static_cast<char>(text[i] >= 'a' && text[i] <= 'z' ? text[i] - 'a' + 'A' : text[i]);
  static const std::map<std::string, unsigned> shifts{{"", 0},    {"B", 0},    {"K", 10},   {"KB", 10}, {"KIB", 10},
                                                      {"M", 20},  {"MB", 20},  {"MIB", 20}, {"G", 30},  {"GB", 30},
                                                      {"GIB", 30}};
  const auto shift = shifts.find(unit);
  if (shift == shifts.end() || n > (UINT64_MAX >> shift->second)) return bad();
  const std::uint64_t bytes = n << shift->second;
  if (bytes == 0) return Status{StatusCode::bad_option, "--memory must be more than 0 bytes"};
  return static_cast<std::size_t>(bytes);
}

Result<ExportReport> run_export(const Pipeline& pipeline, const ExportOptions& options, DiagnosticSink& diagnostics) {
  ExportReport report;
  const std::vector<std::string> files = ingest::list_inputs(options.inputs, diagnostics);
  if (files.size() < options.inputs.size() && options.is_strict) {
    return Status{StatusCode::bad_input, "an input does not exist (--strict)"};
  }
  const bool to_stdout = options.output_dir == "-";
  if (to_stdout && options.formats.size() != 1) {
    return Status{StatusCode::bad_option, "-o - writes one format to standard output: choose it with --format"};
  }
  report.is_streamed = to_stdout && options.formats.count(OutputFormat::nquads) != 0;

  // Files: each document graph is taken in by the corpus pass and spooled (in shard form) for
  // its second read, when the pass has decided.
  CorpusPass pass = pipeline.corpus_pass();
  const std::string temp_dir = temp_dir_for(options.output_dir);
  auto spool = std::make_unique<serialize::GraphSpool>(share_memory(options.memory_bytes, options.formats).spool,
                                                       temp_dir);
  StageClock corpus_clock;
  // Streaming: each worker writes its document's N-Quads into memory; the in-order stage only
  // copies the bytes to stdout (so writing is parallel too).
  std::unique_ptr<serialize::AtomicFile> stream_file;
  if (report.is_streamed) {
    auto file = serialize::AtomicFile::create("-");
    if (!file.ok()) return file.status();
    stream_file = std::move(file).value();
  }
  StageClock ingest_clock;
  StageClock analyze_clock;
  StageClock segment_clock;
  StageClock recognize_clock;
  StageClock events_clock;
  StageClock resolve_clock;
  StageClock emit_clock;
  StageClock write_clock;
  WorkSource source(files, options.jsonl_inputs, pipeline.max_document_bytes());
  // id -> where it was first read, compactly (a 1 GB run has 760,000 ids): the input's index
  // and the JSON Lines line (0 for a file).
  struct FirstRead {
    std::uint32_t input;
    std::uint64_t line;
  };
  std::unordered_map<std::string, FirstRead> seen_ids;
  std::vector<std::string> input_paths;
  std::unordered_map<std::string, std::uint32_t> input_index;
  const auto first_read_text = [&](const FirstRead& f) {
    return input_paths[f.input] + (f.line != 0 ? ":" + std::to_string(f.line) : std::string());
  };
  std::unordered_set<std::uint64_t> entities;             // hashes of the entity IRIs so far
  std::optional<Status> fatal;
  std::atomic<bool> stop{false};
  std::size_t done = 0;
  const unsigned threads = thread_count(options.jobs);
  // More threads than cores is allowed (--jobs is the user's call), without TBB's warning.
  const tbb::global_control allowed(tbb::global_control::max_allowed_parallelism, threads);
  tbb::task_arena arena(static_cast<int>(threads));

  auto read_stage = [&](tbb::flow_control& fc) -> std::shared_ptr<Work> {
    if (stop.load()) {
      fc.stop();
      return nullptr;
    }
    auto w = source.next();
    if (!w) {
      fc.stop();
      return nullptr;
    }
    return std::make_shared<Work>(std::move(*w));
  };
  auto process_stage = [&](std::shared_ptr<Work> w) -> std::shared_ptr<Work> {
    if (w->read_error) {
      w->error = w->read_error;
      return w;
    }
    auto t0 = std::chrono::steady_clock::now();
    auto doc = w->line != 0 ? pipeline.read_json_line(w->json, w->path, w->line) : pipeline.read(w->path);
    w->json.clear();
    w->json.shrink_to_fit();
    ingest_clock.add(seconds_since(t0));
    if (!doc.ok()) {
      w->error = doc.status();
      return w;
    }
    if (w->line == 0) w->bytes = doc.value().text.size();
    w->id = doc.value().id;
    t0 = std::chrono::steady_clock::now();
    AnalyzeSeconds steps;
    const Analysis analysis = pipeline.analyze(std::move(doc).value(), &steps);
    analyze_clock.add(seconds_since(t0));
    segment_clock.add(steps.segment);
    recognize_clock.add(steps.recognize);
    events_clock.add(steps.events);
    resolve_clock.add(steps.resolve);
    if (analysis.mentions.size() > options.max_mentions_per_document) {
      w->error = Status{StatusCode::bad_input,
                        std::to_string(analysis.mentions.size()) + " mentions, over the limit of " +
                            std::to_string(options.max_mentions_per_document) + " per document (--max-mentions)",
                        w->where()};
      return w;
    }
    t0 = std::chrono::steady_clock::now();
    if (report.is_streamed) {
      // Streamed: each quad becomes its N-Quads line as it is made; only the bytes travel on.
      serialize::StringByteSink bytes;
      const auto writer = serialize::make_unique_line_writer(serialize::Syntax::nquads, bytes);
      EntityNoter sink(*writer, w->entities);
      Status written = pipeline.emit(analysis, sink);
      if (written.ok()) written = writer->finish();
      if (!written.ok()) {
        w->error = written;
        return w;
      }
      w->nquads = bytes.take();
      w->quad_count = static_cast<std::size_t>(std::count(w->nquads.begin(), w->nquads.end(), '\n'));
    } else {
      CollectingQuadSink sink;
      sink.quads.reserve(64 + 16 * analysis.mentions.size());  // about what a document makes: no regrowing
      const Status st = pipeline.emit(analysis, sink);
      if (!st.ok()) {
        w->error = st;
        return w;
      }
      w->quads = sorted_unique(std::move(sink.quads));
      for (const Quad& q : w->quads) note_entity(q, w->entities);
    }
    std::sort(w->entities.begin(), w->entities.end());
    w->entities.erase(std::unique(w->entities.begin(), w->entities.end()), w->entities.end());
    emit_clock.add(seconds_since(t0));
    return w;
  };
  auto collect_stage = [&](std::shared_ptr<Work> w) {
    if (fatal) return;
    ++done;
    report.bytes_in += w->bytes;
    if (options.progress != nullptr) options.progress->on_progress(done, report.bytes_in);
    if (!w->error && seen_ids.count(w->id) != 0) {
      w->error = Status{StatusCode::bad_input,
                        "duplicate document id '" + w->id + "' (also " + first_read_text(seen_ids.at(w->id)) + ")",
                        w->where()};
    }
    if (!w->error) {
      // Entities new to the run: the document is taken only if they fit under --max-entities.
      std::vector<std::uint64_t> fresh;
      for (const std::uint64_t h : w->entities) {
        if (entities.count(h) == 0) fresh.push_back(h);
      }
      if (entities.size() + fresh.size() > options.max_entities) {
        w->error = Status{StatusCode::bad_input,
                          "the run would pass " + std::to_string(options.max_entities) +
                              " distinct entities (--max-entities)",
                          w->where()};
      } else {
        entities.insert(fresh.begin(), fresh.end());
      }
    }
    if (w->error) {
      const Status& st = *w->error;
      ++report.documents_skipped;
      if (options.is_strict) {
        fatal = st;
        stop.store(true);
        return;
      }
      diagnostics.report({Severity::error, st.where(), st.message() + "; document skipped"});
      return;
    }
    const auto [input, is_new_input] = input_index.emplace(w->path, static_cast<std::uint32_t>(input_paths.size()));
    if (is_new_input) input_paths.push_back(w->path);
    seen_ids.emplace(w->id, FirstRead{input->second, w->line});
    ++report.documents_read;
    report.quads += stream_file ? w->quad_count : w->quads.size();
    if (stream_file) {
      const auto t0 = std::chrono::steady_clock::now();
      const Status st = stream_file->write(w->nquads);
      write_clock.add(seconds_since(t0));
      if (!st.ok()) {
        fatal = st;
        stop.store(true);
      }
      return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    pass.add(w->quads);
    const Status st = spool->add(w->quads);
    corpus_clock.add(seconds_since(t0));
    if (!st.ok()) {
      fatal = st;
      stop.store(true);
    }
  };

  arena.execute([&] {
    tbb::parallel_pipeline(
        static_cast<std::size_t>(threads) * 4,
        tbb::make_filter<void, std::shared_ptr<Work>>(tbb::filter_mode::serial_in_order, read_stage) &
            tbb::make_filter<std::shared_ptr<Work>, std::shared_ptr<Work>>(tbb::filter_mode::parallel, process_stage) &
            tbb::make_filter<std::shared_ptr<Work>, void>(tbb::filter_mode::serial_in_order, collect_stage));
  });
  report.seconds.ingest = ingest_clock.seconds();
  report.seconds.analyze = analyze_clock.seconds();
  report.seconds.analyze_steps = {segment_clock.seconds(), recognize_clock.seconds(), events_clock.seconds(),
                                  resolve_clock.seconds()};
  report.seconds.emit = emit_clock.seconds();
  if (fatal) {
    if (options.is_strict && fatal->code() == StatusCode::bad_input) {
      diagnostics.report({Severity::error, fatal->where(), fatal->message()});
      return Status{StatusCode::bad_input, "a bad document stops the run (--strict)"};
    }
    return *fatal;
  }
  if (report.documents_read == 0) return Status{StatusCode::bad_input, "no usable input document"};
  if (stream_file) {
    const auto t0 = std::chrono::steady_clock::now();
    NKG_TRY(stream_file->commit());
    report.seconds.write = write_clock.seconds() + seconds_since(t0);
    report.files_written.emplace_back("-");
    return report;
  }

  const auto t0 = std::chrono::steady_clock::now();
  pass.decide();
  RunEnd end(pipeline, pass, options.formats, options.memory_bytes, temp_dir, arena, report);
  NKG_TRY(end.start());
  NKG_TRY(spool->read(k_batch_quads, [&](std::vector<std::vector<Quad>>& batch) { return end.add(batch); }));
  report.is_spooled = spool->has_spilled();
  spool.reset();
  report.seconds.corpus = corpus_clock.seconds() + seconds_since(t0);
  NKG_TRY(end.write(options.output_dir));
  return report;
}

namespace {

/// Groups a stream of quads by graph and hands each finished graph on. A graph that comes back
/// after another one, or one already seen in an earlier file, is a duplicate document.
class GraphGrouper final : public QuadSink {
 public:
  using Handler = std::function<Status(std::vector<Quad>&&)>;
  GraphGrouper(std::string path, std::unordered_map<std::string, std::string>& seen, Handler handler,
               DiagnosticSink& diagnostics, bool is_reporting)
      : path_(std::move(path)), seen_(seen), handler_(std::move(handler)), diagnostics_(diagnostics),
        is_reporting_(is_reporting) {}

  Status prefix(std::string_view, std::string_view) override { return Status::success(); }
  Status quad(const Quad& q) override {
    ++count_;
    if (q.graph.empty() || !q.graph.is_iri()) {
      if (!warned_default_ && is_reporting_) {
        diagnostics_.report({Severity::warning, {path_},
                             "quad " + std::to_string(count_) + " is outside a document graph (not a newskg shard); such quads are skipped"});
      }
      warned_default_ = true;
      return Status::success();
    }
    if (current_.empty() || q.graph != current_.front().graph) {
      NKG_TRY(flush());
      const auto [it, inserted] = seen_.emplace(q.graph.value, path_);
      skipping_ = !inserted;
      if (skipping_ && is_reporting_) {
        diagnostics_.report({Severity::error, {path_},
                             "document graph <" + q.graph.value + "> appears again (also in " + it->second +
                                 "); this copy skipped"});
      }
      if (skipping_) ++duplicates;
    }
    if (!skipping_) current_.push_back(q);
    return Status::success();
  }
  Status finish() override { return flush(); }
  std::size_t duplicates = 0;

 private:
  Status flush() {
    if (current_.empty()) return Status::success();
    std::vector<Quad> g;
    g.swap(current_);
    return handler_(std::move(g));
  }
  std::string path_;
  std::unordered_map<std::string, std::string>& seen_;
  Handler handler_;
  DiagnosticSink& diagnostics_;
  bool is_reporting_;
  std::vector<Quad> current_;
  std::uint64_t count_ = 0;
  bool skipping_ = false;
  bool warned_default_ = false;
};

}  // namespace

namespace {

/// Standard input copied into a temporary file (the merge reads its shards twice); removed when
/// destroyed.
class SpooledStdin {
 public:
  SpooledStdin() = default;
  SpooledStdin(const SpooledStdin&) = delete;
  SpooledStdin& operator=(const SpooledStdin&) = delete;
  ~SpooledStdin() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  Result<std::string> spool() {
    const char* dir = std::getenv("TMPDIR");
    std::string pattern = std::string(dir != nullptr && dir[0] != '\0' ? dir : "/tmp") + "/newskg-stdin-XXXXXX.nq";
    const int fd = ::mkstemps(pattern.data(), 3);
    if (fd < 0) return Status{StatusCode::io_error, std::string("cannot spool stdin: ") + std::strerror(errno), {pattern}};
    path_ = pattern;
    std::vector<char> buffer(1U << 20U);
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), stdin)) > 0) {
      if (::write(fd, buffer.data(), n) != static_cast<ssize_t>(n)) {
        ::close(fd);
        return Status{StatusCode::io_error, std::string("cannot spool stdin: ") + std::strerror(errno), {path_}};
      }
    }
    const bool failed = std::ferror(stdin) != 0;
    ::close(fd);
    if (failed) return Status{StatusCode::bad_input, "cannot read standard input", {"-"}};
    return path_;
  }

 private:
  std::string path_;
};

}  // namespace

Result<ExportReport> run_merge(const Pipeline& pipeline, const MergeOptions& given, DiagnosticSink& diagnostics) {
  ExportReport report;
  if (given.inputs.empty()) return Status{StatusCode::bad_option, "merge needs at least one shard file"};
  MergeOptions options = given;
  SpooledStdin spooled;  // standard input is read once, however often "-" is given
  std::string stdin_copy;
  for (std::string& input : options.inputs) {
    if (input != "-") continue;
    if (stdin_copy.empty()) {
      auto path = spooled.spool();
      if (!path.ok()) return path.status();
      stdin_copy = path.value();
    }
    input = stdin_copy;
  }
  const bool to_stdout = options.output_dir == "-";
  if (to_stdout && options.formats.size() != 1) {
    return Status{StatusCode::bad_option, "-o - writes one format to standard output: choose it with --format"};
  }
  const std::string doc_prefix = pipeline.base() + std::string(vocab::path_document);
  const unsigned threads = thread_count(options.jobs);
  // More threads than cores is allowed (--jobs is the user's call), without TBB's warning.
  const tbb::global_control allowed(tbb::global_control::max_allowed_parallelism, threads);
  tbb::task_arena arena(static_cast<int>(threads));

  // Pass 1: what the corpus decides.
  auto t0 = std::chrono::steady_clock::now();
  CorpusPass pass = pipeline.corpus_pass();
  std::size_t foreign = 0;
  {
    std::unordered_map<std::string, std::string> seen;
    for (const std::string& path : options.inputs) {
      GraphGrouper grouper(path, seen, [&](std::vector<Quad>&& g) {
        if (g.front().graph.value.compare(0, doc_prefix.size(), doc_prefix) != 0) {
          if (foreign++ == 0) {
            diagnostics.report({Severity::error, {path}, "graph <" + g.front().graph.value +
                                                             "> is not a document under --base " + pipeline.base() +
                                                             " (shards made with another --base?)"});
          }
          return Status::success();
        }
        pass.add(g);
        return Status::success();
      }, diagnostics, true);
      NKG_TRY(serialize::read_rdf_file(path, grouper));
      report.documents_skipped += grouper.duplicates;
    }
  }
  if (pass.documents() == 0) return Status{StatusCode::bad_input, "no document graph in the shards"};
  pass.decide();
  report.documents_read = pass.documents();
  report.seconds.corpus = seconds_since(t0);

  // Pass 2: each document graph as the corpus decides it.
  t0 = std::chrono::steady_clock::now();
  struct {
    std::vector<std::pair<std::string, std::string>> prefixes;
  } data;
  {
    CollectingQuadSink prefixes;
    NKG_TRY(pipeline.emit_prefixes(prefixes));
    data.prefixes = std::move(prefixes.prefixes);
  }
  std::optional<RunEnd> end;
  if (!to_stdout || options.formats.count(OutputFormat::nquads) == 0) {
    end.emplace(pipeline, pass, options.formats, options.memory_bytes, temp_dir_for(options.output_dir), arena, report);
    NKG_TRY(end->start());
  }
  std::vector<std::vector<Quad>> batch;
  std::size_t batch_quads = 0;
  const bool is_streamed = to_stdout && options.formats.count(OutputFormat::nquads) != 0;
  std::unique_ptr<serialize::AtomicFile> stream_file;
  std::unique_ptr<QuadSink> stream_writer;
  if (is_streamed) {
    auto file = serialize::AtomicFile::create("-");
    if (!file.ok()) return file.status();
    stream_file = std::move(file).value();
    stream_writer = serialize::make_syntax_writer(serialize::Syntax::nquads, *stream_file);
    for (const auto& [name, ns] : data.prefixes) NKG_TRY(stream_writer->prefix(name, ns));
  }
  {
    std::unordered_map<std::string, std::string> seen;
    for (const std::string& path : options.inputs) {
      GraphGrouper grouper(path, seen, [&](std::vector<Quad>&& g) {
        if (g.front().graph.value.compare(0, doc_prefix.size(), doc_prefix) != 0) return Status::success();
        if (stream_writer) {
          const std::vector<Quad> rewritten = pass.rewrite(g);
          for (const Quad& q : rewritten) NKG_TRY(stream_writer->quad(q));
          report.quads += rewritten.size();
          return Status::success();
        }
        batch_quads += g.size();
        batch.push_back(std::move(g));
        if (batch_quads < k_batch_quads) return Status::success();
        batch_quads = 0;
        return end->add(batch);
      }, diagnostics, false);
      NKG_TRY(serialize::read_rdf_file(path, grouper));
    }
  }
  if (stream_writer) {
    NKG_TRY(stream_writer->finish());
    NKG_TRY(stream_file->commit());
    report.files_written.emplace_back("-");
    report.is_streamed = true;
    report.seconds.corpus += seconds_since(t0);
    return report;
  }
  NKG_TRY(end->add(batch));
  report.seconds.corpus += seconds_since(t0);
  NKG_TRY(end->write(options.output_dir));
  return report;
}

}  // namespace nkg
