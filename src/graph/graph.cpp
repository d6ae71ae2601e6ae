#include "graph/graph.hpp"

#include <cstdio>

#include "core/iri.hpp"
#include "core/vocab.hpp"

namespace nkg::graph {

namespace {

std::string term(std::string_view ns, std::string_view local) {
  std::string s(ns);
  s += local;
  return s;
}

std::string format_confidence(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

Term count_literal(std::uint32_t n) {
  return typed_literal(std::to_string(n), std::string(vocab::xsd_non_negative_integer));
}

Term date_literal(const PartialDate& d) {
  const std::string_view type = d.month == 0 ? vocab::xsd_g_year : d.day == 0 ? vocab::xsd_g_year_month : vocab::xsd_date;
  return typed_literal(d.to_iso(), std::string(type));
}

/// Emits quads into one graph; remembers the first failure so the code reads as a list.
class Emitter {
 public:
  Emitter(QuadSink& sink, Term graph) : sink_(sink), graph_(std::move(graph)) {}
  void add(const std::string& s, std::string_view ns, std::string_view local, Term o) {
    if (!st_.ok()) return;
    st_ = sink_.quad(Quad{iri(s), iri(term(ns, local)), std::move(o), graph_});
  }
  void type(const std::string& s, std::string_view ns, std::string_view cls) {
    add(s, vocab::rdf, "type", iri(term(ns, cls)));
  }
  [[nodiscard]] Status status() const { return st_; }

 private:
  QuadSink& sink_;
  Term graph_;
  Status st_;
};

std::string_view kind_path(EntityKind kind) {
  switch (kind) {
    case EntityKind::state: return vocab::path_state;
    case EntityKind::place: return vocab::path_place;
    case EntityKind::person: return vocab::path_person;
    case EntityKind::organization: return vocab::path_organization;
  }
  return vocab::path_state;
}

std::string_view kind_class(EntityKind kind) {
  switch (kind) {
    case EntityKind::state: return "State";
    case EntityKind::place: return "Place";
    case EntityKind::person: return "Person";
    case EntityKind::organization: return "Organization";
  }
  return "State";
}

std::string_view kind_schema_class(EntityKind kind) {
  switch (kind) {
    case EntityKind::state: return "Country";
    case EntityKind::place: return "Place";
    case EntityKind::person: return "Person";
    case EntityKind::organization: return "Organization";
  }
  return "Thing";
}

}  // namespace

std::string encode_iri_segment(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4U];
      out += hex[c & 0xFU];
    }
  }
  return out;
}

Status check_base_iri(std::string_view base) {
  if (!is_valid_absolute_iri(base)) {
    return {StatusCode::bad_option, "--base '" + std::string(base) + "' is not an absolute IRI"};
  }
  if (base.back() != '/' && base.back() != '#') {
    return {StatusCode::bad_option, "--base '" + std::string(base) + "' must end with '/' or '#'"};
  }
  return Status::success();
}

std::string IriMinter::document(std::string_view id) const {
  return base_ + std::string(vocab::path_document) + encode_iri_segment(id);
}

std::string IriMinter::mention(std::string_view document_id, Span span) const {
  return document(document_id) + "#char=" + std::to_string(span.begin_cp) + ',' + std::to_string(span.end_cp);
}

std::string IriMinter::entity(EntityKind kind, std::string_view key) const {
  return base_ + std::string(kind_path(kind)) + encode_iri_segment(key);
}

GraphBuilder::GraphBuilder(const lexicon::Lexicon& lexicon, std::string base)
    : lexicon_(lexicon), iris_(std::move(base)) {}

Status GraphBuilder::emit_prefixes(QuadSink& sink) const {
  for (const auto& [name, ns] : vocab::fixed_prefixes) NKG_TRY(sink.prefix(name, ns));
  for (const auto& [name, path] : vocab::base_prefixes) NKG_TRY(sink.prefix(name, iris_.base() + std::string(path)));
  return Status::success();
}

