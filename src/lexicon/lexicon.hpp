// lexicon/: the data files under ontology/lexicon/, loaded once into immutable tables.
//
// Input: the TSV files (embedded in the library, or given as text). Output: a Lexicon of
// states, their names by kind, and context word lists. Every name is tokenized with the same
// Segmenter the documents go through, so that matching compares token with token.
// Thread safety: immutable after load; all methods are const and thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/hash.hpp"
#include "core/status.hpp"
#include "text/text.hpp"

namespace nkg::lexicon {

/// Hashes std::string and std::string_view alike, so hash maps are searched without a copy.
using StringHash = TransparentStringHash;

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
  std::string form;                 // as written, e.g. "German"
  std::vector<std::string> tokens;  // form split into tokens
  std::uint32_t state = 0;          // index into Lexicon::states()
  NameKind kind = NameKind::name;
  bool is_ambiguous = false;        // also a common word, a given name or a US state

  friend bool operator==(const StateName&, const StateName&) = default;
};

/// A city or region that is not a state, keyed by the ASCII slug of its name.
struct PlaceRecord {
  std::string key;       // "budapest"
  std::string label;     // "Budapest"
  std::string state;     // alpha-3 of the state it lies in, or empty (a region across states)
  std::string geonames;  // GeoNames id, or empty
  bool is_region = false;

  friend bool operator==(const PlaceRecord&, const PlaceRecord&) = default;
};

enum class OrgKind : std::uint8_t {
  intergovernmental, alliance, court, bank, outlet, news_agency, party, armed_forces,
  government_body, ngo, company, sports_body, sports_club, other
};

/// An organization the lexicon knows (ontology/lexicon/organizations.tsv).
struct OrgRecord {
  std::string key;       // "nato"
  OrgKind kind = OrgKind::other;
  std::string state;     // alpha-3 of a national body, or empty
  std::string wikidata;  // "Q1065", or empty
  std::string label;

  friend bool operator==(const OrgRecord&, const OrgRecord&) = default;
};

/// A title that introduces or describes a person (ontology/lexicon/titles.tsv).
struct TitleRecord {
  std::string form;       // "foreign minister"
  std::string canonical;  // "Foreign Minister"
  std::string category;   // head_of_state, minister, diplomat, ..., role, honorific
  bool is_envoy = false;  // accredited to another state
  bool is_plural = false;

  /// A post (a Position in the graph), as opposed to a role ("analyst") or an honorific.
  [[nodiscard]] bool is_post() const { return category != "role" && category != "honorific"; }
  friend bool operator==(const TitleRecord&, const TitleRecord&) = default;
};

/// A word that reports an event (ontology/lexicon/triggers.tsv).
struct TriggerRecord {
  std::string form;
  std::string cls;   // "Summons", "Statement" ...
  std::string pos;   // verb, noun, speech
  bool needs_envoy = false;
  bool needs_troops = false;
  bool has_memory_sense = false;

  friend bool operator==(const TriggerRecord&, const TriggerRecord&) = default;
};

/// One way of writing an entry of a phrase table: its tokens and the record it names.
struct Phrase {
  std::string form;
  std::vector<std::string> tokens;  // for case-insensitive tables: lower-cased
  std::uint32_t record = 0;
  bool is_ambiguous = false;        // needs context (an acronym that is also a word, ...)

  friend bool operator==(const Phrase&, const Phrase&) = default;
};

/// Phrases indexed by their first token, longest first, for token-by-token matching.
class PhraseTable {
 public:
  void add(Phrase phrase);
  void finish();
  [[nodiscard]] const std::vector<Phrase>& phrases() const { return phrases_; }
  [[nodiscard]] const std::vector<std::uint32_t>& starting_with(std::string_view token) const;

 private:
  std::vector<Phrase> phrases_;
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>> by_first_token_;
};

