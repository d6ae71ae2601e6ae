// The Penn Treebank part-of-speech tags (Santorini 1990), as CoNLL-2003 and the Brill lexicon
// write them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace nkg::syntax {

enum class Tag : std::uint8_t {
  CC, CD, DT, EX, FW, IN, JJ, JJR, JJS, LS, MD, NN, NNS, NNP, NNPS, PDT, POS, PRP, PRP_S, RB, RBR, RBS,
  RP, SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WP_S, WRB,
  // Punctuation and symbols.
  DOLLAR, HASH, OPEN_QUOTE, CLOSE_QUOTE, LEFT_PAREN, RIGHT_PAREN, COMMA, PERIOD, COLON,
  count_
};

inline constexpr std::size_t tag_count = static_cast<std::size_t>(Tag::count_);

inline constexpr std::array<std::string_view, tag_count> tag_names{
    "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS", "PDT", "POS",
    "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT",
    "WP", "WP$", "WRB", "$", "#", "``", "''", "(", ")", ",", ".", ":"};

[[nodiscard]] constexpr std::string_view tag_name(Tag t) { return tag_names[static_cast<std::size_t>(t)]; }

/// The tag written `name`; CoNLL's "-LRB-"/"-RRB-" and the "NN|SYM" style of ambiguous
/// entries (first alternative) are read too.
[[nodiscard]] inline std::optional<Tag> parse_tag(std::string_view name) {
  if (const auto bar = name.find('|'); bar != std::string_view::npos) name = name.substr(0, bar);
  if (name == "-LRB-" || name == "-LCB-" || name == "-LSB-") return Tag::LEFT_PAREN;
  if (name == "-RRB-" || name == "-RCB-" || name == "-RSB-") return Tag::RIGHT_PAREN;
  if (name == "\"") return Tag::OPEN_QUOTE;  // CoNLL writes both quotation marks as '"'
  for (std::size_t i = 0; i < tag_count; ++i) {
    if (tag_names[i] == name) return static_cast<Tag>(i);
  }
  return std::nullopt;
}

[[nodiscard]] constexpr bool is_noun(Tag t) { return t == Tag::NN || t == Tag::NNS || t == Tag::NNP || t == Tag::NNPS; }
[[nodiscard]] constexpr bool is_proper_noun(Tag t) { return t == Tag::NNP || t == Tag::NNPS; }
[[nodiscard]] constexpr bool is_verb(Tag t) {
  return t == Tag::VB || t == Tag::VBD || t == Tag::VBG || t == Tag::VBN || t == Tag::VBP || t == Tag::VBZ;
}
[[nodiscard]] constexpr bool is_adjective(Tag t) { return t == Tag::JJ || t == Tag::JJR || t == Tag::JJS; }
[[nodiscard]] constexpr bool is_adverb(Tag t) { return t == Tag::RB || t == Tag::RBR || t == Tag::RBS; }
[[nodiscard]] constexpr bool is_punctuation(Tag t) { return t >= Tag::DOLLAR && t != Tag::count_; }

}  // namespace nkg::syntax
