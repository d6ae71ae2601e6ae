// The part-of-speech tagger (internal to syntax/): a Brill tagger.
//
// 1. Every word gets the first (most frequent) tag the lexicon (pos-lexicon.tsv) gives its
//    form; a form the lexicon lacks gets a tag from its shape (numbers, capitalized words,
//    hyphenated compounds) or from the tags of the lexicon's words that end like it.
// 2. The contextual rules (pos-rules.tsv) are applied in their order, each once over the
//    sentence from left to right; a rule changes a tag when the words or tags around it match.
// Lemmas come from lemmas.tsv (WordNet's morphology applied to the lexicon's inflected forms).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/hash.hpp"
#include "core/status.hpp"
#include "syntax/syntax.hpp"

namespace nkg::syntax::detail {

enum class LetterCase : std::uint8_t { lower, capitalized, upper, other };

/// What the tagger needs to know of one word.
struct TaggerInput {
  std::string_view text;  // quotes and apostrophes as ASCII
  WordId lower = no_word;
  Shape shape = Shape::lower;
  LetterCase letter_case = LetterCase::lower;
  bool is_sentence_start = false;
};

struct WordClass {
  Shape shape = Shape::lower;
  LetterCase letter_case = LetterCase::lower;
};
/// A word's shape and letter case, in one pass (ICU only for letters beyond ASCII).
[[nodiscard]] WordClass classify(std::string_view word);
[[nodiscard]] LetterCase letter_case(std::string_view word);
/// ASCII lower case; other bytes as they are.
[[nodiscard]] std::string lower_ascii(std::string_view word);

class Tagger {
 public:
  static Result<Tagger> load(const SyntaxFiles& files, Vocabulary& vocabulary);

  /// Tags one sentence. `shouted`: the sentence is written in capitals (a headline).
  void tag(std::span<const TaggerInput> words, std::span<Tag> tags, bool shouted) const;
  /// The lemma of a word with its tag; the word's own lower-case form when the table has none.
  [[nodiscard]] WordId lemma(WordId lower, Tag tag) const;

 private:
  struct TagList {
    std::array<Tag, 12> tags{};  // every tag the lexicon lists for a form (at most 11 there)
    std::uint8_t size = 0;
  };
  enum class Template : std::uint8_t;
  struct Rule {
    Tag from = Tag::NN;
    Tag to = Tag::NN;
    Template tpl{};
    std::uint8_t tag1 = 0;  // a Tag, or boundary_tag
    std::uint8_t tag2 = 0;
    WordId word1 = no_word;  // no_word: the sentence boundary
    WordId word2 = no_word;
  };
  /// A word's first tag, and the lexicon entry it came from (nullptr for an unknown word).
  struct Initial {
    Tag tag = Tag::NN;
    const TagList* entry = nullptr;
  };

  [[nodiscard]] Initial initial_tag(const TaggerInput& w, bool shouted) const;
  [[nodiscard]] const TagList* lookup(WordId lower, LetterCase c) const;
  [[nodiscard]] Tag unknown_tag(const TaggerInput& w) const;

  /// What the lexicon says of one lower-case form, by the letter case it was written in.
  struct Entry {
    std::array<TagList, 4> by_case{};  // indexed by LetterCase; size 0: not in the lexicon
  };
  struct Lemma {
    Tag tag = Tag::NN;
    WordId lemma = no_word;
  };

  std::vector<Entry> entries_;  // by WordId
  std::unordered_map<std::string, Tag, TransparentStringHash, std::equal_to<>> suffix_tags_;
  std::vector<Rule> rules_;
  std::vector<std::uint32_t> lemma_begin_;  // by WordId: its lemmas are lemmas_[begin[id], begin[id + 1])
  std::vector<Lemma> lemmas_;
};

}  // namespace nkg::syntax::detail