/// The text of every data file the lexicon reads (embedded, or given by a caller).
struct LexiconFiles {
  std::string_view states;
  std::string_view state_names;
  std::string_view context_words;
  std::string_view organizations;
  std::string_view titles;
  std::string_view portfolios;
  std::string_view places;
  std::string_view given_names;
  std::string_view common_words;
  std::string_view people;
  std::string_view triggers;
  std::string_view descriptions;
};

/// What a definite description ("the ministry", "the government") stands for
/// (ontology/lexicon/descriptions.tsv).
enum class DescriptionKind : std::uint8_t { state, organization, company };

/// Lower-cases ASCII letters (titles and common words are English).
[[nodiscard]] std::string ascii_lower(std::string_view s);

/// The IRI key of a place name: ASCII transliteration, lower case, '-' between words.
[[nodiscard]] std::string place_key(std::string_view name);

class Lexicon {
 public:
  /// Loads the lexicon compiled into the library.
  static Result<Lexicon> load_embedded(const text::Segmenter& segmenter);
  /// Loads from the text of the data files (for tests and user data).
  static Result<Lexicon> load(std::string_view states_tsv, std::string_view names_tsv,
                              std::string_view context_words_tsv, const text::Segmenter& segmenter);
  /// Loads every table; an empty file gives an empty table.
  static Result<Lexicon> load(const LexiconFiles& files, const text::Segmenter& segmenter);

  [[nodiscard]] const std::vector<StateRecord>& states() const { return states_; }
  [[nodiscard]] const StateRecord* find_state(std::string_view alpha3) const;
  [[nodiscard]] const std::vector<StateName>& state_names() const { return names_; }
  /// Indices into state_names() of the names whose first token is `token`, longest first.
  [[nodiscard]] const std::vector<std::uint32_t>& names_starting_with(std::string_view token) const;
  /// Whether `word` is listed under `category` in context-words.tsv (case-sensitive).
  [[nodiscard]] bool is_context_word(std::string_view category, std::string_view word) const {
    return (context_mask(word) & context_bit(category)) != 0;
  }
  /// The categories of context-words.tsv that list `word`, one bit each (see context_bit): a
  /// recognizer can look a token up once and then ask about any category.
  [[nodiscard]] std::uint32_t context_mask(std::string_view word) const;
  /// The bit of `category` in context masks; 0 for a category the file does not have.
  [[nodiscard]] std::uint32_t context_bit(std::string_view category) const;
  /// The place with this key, or nullptr.
  [[nodiscard]] const PlaceRecord* find_place(std::string_view key) const;
  [[nodiscard]] const std::vector<PlaceRecord>& places() const { return places_; }
  /// Names of places (cities and regions) that are not capitals; case-sensitive.
  [[nodiscard]] const PhraseTable& place_names() const { return place_names_; }

  [[nodiscard]] const std::vector<OrgRecord>& organizations() const { return orgs_; }
  [[nodiscard]] const OrgRecord* find_organization(std::string_view key) const;
  /// Names and acronyms of organizations; case-sensitive.
  [[nodiscard]] const PhraseTable& organization_names() const { return org_names_; }

  [[nodiscard]] const std::vector<TitleRecord>& titles() const { return titles_; }
  /// Titles, lower-cased tokens.
  [[nodiscard]] const PhraseTable& title_forms() const { return title_forms_; }
  /// Ministry portfolios ("foreign" -> "Ministry of Foreign Affairs"), lower-cased tokens;
  /// the record is an index into portfolio_ministries().
  [[nodiscard]] const PhraseTable& portfolios() const { return portfolios_; }
  [[nodiscard]] const std::vector<std::string>& portfolio_ministries() const { return ministries_; }

