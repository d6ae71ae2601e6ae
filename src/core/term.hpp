// RDF terms and quads as plain values. Serd/Sord types never leave serialize/ (STYLE §3).
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace nkg {

enum class TermKind : std::uint8_t { none, iri, literal, blank };

/// An RDF term. newskg mints no blank nodes: every node has a deterministic IRI,
/// so outputs compare byte for byte and merge across shards.
struct Term {
  TermKind kind = TermKind::none;
  std::string value;     // IRI, or the literal's lexical form
  std::string datatype;  // literal datatype IRI; empty for plain and language-tagged strings
  std::string language;  // BCP 47 tag of a language-tagged string

  [[nodiscard]] bool is_iri() const { return kind == TermKind::iri; }
  [[nodiscard]] bool is_literal() const { return kind == TermKind::literal; }
  /// Blank nodes come only from data newskg reads (load); newskg itself mints none.
  [[nodiscard]] bool is_blank() const { return kind == TermKind::blank; }
  [[nodiscard]] bool empty() const { return kind == TermKind::none; }

  friend auto operator<=>(const Term&, const Term&) = default;
  friend bool operator==(const Term&, const Term&) = default;
};

[[nodiscard]] Term iri(std::string value);
[[nodiscard]] Term literal(std::string lexical);
[[nodiscard]] Term blank(std::string label);
[[nodiscard]] Term lang_literal(std::string lexical, std::string language);
[[nodiscard]] Term typed_literal(std::string lexical, std::string datatype);

/// A triple in a named graph; `graph.empty()` is the default graph.
struct Quad {
  Term subject;
  Term predicate;
  Term object;
  Term graph;

  friend auto operator<=>(const Quad&, const Quad&) = default;
  friend bool operator==(const Quad&, const Quad&) = default;
};

/// N-Quads rendering of one term / quad, without "\n", in the bytes Serd 0.30 writes: IRIs and
/// blank labels as they are (nothing checks them here), literals with ECHAR for tab, newline,
/// carriage return, quote and backslash, and UCHAR for other control characters. The N-Triples
/// and N-Quads writers and messages use it.
[[nodiscard]] std::string to_nquads(const Term& t);
[[nodiscard]] std::string to_nquads(const Quad& q);
void append_nquads(std::string& out, const Term& t);
/// Appends "S P O [G] ." (the graph only when `with_graph` and the quad has one).
void append_nquads(std::string& out, const Quad& q, bool with_graph);

}  // namespace nkg
