#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

#include "text/text.hpp"

namespace nkg::text {

namespace {
const icu::Transliterator* ascii_prototype() {
  // Built once; ICU transliterators are not thread-safe, so each call clones this one.
  static const std::unique_ptr<icu::Transliterator> prototype = [] {
    UErrorCode ec = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Any-Latin; Latin-ASCII", UTRANS_FORWARD, ec));
    if (U_FAILURE(ec)) t.reset();
    return t;
  }();
  return prototype.get();
}
}  // namespace

std::string to_ascii(std::string_view utf8) {
  const icu::Transliterator* proto = ascii_prototype();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  if (proto != nullptr) {
    std::unique_ptr<icu::Transliterator> t(proto->clone());
    t->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace nkg::text
