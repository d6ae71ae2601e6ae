// Helpers shared by the writers: prefix tables, term checks and the two writers behind
// make_syntax_writer.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.hpp"
#include "core/term.hpp"
#include "serialize/serialize.hpp"

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

/// The Serd writer for any syntax (make_syntax_writer uses it for Turtle and TriG).
[[nodiscard]] std::unique_ptr<QuadSink> make_serd_writer(Syntax syntax, ByteSink& out);
/// N-Triples / N-Quads without Serd: the bytes Serd writes, several times faster.
[[nodiscard]] std::unique_ptr<QuadSink> make_line_writer(Syntax syntax, ByteSink& out);

/// bad_data unless every IRI of the quad is a valid absolute IRI and every literal valid UTF-8.
[[nodiscard]] Status check_quad(const Quad& q);

/// check_quad for a stream of quads: the IRIs of the last quad (and the last datatype) are
/// remembered, and an IRI equal to the one checked before at its place is not checked again
/// (a document's quads repeat their subject, graph and datatypes, line after line).
class QuadChecker {
 public:
  [[nodiscard]] Status check(const Quad& q);

 private:
  std::string subject_;
  std::string predicate_;
  std::string object_;
  std::string datatype_;
  std::string graph_;
};

}  // namespace nkg::serialize
