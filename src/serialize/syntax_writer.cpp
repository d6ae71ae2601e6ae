// Turtle and TriG through Serd (and N-Triples / N-Quads, which line_writer.cpp writes faster
// with the same bytes).
#include <serd/serd.h>

#include <memory>

#include "core/vocab.hpp"
#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace nkg::serialize {

namespace {

struct EnvDeleter {
  void operator()(SerdEnv* e) const { serd_env_free(e); }
};
struct WriterDeleter {
  void operator()(SerdWriter* w) const { serd_writer_free(w); }
};

SerdSyntax serd_syntax(Syntax s) {
  switch (s) {
    case Syntax::turtle: return SERD_TURTLE;
    case Syntax::trig: return SERD_TRIG;
    case Syntax::ntriples: return SERD_NTRIPLES;
    case Syntax::nquads: return SERD_NQUADS;
  }
  return SERD_TURTLE;
}

SerdNode make_node(SerdType type, const std::string& s) {
  return serd_node_from_substring(type, reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

/// Serd writes a literal with a newline or quote as a Turtle """long string""". Serd 0.30.16's
/// own reader (and so serdi) takes the byte after a '"' inside a long string verbatim, so a quote
/// followed by anything Serd escapes there (a backslash, a control character, or the final quote
/// of `""` at the end, written `"\"`) is read back wrong or refused. Such literals, and any with
/// `""`, go in the short form, fully escaped.
bool needs_short_string(std::string_view s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    const auto next = static_cast<unsigned char>(s[i + 1]);
    if (s[i] == '"' && (next == '\\' || next == '"' || (next < 0x20 && next != '\n') || next == 0x7F)) return true;
  }
  return false;
}

class SyntaxWriter final : public QuadSink {
 public:
  SyntaxWriter(Syntax syntax, ByteSink& out) : syntax_(syntax), out_(out) {
    env_.reset(serd_env_new(nullptr));
    const bool pretty = syntax == Syntax::turtle || syntax == Syntax::trig;
    writer_.reset(serd_writer_new(serd_syntax(syntax), pretty ? SERD_STYLE_ABBREVIATED : static_cast<SerdStyle>(0),
                                  env_.get(), nullptr, &SyntaxWriter::on_bytes, this));
  }

  Status prefix(std::string_view name, std::string_view ns) override {
    if (!is_pretty()) return Status::success();
    prefixes_.add(name, ns);
    const std::string n(name);
    const std::string u(ns);
    const SerdNode name_node = make_node(SERD_LITERAL, n);
    const SerdNode uri_node = make_node(SERD_URI, u);
    serd_writer_set_prefix(writer_.get(), &name_node, &uri_node);
    return first_error_;
  }

  Status quad(const Quad& q) override {
    NKG_TRY(first_error_);
    NKG_TRY(checker_.check(q));
    std::string s_text;
    std::string p_text;
    std::string o_text;
    std::string dt_text;
    std::string g_text;
    const std::string& s = q.subject.is_blank() ? q.subject.value : iri_text(q.subject.value, s_text);
    const std::string& p = q.predicate.value == vocab::rdf_type ? q.predicate.value : iri_text(q.predicate.value, p_text);
    const SerdNode subject = make_node(q.subject.is_blank() ? SERD_BLANK : node_type(s, q.subject.value), s);
    const SerdNode predicate = make_node(node_type(p, q.predicate.value), p);
    SerdNode object;
    SerdNode datatype = SERD_NODE_NULL;
    SerdNode lang = SERD_NODE_NULL;
    if (q.object.is_iri()) {
      const std::string& o = iri_text(q.object.value, o_text);
      object = make_node(node_type(o, q.object.value), o);
    } else if (q.object.is_blank()) {
      object = make_node(SERD_BLANK, q.object.value);
    } else {
      object = make_node(SERD_LITERAL, q.object.value);
      if (needs_short_string(q.object.value)) object.flags = 0;  // no newline/quote flags: "..."
      if (!q.object.language.empty()) {
        lang = make_node(SERD_LITERAL, q.object.language);
      } else if (!q.object.datatype.empty()) {
        const std::string& dt = iri_text(q.object.datatype, dt_text);
        datatype = make_node(node_type(dt, q.object.datatype), dt);
      }
    }
    SerdNode graph = SERD_NODE_NULL;
    const bool has_graph = !q.graph.empty() && (syntax_ == Syntax::trig || syntax_ == Syntax::nquads);
    if (has_graph) {
      const std::string& g = q.graph.is_blank() ? q.graph.value : iri_text(q.graph.value, g_text);
      graph = q.graph.is_blank() ? make_node(SERD_BLANK, g) : make_node(node_type(g, q.graph.value), g);
    }
    const SerdStatus st = serd_writer_write_statement(writer_.get(), 0, has_graph ? &graph : nullptr, &subject,
                                                      &predicate, &object, datatype.buf ? &datatype : nullptr,
                                                      lang.buf ? &lang : nullptr);
    if (st != SERD_SUCCESS && first_error_.ok()) {
      first_error_ = {StatusCode::bad_data, std::string("serd: ") + reinterpret_cast<const char*>(serd_strerror(st))};
    }
    return first_error_;
  }

  Status finish() override {
    serd_writer_finish(writer_.get());
    flush();
    return first_error_;
  }

 private:
  [[nodiscard]] bool is_pretty() const { return syntax_ == Syntax::turtle || syntax_ == Syntax::trig; }

  /// The text to hand Serd for an IRI: a prefixed name (kept in `storage`) where that is safe,
  /// else the IRI itself.
  [[nodiscard]] const std::string& iri_text(const std::string& iri, std::string& storage) const {
    if (!is_pretty()) return iri;
    storage = prefixes_.qualify(iri);
    return storage.empty() ? iri : storage;
  }
  static SerdType node_type(const std::string& text, const std::string& iri) { return &text == &iri ? SERD_URI : SERD_CURIE; }

  /// Hands the buffered bytes to the sink.
  void flush() {
    if (buffer_.empty() || !first_error_.ok()) return;
    first_error_ = out_.write(buffer_);
    buffer_.clear();
  }

  // C callback: never throws; a failed write is remembered and reported by the next call.
  static size_t on_bytes(const void* buf, size_t len, void* stream) noexcept {
    auto* self = static_cast<SyntaxWriter*>(stream);
    if (!self->first_error_.ok()) return 0;
    try {
      // Serd writes in small pieces: they are gathered into 64 KiB writes.
      self->buffer_.append(static_cast<const char*>(buf), len);
      if (self->buffer_.size() >= (std::size_t{64} << 10U)) self->flush();
    } catch (...) {
      self->first_error_ = {StatusCode::internal, "exception while writing"};
    }
    return self->first_error_.ok() ? len : 0;
  }

  Syntax syntax_;
  ByteSink& out_;
  PrefixTable prefixes_;
  std::string buffer_;
  std::unique_ptr<SerdEnv, EnvDeleter> env_;
  std::unique_ptr<SerdWriter, WriterDeleter> writer_;
  QuadChecker checker_;
  Status first_error_;
};

}  // namespace

std::unique_ptr<QuadSink> make_serd_writer(Syntax syntax, ByteSink& out) {
  return std::make_unique<SyntaxWriter>(syntax, out);
}

std::unique_ptr<QuadSink> make_syntax_writer(Syntax syntax, ByteSink& out) {
  if (syntax == Syntax::ntriples || syntax == Syntax::nquads) return make_line_writer(syntax, out);
  return make_serd_writer(syntax, out);
}

}  // namespace nkg::serialize
