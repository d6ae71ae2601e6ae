#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "ingest/ingest.hpp"

using nkg::PartialDate;
using nkg::StatusCode;
using nkg::ingest::find_metadata;
using nkg::ingest::make_document;
using nkg::ingest::parse_date_prefix;

TEST_CASE("document id is the file name without its last extension") {
  CHECK(nkg::ingest::document_id_for_path("corpus/000_b0b5c80f07ef403a.txt") == "000_b0b5c80f07ef403a");
  CHECK(nkg::ingest::document_id_for_path("a/b.c.txt") == "b.c");
  CHECK(nkg::ingest::document_id_for_path("noext") == "noext");
  CHECK(nkg::ingest::document_id_for_path("-") == "stdin");
}

TEST_CASE("valid text is normalized: BOM dropped, CRLF and CR become LF, NFC") {
  // "e" + COMBINING ACUTE ACCENT composes to U+00E9 under NFC.
  auto doc = make_document("x", "x.txt", "\xEF\xBB\xBFOne\r\nTwo\rCafe\xCC\x81");
  REQUIRE(doc.ok());
  CHECK(doc.value().text == "One\nTwo\nCaf\xC3\xA9");
  CHECK(doc.value().length_cp == 12);
}

TEST_CASE("invalid UTF-8 names the line, column and byte") {
  auto doc = make_document("x", "x.txt", "ok\nab\xFF");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::bad_input);
  CHECK(doc.status().message() == "invalid UTF-8 byte 0xFF");
  CHECK(doc.status().where().line == 2);
  CHECK(doc.status().where().column == 3);
  CHECK(doc.status().where().byte_offset == 5);
}

TEST_CASE("overlong encodings and surrogates are invalid UTF-8") {
  CHECK_FALSE(make_document("x", "x", "\xC0\xAF").ok());
  CHECK_FALSE(make_document("x", "x", "\xED\xA0\x80").ok());
  CHECK(make_document("x", "x", "emoji \xF0\x9F\x98\x80").ok());
}

TEST_CASE("binary and empty input are refused with a reason") {
  CHECK(make_document("x", "x", std::string_view("a\0b", 3)).status().message() ==
        "NUL byte (U+0000): binary file, not text");
  CHECK(make_document("x", "x", " \n\t\n").status().message() == "empty document: no text");
}

TEST_CASE("UTF-16 with a byte order mark is converted; broken UTF-16 is refused") {
  const auto le = make_document("x", "x", std::string_view("\xFF\xFEH\0i\0\xAC\x20", 8));  // "Hi€"
  REQUIRE(le.ok());
  CHECK(le.value().text == "Hi\xE2\x82\xAC");
  const auto be = make_document("x", "x", std::string_view("\xFE\xFF\0H\0i", 6));
  REQUIRE(be.ok());
  CHECK(be.value().text == "Hi");
  CHECK(make_document("x", "x", std::string_view("\xFF\xFEH", 3)).status().message() ==
        "UTF-16 text with an odd number of bytes (truncated?)");
  const auto lone = make_document("x", "x", std::string_view("\xFF\xFEH\0\x00\xD8", 6));
  CHECK(lone.status().message() == "UTF-16 text with an unpaired surrogate");
  CHECK(lone.status().where().byte_offset == 4U);
}

TEST_CASE("documents over the size limit are refused") {
  nkg::ingest::IngestOptions options;
  options.max_document_bytes = 4;
  CHECK(make_document("x", "x", "12345", options).status().code() == StatusCode::bad_input);
  CHECK(make_document("x", "x", "1234", options).ok());
}

TEST_CASE("dates in English") {
  CHECK(parse_date_prefix("August 22, 2024 15:36").date == PartialDate{2024, 8, 22});
  CHECK(parse_date_prefix("22 August 2024").date == PartialDate{2024, 8, 22});
  CHECK(parse_date_prefix("2024-08-22").date == PartialDate{2024, 8, 22});
  CHECK(parse_date_prefix("January 2022").date == PartialDate{2022, 1, 0});
  CHECK(parse_date_prefix("Sept. 3, 2023").date.year == 0);  // "Sept." is not an abbreviation we take
  CHECK(parse_date_prefix("Sep. 3, 2023").date == PartialDate{2023, 9, 3});
  SUBCASE("no date") {
    CHECK(parse_date_prefix("August 22, Pozirk").date.year == 0);  // no year: not certain
    CHECK(parse_date_prefix("February 30, 2024").date.year == 0);
    CHECK(parse_date_prefix("May I say").date.year == 0);
    CHECK(parse_date_prefix("2024-13-01").date.year == 0);
  }
}

TEST_CASE("metadata: update line, headline, byline with date") {
  const std::string text =
      "Last update: January 24, 2025 15:36\n\nSite logo\n\nStates Trade Barbs Over Remarks\n\n"
      "By Jane Roe August 22, 2024\n\nNone\n\nThe body starts here and goes on for a good many words.\n";
  const auto meta = find_metadata(text);
  CHECK(meta.date_modified == PartialDate{2025, 1, 24});
  CHECK(meta.date_published == PartialDate{2024, 8, 22});
  REQUIRE(meta.headline);
  CHECK(*meta.headline == "States Trade Barbs Over Remarks");
  REQUIRE(meta.author);
  CHECK(*meta.author == "Jane Roe");
  REQUIRE(meta.author_span);
  CHECK(text.substr(meta.author_span->begin_cp, meta.author_span->size()) == "Jane Roe");
}

