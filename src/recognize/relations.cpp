// Positions and memberships from the mentions of one document:
//   "German Foreign Minister Jana Weber"           -> Weber holds Foreign Minister of DEU
//   "Jan Nowak, Poland's ambassador in Berlin"     -> Ambassador of POL, accredited to DEU
//   "the Hungarian Prime Minister, Viktor Orbán"   -> Prime Minister of HUN
//   "NATO ... is made up of Denmark, Finland"      -> DNK memberOf NATO, FIN memberOf NATO
#include <algorithm>
#include <optional>
#include <set>

#include "recognize/recognize.hpp"
#include "recognize/mention_index.hpp"
#include "recognize/words.hpp"

namespace nkg::recognize {

namespace {

using detail::has_possessive;
using detail::strip_possessive;

constexpr double confidence_position_prefix = 0.9;
constexpr double confidence_position_apposition = 0.85;
constexpr double confidence_membership = 0.8;

struct TitleMatch {
  const lexicon::TitleRecord* record = nullptr;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// A title in tokens [begin, end) exactly (case-insensitive).
std::optional<TitleMatch> title_in(const MentionIndex& ix, const lexicon::Lexicon& lex, std::uint32_t begin,
                                   std::uint32_t end) {
  const auto& table = lex.title_forms();
  if (begin >= end) return std::nullopt;
  for (const std::uint32_t idx : table.starting_with(ix.lower_word(begin))) {
    const lexicon::Phrase& p = table.phrases()[idx];
    if (p.tokens.size() != end - begin) continue;
    bool same = true;
    for (std::uint32_t k = 0; k < p.tokens.size() && same; ++k) {
      std::string w = ix.lower_word(begin + k);
      if (k + 1 == p.tokens.size()) w = std::string(strip_possessive(w));
      same = w == p.tokens[k];
    }
    if (same) return TitleMatch{&lex.titles()[p.record], begin, end};
  }
  return std::nullopt;
}

/// The longest title ending right before token `end` and starting after `floor`.
std::optional<TitleMatch> title_ending_at(const MentionIndex& ix, const lexicon::Lexicon& lex, std::uint32_t end,
                                          std::uint32_t floor) {
  for (std::uint32_t n = std::min<std::uint32_t>(5, end - floor); n >= 1; --n) {
    const std::uint32_t b = end - n;
    if (ix.owner(b) >= 0) continue;
    if (auto t = title_in(ix, lex, b, end)) return t;
  }
  return std::nullopt;
}

/// The longest title starting at token `begin`.
std::optional<TitleMatch> title_starting_at(const MentionIndex& ix, const lexicon::Lexicon& lex, std::uint32_t begin,
                                            std::uint32_t limit) {
  for (std::uint32_t n = std::min<std::uint32_t>(5, limit - begin); n >= 1; --n) {
    if (auto t = title_in(ix, lex, begin, begin + n)) return t;
  }
  return std::nullopt;
}

bool is_state_or_org(const Mention& m) {
  return (m.kind == EntityKind::state || m.kind == EntityKind::organization) && m.described_title.empty();
}

class PositionFinder {
 public:
  PositionFinder(const MentionIndex& ix, const lexicon::Lexicon& lex, const std::vector<Mention>& mentions,
                 std::vector<PositionClaim>& out)
      : ix_(ix), lex_(lex), mentions_(mentions), out_(out) {}

  void run() {
    for (std::uint32_t m = 0; m < mentions_.size(); ++m) {
      const Mention& person = mentions_[m];
      if (person.kind != EntityKind::person || person.key.empty() || !person.described_title.empty()) continue;
      const auto [b, e] = ix_.tokens_of(person.span);
      if (!prefix(m, b, e) && !title_of_before(m, b)) apposition(m, e);
      predicate(m, e);
    }
    describe_then_name();
    drop_unqualified();
  }

 private:
  [[nodiscard]] const Mention* mention_at(std::uint32_t token) const {
    const int o = ix_.owner(token);
    return o < 0 ? nullptr : &mentions_[static_cast<std::size_t>(o)];
  }

