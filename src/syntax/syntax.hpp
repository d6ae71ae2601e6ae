// syntax/: the shared text core — one pass over each document that yields the words, their parts
// of speech and lemmas, the chunks (noun phrases, verb groups) and the clauses built on them,
// which every later stage reads instead of walking the tokens again.
//
// The model, in the order it is built (each layer only reads the layers above it):
//
//   Word        a token in Penn Treebank style: ICU's words, with a possessive "'s" and the
//               contractions "n't", "'re", "'ve", "'ll", "'d", "'m" split off and
//               typographic quotes read as ASCII. Carries its code-point span and byte range
//               in Document::text, its shape, its sentence, the interned id of its lower-case
//               form (Vocabulary, one table for the run), its Penn tag and its lemma.
//   Chunk       a base noun phrase (no PP inside it; its head is its last noun, its
//               determiner is marked; as in CoNLL-2000, "France 's envoy" is two phrases,
//               [France] ['s envoy], the first marked as possessive) or a verb group (auxiliaries, modal,
//               negation and the main verb, with its lemma, tense and voice; "refused to meet"
//               is one group whose main verb is "meet" and whose `matrix` is "refuse").
//   NounGroup   one or more noun phrases that act as one argument: a coordination ("Peru,
//               Panama and Chile") or a phrase with an apposition ("Anne Boillon, France's
//               ambassador"). Every noun phrase is in exactly one group.
//   Clause      one verb group with its arguments: subject, object, the agent of a passive
//               (by-phrase), and the prepositional phrases after it ("to the ministry",
//               "from Minsk", "over remarks"); a relative clause ("the envoy, who was
//               summoned") gets the noun group it modifies as its subject.
//   Report      reported speech: who said it (a noun group), the clause of saying, to whom
//               ("told Reuters"), and the words reported (a direct quote, or the clause after
//               "said that"); from "X said ...", "“…,” X said", "“…,” said X",
//               "according to X".
//
// Everything is deterministic and linear in the length of the text (the tagger's contextual
// rules are a fixed list, each applied once per sentence). Thread safety: a Syntax is immutable
// after create(); parse() and tag() are const and may run on many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "core/status.hpp"
#include "syntax/tags.hpp"
#include "syntax/vocabulary.hpp"

namespace nkg::syntax {

enum class Shape : std::uint8_t {
  lower,        // "summoned"
  capitalized,  // "Poland", "McDonald"
  all_caps,     // "NATO", "UN"
  mixed,        // "iPhone", "eBay"
  number,       // "2024", "1,200", "3.5"
  has_digit,    // "G7", "F-16"
  punctuation,  // ",", "“", "--"
};

struct Word {
  Span span;                  // code points into Document::text
  std::uint32_t begin_byte = 0;
  std::uint32_t end_byte = 0;
  std::uint32_t sentence = 0;  // index into Parse::sentences
  WordId lower = no_word;      // the lower-case form, or no_word when no table has it
  WordId lemma = no_word;      // the lemma (the lower-case form when it is its own lemma)
  Tag tag = Tag::NN;
  Shape shape = Shape::lower;
  std::uint8_t letter_case = 0;    // internal to the tagger (detail::LetterCase)
  bool is_sentence_start = false;  // the first word of its sentence that is not punctuation

  friend bool operator==(const Word&, const Word&) = default;
};

enum class ChunkKind : std::uint8_t { noun_phrase, verb_group };

enum class Tense : std::uint8_t { present, past, future, none };  // none: infinitive, participle
enum class Voice : std::uint8_t { active, passive };

/// A base noun phrase or a verb group over words [begin, end).
struct Chunk {
  ChunkKind kind = ChunkKind::noun_phrase;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t head = 0;  // word index: the last noun of a noun phrase, the main verb of a group
  // Noun phrases.
  std::optional<std::uint32_t> determiner;  // "the", "a", "this", "his", the "'s" of "France 's envoy"
  bool is_possessive = false;               // owns the next noun phrase, which opens with "'s"
  bool is_pronoun = false;                  // "he", "it", "they"
  // Verb groups.
  Tense tense = Tense::none;
  Voice voice = Voice::active;
  bool is_negated = false;                  // "did not", "never", "refused to" is not negation
  WordId modal = no_word;                   // "will", "would", "could", "must" (lemma)
  WordId matrix = no_word;                  // "refuse" in "refused to meet", "plan" in "plans to visit"

  friend bool operator==(const Chunk&, const Chunk&) = default;
};

/// Noun phrases that fill one argument together.
struct NounGroup {
  std::vector<std::uint32_t> members;     // chunk indices of coordinated phrases, in order
  std::vector<std::uint32_t> appositions;  // chunk indices of phrases in apposition to the first
  std::uint32_t begin = 0;                 // word range covered (members and appositions)
  std::uint32_t end = 0;
  WordId conjunction = no_word;            // "and", "or", "nor" for a coordination