Status GraphBuilder::emit_document(const Document& doc, const std::vector<Mention>& mentions,
                                   const std::vector<resolve::Entity>& entities, QuadSink& sink) const {
  const std::string doc_iri = iris_.document(doc.id);
  Emitter e(sink, iri(doc_iri));

  // The document is also the NIF context: its text is what the mention offsets count in.
  e.type(doc_iri, vocab::nkg, "Document");
  e.type(doc_iri, vocab::schema, "NewsArticle");
  e.type(doc_iri, vocab::nif, "Context");
  e.type(doc_iri, vocab::nif, "OffsetBasedString");
  e.add(doc_iri, vocab::dct, "identifier", literal(doc.id));
  e.add(doc_iri, vocab::nif, "isString", literal(doc.text));
  e.add(doc_iri, vocab::nif, "beginIndex", count_literal(0));
  e.add(doc_iri, vocab::nif, "endIndex", count_literal(doc.length_cp));
  if (doc.meta.headline) e.add(doc_iri, vocab::schema, "headline", literal(*doc.meta.headline));
  if (doc.meta.date_published) e.add(doc_iri, vocab::schema, "datePublished", date_literal(*doc.meta.date_published));
  if (doc.meta.date_modified) e.add(doc_iri, vocab::schema, "dateModified", date_literal(*doc.meta.date_modified));
  if (doc.meta.url && is_valid_absolute_iri(*doc.meta.url)) e.add(doc_iri, vocab::schema, "url", iri(*doc.meta.url));

  for (const Mention& m : mentions) {
    const std::string m_iri = iris_.mention(doc.id, m.span);
    const std::string target = iris_.entity(m.kind, m.key);
    e.type(m_iri, vocab::nif, "Phrase");
    e.type(m_iri, vocab::nif, "OffsetBasedString");
    e.add(m_iri, vocab::nif, "referenceContext", iri(doc_iri));
    e.add(m_iri, vocab::nif, "beginIndex", count_literal(m.span.begin_cp));
    e.add(m_iri, vocab::nif, "endIndex", count_literal(m.span.end_cp));
    e.add(m_iri, vocab::nif, "anchorOf", literal(m.surface));
    e.add(m_iri, vocab::itsrdf, "taIdentRef", iri(target));
    e.add(m_iri, vocab::itsrdf, "taClassRef", iri(term(vocab::nkg, kind_class(m.kind))));
    e.add(m_iri, vocab::nkg, "confidence", typed_literal(format_confidence(m.confidence), std::string(vocab::xsd_decimal)));
    if (m.kind == EntityKind::person && doc.meta.author_span == m.span) {
      e.add(doc_iri, vocab::schema, "author", iri(target));
    }
  }

  for (const resolve::Entity& entity : entities) {
    const std::string ent_iri = iris_.entity(entity.kind, entity.key);
    e.type(ent_iri, vocab::nkg, kind_class(entity.kind));
    e.type(ent_iri, vocab::schema, kind_schema_class(entity.kind));
    e.add(ent_iri, vocab::nkg, "mentionedIn", iri(doc_iri));
    std::string label;
    if (entity.kind == EntityKind::state) {
      if (const lexicon::StateRecord* s = lexicon_.find_state(entity.key)) {
        label = s->label;
        e.add(ent_iri, vocab::nkg, "isoAlpha3", literal(s->alpha3));
        if (!s->alpha2.empty()) e.add(ent_iri, vocab::nkg, "isoAlpha2", literal(s->alpha2));
        if (!s->numeric.empty()) e.add(ent_iri, vocab::nkg, "isoNumeric", literal(s->numeric));
        if (!s->wikidata.empty()) e.add(ent_iri, vocab::owl, "sameAs", iri(term(vocab::wd, s->wikidata)));
      }
    } else if (entity.kind == EntityKind::place) {
      if (const lexicon::PlaceRecord* p = lexicon_.find_place(entity.key)) {
        label = p->label;
        e.add(ent_iri, vocab::nkg, "locatedIn", iri(iris_.entity(EntityKind::state, p->state)));
      }
    }
    if (label.empty() && !entity.names.empty()) label = entity.names.front();
    if (!label.empty()) e.add(ent_iri, vocab::rdfs, "label", lang_literal(label, "en"));
    for (const std::string& name : entity.names) {
      if (name != label) e.add(ent_iri, vocab::skos, "altLabel", literal(name));
    }
  }
  return e.status();
}

}  // namespace nkg::graph
