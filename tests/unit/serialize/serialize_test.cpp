#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace {

using nkg::Quad;
using nkg::serialize::Syntax;

constexpr const char* kId = "https://w3id.org/newskg/id/";
constexpr const char* kNs = "https://w3id.org/newskg/ns#";
constexpr const char* kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr const char* kLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr const char* kXsdDate = "http://www.w3.org/2001/XMLSchema#date";

Quad q(std::string s, std::string p, nkg::Term o, std::string g = {}) {
  return {nkg::iri(std::move(s)), nkg::iri(std::move(p)), std::move(o),
          g.empty() ? nkg::Term{} : nkg::iri(std::move(g))};
}

std::string write(Syntax syntax, const std::vector<Quad>& quads) {
  nkg::serialize::StringByteSink out;
  auto w = nkg::serialize::make_syntax_writer(syntax, out);
  REQUIRE(w->prefix("nkg", kNs).ok());
  REQUIRE(w->prefix("state", std::string(kId) + "state/").ok());
  for (const auto& quad : quads) REQUIRE(w->quad(quad).ok());
  REQUIRE(w->finish().ok());
  return out.str();
}

std::vector<Quad> sample() {
  const std::string blr = std::string(kId) + "state/BLR";
  const std::string doc = std::string(kId) + "doc/a";
  return {
      q(blr, kRdfType, nkg::iri(std::string(kNs) + "State"), doc),
      q(blr, kLabel, nkg::lang_literal("Belarus", "en"), doc),
      q(blr, std::string(kNs) + "isoAlpha3", nkg::literal("BLR"), doc),
  };
}

}  // namespace

TEST_CASE("PrefixTable qualifies only local names that need no escape") {
  nkg::serialize::PrefixTable t;
  t.add("state", "https://w3id.org/newskg/id/state/");
  t.add("id", "https://w3id.org/newskg/id/");
  CHECK(t.qualify("https://w3id.org/newskg/id/state/BLR") == "state:BLR");
  // The longest namespace wins; a slash would need "\/" in the local part, so no prefix.
  CHECK(t.qualify("https://w3id.org/newskg/id/doc/a") == "");
  CHECK(t.qualify("https://w3id.org/newskg/id/doc") == "id:doc");
  CHECK(t.qualify("https://w3id.org/newskg/id/state/a%20b") == "");
  CHECK(t.qualify("https://w3id.org/newskg/id/state/x.") == "");
  CHECK(t.qualify("https://example.org/x") == "");
}

TEST_CASE("check_quad refuses IRIs that no RDF syntax can carry") {
  CHECK(nkg::serialize::check_quad(sample()[0]).ok());
  auto bad = sample()[0];
  bad.subject = nkg::iri("https://w3id.org/newskg/id/person/a b");
  CHECK(nkg::serialize::check_quad(bad).code() == nkg::StatusCode::bad_data);
  bad.subject = nkg::iri("person/relative");
  CHECK_FALSE(nkg::serialize::check_quad(bad).ok());
  bad.subject = nkg::iri("https://x.org/<y>");
  CHECK_FALSE(nkg::serialize::check_quad(bad).ok());
}

TEST_CASE("a literal holding U+0000 is refused, not cut short (fuzz_writers regression)") {
  auto q = sample()[0];
  q.object = nkg::literal(std::string("a\0b", 3));
  CHECK(nkg::serialize::check_quad(q).code() == nkg::StatusCode::bad_data);
  q.object = nkg::literal("a\u0001b");
  CHECK(nkg::serialize::check_quad(q).ok());
}

TEST_CASE("IRIs with dot segments are refused: resolving readers would change them (fuzz_writers regression)") {
  auto q = sample()[0];
  for (const char* dotted : {"http://a/b/../c/", "http://a/./c", "http://a/b/..", "urn:x/./y"}) {
    q.subject = nkg::iri(dotted);
    CHECK_MESSAGE(nkg::serialize::check_quad(q).code() == nkg::StatusCode::bad_data, dotted);
  }
  for (const char* fine : {"http://a/b/..c/", "http://a/b.c/d", "http://a/b?x=/../", "http://a/b#/./", "http://../"}) {
    q.subject = nkg::iri(fine);
    CHECK_MESSAGE(nkg::serialize::check_quad(q).ok(), fine);
  }
}

