#include "core/iri.hpp"

#include <array>

namespace nkg {

namespace {
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

namespace {
/// Bytes an IRI may not contain (RFC 3987 with the Turtle/N-Triples IRIREF exclusions): a table,
/// because every IRI of every quad is checked before it is written.
constexpr std::array<bool, 256> forbidden_iri_bytes = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c <= 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
  t[0x7f] = true;
  for (const char c : {'<', '>', '"', '{', '}', '|', '^', '`', '\\'}) t[static_cast<unsigned char>(c)] = true;
  return t;
}();
}  // namespace

bool is_valid_absolute_iri(std::string_view s) {
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(s[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = s[i];
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  for (const char ch : s) {
    if (forbidden_iri_bytes[static_cast<unsigned char>(ch)]) return false;
  }
  return true;
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
