// fuzz_ingest: arbitrary bytes -> ingest::make_document. Invariant: a Document or a bad_input
// Status, never a crash; a Document has the guarantees ingest.hpp states (valid NFC UTF-8, LF
// line ends, no BOM, its code point count, metadata spans inside the text).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "ingest/ingest.hpp"

namespace {

using nkg::fuzz::check;

std::uint32_t code_points(std::string_view s) {
  std::uint32_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  return n;
}

void check_span(const std::optional<nkg::Span>& span, const nkg::Document& doc, std::string_view what) {
  if (!span) return;
  check(span->begin_cp <= span->end_cp && span->end_cp <= doc.length_cp, what, doc.text);
}

void check_document(const nkg::Document& doc, std::string_view id) {
  check(doc.id == id, "the document keeps its id");
  check(nkg::fuzz::is_utf8(doc.text), "document text is valid UTF-8", doc.text);
  check(doc.text.find('\r') == std::string::npos, "no CR survives line-end normalization");
  check(doc.text.find('\0') == std::string::npos, "no NUL in a document");
  check(doc.text.rfind("\xEF\xBB\xBF", 0) != 0, "the byte order mark is dropped");
  check(doc.length_cp == code_points(doc.text), "length_cp counts the code points");
  check_span(doc.meta.headline_span, doc, "headline span inside the text");
  check_span(doc.meta.author_span, doc, "author span inside the text");
  if (doc.meta.headline) check(nkg::fuzz::is_utf8(*doc.meta.headline), "headline is valid UTF-8");
  if (doc.meta.author) check(nkg::fuzz::is_utf8(*doc.meta.author), "author is valid UTF-8");
  if (doc.meta.url) check(nkg::fuzz::is_utf8(*doc.meta.url), "url is valid UTF-8");
  // NFC is idempotent: making a document of the text again changes nothing.
  auto again = nkg::ingest::make_document(doc.id, doc.source_path, doc.text);
  check(again.ok(), "a document's own text is a valid document", again.status().message());
  check(again.value().text == doc.text, "ingest is idempotent (NFC, line ends)", doc.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  nkg::ingest::IngestOptions options;
  options.max_document_bytes = std::uint64_t{1} << 20U;
  // The first line (up to 64 bytes) is also tried as the document id: file names are bytes too.
  const std::size_t newline = bytes.substr(0, 64).find('\n');
  const std::string id = newline == std::string_view::npos ? "fuzz" : std::string(bytes.substr(0, newline));
  auto doc = nkg::ingest::make_document(id, "fuzz.txt", bytes, options);
  if (doc.ok()) {
    check_document(doc.value(), id);
  } else {
    const nkg::Status st = doc.status();
    check(st.code() == nkg::StatusCode::bad_input, "a refused document is bad_input", st.message());
    check(!st.message().empty(), "a refusal says why");
    const nkg::Location& where = st.where();
    check(where.path == "fuzz.txt", "a refusal names the file", where.path);
    check(!where.byte_offset || *where.byte_offset <= size, "a refusal's byte offset is inside the input");
  }
  // The metadata and date scanners take any valid text; dates only from bytes they were given.
  if (nkg::fuzz::is_utf8(bytes)) (void)nkg::ingest::find_metadata(bytes);
  const auto date = nkg::ingest::parse_date_prefix(bytes);
  check(date.length <= size, "a date is no longer than its text");
  if (date.date.year != 0) {
    check(date.date.month >= 0 && date.date.month <= 12 && date.date.day >= 0 && date.date.day <= 31,
          "a parsed date is a calendar date", date.date.to_iso());
  }
  return 0;
}
