#include <algorithm>

#include "graph/graph.hpp"
#include "ingest/ingest.hpp"
#include "lexicon/lexicon.hpp"
#include "newskg.hpp"
#include "recognize/recognize.hpp"
#include "resolve/resolve.hpp"
#include "text/text.hpp"

namespace nkg {

struct Pipeline::Impl {
  PipelineOptions options;
  text::Segmenter segmenter;
  lexicon::Lexicon lexicon;
  graph::GraphBuilder builder;

  Impl(PipelineOptions o, text::Segmenter s, lexicon::Lexicon l)
      : options(std::move(o)), segmenter(std::move(s)), lexicon(std::move(l)), builder(lexicon, options.base) {}
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
  return Pipeline(std::make_unique<Impl>(options, std::move(segmenter).value(), std::move(lex).value()));
}

Result<Document> Pipeline::read(const std::string& path) const {
  return ingest::read_document(path, {impl_->options.max_document_bytes});
}

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
  if (!m.key.empty()) mentions.push_back(std::move(m));
}
}  // namespace

Analysis Pipeline::analyze(Document document) const {
  Analysis a;
  const Segmentation seg = impl_->segmenter.segment(document.text);
  a.mentions = recognize::recognize_states(document.text, seg, impl_->lexicon);
  add_author_mention(document, a.mentions);
  std::sort(a.mentions.begin(), a.mentions.end(), [](const Mention& x, const Mention& y) { return x.span < y.span; });
  a.document = std::move(document);
  return a;
}

const std::string& Pipeline::base() const { return impl_->options.base; }

Status Pipeline::emit_prefixes(QuadSink& sink) const { return impl_->builder.emit_prefixes(sink); }

Status Pipeline::emit(const Analysis& analysis, QuadSink& sink) const {
  const auto entities = resolve::group_mentions(analysis.mentions);
  return impl_->builder.emit_document(analysis.document, analysis.mentions, entities, sink);
}

namespace {
class VectorSink final : public QuadSink {
 public:
  Status prefix(std::string_view, std::string_view) override { return Status::success(); }
  Status quad(const Quad& q) override {
    quads.push_back(q);
    return Status::success();
  }
  Status finish() override { return Status::success(); }
  std::vector<Quad> quads;
};
}  // namespace

Result<std::vector<Quad>> Pipeline::run(std::string id, std::string_view text) const {
  auto doc = make_document(std::move(id), text);
  if (!doc.ok()) return doc.status();
  VectorSink sink;
  NKG_TRY(emit(analyze(std::move(doc).value()), sink));
  std::sort(sink.quads.begin(), sink.quads.end());
  sink.quads.erase(std::unique(sink.quads.begin(), sink.quads.end()), sink.quads.end());
  return std::move(sink.quads);
}

}  // namespace nkg
