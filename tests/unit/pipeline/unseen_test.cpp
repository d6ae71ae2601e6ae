// An article unlike the sample corpus (other states, people, outlets): the rules are general.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "newskg.hpp"
#include "text/text.hpp"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string id = "https://w3id.org/newskg/id/";
const std::string ns = "https://w3id.org/newskg/ns#";

}  // namespace

TEST_CASE("an unseen article: people, posts, envoys, embassies, memberships") {
  auto pipeline = nkg::Pipeline::create({});
  REQUIRE(pipeline.ok());
  const auto quads = pipeline.value().run("unseen", read(std::string(NKG_SOURCE_DIR) + "/tests/data/unseen-poland-drone.txt"));
  REQUIRE(quads.ok());
  auto has = [&](const std::string& s, const std::string& p, const std::string& o) {
    return std::any_of(quads.value().begin(), quads.value().end(), [&](const nkg::Quad& q) {
      return q.subject.value == s && q.predicate.value == p && q.object.value == o;
    });
  };
  auto holds = [&](const std::string& person, const std::string& position) {
    return has(id + "person/" + nkg::text::person_key(person), ns + "holdsPosition", id + "position/" + position);
  };
  const std::string andreev = nkg::text::person_key("Sergei Andreev");
  CHECK(holds("Sergei Andreev", "ambassador-rus-to-pol--" + andreev));
  CHECK(holds("Olaf Scholz", "chancellor-deu--" + nkg::text::person_key("Olaf Scholz")));
  CHECK(holds("Viktor Orban", "prime-minister-hun--" + nkg::text::person_key("Viktor Orban")));
  CHECK(holds("Volodymyr Zelensky", "president-ukr--" + nkg::text::person_key("Volodymyr Zelensky")));
  CHECK(has(id + "org/pol-ministry-of-foreign-affairs", ns + "partOf", id + "state/POL"));
  CHECK(has(id + "org/rus-embassy-in-pol", ns + "partOf", id + "state/RUS"));
  CHECK(has(id + "place/lublin", ns + "locatedIn", id + "state/POL"));
  for (const char* state : {"EST", "LVA", "LTU"}) {
    CHECK(has(id + "state/" + state, ns + "memberOf", id + "org/nato"));
    CHECK(has(id + "state/" + state, ns + "memberOf", id + "org/european-union"));
  }
  // Poland summoned the Russian ambassador: a summons of Russia by Poland, with its envoy.
  const std::string summons = id + "event/summons-pol-rus-undated";
  CHECK(has(summons, ns + "agent", id + "state/POL"));
  CHECK(has(summons, ns + "target", id + "state/RUS"));
  CHECK(has(summons, ns + "envoy", id + "person/" + andreev));
  // The byline names a person, the author.
  CHECK(has(id + "doc/unseen", "https://schema.org/author", id + "person/" + nkg::text::person_key("Anna Kowalska")));
  // "Andreev" alone is the ambassador named in full.
  CHECK(std::count_if(quads.value().begin(), quads.value().end(), [&](const nkg::Quad& q) {
          return q.predicate.value == "http://www.w3.org/2005/11/its/rdf#taIdentRef" &&
                 q.object.value == id + "person/" + andreev;
        }) == 2);
}
