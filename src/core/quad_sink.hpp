// QuadSink: the one interface through which graph/ emits RDF (STYLE §3, serd's sink idea).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

/// Keeps what it receives: each prefix name once (its first namespace), the quads in order.
class CollectingQuadSink final : public QuadSink {
 public:
  Status prefix(std::string_view name, std::string_view ns) override {
    const auto same = [&](const auto& p) { return p.first == name; };
    if (std::find_if(prefixes.begin(), prefixes.end(), same) == prefixes.end()) prefixes.emplace_back(name, ns);
    return Status::success();
  }
  Status quad(const Quad& q) override {
    quads.push_back(q);
    return Status::success();
  }
  Status quad(Quad&& q) override {
    quads.push_back(std::move(q));
    return Status::success();
  }
  Status finish() override { return Status::success(); }

  std::vector<std::pair<std::string, std::string>> prefixes;
  std::vector<Quad> quads;
};

}  // namespace nkg
