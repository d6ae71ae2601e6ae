// Transliteration-invariant keys for person names (knowledge of orthography, not of names).
#include <array>
#include <string>
#include <utility>

#include "core/iri.hpp"
#include "text/text.hpp"

namespace nkg::text {

namespace {

// Spelling variants that romanizations of one Cyrillic or Turkic letter produce, folded to
// one spelling. Applied left to right, longest first. (Knowledge of orthography, not names.)
constexpr std::array<std::pair<std::string_view, std::string_view>, 22> digraphs{{
    {"shch", "s"}, {"sch", "s"}, {"sh", "s"}, {"zh", "z"}, {"kh", "h"}, {"ch", "c"},
    {"ts", "c"},   {"tz", "c"},  {"cz", "c"}, {"sz", "s"}, {"x", "ks"}, {"ph", "f"},
    {"ya", "a"},   {"yu", "u"},  {"yo", "o"}, {"ye", "e"}, {"ja", "a"}, {"ju", "u"},
    {"jo", "o"},   {"je", "e"},  {"ia", "a"}, {"iu", "u"},
}};

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

}  // namespace

std::string fold_name_word(std::string_view w) {
  std::string out;
  for (std::size_t i = 0; i < w.size();) {
    bool replaced = false;
    for (const auto& [from, to] : digraphs) {
      if (w.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    char c = w[i++];
    if (c == 'y' || c == 'j') c = 'i';
    if (c == 'w') c = 'v';
    if (c == 'q') c = 'k';
    if (!out.empty() && out.back() == c) continue;  // doubled letters
    out += c;
  }
  // Unstressed vowels are where romanizations and Belarusian/Ukrainian/Russian forms differ most
  // (Aleksandr/Aliaksandr, Shevchenko/Shevchenka): keep the first letter, then consonants.
  std::string skeleton;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i == 0 || !is_vowel(out[i])) skeleton += out[i];
  }
  // "-ov"/"-au", "-ev"/"-eu" endings: Belarusian writes a final v as ŭ (u).
  if (skeleton.size() > 2 && skeleton.back() == 'v') skeleton.pop_back();
  return skeleton;
}

std::string person_key(std::string_view name) {
  // An apostrophe inside a name joins its parts: a soft sign transliterated ("Зеленський" ->
  // "Zelens'kyi"), an elision ("O'Brien"). It must not split the name into two parts.
  std::string latin = to_ascii(name);
  std::erase(latin, '\'');
  const std::string ascii = ascii_slug(latin);
  std::string key;
  std::size_t start = 0;
  while (start < ascii.size()) {
    std::size_t end = ascii.find('-', start);
    if (end == std::string::npos) end = ascii.size();
    const std::string folded = fold_name_word(std::string_view(ascii).substr(start, end - start));
    if (!folded.empty()) {
      if (!key.empty()) key += '-';
      key += folded;
    }
    start = end + 1;
  }
  return key;
}

}  // namespace nkg::text
