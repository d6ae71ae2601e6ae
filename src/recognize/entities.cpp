// Organizations, places and people: lexicon phrases first, then patterns (a ministry named by
// its state and portfolio, a capitalized phrase headed by "Committee" or "Service", a name
// introduced by a title or next to a verb of saying), then in-document coreference of surnames
// and descriptions of office holders ("the Polish leader").
#include <algorithm>
#include <map>
#include <optional>

#include "core/iri.hpp"
#include "recognize/recognize.hpp"
#include "recognize/words.hpp"
#include "text/text.hpp"

namespace nkg::recognize {

namespace {

using detail::has_possessive;
using detail::is_all_upper;
using detail::is_lower_initial;
using detail::is_upper_initial;
using detail::strip_possessive;

constexpr double confidence_org_lexicon = 0.95;
constexpr double confidence_org_ministry = 0.9;
constexpr double confidence_org_pattern = 0.7;
constexpr double confidence_place = 0.85;
constexpr double confidence_person_title = 0.9;
constexpr double confidence_person_given_name = 0.85;
constexpr double confidence_person_speech = 0.7;
constexpr double confidence_person_shape = 0.6;
constexpr double confidence_person_coreference = 0.8;
constexpr double confidence_description = 0.7;

/// The document's words (apostrophes normalized), sentences, and which tokens are taken.
class DocumentView {
 public:
  DocumentView(std::string_view text, const Segmentation& seg, const lexicon::Lexicon& lex)
      : text_(text), seg_(seg), lex_(lex), owner_(seg.tokens.size(), -1), sentence_of_(seg.tokens.size(), 0) {
    words_.reserve(seg.tokens.size());
    lower_words_.reserve(seg.tokens.size());
    context_masks_.reserve(seg.tokens.size());
    for (const Token& t : seg.tokens) {
      words_.push_back(detail::normalize_quotes(text::token_text(text, t)));
      lower_words_.push_back(lexicon::ascii_lower(words_.back()));
      context_masks_.push_back(lex.context_mask(words_.back()));
    }
    // Per-sentence facts, computed once, so that every question below is O(1) (a 5 MB sentence
    // or 100 000 capitalized words stay linear).
    first_word_.resize(seg.sentences.size());
    title_case_.resize(seg.sentences.size());
    shouted_.resize(seg.sentences.size());
    const std::uint32_t minor = lex.context_bit("minor");
    for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
      const Sentence& sentence = seg.sentences[s];
      std::uint32_t first_word = sentence.end_token;
      std::size_t capitalized = 0;
      std::size_t lower = 0;
      std::size_t upper = 0;
      for (std::uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
        sentence_of_[i] = s;
        if (!seg.tokens[i].is_word) continue;
        const std::string& w = words_[i];
        if (first_word == sentence.end_token && !std::isdigit(static_cast<unsigned char>(w[0]))) first_word = i;
        if (is_upper_initial(w)) ++capitalized;
        else if (is_lower_initial(w) && (context_masks_[i] & minor) == 0) ++lower;
        if (w.size() >= 2 && is_all_upper(w)) ++upper;
      }
      first_word_[s] = first_word;
      title_case_[s] = capitalized >= 3 && lower * 5 <= capitalized && lower <= 1;
      shouted_[s] = upper >= 3;
    }
  }

  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] const Segmentation& seg() const { return seg_; }
  [[nodiscard]] const lexicon::Lexicon& lex() const { return lex_; }
  [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(words_.size()); }
  [[nodiscard]] const std::string& word(std::uint32_t i) const { return words_[i]; }
  [[nodiscard]] const std::string& lower_word(std::uint32_t i) const { return lower_words_[i]; }
  [[nodiscard]] bool is_word(std::uint32_t i) const { return seg_.tokens[i].is_word; }
  [[nodiscard]] const Sentence& sentence(std::uint32_t i) const { return seg_.sentences[sentence_of_[i]]; }
  [[nodiscard]] bool same_sentence(std::uint32_t a, std::uint32_t b) const { return sentence_of_[a] == sentence_of_[b]; }
  /// Tokens a and a+1 touch (no space between): "Jean-Claude", "RFE/RL".
  [[nodiscard]] bool touches(std::uint32_t a) const {
    return a + 1 < size() && seg_.tokens[a].end_byte == seg_.tokens[a + 1].begin_byte;
  }
  [[nodiscard]] bool is_context(std::string_view category, std::uint32_t i) const {
    return i < size() && (context_masks_[i] & lex_.context_bit(category)) != 0;
  }
  /// Only punctuation or numbers before token i in its sentence.
  [[nodiscard]] bool is_sentence_initial(std::uint32_t i) const { return i <= first_word_[sentence_of_[i]]; }
  /// The sentence of token i is a headline in title case: capitals say little about names.
  [[nodiscard]] bool is_title_case(std::uint32_t i) const { return title_case_[sentence_of_[i]]; }
  /// Several words of the sentence of token i are written in capitals.
  [[nodiscard]] bool is_shouted(std::uint32_t i) const { return shouted_[sentence_of_[i]]; }
  /// A capitalized word that is not a number.
  [[nodiscard]] bool is_capitalized(std::uint32_t i) const { return is_word(i) && is_upper_initial(words_[i]); }

