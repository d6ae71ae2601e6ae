// Events from trigger words and the mentions around them.
#include "events/events.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "recognize/mention_index.hpp"

namespace nkg::events {

namespace {

using recognize::MentionIndex;

struct ClassInfo {
  std::string_view name;
  EventClass cls;
};
constexpr ClassInfo classes[] = {
    {"Summons", EventClass::summons},       {"Recall", EventClass::recall},
    {"Expulsion", EventClass::expulsion},   {"Statement", EventClass::statement},
    {"Interview", EventClass::interview},   {"Protest", EventClass::protest},
    {"Deployment", EventClass::deployment}, {"Visit", EventClass::visit},
    {"Meeting", EventClass::meeting},       {"ArmedConflict", EventClass::armed_conflict},
    {"Sanction", EventClass::sanction},
};

std::optional<EventClass> class_of(std::string_view name) {
  for (const auto& c : classes) {
    if (c.name == name) return c.cls;
  }
  return std::nullopt;
}

std::string lower(std::string_view s) { return lexicon::ascii_lower(s); }

bool is_lower_word(std::string_view w) { return !w.empty() && w[0] >= 'a' && w[0] <= 'z'; }

bool is_actor(const Mention& m) {
  return !m.key.empty() &&
         (m.kind == EntityKind::state || m.kind == EntityKind::organization || m.kind == EntityKind::person);
}

/// The words that make a following (or preceding) act not a plain assertion.
Modality modality_before(const MentionIndex& ix, std::uint32_t first, std::uint32_t trigger, bool is_verb) {
  std::uint32_t from = trigger >= first + 8 ? trigger - 8 : first;
  for (std::uint32_t k = trigger; k-- > from;) {
    const std::string& w = ix.word(k);
    const std::string l = lower(w);
    if (w == "," || w == ";" || w == ":" || l == "that" || l == "as" || l == "why" || l == "which" || l == "who" ||
        l == "because" || l == "but" || l == "after" || l == "when" || l == "if" || l == "whether") {
      from = k + 1;
      break;
    }
  }
  Modality m = Modality::asserted;
  for (std::uint32_t k = from; k < trigger; ++k) {
    const std::string& w = ix.lower_word(k);
    if (w == "not" || w == "n't" || w == "never" || w == "neither" || w == "nor" || w == "no" || w == "refused" ||
        w == "declined" || w == "without") {
      return Modality::negated;
    }
    const bool infinitive = w == "to" && k + 1 == trigger && is_verb;
    if (w == "will" || w == "would" || w == "plans" || w == "planned" || w == "plan" || w == "intends" ||
        infinitive || w == "shall" || w == "expected" || w == "scheduled" || w == "upcoming") {
      m = Modality::planned;
    }
    if (w == "demanded" || w == "demand" || w == "urged" || w == "called" || w == "calls" || w == "demanding" ||
        w == "asked") {
      m = Modality::demanded;
    }
    if (w == "allegedly" || w == "reportedly" || w == "alleged") m = Modality::alleged;
  }
  return m;
}

/// "the planned visit was cancelled": a cancellation after the trigger negates it.
bool cancelled_after(const MentionIndex& ix, std::uint32_t trigger, std::uint32_t end) {
  for (std::uint32_t k = trigger + 1; k < end && k < trigger + 6; ++k) {
    const std::string& w = ix.lower_word(k);
    if (w == "cancelled" || w == "canceled" || w == "called" || w == "postponed" || w == "scrapped") {
      return w != "called" || (k + 1 < end && ix.lower_word(k + 1) == "off");
    }
  }
  return false;
}

class EventFinder {
 public:
  EventFinder(std::string_view text, const Segmentation& seg, const syntax::Syntax& syntax, const lexicon::Lexicon& lex,
              const std::vector<Mention>& mentions, const std::vector<PositionClaim>& positions,
              const std::vector<DateMention>& dates)
      : text_(text), seg_(seg), ix_(text, seg, mentions), syntax_(syntax), lex_(lex), mentions_(mentions),
        positions_(positions), dates_(dates) {
    find_quotes();
    // Each person's post for the roles of events: one with a host state wins (an envoy's).
    for (const PositionClaim& p : positions_) {
      const std::string& key = mentions_[p.holder].key;
      if (key.empty() || p.of_key.empty()) continue;
      auto [it, inserted] = post_by_person_.emplace(key, p);
      if (!inserted && !p.to_key.empty() && it->second.to_key.empty()) it->second = p;
    }
  }

  std::vector<EventClaim> run() {
    const auto& table = lex_.trigger_forms();
    // The triggers first; then the sentences that hold one are parsed, and each is read.
    struct Found {
      const lexicon::TriggerRecord* record;
      std::uint32_t begin;
      std::uint32_t end;
    };
    std::vector<Found> found;
    std::vector<bool> wanted(seg_.sentences.size(), false);
    for (std::uint32_t i = 0; i < ix_.size(); ++i) {
      if (ix_.owner(i) >= 0) continue;
      std::optional<std::pair<std::uint32_t, std::uint32_t>> best;
      for (const std::uint32_t idx : table.starting_with(ix_.lower_word(i))) {
        const lexicon::Phrase& p = table.phrases()[idx];
        const auto n = static_cast<std::uint32_t>(p.tokens.size());
        if (i + n > ix_.sentence(i).end_token) continue;
        bool same = true;
        for (std::uint32_t k = 0; k < n && same; ++k) same = ix_.lower_word(i + k) == p.tokens[k];
        if (same && (!best || n > best->second)) best = {{p.record, n}};
      }
      if (!best) continue;
      found.push_back({&lex_.triggers()[best->first], i, i + best->second});
      wanted[static_cast<std::size_t>(&ix_.sentence(i) - seg_.sentences.data())] = true;
      i += best->second - 1;
    }
    if (found.empty()) return {};
    parse_ = syntax_.parse(text_, seg_, &wanted);
    // Word -> the chunk that covers it; verb group -> its clause.
    chunk_of_word_.assign(parse_.words.size(), -1);
    for (std::uint32_t c = 0; c < parse_.chunks.size(); ++c) {
      for (std::uint32_t w = parse_.chunks[c].begin; w < parse_.chunks[c].end; ++w) chunk_of_word_[w] = static_cast<std::int32_t>(c);
    }
    clause_of_chunk_.assign(parse_.chunks.size(), -1);
    for (std::uint32_t k = 0; k < parse_.clauses.size(); ++k) clause_of_chunk_[parse_.clauses[k].verb] = static_cast<std::int32_t>(k);
    for (const syntax::Clause& c : parse_.clauses) {
      if (!c.subject || verb_of(c).voice == syntax::Voice::passive) continue;
      for (const Mention* m : actors_of_group(*c.subject, false)) subjects_.insert(m);
    }
    for (const Found& f : found) handle(*f.record, f.begin, f.end);
    // "the interview" after "an interview with Deutsche Welle TV": the same interview when the same
    // speaker gave one with a named outlet in this article; likewise for deployments.
    std::vector<EventClaim> kept;
    for (const EventClaim& e : out_) {
      const bool partial = (e.cls == EventClass::interview || e.cls == EventClass::deployment) && !e.target;
      const bool completed = partial && std::any_of(out_.begin(), out_.end(), [&](const EventClaim& o) {
        return o.cls == e.cls && o.agent == e.agent && o.target.has_value();
      });
      if (!completed) kept.push_back(e);
    }
    return kept;
  }

