#include "ingest/ingest.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <memory>
#include <set>
#include <system_error>

namespace nkg::ingest {

namespace fs = std::filesystem;

std::string document_id_for_path(std::string_view path) {
  if (path == "-") return "stdin";
  const fs::path p{std::string(path)};
  std::string stem = p.stem().string();
  return stem.empty() ? p.filename().string() : stem;
}

namespace {

/// Length of the UTF-8 sequence at `s[i]`, or 0 when it is not a valid scalar value.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0U) == 0xC0U) {
    n = 2;
    cp = b0 & 0x1FU;
  } else if ((b0 & 0xF0U) == 0xE0U) {
    n = 3;
    cp = b0 & 0x0FU;
  } else if ((b0 & 0xF8U) == 0xF0U) {
    n = 4;
    cp = b0 & 0x07U;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0U) != 0x80U) return 0;
    cp = (cp << 6U) | (b & 0x3FU);
  }
  const bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  if (overlong || surrogate || cp > 0x10FFFF) return 0;
  return n;
}

/// 1-based line and column (in code points) of byte `offset` in valid UTF-8 `s`. LF, CRLF and a
/// lone CR each end a line, as normalize_line_ends() reads them.
Location location_of(const std::string& path, std::string_view s, std::size_t offset) {
  Location where{path, 1, 1, offset};
  for (std::size_t i = 0; i < offset && i < s.size();) {
    if (s[i] == '\n' || s[i] == '\r') {
      if (s[i] == '\r' && i + 1 < offset && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      ++where.line;
      where.column = 1;
      ++i;
      continue;
    }
    const std::size_t n = utf8_sequence_length(s, i);
    i += n == 0 ? 1 : n;
    ++where.column;
  }
  return where;
}

Status check_text(const std::string& path, std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    if (bytes[i] == '\0') {
      return {StatusCode::bad_input, "NUL byte (U+0000): binary file, not text",
              location_of(path, bytes, i)};
    }
    const std::size_t n = utf8_sequence_length(bytes, i);
    if (n == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[i])));
      return {StatusCode::bad_input, std::string("invalid UTF-8 byte ") + hex,
              location_of(path, bytes, i)};
    }
    i += n;
  }
  return Status::success();
}

/// CRLF and lone CR become LF, so that offsets agree with what every RDF parser reads back.
std::string normalize_line_ends(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

Result<std::string> to_nfc(const std::string& path, const std::string& text) {
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) return Status{StatusCode::internal, std::string("ICU NFC: ") + u_errorName(ec), {path}};
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  if (nfc->isNormalized(u, ec) && U_SUCCESS(ec)) return text;
  ec = U_ZERO_ERROR;
  const icu::UnicodeString normalized = nfc->normalize(u, ec);
  if (U_FAILURE(ec)) return Status{StatusCode::internal, std::string("ICU NFC: ") + u_errorName(ec), {path}};
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

std::uint32_t count_code_points(std::string_view s) {
  std::uint32_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++n;
  }
  return n;
}

bool is_only_whitespace(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
}

}  // namespace

Result<Document> make_document(std::string id, std::string source_path, std::string_view bytes,
                               const IngestOptions& options) {
  if (bytes.size() > options.max_document_bytes) {
    return Status{StatusCode::bad_input,
                  "document is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                      std::to_string(options.max_document_bytes) + " (--max-document-bytes)",
                  {source_path}};
  }
  // UTF-16 with a byte order mark (Windows tools write it): converted to UTF-8 with ICU, unpaired
  // surrogates refused with their byte offset.
  std::string converted;
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    if (bytes.size() % 2 != 0) {
      return Status{StatusCode::bad_input, "UTF-16 text with an odd number of bytes (truncated?)",
                    {source_path, 0, 0, bytes.size() - 1}};
    }
    const bool little = bytes[0] == '\xFF';
    std::u16string units;
    units.reserve(bytes.size() / 2 - 1);
    for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
      const auto lo = static_cast<unsigned char>(bytes[little ? i : i + 1]);
      const auto hi = static_cast<unsigned char>(bytes[little ? i + 1 : i]);
      units.push_back(static_cast<char16_t>((hi << 8U) | lo));
    }
    for (std::size_t i = 0; i < units.size(); ++i) {
      const char16_t u = units[i];
      const bool high = u >= 0xD800 && u <= 0xDBFF;
      const bool low = u >= 0xDC00 && u <= 0xDFFF;
      if ((high && (i + 1 >= units.size() || units[i + 1] < 0xDC00 || units[i + 1] > 0xDFFF)) || low) {
        return Status{StatusCode::bad_input, "UTF-16 text with an unpaired surrogate", {source_path, 0, 0, 2 + 2 * i}};
      }
      if (high) ++i;
    }
    icu::UnicodeString(units.data(), static_cast<int32_t>(units.size())).toUTF8String(converted);
    bytes = converted;
  }
  if (Status st = check_text(source_path, bytes); !st.ok()) {
    // After UTF-16 conversion a byte offset would count converted bytes: keep line and column.
    if (!converted.empty()) st = Status{st.code(), st.message(), {st.where().path, st.where().line, st.where().column}};
    return st;
  }
  // The id becomes the dct:identifier literal: a file name that is not UTF-8 cannot be one.
  for (std::size_t i = 0; i < id.size();) {
    const std::size_t n = utf8_sequence_length(id, i);
    if (n == 0 || id[i] == '\0') {
      return Status{StatusCode::bad_input, "document id (file name) is not valid UTF-8 at byte " + std::to_string(i),
                    {source_path}};
    }
    i += n;
  }
  // Byte order marks: a tool that adds one to a file that has one leaves two; all are dropped.
  while (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string text = normalize_line_ends(bytes);
  if (is_only_whitespace(text)) {
    return Status{StatusCode::bad_input, "empty document: no text", {source_path}};
  }
  auto nfc = to_nfc(source_path, text);
  if (!nfc.ok()) return nfc.status();
  Document doc;
  doc.id = std::move(id);
  doc.source_path = std::move(source_path);
  doc.text = std::move(nfc).value();
  doc.length_cp = count_code_points(doc.text);
  doc.meta = find_metadata(doc.text);
  return doc;
}

