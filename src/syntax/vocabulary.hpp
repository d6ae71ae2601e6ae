// Vocabulary: every lower-case word form the run's tables know, interned once at start-up.
//
// A WordId is an index into one table shared read-only by every thread, so that stages compare
// words as integers and keep what they know of a word in arrays indexed by its id; no stage
// hashes a word's text a second time. Forms that no table has get no_word: nothing can match
// them anyway, and the text stays in the document.
//
// An open-addressing table of (hash, id) slots: a lookup hashes the form once (XXH3) and
// compares bytes only when the stored hash matches.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/hash.hpp"

namespace nkg::syntax {

using WordId = std::uint32_t;
inline constexpr WordId no_word = 0;

class Vocabulary {
 public:
  Vocabulary() : slots_(1024) { forms_.emplace_back(); }  // id 0 is no_word, the empty form
  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;
  Vocabulary(Vocabulary&&) noexcept = default;
  Vocabulary& operator=(Vocabulary&&) noexcept = default;
  ~Vocabulary() = default;

  /// The id of `form`, added if new (start-up only: not thread-safe).
  WordId add(std::string_view form) {
    if (form.empty()) return no_word;
    const std::uint64_t h = hash_bytes(form);
    std::size_t i = slot_of(form, h);
    if (slots_[i].id != no_word) return slots_[i].id;
    const auto id = static_cast<WordId>(forms_.size());
    forms_.emplace_back(form);
    slots_[i] = {h, id};
    if (forms_.size() * 2 > slots_.size()) grow();
    return id;
  }
  /// The id of `form`, or no_word.
  [[nodiscard]] WordId find(std::string_view form) const {
    if (form.empty()) return no_word;
    return slots_[slot_of(form, hash_bytes(form))].id;
  }
  [[nodiscard]] std::string_view text(WordId id) const { return id < forms_.size() ? forms_[id] : std::string_view(); }
  /// One past the largest id.
  [[nodiscard]] std::size_t size() const { return forms_.size(); }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    WordId id = no_word;
  };
  /// The slot that holds `form`, or the empty slot where it would go.
  [[nodiscard]] std::size_t slot_of(std::string_view form, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.id == no_word || (s.hash == h && forms_[s.id] == form)) return i;
    }
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.id == no_word) continue;
      std::size_t i = s.hash & mask;
      while (slots_[i].id != no_word) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::deque<std::string> forms_;  // a deque: its strings never move as it grows
  std::vector<Slot> slots_;        // a power of two, at most half full
};

}  // namespace nkg::syntax