TEST_CASE("metadata: no headline when the article opens with its body") {
  const auto meta = find_metadata("A country did a thing today, officials said in a long statement.\nMore.\n");
  CHECK_FALSE(meta.headline);
  CHECK_FALSE(meta.date_published);
}

TEST_CASE("metadata: a section suffix is dropped from the title; a dateline is not a headline") {
  const auto meta = find_metadata("City 00:36\n\nLeader denounces outside interference | News\n\nBody text follows here.\n");
  REQUIRE(meta.headline);
  CHECK(*meta.headline == "Leader denounces outside interference");
}

// Issue 7: a file name that is not UTF-8 aborted the whole export (exit 70) because the id
// becomes the dct:identifier literal; now that one document is refused and skipped.
TEST_CASE("issue 7: a document id that is not UTF-8 is refused as bad input") {
  auto doc = make_document("bad\xFF\xC3name", "in/bad\xFF\xC3name.txt", "Kazakhstan summoned the envoy.");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::bad_input);
  CHECK(doc.status().message() == "document id (file name) is not valid UTF-8 at byte 3");
  CHECK(make_document("a\"b\\c<d> \xE2\x80\x8F\xF0\x9F\x98\x80", "x.txt", "Kazakhstan.").ok());
}

// Issue 7 (input policy): with lone CR line ends the position of a bad byte counted the whole
// file as line 1, while the text itself is read with CR as a line end.
TEST_CASE("issue 7: a lone CR ends a line in error positions, as CRLF and LF do") {
  const auto cr = make_document("x", "x.txt", "a\rb\rc\xFF");
  CHECK(cr.status().where().line == 3);
  CHECK(cr.status().where().column == 2);
  const auto crlf = make_document("x", "x.txt", "a\r\nb\r\nc\xFF");
  CHECK(crlf.status().where().line == 3);
  CHECK(crlf.status().where().column == 2);
  const auto lf = make_document("x", "x.txt", "a\nb\nc\xFF");
  CHECK(lf.status().where().line == 3);
  CHECK(lf.status().where().column == 2);
}

namespace {
/// A fresh folder under the system temp folder, removed with the object.
struct TempDir {
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "nkg-ingest-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::filesystem::path path;
};
}  // namespace

// Issue 7: an input stream turned a read error (EIO) into a quiet end of file, so the document
// was "empty" (or, failing midway, exported truncated); now it is a read error with its byte.
TEST_CASE("issue 7: a read error is reported as such, not read as a short document") {
  // Reading /proc/self/mem from offset 0 fails with EIO (page 0 is never mapped).
  const auto doc = nkg::ingest::read_document("/proc/self/mem");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::bad_input);
  CHECK(doc.status().message() == "read error: Input/output error");
  CHECK(doc.status().where().byte_offset == 0U);
}

// Issue 7: a file that cannot be read was an io_error, which --strict turned into exit 4 (output
// not written); it is bad input. FIFOs are refused without blocking on an open with no writer.
TEST_CASE("issue 7: unreadable inputs are bad input with the reason") {
  const TempDir dir;
  const std::string fifo = (dir.path / "pipe.txt").string();
  REQUIRE(mkfifo(fifo.c_str(), 0644) == 0);
  const auto from_fifo = nkg::ingest::read_document(fifo);
  CHECK(from_fifo.status().code() == StatusCode::bad_input);
  CHECK(from_fifo.status().message() == "cannot read: a FIFO, not a regular file");
  const std::string dangling = (dir.path / "dangling.txt").string();
  std::filesystem::create_symlink("nowhere", dangling);
  const auto from_dangling = nkg::ingest::read_document(dangling);
  CHECK(from_dangling.status().code() == StatusCode::bad_input);
  CHECK(from_dangling.status().message() == "cannot read: dangling symbolic link to 'nowhere'");
  CHECK(nkg::ingest::read_document((dir.path / "missing.txt").string()).status().code() == StatusCode::bad_input);
}

// Issue 7: a dangling symlink or a FIFO inside an input folder was dropped in silence.
TEST_CASE("issue 7: every entry of a folder is listed, so none is dropped unreported") {
  const TempDir dir;
  { std::FILE* f = std::fopen((dir.path / "a.txt").c_str(), "wb"); REQUIRE(f != nullptr); std::fclose(f); }
  std::filesystem::create_symlink("nowhere", dir.path / "b.txt");
  REQUIRE(mkfifo((dir.path / "c.txt").c_str(), 0644) == 0);
  { std::FILE* f = std::fopen((dir.path / ".hidden").c_str(), "wb"); REQUIRE(f != nullptr); std::fclose(f); }
  nkg::CollectingDiagnosticSink diagnostics;
  const auto files = nkg::ingest::list_inputs({dir.path.string()}, diagnostics);
  CHECK(files == std::vector<std::string>{(dir.path / "a.txt").string(), (dir.path / "b.txt").string(),
                                          (dir.path / "c.txt").string()});
}

TEST_CASE("two byte order marks are both dropped (fuzz_ingest regression)") {
  auto doc = nkg::ingest::make_document("d", "d.txt", "\xEF\xBB\xBF\xEF\xBB\xBFKazakhstan");
  REQUIRE(doc.ok());
  CHECK(doc.value().text == "Kazakhstan");
}
