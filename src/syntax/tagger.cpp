#include "syntax/tagger.hpp"

#include <algorithm>
#include <cctype>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/tsv.hpp"

namespace nkg::syntax::detail {

namespace {

constexpr std::string_view lexicon_file = "ontology/lexicon/pos-lexicon.tsv";
constexpr std::string_view rules_file = "ontology/lexicon/pos-rules.tsv";
constexpr std::string_view newskg_rules_file = "ontology/lexicon/pos-rules-newskg.tsv";
constexpr std::string_view lemmas_file = "ontology/lexicon/lemmas.tsv";

/// The tag of positions before the first and after the last word (Brill's "STAART").
constexpr std::uint8_t boundary_tag = 0xFF;


bool is_ascii_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_ascii_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

/// The tag of a punctuation mark or symbol, by its text.
std::optional<Tag> punctuation_tag(std::string_view w, bool opens) {
  if (w == "," ) return Tag::COMMA;
  if (w == "." || w == "!" || w == "?" || w == "..." || w == "\xE2\x80\xA6") return Tag::PERIOD;
  if (w == ":" || w == ";" || w == "-" || w == "--" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94") return Tag::COLON;
  if (w == "(" || w == "[" || w == "{") return Tag::LEFT_PAREN;
  if (w == ")" || w == "]" || w == "}") return Tag::RIGHT_PAREN;
  if (w == "``" || w == "\xE2\x80\x9C") return Tag::OPEN_QUOTE;
  if (w == "''" || w == "\xE2\x80\x9D") return Tag::CLOSE_QUOTE;
  if (w == "\"") return opens ? Tag::OPEN_QUOTE : Tag::CLOSE_QUOTE;
  if (w == "$" || w == "\xE2\x82\xAC" || w == "\xC2\xA3" || w == "US$") return Tag::DOLLAR;
  if (w == "#") return Tag::HASH;
  if (w == "%" || w == "&") return w == "&" ? Tag::CC : Tag::NN;
  return std::nullopt;
}

}  // namespace

enum class Tagger::Template : std::uint8_t {
  prev_tag, next_tag, prev_1or2_tag, next_1or2_tag, prev_1or2or3_tag, next_1or2or3_tag, prev2_tag, next2_tag,
  surround_tag, prev_bigram, next_bigram, current_word, prev_word, next_word, prev_1or2_word, next_1or2_word,
  prev2_word, next2_word, prev_1or2or3_word, next_1or2or3_word, word_prev_tag, word_next_tag, word_and_2_before, word_and_2_after, word_and_2_tag_before,
  word_and_2_tag_after, left_bigram, right_bigram,
};

WordClass classify(std::string_view word) {
  bool digit = false;
  bool letter = false;
  bool other = false;
  bool any_upper = false;
  bool any_lower = false;
  bool first_upper = false;
  bool first_seen = false;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(word.data());
  const auto length = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 cp = 0;
    if (bytes[i] < 0x80) {
      cp = bytes[i++];  // ASCII without ICU
    } else {
      U8_NEXT(bytes, i, length, cp);
    }
    if (cp < 0) {
      other = true;
      continue;
    }
    const bool ascii = cp < 0x80;
    const bool upper = ascii ? (cp >= 'A' && cp <= 'Z') : u_isupper(cp) != 0;
    const bool lower = ascii ? (cp >= 'a' && cp <= 'z') : u_islower(cp) != 0;
    if (!first_seen && (upper || lower)) {
      first_upper = upper;
      first_seen = true;
    }
    any_upper = any_upper || upper;
    any_lower = any_lower || lower;
    if (ascii ? is_ascii_digit(static_cast<char>(cp)) : u_isdigit(cp) != 0) {
      digit = true;
    } else if (upper || lower || (ascii ? is_ascii_alpha(static_cast<char>(cp)) : u_isalpha(cp) != 0)) {
      letter = true;
    } else if (cp != ',' && cp != '.' && cp != '-' && cp != '/' && cp != ':') {
      other = true;
    }
  }
  WordClass out;
  if (!first_seen) out.letter_case = LetterCase::other;
  else if (!first_upper) out.letter_case = any_upper ? LetterCase::other : LetterCase::lower;
  else if (!any_lower) out.letter_case = word.size() == 1 ? LetterCase::capitalized : LetterCase::upper;
  else out.letter_case = LetterCase::capitalized;
  if (!digit && !letter) out.shape = Shape::punctuation;
  else if (digit && !letter) out.shape = other ? Shape::has_digit : Shape::number;
  else if (digit) out.shape = Shape::has_digit;
  else {
    switch (out.letter_case) {
      case LetterCase::lower: out.shape = Shape::lower; break;
      case LetterCase::capitalized: out.shape = Shape::capitalized; break;
      case LetterCase::upper: out.shape = Shape::all_caps; break;
      case LetterCase::other: out.shape = Shape::mixed; break;
    }
  }
  return out;
}

LetterCase letter_case(std::string_view word) { return classify(word).letter_case; }

std::string lower_ascii(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Result<Tagger> Tagger::load(const SyntaxFiles& files, Vocabulary& vocabulary) {
  Tagger t;
  auto lexicon_rows = read_tsv(files.pos_lexicon, lexicon_file, 2);
  if (!lexicon_rows.ok()) return lexicon_rows.status();
  // First tags by word ending (the last 1 to 4 letters), for words the lexicon does not have:
  // collected as (ending, tag) pairs and counted after one sort.
  std::vector<std::pair<std::string_view, Tag>> endings;
  for (const TsvRow& row : lexicon_rows.value()) {
    const std::string_view form = row.fields[0];
    TagList list;
    std::string_view rest = row.fields[1];
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      const std::string_view name = rest.substr(0, space);
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
      if (name.empty()) continue;
      const auto tag = parse_tag(name);
      if (!tag) {
        return Status{StatusCode::bad_data, "unknown tag '" + std::string(name) + "'", {std::string(lexicon_file), row.line, 1}};
      }
      if (list.size < list.tags.size()) list.tags[list.size++] = *tag;
    }
    if (form.empty() || list.size == 0) {
      return Status{StatusCode::bad_data, "a word and at least one tag expected", {std::string(lexicon_file), row.line, 1}};
    }
    const LetterCase c = letter_case(form);
    const WordId id = vocabulary.add(lower_ascii(form));
    if (t.entries_.size() <= id) t.entries_.resize(id + 1);
    TagList& slot = t.entries_[id].by_case[static_cast<std::size_t>(c)];
    if (slot.size == 0) slot = list;
    if (c == LetterCase::lower && form.size() >= 4 &&
        std::all_of(form.begin(), form.end(), [](char ch) { return is_ascii_alpha(ch); })) {
      for (std::size_t n = 1; n <= 4 && n + 2 <= form.size(); ++n) endings.emplace_back(form.substr(form.size() - n), list.tags[0]);
    }
  }
  std::sort(endings.begin(), endings.end());
  for (std::size_t i = 0; i < endings.size();) {
    std::size_t j = i;
    std::array<std::uint32_t, tag_count> counts{};
    while (j < endings.size() && endings[j].first == endings[i].first) ++counts[static_cast<std::size_t>(endings[j++].second)];
    std::size_t best = 0;
    for (std::size_t k = 0; k < tag_count; ++k) {
      if (counts[k] > counts[best]) best = k;
    }
    // Only endings that say something: seen often, and mostly with one tag.
    const auto total = static_cast<std::uint32_t>(j - i);
    if (total >= 20 && counts[best] * 2 > total) t.suffix_tags_.emplace(std::string(endings[i].first), static_cast<Tag>(best));
    i = j;
  }

  for (const auto& [rules_text, rules_name] : {std::pair{files.pos_rules, rules_file}, std::pair{files.pos_rules_newskg, newskg_rules_file}}) {
  auto rule_rows = read_tsv(rules_text, rules_name, 4);
  if (!rule_rows.ok()) return rule_rows.status();
  static constexpr std::pair<std::string_view, Template> templates[] = {
      {"PREVTAG", Template::prev_tag}, {"NEXTTAG", Template::next_tag},
      {"PREV1OR2TAG", Template::prev_1or2_tag}, {"NEXT1OR2TAG", Template::next_1or2_tag},
      {"PREV1OR2OR3TAG", Template::prev_1or2or3_tag}, {"NEXT1OR2OR3TAG", Template::next_1or2or3_tag},
      {"PREV2TAG", Template::prev2_tag}, {"NEXT2TAG", Template::next2_tag},
      {"SURROUNDTAG", Template::surround_tag}, {"PREVBIGRAM", Template::prev_bigram},
      {"NEXTBIGRAM", Template::next_bigram}, {"CURWD", Template::current_word},
      {"PREVWD", Template::prev_word}, {"NEXTWD", Template::next_word},
      {"PREV1OR2WD", Template::prev_1or2_word}, {"NEXT1OR2WD", Template::next_1or2_word},
      {"PREV2WD", Template::prev2_word}, {"NEXT2WD", Template::next2_word},
      {"PREV1OR2OR3WD", Template::prev_1or2or3_word}, {"NEXT1OR2OR3WD", Template::next_1or2or3_word},
      {"WDPREVTAG", Template::word_prev_tag}, {"WDNEXTTAG", Template::word_next_tag},
      {"WDAND2BFR", Template::word_and_2_before}, {"WDAND2AFT", Template::word_and_2_after},
      {"WDAND2TAGBFR", Template::word_and_2_tag_before}, {"WDAND2TAGAFT", Template::word_and_2_tag_after},
      {"LBIGRAM", Template::left_bigram}, {"RBIGRAM", Template::right_bigram},
  };
  for (const TsvRow& row : rule_rows.value()) {
    const Location where{std::string(rules_name), row.line, 1};
    auto read_tag = [&](std::string_view name) -> std::optional<std::uint8_t> {
      if (name == "STAART") return boundary_tag;
      const auto tag = parse_tag(name);
      if (!tag) return std::nullopt;
      return static_cast<std::uint8_t>(*tag);
    };
    const auto from = read_tag(row.fields[0]);
    const auto to = read_tag(row.fields[1]);
    if (!from || !to || *from == boundary_tag || *to == boundary_tag) {
      return Status{StatusCode::bad_data, "unknown tag in rule", where};
    }
    const auto it = std::find_if(std::begin(templates), std::end(templates),
                                 [&](const auto& p) { return p.first == row.fields[2]; });
    if (it == std::end(templates)) {
      return Status{StatusCode::bad_data, "unknown rule template '" + std::string(row.fields[2]) + "'", where};
    }
    Rule r;
    r.from = static_cast<Tag>(*from);
    r.to = static_cast<Tag>(*to);
    r.tpl = it->second;
    // Which arguments are tags and which are words, in the order the file gives them.
    enum class Arg : std::uint8_t { tag, word };
    std::array<Arg, 2> kinds{Arg::tag, Arg::tag};
    std::size_t arity = 1;
    switch (r.tpl) {
      case Template::surround_tag: case Template::prev_bigram: case Template::next_bigram: arity = 2; break;
      case Template::current_word: case Template::prev_word: case Template::next_word: case Template::prev_1or2_word:
      case Template::next_1or2_word: case Template::prev2_word: case Template::next2_word:
      case Template::prev_1or2or3_word: case Template::next_1or2or3_word:
        kinds = {Arg::word, Arg::word};
        break;
      case Template::word_prev_tag: case Template::word_and_2_tag_before: kinds = {Arg::tag, Arg::word}; arity = 2; break;
      case Template::word_next_tag: case Template::word_and_2_tag_after: kinds = {Arg::word, Arg::tag}; arity = 2; break;
      case Template::word_and_2_before: case Template::word_and_2_after: case Template::left_bigram:
      case Template::right_bigram:
        kinds = {Arg::word, Arg::word};
        arity = 2;
        break;
      default: break;
    }
    if (row.fields.size() < 3 + arity) return Status{StatusCode::bad_data, "too few arguments for its template", where};
    for (std::size_t a = 0; a < arity; ++a) {
      const std::string_view arg = row.fields[3 + a];
      if (kinds[a] == Arg::tag) {
        const auto tag = read_tag(arg);
        if (!tag) return Status{StatusCode::bad_data, "unknown tag '" + std::string(arg) + "'", where};
        (a == 0 ? r.tag1 : r.tag2) = *tag;
      } else {
        // Rule words are compared with the lower-cased word (STAART, the boundary, is no word).
        (a == 0 ? r.word1 : r.word2) = arg == "STAART" ? no_word : vocabulary.add(lower_ascii(arg));
      }
    }
    t.rules_.push_back(r);
  }
  }

  auto lemma_rows = read_tsv(files.lemmas, lemmas_file, 3);
  if (!lemma_rows.ok()) return lemma_rows.status();
  std::vector<std::pair<WordId, Lemma>> lemmas;
  for (const TsvRow& row : lemma_rows.value()) {
    const auto tag = parse_tag(row.fields[1]);
    if (!tag) {
      return Status{StatusCode::bad_data, "unknown tag '" + std::string(row.fields[1]) + "'", {std::string(lemmas_file), row.line, 2}};
    }
    const WordId form = vocabulary.add(lower_ascii(row.fields[0]));
    lemmas.push_back({form, {*tag, vocabulary.add(lower_ascii(row.fields[2]))}});
  }
  // Grouped by form, in file order within a form (the first row for a tag wins).
  std::stable_sort(lemmas.begin(), lemmas.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  t.lemma_begin_.assign(vocabulary.size() + 1, 0);
  for (const auto& [form, lemma] : lemmas) ++t.lemma_begin_[form + 1];
  for (std::size_t i = 1; i < t.lemma_begin_.size(); ++i) t.lemma_begin_[i] += t.lemma_begin_[i - 1];
  t.lemmas_.reserve(lemmas.size());
  for (const auto& [form, lemma] : lemmas) t.lemmas_.push_back(lemma);
  return t;
}

const Tagger::TagList* Tagger::lookup(WordId lower, LetterCase c) const {
  if (lower == no_word || lower >= entries_.size()) return nullptr;
  const TagList& list = entries_[lower].by_case[static_cast<std::size_t>(c)];
  return list.size == 0 ? nullptr : &list;
}

/// "12th", "1st"; "10-year", "48-hour": words that start with digits and go on with letters
/// are adjectives; "+31", "-0.5" are numbers.
Tag digit_word_tag(std::string_view w) {
  std::size_t i = w.front() == '+' || w.front() == '-' ? 1 : 0;
  if (i == w.size() || !is_ascii_digit(w[i])) return Tag::NNP;
  while (i < w.size() && (is_ascii_digit(w[i]) || w[i] == '.' || w[i] == ',')) ++i;
  if (i == w.size()) return Tag::CD;
  const std::string_view rest = w.substr(i);
  if (rest == "st" || rest == "nd" || rest == "rd" || rest == "th") return Tag::JJ;
  if (rest.size() > 2 && rest[0] == '-' && is_ascii_alpha(rest[1])) return Tag::JJ;
  return Tag::CD;
}

Tag Tagger::unknown_tag(const TaggerInput& w) const {
  switch (w.shape) {
    case Shape::number: return Tag::CD;
    case Shape::has_digit: return digit_word_tag(w.text);
    case Shape::capitalized: case Shape::all_caps: case Shape::mixed: return Tag::NNP;
    case Shape::punctuation: return Tag::SYM;
    case Shape::lower: break;
  }
  if (w.text.find('-') != std::string_view::npos) return Tag::JJ;
  for (std::size_t n = std::min<std::size_t>(4, w.text.size() > 2 ? w.text.size() - 2 : 0); n >= 1; --n) {
    const auto it = suffix_tags_.find(w.text.substr(w.text.size() - n));
    if (it != suffix_tags_.end()) return it->second;
  }
  return Tag::NN;
}

Tagger::Initial Tagger::initial_tag(const TaggerInput& w, bool shouted) const {
  const LetterCase c = w.letter_case;
  if (const TagList* exact = lookup(w.lower, c)) return {exact->tags[0], exact};
  const TagList* lower = lookup(w.lower, LetterCase::lower);
  const TagList* capitalized = lookup(w.lower, LetterCase::capitalized);
  switch (c) {
    case LetterCase::capitalized:
      if (w.is_sentence_start && lower != nullptr) return {lower->tags[0], lower};
      break;
    case LetterCase::upper:
      if (shouted) {
        // A headline in capitals: function words keep their tag, other words read as names
        // (as in tagged newswire).
        if (lower != nullptr) {
          const Tag t = lower->tags[0];
          const bool closed = t == Tag::DT || t == Tag::IN || t == Tag::CC || t == Tag::TO || t == Tag::PRP ||
                              t == Tag::PRP_S || t == Tag::MD || t == Tag::WDT || t == Tag::WP || t == Tag::WRB ||
                              t == Tag::EX || t == Tag::RP || t == Tag::POS;
          if (closed) return {t, lower};
        }
        if (capitalized != nullptr) return {capitalized->tags[0], capitalized};
        return {Tag::NNP, nullptr};
      }
      if (capitalized != nullptr) return {capitalized->tags[0], capitalized};
      break;
    case LetterCase::lower:
      if (capitalized != nullptr && !is_proper_noun(capitalized->tags[0])) return {capitalized->tags[0], capitalized};
      break;
    case LetterCase::other: break;
  }
  return {unknown_tag(w), nullptr};
}

void Tagger::tag(std::span<const TaggerInput> words, std::span<Tag> tags, bool shouted) const {
  const std::size_t n = words.size();
  std::uint64_t present = 0;  // tags in the sentence: a rule whose `from` is absent is skipped
  bool quote_open = false;
  thread_local std::vector<const TagList*> known;
  known.assign(n, nullptr);
  for (std::size_t i = 0; i < n; ++i) {
    const TaggerInput& w = words[i];
    std::optional<Tag> t;
    if (w.shape == Shape::punctuation) {
      t = punctuation_tag(w.text, !quote_open);
      if (w.text == "\"") quote_open = !quote_open;
    }
    if (!t && w.text == "'s") t = Tag::POS;
    if (!t) {
      const Initial initial = initial_tag(w, shouted);
      t = initial.tag;
      known[i] = initial.entry;
    }
    tags[i] = *t;
    present |= std::uint64_t{1} << static_cast<unsigned>(*t);
  }
  auto tag_at = [&](std::ptrdiff_t k) -> std::uint8_t {
    return k < 0 || k >= static_cast<std::ptrdiff_t>(n) ? boundary_tag : static_cast<std::uint8_t>(tags[static_cast<std::size_t>(k)]);
  };
  auto word_is = [&](std::ptrdiff_t k, WordId id) {
    if (k < 0 || k >= static_cast<std::ptrdiff_t>(n)) return id == no_word;  // STAART
    return id != no_word && words[static_cast<std::size_t>(k)].lower == id;
  };
  // The words of the sentence as a 256-bit set of ids (ids are dense: the low bits spread them):
  // a rule that needs a word the sentence lacks is skipped without a scan.
  std::array<std::uint64_t, 4> words_present{};
  for (std::size_t i = 0; i < n; ++i) words_present[(words[i].lower >> 6U) & 3U] |= std::uint64_t{1} << (words[i].lower & 63U);
  auto may_contain = [&](WordId id) {
    return id == no_word || (words_present[(id >> 6U) & 3U] & (std::uint64_t{1} << (id & 63U))) != 0;
  };
  for (const Rule& r : rules_) {
    if ((present & (std::uint64_t{1} << static_cast<unsigned>(r.from))) == 0) continue;
    if (!may_contain(r.word1) || !may_contain(r.word2)) continue;
    for (std::size_t i = 0; i < n; ++i) {
      if (tags[i] != r.from) continue;
      const auto k = static_cast<std::ptrdiff_t>(i);
      bool hit = false;
      switch (r.tpl) {
        case Template::prev_tag: hit = tag_at(k - 1) == r.tag1; break;
        case Template::next_tag: hit = tag_at(k + 1) == r.tag1; break;
        case Template::prev_1or2_tag: hit = tag_at(k - 1) == r.tag1 || tag_at(k - 2) == r.tag1; break;
        case Template::next_1or2_tag: hit = tag_at(k + 1) == r.tag1 || tag_at(k + 2) == r.tag1; break;
        case Template::prev_1or2or3_tag:
          hit = tag_at(k - 1) == r.tag1 || tag_at(k - 2) == r.tag1 || tag_at(k - 3) == r.tag1;
          break;
        case Template::next_1or2or3_tag:
          hit = tag_at(k + 1) == r.tag1 || tag_at(k + 2) == r.tag1 || tag_at(k + 3) == r.tag1;
          break;
        case Template::prev2_tag: hit = tag_at(k - 2) == r.tag1; break;
        case Template::next2_tag: hit = tag_at(k + 2) == r.tag1; break;
        case Template::surround_tag: hit = tag_at(k - 1) == r.tag1 && tag_at(k + 1) == r.tag2; break;
        case Template::prev_bigram: hit = tag_at(k - 2) == r.tag1 && tag_at(k - 1) == r.tag2; break;
        case Template::next_bigram: hit = tag_at(k + 1) == r.tag1 && tag_at(k + 2) == r.tag2; break;
        case Template::current_word: hit = word_is(k, r.word1); break;
        case Template::prev_word: hit = word_is(k - 1, r.word1); break;
        case Template::next_word: hit = word_is(k + 1, r.word1); break;
        case Template::prev_1or2_word: hit = word_is(k - 1, r.word1) || word_is(k - 2, r.word1); break;
        case Template::next_1or2_word: hit = word_is(k + 1, r.word1) || word_is(k + 2, r.word1); break;
        case Template::prev2_word: hit = word_is(k - 2, r.word1); break;
        case Template::next2_word: hit = word_is(k + 2, r.word1); break;
        case Template::prev_1or2or3_word:
          hit = word_is(k - 1, r.word1) || word_is(k - 2, r.word1) || word_is(k - 3, r.word1);
          break;
        case Template::next_1or2or3_word:
          hit = word_is(k + 1, r.word1) || word_is(k + 2, r.word1) || word_is(k + 3, r.word1);
          break;
        case Template::word_prev_tag: hit = tag_at(k - 1) == r.tag1 && word_is(k, r.word2); break;
        case Template::word_next_tag: hit = word_is(k, r.word1) && tag_at(k + 1) == r.tag2; break;
        case Template::word_and_2_before: hit = word_is(k - 2, r.word1) && word_is(k, r.word2); break;
        case Template::word_and_2_after: hit = word_is(k, r.word1) && word_is(k + 2, r.word2); break;
        case Template::word_and_2_tag_before: hit = tag_at(k - 2) == r.tag1 && word_is(k, r.word2); break;
        case Template::word_and_2_tag_after: hit = word_is(k, r.word1) && tag_at(k + 2) == r.tag2; break;
        case Template::left_bigram: hit = word_is(k - 1, r.word1) && word_is(k, r.word2); break;
        case Template::right_bigram: hit = word_is(k, r.word1) && word_is(k + 1, r.word2); break;
      }
      // Brill's restriction: a known word moves only to a tag its entry lists.
      if (hit && known[i] != nullptr &&
          std::find(known[i]->tags.begin(), known[i]->tags.begin() + known[i]->size, r.to) ==
              known[i]->tags.begin() + known[i]->size) {
        hit = false;
      }
      if (hit) {
        tags[i] = r.to;
        present |= std::uint64_t{1} << static_cast<unsigned>(r.to);
      }
    }
  }
}

WordId Tagger::lemma(WordId lower, Tag tag) const {
  if (lower == no_word || lower + 1 >= lemma_begin_.size()) return lower;
  for (std::uint32_t i = lemma_begin_[lower]; i < lemma_begin_[lower + 1]; ++i) {
    if (lemmas_[i].tag == tag) return lemmas_[i].lemma;
  }
  return lower;
}

}  // namespace nkg::syntax::detail