 private:
  [[nodiscard]] const Mention* at(std::uint32_t token) const {
    const int o = ix_.owner(token);
    return o < 0 ? nullptr : &mentions_[static_cast<std::size_t>(o)];
  }

  [[nodiscard]] EntityRef ref(const Mention& m) const { return {m.kind, m.key}; }

  // --- The clause layer: roles from the clause of a verb trigger -------------------------------

  /// The clause whose verb group has token `trigger` as its main verb, if the parse has one.
  [[nodiscard]] const syntax::Clause* clause_of(std::uint32_t trigger) const {
    const std::uint32_t cp = ix_.token_span(trigger).begin_cp;
    const auto it = std::lower_bound(parse_.words.begin(), parse_.words.end(), cp,
                                     [](const syntax::Word& w, std::uint32_t at) { return w.span.begin_cp < at; });
    if (it == parse_.words.end() || it->span.begin_cp != cp) return nullptr;
    const auto word = static_cast<std::size_t>(it - parse_.words.begin());
    const std::int32_t chunk = chunk_of_word_[word];
    if (chunk < 0) return nullptr;
    const syntax::Chunk& c = parse_.chunks[static_cast<std::size_t>(chunk)];
    if (c.kind != syntax::ChunkKind::verb_group || c.head != word) return nullptr;
    const std::int32_t clause = clause_of_chunk_[static_cast<std::size_t>(chunk)];
    return clause < 0 ? nullptr : &parse_.clauses[static_cast<std::size_t>(clause)];
  }
  [[nodiscard]] const syntax::Chunk& verb_of(const syntax::Clause& c) const { return parse_.chunks[c.verb]; }

  /// Mentions over the words of chunk `c`, in text order.
  [[nodiscard]] std::vector<const Mention*> mentions_in(std::uint32_t c) const {
    const syntax::Chunk& chunk = parse_.chunks[c];
    const Span span{parse_.words[chunk.begin].span.begin_cp, parse_.words[chunk.end - 1].span.end_cp};
    const auto [b, e] = ix_.tokens_of(span);
    std::vector<const Mention*> out;
    for (std::uint32_t k = b; k < e; ++k) {
      const Mention* m = at(k);
      if (m != nullptr && (out.empty() || out.back() != m)) out.push_back(m);
    }
    return out;
  }
  /// The entity a noun phrase names: the mention over its head, else an actor inside it, else
  /// its possessor's ("Poland 's ambassador" -> Poland when nothing names the ambassador).
  [[nodiscard]] const Mention* actor_of_chunk(std::uint32_t c, bool person_only) const {
    const auto ms = mentions_in(c);
    auto fits = [&](const Mention* m) {
      return is_actor(*m) && (!person_only || m->kind == EntityKind::person);
    };
    const std::uint32_t head_cp = parse_.words[parse_.chunks[c].head].span.begin_cp;
    for (const Mention* m : ms) {
      if (fits(m) && m->span.begin_cp <= head_cp && head_cp < m->span.end_cp) return m;
    }
    for (const Mention* m : ms) {
      if (fits(m)) return m;
    }
    if (!person_only && c > 0 && parse_.chunks[c - 1].is_possessive) return actor_of_chunk(c - 1, false);
    return nullptr;
  }
  /// The actors a noun group names: one per coordinated member ("Peru, Panama and Chile");
  /// an apposition names the same entity ("Jan Kowalski, the Polish envoy").
  [[nodiscard]] std::vector<const Mention*> actors_of_group(std::uint32_t g, bool person_only) const {
    const syntax::NounGroup& group = parse_.groups[g];
    std::vector<const Mention*> out;
    for (const std::uint32_t c : group.members) {
      if (const Mention* m = actor_of_chunk(c, person_only)) out.push_back(m);
    }
    if (out.empty()) {
      for (const std::uint32_t c : group.appositions) {
        if (const Mention* m = actor_of_chunk(c, person_only)) {
          out.push_back(m);
          break;
        }
      }
    }
    return out;
  }
  /// "a spokesman for the party", "Smith of the commission": the body named in a prepositional
  /// phrase between the subject and its verb, for a subject that names nobody.
  [[nodiscard]] const Mention* body_after_subject(const syntax::Clause& c) const {
    if (!c.subject) return nullptr;
    const std::uint32_t from = parse_.groups[*c.subject].end;
    const std::uint32_t to = verb_of(c).begin;
    for (std::uint32_t g = *c.subject + 1; g < parse_.groups.size() && parse_.groups[g].begin < to; ++g) {
      if (parse_.groups[g].begin < from) continue;
      for (const Mention* m : actors_of_group(g, false)) {
        if (m->kind != EntityKind::person) return m;
      }
    }
    return nullptr;
  }
  /// Who does what the verb `trigger` says, by its clause: the subject of an active verb (each
  /// coordinated one), the by-phrase of a passive (none without one: "the ambassador was
  /// summoned" names no agent); for a verb of saying (`speaks_for_body`), the body in a phrase
  /// after a subject that names nobody ("a spokesman for the party said": the party). Empty
  /// when the subject names nobody; nullopt where the clause layer cannot tell: no clause, no
  /// subject, or a pronoun subject.
  [[nodiscard]] std::optional<std::vector<const Mention*>> clause_agents(std::uint32_t trigger,
                                                                       bool speaks_for_body = false) const {
    const syntax::Clause* c = clause_of(trigger);
    if (c == nullptr) return std::nullopt;
    if (verb_of(*c).voice == syntax::Voice::passive) {
      if (!c->by_agent) return std::vector<const Mention*>{};
      return actors_of_group(*c->by_agent, false);
    }
    if (!c->subject || subject_is_pronoun(*c)) return std::nullopt;
    auto agents = actors_of_group(*c->subject, false);
    if (agents.empty() && speaks_for_body) {
      if (const Mention* body = body_after_subject(*c)) agents.push_back(body);
    }
    if (agents.empty()) {
      if (const Mention* named = described(*c->subject)) agents.push_back(named);
    }
    return agents;
  }

