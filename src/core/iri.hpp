// IRI checks and IRI-safe keys (DESIGN §2).
#pragma once

#include <string>
#include <string_view>

namespace nkg {

/// True when `s` is an absolute IRI (RFC 3987 scheme ":" ...) with none of the characters
/// that RDF syntaxes forbid in IRIs: controls, space, <>"{}|^`\ .
[[nodiscard]] bool is_valid_absolute_iri(std::string_view s);
/// True when the IRI's path has a "." or ".." segment (which IRI resolution removes).
[[nodiscard]] bool has_dot_segments(std::string_view iri);

/// True when `s` can be an IRI key segment as written: ASCII letters, digits, '-', '_', '.'.
[[nodiscard]] bool is_iri_key(std::string_view s);

/// Lower-case ASCII slug of an ASCII string: runs of non-alphanumerics become one '-'.
[[nodiscard]] std::string ascii_slug(std::string_view ascii);

}  // namespace nkg
