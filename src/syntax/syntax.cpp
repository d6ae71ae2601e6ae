#include "syntax/syntax.hpp"

#include <algorithm>

#include "core/embedded.hpp"
#include "core/tsv.hpp"
#include "syntax/chunker.hpp"
#include "syntax/tagger.hpp"
#include "text/text.hpp"

namespace nkg::syntax {

namespace {

constexpr std::string_view reporting_file = "ontology/lexicon/reporting-verbs.tsv";

/// The right single quotation mark, which news text writes for the apostrophe.
constexpr std::string_view typographic_apostrophe = "\xE2\x80\x99";

/// `word` with typographic apostrophes as ASCII ones.
std::string_view ascii_apostrophes(std::string_view word, std::string& buffer) {
  if (word.find(typographic_apostrophe) == std::string_view::npos) return word;
  buffer.clear();
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word.substr(i, 3) == typographic_apostrophe) {
      buffer += '\'';
      i += 2;
    } else {
      buffer += word[i];
    }
  }
  return buffer;
}

/// How many bytes of `word` (as written) a clitic at its end takes: "'s", "n't", "'re" ...
std::size_t clitic_bytes(std::string_view word) {
  // Most words have no apostrophe at all: one scan rules them out.
  if (word.find('\'') == std::string_view::npos && word.find(typographic_apostrophe) == std::string_view::npos) return 0;
  const std::string_view apostrophes[] = {"'", typographic_apostrophe};
  for (const std::string_view a : apostrophes) {
    for (const std::string_view rest : {"s", "S", "re", "ve", "ll", "d", "m", "RE", "VE", "LL", "D", "M"}) {
      const std::size_t n = a.size() + rest.size();
      if (word.size() > n && word.substr(word.size() - n, a.size()) == a && word.substr(word.size() - rest.size()) == rest) {
        return n;
      }
    }
    for (const std::string_view n_t : {"n", "N"}) {
      const std::size_t n = 1 + a.size() + 1;
      if (word.size() > n && word.substr(word.size() - n, 1) == n_t && word.substr(word.size() - n + 1, a.size()) == a &&
          (word.back() == 't' || word.back() == 'T')) {
        return n;
      }
    }
  }
  return 0;
}

std::uint32_t count_code_points(std::string_view s) {
  std::uint32_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  return n;
}