  /// The state a mention stands for: a state, an organization of a state (its ministry), a
  /// place in a state (its capital).
  [[nodiscard]] std::string state_of(const Mention& m) const {
    if (!m.described_title.empty() || m.key.empty()) return {};
    if (m.kind == EntityKind::state) return m.key;
    if (m.kind == EntityKind::place) {
      const lexicon::PlaceRecord* p = lex_.find_place(m.key);
      return p != nullptr ? p->state : std::string();
    }
    if (m.kind == EntityKind::organization) {
      if (m.part_of.rfind("state:", 0) == 0) return m.part_of.substr(6);
      const lexicon::OrgRecord* o = lex_.find_organization(m.key);
      return o != nullptr ? o->state : std::string();
    }
    return {};
  }

  void set_of(PositionClaim& c, const Mention& m) const {
    c.of_kind = m.kind;
    c.of_key = m.key;
  }

  void claim(std::uint32_t holder, const lexicon::TitleRecord& title, const Mention* of, std::string to,
             std::uint32_t token, std::uint32_t title_begin, double confidence, std::string rule) {
    if (!title.is_post()) return;
    PositionClaim c;
    c.holder = holder;
    c.title = title.canonical;
    if (of != nullptr) set_of(c, *of);
    if (title.is_envoy) {
      // An envoy's own state, when the text does not say it next to the title, and the state
      // they are posted to, when not said after the name: the other states acting in the
      // sentence ("Germany's Foreign Ministry summoned Polish Ambassador X").
      const Sentence& s = ix_.sentence(token);
      std::string host;
      int last = -1;
      // The other state acting in the clause (at most 30 tokens back: long sentences stay linear).
      const std::uint32_t from = title_begin > s.first_token + 30 ? title_begin - 30 : s.first_token;
      for (std::uint32_t k = from; k < title_begin; ++k) {
        const int o = ix_.owner(k);
        if (o < 0 || o == last) continue;
        last = o;
        const std::string st = state_of(mentions_[static_cast<std::size_t>(o)]);
        if (!st.empty() && st != c.of_key && host.empty()) host = st;
      }
      if (!to.empty()) {
        // "The Hungarian ministry summoned Ambassador X from Poland": their own envoy, recalled.
        if (c.of_key.empty() && !host.empty() && host != to) {
          c.of_kind = EntityKind::state;
          c.of_key = host;
        }
        c.to_key = std::move(to);
      } else {
        c.to_key = host;
      }
      if (c.to_key == c.of_key) c.to_key.clear();
    }
    c.evidence = ix_.sentence_span(token);
    c.confidence = confidence;
    c.rule = std::move(rule);
    out_.push_back(std::move(c));
  }

  /// For an envoy: "in Berlin", "from Budapest", "to Germany" right after the name.
  [[nodiscard]] std::string posted_to(std::uint32_t after) const {
    std::uint32_t k = after;
    const std::uint32_t limit = ix_.sentence(after < ix_.size() ? after : ix_.size() - 1).end_token;
    if (k < limit && ix_.word(k) == ",") ++k;
    if (k + 1 >= limit) return {};
    const std::string& w = ix_.word(k);
    if (w != "in" && w != "from" && w != "to") return {};
    const Mention* m = mention_at(k + 1);
    if (m == nullptr || (m->kind != EntityKind::state && m->kind != EntityKind::place)) return {};
    return state_of(*m);
  }

  /// "[State|Org|its] Title Name" and "its ambassador, Name": the title before the name.
  bool prefix(std::uint32_t holder, std::uint32_t begin, std::uint32_t end) {
    const std::uint32_t floor = ix_.sentence(begin).first_token;
    if (begin <= floor) return false;
    auto title = title_ending_at(ix_, lex_, begin, floor);
    if (!title && begin - 1 > floor && ix_.word(begin - 1) == ",") {
      title = title_ending_at(ix_, lex_, begin - 1, floor);
      // Only "its ambassador, X" / "the ambassador, X" / "Poland's ambassador, X", not a list.
      if (title && title->begin > floor) {
        const std::string& before = ix_.word(title->begin - 1);
        const Mention* m = mention_at(title->begin - 1);
        if (before != "its" && before != "their" && before != "the" && m == nullptr) title.reset();
      } else {
        title.reset();
      }
    }
    if (!title) return false;
    if (title->begin > floor && (ix_.word(title->begin - 1) == "former" || ix_.word(title->begin - 1) == "ex")) return true;
    const Mention* of = nullptr;
    if (title->begin > floor) {
      const Mention* m = mention_at(title->begin - 1);
      if (m != nullptr && is_state_or_org(*m)) of = m;
      const std::string& before = ix_.word(title->begin - 1);
      if (of == nullptr && (before == "its" || before == "their")) {
        // "Poland recalled its ambassador": the nearest state or body before "its".
        for (std::uint32_t k = title->begin - 1; k-- > floor;) {
          const Mention* c = mention_at(k);
          if (c != nullptr && is_state_or_org(*c)) {
            of = c;
            break;
          }
        }
      }
    }
    claim(holder, *title->record, of, posted_to(end), begin, title->begin, confidence_position_prefix, "position-title");
    return true;
  }

