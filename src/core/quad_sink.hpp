// QuadSink: the one interface through which graph/ emits RDF (STYLE §3, serd's sink idea).
#pragma once

#include <string_view>

#include "core/status.hpp"
#include "core/term.hpp"

namespace nkg {

/// Receives prefixes and quads, then `finish` once. Implementations live in serialize/.
/// Callers stop at the first non-ok Status. Not thread-safe.
class QuadSink {
 public:
  QuadSink() = default;
  QuadSink(const QuadSink&) = delete;
  QuadSink& operator=(const QuadSink&) = delete;
  virtual ~QuadSink() = default;

  virtual Status prefix(std::string_view name, std::string_view iri) = 0;
  virtual Status quad(const Quad& q) = 0;
  /// The same, for a quad the caller gives up: sinks that keep quads override it to move.
  virtual Status quad(Quad&& q) { return quad(static_cast<const Quad&>(q)); }
  virtual Status finish() = 0;
};

}  // namespace nkg
