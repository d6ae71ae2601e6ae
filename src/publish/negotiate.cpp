// Content negotiation and the HTTP answers of the linked-data server (W3C "Cool URIs for the
// Semantic Web", 303 URIs): a resource IRI never answers with a document itself, it points at one.
#include <algorithm>
#include <array>
#include <cctype>

#include "publish/publish.hpp"

namespace nkg::publish {

const std::vector<FormatInfo>& formats() {
  static const std::vector<FormatInfo> all{
      {Format::html, "html", "text/html", "text/html; charset=utf-8"},
      {Format::turtle, "ttl", "text/turtle", "text/turtle; charset=utf-8"},
      {Format::jsonld, "jsonld", "application/ld+json", "application/ld+json"},
      {Format::ntriples, "nt", "application/n-triples", "application/n-triples"},
  };
  return all;
}

const FormatInfo& format_info(Format format) {
  return formats().at(static_cast<std::size_t>(format));
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// A qvalue (RFC 9110 §12.4.2): "0" or "1" or "0." up to three digits or "1." up to three zeros,
/// in thousandths. nullopt for anything else, which makes the range void.
std::optional<int> parse_qvalue(std::string_view s) {
  if (s.empty() || (s[0] != '0' && s[0] != '1')) return std::nullopt;
  int whole = s[0] - '0';
  int thousandths = whole * 1000;
  if (s.size() == 1) return thousandths;
  if (s[1] != '.' || s.size() > 5) return std::nullopt;
  int scale = 100;
  for (std::size_t i = 2; i < s.size(); ++i, scale /= 10) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    thousandths += (s[i] - '0') * scale;
  }
  if (thousandths > 1000) return std::nullopt;
  return thousandths;
}

struct MediaRange {
  std::string type;     // "text", or "*"
  std::string subtype;  // "html", or "*"
  int q = 1000;
};

std::vector<MediaRange> parse_accept(std::string_view accept) {
  std::vector<MediaRange> ranges;
  std::size_t start = 0;
  while (start <= accept.size()) {
    std::size_t end = accept.find(',', start);
    if (end == std::string_view::npos) end = accept.size();
    std::string_view item = trim(accept.substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;
    const std::size_t semi = item.find(';');
    const std::string media = lower(trim(item.substr(0, semi)));
    const std::size_t slash = media.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 == media.size()) continue;
    MediaRange range{media.substr(0, slash), media.substr(slash + 1), 1000};
    if (range.type == "*" && range.subtype != "*") continue;
    bool is_valid = true;
    std::string_view params = semi == std::string_view::npos ? std::string_view{} : item.substr(semi + 1);
    while (!params.empty()) {
      const std::size_t next = params.find(';');
      const std::string_view param = trim(params.substr(0, next));
      params = next == std::string_view::npos ? std::string_view{} : params.substr(next + 1);
      const std::size_t eq = param.find('=');
      if (eq == std::string_view::npos) continue;
      if (lower(trim(param.substr(0, eq))) != "q") continue;
      const auto q = parse_qvalue(trim(param.substr(eq + 1)));
      if (!q) is_valid = false;
      else range.q = *q;
      break;  // parameters after q are accept-extensions
    }
    if (is_valid) ranges.push_back(std::move(range));
  }
  return ranges;
}

/// Other names clients use for the same representations (matched with the primary type's rank).
struct Alias {
  Format format;
  std::string_view media_type;
};
constexpr std::array<Alias, 3> aliases{{
    {Format::html, "application/xhtml+xml"},
    {Format::turtle, "application/x-turtle"},
    {Format::jsonld, "application/json"},
}};

/// The q the most specific matching range gives `media_type`, or -1 when none matches (with
/// `is_exact_only`, only a range naming the type itself counts).
int quality(const std::vector<MediaRange>& ranges, std::string_view media_type, bool is_exact_only = false) {
  const std::size_t slash = media_type.find('/');
  const std::string_view type = media_type.substr(0, slash);
  const std::string_view subtype = media_type.substr(slash + 1);
  int best_specificity = -1;
  int q = -1;
  for (const MediaRange& r : ranges) {
    int specificity = -1;
    if (r.type == type && r.subtype == subtype) specificity = 2;
    else if (r.type == type && r.subtype == "*") specificity = 1;
    else if (r.type == "*" && r.subtype == "*") specificity = 0;
    if (specificity < 0 || (is_exact_only && specificity < 2)) continue;
    if (specificity > best_specificity || (specificity == best_specificity && r.q > q)) {
      best_specificity = specificity;
      q = r.q;
    }
  }
  return q;
}

}  // namespace

std::optional<Format> negotiate(std::optional<std::string_view> accept) {
  if (!accept || trim(*accept).empty()) return Format::html;
  const std::vector<MediaRange> ranges = parse_accept(*accept);
  if (ranges.empty()) return Format::html;  // nothing usable was said: as if no header
  std::optional<Format> best;
  int best_q = 0;
  for (const FormatInfo& f : formats()) {
    int q = quality(ranges, f.media_type);
    for (const Alias& a : aliases) {
      // An alias counts only when named: "*/*" must not undo "text/html;q=0".
      if (a.format == f.format) q = std::max(q, quality(ranges, a.media_type, true));
    }
    if (q > best_q) {
      best = f.format;
      best_q = q;
    }
  }
  return best;
}

namespace {

Response not_found(std::string_view path) {
  Response r;
  r.status = 404;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "404 Not Found: no resource or document at " + std::string(path) + "\n";
  return r;
}

Response see_other(std::string location, std::string_view what) {
  Response r;
  r.status = 303;
  r.content_type = "text/plain; charset=utf-8";
  r.body = "303 See Other: " + std::string(what) + " is described at " + location + "\n";
  r.location = std::move(location);
  r.varies_by_accept = true;
  return r;
}

Response not_acceptable() {
  Response r;
  r.status = 406;
  r.content_type = "text/plain; charset=utf-8";
  r.varies_by_accept = true;
  r.body = "406 Not Acceptable: this resource is available as";
  for (const FormatInfo& f : formats()) r.body += " " + std::string(f.media_type);
  r.body += "\n";
  return r;
}

}  // namespace

Response respond(const Site& site, std::string_view path, std::optional<std::string_view> accept) {
  if (path.empty() || path.front() != '/') return not_found(path);
  std::string_view rest = path.substr(1);
  if (rest.empty()) rest = "index.html";
  if (rest == "ns" || rest == "ns/") {
    const auto format = negotiate(accept);
    if (!format) return not_acceptable();
    const FormatInfo& f = format_info(*format);
    const std::string doc = f.format == Format::html ? "/ns/index.html" : "/ns/newskg." + std::string(f.extension);
    return see_other(doc, "the ontology");
  }
  auto file = site.render(rest);
  if (file.ok() && file.value()) {
    Response r;
    r.content_type = file.value()->content_type;
    r.body = std::move(file.value()->body);
    r.varies_by_accept = true;
    return r;
  }
  if (!file.ok()) {
    Response r;
    r.status = 500;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "500 Internal Server Error: " + file.status().message() + "\n";
    return r;
  }
  if (site.has_resource(rest)) {
    const auto format = negotiate(accept);
    if (!format) return not_acceptable();
    return see_other("/" + std::string(rest) + "." + std::string(format_info(*format).extension),
                     "<" + site.base() + std::string(rest) + ">");
  }
  return not_found(path);
}

}  // namespace nkg::publish
