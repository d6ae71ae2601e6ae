// publish/: an export -> a linked-data site (one page per resource, in HTML, Turtle, JSON-LD and
// N-Triples), and the HTTP answers that serve it with content negotiation (Cool URIs, 303).
//
// Input: an export folder (graph.nq, newskg.ttl, context.jsonld) read by read_export, and the base
// IRI its resources are minted under. Output: files rendered one at a time by Site::render (so a
// server renders on request and publish writes one file at a time), or HTTP answers by respond().
// Which IRIs get pages: every subject IRI of the form BASE + P where P is a path of segments made
// of ASCII letters, digits, '-', '_', '.' and '~' (no '.' or '..' segment, no fragment, not
// "index" or under "ns/"). An IRI BASE + P + "#..." (mentions, reified statements) is described on
// the page of P, as hash IRIs are. Guarantees: the bytes of every file depend only on the export
// and the base. Thread safety: a Site is immutable after create(); render() and respond() may be
// called from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/status.hpp"
#include "core/term.hpp"

namespace nkg::publish {

/// The representations every resource page has.
enum class Format : std::uint8_t { html, turtle, jsonld, ntriples };

struct FormatInfo {
  Format format;
  std::string_view extension;     // "html", "ttl", "jsonld", "nt"
  std::string_view media_type;    // "text/html", ...
  std::string_view content_type;  // with charset where the type has one
};

/// The formats in the server's order of preference (HTML first).
[[nodiscard]] const std::vector<FormatInfo>& formats();
[[nodiscard]] const FormatInfo& format_info(Format format);

/// Chooses the representation for an Accept header (RFC 9110 §12.5.1): media ranges with
/// q-values, the most specific range that matches a type decides its q, q=0 excludes, and ties go
/// to the server's order. No header (nullopt) or an empty one gives HTML; nullopt return means
/// nothing offered is acceptable (406).
[[nodiscard]] std::optional<Format> negotiate(std::optional<std::string_view> accept);

/// What publish reads from an export folder.
struct Export {
  std::vector<Quad> quads;          // graph.nq (graph names are dropped when indexed)
  std::vector<Quad> ontology;       // newskg.ttl, parsed
  std::string ontology_turtle;      // newskg.ttl, as written
  std::string context_json;         // context.jsonld, as written
};

/// Reads DIR/graph.nq, DIR/newskg.ttl and DIR/context.jsonld. Fails with io_error naming the file
/// that is missing or unreadable, bad_data for a file that does not parse.
[[nodiscard]] Result<Export> read_export(const std::string& dir);

/// One file of the site: its path relative to the site root ("state/BLR.ttl", "index.html").
struct SiteFile {
  std::string path;
  std::string content_type;
  std::string body;
};

class Site {
 public:
  /// Indexes the export. `base` must be an absolute IRI ending in '/'. Subjects under the base
  /// that cannot be a file path get no page and are reported as warnings. Fails with bad_option
  /// for a bad base, bad_input when no subject lies under the base, bad_data for a bad context.
  static Result<Site> create(Export data, std::string base, DiagnosticSink& diagnostics);

  /// The resource paths (P for the IRI BASE + P) that have pages, sorted.
  [[nodiscard]] const std::vector<std::string>& resources() const;
  [[nodiscard]] bool has_resource(std::string_view path) const;
  [[nodiscard]] const std::string& base() const;

  /// Every file of the site, in a fixed order: the index, the context, the ontology (ns/), then
  /// for every resource P the files P.html, P.ttl, P.jsonld, P.nt.
  [[nodiscard]] std::vector<std::string> file_paths() const;

  /// Renders one file; nullopt when the site has no file at `path`.
  [[nodiscard]] Result<std::optional<SiteFile>> render(std::string_view path) const;

  /// The indexed export (defined in publish/site_index.hpp, used only inside publish/).
  struct Impl;

 private:
  explicit Site(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

struct WriteReport {
  std::size_t files = 0;
  std::size_t pages = 0;  // resources with an HTML page
};

/// Writes every file of the site under `dir` (created if missing), each atomically
/// (serialize::AtomicFile): a file is complete or absent.
[[nodiscard]] Result<WriteReport> write_site(const Site& site, const std::string& dir);

/// An HTTP answer, independent of any server library.
struct Response {
  int status = 200;
  std::string content_type;
  std::string location;     // for 303
  bool varies_by_accept = false;
  std::string body;
};

/// The answer to GET `path` (decoded, starting with '/', no query) with the given Accept header:
/// "/" the index; "/P" for a resource 303 See Other to "/P.EXT" as negotiated (406 when nothing
/// offered is acceptable); "/ns" 303 to the ontology document; a site file 200 with its content
/// type; anything else 404. Resource and document answers carry Vary: Accept.
[[nodiscard]] Response respond(const Site& site, std::string_view path, std::optional<std::string_view> accept);

}  // namespace nkg::publish
