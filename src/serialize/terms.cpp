#include "serialize/terms.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/iri.hpp"

namespace nkg::serialize {

void PrefixTable::add(std::string_view name, std::string_view ns) {
  for (auto& [n, iri] : entries_) {
    if (n == name) {
      iri = ns;
      return;
    }
  }
  entries_.emplace_back(name, ns);
}

namespace {
bool is_plain_local(std::string_view local) {
  if (local.empty()) return false;
  const auto ok = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  };
  return std::all_of(local.begin(), local.end(), ok) && local.front() != '-' && local.front() != '.' &&
         local.back() != '.';
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // ASCII eight bytes at a time: most of what is written is ASCII.
    while (i + 8 <= s.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & 0x8080808080808080ULL) != 0) break;
      i += 8;
    }
    if (i == s.size()) break;
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t n = b0 < 0x80 ? 1 : (b0 & 0xE0U) == 0xC0U ? 2 : (b0 & 0xF0U) == 0xE0U ? 3 : (b0 & 0xF8U) == 0xF0U ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    std::uint32_t cp = n == 1 ? b0 : (b0 & (0x7FU >> n));
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0U) != 0x80U) return false;
      cp = (cp << 6U) | (b & 0x3FU);
    }
    const bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
    i += n;
  }
  return true;
}

/// The code point of the UTF-8 sequence at s[i] (valid UTF-8), advancing i past it.
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const std::size_t n = b0 < 0x80 ? 1 : (b0 & 0xE0U) == 0xC0U ? 2 : (b0 & 0xF0U) == 0xE0U ? 3 : 4;
  std::uint32_t cp = n == 1 ? b0 : (b0 & (0x7FU >> n));
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6U) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
  i += n;
  return cp;
}

/// PN_CHARS_U of Turtle / N-Triples, and PN_CHARS (which adds '-', digits and a few marks).
bool is_pn_chars_u(std::uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}
bool is_pn_chars(std::uint32_t c) {
  return is_pn_chars_u(c) || c == '-' || (c >= '0' && c <= '9') || c == 0xB7 || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x203F && c <= 0x2040);
}

/// BLANK_NODE_LABEL without "_:": (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
bool is_blank_label(std::string_view s) {
  if (s.empty() || !is_valid_utf8(s) || s.back() == '.') return false;
  std::size_t i = 0;
  const std::uint32_t first = next_code_point(s, i);
  if (!is_pn_chars_u(first) && !(first >= '0' && first <= '9')) return false;
  while (i < s.size()) {
    const std::uint32_t c = next_code_point(s, i);
    if (!is_pn_chars(c) && c != '.') return false;
  }
  return true;
}

/// LANGTAG without "@": [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*
bool is_language_tag(std::string_view s) {
  bool first = true;
  std::size_t run = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '-') {
      if (run == 0) return false;
      first = false;
      run = 0;
      continue;
    }
    const char c = s[i];
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!(alpha || (!first && c >= '0' && c <= '9'))) return false;
    ++run;
  }
  return true;
}

bool is_iri(std::string_view s) { return is_valid_absolute_iri(s) && is_valid_utf8(s); }

/// check_term's literal part; `datatype_known` when the datatype IRI was checked before.
Status check_literal(const Term& t, bool datatype_known) {
  if (!is_valid_utf8(t.value)) return {StatusCode::bad_data, "literal is not valid UTF-8"};
  // Serd (0.30) measures node text up to a NUL byte: the rest would be silently cut off.
  if (t.value.find('\0') != std::string::npos) return {StatusCode::bad_data, "literal holds U+0000 (NUL)"};
  if (!t.language.empty() && (!t.datatype.empty() || !is_language_tag(t.language))) {
    return {StatusCode::bad_data, "not a valid language tag: @" + t.language};
  }
  if (!datatype_known && !t.datatype.empty() && !is_iri(t.datatype)) {
    return {StatusCode::bad_data, "not a valid datatype IRI: <" + t.datatype + ">"};
  }
  return Status::success();
}

Status check_term(const Term& t) {
  if (t.is_iri() && !is_iri(t.value)) {
    return {StatusCode::bad_data, "not a valid absolute IRI: <" + t.value + ">"};
  }
  if (t.is_blank() && !is_blank_label(t.value)) {
    return {StatusCode::bad_data, "not a valid blank node label: _:" + t.value};
  }
  if (t.is_literal()) return check_literal(t, false);
  return Status::success();
}
}  // namespace

std::string PrefixTable::qualify(std::string_view iri) const {
  const std::pair<std::string, std::string>* best = nullptr;
  for (const auto& entry : entries_) {
    if (iri.size() > entry.second.size() && iri.substr(0, entry.second.size()) == entry.second &&
        (best == nullptr || entry.second.size() > best->second.size())) {
      best = &entry;
    }
  }
  if (best == nullptr) return {};
  const std::string_view local = iri.substr(best->second.size());
  if (!is_plain_local(local)) return {};
  return best->first + ':' + std::string(local);
}

Status check_quad(const Quad& q) { return QuadChecker().check(q); }

Status QuadChecker::check(const Quad& q) {
  if (!(q.subject.is_iri() || q.subject.is_blank()) || !q.predicate.is_iri() || q.object.empty()) {
    // The terms first, so that a bad term is named rather than the shape.
    for (const Term* t : {&q.subject, &q.predicate, &q.object, &q.graph}) NKG_TRY(check_term(*t));
    return {StatusCode::bad_data, "a quad needs an IRI or blank subject, an IRI predicate and an object"};
  }
  // Each term checked in the order check_quad takes them, so the first bad one is the one named.
  const auto at = [](const Term& t, std::string& last) -> Status {
    // `last` starts empty, and an empty IRI is not valid: it must not pass as "seen before".
    if (t.is_iri() && !last.empty() && t.value == last) return Status::success();
    NKG_TRY(check_term(t));
    if (t.is_iri()) last = t.value;
    return Status::success();
  };
  NKG_TRY(at(q.subject, subject_));
  NKG_TRY(at(q.predicate, predicate_));
  if (q.object.is_literal()) {
    const bool datatype_known = !q.object.datatype.empty() && q.object.datatype == datatype_;
    NKG_TRY(check_literal(q.object, datatype_known));
    if (!q.object.datatype.empty()) datatype_ = q.object.datatype;
  } else {
    NKG_TRY(at(q.object, object_));
  }
  return at(q.graph, graph_);
}

}  // namespace nkg::serialize
