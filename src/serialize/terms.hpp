// Helpers shared by the writers: prefix tables and term checks.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.hpp"
#include "core/term.hpp"

namespace nkg::serialize {

/// Declared prefixes, in the order received.
class PrefixTable {
 public:
  void add(std::string_view name, std::string_view ns);
  /// "prefix:local" when `iri` is under a declared namespace (the longest) and `local` is a
  /// plain PN_LOCAL that needs no escape; empty otherwise.
  [[nodiscard]] std::string qualify(std::string_view iri) const;
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

/// bad_data unless every IRI of the quad is a valid absolute IRI and every literal valid UTF-8.
[[nodiscard]] Status check_quad(const Quad& q);

}  // namespace nkg::serialize
