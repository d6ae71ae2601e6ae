// lexicon/: the data files under ontology/lexicon/, loaded once into immutable tables.
//
// Input: the TSV files (embedded in the library, or given as text). Output: a Lexicon of
// states, their names by kind, and context word lists. Every name is tokenized with the same
// Segmenter the documents go through, so that matching compares token with token.
// Thread safety: immutable after load; all methods are const and thread-safe.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.hpp"
#include "text/text.hpp"

namespace nkg::lexicon {

struct StateRecord {
  std::string alpha3;
  std::string alpha2;
  std::string numeric;
  std::string wikidata;  // "Q232", or empty
  std::string label;     // the common English name
  std::string official;
  std::string capital;   // the capital's canonical English name, or empty

  friend bool operator==(const StateRecord&, const StateRecord&) = default;
};

enum class NameKind : std::uint8_t { name, demonym, adjective, capital, government };

/// One way of writing a state in running text.
struct StateName {
  std::string form;                 // as written, e.g. "Kazakh"
  std::vector<std::string> tokens;  // form split into tokens
  std::uint32_t state = 0;          // index into Lexicon::states()
  NameKind kind = NameKind::name;
  bool is_ambiguous = false;        // also a common word, a given name or a US state

  friend bool operator==(const StateName&, const StateName&) = default;
};

/// A city the lexicon knows (today: every capital), keyed by the ASCII slug of its name.
struct PlaceRecord {
  std::string key;    // "yerevan"
  std::string label;  // "Yerevan"
  std::string state;  // alpha-3 of the state it lies in

  friend bool operator==(const PlaceRecord&, const PlaceRecord&) = default;
};

/// The IRI key of a place name: ASCII transliteration, lower case, '-' between words.
[[nodiscard]] std::string place_key(std::string_view name);

class Lexicon {
 public:
  /// Loads the lexicon compiled into the library.
  static Result<Lexicon> load_embedded(const text::Segmenter& segmenter);
  /// Loads from the text of the data files (for tests and user data).
  static Result<Lexicon> load(std::string_view states_tsv, std::string_view names_tsv,
                              std::string_view context_words_tsv, const text::Segmenter& segmenter);

  [[nodiscard]] const std::vector<StateRecord>& states() const { return states_; }
  [[nodiscard]] const StateRecord* find_state(std::string_view alpha3) const;
  [[nodiscard]] const std::vector<StateName>& state_names() const { return names_; }
  /// Indices into state_names() of the names whose first token is `token`, longest first.
  [[nodiscard]] const std::vector<std::uint32_t>& names_starting_with(std::string_view token) const;
  /// Whether `word` is listed under `category` in context-words.tsv (case-sensitive).
  [[nodiscard]] bool is_context_word(std::string_view category, std::string_view word) const;
  /// The place with this key, or nullptr.
  [[nodiscard]] const PlaceRecord* find_place(std::string_view key) const;

 private:
  std::unordered_map<std::string, std::size_t> place_by_key_;
  std::vector<PlaceRecord> places_;
  std::vector<StateRecord> states_;
  std::unordered_map<std::string, std::uint32_t> state_by_alpha3_;
  std::vector<StateName> names_;
  std::unordered_map<std::string, std::vector<std::uint32_t>> names_by_first_token_;
  std::set<std::pair<std::string, std::string>, std::less<>> context_words_;
};

/// Splits TSV text into rows of fields, skipping blank lines, '#' comments and the header
/// row (the first non-comment row). Reports a row with the wrong number of fields as bad_data.
[[nodiscard]] Result<std::vector<std::vector<std::string>>> parse_tsv(std::string_view tsv,
                                                                      std::string_view name,
                                                                      std::size_t min_fields);

}  // namespace nkg::lexicon