  friend bool operator==(const NounGroup&, const NounGroup&) = default;
};

struct Attachment {
  WordId preposition = no_word;  // lower-case id of "to", "from", "over", "on", "by" ...
  std::uint32_t word = 0;        // the preposition's word index
  std::uint32_t group = 0;       // the noun group it introduces

  friend bool operator==(const Attachment&, const Attachment&) = default;
};

struct Clause {
  std::uint32_t verb = 0;                  // chunk index of the verb group
  std::optional<std::uint32_t> subject;    // noun group index
  std::optional<std::uint32_t> object;     // noun group index
  std::optional<std::uint32_t> second_object;  // "gave the envoy 48 hours"
  std::optional<std::uint32_t> by_agent;   // noun group of a passive's by-phrase
  std::vector<Attachment> attachments;     // prepositional phrases after the verb (by-phrase included)
  std::optional<std::uint32_t> relative_of;  // the noun group a relative clause modifies
  bool is_subject_inverted = false;        // "“…,” said X"

  friend bool operator==(const Clause&, const Clause&) = default;
};

struct Report {
  std::optional<std::uint32_t> speaker;    // noun group
  std::optional<std::uint32_t> clause;     // the clause of saying (none for "according to")
  std::optional<std::uint32_t> addressee;  // noun group: "told Reuters", "said to reporters"
  std::uint32_t cue = 0;                   // word index of the verb or of "according"
  Span content;                            // the words reported, without quotation marks
  bool is_direct = false;                  // a quotation

  friend bool operator==(const Report&, const Report&) = default;
};

struct SentenceRange {
  Span span;
  std::uint32_t first_word = 0;
  std::uint32_t end_word = 0;

  friend bool operator==(const SentenceRange&, const SentenceRange&) = default;
};

/// Everything syntax/ knows about one document. Indices point into the vectors of the same Parse.
struct Parse {
  std::vector<Word> words;
  std::vector<SentenceRange> sentences;
  std::vector<Chunk> chunks;       // sorted by begin
  std::vector<NounGroup> groups;   // sorted by begin
  std::vector<Clause> clauses;     // in the order of their verb groups
  std::vector<Report> reports;
  /// The group of each noun-phrase chunk (chunk index -> group index); -1 for verb groups.
  std::vector<std::int32_t> group_of_chunk;

  friend bool operator==(const Parse&, const Parse&) = default;
};

/// The data syntax/ reads: ontology/lexicon/pos-lexicon.tsv, pos-rules.tsv (generated from the
/// source tagger), pos-rules-newskg.tsv (ours, applied after them), lemmas.tsv and
/// reporting-verbs.tsv.
struct SyntaxFiles {
  std::string_view pos_lexicon;
  std::string_view pos_rules;
  std::string_view pos_rules_newskg;
  std::string_view lemmas;
  std::string_view reporting_verbs;
};

class Syntax {
 public:
  /// The tagger's data compiled into the library.
  static Result<Syntax> load_embedded();
  static Result<Syntax> load(const SyntaxFiles& files);
  Syntax(Syntax&&) noexcept;
  Syntax& operator=(Syntax&&) noexcept;
  ~Syntax();

  /// Parses one document: `seg` is its ICU segmentation, `text` the text it segments. With
  /// `only`, just the sentences it marks (by index into seg.sentences): the others keep their
  /// place in Parse::sentences with no words, so a stage that needs a few sentences pays for those.
  [[nodiscard]] Parse parse(std::string_view text, const Segmentation& seg,
                            const std::vector<bool>* only = nullptr) const;

  /// Penn tags for one sentence of ready-made tokens (CoNLL's, in tests and evaluation).
  [[nodiscard]] std::vector<Tag> tag(const std::vector<std::string>& tokens) const;
  /// Chunks of one tagged sentence of ready-made tokens: for evaluation against CoNLL chunks.
  [[nodiscard]] std::vector<Chunk> chunk(const std::vector<std::string>& tokens, const std::vector<Tag>& tags) const;

  [[nodiscard]] const Vocabulary& vocabulary() const;
  /// The lemma of a word form with a tag ("summoned", VBN -> "summon").
  [[nodiscard]] std::string_view lemma(std::string_view form, Tag tag) const;

 private:
  struct Impl;
  explicit Syntax(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// The text of word i of a parse.
[[nodiscard]] inline std::string_view word_text(std::string_view text, const Word& w) {
  return text.substr(w.begin_byte, w.end_byte - w.begin_byte);
}

}  // namespace nkg::syntax
