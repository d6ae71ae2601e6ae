// Documents, spans, tokens, sentences and mentions: the records that flow between stages.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nkg {

/// A half-open range [begin_cp, end_cp) of Unicode code points into Document::text.
struct Span {
  std::uint32_t begin_cp = 0;
  std::uint32_t end_cp = 0;

  [[nodiscard]] std::uint32_t size() const { return end_cp - begin_cp; }
  friend auto operator<=>(const Span&, const Span&) = default;
  friend bool operator==(const Span&, const Span&) = default;
};

/// A calendar date as precise as the text gives it: year, year-month or year-month-day.
struct PartialDate {
  int year = 0;
  int month = 0;  // 0 = unknown
  int day = 0;    // 0 = unknown

  /// "2024", "2024-08" or "2024-08-22".
  [[nodiscard]] std::string to_iso() const;
  friend auto operator<=>(const PartialDate&, const PartialDate&) = default;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

/// What ingest found about an article besides its text.
struct DocumentMeta {
  std::optional<std::string> headline;
  std::optional<Span> headline_span;
  std::optional<PartialDate> date_published;
  std::optional<PartialDate> date_modified;
  std::optional<std::string> author;
  std::optional<Span> author_span;
  std::optional<std::string> url;

  friend bool operator==(const DocumentMeta&, const DocumentMeta&) = default;
};

/// One article: its identifier, where it came from, and its NFC-normalized UTF-8 text.
struct Document {
  std::string id;           // dct:identifier: file name without its last extension, or JSON Lines `id`
  std::string source_path;  // for messages; "-" for stdin
  std::string text;         // NFC, valid UTF-8, LF line ends
  std::uint32_t length_cp = 0;
  DocumentMeta meta;

  friend bool operator==(const Document&, const Document&) = default;
};

/// A word or punctuation token (whitespace is dropped).
struct Token {
  Span span;
  std::uint32_t begin_byte = 0;
  std::uint32_t end_byte = 0;
  bool is_word = false;  // letters or digits, as opposed to punctuation/symbols

  friend bool operator==(const Token&, const Token&) = default;
};

/// A sentence and the range of its tokens in Segmentation::tokens.
struct Sentence {
  Span span;
  std::uint32_t first_token = 0;
  std::uint32_t end_token = 0;  // one past the last

  friend bool operator==(const Sentence&, const Sentence&) = default;
};

struct Segmentation {
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  friend bool operator==(const Segmentation&, const Segmentation&) = default;
};

enum class EntityKind : std::uint8_t { state, place, person, organization };

/// A stretch of text that refers to an entity, with the key that identifies the entity
/// (ISO alpha-3 for states, a slug for places, a transliteration-invariant key for people).
struct Mention {
  Span span;
  EntityKind kind = EntityKind::state;
  std::string key;
  std::string surface;       // the text of the span, as written
  bool is_name = false;      // a name (becomes skos:altLabel), not an adjective or demonym
  double confidence = 0.0;   // in [0, 1]
  std::string rule;          // which rule produced it, for provenance
  /// For a description of a person ("the Polish leader"): the post it names and the
  /// key of the state it belongs to. resolve/ turns it into the key of the person who holds
  /// that post in the document, or leaves the key empty (the mention is then not emitted).
  std::string described_title;
  std::string described_of;
  /// For an organization found by pattern rather than from the lexicon: its canonical label
  /// ("Ministry of Foreign Affairs of Germany") and what it is part of ("state:DEU",
  /// "organization:rferl"), or empty.
  std::string label;
  std::string part_of;

  friend bool operator==(const Mention&, const Mention&) = default;
};

/// A post a person holds, as the text states it ("German Foreign Minister Jana Weber",
/// "Jan Nowak, Poland's ambassador in Berlin"). Indices are into the document's mentions.
struct PositionClaim {
  std::uint32_t holder = 0;         // a person mention
  std::string title;                // canonical English title, "Ambassador"
  EntityKind of_kind = EntityKind::state;  // the state or organization the post belongs to
  std::string of_key;                      // its key, or empty when the text does not say
  std::string to_key;                      // for envoys: alpha-3 of the state they are posted to
  Span evidence;                    // the sentence
  double confidence = 0.0;
  std::string rule;

  friend bool operator==(const PositionClaim&, const PositionClaim&) = default;
};

/// A relation between two mentioned entities (today: a state's membership of a body).
struct RelationClaim {
  std::uint32_t subject = 0;
  std::string property;  // local name in the nkg: namespace, "memberOf"
  std::uint32_t object = 0;
  Span evidence;
  double confidence = 0.0;
  std::string rule;

  friend bool operator==(const RelationClaim&, const RelationClaim&) = default;
};

enum class EventClass : std::uint8_t {
  summons, recall, expulsion, statement, interview, protest, deployment, visit, meeting, armed_conflict, sanction
};

/// Whether the text reports the event as having happened.
enum class Modality : std::uint8_t { asserted, planned, demanded, alleged, negated };

/// A date the text gives, with where it says it.
struct DateMention {
  PartialDate date;
  Span span;
  bool is_relative = false;  // "on Wednesday", resolved against the publication date

  friend bool operator==(const DateMention&, const DateMention&) = default;
};

/// An entity an event points at: by kind and key (a ministry acting for its state is the state).
struct EntityRef {
  EntityKind kind = EntityKind::state;
  std::string key;

  friend auto operator<=>(const EntityRef&, const EntityRef&) = default;
  friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

/// An event the text reports.
struct EventClaim {
  EventClass cls = EventClass::statement;
  std::optional<EntityRef> agent;
  std::optional<EntityRef> target;
  std::optional<EntityRef> envoy;
  std::optional<EntityRef> place;
  std::optional<PartialDate> date;
  Modality modality = Modality::asserted;
  std::string quote;       // words reported as said (statements and interviews)
  Span trigger;            // the word that reports it
  Span evidence;           // its sentence
  double confidence = 0.0;
  std::string rule;
  std::string key;         // the event's IRI key, set by resolve/ (identical across articles)

  friend bool operator==(const EventClaim&, const EventClaim&) = default;
};

/// What the pipeline found in one document, before it becomes quads.
struct Analysis {
  Document document;
  std::vector<Mention> mentions;
  std::vector<PositionClaim> positions;  // indices into mentions
  std::vector<RelationClaim> relations;  // indices into mentions
  std::vector<DateMention> dates;
  std::vector<EventClaim> events;        // indices into mentions
  /// Canonical labels of the people in this document, agreed across the corpus by
  /// Pipeline::resolve_corpus (person key -> label).
  std::map<std::string, std::string> person_labels;

  friend bool operator==(const Analysis&, const Analysis&) = default;
};

}  // namespace nkg
