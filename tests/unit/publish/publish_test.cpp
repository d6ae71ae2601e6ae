#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "publish/publish.hpp"

namespace {

using nkg::Quad;
using nkg::publish::Format;
using nkg::publish::negotiate;

constexpr const char* kBase = "https://example.org/id/";
constexpr const char* kType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr const char* kLabel = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr const char* kNif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
constexpr const char* kNonNeg = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";

Quad q(std::string s, std::string p, nkg::Term o) { return {nkg::iri(std::move(s)), nkg::iri(std::move(p)), std::move(o), {}}; }

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

nkg::publish::Export sample() {
  const std::string state = std::string(kBase) + "state/XYZ";
  const std::string doc = std::string(kBase) + "doc/d1";
  const std::string mention = doc + "#char=4,13";
  nkg::publish::Export e;
  e.quads = {
      q(state, kType, nkg::iri("https://w3id.org/newskg/ns#State")),
      q(state, kLabel, nkg::lang_literal("Xyz <b>&amp;</b> \"land\"", "en")),
      q(doc, kType, nkg::iri("https://w3id.org/newskg/ns#Document")),
      q(doc, std::string(kNif) + "isString", nkg::literal("The Xyzlandia story </script><!-- said.")),
      q(mention, std::string(kNif) + "anchorOf", nkg::literal("Xyzlandia")),
      q(mention, std::string(kNif) + "beginIndex", nkg::typed_literal("4", kNonNeg)),
      q(mention, std::string(kNif) + "endIndex", nkg::typed_literal("13", kNonNeg)),
      q(mention, std::string(kNif) + "referenceContext", nkg::iri(doc)),
      q(mention, "http://www.w3.org/2005/11/its/rdf#taIdentRef", nkg::iri(state)),
      q(std::string(kBase) + "odd/a%20b", kLabel, nkg::literal("no page")),
  };
  e.context_json = read(std::string(NKG_SOURCE_DIR) + "/ontology/context.jsonld");
  return e;
}

nkg::publish::Site make_site() {
  nkg::CollectingDiagnosticSink diagnostics;
  auto site = nkg::publish::Site::create(sample(), kBase, diagnostics);
  REQUIRE(site.ok());
  return std::move(site).value();
}

std::string body(const nkg::publish::Site& site, const std::string& path) {
  auto file = site.render(path);
  REQUIRE(file.ok());
  REQUIRE(file.value().has_value());
  return file.value()->body;
}

}  // namespace

TEST_CASE("negotiate: no header, an empty one or only wildcards give HTML") {
  CHECK(negotiate(std::nullopt) == Format::html);
  CHECK(negotiate("") == Format::html);
  CHECK(negotiate("*/*") == Format::html);
  CHECK(negotiate("text/*") == Format::html);
}

TEST_CASE("negotiate: the highest q wins; the most specific range sets a type's q") {
  CHECK(negotiate("text/turtle") == Format::turtle);
  CHECK(negotiate("application/ld+json") == Format::jsonld);
  CHECK(negotiate("application/n-triples") == Format::ntriples);
  CHECK(negotiate("text/html;q=0.5, text/turtle;q=0.9") == Format::turtle);
  CHECK(negotiate("application/ld+json;q=0.9, text/turtle;q=0.8, */*;q=0.1") == Format::jsonld);
  CHECK(negotiate("text/*;q=0.5, text/html;q=0") == Format::turtle);
  CHECK(negotiate("text/html;q=0, */*;q=0.1") == Format::turtle);
  CHECK(negotiate("TEXT/Turtle; charset=utf-8") == Format::turtle);
  CHECK(negotiate("application/json") == Format::jsonld);
  CHECK(negotiate("text/turtle;q=0.300, application/n-triples;q=0.301") == Format::ntriples);
}

TEST_CASE("negotiate: q=0 excludes, a malformed q voids its range, nothing acceptable is nullopt") {
  CHECK_FALSE(negotiate("image/png").has_value());
  CHECK_FALSE(negotiate("text/html;q=0, text/turtle;q=0, application/*;q=0").has_value());
  CHECK(negotiate("text/turtle;q=abc, application/n-triples;q=0.1") == Format::ntriples);
  CHECK(negotiate("text/turtle;q=1.5, application/ld+json;q=0.2") == Format::jsonld);
  CHECK(negotiate("text/turtle;q=0.1234, application/ld+json;q=0.2") == Format::jsonld);
}

TEST_CASE("site: the base must be absolute and end in '/'; something must lie under it") {
  nkg::CollectingDiagnosticSink diagnostics;
  CHECK(nkg::publish::Site::create(sample(), "https://example.org/id", diagnostics).status().code() ==
        nkg::StatusCode::bad_option);
  CHECK(nkg::publish::Site::create(sample(), "https://other.example/", diagnostics).status().code() ==
        nkg::StatusCode::bad_input);
}