  /// The entity a definite description stands for ("the ministry said", "the government
  /// announced"; ontology/lexicon/descriptions.tsv): the nearest fitting entity named before it
  /// in the article, the salience rule of the README. nullptr when none fits.
  [[nodiscard]] const Mention* described(std::uint32_t group) const {
    const syntax::NounGroup& g = parse_.groups[group];
    if (g.members.size() != 1 || !g.appositions.empty()) return nullptr;
    const syntax::Chunk& np = parse_.chunks[g.members.front()];
    if (!np.determiner || np.is_pronoun) return nullptr;
    const std::string_view determiner = syntax_.vocabulary().text(parse_.words[*np.determiner].lower);
    if (determiner != "the" && determiner != "its" && determiner != "their") return nullptr;
    const std::string_view head = syntax_.vocabulary().text(parse_.words[np.head].lower);
    const auto kind = lex_.description_kind(head);
    if (!kind) return nullptr;
    const std::uint32_t before = parse_.words[np.begin].span.begin_cp;
    auto contains_head = [&](std::string_view name) { return lexicon::ascii_lower(name).find(head) != std::string::npos; };
    auto fits = [&](const Mention& m) {
      if (m.span.end_cp > before || m.key.empty()) return false;
      if (*kind == lexicon::DescriptionKind::state) return m.kind == EntityKind::state;
      if (m.kind != EntityKind::organization) return false;
      const lexicon::OrgRecord* org = lex_.find_organization(m.key);
      return contains_head(m.surface) || contains_head(m.label) || (org != nullptr && contains_head(org->label)) ||
             (*kind == lexicon::DescriptionKind::company && org != nullptr && org->kind == lexicon::OrgKind::company);
    };
    // Salience: an entity that was the subject of an earlier clause first ("Chile expelled two
    // Peruvian diplomats. The government said ...": Chile), then the nearest one named.
    const Mention* nearest = nullptr;
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
      if (!fits(*it)) continue;
      if (subjects_.count(&*it) != 0) return &*it;
      if (nearest == nullptr) nearest = &*it;
    }
    return nearest;
  }

  /// Whether the subject group is a pronoun ("it", "he"): left to the words around the trigger.
  [[nodiscard]] bool subject_is_pronoun(const syntax::Clause& c) const {
    if (!c.subject) return false;
    const syntax::NounGroup& g = parse_.groups[*c.subject];
    return g.members.size() == 1 && g.appositions.empty() && parse_.chunks[g.members.front()].is_pronoun;
  }

  /// Where role searches before a trigger stop: its sentence start, at most 30 tokens back (an
  /// actor further away is not its subject, and long sentences stay linear).
  [[nodiscard]] std::uint32_t clause_start(std::uint32_t trigger) const {
    const std::uint32_t first = ix_.sentence(trigger).first_token;
    return trigger > first + 30 ? trigger - 30 : first;
  }

  /// The state an actor stands for in diplomatic acts (a ministry or embassy acts for its state).
  [[nodiscard]] EntityRef state_for(const Mention& m) const {
    if (m.kind == EntityKind::organization && m.part_of.rfind("state:", 0) == 0) {
      return {EntityKind::state, m.part_of.substr(6)};
    }
    return ref(m);
  }

  /// The state a person's post belongs to (their envoy post, or any post), if the document says.
  [[nodiscard]] std::optional<PositionClaim> post_of(const Mention& person) const {
    const auto it = post_by_person_.find(person.key);
    if (it == post_by_person_.end()) return std::nullopt;
    return it->second;
  }

  /// Actor mentions in tokens [from, to), in text order, each once.
  [[nodiscard]] std::vector<const Mention*> actors(std::uint32_t from, std::uint32_t to) const {
    std::vector<const Mention*> out;
    for (std::uint32_t k = from; k < to; ++k) {
      const Mention* m = at(k);
      if (m == nullptr || !is_actor(*m) || (!out.empty() && out.back() == m)) continue;
      out.push_back(m);
    }
    return out;
  }

  /// The subject: the nearest actor before the trigger in its clause that is not the object of
  /// a preposition ("In response to Hungary's decision, Poland recalled" -> Poland;
  /// "Germany's Foreign Minister Jana Weber met" -> Weber).
  [[nodiscard]] const Mention* subject_before(std::uint32_t trigger) const {
    if (const auto agents = clause_agents(trigger)) return agents->empty() ? nullptr : agents->front();
    const std::uint32_t first = clause_start(trigger);
    for (std::uint32_t k = trigger; k-- > first;) {
      const std::string& w = ix_.word(k);
      if (w == "\xE2\x80\x9D" || w == "\"" || w == ";" || w == "\xE2\x80\x9C" || lower(w) == "that") break;  // another clause
      const Mention* m = at(k);
      if (m == nullptr || !is_actor(*m)) continue;
      const std::uint32_t begin = ix_.tokens_of(m->span).first;
      const std::string before = begin > first ? ix_.lower_word(begin - 1) : std::string();
      const bool object = before == "of" || before == "to" || before == "from" || before == "with" || before == "in" ||
                          before == "by" || before == "for" || before == "against" || before == "on";
      // "turned to Moscow and Warsaw": a conjunct of an object is an object too.
      bool conjunct = false;
      if ((before == "and" || before == "or" || before == ",") && begin >= first + 2) {
        const Mention* prev = at(begin - 2);
        if (prev != nullptr) {
          const std::uint32_t pb = ix_.tokens_of(prev->span).first;
          const std::string pw = pb > first ? ix_.lower_word(pb - 1) : std::string();
          conjunct = pw == "of" || pw == "to" || pw == "from" || pw == "with" || pw == "in" || pw == "by" || pw == "for" ||
                     pw == "against" || pw == "on";
        }
      }
      if (!object && !conjunct) return m;
      k = begin > first ? begin - 1 : begin;  // skip the mention and its preposition or conjunction
    }
    return nullptr;
  }