  [[nodiscard]] int owner(std::uint32_t i) const { return owner_[i]; }
  [[nodiscard]] bool is_free(std::uint32_t begin, std::uint32_t end) const {
    for (std::uint32_t i = begin; i < end; ++i) {
      if (owner_[i] >= 0) return false;
    }
    return true;
  }
  void take(std::uint32_t begin, std::uint32_t end, int mention) {
    for (std::uint32_t i = begin; i < end; ++i) owner_[i] = mention;
  }

  /// Length of `phrase` matched at token i (the last token may carry a possessive), or 0.
  [[nodiscard]] std::uint32_t match(std::uint32_t i, const lexicon::Phrase& phrase, bool lower) const {
    const auto n = static_cast<std::uint32_t>(phrase.tokens.size());
    if (i + n > sentence(i).end_token) return 0;
    const std::vector<std::string>& words = lower ? lower_words_ : words_;
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::string& w = words[i + k];
      if (w == phrase.tokens[k]) continue;
      if (k + 1 == n && strip_possessive(w) == phrase.tokens[k]) continue;
      return 0;
    }
    return n;
  }

  /// The longest phrase of `table` starting at token i: {phrase index, length}.
  [[nodiscard]] std::optional<std::pair<std::uint32_t, std::uint32_t>> longest(const lexicon::PhraseTable& table,
                                                                              std::uint32_t i, bool lower) const {
    const std::string_view w = lower ? lower_words_[i] : words_[i];
    const std::string_view bare = strip_possessive(w);
    std::optional<std::pair<std::uint32_t, std::uint32_t>> best;
    for (const std::string_view key : {w, bare}) {
      for (const std::uint32_t idx : table.starting_with(key)) {
        const std::uint32_t n = match(i, table.phrases()[idx], lower);
        if (n > 0 && (!best || n > best->second)) best = {{idx, n}};
      }
      if (bare == w) break;
    }
    return best;
  }

 private:
  std::string_view text_;
  const Segmentation& seg_;
  const lexicon::Lexicon& lex_;
  std::vector<std::string> words_;
  std::vector<std::string> lower_words_;  // words_ in ASCII lower case, for the case-blind tables
  std::vector<std::uint32_t> context_masks_;  // the context-word categories of each word
  std::vector<int> owner_;  // index into the mention list, or -1
  std::vector<std::uint32_t> sentence_of_;
  std::vector<std::uint32_t> first_word_;  // per sentence: its first word that is not a number
  std::vector<bool> title_case_;
  std::vector<bool> shouted_;
};

/// Mentions found so far, each with its token range.
struct Found {
  Mention mention;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

class Recognizer {
 public:
  Recognizer(DocumentView& view, std::vector<Found>& found) : v_(view), found_(found) {}

  void add(std::uint32_t begin, std::uint32_t end, Mention m) {
    v_.take(begin, end, static_cast<int>(found_.size()));
    found_.push_back({std::move(m), begin, end});
  }

  [[nodiscard]] Mention over(std::uint32_t begin, std::uint32_t end) const {
    return detail::mention_over(v_.text(), v_.seg(), begin, end);
  }

  /// The state mention ending right before token i (its last token), if any.
  [[nodiscard]] const Found* state_ending_at(std::uint32_t last) const {
    const int o = v_.owner(last);
    if (o < 0 || found_[static_cast<std::size_t>(o)].end != last + 1) return nullptr;
    const Found& f = found_[static_cast<std::size_t>(o)];
    return f.mention.kind == EntityKind::state ? &f : nullptr;
  }
  [[nodiscard]] const Found* state_starting_at(std::uint32_t first) const {
    if (first >= v_.size()) return nullptr;
    const int o = v_.owner(first);
    if (o < 0 || found_[static_cast<std::size_t>(o)].begin != first) return nullptr;
    const Found& f = found_[static_cast<std::size_t>(o)];
    return f.mention.kind == EntityKind::state ? &f : nullptr;
  }

  void organizations_from_lexicon();
  void ministries();
  void embassies();
  void acronyms();
  void teams();
  void organizations_by_pattern();
  void places();
  void catalog_people();
  void people();
  void surnames();
  void descriptions();

 private:
  bool ministry_at(std::uint32_t i);
  [[nodiscard]] std::optional<std::pair<std::uint32_t, std::uint32_t>> title_before(std::uint32_t start) const;

