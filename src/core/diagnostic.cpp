#include "core/diagnostic.hpp"

namespace nkg {

namespace {
const char* severity_name(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}
}  // namespace

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.where.path.empty() ? std::string("newskg") : d.where.path;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  } else if (d.where.byte_offset) {
    out += ": byte " + std::to_string(*d.where.byte_offset);
  }
  out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  return out;
}

}  // namespace nkg
