// MentionIndex: which mention owns which token of a document (for the claim and event finders).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "lexicon/lexicon.hpp"
#include "recognize/words.hpp"
#include "text/text.hpp"

namespace nkg::recognize {

/// The evidence for a claim: its sentence, or for an absurdly long sentence the 1,000 code points
/// around the words that state it (evidence is for people to read).
inline Span evidence_window(Span sentence, Span focus) {
  constexpr std::uint32_t max_size = 2000;
  constexpr std::uint32_t half = 500;
  if (sentence.size() <= max_size) return sentence;
  const std::uint32_t begin = std::max(sentence.begin_cp, focus.begin_cp > half ? focus.begin_cp - half : 0);
  const std::uint32_t end = std::min(sentence.end_cp, focus.end_cp + half);
  return {begin, end};
}

/// Token -> owning mention (the narrowest), token words (apostrophes normalized), sentences.
class MentionIndex {
 public:
  MentionIndex(std::string_view text, const Segmentation& seg, const std::vector<Mention>& mentions)
      : seg_(seg), owner_(seg.tokens.size(), -1), words_(seg.tokens.size()), lower_words_(seg.tokens.size()),
        sentence_of_(seg.tokens.size(), 0) {
    for (std::uint32_t i = 0; i < seg.tokens.size(); ++i) {
      words_[i] = detail::normalize_quotes(text::token_text(text, seg.tokens[i]));
      lower_words_[i] = lexicon::ascii_lower(words_[i]);
    }
    for (std::uint32_t s = 0; s < seg.sentences.size(); ++s) {
      for (std::uint32_t i = seg.sentences[s].first_token; i < seg.sentences[s].end_token; ++i) sentence_of_[i] = s;
    }
    // Descriptions overlap the state they name; the narrower mention owns its tokens.
    for (std::uint32_t m = 0; m < mentions.size(); ++m) {
      const auto [b, e] = tokens_of(mentions[m].span);
      for (std::uint32_t t = b; t < e; ++t) {
        const int o = owner_[t];
        if (o < 0 || mentions[static_cast<std::size_t>(o)].span.size() > mentions[m].span.size()) {
          owner_[t] = static_cast<int>(m);
        }
      }
    }
  }

  [[nodiscard]] std::pair<std::uint32_t, std::uint32_t> tokens_of(Span span) const {
    const auto lower = std::lower_bound(seg_.tokens.begin(), seg_.tokens.end(), span.begin_cp,
                                        [](const Token& t, std::uint32_t cp) { return t.span.end_cp <= cp; });
    auto upper = lower;
    while (upper != seg_.tokens.end() && upper->span.begin_cp < span.end_cp) ++upper;
    return {static_cast<std::uint32_t>(lower - seg_.tokens.begin()), static_cast<std::uint32_t>(upper - seg_.tokens.begin())};
  }
  [[nodiscard]] std::uint32_t size() const { return static_cast<std::uint32_t>(words_.size()); }
  [[nodiscard]] const std::string& word(std::uint32_t i) const { return words_[i]; }
  /// word(i) in ASCII lower case.
  [[nodiscard]] const std::string& lower_word(std::uint32_t i) const { return lower_words_[i]; }
  [[nodiscard]] int owner(std::uint32_t i) const { return i < owner_.size() ? owner_[i] : -1; }
  [[nodiscard]] const Sentence& sentence(std::uint32_t i) const { return seg_.sentences[sentence_of_[i]]; }
  [[nodiscard]] Span sentence_span(std::uint32_t i) const {
    return evidence_window(sentence(i).span, seg_.tokens[i].span);
  }
  [[nodiscard]] Span token_span(std::uint32_t i) const { return seg_.tokens[i].span; }

 private:
  const Segmentation& seg_;
  std::vector<int> owner_;
  std::vector<std::string> words_;
  std::vector<std::string> lower_words_;
  std::vector<std::uint32_t> sentence_of_;
};

}  // namespace nkg::recognize