TEST_CASE("Turtle: prefixes, `a`, grouping by subject, escaped literals") {
  auto quads = sample();
  quads.push_back(q(std::string(kId) + "state/BLR", std::string(kNs) + "quote",
                    nkg::literal("He said \"no\"\n\\ok")));
  const std::string ttl = write(Syntax::turtle, quads);
  CHECK(ttl.find("@prefix nkg: <https://w3id.org/newskg/ns#> .") != std::string::npos);
  CHECK(ttl.find("state:BLR") != std::string::npos);
  CHECK(ttl.find("\ta nkg:State") != std::string::npos);
  INFO(ttl);
  // A literal with a line break is written as a long string; the backslash is escaped.
  CHECK(ttl.find("\"\"\"He said \"no\"\n\\\\ok\"\"\"") != std::string::npos);
  // One subject block: the subject is written once.
  std::size_t count = 0;
  for (auto at = ttl.find("state:BLR"); at != std::string::npos; at = ttl.find("state:BLR", at + 1)) ++count;
  CHECK(count == 1);
  CHECK(ttl.find("doc/a") == std::string::npos);  // Turtle drops the graph
}

TEST_CASE("TriG writes <g> { } blocks without the GRAPH keyword; N-Quads one line per quad") {
  const std::string trig = write(Syntax::trig, sample());
  CHECK(trig.find("<https://w3id.org/newskg/id/doc/a> {") != std::string::npos);
  CHECK(trig.find("GRAPH") == std::string::npos);
  const std::string nq = write(Syntax::nquads, sample());
  CHECK(nq ==
        "<https://w3id.org/newskg/id/state/BLR> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/newskg/ns#State> <https://w3id.org/newskg/id/doc/a> .\n"
        "<https://w3id.org/newskg/id/state/BLR> <http://www.w3.org/2000/01/rdf-schema#label> "
        "\"Belarus\"@en <https://w3id.org/newskg/id/doc/a> .\n"
        "<https://w3id.org/newskg/id/state/BLR> <https://w3id.org/newskg/ns#isoAlpha3> "
        "\"BLR\" <https://w3id.org/newskg/id/doc/a> .\n");
  const std::string nt = write(Syntax::ntriples, sample());
  CHECK(nt.find("doc/a") == std::string::npos);
  CHECK(std::count(nt.begin(), nt.end(), '\n') == 3);
}

TEST_CASE("a writer refuses a bad quad instead of writing broken syntax") {
  nkg::serialize::StringByteSink out;
  auto w = nkg::serialize::make_syntax_writer(Syntax::ntriples, out);
  auto bad = sample()[0];
  bad.object = nkg::iri("not an iri");
  CHECK(w->quad(bad).code() == nkg::StatusCode::bad_data);
}

TEST_CASE("sorting buffer: order-independent, deduplicated, rdf:type first") {
  auto quads = sample();
  std::vector<Quad> reversed(quads.rbegin(), quads.rend());
  reversed.push_back(quads[1]);  // a duplicate
  auto sorted = [](const std::vector<Quad>& in) {
    nkg::serialize::StringByteSink out;
    auto w = nkg::serialize::make_syntax_writer(Syntax::nquads, out);
    auto buf = nkg::serialize::make_sorting_buffer(*w, false);
    for (const auto& quad : in) REQUIRE(buf->quad(quad).ok());
    REQUIRE(buf->finish().ok());
    return out.str();
  };
  const std::string a = sorted(quads);
  CHECK(a == sorted(reversed));
  CHECK(std::count(a.begin(), a.end(), '\n') == 3);
  CHECK(a.rfind("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", 0) == std::string::npos);
  CHECK(a.find("#type>") < a.find("#label>"));
}

