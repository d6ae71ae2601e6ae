// JSON Lines input: one article per line, {"id", "text", "url", "title", "date"}.
#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>

#include "ingest/ingest.hpp"

namespace nkg::ingest {

namespace {

constexpr int max_json_depth = 64;

Status field_error(const std::string& source, std::uint64_t line, std::string message) {
  return Status{StatusCode::bad_input, std::move(message), {source, line, 1}};
}

/// The message with every byte that is not part of valid UTF-8 shown as <0xFF>, so a message
/// never carries invalid text to the terminal.
std::string printable(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5U) == 0x6 ? 2 : (c >> 4U) == 0xE ? 3 : (c >> 3U) == 0x1E ? 4 : 0;
    bool ok = n != 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0U) == 0x80U;
    if (ok) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      static constexpr char hex[] = "0123456789ABCDEF";
      out += "<0x";
      out += hex[c >> 4U];
      out += hex[c & 0xFU];
      out += '>';
      ++i;
    }
  }
  return out;
}

}  // namespace

Result<Document> parse_json_line(std::string_view line, const std::string& source_path, std::uint64_t line_number,
                                 const IngestOptions& options) {
  nlohmann::json record;
  bool too_deep = false;
  try {
    // The callback sees each nesting level as it opens: deep nesting is refused before it is built.
    record = nlohmann::json::parse(line, [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
      if (depth > max_json_depth) too_deep = true;
      return !too_deep;
    });
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based byte where parsing stopped; the message after the "[json.exception...]" tag.
    std::string what = e.what();
    if (const auto colon = what.find("error: "); colon != std::string::npos) what = what.substr(colon + 7);
    if (const auto colon = what.find("at line "); colon != std::string::npos) {
      if (const auto sep = what.find(": ", colon); sep != std::string::npos) what = what.substr(sep + 2);
    }
    return Status{StatusCode::bad_input, "malformed JSON: " + printable(what),
                  {source_path, line_number, e.byte == 0 ? 1 : static_cast<std::uint64_t>(e.byte)}};
  }
  if (too_deep) {
    return field_error(source_path, line_number,
                       "JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
  }
  if (!record.is_object()) return field_error(source_path, line_number, "a JSON Lines record must be an object");
  std::string id;
  const auto id_it = record.find("id");
  if (id_it == record.end()) return field_error(source_path, line_number, "record has no \"id\"");
  if (id_it->is_string()) {
    id = id_it->get<std::string>();
  } else if (id_it->is_number_integer()) {
    id = id_it->dump();
  } else {
    return field_error(source_path, line_number, "\"id\" must be a string or an integer, not " +
                                                     std::string(id_it->type_name()));
  }
  if (id.empty()) return field_error(source_path, line_number, "\"id\" is empty");
  if (id.find('\0') != std::string::npos) {
    return field_error(source_path, line_number, "\"id\" holds a NUL character (U+0000)");
  }
  const auto text_it = record.find("text");
  if (text_it == record.end()) return field_error(source_path, line_number, "record '" + id + "' has no \"text\"");
  if (!text_it->is_string()) {
    return field_error(source_path, line_number,
                       "\"text\" of record '" + id + "' must be a string, not " + std::string(text_it->type_name()));
  }
  auto optional_string = [&](const char* name) -> Result<std::optional<std::string>> {
    const auto it = record.find(name);
    if (it == record.end() || it->is_null()) return std::optional<std::string>{};
    if (!it->is_string()) {
      return field_error(source_path, line_number, std::string("\"") + name + "\" of record '" + id +
                                                       "' must be a string, not " + it->type_name());
    }
    std::string value = it->get<std::string>();
    if (value.find('\0') != std::string::npos) {
      return field_error(source_path, line_number, std::string("\"") + name + "\" of record '" + id +
                                                       "' holds a NUL character (U+0000)");
    }
    return std::optional<std::string>{std::move(value)};
  };
  auto url = optional_string("url");
  if (!url.ok()) return url.status();
  auto title = optional_string("title");
  if (!title.ok()) return title.status();
  auto date = optional_string("date");
  if (!date.ok()) return date.status();

  const std::string where = source_path + ":" + std::to_string(line_number);
  auto doc = make_document(id, where, text_it->get_ref<const std::string&>(), options);
  if (!doc.ok()) {
    // Positions inside the text are relative to the record's text, not the file: say so.
    const Status& st = doc.status();
    std::string message = st.message();
    if (st.where().byte_offset) message += " (byte " + std::to_string(*st.where().byte_offset) + " of \"text\")";
    return Status{st.code(), message + " in record '" + id + "'", {source_path, line_number, 1}};
  }
  Document& d = doc.value();
  d.source_path = where;
  if (url.value()) d.meta.url = *url.value();
  if (title.value()) {
    d.meta.headline = *title.value();
    d.meta.headline_span.reset();
  }
  if (date.value()) {
    const DateMatch m = parse_date_prefix(*date.value());
    if (m.date.year == 0) {
      return field_error(source_path, line_number, "\"date\" of record '" + id + "' is not a date: '" +
                                                       *date.value() + "'");
    }
    d.meta.date_published = m.date;
  }
  return doc;
}

Result<LineReader> LineReader::open(const std::string& path, std::uint64_t max_line_bytes) {
  if (path == "-") return LineReader("-", stdin, max_line_bytes);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status{StatusCode::bad_input, std::string("cannot open: ") + std::strerror(errno), {path}};
  return LineReader(path, f, max_line_bytes);
}

LineReader::LineReader(std::string path, std::FILE* file, std::uint64_t max_line_bytes)
    : path_(std::move(path)), file_(file), max_line_bytes_(max_line_bytes) {}

LineReader::LineReader(LineReader&& other) noexcept
    : path_(std::move(other.path_)),
      file_(std::exchange(other.file_, nullptr)),
      max_line_bytes_(other.max_line_bytes_),
      line_number_(other.line_number_),
      buffer_(std::move(other.buffer_)),
      pos_(other.pos_),
      eof_(other.eof_) {}

LineReader::~LineReader() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

LineReader::Outcome LineReader::next(std::string& line) {
  line.clear();
  bool is_too_long = false;
  bool any = false;
  for (;;) {
    if (pos_ < buffer_.size()) {
      any = true;
      const std::size_t nl = buffer_.find('\n', pos_);
      const std::size_t end = nl == std::string::npos ? buffer_.size() : nl;
      if (!is_too_long) {
        line.append(buffer_, pos_, end - pos_);
        if (line.size() > max_line_bytes_) {
          is_too_long = true;
          line.clear();
          line.shrink_to_fit();
        }
      }
      pos_ = end;
      if (nl != std::string::npos) {
        ++pos_;
        break;
      }
    }
    if (eof_) {
      if (!any) return Outcome::end;
      break;
    }
    buffer_.resize(1U << 20U);
    const std::size_t n = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    buffer_.resize(n);
    pos_ = 0;
    if (n == 0) {
      if (std::ferror(file_) != 0) return Outcome::error;
      eof_ = true;
    }
  }
  ++line_number_;
  if (is_too_long) return Outcome::too_long;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return Outcome::line;
}

}  // namespace nkg::ingest
