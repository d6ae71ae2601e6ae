#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "text/text.hpp"

namespace nkg::text {

namespace {
const icu::Transliterator* ascii_prototype() {
  // Built once; ICU transliterators are not thread-safe, so each thread uses its own clone.
  static const std::unique_ptr<icu::Transliterator> prototype = [] {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, ec));
    if (U_FAILURE(ec)) t.reset();
    return t;
  }();
  return prototype.get();
}

icu::Transliterator* thread_transliterator() {
  thread_local const std::unique_ptr<icu::Transliterator> mine = [] {
    const icu::Transliterator* proto = ascii_prototype();
    return std::unique_ptr<icu::Transliterator>(proto != nullptr ? proto->clone() : nullptr);
  }();
  return mine.get();
}
}  // namespace

std::string to_ascii(std::string_view utf8) {
  // "Any-Latin; Latin-ASCII" leaves ASCII as it is: most names never reach ICU.
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(utf8);
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  if (icu::Transliterator* t = thread_transliterator(); t != nullptr) t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace nkg::text