TEST_CASE("site: pages for resources; hash IRIs live on their page; unsafe paths are reported, not published") {
  nkg::CollectingDiagnosticSink diagnostics;
  auto site = nkg::publish::Site::create(sample(), kBase, diagnostics);
  REQUIRE(site.ok());
  CHECK(site.value().resources() == std::vector<std::string>{"doc/d1", "state/XYZ"});
  REQUIRE(diagnostics.diagnostics.size() == 1);
  CHECK(diagnostics.diagnostics[0].message == "<https://example.org/id/odd/a%20b> gets no page: its path is not a safe file name");
  const auto paths = site.value().file_paths();
  CHECK(std::find(paths.begin(), paths.end(), "state/XYZ.jsonld") != paths.end());
  CHECK(std::find(paths.begin(), paths.end(), "doc/d1.nt") != paths.end());
}

TEST_CASE("site: HTML is escaped, the embedded JSON-LD cannot close its script, mentions link") {
  const auto site = make_site();
  const std::string state = body(site, "state/XYZ.html");
  CHECK(state.find("<title>Xyz &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;land&quot; · newskg</title>") != std::string::npos);
  CHECK(state.find("<b>") == std::string::npos);
  const std::string doc = body(site, "doc/d1.html");
  CHECK(doc.find("<a id=\"char=4,13\" href=\"../state/XYZ.html\"") != std::string::npos);
  CHECK(doc.find("story &lt;/script&gt;&lt;!-- said.") != std::string::npos);
  const std::size_t script = doc.find("<script type=\"application/ld+json\">");
  REQUIRE(script != std::string::npos);
  const std::size_t end = doc.find("</script>", script);
  CHECK(doc.substr(script, end - script).find("\\u003c/script\\u003e\\u003c!--") != std::string::npos);
  CHECK(doc.find("</script>", end + 1) == std::string::npos);
  // The entity page shows where it is mentioned, linked to the mention's place in the article.
  CHECK(state.find("href=\"../doc/d1.html#char=4,13\"") != std::string::npos);
}

TEST_CASE("site: descriptions hold the resource's triples, its mentions and the labels of what it links to") {
  const auto site = make_site();
  const std::string nt = body(site, "doc/d1.nt");
  CHECK(nt.find("<https://example.org/id/doc/d1#char=4,13> <http://www.w3.org/2005/11/its/rdf#taIdentRef>") != std::string::npos);
  CHECK(nt.find("<https://example.org/id/state/XYZ> <http://www.w3.org/2000/01/rdf-schema#label>") != std::string::npos);
  CHECK(nt.find("<https://example.org/id/state/XYZ> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>") == std::string::npos);
  const std::string state = body(site, "state/XYZ.nt");
  CHECK(state.find("<https://example.org/id/doc/d1#char=4,13> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> \"Xyzlandia\"") != std::string::npos);
  CHECK(state.find("isString") == std::string::npos);
  CHECK_FALSE(site.render("state/XYZ.pdf").value().has_value());
  CHECK_FALSE(site.render("state/NOPE.ttl").value().has_value());
}

TEST_CASE("respond: 303 from a resource to its document, documents 200, unknown 404") {
  const auto site = make_site();
  auto r = nkg::publish::respond(site, "/state/XYZ", "text/turtle");
  CHECK(r.status == 303);
  CHECK(r.location == "/state/XYZ.ttl");
  CHECK(r.varies_by_accept);
  CHECK(nkg::publish::respond(site, "/state/XYZ", std::nullopt).location == "/state/XYZ.html");
  CHECK(nkg::publish::respond(site, "/state/XYZ", "application/ld+json;q=0.4, application/n-triples").location ==
        "/state/XYZ.nt");
  CHECK(nkg::publish::respond(site, "/state/XYZ", "image/png").status == 406);
  r = nkg::publish::respond(site, "/state/XYZ.jsonld", "text/html");
  CHECK(r.status == 200);
  CHECK(r.content_type == "application/ld+json");
  CHECK(nkg::publish::respond(site, "/", std::nullopt).content_type == "text/html; charset=utf-8");
  CHECK(nkg::publish::respond(site, "/ns", "text/turtle").location == "/ns/newskg.ttl");
  CHECK(nkg::publish::respond(site, "/state/NOPE", std::nullopt).status == 404);
  CHECK(nkg::publish::respond(site, "/state", std::nullopt).status == 404);
  CHECK(nkg::publish::respond(site, "/odd/a%20b", std::nullopt).status == 404);
  CHECK(nkg::publish::respond(site, "/doc/d1#char=4,13", std::nullopt).status == 404);
}
