// resolve/: mentions -> entities (in-document grouping) and the keys that name entities
// across documents.
//
// Input: a document's mentions. Output: one Entity per distinct (kind, key), with the
// indices of its mentions and the names seen. Keys are computed from the name alone, so the
// same person gets the same key in every document and every shard. Thread-safe: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.hpp"

namespace nkg::resolve {

/// A transliteration-invariant key for a person's name: ASCII transliteration, lower case,
/// spelling variants of Slavic and Turkic romanizations folded (sh/š/ś, kh/h/x, ts/c,
/// ya/ja/ia, y/j/i, -ko/-ka ...). "Aleksandr Lukashenko", "Alexander Lukashenko" and
/// "Alaksandar Łukašenka" share one key. Returns "" when the name has no letters.
[[nodiscard]] std::string person_key(std::string_view name);

/// The folded form of one name word (exposed for tests).
[[nodiscard]] std::string fold_name_word(std::string_view ascii_lower_word);

/// One thing the document talks about.
struct Entity {
  EntityKind kind = EntityKind::state;
  std::string key;
  std::vector<std::uint32_t> mentions;  // indices into the document's mentions, in text order
  std::vector<std::string> names;       // distinct surface forms that are names, sorted

  friend bool operator==(const Entity&, const Entity&) = default;
};

/// Groups mentions by (kind, key); entities come out sorted by (kind, key).
[[nodiscard]] std::vector<Entity> group_mentions(const std::vector<Mention>& mentions);

}  // namespace nkg::resolve