  /// The actor right before the trigger ("Weber added", "the Russian embassy in Warsaw said",
  /// "Kowalski also noted"): auxiliaries, adverbs and a trailing "in <place>" between are skipped.
  [[nodiscard]] const Mention* adjacent_before(std::uint32_t trigger) const {
    const std::uint32_t first = clause_start(trigger);
    std::uint32_t k = trigger;
    while (k > first) {
      const std::string& w = ix_.lower_word(k - 1);
      if (w == "also" || w == "has" || w == "had" || w == "then" || w == "later" || w == "once" || w == "again") {
        --k;
        continue;
      }
      break;
    }
    if (k == first) return nullptr;
    const Mention* m = at(k - 1);
    if (m != nullptr && m->kind == EntityKind::place) {
      const std::uint32_t pb = ix_.tokens_of(m->span).first;
      if (pb >= first + 2 && ix_.lower_word(pb - 1) == "in") m = at(pb - 2);
    }
    return m != nullptr && is_actor(*m) ? m : nullptr;
  }

  /// The nearest person before the trigger in its clause (speakers are people).
  [[nodiscard]] const Mention* person_before(std::uint32_t trigger) const {
    const std::uint32_t first = clause_start(trigger);
    for (std::uint32_t k = trigger; k-- > first;) {
      const std::string& w = ix_.word(k);
      if (w == "\xE2\x80\x9D" || w == "\"" || w == ";" || w == "\xE2\x80\x9C") break;
      const Mention* m = at(k);
      if (m != nullptr && m->kind == EntityKind::person && !m->key.empty()) return m;
    }
    return nullptr;
  }

  [[nodiscard]] std::optional<PartialDate> date_in(std::uint32_t trigger) const {
    const Span sentence = ix_.sentence(trigger).span;
    const std::uint32_t cp = ix_.token_span(trigger).begin_cp;
    const std::uint32_t from = std::max(sentence.begin_cp, cp > 100 ? cp - 100 : 0);
    const std::uint32_t to = std::min(sentence.end_cp, cp + 100);
    // Dates are in text order: look only at those near the trigger.
    auto it = std::lower_bound(dates_.begin(), dates_.end(), from,
                               [](const DateMention& d, std::uint32_t at) { return d.span.begin_cp < at; });
    std::optional<PartialDate> best;
    std::uint32_t best_distance = ~0U;
    for (; it != dates_.end() && it->span.begin_cp < to; ++it) {
      const DateMention& d = *it;
      if (d.span.end_cp > sentence.end_cp) continue;
      const std::uint32_t distance = d.span.begin_cp > cp ? d.span.begin_cp - cp : cp - d.span.end_cp;
      if (distance < best_distance && distance <= 100) {
        best = d.date;
        best_distance = distance;
      }
    }
    return best;
  }

  /// Quotes in the text: “...” and "...", as code point spans.
  void find_quotes() {
    std::uint32_t cp = 0;
    std::optional<std::pair<std::uint32_t, std::size_t>> open;  // cp, byte after the mark
    bool straight_open = false;
    for (std::size_t b = 0; b < text_.size();) {
      const auto c = static_cast<unsigned char>(text_[b]);
      const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      const std::string_view ch = text_.substr(b, len);
      if (ch == "\xE2\x80\x9C" || (ch == "\"" && !straight_open)) {
        open = {{cp, b + len}};
        straight_open = ch == "\"";
      } else if ((ch == "\xE2\x80\x9D" || (ch == "\"" && straight_open)) && open) {
        quotes_.push_back({{open->first + 1, cp}, std::string(text_.substr(open->second, b - open->second))});
        open.reset();
        straight_open = false;
      }
      b += len;
      ++cp;
    }
  }

  /// The quote a verb of saying reports: one ending in its sentence before it, or one the
  /// sentence opens with, or one right after it.
  [[nodiscard]] std::string quote_for(std::uint32_t trigger) const {
    const Span sentence = ix_.sentence(trigger).span;
    const std::uint32_t cp = ix_.token_span(trigger).begin_cp;
    const std::pair<Span, std::string>* best = nullptr;
    // Quotes are in text order: only those ending within 40 code points before the trigger, or
    // starting within 40 after it, can be its quote.
    const std::uint32_t from = cp > 40 ? cp - 40 : 0;
    auto it = std::lower_bound(quotes_.begin(), quotes_.end(), from,
                               [](const std::pair<Span, std::string>& q, std::uint32_t at) { return q.first.end_cp < at; });
    for (; it != quotes_.end() && it->first.begin_cp < cp + 40; ++it) {
      const auto& q = *it;
      const bool ends_before = q.first.end_cp <= cp && q.first.end_cp + 3 >= sentence.begin_cp && cp - q.first.end_cp < 40;
      const bool after = q.first.begin_cp > cp && q.first.begin_cp < sentence.end_cp && q.first.begin_cp - cp < 40;
      if (ends_before || after) {
        if (best == nullptr || (ends_before && q.first.end_cp > best->first.end_cp)) best = &q;
      }
    }
    if (best == nullptr) return {};
    std::string quote = best->second;
    while (!quote.empty() && (quote.back() == ',' || quote.back() == ' ')) quote.pop_back();
    return quote;
  }

