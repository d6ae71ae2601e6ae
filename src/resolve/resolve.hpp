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

/// Gives each description of an office holder ("the Belarusian leader") the key of the person
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

/// Gives every event its IRI key, the same in every document that reports it: class, agent,
/// target (and place for protests, visits and conflicts without parties), modality when not
/// asserted, and the date. Reports of one act whose dates agree (or are not given) share the one
/// date they give; a statement is one event per quote. Also agrees on one confidence per event.
void key_events(const std::vector<Analysis*>& analyses);

/// Edit distance between two strings (bytes).
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace nkg::resolve
