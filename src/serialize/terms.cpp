#include "serialize/terms.hpp"

#include <algorithm>

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

Status check_term(const Term& t) {
  if (t.is_iri() && !is_valid_absolute_iri(t.value)) {
    return {StatusCode::bad_data, "not a valid absolute IRI: <" + t.value + ">"};
  }
  if (t.is_literal()) {
    if (!is_valid_utf8(t.value)) return {StatusCode::bad_data, "literal is not valid UTF-8"};
    if (!t.datatype.empty() && !is_valid_absolute_iri(t.datatype)) {
      return {StatusCode::bad_data, "not a valid datatype IRI: <" + t.datatype + ">"};
    }
  }
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

Status check_quad(const Quad& q) {
  for (const Term* t : {&q.subject, &q.predicate, &q.object, &q.graph}) NKG_TRY(check_term(*t));
  if (!(q.subject.is_iri() || q.subject.is_blank()) || !q.predicate.is_iri() || q.object.empty()) {
    return {StatusCode::bad_data, "a quad needs an IRI or blank subject, an IRI predicate and an object"};
  }
  return Status::success();
}

}  // namespace nkg::serialize