  /// "The president of Ukraine, Volodymyr Zelensky": title of State, comma, name.
  bool title_of_before(std::uint32_t holder, std::uint32_t begin) {
    const std::uint32_t floor = ix_.sentence(begin).first_token;
    if (begin < floor + 4 || ix_.word(begin - 1) != ",") return false;
    const Mention* of = mention_at(begin - 2);
    if (of == nullptr || !is_state_or_org(*of)) return false;
    const std::uint32_t of_begin = ix_.tokens_of(of->span).first;
    if (of_begin < floor + 2 || ix_.word(of_begin - 1) != "of") return false;
    const auto title = title_ending_at(ix_, lex_, of_begin - 1, floor);
    if (!title) return false;
    claim(holder, *title->record, of, {}, begin, title->begin, confidence_position_apposition, "position-title-of");
    return true;
  }

  /// "as long as Volodymyr Zelensky is president", "X remains the leader of Y".
  void predicate(std::uint32_t holder, std::uint32_t end) {
    const std::uint32_t limit = ix_.sentence(end < ix_.size() ? end : ix_.size() - 1).end_token;
    std::uint32_t k = end;
    if (k >= limit) return;
    const std::string& verb = ix_.word(k);
    if (verb != "is" && verb != "remains" && verb != "became" && verb != "becomes") return;
    ++k;
    if (k < limit && (ix_.word(k) == "the" || ix_.word(k) == "a" || ix_.word(k) == "an")) ++k;
    const Mention* of = nullptr;
    if (k < limit && mention_at(k) != nullptr && is_state_or_org(*mention_at(k))) {
      of = mention_at(k);
      k = std::max(ix_.tokens_of(of->span).second, k + 1);
    }
    const auto title = title_starting_at(ix_, lex_, k, limit);
    if (!title) return;
    if (of == nullptr && title->end + 1 < limit && ix_.word(title->end) == "of") {
      const Mention* m = mention_at(title->end + 1);
      if (m != nullptr && is_state_or_org(*m)) of = m;
    }
    claim(holder, *title->record, of, {}, end, title->begin, confidence_position_apposition, "position-predicate");
  }

  /// "Name, [the|a] [State's|Adj] title [of X] [in|to Y]".
  void apposition(std::uint32_t holder, std::uint32_t end) {
    if (end >= ix_.size() || ix_.word(end) != ",") return;
    const std::uint32_t limit = ix_.sentence(end).end_token;
    std::uint32_t k = end + 1;
    if (k < limit && (ix_.word(k) == "the" || ix_.word(k) == "a" || ix_.word(k) == "an")) ++k;
    const Mention* of = nullptr;
    if (k < limit && mention_at(k) != nullptr && is_state_or_org(*mention_at(k))) {
      of = mention_at(k);
      k = std::max(ix_.tokens_of(of->span).second, k + 1);
      if (k < limit && (ix_.word(k) == "'s" || ix_.word(k) == "'")) ++k;
    }
    const auto title = title_starting_at(ix_, lex_, k, limit);
    if (!title) return;
    k = title->end;
    std::string to;
    for (int step = 0; step < 2 && k + 1 < limit; ++step) {
      const std::string& w = ix_.word(k);
      const Mention* m = mention_at(k + 1);
      if (m == nullptr) break;
      if ((w == "of" || w == "at") && of == nullptr && is_state_or_org(*m)) {
        of = m;
      } else if ((w == "in" || w == "to") && (m->kind == EntityKind::state || m->kind == EntityKind::place)) {
        to = state_of(*m);
      } else {
        break;
      }
      k = ix_.tokens_of(m->span).second;
    }
    claim(holder, *title->record, of, to, end, title->begin, confidence_position_apposition, "position-apposition");
    // "deputy prime minister and top diplomat": a second title joined by "and".
    if (k + 1 < limit && ix_.word(title->end) == "and") {
      if (const auto second = title_starting_at(ix_, lex_, title->end + 1, limit)) {
        claim(holder, *second->record, of, {}, end, second->begin, confidence_position_apposition, "position-apposition");
      }
    }
  }