  void add(EventClaim e, std::uint32_t trigger, std::uint32_t trigger_end, double confidence, std::string rule) {
    if (e.target && e.agent && *e.target == *e.agent) e.target.reset();
    const Sentence& s = ix_.sentence(trigger);
    e.trigger = {ix_.token_span(trigger).begin_cp, ix_.token_span(trigger_end - 1).end_cp};
    e.evidence = recognize::evidence_window(s.span, e.trigger);
    if (!e.date) e.date = date_in(trigger);
    if (e.cls != EventClass::statement && e.cls != EventClass::interview && e.modality == Modality::asserted) {
      e.modality = modality_before(ix_, s.first_token, trigger, is_verb_);
      if (cancelled_after(ix_, trigger, s.end_token)) e.modality = Modality::negated;
    }
    e.confidence = confidence;
    e.rule = std::move(rule);
    out_.push_back(std::move(e));
  }

  void handle(const lexicon::TriggerRecord& t, std::uint32_t begin, std::uint32_t end);
  void diplomatic(EventClass cls, const lexicon::TriggerRecord& t, std::uint32_t begin, std::uint32_t end);
  void speech(const lexicon::TriggerRecord& t, std::uint32_t begin, std::uint32_t end);
  void general(EventClass cls, const lexicon::TriggerRecord& t, std::uint32_t begin, std::uint32_t end);