TEST_CASE("JSON-LD: compacted with the context; typed values stay strings") {
  const auto ctx = nkg::serialize::JsonLdContext::parse(R"({"@context": {
      "nkg": "https://w3id.org/newskg/ns#",
      "xsd": "http://www.w3.org/2001/XMLSchema#",
      "State": "nkg:State",
      "label": {"@id": "http://www.w3.org/2000/01/rdf-schema#label", "@language": "en"},
      "date": {"@id": "nkg:date", "@type": "xsd:date"}}})");
  REQUIRE(ctx.ok());
  nkg::serialize::StringByteSink out;
  auto w = nkg::serialize::make_jsonld_writer(ctx.value(), "https://w3id.org/newskg/context.jsonld", out);
  auto quads = sample();
  quads.push_back(q(std::string(kId) + "state/BLR", std::string(kNs) + "date",
                    nkg::typed_literal("2024-08-22", kXsdDate)));
  quads.push_back(q(std::string(kId) + "state/BLR", std::string(kNs) + "confidence",
                    nkg::typed_literal("0.9", "http://www.w3.org/2001/XMLSchema#decimal")));
  for (const auto& quad : quads) REQUIRE(w->quad(quad).ok());
  REQUIRE(w->finish().ok());
  const std::string json = out.str();
  CHECK(json.find(R"("@context": "https://w3id.org/newskg/context.jsonld")") != std::string::npos);
  CHECK(json.find(R"("@type": "State")") != std::string::npos);
  CHECK(json.find(R"("label": "Belarus")") != std::string::npos);
  CHECK(json.find(R"("date": "2024-08-22")") != std::string::npos);
  // Not in the context: a compact IRI key and a typed value object, never a JSON number.
  CHECK(json.find(R"("nkg:confidence")") != std::string::npos);
  CHECK(json.find(R"("@value": "0.9")") != std::string::npos);
  CHECK(json.find(": 0.9") == std::string::npos);
}

TEST_CASE("JSON-LD: blank nodes of data read (the ontology's lists) stay blank nodes, never relative IRIs") {
  const auto ctx = nkg::serialize::JsonLdContext::parse(R"({"@context": {
      "nkg": "https://w3id.org/newskg/ns#",
      "range": {"@id": "http://www.w3.org/2000/01/rdf-schema#range", "@type": "@id"}}})");
  REQUIRE(ctx.ok());
  nkg::serialize::StringByteSink out;
  auto w = nkg::serialize::make_jsonld_writer(ctx.value(), "https://w3id.org/newskg/context.jsonld", out);
  REQUIRE(w->quad({nkg::iri(std::string(kNs) + "agent"), nkg::iri("http://www.w3.org/2000/01/rdf-schema#range"),
                   nkg::blank("b1"), {}}).ok());
  REQUIRE(w->quad({nkg::blank("b1"), nkg::iri("http://www.w3.org/2002/07/owl#unionOf"), nkg::blank("b2"), {}}).ok());
  REQUIRE(w->finish().ok());
  const std::string json = out.str();
  CHECK(json.find(R"("range": "_:b1")") != std::string::npos);
  CHECK(json.find(R"("@id": "_:b1")") != std::string::npos);
  CHECK(json.find(R"("@id": "_:b2")") != std::string::npos);
  CHECK(json.find(R"("b1")") == std::string::npos);
}

TEST_CASE("JsonLdContext::parse reports malformed JSON") {
  CHECK_FALSE(nkg::serialize::JsonLdContext::parse("{\"@context\": {").ok());
  CHECK_FALSE(nkg::serialize::JsonLdContext::parse("[1, 2]").ok());
}

TEST_CASE("AtomicFile: appears only on commit, leaves nothing behind otherwise") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "nkg-atomic-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "out.ttl").string();
  {
    auto f = nkg::serialize::AtomicFile::create(path);
    REQUIRE(f.ok());
    REQUIRE(f.value()->write("partial").ok());
    CHECK_FALSE(fs::exists(path));
  }  // destroyed uncommitted
  CHECK(fs::is_empty(dir));
  {
    auto f = nkg::serialize::AtomicFile::create(path);
    REQUIRE(f.ok());
    REQUIRE(f.value()->write("complete\n").ok());
    REQUIRE(f.value()->commit().ok());
  }
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == "complete\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator{}) == 1);
  CHECK_FALSE(nkg::serialize::AtomicFile::create((dir / "missing" / "x.ttl").string()).ok());
  fs::remove_all(dir);
}

TEST_CASE("VoID counts the union graph") {
  nkg::serialize::StringByteSink out;
  auto w = nkg::serialize::make_syntax_writer(Syntax::ntriples, out);
  auto v = nkg::serialize::make_void_counter(*w, kId);
  auto quads = sample();
  quads.push_back(quads[0]);  // the same triple in another graph counts once
  quads.back().graph = nkg::iri(std::string(kId) + "doc/b");
  for (const auto& quad : quads) REQUIRE(v->quad(quad).ok());
  REQUIRE(v->finish().ok());
  const std::string nt = out.str();
  const std::string ds = "<https://w3id.org/newskg/id/dataset/newskg>";
  CHECK(nt.find(ds + " <http://rdfs.org/ns/void#triples> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer>") !=
        std::string::npos);
  CHECK(nt.find(ds + " <http://rdfs.org/ns/void#distinctSubjects> \"1\"^^") != std::string::npos);
  CHECK(nt.find("<http://rdfs.org/ns/void#class> <https://w3id.org/newskg/ns#State>") != std::string::npos);
}

