#include <doctest/doctest.h>

#include <algorithm>

#include "newskg.hpp"

TEST_CASE("the library runs on a string without the CLI") {
  auto pipeline = nkg::Pipeline::create({});
  REQUIRE(pipeline.ok());
  auto quads = pipeline.value().run("note", "Armenia recalled its envoy from Minsk.");
  REQUIRE(quads.ok());
  const auto has_object = [&](const std::string& o) {
    return std::any_of(quads.value().begin(), quads.value().end(), [&](const nkg::Quad& q) { return q.object.value == o; });
  };
  CHECK(has_object("https://w3id.org/newskg/id/state/ARM"));
  CHECK(has_object("https://w3id.org/newskg/id/place/minsk"));
  // Every quad is in the document's graph; quads come sorted and unique.
  CHECK(std::all_of(quads.value().begin(), quads.value().end(),
                    [](const nkg::Quad& q) { return q.graph.value == "https://w3id.org/newskg/id/doc/note"; }));
  CHECK(std::is_sorted(quads.value().begin(), quads.value().end()));
}

TEST_CASE("a bad base IRI is refused when the pipeline is built") {
  nkg::PipelineOptions options;
  options.base = "no-scheme/";
  CHECK(nkg::Pipeline::create(options).status().code() == nkg::StatusCode::bad_option);
}

TEST_CASE("bad text is a Status, not an exception") {
  auto pipeline = nkg::Pipeline::create({});
  REQUIRE(pipeline.ok());
  CHECK(pipeline.value().run("bad", "\xFF").status().code() == nkg::StatusCode::bad_input);
}
