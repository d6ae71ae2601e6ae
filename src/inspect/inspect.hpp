// inspect/: looking at a graph newskg wrote — what it holds (stats) and whether it conforms to
// SHACL shapes (validate).
//
// Input: quads (from serialize::read_rdf_file or read_graph). Output: plain records that cli/
// prints. The graphs of a dataset are merged (the union graph), as graph.ttl holds them.
// Guarantees: results depend only on the set of quads, never on their order; everything is
// sorted by a total order. Not thread-safe per object; distinct objects may be used in
// parallel. Never prints.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "core/term.hpp"

namespace nkg::inspect {

/// A graph read from an export folder (its graph.nq) or an RDF file (.nq, .nt, .ttl, .trig).
struct GraphFile {
  std::string path;  // the file actually read
  std::vector<Quad> quads;
};
[[nodiscard]] Result<GraphFile> read_graph(const std::string& file_or_folder);

// ---------------------------------------------------------------------------------------------
// stats

struct EntityMentions {
  std::string iri;
  std::string label;      // rdfs:label (English first), or empty
  std::string cls;        // "State", "Person", "Organization", "Place"
  std::size_t mentions = 0;  // NIF mentions: nodes with itsrdf:taIdentRef to it
  std::size_t articles = 0;  // distinct nif:referenceContext of those mentions

  friend bool operator==(const EntityMentions&, const EntityMentions&) = default;
};

struct GraphStats {
  std::size_t quads = 0;    // distinct quads
  std::size_t triples = 0;  // distinct triples of the union graph
  std::size_t named_graphs = 0;
  std::size_t documents = 0;  // nodes typed nkg:Document
  std::size_t entities = 0;   // nodes typed with one of the four entity classes
  std::map<std::string, std::size_t> entities_by_class;  // all four classes, zero included
  std::size_t events = 0;     // nodes typed nkg:Event
  std::map<std::string, std::size_t> events_by_class;    // by their nkg: class other than Event
  std::map<std::string, std::size_t> events_by_date;     // by nkg:date's lexical form
  std::size_t undated_events = 0;
  std::vector<EntityMentions> top_entities;  // most mentions first; ties: more articles, then IRI
};

/// Counts what the graph holds; `top` is how many entities to rank by mentions.
[[nodiscard]] GraphStats compute_stats(const std::vector<Quad>& quads, std::size_t top);

// ---------------------------------------------------------------------------------------------
// validate (SHACL Core)

enum class ResultSeverity : std::uint8_t { violation, warning, info };

/// One SHACL validation result.
struct ValidationResult {
  ResultSeverity severity = ResultSeverity::violation;
  Term focus;
  std::string path;        // the property shape's path (`<iri>`, `^<iri>`, `<a>/<b>`), empty for node shapes
  std::string constraint;  // the parameter that failed, e.g. "sh:minCount"
  Term value;              // the offending value node, when there is one
  std::string message;     // the shape's sh:message, else a generated one
  Term shape;

  friend auto operator<=>(const ValidationResult&, const ValidationResult&) = default;
  friend bool operator==(const ValidationResult&, const ValidationResult&) = default;
};

struct ValidationReport {
  std::vector<ValidationResult> results;  // sorted: focus, path, constraint, value, message
  std::size_t focus_nodes = 0;            // (shape, focus node) pairs checked from targets
  [[nodiscard]] bool conforms() const;    // no result of severity violation
  [[nodiscard]] std::size_t count(ResultSeverity s) const;
};

/// A compiled SHACL shapes graph. Supports the SHACL Core targets (targetClass, targetNode,
/// targetSubjectsOf, targetObjectsOf, implicit class targets), property paths (predicate,
/// inverse, sequence, alternative, zeroOrMore, oneOrMore, zeroOrOne) and these constraint
/// components: class, datatype (with lexical checks for the XSD types), nodeKind, minCount,
/// maxCount, minExclusive, minInclusive, maxExclusive, maxInclusive, minLength, maxLength,
/// pattern (+flags), languageIn, uniqueLang, equals, disjoint, lessThan, lessThanOrEquals,
/// hasValue, in, node, property, not, and, or, xone; sh:deactivated, sh:severity, sh:message.
/// A shape using anything else (sh:closed, qualified shapes, SPARQL) is refused by parse(), so
/// no constraint is silently skipped. sh:class and targetClass follow rdfs:subClassOf in the
/// data graph, as SHACL defines.
class Shapes {
 public:
  /// Compiles the shapes in `quads`; `name` is the file that errors report.
  static Result<Shapes> parse(const std::vector<Quad>& quads, const std::string& name);
  Shapes(Shapes&&) noexcept;
  Shapes& operator=(Shapes&&) noexcept;
  ~Shapes();

  [[nodiscard]] ValidationReport validate(const std::vector<Quad>& data) const;
  [[nodiscard]] std::size_t size() const;

  struct Impl;

 private:
  explicit Shapes(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace nkg::inspect
