// Diagnostics: the library never prints; it reports to a DiagnosticSink (STYLE §5).
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"

namespace nkg {

enum class Severity : std::uint8_t { note, warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  Location where;
  std::string message;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// Formats a diagnostic as one GCC-style line: `path:line:column: error: message`
/// (or `path: byte N: ...` where only a byte offset is known).
[[nodiscard]] std::string format_diagnostic(const Diagnostic& d);

class DiagnosticSink {
 public:
  DiagnosticSink() = default;
  DiagnosticSink(const DiagnosticSink&) = delete;
  DiagnosticSink& operator=(const DiagnosticSink&) = delete;
  virtual ~DiagnosticSink() = default;
  virtual void report(const Diagnostic& d) = 0;
};

/// Keeps every diagnostic; handy for tests and for the library's callers.
class CollectingDiagnosticSink final : public DiagnosticSink {
 public:
  void report(const Diagnostic& d) override { diagnostics.push_back(d); }
  std::vector<Diagnostic> diagnostics;
};

}  // namespace nkg
