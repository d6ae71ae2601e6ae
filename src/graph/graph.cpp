#include "graph/graph.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/iri.hpp"
#include "core/version.hpp"
#include "core/vocab.hpp"

namespace nkg::graph {

namespace {

using vocab::term;

std::string format_confidence(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

Term count_literal(std::uint32_t n) {
  return typed_literal(std::to_string(n), std::string(vocab::xsd_non_negative_integer));
}


/// Emits quads into one graph; remembers the first failure so the code reads as a list.
class Emitter {
 public:
  Emitter(QuadSink& sink, Term graph) : sink_(sink), graph_(std::move(graph)) {}
  void add(const std::string& s, std::string_view ns, std::string_view local, Term o) {
    if (!st_.ok()) return;
    st_ = sink_.quad(Quad{iri(s), iri(term(ns, local)), std::move(o), graph_});  // moved into sinks that keep it
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

}  // namespace

std::string_view event_class_name(EventClass cls) {
  switch (cls) {
    case EventClass::summons: return "Summons";
    case EventClass::recall: return "Recall";
    case EventClass::expulsion: return "Expulsion";
    case EventClass::statement: return "Statement";
    case EventClass::interview: return "Interview";
    case EventClass::protest: return "Protest";
    case EventClass::deployment: return "Deployment";
    case EventClass::visit: return "Visit";
    case EventClass::meeting: return "Meeting";
    case EventClass::armed_conflict: return "ArmedConflict";
    case EventClass::sanction: return "Sanction";
  }
  return "Event";
}

std::string_view modality_name(Modality m) {
  switch (m) {
    case Modality::asserted: return "Asserted";
    case Modality::planned: return "Planned";
    case Modality::demanded: return "Demanded";
    case Modality::alleged: return "Alleged";
    case Modality::negated: return "Negated";
  }
  return "Asserted";
}

Term date_literal(const PartialDate& d) {
  const std::string_view type = d.month == 0 ? vocab::xsd_g_year : d.day == 0 ? vocab::xsd_g_year_month : vocab::xsd_date;
  return typed_literal(d.to_iso(), std::string(type));
}

Term confidence_literal(double c) { return typed_literal(format_confidence(c), std::string(vocab::xsd_decimal)); }

namespace {

/// Code point -> byte offset of a text, built once per document, so spans are cut in O(1).
class CodePoints {
 public:
  explicit CodePoints(std::string_view text) : text_(text) {
    for (std::uint32_t b = 0; b < text.size(); ++b) {
      if ((static_cast<unsigned char>(text[b]) & 0xC0U) != 0x80U) byte_of_.push_back(b);
    }
    byte_of_.push_back(static_cast<std::uint32_t>(text.size()));
  }
  /// The text of a code point span.
  [[nodiscard]] std::string substring(Span span) const {
    if (span.end_cp >= byte_of_.size() || span.begin_cp > span.end_cp) return {};
    return std::string(text_.substr(byte_of_[span.begin_cp], byte_of_[span.end_cp] - byte_of_[span.begin_cp]));
  }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> byte_of_;
};

/// The kind as the catalogue and `part_of` references name it.
std::string_view kind_name(EntityKind kind) {
  switch (kind) {
    case EntityKind::state: return "state";
    case EntityKind::place: return "place";
    case EntityKind::person: return "person";
    case EntityKind::organization: return "organization";
  }
  return "state";
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
  // "." and ".." would be dot segments, removed when the IRI is resolved: their dots are encoded.
  if (s == ".") return "%2E";
  if (s == "..") return "%2E%2E";
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

std::optional<std::string> decode_iri_segment(std::string_view s) {
  auto hex_value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    const int hi = hex_value(s[i + 1]);
    const int lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
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

std::string IriMinter::position(std::string_view title, std::string_view of, std::string_view to,
                                std::string_view holder) const {
  std::string key = ascii_slug(title);
  if (!of.empty()) key += "-" + ascii_slug(of);
  if (!to.empty()) key += "-to-" + ascii_slug(to);
  key += "--";
  key += holder;
  return base_ + std::string(vocab::path_position) + encode_iri_segment(key);
}

std::string IriMinter::event(std::string_view key) const {
  return base_ + std::string(vocab::path_event) + encode_iri_segment(key);
}

std::optional<EntityRef> IriMinter::parse_entity(std::string_view iri_text) const {
  if (iri_text.substr(0, base_.size()) != base_) return std::nullopt;
  const std::string_view rest = iri_text.substr(base_.size());
  for (const EntityKind kind : {EntityKind::state, EntityKind::place, EntityKind::person, EntityKind::organization}) {
    const std::string_view path = kind_path(kind);
    if (rest.substr(0, path.size()) != path || rest.size() == path.size()) continue;
    auto key = decode_iri_segment(rest.substr(path.size()));
    if (!key) return std::nullopt;
    return EntityRef{kind, std::move(*key)};
  }
  return std::nullopt;
}

GraphBuilder::GraphBuilder(const lexicon::Lexicon& lexicon, std::string base)
    : lexicon_(lexicon), iris_(std::move(base)) {}

Status GraphBuilder::emit_prefixes(QuadSink& sink) const {
  for (const auto& [name, ns] : vocab::fixed_prefixes) NKG_TRY(sink.prefix(name, ns));
  for (const auto& [name, path] : vocab::base_prefixes) NKG_TRY(sink.prefix(name, iris_.base() + std::string(path)));
  return Status::success();
}

Status GraphBuilder::emit_state_description(std::string_view alpha3, const std::string& doc_iri,
                                            QuadSink& sink) const {
  const lexicon::StateRecord* s = lexicon_.find_state(alpha3);
  if (s == nullptr) return Status::success();
  Emitter e(sink, iri(doc_iri));
  const std::string state_iri = iris_.entity(EntityKind::state, alpha3);
  e.type(state_iri, vocab::nkg, "State");
  e.type(state_iri, vocab::schema, "Country");
  e.add(state_iri, vocab::nkg, "mentionedIn", iri(doc_iri));
  e.add(state_iri, vocab::rdfs, "label", lang_literal(s->label, "en"));
  e.add(state_iri, vocab::nkg, "isoAlpha3", literal(s->alpha3));
  if (!s->alpha2.empty()) e.add(state_iri, vocab::nkg, "isoAlpha2", literal(s->alpha2));
  if (!s->numeric.empty()) e.add(state_iri, vocab::nkg, "isoNumeric", literal(s->numeric));
  if (!s->wikidata.empty()) e.add(state_iri, vocab::owl, "sameAs", iri(term(vocab::wd, s->wikidata)));
  return e.status();
}

Status GraphBuilder::emit_document(const Analysis& analysis, const std::vector<resolve::Entity>& entities,
                                   QuadSink& sink) const {
  const Document& doc = analysis.document;
  const std::vector<Mention>& mentions = analysis.mentions;
  const std::string doc_iri = iris_.document(doc.id);
  const CodePoints code_points(doc.text);
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
    if (m.key.empty()) continue;
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
    e.add(m_iri, vocab::nkg, "confidence", confidence_literal(m.confidence));
    if (m.kind == EntityKind::person && doc.meta.author_span == m.span) {
      e.add(doc_iri, vocab::schema, "author", iri(target));
    }
  }

  std::set<std::string> described_states;
  auto describe_state = [&](const std::string& ent_iri, const lexicon::StateRecord& s) {
    e.add(ent_iri, vocab::nkg, "isoAlpha3", literal(s.alpha3));
    if (!s.alpha2.empty()) e.add(ent_iri, vocab::nkg, "isoAlpha2", literal(s.alpha2));
    if (!s.numeric.empty()) e.add(ent_iri, vocab::nkg, "isoNumeric", literal(s.numeric));
    if (!s.wikidata.empty()) e.add(ent_iri, vocab::owl, "sameAs", iri(term(vocab::wd, s.wikidata)));
    described_states.insert(s.alpha3);
  };
  std::set<std::string> referenced_states;  // states other nodes point at
  for (const resolve::Entity& entity : entities) {
    const std::string ent_iri = iris_.entity(entity.kind, entity.key);
    e.type(ent_iri, vocab::nkg, kind_class(entity.kind));
    e.type(ent_iri, vocab::schema, kind_schema_class(entity.kind));
    e.add(ent_iri, vocab::nkg, "mentionedIn", iri(doc_iri));
    std::string label;
    std::string part_of;
    if (entity.kind == EntityKind::state) {
      if (const lexicon::StateRecord* s = lexicon_.find_state(entity.key)) {
        label = s->label;
        describe_state(ent_iri, *s);
      }
    } else if (entity.kind == EntityKind::place) {
      if (const lexicon::PlaceRecord* p = lexicon_.find_place(entity.key)) {
        label = p->label;
        if (!p->state.empty()) e.add(ent_iri, vocab::nkg, "locatedIn", iri(iris_.entity(EntityKind::state, p->state)));
        if (!p->geonames.empty()) e.add(ent_iri, vocab::owl, "sameAs", iri(std::string(vocab::geonames) + p->geonames + "/"));
      }
    } else if (entity.kind == EntityKind::organization) {
      if (const lexicon::OrgRecord* o = lexicon_.find_organization(entity.key)) {
        label = o->label;
        if (!o->wikidata.empty()) e.add(ent_iri, vocab::owl, "sameAs", iri(term(vocab::wd, o->wikidata)));
        // A national body belongs to its state; an outlet is only based there.
        const bool is_state_body = o->kind == lexicon::OrgKind::government_body || o->kind == lexicon::OrgKind::armed_forces;
        if (!o->state.empty() && is_state_body) part_of = "state:" + o->state;
      }
      for (const std::uint32_t i : entity.mentions) {
        if (label.empty() && !mentions[i].label.empty()) label = mentions[i].label;
        if (part_of.empty()) part_of = mentions[i].part_of;
      }
    } else if (entity.kind == EntityKind::person) {
      if (const std::string* known = lexicon_.catalog_person_label(entity.key)) {
        label = *known;
      } else if (const auto it = analysis.person_labels.find(entity.key); it != analysis.person_labels.end()) {
        label = it->second;
      }
    }
    if (entity.kind != EntityKind::state) {
      const std::string catalog_key = std::string(kind_name(entity.kind)) + ":" + entity.key;
      for (const std::string& link : lexicon_.same_as(catalog_key)) {
        if (link.rfind(vocab::wd, 0) == 0 && entity.kind == EntityKind::organization) continue;  // emitted above
        e.add(ent_iri, vocab::owl, "sameAs", iri(link));
      }
    }
    if (!part_of.empty()) {
      const std::size_t colon = part_of.find(':');
      const EntityKind kind = part_of.compare(0, colon, "state") == 0 ? EntityKind::state : EntityKind::organization;
      e.add(ent_iri, vocab::nkg, "partOf", iri(iris_.entity(kind, part_of.substr(colon + 1))));
      if (kind == EntityKind::state) referenced_states.insert(part_of.substr(colon + 1));
    }
    if (label.empty() && !entity.names.empty()) {
      // The longest name seen: a full name rather than a surname or an acronym.
      label = *std::max_element(entity.names.begin(), entity.names.end(),
                                [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    }
    if (!label.empty()) e.add(ent_iri, vocab::rdfs, "label", lang_literal(label, "en"));
    for (const std::string& name : entity.names) {
      if (name != label) e.add(ent_iri, vocab::skos, "altLabel", literal(name));
    }
  }

  for (const PositionClaim& p : analysis.positions) {
    const Mention& holder = mentions[p.holder];
    if (holder.key.empty()) continue;
    const std::string& of_key = p.of_key;
    const std::string of_iri = of_key.empty() ? std::string() : iris_.entity(p.of_kind, of_key);
    std::string to_key = p.to_key;
    if (to_key == of_key) to_key.clear();  // "Poland's ambassador in Warsaw" is not posted abroad
    const std::string pos_iri = iris_.position(p.title, of_key, to_key, holder.key);
    const std::string holder_iri = iris_.entity(EntityKind::person, holder.key);
    e.type(pos_iri, vocab::nkg, "Position");
    e.type(pos_iri, vocab::org, "Post");
    e.add(pos_iri, vocab::nkg, "title", lang_literal(p.title, "en"));
    if (!of_iri.empty()) e.add(pos_iri, vocab::nkg, "positionIn", iri(of_iri));
    if (!of_key.empty() && p.of_kind == EntityKind::state) referenced_states.insert(of_key);
    if (!to_key.empty()) {
      const std::string state_iri = iris_.entity(EntityKind::state, to_key);
      e.add(pos_iri, vocab::nkg, "accreditedTo", iri(state_iri));
      referenced_states.insert(to_key);
    }
    e.add(pos_iri, vocab::nkg, "mentionedIn", iri(doc_iri));
    e.add(pos_iri, vocab::nkg, "rule", literal(p.rule));
    e.add(pos_iri, vocab::prov, "wasGeneratedBy", iri(iris_.base() + "activity/newskg-" + std::string(newskg_version)));
    e.add(holder_iri, vocab::nkg, "holdsPosition", iri(pos_iri));
  }

  // Events: one node per real event (its key is shared by every article that reports it), the
  // trigger as NIF evidence, the rule, the extraction activity and the newskg version.
  const std::string activity = iris_.base() + "activity/newskg-" + std::string(newskg_version);
  std::set<std::string> evidence_used;
  for (const Mention& m : mentions) {
    if (!m.key.empty()) evidence_used.insert(iris_.mention(doc.id, m.span));
  }
  bool any_event = false;
  for (const EventClaim& ev : analysis.events) {
    if (ev.key.empty()) continue;
    any_event = true;
    const std::string ev_iri = iris_.event(ev.key);
    e.type(ev_iri, vocab::nkg, event_class_name(ev.cls));
    e.type(ev_iri, vocab::nkg, "Event");  // for stores without RDFS inference
    e.type(ev_iri, vocab::schema, "Event");
    auto role = [&](std::string_view property, const std::optional<EntityRef>& r) {
      if (!r || r->key.empty()) return;
      e.add(ev_iri, vocab::nkg, property, iri(iris_.entity(r->kind, r->key)));
      if (r->kind == EntityKind::state) referenced_states.insert(r->key);
    };
    role("agent", ev.agent);
    role("target", ev.target);
    role("envoy", ev.envoy);
    role("place", ev.place);
    if (ev.date) e.add(ev_iri, vocab::nkg, "date", date_literal(*ev.date));
    if (ev.modality != Modality::asserted) e.add(ev_iri, vocab::nkg, "modality", iri(term(vocab::nkg, modality_name(ev.modality))));
    if (!ev.quote.empty() && (ev.cls == EventClass::statement || ev.cls == EventClass::interview)) {
      e.add(ev_iri, vocab::nkg, "quote", literal(ev.quote));
    }
    e.add(ev_iri, vocab::nkg, "confidence", confidence_literal(ev.confidence));
    e.add(ev_iri, vocab::nkg, "rule", literal(ev.rule));
    e.add(ev_iri, vocab::prov, "wasGeneratedBy", iri(activity));
    e.add(ev_iri, vocab::nkg, "mentionedIn", iri(doc_iri));
    // The trigger word is the event's mention (one mention per span: a second event on the same
    // word keeps only its mentionedIn).
    // A second event on the same word ("urged the ambassador": a statement and the summons
    // meeting) takes its sentence as its mention, so every event has its own evidence.
    Span evidence = ev.trigger;
    if (evidence_used.count(iris_.mention(doc.id, evidence)) != 0) evidence = ev.evidence;
    const std::string m_iri = iris_.mention(doc.id, evidence);
    if (evidence_used.insert(m_iri).second) {
      e.type(m_iri, vocab::nif, "Phrase");
      e.type(m_iri, vocab::nif, "OffsetBasedString");
      e.add(m_iri, vocab::nif, "referenceContext", iri(doc_iri));
      e.add(m_iri, vocab::nif, "beginIndex", count_literal(evidence.begin_cp));
      e.add(m_iri, vocab::nif, "endIndex", count_literal(evidence.end_cp));
      e.add(m_iri, vocab::nif, "anchorOf", literal(code_points.substring(evidence)));
      e.add(m_iri, vocab::itsrdf, "taIdentRef", iri(ev_iri));
      e.add(m_iri, vocab::itsrdf, "taClassRef", iri(term(vocab::nkg, event_class_name(ev.cls))));
      e.add(m_iri, vocab::nkg, "confidence", confidence_literal(ev.confidence));
    }
  }
  if (any_event || !analysis.positions.empty()) {
    e.type(activity, vocab::prov, "Activity");
    e.add(activity, vocab::rdfs, "label", lang_literal("newskg " + std::string(newskg_version) + " extraction", "en"));
  }

  // A state named only indirectly ("the ambassador in Berlin", "the German Foreign Ministry"
  // under another name) is described too, so every node the graph points at is typed.
  for (const std::string& alpha3 : referenced_states) {
    if (described_states.count(alpha3) != 0 || !e.status().ok()) continue;
    NKG_TRY(emit_state_description(alpha3, doc_iri, sink));
  }

  for (const RelationClaim& r : analysis.relations) {
    const Mention& s = mentions[r.subject];
    const Mention& o = mentions[r.object];
    if (s.key.empty() || o.key.empty()) continue;
    const std::string subject = iris_.entity(s.kind, s.key);
    const std::string object = iris_.entity(o.kind, o.key);
    e.add(subject, vocab::nkg, r.property, iri(object));
    // Why the triple exists: an rdf:Statement (standard reification, readable by every store)
    // with the rule, the confidence, the activity and the sentence that states it.
    const std::string st = doc_iri + "#" + r.property + "=" + encode_iri_segment(s.key) + "," +
                           encode_iri_segment(o.key) + "," + std::to_string(r.evidence.begin_cp);
    e.type(st, vocab::rdf, "Statement");
    e.add(st, vocab::rdf, "subject", iri(subject));
    e.add(st, vocab::rdf, "predicate", iri(term(vocab::nkg, r.property)));
    e.add(st, vocab::rdf, "object", iri(object));
    e.add(st, vocab::nkg, "rule", literal(r.rule));
    e.add(st, vocab::nkg, "confidence", confidence_literal(r.confidence));
    e.add(st, vocab::prov, "wasGeneratedBy", iri(activity));
    e.add(st, vocab::nkg, "mentionedIn", iri(doc_iri));
    e.add(st, vocab::prov, "wasDerivedFrom", iri(iris_.mention(doc.id, r.evidence)));
    if (evidence_used.insert(iris_.mention(doc.id, r.evidence)).second) {
      const std::string m_iri = iris_.mention(doc.id, r.evidence);
      e.type(m_iri, vocab::nif, "Sentence");
      e.type(m_iri, vocab::nif, "OffsetBasedString");
      e.add(m_iri, vocab::nif, "referenceContext", iri(doc_iri));
      e.add(m_iri, vocab::nif, "beginIndex", count_literal(r.evidence.begin_cp));
      e.add(m_iri, vocab::nif, "endIndex", count_literal(r.evidence.end_cp));
      e.add(m_iri, vocab::nif, "anchorOf", literal(code_points.substring(r.evidence)));
    }
  }
  if (!analysis.relations.empty() && !any_event && analysis.positions.empty()) {
    e.type(activity, vocab::prov, "Activity");
    e.add(activity, vocab::rdfs, "label", lang_literal("newskg " + std::string(newskg_version) + " extraction", "en"));
  }
  return e.status();
}

}  // namespace nkg::graph
