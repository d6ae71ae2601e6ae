// ingest/: files, directories and stdin -> Documents.
//
// Input: paths ("-" is stdin) or bytes. Output: Document with valid NFC UTF-8 text, LF line
// ends, no BOM, and the metadata the text gives (headline, byline, dates). Bad input (invalid
// UTF-8, NUL bytes, empty, too large) is a bad_input Status naming the file and position.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/document.hpp"
#include "core/status.hpp"

namespace nkg::ingest {

struct IngestOptions {
  std::uint64_t max_document_bytes = std::uint64_t{64} << 20U;  // 64 MiB
};

/// The document identifier for a path: its file name without the last extension.
[[nodiscard]] std::string document_id_for_path(std::string_view path);

/// Turns raw bytes into a Document: checks UTF-8, drops a BOM, normalizes line ends and NFC,
/// and finds the metadata. `source_path` is used in messages only.
[[nodiscard]] Result<Document> make_document(std::string id, std::string source_path,
                                             std::string_view bytes,
                                             const IngestOptions& options = {});

/// Reads a file ("-" = stdin) and makes a Document of it.
[[nodiscard]] Result<Document> read_document(const std::string& path,
                                             const IngestOptions& options = {});

/// One JSON Lines record, {"id", "text", "url", "title", "date"}, as a Document: "id" (a string,
/// or an integer) and "text" (a string) are required, the rest optional; "title" is the headline,
/// "date" (ISO 8601 or English) the publication date, "url" the article's address. Errors name
/// `source_path`, the 1-based `line_number` and the column (byte) in the line. Objects nested
/// deeper than 64 levels are refused.
[[nodiscard]] Result<Document> parse_json_line(std::string_view line, const std::string& source_path,
                                               std::uint64_t line_number, const IngestOptions& options = {});

/// Reads a file ("-" = stdin) line by line, in chunks, without holding more than
/// `max_line_bytes` of a line: a longer line is reported as such and skipped.
class LineReader {
 public:
  static Result<LineReader> open(const std::string& path, std::uint64_t max_line_bytes);
  LineReader(LineReader&& other) noexcept;
  LineReader& operator=(LineReader&&) = delete;
  LineReader(const LineReader&) = delete;
  ~LineReader();

  enum class Outcome : std::uint8_t { line, too_long, end, error };
  /// The next line (without its '\n' or "\r\n") into `line`.
  Outcome next(std::string& line);
  /// 1-based number of the line last returned.
  [[nodiscard]] std::uint64_t line_number() const { return line_number_; }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  LineReader(std::string path, std::FILE* file, std::uint64_t max_line_bytes);
  std::string path_;
  std::FILE* file_ = nullptr;
  std::uint64_t max_line_bytes_ = 0;
  std::uint64_t line_number_ = 0;
  std::string buffer_;
  std::size_t pos_ = 0;
  bool eof_ = false;
};

/// Expands the inputs into files: a directory contributes its regular files (recursively,
/// hidden files skipped, symlink loops avoided), sorted by path; "-" stays "-". Paths that do
/// not exist are reported to `diagnostics` and skipped.
[[nodiscard]] std::vector<std::string> list_inputs(const std::vector<std::string>& inputs,
                                                   DiagnosticSink& diagnostics);

/// Finds headline, byline and dates in the first lines of an article (metadata.cpp).
[[nodiscard]] DocumentMeta find_metadata(std::string_view text);

/// Parses a date written in English ("August 22, 2024", "22 August 2024", "2024-08-22",
/// "January 2022"); returns year 0 when `s` holds no date. Reads from the start of `s`.
struct DateMatch {
  PartialDate date;
  std::size_t length = 0;  // bytes consumed
};
[[nodiscard]] DateMatch parse_date_prefix(std::string_view s);

}  // namespace nkg::ingest