  /// "the Hungarian Prime Minister, Viktor Orbán": a description followed by a name.
  void describe_then_name() {
    for (std::uint32_t d = 0; d < mentions_.size(); ++d) {
      const Mention& desc = mentions_[d];
      if (desc.described_title.empty()) continue;
      const auto [b, e] = ix_.tokens_of(desc.span);
      if (e + 1 >= ix_.size() || ix_.word(e) != ",") continue;
      const Mention* p = mention_at(e + 1);
      if (p == nullptr || p->kind != EntityKind::person || !p->described_title.empty()) continue;
      const lexicon::StateRecord* state = lex_.find_state(desc.described_of);
      for (const lexicon::TitleRecord& t : lex_.titles()) {
        if (t.canonical != desc.described_title || !t.is_post()) continue;
        PositionClaim c;
        c.holder = static_cast<std::uint32_t>(p - mentions_.data());
        c.title = t.canonical;
        if (state != nullptr) c.of_key = state->alpha3;
        c.evidence = ix_.sentence_span(e);
        c.confidence = confidence_position_apposition;
        c.rule = "position-description";
        out_.push_back(std::move(c));
        break;
      }
    }
  }

  /// A post stated without its state ("President Duda") says nothing new when the same
  /// document names the state elsewhere ("Polish President Duda").
  void drop_unqualified() {
    std::set<std::pair<std::string, std::string>> qualified;  // (holder key, title) with a state or body
    for (const PositionClaim& c : out_) {
      if (!c.of_key.empty()) qualified.emplace(mentions_[c.holder].key, c.title);
    }
    std::vector<PositionClaim> kept;
    for (const PositionClaim& c : out_) {
      if (c.of_key.empty() && qualified.count({mentions_[c.holder].key, c.title}) != 0) continue;
      kept.push_back(c);
    }
    out_ = std::move(kept);
  }

