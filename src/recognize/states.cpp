#include <algorithm>
#include <cctype>

#include "recognize/recognize.hpp"

namespace nkg::recognize {

namespace {

using lexicon::NameKind;

// Confidence by kind of evidence: a full name is near-certain; an adjective or demonym names
// the state only indirectly; a capital standing for its government is a metonymy we infer.
constexpr double confidence_name = 0.97;
constexpr double confidence_adjective = 0.9;
constexpr double confidence_government = 0.85;
constexpr double confidence_capital_government = 0.75;
constexpr double confidence_place = 0.9;
constexpr double ambiguity_penalty = 0.8;

constexpr std::string_view possessive_suffixes[] = {"\xE2\x80\x99s", "'s"};

bool is_upper_initial(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  // Non-ASCII initials (Ł, Ö) count as capitals: names carry them.
  return std::isupper(c) != 0 || (c >= 0xC3 && c <= 0xC5);
}

bool is_lower_initial(std::string_view w) {
  return !w.empty() && std::islower(static_cast<unsigned char>(w[0])) != 0;
}

std::string_view strip_possessive(std::string_view w) {
  for (const std::string_view suffix : possessive_suffixes) {
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) {
      return w.substr(0, w.size() - suffix.size());
    }
  }
  return w;
}

bool has_possessive(std::string_view w) { return strip_possessive(w).size() != w.size(); }

/// The words of one sentence and what the recognizer needs to know about them.
class SentenceView {
 public:
  SentenceView(std::string_view text, const Segmentation& seg, const Sentence& s)
      : text_(text), seg_(seg), first_(s.first_token), end_(s.end_token) {
    std::size_t capitalized = 0;
    for (std::uint32_t i = first_; i < end_; ++i) {
      const std::string_view w = word(i);
      if (!seg_.tokens[i].is_word || w.empty() || std::isdigit(static_cast<unsigned char>(w[0]))) continue;
      if (is_upper_initial(w)) ++capitalized;
      if (is_lower_initial(w)) lowercase_words_.push_back(i);
    }
    capitalized_ = capitalized;
  }

  [[nodiscard]] std::uint32_t first() const { return first_; }
  [[nodiscard]] std::uint32_t end() const { return end_; }
  [[nodiscard]] std::string_view word(std::uint32_t i) const { return text::token_text(text_, seg_.tokens[i]); }
  [[nodiscard]] bool is_word(std::uint32_t i) const { return seg_.tokens[i].is_word; }

  /// A headline in title case: most words capitalized, so capitals say nothing about names.
  [[nodiscard]] bool is_title_case(const lexicon::Lexicon& lex) const {
    std::size_t significant_lower = 0;
    for (const std::uint32_t i : lowercase_words_) {
      if (!lex.is_context_word("minor", word(i))) ++significant_lower;
    }
    return capitalized_ >= 3 && significant_lower * 5 <= capitalized_ && significant_lower <= 1;
  }

  /// Nothing but punctuation or numbers before token i in this sentence.
  [[nodiscard]] bool is_sentence_initial(std::uint32_t i) const {
    for (std::uint32_t k = first_; k < i; ++k) {
      const std::string_view w = word(k);
      if (is_word(k) && !w.empty() && !std::isdigit(static_cast<unsigned char>(w[0]))) return false;
    }
    return true;
  }

  [[nodiscard]] bool any_word_in(const lexicon::Lexicon& lex, std::string_view category, std::uint32_t from,
                                 std::uint32_t to) const {
    for (std::uint32_t k = from; k < to; ++k) {
      if (lex.is_context_word(category, word(k))) return true;
    }
    return false;
  }

 private:
  std::string_view text_;
  const Segmentation& seg_;
  std::uint32_t first_;
  std::uint32_t end_;
  std::size_t capitalized_ = 0;
  std::vector<std::uint32_t> lowercase_words_;
};

/// Length in tokens of `name` matched at token i, or 0. The last token may carry a possessive.
std::uint32_t match_length(const SentenceView& s, std::uint32_t i, const lexicon::StateName& name) {
  const auto n = static_cast<std::uint32_t>(name.tokens.size());
  if (i + n > s.end()) return 0;
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::string_view w = s.word(i + k);
    const bool last = k + 1 == n;
    if (w != name.tokens[k] && !(last && strip_possessive(w) == name.tokens[k])) return 0;
  }
  return n;
}

enum class Reading : std::uint8_t { none, state, place };

struct Candidate {
  std::uint32_t begin = 0;  // token index
  std::uint32_t end = 0;
  const lexicon::StateName* name = nullptr;
};

/// A capitalized word right before the candidate that is not a determiner or a sentence
/// opener makes the candidate the tail of a longer name ("New Jersey", "Michael Jordan").
bool continues_name_on_left(const SentenceView& s, const Candidate& c, const lexicon::Lexicon& lex) {
  if (c.begin == s.first() || s.is_sentence_initial(c.begin)) return false;
  const std::uint32_t p = c.begin - 1;
  const std::string_view w = s.word(p);
  if (!s.is_word(p) || !is_upper_initial(w) || has_possessive(w)) return false;
  if (lex.is_context_word("determiner", w)) return false;
  return lex.names_starting_with(w).empty();  // "Hungary Austria" lists two states
}

/// A capitalized word right after that would make a longer name ("Jordan Peterson").
bool continues_name_on_right(const SentenceView& s, const Candidate& c) {
  if (c.end >= s.end() || has_possessive(s.word(c.end - 1))) return false;
  const std::string_view w = s.word(c.end);
  return s.is_word(c.end) && is_upper_initial(w);
}

