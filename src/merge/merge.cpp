#include "merge/merge.hpp"

#include <algorithm>
#include <charconv>

#include "core/vocab.hpp"

namespace nkg::merge {

namespace {

using vocab::term;

const std::string& rdf_type() {
  static const std::string s(vocab::rdf_type);
  return s;
}

/// The quads of one document graph, indexed by subject.
class GraphIndex {
 public:
  explicit GraphIndex(const std::vector<Quad>& quads) : quads_(quads) {
    for (std::size_t i = 0; i < quads.size(); ++i) by_subject_[quads[i].subject.value].push_back(i);
    if (!quads.empty()) graph_ = quads.front().graph.value;
  }
  [[nodiscard]] const std::string& graph() const { return graph_; }
  [[nodiscard]] const Term* object(const std::string& subject, const std::string& predicate) const {
    const auto it = by_subject_.find(subject);
    if (it == by_subject_.end()) return nullptr;
    for (const std::size_t i : it->second) {
      if (quads_[i].predicate.value == predicate) return &quads_[i].object;
    }
    return nullptr;
  }
  [[nodiscard]] std::vector<const Term*> objects(const std::string& subject, const std::string& predicate) const {
    std::vector<const Term*> out;
    const auto it = by_subject_.find(subject);
    if (it == by_subject_.end()) return out;
    for (const std::size_t i : it->second) {
      if (quads_[i].predicate.value == predicate) out.push_back(&quads_[i].object);
    }
    return out;
  }
  [[nodiscard]] bool has_type(const std::string& subject, const std::string& cls) const {
    for (const Term* t : objects(subject, rdf_type())) {
      if (t->value == cls) return true;
    }
    return false;
  }
  /// Subjects typed `cls`, in quad order, once each.
  [[nodiscard]] std::vector<std::string> typed(const std::string& cls) const {
    std::vector<std::string> out;
    for (const Quad& q : quads_) {
      if (q.predicate.value == rdf_type() && q.object.value == cls) out.push_back(q.subject.value);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }
  [[nodiscard]] const std::vector<Quad>& quads() const { return quads_; }

 private:
  const std::vector<Quad>& quads_;
  std::string graph_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_subject_;
};

const std::string& p_nkg(std::string_view local) {
  // A few predicates are looked up per quad: each full IRI is built once (thread-safe static).
  static const std::map<std::string, std::string, std::less<>> cache = [] {
    std::map<std::string, std::string, std::less<>> m;
    for (const std::string_view n : {"agent", "target", "envoy", "place", "date", "quote", "modality", "confidence",
                                     "title", "positionIn", "accreditedTo", "holdsPosition", "mentionedIn", "rule"}) {
      m.emplace(std::string(n), term(vocab::nkg, n));
    }
    return m;
  }();
  return cache.find(local)->second;
}

const std::string& iri_of(std::string_view which) {
  static const std::map<std::string, std::string, std::less<>> iris{
      {"anchorOf", std::string(vocab::nif_anchor_of)},  {"taIdentRef", std::string(vocab::its_ident_ref)},
      {"label", std::string(vocab::rdfs_label)},       {"altLabel", std::string(vocab::skos_alt_label)},
      {"Person", term(vocab::nkg, "Person")},      {"Position", term(vocab::nkg, "Position")},
      {"Event", std::string(vocab::nkg_event)},        {"State", term(vocab::nkg, "State")},
      {"Statement", std::string(vocab::rdf_statement)}, {"subject", std::string(vocab::rdf_subject)},
      {"object", std::string(vocab::rdf_object)},
  };
  return iris.find(which)->second;
}

std::optional<EventClass> event_class_of(const GraphIndex& g, const std::string& event) {
  static const std::map<std::string, EventClass> classes = [] {
    std::map<std::string, EventClass> m;
    for (const EventClass c : {EventClass::summons, EventClass::recall, EventClass::expulsion, EventClass::statement,
                               EventClass::interview, EventClass::protest, EventClass::deployment, EventClass::visit,
                               EventClass::meeting, EventClass::armed_conflict, EventClass::sanction}) {
      m.emplace(term(vocab::nkg, graph::event_class_name(c)), c);
    }
    return m;
  }();
  for (const Term* t : g.objects(event, rdf_type())) {
    if (const auto it = classes.find(t->value); it != classes.end()) return it->second;
  }
  return std::nullopt;
}

Modality modality_of(const GraphIndex& g, const std::string& event) {
  const Term* t = g.object(event, p_nkg("modality"));
  if (t == nullptr) return Modality::asserted;
  for (const Modality m : {Modality::planned, Modality::demanded, Modality::alleged, Modality::negated}) {
    if (t->value == term(vocab::nkg, graph::modality_name(m))) return m;
  }
  return Modality::asserted;
}

double parse_confidence(const Term* t) {
  if (t == nullptr) return 0.0;
  double v = 0.0;
  const auto* begin = t->value.data();
  std::from_chars(begin, begin + t->value.size(), v);
  return v;
}

/// An event node as its document graph states it.
struct EventNode {
  std::string iri;
  resolve::EventKeyFacts facts;
  std::optional<PartialDate> date;
  double confidence = 0.0;
  bool is_own = false;  // a statement without a quote: its own event, never merged
};

std::optional<EventNode> read_event(const GraphIndex& g, const graph::IriMinter& iris, const std::string& event) {
  const auto cls = event_class_of(g, event);
  if (!cls) return std::nullopt;
  EventNode n;
  n.iri = event;
  n.facts.cls = *cls;
  auto role = [&](std::string_view p) -> std::optional<EntityRef> {
    const Term* t = g.object(event, p_nkg(p));
    return t == nullptr ? std::nullopt : iris.parse_entity(t->value);
  };
  n.facts.agent = role("agent");
  n.facts.target = role("target");
  n.facts.place = role("place");
  n.facts.modality = modality_of(g, event);
  if (const Term* d = g.object(event, p_nkg("date"))) n.date = resolve::parse_iso_date(d->value);
  n.confidence = parse_confidence(g.object(event, p_nkg("confidence")));
  if (*cls == EventClass::statement) {
    const Term* quote = g.object(event, p_nkg("quote"));
    n.facts.distinct = quote == nullptr ? std::string() : resolve::quote_hash(quote->value);
    if (n.facts.distinct.empty()) {
      // The key is head-<document>-<trigger>-<date>; keep the middle as this statement's own mark.
      n.is_own = true;
      const std::string event_prefix = iris.base() + std::string(vocab::path_event);
      auto key = graph::decode_iri_segment(std::string_view(event).substr(std::min(event.size(), event_prefix.size())));
      const std::string head = resolve::event_key_head(n.facts) + "-";
      const std::string tail = "-" + (n.date ? n.date->to_iso() : std::string("undated"));
      if (!key || key->size() <= head.size() + tail.size() || key->compare(0, head.size(), head) != 0 ||
          key->compare(key->size() - tail.size(), tail.size(), tail) != 0) {
        return std::nullopt;  // not a key this version mints: left as it is
      }
      n.facts.distinct = key->substr(head.size(), key->size() - head.size() - tail.size());
    }
  }
  return n;
}

}  // namespace

CorpusPass::CorpusPass(const graph::GraphBuilder& builder) : builder_(builder) {}

void CorpusPass::add(const std::vector<Quad>& quads) {
  if (quads.empty()) return;
  ++documents_;
  const GraphIndex g(quads);
  const graph::IriMinter& iris = builder_.iris();

  // People: the names each mention gives (a name is a label or altLabel of the person in this
  // graph; descriptions such as "the Polish leader" are not) and the posts they hold.
  std::map<std::string, resolve::PersonEvidence> people;
  std::map<std::string, std::set<std::string>> names_of;  // person IRI -> its names here
  for (const std::string& p : g.typed(iri_of("Person"))) {
    const auto ref = iris.parse_entity(p);
    if (!ref || ref->kind != EntityKind::person) continue;
    people[p].key = ref->key;
    for (const Term* t : g.objects(p, iri_of("label"))) names_of[p].insert(t->value);
    for (const Term* t : g.objects(p, iri_of("altLabel"))) names_of[p].insert(t->value);
    for (const Term* pos : g.objects(p, p_nkg("holdsPosition"))) {
      const Term* title = g.object(pos->value, p_nkg("title"));
      if (title == nullptr) continue;
      const Term* of = g.object(pos->value, p_nkg("positionIn"));
      people[p].roles.push_back(title->value + "|" + (of == nullptr ? std::string() : of->value));
      if (of != nullptr) stated_owners_[{ref->key, title->value}].insert(of->value);
    }
  }
  for (const Quad& q : quads) {
    if (q.predicate.value != iri_of("taIdentRef")) continue;
    const auto person = people.find(q.object.value);
    if (person == people.end()) continue;
    const Term* anchor = g.object(q.subject.value, iri_of("anchorOf"));
    if (anchor != nullptr && names_of[q.object.value].count(anchor->value) != 0) {
      person->second.names.push_back(anchor->value);
    }
  }
  for (auto& [iri_text, evidence] : people) people_evidence_.push_back(std::move(evidence));

  for (const std::string& e : g.typed(iri_of("Event"))) {
    auto node = read_event(g, iris, e);
    if (!node || node->is_own) continue;  // an own statement never merges: nothing to decide
    events_.push_back({std::move(node->facts), node->date, node->confidence});
  }
}

std::string CorpusPass::canonical_person(const std::string& key) const { return people_.key_of(key); }

std::optional<EntityRef> CorpusPass::canonical(std::optional<EntityRef> ref) const {
  if (ref && ref->kind == EntityKind::person) ref->key = canonical_person(ref->key);
  return ref;
}

void CorpusPass::decide() {
  people_ = resolve::unify_people(people_evidence_);
  people_evidence_.clear();
  people_evidence_.shrink_to_fit();
  owners_.clear();
  for (const auto& [holder_title, ofs] : stated_owners_) {
    owners_[{canonical_person(holder_title.first), holder_title.second}].insert(ofs.begin(), ofs.end());
  }
  dates_of_.clear();
  confidence_.clear();
  std::vector<std::string> bases;
  bases.reserve(events_.size());
  for (EventReport& r : events_) {
    r.facts.agent = canonical(r.facts.agent);
    r.facts.target = canonical(r.facts.target);
    r.facts.place = canonical(r.facts.place);
    bases.push_back(resolve::event_base_key(r.facts));
    auto& dates = dates_of_[bases.back()];
    if (r.date) dates.insert(r.date->to_iso());
  }
  for (std::size_t i = 0; i < events_.size(); ++i) {
    std::optional<PartialDate> date = events_[i].date;
    const auto& dates = dates_of_[bases[i]];
    if (!date && dates.size() == 1) date = resolve::parse_iso_date(*dates.begin());
    auto [it, inserted] = confidence_.emplace(resolve::event_key(bases[i], date), events_[i].confidence);
    if (!inserted) it->second = std::max(it->second, events_[i].confidence);
  }
  events_.clear();
  events_.shrink_to_fit();
}

std::vector<Quad> CorpusPass::rewrite(const std::vector<Quad>& quads) const {
  if (quads.empty()) return {};
  const GraphIndex g(quads);
  const graph::IriMinter& iris = builder_.iris();
  const Term graph_term = quads.front().graph;
  std::unordered_map<std::string, std::string> renamed;  // old IRI -> new IRI
  std::set<std::pair<std::string, std::string>> dropped;  // (subject, predicate) rewritten below
  std::vector<Quad> added;
  auto add = [&](const std::string& s, const std::string& p, Term o) {
    added.push_back(Quad{iri(s), iri(p), std::move(o), graph_term});
  };

  // People: one IRI per person of the corpus, with the corpus's label and this graph's names.
  std::map<std::string, std::set<std::string>> names_of;  // new person IRI -> names seen here
  std::map<std::string, std::set<std::string>> local_names;
  for (const std::string& p : g.typed(iri_of("Person"))) {
    const auto ref = iris.parse_entity(p);
    if (!ref || ref->kind != EntityKind::person) continue;
    const std::string canonical_iri = iris.entity(EntityKind::person, canonical_person(ref->key));
    if (canonical_iri != p) renamed[p] = canonical_iri;
    for (const Term* t : g.objects(p, iri_of("label"))) local_names[p].insert(t->value);
    for (const Term* t : g.objects(p, iri_of("altLabel"))) local_names[p].insert(t->value);
    names_of[canonical_iri];
    dropped.insert({p, iri_of("label")});
    dropped.insert({p, iri_of("altLabel")});
  }
  for (const Quad& q : quads) {
    if (q.predicate.value != iri_of("taIdentRef")) continue;
    const auto local = local_names.find(q.object.value);
    if (local == local_names.end()) continue;
    const Term* anchor = g.object(q.subject.value, iri_of("anchorOf"));
    if (anchor == nullptr || local->second.count(anchor->value) == 0) continue;
    const auto r = renamed.find(q.object.value);
    names_of[r == renamed.end() ? q.object.value : r->second].insert(anchor->value);
  }
  for (const auto& [person_iri, names] : names_of) {
    const std::string key = iris.parse_entity(person_iri)->key;
    std::string label;
    if (const std::string* known = builder_.lexicon().catalog_person_label(key)) {
      label = *known;
    } else if (const auto it = people_.label.find(key); it != people_.label.end()) {
      label = it->second;
    } else if (!names.empty()) {
      // The longest name seen: a full name rather than a surname.
      label = *std::max_element(names.begin(), names.end(),
                                [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
    }
    if (!label.empty()) add(person_iri, iri_of("label"), lang_literal(label, "en"));
    for (const std::string& n : names) {
      if (n != label) add(person_iri, iri_of("altLabel"), literal(n));
    }
  }
  const auto new_iri = [&](const std::string& old) -> const std::string& {
    const auto it = renamed.find(old);
    return it == renamed.end() ? old : it->second;
  };

  // Posts: minted from title, owner, host state and (canonical) holder; an unstated owner is the
  // one the other articles give that holder for that title.
  for (const Quad& q : quads) {
    if (q.predicate.value != p_nkg("holdsPosition")) continue;
    const std::string& pos = q.object.value;
    const Term* title = g.object(pos, p_nkg("title"));
    const auto holder = iris.parse_entity(new_iri(q.subject.value));
    if (title == nullptr || !holder) continue;
    const Term* of = g.object(pos, p_nkg("positionIn"));
    std::string of_iri = of == nullptr ? std::string() : of->value;
    if (of_iri.empty()) {
      const auto it = owners_.find({holder->key, title->value});
      if (it != owners_.end() && it->second.size() == 1) of_iri = *it->second.begin();
    }
    const auto of_ref = of_iri.empty() ? std::nullopt : iris.parse_entity(of_iri);
    const Term* to = g.object(pos, p_nkg("accreditedTo"));
    const auto to_ref = to == nullptr ? std::nullopt : iris.parse_entity(to->value);
    const std::string minted = iris.position(title->value, of_ref ? of_ref->key : std::string(),
                                             to_ref ? to_ref->key : std::string(), holder->key);
    if (minted != pos) renamed[pos] = minted;
    if (of == nullptr && of_ref) {
      add(minted, p_nkg("positionIn"), iri(of_iri));
      if (of_ref->kind == EntityKind::state && !g.has_type(of_iri, iri_of("State"))) {
        CollectingQuadSink collect;
        (void)builder_.emit_state_description(of_ref->key, g.graph(), collect);
        for (Quad& x : collect.quads) added.push_back(std::move(x));
      }
    }
  }

  // Events: keyed with canonical roles and the date the corpus agrees on; one confidence.
  std::map<std::string, std::vector<std::string>> mentions_of;  // event IRI -> its mentions
  for (const Quad& q : quads) {
    if (q.predicate.value == iri_of("taIdentRef")) mentions_of[q.object.value].push_back(q.subject.value);
  }
  for (const std::string& e : g.typed(iri_of("Event"))) {
    auto node = read_event(g, iris, e);
    if (!node) continue;
    node->facts.agent = canonical(node->facts.agent);
    node->facts.target = canonical(node->facts.target);
    node->facts.place = canonical(node->facts.place);
    const std::string base = resolve::event_base_key(node->facts);
    std::optional<PartialDate> date = node->date;
    double confidence = node->confidence;
    if (!node->is_own) {
      if (const auto it = dates_of_.find(base); !date && it != dates_of_.end() && it->second.size() == 1) {
        date = resolve::parse_iso_date(*it->second.begin());
      }
      if (const auto it = confidence_.find(resolve::event_key(base, date)); it != confidence_.end()) {
        confidence = it->second;
      }
    }
    const std::string minted = iris.event(resolve::event_key(base, date));
    if (minted != e) renamed[e] = minted;
    if (!node->date && date) add(minted, p_nkg("date"), graph::date_literal(*date));
    dropped.insert({e, p_nkg("confidence")});
    add(minted, p_nkg("confidence"), graph::confidence_literal(confidence));
    for (const std::string& m : mentions_of[e]) {
      dropped.insert({m, p_nkg("confidence")});
      add(m, p_nkg("confidence"), graph::confidence_literal(confidence));
    }
  }

  // Reified relations: doc#property=SUBJECT,OBJECT,BEGIN with the keys of the renamed nodes.
  for (const std::string& st : g.typed(iri_of("Statement"))) {
    const std::size_t hash = st.find('#');
    const std::size_t eq = st.find('=', hash == std::string::npos ? 0 : hash);
    const std::size_t comma = st.rfind(',');
    const Term* s = g.object(st, iri_of("subject"));
    const Term* o = g.object(st, iri_of("object"));
    if (hash == std::string::npos || eq == std::string::npos || comma == std::string::npos || comma < eq ||
        s == nullptr || o == nullptr) {
      continue;
    }
    const auto s_ref = iris.parse_entity(new_iri(s->value));
    const auto o_ref = iris.parse_entity(new_iri(o->value));
    if (!s_ref || !o_ref) continue;
    const std::string minted = st.substr(0, eq + 1) + graph::encode_iri_segment(s_ref->key) + "," +
                               graph::encode_iri_segment(o_ref->key) + st.substr(comma);
    if (minted != st) renamed[st] = minted;
  }

  std::vector<Quad> out;
  out.reserve(quads.size() + added.size());
  auto rename = [&](const Term& t) {
    if (!t.is_iri()) return t;
    const auto it = renamed.find(t.value);
    return it == renamed.end() ? t : iri(it->second);
  };
  for (const Quad& q : quads) {
    if (dropped.count({q.subject.value, q.predicate.value}) != 0) continue;
    out.push_back(Quad{rename(q.subject), q.predicate, rename(q.object), q.graph});
  }
  for (Quad& q : added) out.push_back(std::move(q));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace nkg::merge