  const MentionIndex& ix_;
  const lexicon::Lexicon& lex_;
  const std::vector<Mention>& mentions_;
  std::vector<PositionClaim>& out_;
};

/// Nationality stated with a role: "Polish journalist Anna Kovacs", "Anna Kovacs, a Polish
/// journalist". Posts ("German Foreign Minister") say whose post it is, not the holder's nationality.
void find_nationalities(const MentionIndex& ix, const lexicon::Lexicon& lex, const std::vector<Mention>& mentions,
                        std::vector<RelationClaim>& out) {
  auto adjective_at = [&](std::uint32_t k) -> std::optional<std::uint32_t> {
    const int o = ix.owner(k);
    if (o < 0) return std::nullopt;
    const Mention& m = mentions[static_cast<std::size_t>(o)];
    if (m.kind != EntityKind::state || !m.described_title.empty() ||
        (m.rule != "state-adjective" && m.rule != "state-demonym")) {
      return std::nullopt;
    }
    return static_cast<std::uint32_t>(o);
  };
  for (std::uint32_t p = 0; p < mentions.size(); ++p) {
    const Mention& person = mentions[p];
    if (person.kind != EntityKind::person || person.key.empty() || !person.described_title.empty()) continue;
    const auto [b, e] = ix.tokens_of(person.span);
    const std::uint32_t floor = ix.sentence(b).first_token;
    // Before: "<Adj> <role> Name".
    if (b > floor + 1) {
      const auto title = title_ending_at(ix, lex, b, floor);
      if (title && !title->record->is_post() && title->record->category == "role" && title->begin > floor) {
        if (const auto state = adjective_at(title->begin - 1)) {
          out.push_back({p, "nationality", *state, ix.sentence_span(b), 0.8, "nationality-role"});
          continue;
        }
      }
    }
    // After: "Name, a <Adj> <role>".
    const std::uint32_t limit = ix.sentence(b).end_token;
    if (e + 3 < limit && ix.word(e) == "," && (ix.word(e + 1) == "a" || ix.word(e + 1) == "an")) {
      if (const auto state = adjective_at(e + 2)) {
        const auto [sb, se] = ix.tokens_of(mentions[*state].span);
        const auto title = title_starting_at(ix, lex, se, limit);
        if (title && title->record->category == "role") {
          out.push_back({p, "nationality", *state, ix.sentence_span(b), 0.8, "nationality-role"});
        }
      }
    }
  }
}

/// Membership statements: "X is made up of A, B and C", "A and B are members of X",
/// "X member states A, B", "A joined X".
void find_memberships(const MentionIndex& ix, const lexicon::Lexicon& lex, const std::vector<Mention>& mentions,
                      std::vector<RelationClaim>& out) {
  for (std::uint32_t t = 0; t < ix.size(); ++t) {
    if (!lex.is_context_word("membership", ix.word(t))) continue;
    const Sentence& s = ix.sentence(t);
    // The body: the nearest organization before the trigger, else the first after it.
    std::optional<std::uint32_t> body;
    bool body_after = false;
    const std::uint32_t window_start = t > s.first_token + 40 ? t - 40 : s.first_token;
    for (std::uint32_t k = t; k-- > window_start;) {
      const int o = ix.owner(k);
      if (o >= 0 && mentions[static_cast<std::size_t>(o)].kind == EntityKind::organization) {
        body = static_cast<std::uint32_t>(o);
        break;
      }
    }
    // "A and B are members of X": a body right after "member(s) of" wins.
    if (t + 2 < s.end_token && ix.word(t + 1) == "of") {
      const std::uint32_t at = ix.word(t + 2) == "the" && t + 3 < s.end_token ? t + 3 : t + 2;
      const int o = ix.owner(at);
      if (o >= 0 && mentions[static_cast<std::size_t>(o)].kind == EntityKind::organization) {
        body = static_cast<std::uint32_t>(o);
        body_after = true;
      }
    } else if (ix.word(t) == "joined" || ix.word(t) == "join") {
      for (std::uint32_t k = t + 1; k < s.end_token && k < t + 4; ++k) {
        const int o = ix.owner(k);
        if (o >= 0 && mentions[static_cast<std::size_t>(o)].kind == EntityKind::organization) {
          body = static_cast<std::uint32_t>(o);
          body_after = true;
          break;
        }
      }
    }
    if (!body) continue;
    // Only bodies that states are members of.
    const lexicon::OrgRecord* org = lex.find_organization(mentions[*body].key);
    if (org == nullptr || (org->kind != lexicon::OrgKind::intergovernmental && org->kind != lexicon::OrgKind::alliance)) {
      continue;
    }
    // "members of NATO and the European Union": every body joined by "and".
    std::vector<std::uint32_t> bodies{*body};
    if (body_after) {
      std::uint32_t k = ix.tokens_of(mentions[*body].span).second;
      while (k + 1 < s.end_token && ix.word(k) == "and") {
        const std::uint32_t at = ix.word(k + 1) == "the" && k + 2 < s.end_token ? k + 2 : k + 1;
        const int o = ix.owner(at);
        if (o < 0 || mentions[static_cast<std::size_t>(o)].kind != EntityKind::organization) break;
        const lexicon::OrgRecord* more = lex.find_organization(mentions[static_cast<std::size_t>(o)].key);
        if (more == nullptr || (more->kind != lexicon::OrgKind::intergovernmental && more->kind != lexicon::OrgKind::alliance)) break;
        bodies.push_back(static_cast<std::uint32_t>(o));
        k = ix.tokens_of(mentions[static_cast<std::size_t>(o)].span).second;
      }
    }
    // The members: state names after the trigger, or before it when the body follows.
    const std::uint32_t from = body_after ? window_start : t + 1;
    const std::uint32_t to = body_after ? t : std::min(s.end_token, t + 40);
    int last = -1;
    for (std::uint32_t k = from; k < to; ++k) {
      const int o = ix.owner(k);
      if (o < 0 || o == last) continue;
      last = o;
      const Mention& m = mentions[static_cast<std::size_t>(o)];
      if (m.kind != EntityKind::state || m.rule != "state-name" || !m.described_title.empty()) continue;
      if (k > 0 && (ix.word(k - 1) == "except" || ix.word(k - 1) == "not")) continue;
      for (const std::uint32_t b : bodies) {
        out.push_back({static_cast<std::uint32_t>(o), "memberOf", b, s.span, confidence_membership, "membership-statement"});
      }
    }
  }
}

}  // namespace

Claims recognize_claims(std::string_view text, const Segmentation& seg, const lexicon::Lexicon& lex,
                        const std::vector<Mention>& mentions) {
  const MentionIndex ix(text, seg, mentions);
  Claims claims;
  PositionFinder(ix, lex, mentions, claims.positions).run();
  find_memberships(ix, lex, mentions, claims.relations);
  find_nationalities(ix, lex, mentions, claims.relations);
  return claims;
}

}  // namespace nkg::recognize
