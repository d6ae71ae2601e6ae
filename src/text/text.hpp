// text/: ICU sentence and word segmentation.
//
// Input: a Document (NFC UTF-8). Output: Segmentation — sentences and tokens (whitespace
// dropped) with code-point spans and byte offsets into Document::text. A Segmenter is built
// once; segment() is const and thread-safe (each call clones the ICU break iterators).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/document.hpp"
#include "core/status.hpp"

namespace nkg::text {

class Segmenter {
 public:
  static Result<Segmenter> create();
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  ~Segmenter();

  [[nodiscard]] Segmentation segment(std::string_view utf8) const;

 private:
  struct Impl;  // the ICU break iterators: ICU types stay inside text/
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// The UTF-8 text of a token.
[[nodiscard]] inline std::string_view token_text(std::string_view utf8, const Token& t) {
  return utf8.substr(t.begin_byte, t.end_byte - t.begin_byte);
}

}  // namespace nkg::text

namespace nkg::text {

/// ICU "Any-Latin; Latin-ASCII": a Latin ASCII rendering of any script ("Ševčenka" ->
/// "Sevcenka", "Шевченко" -> "Sevcenko"). Thread-safe (one transliterator per thread); ASCII
/// input is returned as it is without ICU.
[[nodiscard]] std::string to_ascii(std::string_view utf8);

/// A transliteration-invariant key for a person's name: ASCII transliteration, lower case,
/// spelling variants of Slavic and Turkic romanizations folded (sh/š/ś, kh/h/x, ts/c,
/// ya/ja/ia, y/j/i, -ko/-ka ...). "Vladimir Zelenskiy", "Volodymyr Zelensky" and
/// "Volodymyr Zelenskyy" share one key. Returns "" when the name has no letters.
[[nodiscard]] std::string person_key(std::string_view name);

/// The folded form of one name word (exposed for tests).
[[nodiscard]] std::string fold_name_word(std::string_view ascii_lower_word);

}  // namespace nkg::text

namespace nkg::text {

/// The text with every sentence written in capitals ("SOCCER - JAPAN WIN") recased word by
/// word to title case ("Soccer - Japan Win"), so that case-sensitive name matching works in
/// shouted headlines. Only ASCII letters change, so byte and code point offsets stay valid.
/// Returns an empty string when no sentence is shouted.
[[nodiscard]] std::string unshout(std::string_view utf8, const Segmentation& seg);

}  // namespace nkg::text
