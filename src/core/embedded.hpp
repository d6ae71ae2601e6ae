// Data files compiled into the library (cmake/embed.cmake): the lexicons, the JSON-LD
// context and the ontology, so that the library and the binary stand alone.
#pragma once

#include <optional>
#include <string_view>

namespace nkg {

/// The bytes of a data file by its path in the source tree, e.g. "ontology/context.jsonld".
[[nodiscard]] std::optional<std::string_view> embedded_file(std::string_view path);

}  // namespace nkg