/// "U.S", "J" before an adjacent ".": an abbreviation or an initial that keeps its period.
bool takes_period(std::string_view w) {
  if (w.size() == 1) return std::isupper(static_cast<unsigned char>(w[0])) != 0;
  if (w.find('.') == std::string_view::npos) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return c == '.' || std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

struct Syntax::Impl {
  Vocabulary vocabulary;
  detail::Tagger tagger;
  std::unique_ptr<detail::FunctionWords> function_words;

  /// Interned lower-case form of a word (no_word when no table has it).
  [[nodiscard]] WordId lower_id(std::string_view word) const {
    thread_local std::string buffer;
    buffer.assign(word);
    for (char& c : buffer) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return vocabulary.find(buffer);
  }

  void tag_and_lemmatize(std::string_view text, Parse& p, const SentenceRange& s) const {
    const std::uint32_t n = s.end_word - s.first_word;
    thread_local std::vector<detail::TaggerInput> inputs;
    thread_local std::vector<std::string> buffers;
    thread_local std::vector<Tag> tags;
    inputs.assign(n, {});
    if (buffers.size() < n) buffers.resize(n);
    std::size_t capitals = 0;
    std::size_t lower = 0;
    for (std::uint32_t k = 0; k < n; ++k) {
      const Word& w = p.words[s.first_word + k];
      inputs[k].text = ascii_apostrophes(word_text(text, w), buffers[k]);
      inputs[k].lower = w.lower;
      inputs[k].shape = w.shape;
      inputs[k].letter_case = static_cast<detail::LetterCase>(w.letter_case);
      inputs[k].is_sentence_start = w.is_sentence_start;
      if (w.shape == Shape::all_caps) ++capitals;
      if (w.shape == Shape::lower || w.shape == Shape::capitalized || w.shape == Shape::mixed) ++lower;
    }
    tags.assign(n, Tag::NN);
    tagger.tag(inputs, tags, capitals >= 2 && lower == 0);
    for (std::uint32_t k = 0; k < n; ++k) {
      Word& w = p.words[s.first_word + k];
      w.tag = tags[k];
      w.lemma = tagger.lemma(w.lower, w.tag);
    }
  }
};

Syntax::Syntax(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Syntax::Syntax(Syntax&&) noexcept = default;
Syntax& Syntax::operator=(Syntax&&) noexcept = default;
Syntax::~Syntax() = default;

Result<Syntax> Syntax::load_embedded() {
  SyntaxFiles files;
  const std::pair<std::string_view*, std::string_view> wanted[] = {
      {&files.pos_lexicon, "ontology/lexicon/pos-lexicon.tsv"},
      {&files.pos_rules, "ontology/lexicon/pos-rules.tsv"},
      {&files.pos_rules_newskg, "ontology/lexicon/pos-rules-newskg.tsv"},
      {&files.lemmas, "ontology/lexicon/lemmas.tsv"},
      {&files.reporting_verbs, reporting_file},
  };
  for (const auto& [field, path] : wanted) {
    const auto text = embedded_file(path);
    if (!text) return Status{StatusCode::internal, "syntax data not embedded: " + std::string(path)};
    *field = *text;
  }
  return load(files);
}

Result<Syntax> Syntax::load(const SyntaxFiles& files) {
  auto impl = std::make_unique<Impl>();
  auto tagger = detail::Tagger::load(files, impl->vocabulary);
  if (!tagger.ok()) return tagger.status();
  impl->tagger = std::move(tagger).value();
  impl->function_words = std::make_unique<detail::FunctionWords>(impl->vocabulary);
  auto rows = read_tsv(files.reporting_verbs, reporting_file, 2);
  if (!rows.ok()) return rows.status();
  detail::FunctionWords& fw = *impl->function_words;
  std::vector<std::pair<WordId, bool>> verbs;
  for (const TsvRow& row : rows.value()) {
    if (row.fields[1] != "hearer" && row.fields[1] != "content") {
      return Status{StatusCode::bad_data, "object must be 'hearer' or 'content'", {std::string(reporting_file), row.line, 2}};
    }
    verbs.emplace_back(impl->vocabulary.add(detail::lower_ascii(row.fields[0])), row.fields[1] == "hearer");
  }
  fw.is_reporting.assign(impl->vocabulary.size(), false);
  fw.hearer_object.assign(impl->vocabulary.size(), false);
  for (const auto& [id, hearer] : verbs) {
    fw.is_reporting[id] = true;
    fw.hearer_object[id] = hearer;
  }
  return Syntax(std::move(impl));
}

const Vocabulary& Syntax::vocabulary() const { return impl_->vocabulary; }

std::string_view Syntax::lemma(std::string_view form, Tag tag) const {
  return impl_->vocabulary.text(impl_->tagger.lemma(impl_->lower_id(form), tag));
}

Parse Syntax::parse(std::string_view text, const Segmentation& seg, const std::vector<bool>* only) const {
  Parse p;
  if (only == nullptr) p.words.reserve(seg.tokens.size() + seg.tokens.size() / 16);
  for (const Sentence& s : seg.sentences) {
    SentenceRange range;
    range.span = s.span;
    range.first_word = static_cast<std::uint32_t>(p.words.size());
    const auto sentence_index = static_cast<std::uint32_t>(p.sentences.size());
    if (only != nullptr && (sentence_index >= only->size() || !(*only)[sentence_index])) {
      range.end_word = range.first_word;
      p.sentences.push_back(range);
      continue;
    }
    bool start_pending = true;
    for (std::uint32_t t = s.first_token; t < s.end_token; ++t) {
      const Token& tok = seg.tokens[t];
      std::string_view w = text::token_text(text, tok);
      Word word;
      word.span = tok.span;
      word.begin_byte = tok.begin_byte;
      word.end_byte = tok.end_byte;
      word.sentence = sentence_index;
      // "U.S" + "." -> "U.S."; "J" + "." -> "J." (ICU ends the word before a final period).
      if (t + 1 < s.end_token && takes_period(w) && seg.tokens[t + 1].begin_byte == tok.end_byte &&
          text::token_text(text, seg.tokens[t + 1]) == ".") {
        ++t;
        word.end_byte = seg.tokens[t].end_byte;
        word.span.end_cp = seg.tokens[t].span.end_cp;
        w = text.substr(word.begin_byte, word.end_byte - word.begin_byte);
      }
      // "France's" -> "France" "'s"; "didn't" -> "did" "n't".
      const std::size_t clitic = tok.is_word ? clitic_bytes(w) : 0;
      std::optional<Word> second;
      if (clitic > 0) {
        const auto split_byte = static_cast<std::uint32_t>(word.end_byte - clitic);
        const std::uint32_t clitic_cp = count_code_points(w.substr(w.size() - clitic));
        second = word;
        second->begin_byte = split_byte;
        second->span.begin_cp = word.span.end_cp - clitic_cp;
        word.end_byte = split_byte;
        word.span.end_cp = second->span.begin_cp;
      }
      for (Word* piece : {&word, second ? &*second : nullptr}) {
        if (piece == nullptr) continue;
        std::string buffer;
        const std::string_view form = ascii_apostrophes(word_text(text, *piece), buffer);
        const detail::WordClass cls = detail::classify(form);
        piece->shape = cls.shape;
        piece->letter_case = static_cast<std::uint8_t>(cls.letter_case);
        piece->lower = impl_->lower_id(form);
        if (piece->shape != Shape::punctuation && start_pending) {
          piece->is_sentence_start = true;
          start_pending = false;
        }
        p.words.push_back(*piece);
      }
      // A quotation or a colon opens a new sentence for capitalization.
      if (w == "\xE2\x80\x9C" || w == "\"" || w == ":") start_pending = true;
    }
    range.end_word = static_cast<std::uint32_t>(p.words.size());
    p.sentences.push_back(range);
  }
  for (const SentenceRange& s : p.sentences) {
    if (s.end_word == s.first_word) continue;
    impl_->tag_and_lemmatize(text, p, s);
    detail::chunk_sentence(std::span<const Word>(p.words).subspan(s.first_word, s.end_word - s.first_word),
                           s.first_word, *impl_->function_words, p.chunks);
  }
  detail::build_clauses(p, *impl_->function_words);
  return p;
}

std::vector<Tag> Syntax::tag(const std::vector<std::string>& tokens) const {
  std::vector<detail::TaggerInput> inputs(tokens.size());
  std::vector<std::string> buffers(tokens.size());
  std::size_t capitals = 0;
  std::size_t lower = 0;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    inputs[k].text = ascii_apostrophes(tokens[k], buffers[k]);
    const detail::WordClass cls = detail::classify(inputs[k].text);
    inputs[k].shape = cls.shape;
    inputs[k].letter_case = cls.letter_case;
    inputs[k].lower = impl_->lower_id(inputs[k].text);
    if (inputs[k].shape == Shape::all_caps) ++capitals;
    if (inputs[k].shape == Shape::lower || inputs[k].shape == Shape::capitalized || inputs[k].shape == Shape::mixed) ++lower;
  }
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (inputs[k].shape != Shape::punctuation) {
      inputs[k].is_sentence_start = true;
      break;
    }
  }
  std::vector<Tag> tags(tokens.size());
  impl_->tagger.tag(inputs, tags, capitals >= 2 && lower == 0);
  return tags;
}

std::vector<Chunk> Syntax::chunk(const std::vector<std::string>& tokens, const std::vector<Tag>& tags) const {
  std::vector<Word> words(tokens.size());
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    std::string buffer;
    words[k].lower = impl_->lower_id(ascii_apostrophes(tokens[k], buffer));
    words[k].tag = tags[k];
    words[k].lemma = impl_->tagger.lemma(words[k].lower, tags[k]);
  }
  std::vector<Chunk> out;
  detail::chunk_sentence(words, 0, *impl_->function_words, out);
  return out;
}

}  // namespace nkg::syntax
