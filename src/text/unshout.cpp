#include "text/text.hpp"

namespace nkg::text {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

/// Most letters of the sentence's words are capitals, and there are enough of them to tell.
bool is_shouted(std::string_view utf8, const Segmentation& seg, const Sentence& s) {
  std::size_t upper = 0;
  std::size_t lower = 0;
  for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
    for (const char c : token_text(utf8, seg.tokens[i])) {
      upper += is_upper(c) ? 1U : 0U;
      lower += is_lower(c) ? 1U : 0U;
    }
  }
  return upper >= 4 && lower * 10 <= upper;
}

}  // namespace

std::string unshout(std::string_view utf8, const Segmentation& seg) {
  std::string out;
  for (const Sentence& s : seg.sentences) {
    if (!is_shouted(utf8, seg, s)) continue;
    if (out.empty()) out.assign(utf8);
    for (std::uint32_t i = s.first_token; i < s.end_token; ++i) {
      const Token& t = seg.tokens[i];
      // Two-letter words stay as they are (UN, EU, US): in capitals they are mostly acronyms.
      if (t.end_byte - t.begin_byte <= 2) continue;
      for (std::uint32_t b = t.begin_byte + 1; b < t.end_byte; ++b) {
        if (is_upper(out[b])) out[b] = static_cast<char>(out[b] - 'A' + 'a');
      }
    }
  }
  return out;
}

}  // namespace nkg::text
