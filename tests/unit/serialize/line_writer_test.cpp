// The N-Triples / N-Quads line writer against Serd's writer: the same bytes for the same quads,
// on hand-picked hostile terms and on random ones; and the same refusals.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace {

using nkg::Quad;
using nkg::serialize::Syntax;

struct Written {
  std::string bytes;
  std::string error;  // the first refusal, or empty
};

Written write_with(bool serd, Syntax syntax, const std::vector<Quad>& quads) {
  nkg::serialize::StringByteSink out;
  const auto writer = serd ? nkg::serialize::make_serd_writer(syntax, out) : nkg::serialize::make_line_writer(syntax, out);
  Written w;
  for (const Quad& q : quads) {
    const nkg::Status st = writer->quad(q);
    if (!st.ok()) {
      w.error = st.message();
      break;
    }
  }
  if (w.error.empty()) {
    const nkg::Status st = writer->finish();
    if (!st.ok()) w.error = st.message();
  }
  w.bytes = out.str();
  return w;
}

void check_same(const std::vector<Quad>& quads) {
  for (const Syntax syntax : {Syntax::nquads, Syntax::ntriples}) {
    const Written serd = write_with(true, syntax, quads);
    const Written line = write_with(false, syntax, quads);
    CHECK(line.error == serd.error);
    if (serd.error.empty()) CHECK(line.bytes == serd.bytes);
  }
}

const nkg::Term kGraph = nkg::iri("https://example.org/doc/1");

Quad with_object(nkg::Term o) {
  return {nkg::iri("https://example.org/s/Ça_va"), nkg::iri("https://example.org/p"), std::move(o), kGraph};
}

}  // namespace

TEST_CASE("line writer: the bytes Serd writes for hostile literals and IRIs") {
  std::vector<Quad> quads;
  for (const std::string& text : {std::string("plain"), std::string(""), std::string("say \"hi\""),
                                 std::string("back\\slash"), std::string("tab\tnew\nline\rreturn"),
                                 std::string("bell\a form\f back\b esc\x1b del\x7f"), std::string("\x01\x1f"),
                                 std::string("Łukašenka — “quoted” 😀"), std::string("\"\"\"triple\"\"\""),
                                 std::string("ends with \\"), std::string("ends with \"")}) {
    quads.push_back(with_object(nkg::literal(text)));
    quads.push_back(with_object(nkg::lang_literal(text, "be-Latn")));
    quads.push_back(with_object(nkg::typed_literal(text, "http://www.w3.org/2001/XMLSchema#string")));
  }
  quads.push_back(with_object(nkg::iri("https://example.org/ünï/κόσμε?q=a&b=%20#frag")));
  quads.push_back(with_object(nkg::blank("b0")));
  quads.push_back({nkg::blank("n1"), nkg::iri("https://example.org/p"), nkg::literal("x"), nkg::blank("g1")});
  quads.push_back({nkg::iri("https://example.org/s"), nkg::iri("https://example.org/p"), nkg::literal("x"), {}});
  check_same(quads);
}

TEST_CASE("line writer: the same refusals as Serd's writer") {
  for (const Quad& q : {with_object(nkg::iri("https://example.org/a b")), with_object(nkg::iri("no-scheme")),
                        with_object(nkg::iri("https://example.org/a/../b")), with_object(nkg::literal("bad \xC3")),
                        with_object(nkg::literal(std::string("nul \0 inside", 12))),
                        with_object(nkg::lang_literal("x", "not a tag")), with_object(nkg::blank("bad label"))}) {
    const Written line = write_with(false, Syntax::nquads, {q});
    CHECK_FALSE(line.error.empty());
    CHECK(line.error == write_with(true, Syntax::nquads, {q}).error);
    CHECK(line.bytes.empty());
  }
}

TEST_CASE("line writer: the bytes Serd writes for random literals") {
  // Random strings over the characters that escaping treats specially, ASCII and multi-byte
  // UTF-8; a fixed seed so that a failure repeats.
  const std::vector<std::string> pieces{"a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\x01", "\x7f", "\x1f",
                                        "é", "ж", "€", "𝄞", "''", "<", ">", "{", "@", "^^", "#"};
  std::mt19937 random(20261202U);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  std::vector<Quad> quads;
  for (int n = 0; n < 2000; ++n) {
    std::string text;
    for (int k = length(random); k > 0; --k) text += pieces[pick(random)];
    quads.push_back(with_object(n % 2 == 0 ? nkg::literal(text) : nkg::lang_literal(text, "en")));
  }
  check_same(quads);
}

TEST_CASE("unique line writer: each distinct quad once, in the order received") {
  const Quad a = with_object(nkg::literal("a"));
  const Quad b = with_object(nkg::lang_literal("a", "en"));  // differs from a only in its language
  const Quad c = with_object(nkg::typed_literal("a", "http://www.w3.org/2001/XMLSchema#token"));
  const Quad d = with_object(nkg::iri("https://example.org/a"));
  const std::vector<Quad> stream{c, a, b, a, d, c, b, d, a};
  nkg::serialize::StringByteSink out;
  const auto writer = nkg::serialize::make_unique_line_writer(Syntax::nquads, out);
  for (const Quad& q : stream) REQUIRE(writer->quad(q).ok());
  CHECK(out.str().empty());  // kept until finish()
  REQUIRE(writer->finish().ok());
  CHECK(out.str() == write_with(true, Syntax::nquads, {c, a, b, d}).bytes);
}

TEST_CASE("unique line writer: a refused quad is reported and written nowhere") {
  nkg::serialize::StringByteSink out;
  const auto writer = nkg::serialize::make_unique_line_writer(Syntax::nquads, out);
  REQUIRE(writer->quad(with_object(nkg::literal("kept"))).ok());
  CHECK_FALSE(writer->quad(with_object(nkg::iri("https://example.org/a b"))).ok());
  REQUIRE(writer->finish().ok());
  CHECK(out.str() == write_with(true, Syntax::nquads, {with_object(nkg::literal("kept"))}).bytes);
}

TEST_CASE("writers refuse an empty IRI, also as the first quad's predicate (fuzz_writers regression)") {
  // The checker remembers the last IRI at each place, starting from nothing: an empty IRI must
  // not pass as the one seen before.
  const Quad empty_predicate{nkg::iri("https://schema.org/"), nkg::iri(""), nkg::literal(""), nkg::iri("urn:x:")};
  for (const Syntax syntax : {Syntax::nquads, Syntax::ntriples, Syntax::turtle, Syntax::trig}) {
    nkg::serialize::StringByteSink out;
    const auto writer = nkg::serialize::make_syntax_writer(syntax, out);
    const nkg::Status st = writer->quad(empty_predicate);
    CHECK(st.code() == nkg::StatusCode::bad_data);
  }
  CHECK_FALSE(nkg::serialize::check_quad(empty_predicate).ok());
}
