// The indexed export that every page is rendered from (internal to publish/).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/term.hpp"
#include "publish/publish.hpp"
#include "serialize/serialize.hpp"

namespace nkg::publish {

/// Caps on what one page shows of the rest of the graph (resource budget: a page of a state
/// mentioned 100 000 times stays small).
inline constexpr std::size_t max_mentions_per_page = 50;
inline constexpr std::size_t max_incoming_per_page = 200;

/// Where an IRI is described on the site.
struct PageRef {
  std::string path;      // resource path P (BASE + P)
  std::string fragment;  // after '#', or empty
};

struct Site::Impl {
  std::string base;
  Export data;
  serialize::JsonLdContext context;
  std::string context_value_json;  // the "@context" value of context.jsonld, for embedding

  std::vector<Quad> triples;  // the union graph: sorted, unique, graph names dropped
  std::map<std::string, std::pair<std::size_t, std::size_t>, std::less<>> by_subject;  // [begin, end) in triples
  std::map<std::string, std::vector<std::size_t>, std::less<>> incoming;  // object IRI -> triple indices
  std::map<std::string, std::vector<std::string>, std::less<>> fragments;  // P -> subjects BASE+P#...
  std::vector<std::string> resources;                                      // sorted
  std::map<std::string, std::string, std::less<>> term_labels;              // ontology term -> label
  std::map<std::string, std::string, std::less<>> term_comments;            // ontology term -> comment
};

/// The triples with `subject` as subject (empty span when none).
[[nodiscard]] std::span<const Quad> about(const Site::Impl& site, std::string_view subject);

/// The first object of (subject, predicate), or nullptr.
[[nodiscard]] const Term* first_object(const Site::Impl& site, std::string_view subject, std::string_view predicate);

/// A readable name: rdfs:label (English first), a headline, a composed name for positions and
/// events, an anchor, an identifier, or the last segment of the IRI.
[[nodiscard]] std::string label_of(const Site::Impl& site, std::string_view iri);

/// The label of an ontology or well-known term: its rdfs:label in the ontology, else a prefixed name.
[[nodiscard]] std::string term_label(const Site::Impl& site, std::string_view iri);

/// A prefixed name (nkg:agent) for IRIs under a known namespace, else the IRI.
[[nodiscard]] std::string curie(const Site::Impl& site, std::string_view iri);

/// The page an IRI is described on, if the site has one.
[[nodiscard]] std::optional<PageRef> page_of(const Site::Impl& site, std::string_view iri);

/// The most specific class of a resource for grouping and display (nkg classes first).
[[nodiscard]] std::string primary_class(const Site::Impl& site, std::string_view iri);

/// A document's text (nif:isString) with a code point -> byte map, for evidence snippets.
class DocText {
 public:
  explicit DocText(std::string_view text);
  [[nodiscard]] std::string_view text() const { return text_; }
  /// Byte offset of code point `cp` (clamped to the end).
  [[nodiscard]] std::size_t byte_at(std::size_t cp) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> checkpoints_;  // byte offset of every 64th code point
};

/// The sentence around [begin_byte, end_byte): back to the previous sentence end or line break,
/// on to the next, each side at most ~240 bytes (cut at a character boundary, marked "…").
struct Snippet {
  std::string before;
  std::string anchor;
  std::string after;
};
[[nodiscard]] Snippet snippet_around(std::string_view text, std::size_t begin_byte, std::size_t end_byte);

/// HTML pages (html.cpp).
[[nodiscard]] std::string render_resource_html(const Site::Impl& site, const std::string& path,
                                               const std::vector<Quad>& description, const std::string& jsonld);
[[nodiscard]] std::string render_index_html(const Site::Impl& site);
[[nodiscard]] std::string render_ontology_html(const Site::Impl& site);

/// Text escaped for HTML element content and attribute values.
[[nodiscard]] std::string escape_html(std::string_view s);

}  // namespace nkg::publish
