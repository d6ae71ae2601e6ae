#include "core/iri.hpp"

#include <algorithm>
#include <array>

namespace nkg {

namespace {
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

namespace {
/// What the IRI check needs to know of each byte: most bytes are `plain`. Forbidden are the bytes
/// RFC 3987 with the Turtle/N-Triples IRIREF exclusions refuses; a segment starts after ':' and
/// '/'. A table, because every IRI of every quad is checked before it is written.
enum class IriByte : std::uint8_t { plain, forbidden, dot, segment_start };
constexpr std::array<IriByte, 256> iri_byte_class = [] {
  std::array<IriByte, 256> t{};
  for (int c = 0; c <= 0x20; ++c) t[static_cast<std::size_t>(c)] = IriByte::forbidden;
  t[0x7f] = IriByte::forbidden;
  for (const char c : {'<', '>', '"', '{', '}', '|', '^', '`', '\\'}) t[static_cast<unsigned char>(c)] = IriByte::forbidden;
  t['.'] = IriByte::dot;
  t['/'] = IriByte::segment_start;
  t[':'] = IriByte::segment_start;
  return t;
}();
}  // namespace

bool has_dot_segments(std::string_view iri) {
  const auto colon = iri.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view rest = iri.substr(colon + 1);
  rest = rest.substr(0, std::min(rest.find('?'), rest.find('#')));
  if (rest.substr(0, 2) == "//") {  // the authority holds no path segments
    const auto slash = rest.find('/', 2);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  }
  std::size_t start = 0;
  while (start <= rest.size()) {
    std::size_t end = rest.find('/', start);
    if (end == std::string_view::npos) end = rest.size();
    const std::string_view segment = rest.substr(start, end - start);
    if (segment == "." || segment == "..") return true;
    start = end + 1;
  }
  return false;
}

bool is_valid_absolute_iri(std::string_view s) {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(s[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = s[i];
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  // One pass for the forbidden bytes that also notes whether a "." or ".." segment is possible
  // at all (a '.' right after ':' or '/'); only then are the segments looked at.
  bool maybe_dot_segment = false;
  bool after_segment_start = false;
  for (const char ch : s) {
    const IriByte c = iri_byte_class[static_cast<unsigned char>(ch)];
    if (c == IriByte::plain) {
      after_segment_start = false;
      continue;
    }
    if (c == IriByte::forbidden) return false;
    maybe_dot_segment = maybe_dot_segment || (c == IriByte::dot && after_segment_start);
    after_segment_start = c == IriByte::segment_start;
  }
  // A "." or ".." segment is removed by every reader that resolves IRIs (RFC 3986 5.2.4), so the
  // IRI would not read back as written.
  return !(maybe_dot_segment && has_dot_segments(s));
}

bool is_iri_key(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if (!is_alpha(c) && !is_digit(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

std::string ascii_slug(std::string_view ascii) {
  std::string out;
  bool pending_dash = false;
  for (const char c : ascii) {
    if (is_alpha(c) || is_digit(c)) {
      if (pending_dash && !out.empty()) out += '-';
      pending_dash = false;
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      pending_dash = true;
    }
  }
  return out;
}

}  // namespace nkg