/// Is a capital the city (a place) rather than its government?
bool is_place_use(const SentenceView& s, const Candidate& c, const lexicon::Lexicon& lex) {
  // Dateline: "Warsaw 00:36", "WARSAW, Aug 22".
  if (c.end < s.end() && s.end() - s.first() <= 5 && std::isdigit(static_cast<unsigned char>(s.word(c.end)[0]))) {
    return true;
  }
  if (c.begin == s.first()) return false;
  const std::string_view prev = s.word(c.begin - 1);
  if (lex.is_context_word("locative", prev)) return true;
  if (prev == "to" && s.any_word_in(lex, "motion", s.first(), c.begin)) return true;
  // "Budapest, Hungary": a city followed by its country.
  if (c.end + 1 < s.end() && s.word(c.end) == "," && !lex.names_starting_with(s.word(c.end + 1)).empty()) return true;
  return false;
}

Reading read_candidate(const SentenceView& s, const Candidate& c, const lexicon::Lexicon& lex, bool title_case) {
  const lexicon::StateName& name = *c.name;
  const std::string_view next = c.end < s.end() ? s.word(c.end) : std::string_view{};
  const bool possessive = has_possessive(s.word(c.end - 1));
  if (!possessive && (lex.is_context_word("street", next) ||
                      ((name.kind == NameKind::name || name.kind == NameKind::capital) &&
                       lex.is_context_word("org_suffix", next)))) {
    return Reading::none;
  }
  if (!title_case && continues_name_on_left(s, c, lex)) return Reading::none;
  if ((name.kind == NameKind::demonym || name.kind == NameKind::adjective) && c.begin > s.first() &&
      lex.is_context_word("region_left", s.word(c.begin - 1))) {
    return Reading::none;
  }
  if (name.is_ambiguous) {
    if (!title_case && continues_name_on_right(s, c)) return Reading::none;
    if (s.any_word_in(lex, "us_state_cue", s.first(), s.end())) return Reading::none;
  }
  if (name.kind == NameKind::capital) {
    if (is_place_use(s, c, lex)) return Reading::place;
    // An ambiguous capital (Male, Victoria) is read only as a place after a preposition.
    return name.is_ambiguous ? Reading::none : Reading::state;
  }
  return Reading::state;
}

double confidence_of(const lexicon::StateName& name, Reading reading) {
  double c = confidence_name;
  if (reading == Reading::place) {
    c = confidence_place;
  } else {
    switch (name.kind) {
      case NameKind::name: c = confidence_name; break;
      case NameKind::demonym:
      case NameKind::adjective: c = confidence_adjective; break;
      case NameKind::government: c = confidence_government; break;
      case NameKind::capital: c = confidence_capital_government; break;
    }
  }
  return name.is_ambiguous ? c * ambiguity_penalty : c;
}

std::string_view rule_of(const lexicon::StateName& name, Reading reading) {
  if (reading == Reading::place) return "capital-as-place";
  switch (name.kind) {
    case NameKind::name: return "state-name";
    case NameKind::demonym: return "state-demonym";
    case NameKind::adjective: return "state-adjective";
    case NameKind::government: return "seat-of-government";
    case NameKind::capital: return "capital-as-government";
  }
  return "state-name";
}

Mention make_mention(std::string_view text, const Segmentation& seg, const Candidate& c, Reading reading,
                     const lexicon::Lexicon& lex) {
  const lexicon::StateName& name = *c.name;
  const lexicon::StateRecord& state = lex.states()[name.state];
  Token first = seg.tokens[c.begin];
  Token last = seg.tokens[c.end - 1];
  // A trailing possessive belongs to the grammar, not to the name.
  const std::string_view last_word = text::token_text(text, last);
  const std::size_t stripped = last_word.size() - strip_possessive(last_word).size();
  if (stripped > 0) {
    last.end_byte -= static_cast<std::uint32_t>(stripped);
    last.span.end_cp -= 2;  // "’s" and "'s" are both two code points
  }
  Mention m;
  m.span = {first.span.begin_cp, last.span.end_cp};
  m.surface = std::string(text.substr(first.begin_byte, last.end_byte - first.begin_byte));
  m.confidence = confidence_of(name, reading);
  m.rule = std::string(rule_of(name, reading));
  if (reading == Reading::place) {
    m.kind = EntityKind::place;
    m.key = lexicon::place_key(name.form);
    m.is_name = true;
  } else {
    m.kind = EntityKind::state;
    m.key = state.alpha3;
    m.is_name = name.kind == NameKind::name;
  }
  return m;
}

}  // namespace

std::vector<Mention> recognize_states(std::string_view text, const Segmentation& seg, const lexicon::Lexicon& lex) {
  std::vector<Mention> mentions;
  for (const Sentence& sentence : seg.sentences) {
    const SentenceView s(text, seg, sentence);
    const bool title_case = s.is_title_case(lex);
    for (std::uint32_t i = s.first(); i < s.end();) {
      Candidate best;
      const std::string_view w = s.word(i);
      const std::string_view bare = strip_possessive(w);
      for (const std::string_view key : {w, bare}) {
        for (const std::uint32_t idx : lex.names_starting_with(key)) {
          const lexicon::StateName& name = lex.state_names()[idx];
          const std::uint32_t n = match_length(s, i, name);
          if (n > best.end - best.begin) best = {i, i + n, &name};
        }
        if (bare.size() == w.size()) break;  // no possessive to strip
      }
      if (best.name == nullptr) {
        ++i;
        continue;
      }
      const Reading reading = read_candidate(s, best, lex, title_case);
      if (reading != Reading::none) mentions.push_back(make_mention(text, seg, best, reading, lex));
      i = best.end;
    }
  }
  return mentions;
}

}  // namespace nkg::recognize
