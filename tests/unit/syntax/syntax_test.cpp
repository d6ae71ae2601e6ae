// syntax/: tags, chunks, noun groups, clauses and reports, each asserted role by role.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "syntax/syntax.hpp"
#include "text/text.hpp"

using namespace nkg;
using namespace nkg::syntax;

namespace {

const Syntax& syntax_model() {
  static const Syntax s = Syntax::load_embedded().value();
  return s;
}
const text::Segmenter& segmenter() {
  static const text::Segmenter s = text::Segmenter::create().value();
  return s;
}

struct Parsed {
  std::string text;
  Parse parse;

  [[nodiscard]] std::string words(std::uint32_t begin, std::uint32_t end) const {
    std::string out;
    for (std::uint32_t i = begin; i < end; ++i) {
      if (!out.empty()) out += ' ';
      out += std::string(word_text(text, parse.words[i]));
    }
    return out;
  }
  [[nodiscard]] std::string chunk(std::uint32_t c) const { return words(parse.chunks[c].begin, parse.chunks[c].end); }
  /// A group as its members joined by '|' ("Peru|Panama|Chile"), appositions after '='.
  [[nodiscard]] std::string group(std::uint32_t g) const {
    std::string out;
    for (const std::uint32_t c : parse.groups[g].members) out += (out.empty() ? "" : "|") + chunk(c);
    for (const std::uint32_t c : parse.groups[g].appositions) out += "=" + chunk(c);
    return out;
  }
  [[nodiscard]] std::string group(const std::optional<std::uint32_t>& g) const { return g ? group(*g) : "-"; }
  [[nodiscard]] static std::string text_of(WordId id) { return std::string(syntax_model().vocabulary().text(id)); }
  [[nodiscard]] static std::string lemma(const Word& w) { return text_of(w.lemma); }
  [[nodiscard]] std::string span_text(Span s) const {
    // Code points are bytes in these ASCII-only tests, except around curly quotes.
    std::string out;
    std::uint32_t cp = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const bool lead = (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U;
      if (lead && i > 0) ++cp;
      if (cp >= s.begin_cp && cp < s.end_cp) out += text[i];
    }
    return out;
  }
  /// The clause of the verb group whose main verb has this lemma: "lemma s=SUBJECT o=OBJECT
  /// by=AGENT to=... ...", roles that are absent left out.
  [[nodiscard]] std::string clause(const std::string& verb_lemma) const {
    for (const Clause& c : parse.clauses) {
      const Chunk& vg = parse.chunks[c.verb];
      if (lemma(parse.words[vg.head]) != verb_lemma) continue;
      std::string out = verb_lemma;
      if (c.subject) out += " s=" + group(c.subject);
      if (c.object) out += " o=" + group(c.object);
      if (c.second_object) out += " o2=" + group(c.second_object);
      if (c.by_agent) out += " by=" + group(c.by_agent);
      for (const Attachment& a : c.attachments) {
        if (c.by_agent && a.group == *c.by_agent) continue;
        out += " " + std::string(word_text(text, parse.words[a.word])) + "=" + group(a.group);
      }
      if (c.relative_of) out += " rel";
      if (c.is_subject_inverted) out += " inverted";
      return out;
    }
    return "no clause for " + verb_lemma;
  }
  [[nodiscard]] const Chunk& verb_group(const std::string& verb_lemma) const {
    for (const Chunk& c : parse.chunks) {
      if (c.kind == ChunkKind::verb_group && lemma(parse.words[c.head]) == verb_lemma) return c;
    }
    FAIL("no verb group for ", verb_lemma);
    static Chunk none;
    return none;
  }
  [[nodiscard]] std::vector<std::string> reports() const {
    std::vector<std::string> out;
    for (const Report& r : parse.reports) {
      std::string s = group(r.speaker) + (r.is_direct ? " quoted: " : " said: ") + span_text(r.content);
      if (r.addressee) s += " [to " + group(r.addressee) + "]";
      out.push_back(s);
    }
    return out;
  }
};

Parsed parse(std::string text) {
  Parsed p;
  p.text = std::move(text);
  const Segmentation seg = segmenter().segment(p.text);
  p.parse = syntax_model().parse(p.text, seg);
  return p;
}

std::string tags_of(const std::vector<std::string>& tokens) {
  std::string out;
  for (const Tag t : syntax_model().tag(tokens)) out += (out.empty() ? "" : " ") + std::string(tag_name(t));
  return out;
}

}  // namespace