  DocumentView& v_;
  std::vector<Found>& found_;
};

void Recognizer::organizations_from_lexicon() {
  const auto& table = v_.lex().organization_names();
  for (std::uint32_t i = 0; i < v_.size();) {
    if (!v_.is_word(i) || v_.owner(i) >= 0) {
      ++i;
      continue;
    }
    const auto best = v_.longest(table, i, false);
    if (!best || !v_.is_free(i, i + best->second)) {
      ++i;
      continue;
    }
    const lexicon::Phrase& phrase = table.phrases()[best->first];
    // An acronym that is also a word ("WHO", "IS") counts only in capitals, outside headlines
    // set in capitals.
    if (phrase.is_ambiguous && (!is_all_upper(v_.word(i)) || v_.is_sentence_initial(i))) {
      ++i;
      continue;
    }
    const lexicon::OrgRecord& org = v_.lex().organizations()[phrase.record];
    Mention m = over(i, i + best->second);
    m.kind = EntityKind::organization;
    m.key = org.key;
    m.is_name = true;
    m.confidence = confidence_org_lexicon;
    m.rule = "organization-lexicon";
    add(i, i + best->second, std::move(m));
    i += best->second;
  }
}

/// "German Foreign Ministry", "Germany's Ministry of Foreign Affairs", "the Ministry of
/// Foreign Affairs of Germany", "Foreign Ministry of Poland".
bool Recognizer::ministry_at(std::uint32_t i) {
  const auto& portfolios = v_.lex().portfolios();
  auto is_ministry_word = [&](std::uint32_t k) {
    // "Ministry", "ministry's", "MINISTRY": the word without its possessive, in lower case.
    return k < v_.size() && strip_possessive(v_.word(k)).size() == 8 &&
           std::string_view(v_.lower_word(k)).substr(0, 8) == "ministry";
  };
  const Found* state = state_starting_at(i);
  std::uint32_t begin = i;
  std::uint32_t k = i;
  if (state != nullptr) k = state->end;
  if (k >= v_.size() || !v_.same_sentence(i, k)) return false;
  std::optional<std::uint32_t> ministry;
  std::uint32_t end = k;
  if (const auto p = v_.longest(portfolios, k, true); p && is_ministry_word(k + p->second)) {
    ministry = portfolios.phrases()[p->first].record;  // "Foreign Ministry"
    end = k + p->second + 1;
  } else if (is_ministry_word(k) && k + 1 < v_.size() && (v_.word(k + 1) == "of" || v_.word(k + 1) == "for")) {
    if (const auto q = v_.longest(portfolios, k + 2, true)) {  // "Ministry of Foreign Affairs"
      ministry = portfolios.phrases()[q->first].record;
      end = k + 2 + q->second;
    }
  }
  if (!ministry) return false;
  if (state == nullptr) {
    // "... of Germany" after the ministry.
    if (end + 1 < v_.size() && v_.word(end) == "of") state = state_starting_at(end + 1);
    if (state != nullptr) {
      end = state->end;
    } else {
      // "the Foreign Ministry" after "the German Foreign Ministry": the same ministry.
      const std::string suffix = "-" + ascii_slug(v_.lex().portfolio_ministries()[*ministry]);
      const Found* same = nullptr;
      for (const Found& f : found_) {
        if (f.mention.rule == "ministry" && f.mention.key.size() > suffix.size() &&
            f.mention.key.compare(f.mention.key.size() - suffix.size(), suffix.size(), suffix) == 0) {
          if (same != nullptr && same->mention.key != f.mention.key) return false;  // two states' ministries
          same = &f;
        }
      }
      if (same == nullptr || !v_.is_free(begin, end)) return false;
      Mention m = over(begin, end);
      m.kind = EntityKind::organization;
      m.key = same->mention.key;
      m.label = same->mention.label;
      m.part_of = same->mention.part_of;
      m.is_name = true;
      m.confidence = confidence_org_pattern;
      m.rule = "ministry-coreference";
      add(begin, end, std::move(m));
      return true;
    }
  }
  for (std::uint32_t t = begin; t < end; ++t) {
    if ((t < state->begin || t >= state->end) && v_.owner(t) >= 0) return false;
  }
  const lexicon::StateRecord* record = v_.lex().find_state(state->mention.key);
  if (record == nullptr) return false;
  const std::string& canonical = v_.lex().portfolio_ministries()[*ministry];
  Mention m = over(begin, end);
  m.kind = EntityKind::organization;
  m.key = lexicon::ascii_lower(record->alpha3) + "-" + ascii_slug(canonical);
  m.label = canonical + " of " + record->label;
  m.part_of = "state:" + record->alpha3;
  m.is_name = true;
  m.confidence = confidence_org_ministry;
  m.rule = "ministry";
  // The state mention inside the name gives way to the ministry (dropped at the end).
  found_[static_cast<std::size_t>(v_.owner(state->begin))].mention.key.clear();
  v_.take(begin, end, -1);
  add(begin, end, std::move(m));
  return true;
}

void Recognizer::ministries() {
  for (std::uint32_t i = 0; i < v_.size(); ++i) {
    if (v_.is_word(i) && ministry_at(i)) {
      while (i + 1 < v_.size() && v_.owner(i + 1) == v_.owner(i)) ++i;
    }
  }
}

/// "the Polish Embassy in Budapest", "Russia's embassy in Kyiv": a state's mission abroad.
void Recognizer::embassies() {
  for (std::uint32_t i = 0; i + 1 < v_.size(); ++i) {
    const Found* state = state_starting_at(i);
    if (state == nullptr || state->mention.key.empty()) continue;
    std::uint32_t k = state->end;
    if (k < v_.size() && (v_.word(k) == "'s" || v_.word(k) == "'")) ++k;
    if (k >= v_.size() || v_.owner(k) >= 0 || !v_.same_sentence(i, k)) continue;
    const std::string& word = v_.lower_word(k);
    if (word != "embassy" && word != "consulate") continue;
    const lexicon::StateRecord* sender = v_.lex().find_state(state->mention.key);
    if (sender == nullptr) continue;
    // The host: "in Budapest" (a capital or city) or "in Hungary".
    const lexicon::StateRecord* host = nullptr;
    if (k + 2 < v_.size() && v_.word(k + 1) == "in" && v_.owner(k + 2) >= 0) {
      const Mention& where = found_[static_cast<std::size_t>(v_.owner(k + 2))].mention;
      if (where.kind == EntityKind::state) host = v_.lex().find_state(where.key);
      if (where.kind == EntityKind::place) {
        if (const lexicon::PlaceRecord* p = v_.lex().find_place(where.key)) host = v_.lex().find_state(p->state);
      }
    }
    if (host == sender) host = nullptr;
    const std::string kind = word == "embassy" ? "Embassy" : "Consulate";
    Mention m = over(state->begin, k + 1);
    m.kind = EntityKind::organization;
    m.key = lexicon::ascii_lower(sender->alpha3) + "-" + lexicon::ascii_lower(kind) +
            (host != nullptr ? "-in-" + lexicon::ascii_lower(host->alpha3) : std::string());
    m.label = kind + " of " + sender->label + (host != nullptr ? " in " + host->label : std::string());
    m.part_of = "state:" + sender->alpha3;
    m.is_name = true;
    m.confidence = confidence_org_ministry;
    m.rule = "embassy";
    found_[static_cast<std::size_t>(v_.owner(state->begin))].mention.key.clear();  // the state gives way
    v_.take(state->begin, k + 1, -1);
    add(state->begin, k + 1, std::move(m));
    i = k;
  }
}

/// In sports results a city stands for its team: "Chicago 5 Colorado 3", "Surrey v Kent",
/// "Atlanta at Chicago". A city followed by a score, or set against another city, is a team.
void Recognizer::teams() {
  auto is_score = [&](std::uint32_t k) {
    if (k >= v_.size() || !v_.is_word(k)) return false;
    const std::string& w = v_.word(k);
    if (w.empty() || w.size() > 3) return false;
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto is_place_at = [&](std::uint32_t k) {
    if (k >= v_.size() || v_.owner(k) < 0) return false;
    return found_[static_cast<std::size_t>(v_.owner(k))].mention.kind == EntityKind::place;
  };
  for (Found& f : found_) {
    if (f.mention.kind != EntityKind::place || f.mention.key.empty()) continue;
    const std::uint32_t before = f.begin > 0 ? f.begin - 1 : f.begin;
    // A score, not a time of day ("Warsaw 00:36" is a dateline).
    const bool scored = is_score(f.end) && v_.same_sentence(f.begin, f.end) &&
                        !(f.end + 1 < v_.size() && (v_.word(f.end + 1) == ":" || v_.word(f.end + 1) == "."));
    const std::string next = f.end < v_.size() ? v_.lower_word(f.end) : std::string();
    const std::string prev = f.begin > 0 ? v_.lower_word(before) : std::string();
    const bool versus = ((next == "v" || next == "vs") && f.end + 1 < v_.size() && v_.is_capitalized(f.end + 1)) ||
                        ((next == "at" || next == "beat") && is_place_at(f.end + 1)) ||
                        ((prev == "v" || prev == "vs" || prev == "at" || prev == "beat") && f.begin > 1 &&
                         is_place_at(f.begin - 2) && !v_.is_context("locative", before));
    if (!scored && !versus) continue;
    f.mention.kind = EntityKind::organization;
    f.mention.key = "team-" + f.mention.key;
    f.mention.label = f.mention.surface;
    f.mention.rule = "team";
    f.mention.confidence = confidence_org_pattern;
  }
}

/// An acronym the lexicons do not know ("KDP", "CEC") is most often an organization.
void Recognizer::acronyms() {
  for (std::uint32_t i = 0; i < v_.size(); ++i) {
    if (!v_.is_word(i) || v_.owner(i) >= 0 || v_.is_shouted(i)) continue;
    const std::string_view w = strip_possessive(v_.word(i));
    if (w.size() < 3 || w.size() > 5 || !is_all_upper(w)) continue;
    if (!std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) continue;
    if (v_.is_sentence_initial(i) && i + 1 < v_.sentence(i).end_token && v_.is_capitalized(i + 1) &&
        is_all_upper(v_.word(i + 1))) {
      continue;  // a shouted phrase, not an acronym
    }
    if (v_.is_context("not_acronym", i)) continue;
    Mention m = over(i, i + 1);
    m.kind = EntityKind::organization;
    m.key = lexicon::ascii_lower(w);
    m.is_name = true;
    m.confidence = confidence_org_pattern;
    m.rule = "organization-acronym";
    add(i, i + 1, std::move(m));
  }
}

/// A capitalized phrase headed by an organization word: "Central Election Commission",
/// "State Security Committee", "RFE/RL's Ukrainian Service" (a service of a known outlet).
void Recognizer::organizations_by_pattern() {
  for (std::uint32_t i = 0; i < v_.size(); ++i) {
    if (!v_.is_capitalized(i)) continue;
    // A state adjective may open the name ("Ukrainian Service", "Russian Academy of Sciences").
    std::optional<std::size_t> adjective;
    if (v_.owner(i) >= 0) {
      const Found& f = found_[static_cast<std::size_t>(v_.owner(i))];
      if (f.begin != i || f.mention.kind != EntityKind::state || f.mention.rule != "state-adjective") continue;
      adjective = static_cast<std::size_t>(v_.owner(i));
    }
    // The run: capitalized words, joined by linking words ("of", "for") between them.
    std::uint32_t end = i;
    std::optional<std::uint32_t> last_head;
    for (std::uint32_t k = i; k < v_.sentence(i).end_token; ++k) {
      if (v_.owner(k) >= 0 && !(adjective && v_.owner(k) == static_cast<int>(*adjective))) break;
      if (v_.is_capitalized(k) && !v_.is_context("calendar", k)) {
        if (v_.is_context("org_head", k) || v_.lex().is_context_word("org_head", strip_possessive(v_.word(k)))) {
          last_head = k;
        }
        end = k + 1;
        if (has_possessive(v_.word(k))) break;
        continue;
      }
      if (v_.is_context("org_link", k) && k + 1 < v_.size() && v_.is_capitalized(k + 1)) continue;
      if (v_.word(k) == "-" && v_.touches(k - 1) && v_.touches(k)) continue;
      break;
    }
    if (!last_head) {
      i = std::max(i, end > 0 ? end - 1 : 0);  // no head anywhere in this run: skip it whole
      continue;
    }
    std::uint32_t begin = i;
    while (begin < *last_head && (v_.is_context("determiner", begin) || v_.is_context("calendar", begin))) ++begin;
    // A phrase headed by its first word needs its complement: "Ministry of Justice".
    const std::uint32_t stop = *last_head == begin ? end : *last_head + 1;
    if (stop - begin < 2) {
      i = std::max(i, end > 0 ? end - 1 : 0);
      continue;
    }
    Mention m = over(begin, stop);
    m.kind = EntityKind::organization;
    m.is_name = true;
    m.confidence = confidence_org_pattern;
    m.rule = "organization-pattern";
    std::string key = ascii_slug(text::to_ascii(m.surface));
    // A service or branch of the organization named just before it, in the possessive.
    if (begin > 0 && v_.owner(begin - 1) >= 0 && has_possessive(v_.word(begin - 1))) {
      const Found& parent = found_[static_cast<std::size_t>(v_.owner(begin - 1))];
      if (parent.mention.kind == EntityKind::organization) {
        key = parent.mention.key + "-" + key;
        m.part_of = "organization:" + parent.mention.key;
        const lexicon::OrgRecord* org = v_.lex().find_organization(parent.mention.key);
        m.label = (org != nullptr ? org->label : parent.mention.surface) + " " + m.surface;
      }
    }
    if (key.empty()) continue;
    m.key = std::move(key);
    if (adjective) {
      if (begin != i) continue;
      found_[*adjective].mention.key.clear();  // the adjective is part of the name
      v_.take(begin, stop, -1);
    }
    add(begin, stop, std::move(m));
    i = stop - 1;
  }
}

void Recognizer::places() {
  const auto& table = v_.lex().place_names();
  for (std::uint32_t i = 0; i < v_.size(); ++i) {
    if (!v_.is_capitalized(i) || v_.owner(i) >= 0) continue;
    const auto best = v_.longest(table, i, false);
    if (!best || !v_.is_free(i, i + best->second)) continue;
    const lexicon::Phrase& phrase = table.phrases()[best->first];
    const std::uint32_t end = i + best->second;
    // Part of a longer name: "Jackson Heights Committee", "Victoria Nuland" (a headline in
    // title case capitalizes every word, so there it says nothing).
    const bool title_case = v_.is_title_case(i);
    if (!title_case && end < v_.sentence(i).end_token && v_.is_capitalized(end) && !has_possessive(v_.word(end - 1))) {
      continue;
    }
    if (!title_case && i > v_.sentence(i).first_token && v_.is_capitalized(i - 1) && !v_.is_sentence_initial(i - 1) &&
        !v_.is_context("determiner", i - 1)) {
      continue;
    }
    // A name that is also a word ("Reading", "Kent") needs "in", "at" ... before it, or a score or
    // "v" after it (a team in sports results, see teams()).
    const bool sports = end + 1 < v_.size() && v_.same_sentence(i, end) &&
                        ((!v_.word(end).empty() && std::isdigit(static_cast<unsigned char>(v_.word(end)[0])) != 0 &&
                          v_.word(end).size() <= 3) ||
                         v_.word(end) == "v" || v_.word(end) == "vs");
    if (phrase.is_ambiguous && !(i > 0 && v_.is_context("locative", i - 1)) && !sports) continue;
    const lexicon::PlaceRecord& place = v_.lex().places()[phrase.record];
    Mention m = over(i, end);
    m.kind = EntityKind::place;
    m.key = place.key;
    m.is_name = true;
    m.confidence = confidence_place;
    m.rule = "place-lexicon";
    add(i, end, std::move(m));
    i = end - 1;
  }
}

/// People the user's catalogue names, by any of their names.
void Recognizer::catalog_people() {
  const auto& table = v_.lex().catalog_person_names();
  for (std::uint32_t i = 0; i < v_.size(); ++i) {
    if (!v_.is_capitalized(i) || v_.owner(i) >= 0) continue;
    const auto best = v_.longest(table, i, false);
    if (!best || !v_.is_free(i, i + best->second)) continue;
    // A surname alone after another capitalized name word is someone else ("Naina Yeltsin").
    if (best->second == 1 && i > v_.sentence(i).first_token && v_.is_capitalized(i - 1) && v_.owner(i - 1) < 0 &&
        !v_.is_context("determiner", i - 1) && !v_.lex().title_forms().starting_with(v_.lower_word(i - 1)).size()) {
      continue;
    }
    Mention m = over(i, i + best->second);
    m.kind = EntityKind::person;
    m.key = v_.lex().catalog_people()[table.phrases()[best->first].record].key;
    m.is_name = true;
    m.confidence = confidence_org_lexicon;
    m.rule = "person-catalog";
    add(i, i + best->second, std::move(m));
    i += best->second - 1;
  }
}

/// A title ending right before token `start` ("Foreign Minister", "political analyst"):
/// {title record, length in tokens}.
std::optional<std::pair<std::uint32_t, std::uint32_t>> Recognizer::title_before(std::uint32_t start) const {
  const auto& table = v_.lex().title_forms();
  const std::uint32_t first = v_.sentence(start).first_token;
  for (std::uint32_t n = std::min<std::uint32_t>(5, start - first); n >= 1; --n) {
    const std::uint32_t b = start - n;
    if (v_.owner(b) >= 0) continue;
    for (const std::uint32_t idx : table.starting_with(v_.lower_word(b))) {
      if (table.phrases()[idx].tokens.size() == n && v_.match(b, table.phrases()[idx], true) == n) {
        return {{table.phrases()[idx].record, n}};
      }
    }
  }
  return std::nullopt;
}

void Recognizer::people() {
  const auto& lex = v_.lex();
  for (std::uint32_t i = 0; i < v_.size(); ++i) {
    if (!v_.is_capitalized(i) || v_.owner(i) >= 0) continue;
    const std::uint32_t sentence_end = v_.sentence(i).end_token;
    const bool title_case = v_.is_title_case(i);
    // The run of name words: capitalized words, hyphenated parts, particles between them.
    std::vector<std::uint32_t> words;
    std::uint32_t end = i;
    for (std::uint32_t k = i; k < sentence_end; ++k) {
      if (v_.owner(k) >= 0) break;
      if (v_.is_capitalized(k) && !v_.is_context("calendar", k)) {
        words.push_back(k);
        end = k + 1;
        if (has_possessive(v_.word(k))) break;
        continue;
      }
      if (v_.word(k) == "-" && k > i && v_.touches(k - 1) && v_.touches(k) && k + 1 < sentence_end &&
          v_.is_capitalized(k + 1)) {
        continue;
      }
      if (v_.is_context("name_particle", k) && k + 1 < sentence_end && v_.is_capitalized(k + 1)) continue;
      // An initial: "S. Waugh".
      if (v_.word(k) == "." && k > i && v_.word(k - 1).size() == 1 && v_.touches(k - 1) && k + 1 < sentence_end &&
          v_.is_capitalized(k + 1)) {
        continue;
      }
      break;
    }
    if (words.empty()) continue;
    // Titles written in capitals inside the run come off its front ("Foreign Minister Jana").
    std::uint32_t begin = i;
    std::optional<std::uint32_t> title;
    while (begin < end) {
      const auto& table = lex.title_forms();
      std::optional<std::pair<std::uint32_t, std::uint32_t>> t;
      for (const std::uint32_t idx : table.starting_with(v_.lower_word(begin))) {
        const std::uint32_t n = v_.match(begin, table.phrases()[idx], true);
        if (n > 0 && begin + n < end && (!t || n > t->second)) t = {{table.phrases()[idx].record, n}};
      }
      if (!t) break;
      title = t->first;
      begin += t->second;
    }
    while (begin < end && (v_.is_context("determiner", begin) || v_.is_context("speech", begin))) ++begin;
    // A sentence-initial capital on an ordinary word ("Yesterday John Smith") is not the name.
    if (begin < end && v_.is_sentence_initial(begin) && !lex.is_given_name(std::string(v_.word(begin))) &&
        lex.is_common_word(v_.lower_word(begin))) {
      ++begin;
    }
    if (begin >= end) {
      i = end - 1;
      continue;
    }
    if (!title) {
      if (const auto t = title_before(begin)) title = t->first;
    }
    if (!title && begin > 1 && v_.word(begin - 1) == ",") {
      // "its ambassador, Piotr Wilk"
      if (const auto t = title_before(begin - 1)) title = t->first;
    }
    // Name words only (no punctuation at the edges).
    while (end > begin && !v_.is_word(end - 1)) --end;
    std::uint32_t count = 0;
    for (std::uint32_t k = begin; k < end; ++k) count += v_.is_capitalized(k) ? 1U : 0U;
    if (count == 0 || count > 4) {
      i = end - 1;
      continue;
    }
    // A street, square or prize named after a person is not the person ("Karl Marx Street").
    if (v_.is_context("street", end) || v_.is_context("street", end - 1)) {
      i = end - 1;
      continue;
    }
    const std::string first_word(strip_possessive(v_.word(begin)));
    bool common_first = false;
    const bool given = lex.is_given_name(first_word, &common_first);
    auto is_common = [&](std::uint32_t k) { return lex.is_common_word(lexicon::ascii_lower(strip_possessive(v_.word(k)))); };
    // "Kobakhidze: ..." — a name and a colon open a quoted headline.
    const bool attributed = count == 1 && v_.is_sentence_initial(begin) && end < sentence_end && v_.word(end) == ":" &&
                            end + 1 < sentence_end && v_.is_capitalized(end + 1);
    const bool speech_near = attributed || (begin > 0 && v_.is_context("speech", begin - 1)) ||
                             (begin > 1 && v_.word(begin - 1) == "," && v_.is_context("speech", begin - 2)) ||
                             v_.is_context("speech", end) ||
                             (end + 1 < v_.size() && v_.word(end) == "," && v_.is_context("speech", end + 1));
    // "Name, [the] [State's] title": an apposition introduces a person.
    bool apposition = false;
    if (end + 1 < sentence_end && v_.word(end) == ",") {
      std::uint32_t k = end + 1;
      if (v_.word(k) == "the" || v_.word(k) == "a" || v_.word(k) == "an" || v_.word(k) == "its") ++k;
      while (k < sentence_end && v_.owner(k) >= 0 && found_[static_cast<std::size_t>(v_.owner(k))].mention.kind != EntityKind::person) {
        k = found_[static_cast<std::size_t>(v_.owner(k))].end;
      }
      if (k < sentence_end && v_.longest(lex.title_forms(), k, true)) apposition = true;
    }
    double confidence = 0.0;
    std::string rule;
    if (apposition && !title_case && count >= 2) {
      confidence = confidence_person_title;
      rule = "person-apposition";
    } else if (title && !title_case && !(count == 1 && is_common(begin) && v_.is_sentence_initial(begin))) {
      confidence = confidence_person_title;
      rule = "person-title";
    } else if (given && count >= 2 && count <= 3 &&
               (!common_first || !is_common(end - 1) || !v_.is_sentence_initial(begin))) {
      confidence = confidence_person_given_name;
      rule = "person-given-name";
    } else if (speech_near && (!title_case || attributed) && !is_common(begin) && !(count == 1 && v_.is_sentence_initial(begin) && is_common(begin))) {
      confidence = confidence_person_speech;
      rule = "person-speech";
    }
    // "Jansher Khan (Pakistan)": a name followed by a state in brackets.
    const bool nationality = end + 2 < sentence_end && v_.word(end) == "(" && v_.owner(end + 1) >= 0 &&
                             found_[static_cast<std::size_t>(v_.owner(end + 1))].mention.kind == EntityKind::state &&
                             v_.word(found_[static_cast<std::size_t>(v_.owner(end + 1))].end) == ")";
    // A run ended by ordinary text, not by a further capitalized word of a longer name.
    const bool ends_naturally = end >= sentence_end || !v_.is_word(end) || is_lower_initial(v_.word(end)) ||
                                std::isdigit(static_cast<unsigned char>(v_.word(end)[0])) != 0;
    if (rule.empty() && !title_case && count >= 2 && count <= 3 &&
        (nationality || ends_naturally || !v_.is_sentence_initial(begin))) {
      // Two or three capitalized words, none an English word, none an acronym: the shape of a
      // personal name the lexicons do not know ("Hashan Tillakaratne", "S. Waugh").
      bool shaped = true;
      bool initial = false;
      for (std::uint32_t k = begin; k < end && shaped; ++k) {
        if (!v_.is_capitalized(k)) continue;
        const std::string_view w = strip_possessive(v_.word(k));
        if (w.size() == 1 && k + 1 < end && v_.word(k + 1) == ".") {
          initial = true;
          continue;
        }
        shaped = w.size() >= 2 && !is_all_upper(w) && !v_.is_context("org_head", k) &&
                 (!is_common(k) || (initial && k + 1 == end));
      }
      if (shaped) {
        confidence = confidence_person_shape;
        rule = "person-shape";
      }
    }
    if (rule.empty()) {
      i = end - 1;
      continue;
    }
    Mention m = over(begin, end);
    m.kind = EntityKind::person;
    m.key = text::person_key(m.surface);
    m.is_name = true;
    m.confidence = confidence;
    m.rule = std::move(rule);
    if (!m.key.empty()) add(begin, end, std::move(m));
    i = end - 1;
  }
}

/// A surname alone refers to the person named in full elsewhere in the document.
void Recognizer::surnames() {
  std::map<std::string, std::string> key_by_surname;  // surname -> person key; "" when ambiguous
  for (const Found& f : found_) {
    if (f.mention.kind != EntityKind::person || f.end - f.begin < 2) continue;
    const std::string surname(strip_possessive(v_.word(f.end - 1)));
    const auto [it, inserted] = key_by_surname.emplace(surname, f.mention.key);
    if (!inserted && it->second != f.mention.key) it->second.clear();
  }
  // Persons named by their surname alone take the full name's key.
  for (Found& f : found_) {
    if (f.mention.kind != EntityKind::person || f.end - f.begin != 1) continue;
    const auto it = key_by_surname.find(std::string(strip_possessive(v_.word(f.begin))));
    if (it != key_by_surname.end() && !it->second.empty()) f.mention.key = it->second;
  }
  for (std::uint32_t i = 0; i < v_.size(); ++i) {
    if (!v_.is_capitalized(i) || v_.owner(i) >= 0) continue;
    const auto it = key_by_surname.find(std::string(strip_possessive(v_.word(i))));
    if (it == key_by_surname.end() || it->second.empty()) continue;
    if (i + 1 < v_.sentence(i).end_token && v_.is_capitalized(i + 1) && !has_possessive(v_.word(i)) &&
        !v_.is_title_case(i)) {
      continue;
    }
    Mention m = over(i, i + 1);
    m.kind = EntityKind::person;
    m.key = it->second;
    m.is_name = true;
    m.confidence = confidence_person_coreference;
    m.rule = "surname";
    add(i, i + 1, std::move(m));
  }
}

/// "the Polish leader", "the Hungarian Prime Minister", "Russia's president": a post of a
/// state, standing for whoever holds it (resolve/ finds them).
void Recognizer::descriptions() {
  const auto& lex = v_.lex();
  const std::size_t count = found_.size();  // descriptions are appended while we go
  for (std::size_t f = 0; f < count; ++f) {
    const Found state = found_[f];
    if (state.mention.kind != EntityKind::state || state.mention.key.empty()) continue;
    const std::uint32_t k = state.end;
    if (k >= v_.size() || !v_.same_sentence(state.begin, k) || v_.owner(k) >= 0) continue;
    std::string title;
    std::uint32_t n = 0;
    if (const auto t = v_.longest(lex.title_forms(), k, true)) {
      const lexicon::TitleRecord& record = lex.titles()[lex.title_forms().phrases()[t->first].record];
      if (!record.is_post() || record.is_plural) continue;
      title = record.canonical;
      n = t->second;
    } else if (v_.is_context("leader_word", k)) {
      title = "Leader";
      n = 1;
    } else {
      continue;
    }
    const std::uint32_t end = k + n;
    // In apposition to a name, it is that person's post ("Ivan Petrov, Poland's ambassador").
    if (state.begin > 1 && v_.word(state.begin - 1) == "," && v_.owner(state.begin - 2) >= 0 &&
        found_[static_cast<std::size_t>(v_.owner(state.begin - 2))].mention.kind == EntityKind::person) {
      continue;
    }
    if (state.begin > 2 && v_.word(state.begin - 1) == "the" && v_.word(state.begin - 2) == "," &&
        v_.owner(state.begin - 3) >= 0 &&
        found_[static_cast<std::size_t>(v_.owner(state.begin - 3))].mention.kind == EntityKind::person) {
      continue;
    }
    // Followed by a name, it is a title, not a description ("Ukrainian President Zelensky").
    if (end < v_.size() && v_.is_capitalized(end) && v_.same_sentence(k, end)) continue;
    if (!v_.is_free(k, end)) continue;
    Mention m = over(state.begin, end);
    m.kind = EntityKind::person;
    m.described_title = title;
    m.described_of = state.mention.key;
    m.confidence = confidence_description;
    m.rule = "description";
    // Keep the state mention; the description is a second, wider mention.
    v_.take(k, end, static_cast<int>(found_.size()));
    found_.push_back({std::move(m), state.begin, end});
  }
}

}  // namespace

std::vector<Mention> recognize_entities(std::string_view text, const Segmentation& seg, const lexicon::Lexicon& lex,
                                        std::vector<Mention> states) {
  DocumentView view(text, seg, lex);
  std::vector<Found> found;
  Recognizer r(view, found);
  // Organizations from the lexicon outrank the states inside their names ("Deutsche Welle TV").
  r.organizations_from_lexicon();
  // States: each mention over the tokens it covers, unless an organization took them.
  {
    std::size_t t = 0;
    for (Mention& m : states) {
      while (t < seg.tokens.size() && seg.tokens[t].span.end_cp <= m.span.begin_cp) ++t;
      std::uint32_t b = static_cast<std::uint32_t>(t);
      std::uint32_t e = b;
      while (e < seg.tokens.size() && seg.tokens[e].span.begin_cp < m.span.end_cp) ++e;
      if (e > b && view.is_free(b, e)) r.add(b, e, std::move(m));
    }
  }
  r.ministries();
  r.embassies();
  r.places();
  r.organizations_by_pattern();
  r.catalog_people();
  r.people();
  r.surnames();
  r.teams();
  r.acronyms();
  r.descriptions();

  std::vector<Mention> out;
  out.reserve(found.size());
  for (Found& f : found) {
    if (f.mention.key.empty() && f.mention.described_title.empty()) continue;
    out.push_back(std::move(f.mention));
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) {
    return a.span.begin_cp != b.span.begin_cp ? a.span.begin_cp < b.span.begin_cp : a.span.end_cp > b.span.end_cp;
  });
  return out;
}

}  // namespace nkg::recognize
