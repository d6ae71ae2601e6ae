#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/text.hpp"

namespace {
std::vector<std::string> words(const std::string& s) {
  auto seg = nkg::text::Segmenter::create();
  REQUIRE(seg.ok());
  std::vector<std::string> out;
  for (const auto& t : seg.value().segment(s).tokens) out.emplace_back(nkg::text::token_text(s, t));
  return out;
}
}  // namespace

TEST_CASE("tokens drop whitespace and keep punctuation; possessives stay on the word") {
  CHECK(words("Belarus\xE2\x80\x99s envoy, Russia-led.") ==
        std::vector<std::string>{"Belarus\xE2\x80\x99s", "envoy", ",", "Russia", "-", "led", "."});
}

TEST_CASE("offsets are code points, bytes are bytes") {
  auto seg = nkg::text::Segmenter::create();
  REQUIRE(seg.ok());
  const std::string s = "\xC5\x81uka\xC5\xA1" "enka said";  // "Łukašenka said"
  const auto out = seg.value().segment(s);
  REQUIRE(out.tokens.size() == 2);
  CHECK(out.tokens[0].span == nkg::Span{0, 9});
  CHECK(out.tokens[0].end_byte == 11);
  CHECK(out.tokens[1].span == nkg::Span{10, 14});
  CHECK(out.tokens[0].is_word);
}

TEST_CASE("sentences break at full stops and at line ends") {
  auto seg = nkg::text::Segmenter::create();
  REQUIRE(seg.ok());
  const auto out = seg.value().segment("One two. Three four.\nHeadline here\nBody.");
  REQUIRE(out.sentences.size() == 4);
  CHECK(out.sentences[0].span == nkg::Span{0, 8});
  CHECK(out.sentences[1].first_token == 3);
  CHECK(out.sentences[2].end_token - out.sentences[2].first_token == 2);
}

TEST_CASE("to_ascii transliterates any script") {
  CHECK(nkg::text::to_ascii("\xC5\x81uka\xC5\xA1" "enka") == "Lukasenka");
  CHECK(nkg::text::to_ascii("\xD0\x9B\xD1\x83\xD0\xBA\xD0\xB0\xD1\x88\xD0\xB5\xD0\xBD\xD0\xBA\xD0\xBE") == "Lukasenko");
}

TEST_CASE("an apostrophe (a transliterated soft sign, an elision) does not split a name") {
  CHECK(nkg::text::person_key("Володимир Зеленський") == nkg::text::person_key("Volodymyr Zelenskyi"));
  CHECK(nkg::text::person_key("Volodymyr Zelens'kyi") == nkg::text::person_key("Volodymyr Zelenskyi"));
  CHECK(nkg::text::person_key("Conan O'Brien") == nkg::text::person_key("Conan OBrien"));
  CHECK(nkg::text::person_key("Conan O'Brien").find('-') == nkg::text::person_key("Conan O'Brien").rfind('-'));
}