// Issue 7 (hardening, found by tests/fuzz): terms no RDF syntax can carry are refused, and
// every accepted one reads back with Serd exactly as written.
TEST_CASE("issue 7: check_quad refuses bad blank labels, language tags and IRIs that are not UTF-8") {
  auto quad = sample()[1];
  CHECK(nkg::serialize::check_quad(quad).ok());
  quad.object = nkg::lang_literal("Belarus", "en-GB");
  CHECK(nkg::serialize::check_quad(quad).ok());
  for (const char* tag : {"en GB", "en-", "-en", "1en", "en_GB", "en\"", "en\n"}) {
    INFO(tag);
    quad.object = nkg::lang_literal("Belarus", tag);
    CHECK(nkg::serialize::check_quad(quad).code() == nkg::StatusCode::bad_data);
  }
  quad = sample()[0];
  quad.subject = nkg::blank("b0");
  CHECK(nkg::serialize::check_quad(quad).ok());
  quad.subject = nkg::blank("r\xC3\xA9sum\xC3\xA9-1.x");  // PN_CHARS beyond ASCII are fine
  CHECK(nkg::serialize::check_quad(quad).ok());
  for (const char* label : {"", "a b", "a.", ".a", "-a", "a:b", "a\"b", "\xFF"}) {
    INFO(label);
    quad.subject = nkg::blank(label);
    CHECK(nkg::serialize::check_quad(quad).code() == nkg::StatusCode::bad_data);
  }
  quad = sample()[0];
  quad.object = nkg::iri("https://example.org/\xFF");
  CHECK(nkg::serialize::check_quad(quad).code() == nkg::StatusCode::bad_data);
  quad.object = nkg::iri("https://example.org/\xED\xA0\x80");  // a UTF-16 surrogate
  CHECK(nkg::serialize::check_quad(quad).code() == nkg::StatusCode::bad_data);
  quad.object = nkg::iri("https://example.org/\xF0\x9F\x98\x80");
  CHECK(nkg::serialize::check_quad(quad).ok());
}

TEST_CASE("issue 7: a quote before an escaped character reads back from Turtle (Serd long strings)") {
  const std::string s = std::string(kId) + "doc/a";
  const auto dir = std::filesystem::temp_directory_path() / ("nkg-issue7-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  // Serd 0.30.16 reads the byte after a '"' in a """long string""" verbatim: each of these was
  // written so that serdi refused it or read another string.
  for (const std::string value : {"of \"Belarus\"\\.\n", "\"\x01\" \"\t\"\n", "107-}b\x01\"\"", "a\n\"\"\"b\"",
                                  "\"\x7F\"\n\"\r\""}) {
    INFO(value);
    const std::string ttl = write(Syntax::turtle, {q(s, std::string(kNs) + "quote", nkg::literal(value))});
    INFO(ttl);
    const auto path = (dir / "quote.ttl").string();
    std::ofstream(path, std::ios::binary | std::ios::trunc) << ttl;
    auto back = nkg::serialize::read_rdf_file(path);
    REQUIRE_MESSAGE(back.ok(), back.status().message());
    REQUIRE(back.value().size() == 1);
    CHECK(back.value()[0].object.value == value);
  }
  std::filesystem::remove_all(dir);
  // A plain quote followed by a newline keeps the readable long form.
  const std::string plain = write(Syntax::turtle, {q(s, std::string(kNs) + "quote", nkg::literal("\"yes\"\nno"))});
  CHECK(plain.find("\"\"\"\"yes\"\nno\"\"\"") != std::string::npos);
}

TEST_CASE("issue 7: a blank graph name is written as a blank node in N-Quads and TriG") {
  auto quad = sample()[0];
  quad.graph = nkg::blank("g1");
  nkg::serialize::StringByteSink out;
  auto w = nkg::serialize::make_syntax_writer(Syntax::nquads, out);
  REQUIRE(w->quad(quad).ok());
  REQUIRE(w->finish().ok());
  CHECK(out.str().find(" _:g1 .\n") != std::string::npos);
  CHECK(out.str().find("<g1>") == std::string::npos);
}

TEST_CASE("issue 7: JSON-LD writes blank nodes as _: labels and refuses IRIs it would misread") {
  auto ctx = nkg::serialize::JsonLdContext::parse(R"({"@context": {"wd": "http://www.wikidata.org/entity/"}})");
  REQUIRE(ctx.ok());
  nkg::serialize::StringByteSink out;
  auto w = nkg::serialize::make_jsonld_writer(ctx.value(), "ctx", out);
  Quad blank_quad{nkg::blank("b0"), nkg::iri(kLabel), nkg::blank("b1"), {}};
  REQUIRE(w->quad(blank_quad).ok());
  // "wd:Q1" is an absolute IRI (scheme "wd"), but JSON-LD would expand it with the wd prefix.
  CHECK(w->quad(q("wd:Q1", kLabel, nkg::literal("x"))).code() == nkg::StatusCode::bad_data);
  CHECK(w->quad(q("https://example.org/a", kLabel, nkg::iri("wd:Q1"))).code() == nkg::StatusCode::bad_data);
  CHECK(w->quad(q("http://www.wikidata.org/entity/Q1", kLabel, nkg::literal("x"))).ok());
  REQUIRE(w->finish().ok());
  INFO(out.str());
  CHECK(out.str().find("\"@id\": \"_:b0\"") != std::string::npos);
  CHECK(out.str().find("\"@id\": \"_:b1\"") != std::string::npos);
  CHECK(out.str().find("\"@id\": \"wd:Q1\"") != std::string::npos);  // compacted from the full IRI
}