  std::string_view text_;
  const Segmentation& seg_;
  MentionIndex ix_;
  const syntax::Syntax& syntax_;
  syntax::Parse parse_;  // of the sentences that hold a trigger
  std::vector<std::int32_t> chunk_of_word_;
  std::vector<std::int32_t> clause_of_chunk_;
  std::set<const Mention*> subjects_;  // entities that are the subject of a clause
  const lexicon::Lexicon& lex_;
  const std::vector<Mention>& mentions_;
  const std::vector<PositionClaim>& positions_;
  const std::vector<DateMention>& dates_;
  std::vector<std::pair<Span, std::string>> quotes_;  // in text order
  std::map<std::string, PositionClaim> post_by_person_;
  std::vector<EventClaim> out_;
  bool is_verb_ = false;  // the trigger being handled is a verb
};

bool is_diplomat_word(std::string_view w) {
  const std::string l = lexicon::ascii_lower(w);
  return l == "ambassador" || l == "ambassadors" || l == "envoy" || l == "envoys" || l == "diplomat" ||
         l == "diplomats" || l == "chargé" || l == "charge" || l == "consul" || l == "attaché";
}

/// Summons, recalls, expulsions of envoys: "Germany summoned Poland's ambassador", "X was
/// summoned by Y", "the summoning of X", "Poland recalled its ambassador, Piotr Wilk, from Budapest".
void EventFinder::diplomatic(EventClass cls, const lexicon::TriggerRecord& t, std::uint32_t begin, std::uint32_t end) {
  const Sentence& s = ix_.sentence(begin);
  if (t.has_memory_sense && end < s.end_token) {
    const std::string& next = ix_.lower_word(end);
    if (next == "that" || next == "how" || next == "when" || next == "the" || next == "his" || next == "her") {
      // "he recalled that ...": memory, not an act (an act names an envoy right after).
      if (next != "the" || end + 1 >= s.end_token || !is_diplomat_word(ix_.word(end + 1))) return;
    }
  }
  const syntax::Clause* clause = t.pos == "verb" ? clause_of(begin) : nullptr;
  const bool passive = clause != nullptr ? verb_of(*clause).voice == syntax::Voice::passive
                                         : begin > s.first_token + 1 &&
                                               (ix_.lower_word(begin - 1) == "was" || ix_.lower_word(begin - 1) == "were" ||
                                                ix_.lower_word(begin - 1) == "been") &&
                                               t.pos == "verb";
  EventClaim e;
  e.cls = cls;
  const Mention* agent = nullptr;
  const Mention* envoy = nullptr;
  bool diplomat_named = false;
  // The envoy: a person after the trigger (active) or before it (passive).
  const std::uint32_t look_to = std::min(s.end_token, end + 10);
  for (std::uint32_t k = end; k < look_to; ++k) {
    const std::string& w = ix_.lower_word(k);
    // The object ends where a reason or circumstance starts ("... Ambassador Over Zelensky's Remarks").
    if (w == "over" || w == "after" || w == "following" || w == "because" || w == "for" || w == "amid" ||
        w == "since" || w == "that" || w == "but" || w == ";") {
      break;
    }
    if (is_diplomat_word(ix_.word(k))) diplomat_named = true;
    const Mention* m = at(k);
    if (!passive && m != nullptr && m->kind == EntityKind::person && !m->key.empty()) {
      envoy = m;
      break;
    }
  }
  // The state the envoy comes from, as the words about them say ("the Polish ambassador").
  std::optional<EntityRef> envoy_state;
  if (clause != nullptr) {
    // The envoy: the object of an active verb, the subject of a passive one, by the clause.
    const auto& envoy_group = passive ? clause->subject : clause->object;
    if (envoy_group) {
      const auto people = actors_of_group(*envoy_group, true);
      if (!people.empty()) envoy = people.front();
      const syntax::NounGroup& g = parse_.groups[*envoy_group];
      const Span span{parse_.words[g.begin].span.begin_cp, parse_.words[g.end - 1].span.end_cp};
      const auto [first_token, end_token] = ix_.tokens_of(span);
      for (std::uint32_t k = first_token; k < end_token; ++k) {
        diplomat_named = diplomat_named || is_diplomat_word(ix_.word(k));
        const Mention* m = at(k);
        if (!envoy_state && m != nullptr && m->kind == EntityKind::state && !m->key.empty()) envoy_state = ref(*m);
      }
    }
  }
  if (passive) {
    for (std::uint32_t k = s.first_token; k < begin && clause == nullptr; ++k) {
      if (is_diplomat_word(ix_.word(k))) diplomat_named = true;
      const Mention* m = at(k);
      if (m != nullptr && m->kind == EntityKind::person && !m->key.empty()) envoy = m;
    }
    for (std::uint32_t k = end; k + 1 < s.end_token; ++k) {
      if (ix_.lower_word(k) == "by") {
        for (std::uint32_t j = k + 1; j < s.end_token && !agent; ++j) {
          if (at(j) != nullptr && is_actor(*at(j))) agent = at(j);
        }
        break;
      }
    }
  } else {
    agent = subject_before(begin);
    if (agent != nullptr && agent == envoy) agent = nullptr;
  }
  if (t.needs_envoy && envoy == nullptr && !diplomat_named) return;  // "a summons to court"
  // The envoy's own state: from their post, or a state named with the title.
  std::string posted;
  if (envoy != nullptr) {
    if (const auto post = post_of(*envoy)) {
      envoy_state = EntityRef{post->of_kind, post->of_key};
      posted = post->to_key;
    }
    e.envoy = ref(*envoy);
  }
  if (!envoy_state) {
    for (std::uint32_t k = end; k < look_to; ++k) {
      // "was summoned by Germany": the by-phrase names the agent, not the envoy's state.
      if (passive && ix_.lower_word(k) == "by") break;
      const Mention* m = at(k);
      if (m != nullptr && m->kind == EntityKind::state && !m->key.empty()) {
        envoy_state = ref(*m);
        break;
      }
    }
  }
  // Several agents ("Peru, Panama and Chile expelled ..."): one event each.
  std::vector<const Mention*> more_agents;
  if (!passive) {
    if (const auto agents = clause_agents(begin); agents && agents->size() > 1) {
      more_agents.assign(agents->begin() + 1, agents->end());
    }
  }
  if (agent != nullptr) e.agent = state_for(*agent);
  for (const Mention* other : more_agents) {
    if (other == envoy) continue;
    EventClaim copy = e;
    copy.agent = state_for(*other);
    if (envoy_state && !(cls == EventClass::summons && *copy.agent == *envoy_state)) copy.target = envoy_state;
    if (copy.agent && (copy.agent != e.agent)) add(std::move(copy), begin, end, 0.8, "diplomatic-coordinated");
  }
  // "summoned its own ambassador home" is a recall.
  if (cls == EventClass::summons && e.agent && envoy_state && *e.agent == *envoy_state) {
    e.cls = EventClass::recall;
    if (!posted.empty()) e.target = EntityRef{EntityKind::state, posted};
  } else if (cls == EventClass::recall) {
    if (!posted.empty()) e.target = EntityRef{EntityKind::state, posted};
    if (!e.agent && envoy_state) e.agent = envoy_state;
  } else if (envoy_state) {
    e.target = envoy_state;
  }
  if (!e.agent && !e.target) return;
  add(std::move(e), begin, end, passive ? 0.8 : 0.85, std::string(passive ? "diplomatic-passive" : "diplomatic-active"));
}

/// Statements and interviews: "..., Zelensky said", "Weber added that ...", "X told the Y
/// television channel", "in an interview with Z, X criticized ...". A statement to a foreign envoy
/// by an official of the state that hosts them is the summons meeting itself.
void EventFinder::speech(const lexicon::TriggerRecord& /*t*/, std::uint32_t begin, std::uint32_t end) {
  const Sentence& s = ix_.sentence(begin);
  const Mention* speaker = nullptr;
  if (const syntax::Clause* c = clause_of(begin)) {
    // "X, who is accused of ...", "X was declared the winner": X says nothing.
    if (verb_of(*c).voice == syntax::Voice::passive) return;
    // The speaker is the subject of the verb of saying ("Smith of the commission said Jones
    // had won": Smith), or the body a nameless spokesman speaks for.
    if (const auto agents = clause_agents(begin, true)) {
      // A subject that names nobody the recognizers found: the speaker is not known, and no
      // other name in the sentence is taken for them.
      if (agents->empty()) return;
      speaker = agents->front();
    }
  }
  // Else: right after the verb ("said Orbán"), else the subject before it.
  if (speaker == nullptr && end < s.end_token && at(end) != nullptr && at(end)->kind == EntityKind::person &&
      !at(end)->key.empty()) {
    speaker = at(end);
  }
  if (speaker == nullptr) speaker = adjacent_before(begin);
  if (speaker == nullptr) speaker = person_before(begin);
  if (speaker == nullptr) speaker = subject_before(begin);
  if (speaker == nullptr) return;
  const std::string& verb = ix_.lower_word(begin);
  // The addressee: "told X", "urged X", "accused X".
  const Mention* addressee = nullptr;
  if (verb == "told" || verb == "urged" || verb == "accused" || verb == "accuses" || verb == "criticized" ||
      verb == "criticised" || verb == "criticizes" || verb == "warned") {
    // "urged Polish Ambassador X": the person, not the adjective of their title.
    std::uint32_t stop = std::min(s.end_token, end + 4);
    for (std::uint32_t k = end; k < stop; ++k) {
      if (ix_.lower_word(k) == "that" || ix_.word(k) == ",") stop = k;  // the addressee comes before the clause
    }
    for (std::uint32_t k = end; k < stop; ++k) {
      if (at(k) != nullptr && at(k)->kind == EntityKind::person && !at(k)->key.empty() && at(k) != speaker) {
        addressee = at(k);
        break;
      }
    }
    for (std::uint32_t k = end; addressee == nullptr && k < std::min(stop, end + 3); ++k) {
      if (at(k) != nullptr && is_actor(*at(k)) && at(k) != speaker) addressee = at(k);
    }
  }
  EventClaim e;
  e.cls = EventClass::statement;
  e.agent = ref(*speaker);
  e.quote = quote_for(begin);
  if (addressee != nullptr) {
    const lexicon::OrgRecord* org =
        addressee->kind == EntityKind::organization ? lex_.find_organization(addressee->key) : nullptr;
    const bool outlet = org != nullptr && (org->kind == lexicon::OrgKind::outlet || org->kind == lexicon::OrgKind::news_agency);
    if (verb == "told" && outlet) {
      e.cls = EventClass::interview;  // "told the Euronews television channel"
    } else if (addressee->kind == EntityKind::person && speaker->kind == EntityKind::person) {
      // A host official addressing a foreign envoy: the summons meeting.
      const auto envoy_post = post_of(*addressee);
      const auto speaker_post = post_of(*speaker);
      if (envoy_post && speaker_post && !envoy_post->to_key.empty() && envoy_post->to_key == speaker_post->of_key) {
        EventClaim summons;
        summons.cls = EventClass::summons;
        summons.agent = EntityRef{EntityKind::state, speaker_post->of_key};
        summons.target = EntityRef{envoy_post->of_kind, envoy_post->of_key};
        summons.envoy = ref(*addressee);
        add(std::move(summons), begin, end, 0.7, "envoy-addressed");
      }
    }
    e.target = ref(*addressee);
  }
  add(std::move(e), begin, end, speaker == at(end) ? 0.85 : 0.75, "speech-" + verb);
}

/// Protests, deployments, visits, meetings, armed conflicts, sanctions, interviews (as a noun).
void EventFinder::general(EventClass cls, const lexicon::TriggerRecord& t, std::uint32_t begin, std::uint32_t end) {
  const Sentence& s = ix_.sentence(begin);
  EventClaim e;
  e.cls = cls;
  // Place: "in/at/to/outside/in front of X" after the trigger, within the sentence.
  auto place_after = [&](std::uint32_t from) -> const Mention* {
    for (std::uint32_t k = from; k + 1 < s.end_token && k < from + 10; ++k) {
      const std::string& w = ix_.lower_word(k);
      if (w != "in" && w != "at" && w != "to" && w != "outside" && w != "near" && w != "of" && w != "from") continue;
      std::uint32_t j = ix_.word(k + 1) == "the" ? k + 2 : k + 1;
      // One modifier may stand between: "in southwestern Germany".
      if (j + 1 < s.end_token && at(j) == nullptr && is_lower_word(ix_.word(j))) ++j;
      const Mention* m = at(j);
      if (m != nullptr && !m->key.empty() && (m->kind == EntityKind::place || m->kind == EntityKind::state)) return m;
    }
    return nullptr;
  };
  const Mention* subject = subject_before(begin);
  switch (cls) {
    case EventClass::protest: {
      // The object of the protest: an embassy or body "in front of", "outside", "at", "against".
      for (std::uint32_t k = end; k < s.end_token && k < end + 14; ++k) {
        const Mention* m = at(k);
        if (m != nullptr && m->kind == EntityKind::organization && !m->key.empty()) {
          e.target = ref(*m);
          break;
        }
      }
      if (const Mention* p = place_after(end)) e.place = ref(*p);
      if (!e.place && !e.target) {
        // "protests in Germany" is caught above; "antigovernment protests" alone says too little.
        return;
      }
      break;
    }
    case EventClass::deployment: {
      bool troops = false;
      for (std::uint32_t k = s.first_token; k < s.end_token; ++k) {
        const std::string& w = ix_.lower_word(k);
        troops = troops || w == "troops" || w == "forces" || w == "peacekeepers" || w == "soldiers" ||
                 w == "contingent" || w == "peacekeeping";
      }
      if (t.needs_troops && !troops) return;
      // The body or state that sent them: "troops of NATO", "the deployment of NATO
      // peacekeepers"; else the subject of a verb ("Russia deployed troops").
      const Mention* sender = nullptr;
      for (std::uint32_t k = end; k < s.end_token && k < end + 8; ++k) {
        const Mention* m = at(k);
        if (m == nullptr || m->key.empty()) continue;
        if (m->kind == EntityKind::organization) {
          sender = m;  // a body wins over the state that leads it ("the US-led NATO")
          break;
        }
        if (m->kind == EntityKind::state && sender == nullptr && k > end && ix_.lower_word(k - 1) == "of") sender = m;
      }
      // "the NATO peacekeeping mission": the body right before a noun trigger.
      if (sender == nullptr && t.pos == "noun" && begin > s.first_token && at(begin - 1) != nullptr &&
          at(begin - 1)->kind == EntityKind::organization && !at(begin - 1)->key.empty()) {
        sender = at(begin - 1);
      }
      const bool invited = ix_.lower_word(begin) == "invited" || t.pos == "noun";
      if (sender != nullptr && invited) {
        e.agent = state_for(*sender);
        // Who asked for them or received them: the state of the actor before the trigger.
        if (subject != nullptr) {
          if (subject->kind == EntityKind::person) {
            if (const auto post = post_of(*subject)) e.target = EntityRef{post->of_kind, post->of_key};
          } else {
            e.target = state_for(*subject);
          }
        }
      } else if (t.pos != "noun" && subject != nullptr) {
        e.agent = state_for(*subject);
      }
      if (const Mention* p = place_after(end)) {
        e.place = ref(*p);
        if (!e.target && p->kind == EntityKind::state) e.target = ref(*p);  // the host state
      }
      if (!e.agent) return;
      break;
    }
    case EventClass::visit: {
      // "a visit to Vienna", "Duda's planned visit to Poland", "X visited Y", "will not visit Y".
      const Mention* where = nullptr;
      if (t.pos == "noun") {
        where = place_after(end);
        if (where == nullptr && end < s.end_token && at(end) != nullptr && !at(end)->key.empty() &&
            (at(end)->kind == EntityKind::place || at(end)->kind == EntityKind::state)) {
          where = at(end);  // "would visit Poland" (the noun form doubles as the verb)
        }
        if (begin > s.first_token) {
          for (std::uint32_t k = begin; k-- > s.first_token && k + 4 > begin;) {
            const Mention* m = at(k);
            if (m != nullptr && is_actor(*m)) {
              e.agent = m->kind == EntityKind::person ? ref(*m) : state_for(*m);
              break;
            }
          }
        }
      } else {
        for (std::uint32_t k = end; k < s.end_token && k < end + 3; ++k) {
          const Mention* m = at(k);
          if (m != nullptr && !m->key.empty() && (m->kind == EntityKind::place || m->kind == EntityKind::state)) {
            where = m;
            break;
          }
        }
      }
      if (!e.agent && subject != nullptr) e.agent = subject->kind == EntityKind::person ? ref(*subject) : state_for(*subject);
      const std::string prev = begin > s.first_token ? ix_.lower_word(begin - 1) : std::string();
      const bool used_as_verb = prev == "will" || prev == "would" || prev == "not" || prev == "to" || prev == "can" ||
                                prev == "could" || prev == "may" || prev == "might" || prev == "shall" || prev == "n't";
      if (!e.agent && t.pos == "noun" && !used_as_verb) {
        // "During a visit to Vienna in mid-May, Zelensky referred ...": the clause's subject follows.
        for (std::uint32_t k = end; k < s.end_token; ++k) {
          const Mention* m = at(k);
          if (m != nullptr && m->kind == EntityKind::person && !m->key.empty()) {
            e.agent = ref(*m);
            break;
          }
        }
      }
      if (where == nullptr) return;
      e.place = ref(*where);
      if (where->kind == EntityKind::state) e.target = ref(*where);
      if (!e.agent) return;
      break;
    }
    case EventClass::meeting: {
      // "X met Y", "a meeting with Y", "talks with Y", "at the August 21 meeting with Y".
      const Mention* with = nullptr;
      for (std::uint32_t k = end; k < s.end_token && k < end + 6; ++k) {
        const Mention* m = at(k);
        if (m != nullptr && is_actor(*m)) {
          with = m;
          break;
        }
      }
      if (t.pos == "noun") {
        bool after_with = false;
        for (std::uint32_t k = end; k < s.end_token && k < end + 2; ++k) after_with = after_with || ix_.lower_word(k) == "with";
        if (!after_with) with = nullptr;
      }
      if (subject == nullptr || with == nullptr || subject == with) return;
      e.agent = ref(*subject);
      e.target = ref(*with);
      // A host official meeting a foreign envoy: the summons meeting.
      const auto envoy_post = post_of(*with);
      const auto host_post = subject->kind == EntityKind::person ? post_of(*subject) : std::nullopt;
      if (envoy_post && host_post && !envoy_post->to_key.empty() && envoy_post->to_key == host_post->of_key) {
        EventClaim summons;
        summons.cls = EventClass::summons;
        summons.agent = EntityRef{EntityKind::state, host_post->of_key};
        summons.target = EntityRef{envoy_post->of_kind, envoy_post->of_key};
        summons.envoy = ref(*with);
        add(std::move(summons), begin, end, 0.7, "envoy-met");
        return;
      }
      break;
    }
    case EventClass::armed_conflict: {
      // "between X and Y", "X's invasion of Y", "X attacked Y", "the Transnistria war".
      std::vector<const Mention*> parties;
      for (std::uint32_t k = end; k + 1 < s.end_token && k < end + 3; ++k) {
        if (ix_.lower_word(k) == "between" || ix_.lower_word(k) == "of" || ix_.lower_word(k) == "against") {
          parties = actors(k + 1, std::min(s.end_token, k + 8));
          break;
        }
      }
      const Mention* before = begin > s.first_token ? at(begin - 1) : nullptr;
      if (before != nullptr && !before->key.empty() && before->kind == EntityKind::place) e.place = ref(*before);
      if (before != nullptr && is_actor(*before)) parties.insert(parties.begin(), before);
      if (parties.empty() && t.pos == "verb" && subject != nullptr) {
        parties.push_back(subject);
        const auto after = actors(end, std::min(s.end_token, end + 4));
        if (!after.empty()) parties.push_back(after.front());
      }
      if (!parties.empty()) e.agent = state_for(*parties[0]);
      if (parties.size() > 1) e.target = state_for(*parties[1]);
      if (!e.agent && !e.place) return;
      break;
    }
    case EventClass::sanction: {
      for (std::uint32_t k = end; k + 1 < s.end_token && k < end + 4; ++k) {
        const std::string& w = ix_.lower_word(k);
        if (w == "on" || w == "against") {
          const auto targets = actors(k + 1, std::min(s.end_token, k + 4));
          if (!targets.empty()) e.target = state_for(*targets.front());
          break;
        }
      }
      if (subject != nullptr) e.agent = state_for(*subject);
      if (!e.agent && !e.target) return;
      break;
    }
    case EventClass::interview: {
      // "in an interview with Deutsche Welle TV", "Zelenskyy's interview to Deutsche Welle TV", "the interview".
      for (std::uint32_t k = end; k + 1 < s.end_token && k < end + 4; ++k) {
        const std::string& w = ix_.lower_word(k);
        if (w == "with" || w == "to") {
          for (std::uint32_t j = k + 1; j < s.end_token && j < k + 5; ++j) {
            if (at(j) != nullptr && at(j)->kind == EntityKind::organization && !at(j)->key.empty()) {
              e.target = ref(*at(j));
              break;
            }
          }
          break;
        }
      }
      const Mention* speaker = nullptr;
      for (std::uint32_t k = begin; k-- > s.first_token && k + 4 > begin;) {
        if (at(k) != nullptr && at(k)->kind == EntityKind::person && !at(k)->key.empty()) {
          speaker = at(k);
          break;
        }
      }
      if (speaker == nullptr) {
        for (std::uint32_t k = end; k < s.end_token; ++k) {
          if (at(k) != nullptr && at(k)->kind == EntityKind::person && !at(k)->key.empty()) {
            speaker = at(k);
            break;
          }
        }
      }
      if (speaker == nullptr) return;
      e.agent = ref(*speaker);
      break;
    }
    default: return;
  }
  add(std::move(e), begin, end, 0.7, "event-" + ix_.lower_word(begin));
}

void EventFinder::handle(const lexicon::TriggerRecord& t, std::uint32_t begin, std::uint32_t end) {
  const auto cls = class_of(t.cls);
  if (!cls) return;
  is_verb_ = t.pos != "noun";
  switch (*cls) {
    case EventClass::summons:
    case EventClass::recall:
    case EventClass::expulsion: diplomatic(*cls, t, begin, end); break;
    case EventClass::statement: speech(t, begin, end); break;
    default: general(*cls, t, begin, end); break;
  }
}

}  // namespace

std::string_view class_name(EventClass cls) {
  for (const auto& c : classes) {
    if (c.cls == cls) return c.name;
  }
  return "Event";
}

std::vector<EventClaim> recognize_events(std::string_view text, const Segmentation& seg, const syntax::Syntax& syntax,
                                         const lexicon::Lexicon& lex,
                                         const std::vector<Mention>& mentions, const std::vector<PositionClaim>& positions,
                                         const std::vector<DateMention>& dates) {
  return EventFinder(text, seg, syntax, lex, mentions, positions, dates).run();
}

}  // namespace nkg::events
