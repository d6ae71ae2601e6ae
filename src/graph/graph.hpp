// graph/: entities and mentions -> quads, with IRIs per DESIGN §2 and NIF evidence.
//
// Input: a Document, its mentions and entities, the Lexicon. Output: quads through a
// QuadSink, all in the document's named graph (the document IRI). IRIs depend only on keys,
// never on input order. Thread-safe: the builder is immutable after construction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/quad_sink.hpp"
#include "lexicon/lexicon.hpp"
#include "resolve/resolve.hpp"

namespace nkg::graph {

/// IRIs under the base (default https://w3id.org/newskg/id/).
class IriMinter {
 public:
  explicit IriMinter(std::string base) : base_(std::move(base)) {}
  [[nodiscard]] const std::string& base() const { return base_; }
  [[nodiscard]] std::string document(std::string_view id) const;
  [[nodiscard]] std::string mention(std::string_view document_id, Span span) const;
  [[nodiscard]] std::string entity(EntityKind kind, std::string_view key) const;
  /// A post held by one person: position/<title>-<of>[-to-<to>]--<holder>.
  [[nodiscard]] std::string position(std::string_view title, std::string_view of, std::string_view to,
                                     std::string_view holder) const;
  /// An event: event/<key>.
  [[nodiscard]] std::string event(std::string_view key) const;
  /// The kind and key of an entity IRI minted by entity(); nullopt for any other IRI.
  [[nodiscard]] std::optional<EntityRef> parse_entity(std::string_view iri) const;

 private:
  std::string base_;
};

/// The nkg: class of an event ("Summons") and the nkg: individual of a modality ("Planned").
[[nodiscard]] std::string_view event_class_name(EventClass cls);
[[nodiscard]] std::string_view modality_name(Modality modality);
/// xsd:date, xsd:gYearMonth or xsd:gYear, as precise as the date.
[[nodiscard]] Term date_literal(const PartialDate& date);
/// An xsd:decimal with two digits.
[[nodiscard]] Term confidence_literal(double confidence);

/// Checks a --base value: an absolute IRI ending in '/' or '#'.
[[nodiscard]] Status check_base_iri(std::string_view base);

/// Undoes encode_iri_segment (percent-decoding); nullopt for a malformed escape.
[[nodiscard]] std::optional<std::string> decode_iri_segment(std::string_view s);

/// Encodes a document identifier for use in an IRI path (percent-encoding what is not
/// unreserved), so any file name gives a valid IRI.
[[nodiscard]] std::string encode_iri_segment(std::string_view s);

class GraphBuilder {
 public:
  GraphBuilder(const lexicon::Lexicon& lexicon, std::string base);

  /// The prefixes every output declares, fixed ones first, then the base paths.
  [[nodiscard]] Status emit_prefixes(QuadSink& sink) const;

  /// Every quad the document supports, in its named graph.
  [[nodiscard]] Status emit_document(const Analysis& analysis, const std::vector<resolve::Entity>& entities,
                                     QuadSink& sink) const;

  /// Describes a state in a document's graph (types, label, codes, owl:sameAs, mentionedIn):
  /// for states a node points at though the document names them only indirectly.
  [[nodiscard]] Status emit_state_description(std::string_view alpha3, const std::string& doc_iri,
                                              QuadSink& sink) const;

  [[nodiscard]] const IriMinter& iris() const { return iris_; }
  [[nodiscard]] const lexicon::Lexicon& lexicon() const { return lexicon_; }

 private:
  const lexicon::Lexicon& lexicon_;
  IriMinter iris_;
};

}  // namespace nkg::graph