namespace {

/// What a path that is not a regular file is, for messages.
std::string describe_file_type(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::directory: return "a directory";
    default: return "not a regular file";
  }
}

/// Why `path` cannot be read as a document, or success when it is a regular file. Reading
/// failures are bad input (the document is skipped; --strict stops with exit 3), never an
/// output failure.
Status check_readable(const std::string& path) {
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(path, ec);
  const fs::file_status target = fs::status(path, ec);
  if (fs::is_symlink(link) && !fs::exists(target)) {
    std::error_code ignored;
    return {StatusCode::bad_input,
            "cannot read: dangling symbolic link to '" + fs::read_symlink(path, ignored).string() + "'", {path}};
  }
  if (ec) return {StatusCode::bad_input, "cannot read: " + ec.message(), {path}};
  if (!fs::exists(target)) return {StatusCode::bad_input, "cannot read: no such file or directory", {path}};
  if (!fs::is_regular_file(target)) {
    return {StatusCode::bad_input, "cannot read: " + describe_file_type(target.type()) + ", not a regular file",
            {path}};
  }
  return Status::success();
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

Result<Document> read_document(const std::string& path, const IngestOptions& options) {
  std::string bytes;
  if (path == "-") {
    bytes.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) return Status{StatusCode::bad_input, "cannot read standard input", {"-"}};
  } else {
    NKG_TRY(check_readable(path));
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return Status{StatusCode::bad_input, "cannot read: " + ec.message(), {path}};
    if (size > options.max_document_bytes) {
      return Status{StatusCode::bad_input,
                    "document is " + std::to_string(size) + " bytes, over the limit of " +
                        std::to_string(options.max_document_bytes) + " (--max-document-bytes)",
                    {path}};
    }
    const std::unique_ptr<std::FILE, FileCloser> in(std::fopen(path.c_str(), "rb"));
    if (!in) return Status{StatusCode::bad_input, std::string("cannot open: ") + std::strerror(errno), {path}};
    // fread, not an istream: a stream turns a read error (EIO) into a quiet end of file, and a
    // truncated document would be exported as if it were whole.
    bytes.resize(static_cast<std::size_t>(size));
    std::size_t got = 0;
    for (;;) {
      if (got == bytes.size()) bytes.resize(std::max<std::size_t>(bytes.size() * 2, 4096));
      const std::size_t n = std::fread(bytes.data() + got, 1, bytes.size() - got, in.get());
      got += n;
      if (got > options.max_document_bytes) break;  // a file that grows (or /proc) is not read forever
      if (n != 0) continue;
      if (std::ferror(in.get()) != 0) {
        return Status{StatusCode::bad_input, std::string("read error: ") + std::strerror(errno), {path, 0, 0, got}};
      }
      break;
    }
    bytes.resize(got);
    if (bytes.size() > options.max_document_bytes) {
      return Status{StatusCode::bad_input,
                    "document grew past the limit of " + std::to_string(options.max_document_bytes) +
                        " bytes while it was read (--max-document-bytes)",
                    {path}};
    }
  }
  return make_document(document_id_for_path(path), path, bytes, options);
}

namespace {
bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}
}  // namespace

std::vector<std::string> list_inputs(const std::vector<std::string>& inputs, DiagnosticSink& diagnostics) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      const bool is_dangling = fs::is_symlink(fs::symlink_status(input, ec));
      diagnostics.report({Severity::error, {input}, is_dangling ? "dangling symbolic link" : "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    std::set<fs::path> visited_dirs;
    visited_dirs.insert(fs::canonical(input, ec));
    auto it = fs::recursive_directory_iterator(input, fs::directory_options::follow_directory_symlink, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (is_hidden(p)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_directory(ec)) {
        // A directory symlink that leads back to a folder already seen would loop forever.
        if (!visited_dirs.insert(fs::canonical(p, ec)).second) {
          diagnostics.report({Severity::warning, {p.string()}, "directory already visited (symlink loop); skipped"});
          it.disable_recursion_pending();
        }
        continue;
      }
      // Anything else that is not hidden (a regular file, a FIFO, a socket, a dangling symlink)
      // goes on to read_document, which reads it or says why it cannot: never dropped in silence.
      ec.clear();
      found.push_back(p.string());
    }
    if (ec) diagnostics.report({Severity::error, {input}, "cannot list directory: " + ec.message()});
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace nkg::ingest