  /// Adds the entities of a user catalogue (JSON, format in docs/catalog.md): people,
  /// organizations and places, with names, aliases and links. `name` is for messages.
  Status add_catalog(std::string_view json_text, std::string_view name, const text::Segmenter& segmenter);
  /// Known people (ontology/lexicon/people.tsv and the user's catalogue): names, case-sensitive,
  /// -> index into catalog_people().
  [[nodiscard]] const PhraseTable& catalog_person_names() const { return catalog_person_names_; }
  struct CatalogPerson {
    std::string key;
    std::string label;
  };
  [[nodiscard]] const std::vector<CatalogPerson>& catalog_people() const { return catalog_people_; }
  /// owl:sameAs links the catalogue gives for an entity ("person:ivn-ptrv" -> IRIs).
  [[nodiscard]] const std::vector<std::string>& same_as(std::string_view kind_and_key) const;
  /// The catalogue's label for a person key, or nullptr.
  [[nodiscard]] const std::string* catalog_person_label(std::string_view key) const;

  [[nodiscard]] const std::vector<TriggerRecord>& triggers() const { return triggers_; }
  /// Event triggers, lower-cased tokens; the record is an index into triggers().
  [[nodiscard]] const PhraseTable& trigger_forms() const { return trigger_forms_; }

  /// What a description headed by `lowercase_noun` stands for, if it stands for an entity.
  [[nodiscard]] std::optional<DescriptionKind> description_kind(std::string_view lowercase_noun) const;

  /// A known given name; `*is_common_word` tells whether it is also an English word.
  [[nodiscard]] bool is_given_name(std::string_view word, bool* is_common_word = nullptr) const;
  /// A lower-case English word ("mark", "will", "may", "reading").
  [[nodiscard]] bool is_common_word(std::string_view lowercase_word) const;

 private:
  Status load_places(std::string_view tsv, const text::Segmenter& segmenter);
  Status load_organizations(std::string_view tsv, const text::Segmenter& segmenter);
  Status load_titles(std::string_view titles_tsv, std::string_view portfolios_tsv, const text::Segmenter& segmenter);
  Status load_words(std::string_view given_names_tsv, std::string_view common_words_tsv);
  Status load_people(std::string_view tsv, const text::Segmenter& segmenter);
  Status load_triggers(std::string_view tsv, const text::Segmenter& segmenter);
  Status load_descriptions(std::string_view tsv);

  PhraseTable place_names_;
  std::vector<OrgRecord> orgs_;
  std::unordered_map<std::string, std::uint32_t> org_by_key_;
  PhraseTable org_names_;
  std::vector<TitleRecord> titles_;
  PhraseTable title_forms_;
  PhraseTable portfolios_;
  std::vector<std::string> ministries_;
  std::unordered_map<std::string, bool> given_names_;  // name -> is also a common word
  std::unordered_set<std::string> common_words_;
  PhraseTable catalog_person_names_;
  std::vector<TriggerRecord> triggers_;
  PhraseTable trigger_forms_;
  std::unordered_map<std::string, DescriptionKind, StringHash, std::equal_to<>> descriptions_;
  std::vector<CatalogPerson> catalog_people_;
  std::map<std::string, std::vector<std::string>, std::less<>> same_as_;

  std::unordered_map<std::string, std::size_t> place_by_key_;
  std::vector<PlaceRecord> places_;
  std::vector<StateRecord> states_;
  std::unordered_map<std::string, std::uint32_t> state_by_alpha3_;
  std::vector<StateName> names_;
  std::unordered_map<std::string, std::vector<std::uint32_t>, StringHash, std::equal_to<>> names_by_first_token_;
  // word -> categories; looked up with string_views, no allocation (a hot path of recognition).
  std::vector<std::string> context_categories_;  // bit i of a context mask is category i
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> context_masks_;
};

/// Splits TSV text into rows of fields, skipping blank lines, '#' comments and the header
/// row (the first non-comment row). Reports a row with the wrong number of fields as bad_data.
[[nodiscard]] Result<std::vector<std::vector<std::string>>> parse_tsv(std::string_view tsv,
                                                                      std::string_view name,
                                                                      std::size_t min_fields);

}  // namespace nkg::lexicon
