// Shared by the fuzz targets: invariant checks that abort (libFuzzer's crash signal), an
// independent UTF-8 check, and reading written RDF back with Serd (strict) from memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/quad_sink.hpp"
#include "core/status.hpp"
#include "core/term.hpp"
#include "serialize/serialize.hpp"

namespace nkg::fuzz {

/// Prints what broke and aborts: libFuzzer records the input, the replay main stops.
[[noreturn]] void fail(std::string_view what, std::string_view detail = {});

inline void check(bool condition, std::string_view what, std::string_view detail = {}) {
  if (!condition) fail(what, detail);
}

/// True when `s` is well-formed UTF-8 of Unicode scalar values (no surrogates, no overlongs).
/// Written here again, not shared with src/, so that it is an independent oracle.
[[nodiscard]] bool is_utf8(std::string_view s);

/// Parses `text` with Serd's strict reader; prefixed names are expanded, IRIs kept verbatim.
/// Turtle and N-Triples quads come back in the default graph.
[[nodiscard]] Result<std::vector<Quad>> parse_rdf(std::string_view text, serialize::Syntax syntax);

/// Sorted and without duplicates; with `drop_graphs` every quad in the default graph.
[[nodiscard]] std::vector<Quad> canonical(std::vector<Quad> quads, bool drop_graphs);

/// Collects prefixes and quads as they come, for replay into several writers.
class CollectingSink final : public QuadSink {
 public:
  Status prefix(std::string_view name, std::string_view ns) override;
  Status quad(const Quad& q) override;
  Status finish() override { return Status::success(); }

  std::vector<std::pair<std::string, std::string>> prefixes;
  std::vector<Quad> quads;
};

/// Sends the prefixes and then the quads to `sink`, then finish(); the first failure.
[[nodiscard]] Status replay(const std::vector<std::pair<std::string, std::string>>& prefixes,
                            const std::vector<Quad>& quads, QuadSink& sink);

/// The embedded ontology/context.jsonld, parsed once.
[[nodiscard]] const serialize::JsonLdContext& context();

/// What a JSON-LD string stands for: an "@id"/"@type" value expanded with the context's
/// prefixes (a blank node label "_:x" and full IRIs unchanged).
[[nodiscard]] std::string expand_jsonld_iri(const std::string& value);

/// Human-readable quads for failure messages.
[[nodiscard]] std::string describe(const std::vector<Quad>& quads);

}  // namespace nkg::fuzz
