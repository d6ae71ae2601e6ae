#include "cli/terminal.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace nkg::cli {

void add_verbosity_flags(CLI::App* cmd, Verbosity& verbosity) {
  auto* quiet = cmd->add_flag("-q,--quiet", verbosity.is_quiet, "Errors only: no summary, progress or warnings");
  cmd->add_flag("-v,--verbose", verbosity.is_verbose, "Also the time spent in each stage")->excludes(quiet);
}

bool is_stderr_terminal() { return ::isatty(STDERR_FILENO) == 1; }

bool is_color_terminal() {
  const char* no_color = std::getenv("NO_COLOR");
  return is_stderr_terminal() && (no_color == nullptr || no_color[0] == '\0');
}

StderrDiagnosticSink::StderrDiagnosticSink(Verbosity verbosity)
    : verbosity_(verbosity), is_color_(is_color_terminal()) {}

void StderrDiagnosticSink::report(const Diagnostic& d) {
  if (d.severity == Severity::error) ++errors;
  if (verbosity_.is_quiet && d.severity != Severity::error) return;
  std::string line = format_diagnostic(d);
  if (is_color_) {
    for (const auto& [word, colour] : {std::pair<const char*, const char*>{": error: ", "\033[1;31m"},
                                       {": warning: ", "\033[1;35m"}, {": note: ", "\033[1;36m"}}) {
      const auto at = line.find(word);
      if (at == std::string::npos) continue;
      const std::string bare(word + 2, std::char_traits<char>::length(word) - 4);  // "error"
      line = line.substr(0, at + 2) + colour + bare + "\033[0m" + line.substr(at + 2 + bare.size());
      break;
    }
  }
  std::cerr << line << '\n';
}

ProgressBar::ProgressBar(Verbosity verbosity, std::uint64_t total_bytes)
    : is_enabled_(!verbosity.is_quiet && is_stderr_terminal()),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

void ProgressBar::on_progress(std::size_t documents, std::uint64_t bytes) {
  if (!is_enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb_per_s = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
  char line[160];
  if (total_bytes_ > 0 && bytes > 0 && bytes <= total_bytes_) {
    const double fraction = static_cast<double>(bytes) / static_cast<double>(total_bytes_);
    const double eta = seconds / fraction - seconds;
    std::snprintf(line, sizeof line, "\r\033[K%zu documents, %.1f MB/s, %3.0f%%, ETA %.0f s", documents, mb_per_s,
                  fraction * 100.0, eta);
  } else {
    std::snprintf(line, sizeof line, "\r\033[K%zu documents, %.1f MB/s", documents, mb_per_s);
  }
  std::cerr << line << std::flush;
  is_drawn_ = true;
}

void ProgressBar::clear() {
  if (is_drawn_) std::cerr << "\r\033[K" << std::flush;
  is_drawn_ = false;
}

}  // namespace nkg::cli