TEST_CASE("tagger: lexicon tags, and words it does not know by their shape") {
  CHECK(tags_of({"The", "ministry", "summoned", "the", "ambassador", "."}) == "DT NN VBD DT NN .");
  CHECK(tags_of({"Zorbulat", "visited", "Qaraqum", "on", "12", "May", "."}) == "NNP VBD NNP IN CD NNP .");
  // A lower-case word it has never seen takes the tag of the words that end like it.
  const std::string guessed = tags_of({"They", "were", "frobnicating", "."});
  CHECK(guessed == "PRP VBD VBG .");
}

TEST_CASE("words: clitics split Penn-style, abbreviations keep their period") {
  const Parsed p = parse("France's envoy didn't go to the U.S. yesterday.");
  std::vector<std::string> words;
  for (const Word& w : p.parse.words) words.emplace_back(word_text(p.text, w));
  CHECK(words == std::vector<std::string>{"France", "'s", "envoy", "did", "n't", "go", "to", "the", "U.S.", "yesterday", "."});
  CHECK(p.parse.words[1].tag == Tag::POS);
  CHECK(p.parse.words[0].span == Span{0, 6});
  CHECK(p.parse.words[1].span == Span{6, 8});
  // Typographic apostrophes too, with code-point spans.
  const Parsed q = parse("Poland\xE2\x80\x99s minister");
  REQUIRE(q.parse.words.size() == 3);
  CHECK(q.parse.words[1].tag == Tag::POS);
  CHECK(q.parse.words[1].span == Span{6, 8});
}

TEST_CASE("verb groups: tense, voice, negation, modals, and the matrix verb of an infinitive") {
  const Parsed p = parse("Berlin will summon the envoy.");
  const Chunk& will = p.verb_group("summon");
  CHECK(will.tense == Tense::future);
  CHECK(will.voice == Voice::active);
  CHECK(p.lemma(p.parse.words[will.head]) == "summon");

  const Parsed q = parse("The envoy would be summoned.");
  const Chunk& would = q.verb_group("summon");
  CHECK(would.voice == Voice::passive);
  CHECK(q.text_of(would.modal) == "would");

  const Parsed r = parse("The minister refused to meet the ambassador.");
  const Chunk& refused = r.verb_group("meet");
  CHECK(r.text_of(refused.matrix) == "refuse");
  CHECK(refused.tense == Tense::past);
  CHECK_FALSE(refused.is_negated);  // refusing is the matrix verb's business, not negation

  const Parsed s = parse("The president plans to visit Chile.");
  CHECK(s.text_of(s.verb_group("visit").matrix) == "plan");
  CHECK(s.clause("visit") == "visit s=The president o=Chile");

  const Parsed t = parse("Spain did not expel the diplomats.");
  const Chunk& expel = t.verb_group("expel");
  CHECK(expel.is_negated);
  CHECK(expel.tense == Tense::past);
  CHECK(t.clause("expel") == "expel s=Spain o=the diplomats");

  // Must not: a past tense is not a passive; "has expelled" is active.
  const Parsed u = parse("Spain has expelled two diplomats.");
  CHECK(u.verb_group("expel").voice == Voice::active);
  CHECK(u.verb_group("expel").tense == Tense::present);
}

TEST_CASE("clauses: a passive with and without its by-phrase") {
  const Parsed p = parse("The ambassador was summoned to the ministry on Friday.");
  CHECK(p.clause("summon") == "summon s=The ambassador to=the ministry on=Friday");
  CHECK(p.verb_group("summon").voice == Voice::passive);

  const Parsed q = parse("The ambassador was summoned by the foreign ministry over remarks.");
  CHECK(q.clause("summon") == "summon s=The ambassador by=the foreign ministry over=remarks");
  // Must not: an active clause's "by" is no agent.
  const Parsed r = parse("Peru expelled the envoy by Monday.");
  CHECK(r.clause("expel") == "expel s=Peru o=the envoy by=Monday");
  CHECK_FALSE(r.parse.clauses[0].by_agent.has_value());
}

TEST_CASE("noun groups: three coordinated states fill one subject") {
  const Parsed p = parse("Peru, Panama and Chile expelled the ambassadors.");
  CHECK(p.clause("expel") == "expel s=Peru|Panama|Chile o=the ambassadors");
  const Parsed q = parse("Peru, Panama, and Chile expelled the ambassadors.");
  CHECK(q.clause("expel") == "expel s=Peru|Panama|Chile o=the ambassadors");
  // Coordinated verbs share their subject.
  CHECK(parse("Lima summoned the envoy and demanded an apology.").clause("demand") == "demand s=Lima o=an apology");
  // Must not: two clauses joined by "and" are not a coordination of their subjects.
  const Parsed r = parse("Lima summoned the envoy and Chile expelled two diplomats.");
  CHECK(r.clause("summon") == "summon s=Lima o=the envoy");
  CHECK(r.clause("expel") == "expel s=Chile o=two diplomats");
}

