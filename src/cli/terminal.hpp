// What the command line shows on stderr: diagnostics (coloured on a terminal unless NO_COLOR),
// a progress bar for long runs, and the -q/-v flags that govern both.
#pragma once

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdint>

#include "core/diagnostic.hpp"
#include "pipeline/export.hpp"

namespace nkg::cli {

struct Verbosity {
  bool is_quiet = false;    // errors only: no summary, no progress, no warnings
  bool is_verbose = false;  // also the time of each stage
};

void add_verbosity_flags(CLI::App* cmd, Verbosity& verbosity);

/// True when stderr is a terminal and NO_COLOR (https://no-color.org) is not set.
[[nodiscard]] bool is_color_terminal();
/// True when stderr is a terminal.
[[nodiscard]] bool is_stderr_terminal();

/// Prints each diagnostic as one line on stderr, as it comes ("error:" in red on a terminal).
class StderrDiagnosticSink final : public DiagnosticSink {
 public:
  explicit StderrDiagnosticSink(Verbosity verbosity = {});
  void report(const Diagnostic& d) override;
  std::size_t errors = 0;

 private:
  Verbosity verbosity_;
  bool is_color_;
};

/// Documents, MB/s and (when the input size is known) ETA, redrawn on one stderr line at most
/// ten times a second; only on a terminal and not with --quiet.
class ProgressBar final : public ProgressObserver {
 public:
  explicit ProgressBar(Verbosity verbosity, std::uint64_t total_bytes = 0);
  void on_progress(std::size_t documents, std::uint64_t bytes) override;
  /// Erases the bar (before the summary or an error).
  void clear();

 private:
  bool is_enabled_;
  std::uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool is_drawn_ = false;
};

}  // namespace nkg::cli
