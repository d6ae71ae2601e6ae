#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <atomic>
#include <cstdint>
#include <vector>

#include "text/text.hpp"

namespace nkg::text {

namespace {
/// ICU break iterators are not thread-safe: each thread clones the prototypes once and reuses
/// the clones for every document (cloning per document cost as much as the segmenting).
struct ThreadIterators {
  std::uint64_t owner = 0;
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
};
std::atomic<std::uint64_t> next_segmenter_id{1};
}  // namespace

struct Segmenter::Impl {
  std::unique_ptr<icu::BreakIterator> sentence_prototype;
  std::unique_ptr<icu::BreakIterator> word_prototype;
  /// Tells this segmenter's clones from those of another one made later at the same address.
  std::uint64_t id = next_segmenter_id.fetch_add(1);

  [[nodiscard]] ThreadIterators& thread_iterators() const {
    thread_local ThreadIterators mine;
    if (mine.owner != id) {
      mine.words.reset(word_prototype->clone());
      mine.sentences.reset(sentence_prototype->clone());
      mine.owner = id;
    }
    return mine;
  }
};

Segmenter::Segmenter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Segmenter::Segmenter(Segmenter&&) noexcept = default;
Segmenter& Segmenter::operator=(Segmenter&&) noexcept = default;
Segmenter::~Segmenter() = default;

Result<Segmenter> Segmenter::create() {
  UErrorCode ec = U_ZERO_ERROR;
  auto impl = std::make_unique<Impl>();
  impl->sentence_prototype.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), ec));
  if (U_FAILURE(ec)) return Status{StatusCode::internal, std::string("ICU sentence iterator: ") + u_errorName(ec)};
  impl->word_prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), ec));
  if (U_FAILURE(ec)) return Status{StatusCode::internal, std::string("ICU word iterator: ") + u_errorName(ec)};
  return Segmenter(std::move(impl));
}

namespace {

/// Offsets of every UTF-16 index (and one past the end) in code points and in UTF-8 bytes.
struct OffsetMap {
  std::vector<std::uint32_t> cp;
  std::vector<std::uint32_t> byte;
};

OffsetMap map_offsets(std::string_view utf8) {
  OffsetMap m;
  m.cp.reserve(utf8.size() + 1);
  m.byte.reserve(utf8.size() + 1);
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b0 = static_cast<unsigned char>(utf8[i]);
    const std::size_t n = b0 < 0x80 ? 1 : (b0 >> 5U) == 6 ? 2 : (b0 >> 4U) == 14 ? 3 : 4;
    const std::size_t units = n == 4 ? 2 : 1;
    for (std::size_t u = 0; u < units; ++u) {
      m.cp.push_back(cp);
      m.byte.push_back(static_cast<std::uint32_t>(i));
    }
    ++cp;
    i += n;
  }
  m.cp.push_back(cp);
  m.byte.push_back(static_cast<std::uint32_t>(utf8.size()));
  return m;
}

bool is_space_segment(const icu::UnicodeString& u, std::int32_t begin, std::int32_t end) {
  for (std::int32_t i = begin; i < end; ++i) {
    if (!u_isUWhiteSpace(u.charAt(i))) return false;
  }
  return true;
}

}  // namespace

Segmentation Segmenter::segment(std::string_view utf8) const {
  Segmentation out;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  const OffsetMap map = map_offsets(utf8);
  const auto at = [&](std::int32_t i) { return static_cast<std::size_t>(i); };

  ThreadIterators& iterators = impl_->thread_iterators();
  icu::BreakIterator* words = iterators.words.get();
  words->setText(u);
  std::int32_t begin = words->first();
  for (std::int32_t end = words->next(); end != icu::BreakIterator::DONE; begin = end, end = words->next()) {
    if (is_space_segment(u, begin, end)) continue;
    Token t;
    t.span = {map.cp[at(begin)], map.cp[at(end)]};
    t.begin_byte = map.byte[at(begin)];
    t.end_byte = map.byte[at(end)];
    t.is_word = words->getRuleStatus() >= UBRK_WORD_NONE_LIMIT;
    out.tokens.push_back(t);
  }

  icu::BreakIterator* sentences = iterators.sentences.get();
  sentences->setText(u);
  std::uint32_t next_token = 0;
  const auto token_count = static_cast<std::uint32_t>(out.tokens.size());
  begin = sentences->first();
  for (std::int32_t end = sentences->next(); end != icu::BreakIterator::DONE; begin = end, end = sentences->next()) {
    Sentence s;
    s.first_token = next_token;
    const std::uint32_t end_cp = map.cp[at(end)];
    while (next_token < token_count && out.tokens[next_token].span.begin_cp < end_cp) ++next_token;
    s.end_token = next_token;
    if (s.first_token == s.end_token) continue;  // whitespace only
    // The sentence span runs from its first to its last token: trailing spaces and newlines
    // are not part of the evidence text.
    s.span = {out.tokens[s.first_token].span.begin_cp, out.tokens[s.end_token - 1].span.end_cp};
    out.sentences.push_back(s);
  }
  // The reused iterators must not keep pointing into `u`, which dies here.
  static const icu::UnicodeString nothing;
  words->setText(nothing);
  sentences->setText(nothing);
  return out;
}

}  // namespace nkg::text