TEST_CASE("noun groups: apposition") {
  const Parsed p = parse("Anne Boillon, France's ambassador, was summoned on Monday.");
  CHECK(p.clause("summon") == "summon s=Anne Boillon='s ambassador on=Monday");
  const Parsed q = parse("The ministry summoned Jan Kowalski, the Polish envoy, over the remarks.");
  CHECK(q.clause("summon") == "summon s=The ministry o=Jan Kowalski=the Polish envoy over=the remarks");
  // Must not: a list without a conjunction is not taken for an apposition of two names.
  const Parsed r = parse("Paris, Rome, Madrid and Lisbon agreed.");
  CHECK(r.clause("agree") == "agree s=Paris|Rome|Madrid|Lisbon");
}

TEST_CASE("clauses: relative clauses take the noun they modify as subject") {
  const Parsed p = parse("The envoy, who was summoned on Friday, left the country.");
  CHECK(p.clause("summon") == "summon s=The envoy on=Friday rel");
  CHECK(p.clause("leave") == "leave s=The envoy o=the country");
  // Must not: "that" after a verb of saying is no relative pronoun.
  const Parsed q = parse("The ministry said that it had summoned the envoy.");
  CHECK(q.clause("summon") == "summon s=it o=the envoy");
}

TEST_CASE("clauses: a prepositional phrase after the subject does not become the subject") {
  const Parsed p = parse("The ambassador of France met the minister.");
  CHECK(p.clause("meet") == "meet s=The ambassador o=the minister");
  // Must not: a clause that opens with a subordinator keeps its own subject.
  const Parsed q = parse("After Chile expelled the envoy, Peru recalled its ambassador.");
  CHECK(q.clause("expel") == "expel s=Chile o=the envoy");
  CHECK(q.clause("recall") == "recall s=Peru o=its ambassador");
}

TEST_CASE("clauses: two objects") {
  const Parsed p = parse("The government gave the envoy 48 hours to leave.");
  CHECK(p.clause("give").rfind("give s=The government o=the envoy o2=48 hours", 0) == 0);
}

TEST_CASE("reports: X said that ...") {
  const Parsed p = parse("Smith of the electoral commission said Jones had won the vote.");
  REQUIRE(p.reports().size() == 1);
  CHECK(p.reports()[0] == "Smith said: Jones had won the vote");
  CHECK(p.clause("say") == "say s=Smith");
  CHECK(p.clause("win") == "win s=Jones o=the vote");

  const Parsed q = parse("The ministry said that it had summoned the envoy.");
  REQUIRE(q.reports().size() == 1);
  CHECK(q.reports()[0] == "The ministry said: it had summoned the envoy");
}

TEST_CASE("reports: quotations before and after the verb, inverted subjects") {
  const Parsed p = parse("\xE2\x80\x9CWe will respond,\xE2\x80\x9D the minister said.");
  REQUIRE(p.reports().size() == 1);
  CHECK(p.reports()[0] == "the minister quoted: We will respond");

  const Parsed q = parse("\xE2\x80\x9CWe will respond,\xE2\x80\x9D said Maria Lopez, the foreign minister.");
  REQUIRE(q.reports().size() == 1);
  CHECK(q.reports()[0] == "Maria Lopez=the foreign minister quoted: We will respond");
  CHECK(q.clause("say") == "say s=Maria Lopez=the foreign minister inverted");

  const Parsed r = parse("The minister said: \xE2\x80\x9CWe will respond.\xE2\x80\x9D");
  REQUIRE(r.reports().size() == 1);
  CHECK(r.reports()[0] == "The minister quoted: We will respond.");
}

TEST_CASE("reports: according to X, and X told an outlet") {
  const Parsed p = parse("The talks failed, according to a spokesman for the party.");
  REQUIRE(p.reports().size() == 1);
  CHECK(p.reports()[0] == "a spokesman said: The talks failed");

  const Parsed q = parse("According to the ministry, two diplomats were expelled.");
  REQUIRE(q.reports().size() == 1);
  CHECK(q.reports()[0] == "the ministry said: two diplomats were expelled");

  const Parsed r = parse("Lopez told Reuters that the border would stay closed.");
  REQUIRE(r.reports().size() == 1);
  CHECK(r.reports()[0] == "Lopez said: the border would stay closed [to Reuters]");

  // Must not: a verb that is not one of saying reports nothing; nor does a passive "was told".
  CHECK(parse("The minister visited Lima on Friday.").reports().empty());
  CHECK(parse("The envoy was told to leave.").reports().empty());
}
