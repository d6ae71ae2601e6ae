#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "events/events.hpp"
#include "graph/graph.hpp"
#include "ingest/ingest.hpp"
#include "lexicon/lexicon.hpp"
#include "merge/merge.hpp"
#include "newskg.hpp"
#include "recognize/recognize.hpp"
#include "resolve/resolve.hpp"
#include "syntax/syntax.hpp"
#include "text/text.hpp"

namespace nkg {

struct Pipeline::Impl {
  PipelineOptions options;
  text::Segmenter segmenter;
  lexicon::Lexicon lexicon;
  syntax::Syntax syntax;
  graph::GraphBuilder builder;

  Impl(PipelineOptions o, text::Segmenter s, lexicon::Lexicon l, syntax::Syntax x)
      : options(std::move(o)), segmenter(std::move(s)), lexicon(std::move(l)), syntax(std::move(x)),
        builder(lexicon, options.base) {}
};

Pipeline::Pipeline(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::create(const PipelineOptions& options) {
  NKG_TRY(graph::check_base_iri(options.base));
  auto segmenter = text::Segmenter::create();
  if (!segmenter.ok()) return segmenter.status();
  auto lex = lexicon::Lexicon::load_embedded(segmenter.value());
  if (!lex.ok()) return lex.status();
  if (!options.catalog_json.empty()) {
    NKG_TRY(lex.value().add_catalog(options.catalog_json, options.catalog_name, segmenter.value()));
  }
  auto syntax = syntax::Syntax::load_embedded();
  if (!syntax.ok()) return syntax.status();
  return Pipeline(
      std::make_unique<Impl>(options, std::move(segmenter).value(), std::move(lex).value(), std::move(syntax).value()));
}

Result<Document> Pipeline::read(const std::string& path) const {
  return ingest::read_document(path, {impl_->options.max_document_bytes});
}

Result<Document> Pipeline::read_json_line(std::string_view line, const std::string& source_path,
                                          std::uint64_t line_number) const {
  return ingest::parse_json_line(line, source_path, line_number, {impl_->options.max_document_bytes});
}

std::uint64_t Pipeline::max_document_bytes() const { return impl_->options.max_document_bytes; }

Result<Document> Pipeline::make_document(std::string id, std::string_view text) const {
  std::string source = id;
  return ingest::make_document(std::move(id), std::move(source), text, {impl_->options.max_document_bytes});
}

namespace {
/// The byline names a person: a mention of them, keyed like every other person.
void add_author_mention(const Document& doc, std::vector<Mention>& mentions) {
  if (!doc.meta.author || !doc.meta.author_span) return;
  Mention m;
  m.span = *doc.meta.author_span;
  m.kind = EntityKind::person;
  m.key = resolve::person_key(*doc.meta.author);
  m.surface = *doc.meta.author;
  m.is_name = true;
  m.confidence = 0.9;
  m.rule = "byline";
  if (m.key.empty()) return;
  // The byline may already be recognized as a name: one mention per span.
  for (Mention& existing : mentions) {
    if (existing.span == m.span) {
      if (existing.kind == EntityKind::person) existing.key = m.key;
      return;
    }
  }
  mentions.push_back(std::move(m));
}
/// Mention surfaces from the text as written (recognition may have seen a recased copy).
void restore_surfaces(std::string_view text, std::vector<Mention>& mentions) {
  std::vector<std::uint32_t> byte_of_cp;
  byte_of_cp.reserve(text.size() + 1);
  for (std::uint32_t b = 0; b < text.size(); ++b) {
    if ((static_cast<unsigned char>(text[b]) & 0xC0U) != 0x80U) byte_of_cp.push_back(b);
  }
  byte_of_cp.push_back(static_cast<std::uint32_t>(text.size()));
  for (Mention& m : mentions) {
    if (m.span.end_cp >= byte_of_cp.size()) continue;
    const std::uint32_t begin = byte_of_cp[m.span.begin_cp];
    m.surface = std::string(text.substr(begin, byte_of_cp[m.span.end_cp] - begin));
  }
}
void resolve_document(Analysis& analysis);
}  // namespace

Analysis Pipeline::analyze(Document document) const { return analyze(std::move(document), nullptr); }

namespace {
/// Adds the time since the last lap to a step of AnalyzeSeconds (nothing without one).
class Laps {
 public:
  explicit Laps(AnalyzeSeconds* seconds) : seconds_(seconds), last_(std::chrono::steady_clock::now()) {}
  void lap(double AnalyzeSeconds::*step) {
    if (seconds_ == nullptr) return;
    const auto now = std::chrono::steady_clock::now();
    seconds_->*step += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  AnalyzeSeconds* seconds_;
  std::chrono::steady_clock::time_point last_;
};
}  // namespace

Analysis Pipeline::analyze(Document document, AnalyzeSeconds* seconds) const {
  Analysis a;
  Laps laps(seconds);
  const Segmentation seg = impl_->segmenter.segment(document.text);
  laps.lap(&AnalyzeSeconds::segment);
  const lexicon::Lexicon& lex = impl_->lexicon;
  // Shouted headlines are matched in title case; surfaces are then taken from the text as written.
  const std::string unshouted = text::unshout(document.text, seg);
  const std::string_view recognition_text = unshouted.empty() ? std::string_view(document.text) : unshouted;
  auto states = recognize::recognize_states(recognition_text, seg, lex);
  a.mentions = recognize::recognize_entities(recognition_text, seg, lex, std::move(states));
  if (!unshouted.empty()) restore_surfaces(document.text, a.mentions);
  add_author_mention(document, a.mentions);
  std::stable_sort(a.mentions.begin(), a.mentions.end(), [](const Mention& x, const Mention& y) {
    return x.span.begin_cp != y.span.begin_cp ? x.span.begin_cp < y.span.begin_cp : x.span.end_cp > y.span.end_cp;
  });
  auto claims = recognize::recognize_claims(document.text, seg, lex, a.mentions);
  resolve::resolve_descriptions(a.mentions, claims.positions, [&](std::string_view title) {
    for (const lexicon::TitleRecord& t : lex.titles()) {
      if (t.canonical == title) return t.category == "head_of_state" || t.category == "head_of_government";
    }
    return false;
  });
  a.positions = std::move(claims.positions);
  a.relations = std::move(claims.relations);
  laps.lap(&AnalyzeSeconds::recognize);
  a.dates = events::find_dates(document.text, seg, document.meta.date_published);
  a.events = events::recognize_events(recognition_text, seg, impl_->syntax, lex, a.mentions, a.positions, a.dates);
  laps.lap(&AnalyzeSeconds::events);
  a.document = std::move(document);
  resolve_document(a);
  laps.lap(&AnalyzeSeconds::resolve);
  return a;
}

namespace {
/// Resolution within one document: people (a surname alone to the full name the document
/// gives), owners of posts stated once without their state, event keys and dates.
void resolve_document(Analysis& analysis) {
  const std::vector<Analysis*> analyses{&analysis};
  std::vector<resolve::PersonEvidence> evidence;
  for (const Analysis* a : analyses) {
    std::map<std::string, resolve::PersonEvidence> by_key;
    for (const Mention& m : a->mentions) {
      if (m.kind != EntityKind::person || m.key.empty()) continue;
      auto& e = by_key[m.key];
      e.key = m.key;
      if (m.is_name) e.names.push_back(m.surface);
    }
    for (const PositionClaim& p : a->positions) {
      const std::string& holder = a->mentions[p.holder].key;
      if (holder.empty() || by_key.count(holder) == 0) continue;
      by_key[holder].roles.push_back(p.title + "|" + p.of_key);
    }
    for (auto& [key, e] : by_key) evidence.push_back(std::move(e));
  }
  const resolve::PersonIndex index = resolve::unify_people(evidence);
  // A post stated without its state in one article ("President Duda") belongs to the state
  // other articles give for the same person and title, when they all agree.
  std::map<std::pair<std::string, std::string>, std::set<std::pair<EntityKind, std::string>>> owners;
  for (Analysis* a : analyses) {
    a->person_labels.clear();
    for (Mention& m : a->mentions) {
      if (m.kind != EntityKind::person || m.key.empty()) continue;
      m.key = index.key_of(m.key);
      if (const auto it = index.label.find(m.key); it != index.label.end()) a->person_labels[m.key] = it->second;
    }
    for (const PositionClaim& p : a->positions) {
      if (!p.of_key.empty()) owners[{a->mentions[p.holder].key, p.title}].insert({p.of_kind, p.of_key});
    }
  }
  for (Analysis* a : analyses) {
    for (EventClaim& e : a->events) {
      for (std::optional<EntityRef>* role : {&e.agent, &e.target, &e.envoy}) {
        if (*role && (*role)->kind == EntityKind::person) (*role)->key = index.key_of((*role)->key);
      }
    }
  }
  resolve::key_events(analyses);
  for (Analysis* a : analyses) {
    for (PositionClaim& p : a->positions) {
      if (!p.of_key.empty()) continue;
      const auto it = owners.find({a->mentions[p.holder].key, p.title});
      if (it != owners.end() && it->second.size() == 1) {
        p.of_kind = it->second.begin()->first;
        p.of_key = it->second.begin()->second;
      }
    }
  }
}
}  // namespace

const std::string& Pipeline::base() const { return impl_->options.base; }

Status Pipeline::emit_prefixes(QuadSink& sink) const { return impl_->builder.emit_prefixes(sink); }

Status Pipeline::emit(const Analysis& analysis, QuadSink& sink) const {
  const auto entities = resolve::group_mentions(analysis.mentions);
  return impl_->builder.emit_document(analysis, entities, sink);
}


Result<std::vector<Quad>> Pipeline::run(std::string id, std::string_view text) const {
  auto doc = make_document(std::move(id), text);
  if (!doc.ok()) return doc.status();
  CollectingQuadSink sink;
  Analysis analysis = analyze(std::move(doc).value());
  NKG_TRY(emit(analysis, sink));
  CorpusPass pass = corpus_pass();
  pass.add(sink.quads);
  pass.decide();
  return pass.rewrite(sink.quads);
}

struct CorpusPass::Impl {
  merge::CorpusPass pass;
};
CorpusPass::CorpusPass(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CorpusPass::CorpusPass(CorpusPass&&) noexcept = default;
CorpusPass& CorpusPass::operator=(CorpusPass&&) noexcept = default;
CorpusPass::~CorpusPass() = default;
void CorpusPass::add(const std::vector<Quad>& graph_quads) { impl_->pass.add(graph_quads); }
void CorpusPass::decide() { impl_->pass.decide(); }
std::size_t CorpusPass::documents() const { return impl_->pass.documents(); }
std::vector<Quad> CorpusPass::rewrite(const std::vector<Quad>& graph_quads) const {
  return impl_->pass.rewrite(graph_quads);
}

CorpusPass Pipeline::corpus_pass() const {
  return CorpusPass(std::make_unique<CorpusPass::Impl>(CorpusPass::Impl{merge::CorpusPass(impl_->builder)}));
}

}  // namespace nkg
