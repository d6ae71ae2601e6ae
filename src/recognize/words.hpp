// Helpers shared by the recognizers (internal to recognize/).
#pragma once

#include <cctype>
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "lexicon/lexicon.hpp"
#include "text/text.hpp"

namespace nkg::recognize::detail {

inline bool is_upper_initial(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  // Non-ASCII initials (Ł, Ö, Ş) count as capitals: names carry them.
  return std::isupper(c) != 0 || (c >= 0xC3 && c <= 0xC5);
}

inline bool is_lower_initial(std::string_view w) {
  return !w.empty() && std::islower(static_cast<unsigned char>(w[0])) != 0;
}

inline bool is_all_upper(std::string_view w) {
  bool any = false;
  for (const char ch : w) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::islower(c) != 0) return false;
    if (std::isupper(c) != 0) any = true;
  }
  return any;
}

/// The word without a trailing possessive ("Poland’s" -> "Poland").
inline std::string_view strip_possessive(std::string_view w) {
  for (const std::string_view suffix : {std::string_view("\xE2\x80\x99s"), std::string_view("'s")}) {
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) {
      return w.substr(0, w.size() - suffix.size());
    }
  }
  return w;
}

inline bool has_possessive(std::string_view w) { return strip_possessive(w).size() != w.size(); }

/// Typographic apostrophes as ASCII, so that lexicon forms match either spelling.
inline std::string normalize_quotes(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w.substr(i, 3) == "\xE2\x80\x99") {
      out += '\'';
      i += 2;
    } else {
      out += w[i];
    }
  }
  return out;
}

/// A mention over tokens [begin, end); a trailing possessive stays out of the span.
inline Mention mention_over(std::string_view text, const Segmentation& seg, std::uint32_t begin, std::uint32_t end) {
  Token first = seg.tokens[begin];
  Token last = seg.tokens[end - 1];
  const std::string_view last_word = text::token_text(text, last);
  const std::size_t stripped = last_word.size() - strip_possessive(last_word).size();
  if (stripped > 0) {
    last.end_byte -= static_cast<std::uint32_t>(stripped);
    last.span.end_cp -= 2;  // "’s" and "'s" are both two code points
  }
  Mention m;
  m.span = {first.span.begin_cp, last.span.end_cp};
  m.surface = std::string(text.substr(first.begin_byte, last.end_byte - first.begin_byte));
  return m;
}

}  // namespace nkg::recognize::detail
