// resolve/: mentions -> entities (in-document grouping) and the keys that name entities
// across documents.
//
// Input: a document's mentions. Output: one Entity per distinct (kind, key), with the
// indices of its mentions and the names seen. Keys are computed from the name alone, so the
// same person gets the same key in every document and every shard. Thread-safe: pure functions.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "text/text.hpp"

namespace nkg::resolve {

/// Person keys are computed in text/ (the recognizers need them); resolve/ merges them.
using text::fold_name_word;
using text::person_key;

/// One thing the document talks about.
struct Entity {
  EntityKind kind = EntityKind::state;
  std::string key;
  std::vector<std::uint32_t> mentions;  // indices into the document's mentions, in text order
  std::vector<std::string> names;       // distinct surface forms that are names, sorted

  friend bool operator==(const Entity&, const Entity&) = default;
};

/// Groups mentions by (kind, key); entities come out sorted by (kind, key). Mentions with an
/// empty key (unresolved descriptions) belong to no entity.
[[nodiscard]] std::vector<Entity> group_mentions(const std::vector<Mention>& mentions);

/// Gives each description of an office holder ("the Polish leader") the key of the person
/// the document says holds that post; a description nobody in the document fits keeps an empty key.
/// `is_leading_post(title)` tells whether a title is a state's leading post (for "leader").
void resolve_descriptions(std::vector<Mention>& mentions, const std::vector<PositionClaim>& positions,
                          const std::function<bool(std::string_view)>& is_leading_post);

/// What one document says about one person, for resolution across documents.
struct PersonEvidence {
  std::string key;
  std::vector<std::string> names;  // every surface that is a name, once per mention
  std::vector<std::string> roles;  // "title|of-key" of each post the document gives them
};

/// The people of a corpus after resolution: old key -> canonical key, canonical key -> label.
struct PersonIndex {
  std::map<std::string, std::string> canonical_key;
  std::map<std::string, std::string> label;
  [[nodiscard]] std::string key_of(const std::string& key) const {
    const auto it = canonical_key.find(key);
    return it == canonical_key.end() ? key : it->second;
  }
};

/// Merges person keys that name one person across documents, whatever the order of the
/// evidence: a surname alone with the one full name it fits; two full names one typo apart
/// (per name part) when they hold the same post. The canonical key of a group is its most
/// frequent full-name key; its label the most frequent full name (ASCII, then byte order on ties).
[[nodiscard]] PersonIndex unify_people(const std::vector<PersonEvidence>& evidence);

/// What an event's IRI key is made of, besides its date (DESIGN §2: class, agent, target).
struct EventKeyFacts {
  EventClass cls = EventClass::statement;
  std::optional<EntityRef> agent;
  std::optional<EntityRef> target;
  std::optional<EntityRef> place;
  Modality modality = Modality::asserted;
  /// For statements: the hash of the quote (quote_hash), or, without words to compare,
  /// "<document id>-<trigger begin>" so that the statement is its own event.
  std::string distinct;
};

/// class-agent-target[-in-place][-modality]: the part of the key that the facts before
/// `distinct` give (place only for protests, visits and conflicts without an agent).
[[nodiscard]] std::string event_key_head(const EventKeyFacts& facts);
/// The key without its date: head, then "-" + distinct when there is one.
[[nodiscard]] std::string event_base_key(const EventKeyFacts& facts);
/// The full key: base + "-" + ISO date, or "-undated".
[[nodiscard]] std::string event_key(const std::string& base, const std::optional<PartialDate>& date);
/// FNV-1a of the quote's letters and digits, lower-cased (10 hex digits; empty without letters):
/// the same words quoted with other punctuation or quotation marks give the same statement.
[[nodiscard]] std::string quote_hash(std::string_view quote);
/// Parses "2024", "2024-08", "2024-08-21"; nullopt for anything else.
[[nodiscard]] std::optional<PartialDate> parse_iso_date(std::string_view iso);

/// Gives every event of the analyses its IRI key: reports of one act (same base key) whose dates
/// agree, or that give none, share the one date they give; one confidence (the highest) per
/// event. Run per document by the pipeline; merge/ does the same across documents.
void key_events(const std::vector<Analysis*>& analyses);

/// Edit distance between two strings (bytes).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace nkg::resolve
