// eval/: how good is the graph? Scores newskg's output against hand annotations (tests/gold)
// and its recognizer against CoNLL-2003 NER (conlleval conventions).
//
// Input: quads of an export (graph.nq) and gold JSON files; or a CoNLL-2003 file and a
// Pipeline. Output: counts and precision/recall/F1. Pure functions; the CLI prints.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "core/term.hpp"
#include "newskg.hpp"
#include "syntax/syntax.hpp"

namespace nkg::eval {

struct Score {
  std::size_t tp = 0;
  std::size_t fp = 0;
  std::size_t fn = 0;

  [[nodiscard]] double precision() const { return tp + fp == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fp); }
  [[nodiscard]] double recall() const { return tp + fn == 0 ? 0.0 : static_cast<double>(tp) / static_cast<double>(tp + fn); }
  [[nodiscard]] double f1() const {
    const double p = precision();
    const double r = recall();
    return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
  }
  Score& operator+=(const Score& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
    return *this;
  }
};

// ---------------------------------------------------------------------------------------------
// Gold annotations of articles (format: tests/gold/README.md)

struct GoldEntity {
  std::string id;    // global across documents: "person:volodymyr-zelensky", "state:POL"
  std::string type;  // Person, State, Organization, Place
  std::string label;
  std::vector<std::string> surfaces;
};

struct GoldPosition {
  std::string holder;
  std::string title;
  std::string of;  // a gold id, or empty
  std::string to;
};

struct GoldRelation {
  std::string subject;
  std::string property;
  std::string object;
};

struct GoldEvent {
  std::string cls;  // "Summons", "Statement" ...
  std::string agent;
  std::string target;
  std::string date;      // ISO ("2024-08-21", "2022-01", "2022"), or empty
  std::string modality;  // "Negated", "Planned" ..., or empty (asserted)
};

struct GoldDocument {
  std::string document;
  std::vector<GoldEntity> entities;
  std::vector<GoldPosition> positions;
  std::vector<GoldRelation> relations;
  std::vector<GoldEvent> events;
};

/// Parses one gold file; malformed JSON or a missing field is bad_input naming `name` (and the byte).
[[nodiscard]] Result<GoldDocument> parse_gold(std::string_view json_text, const std::string& name);

struct GoldReport {
  std::map<std::string, Score> entities_by_type;
  Score entities;
  Score positions;
  Score relations;
  Score events;             // class + agent + target, statements left out
  std::map<std::string, Score> events_by_class;
  Score statements;         // statements by speaker (recall is the figure that counts)
  std::size_t dates_checked = 0;  // matched gold events that give a date
  std::size_t dates_right = 0;
  std::map<std::string, std::size_t> sources;  // event IRI -> number of documents reporting it
  std::size_t documents = 0;
  std::vector<std::string> split;   // gold ids matched to several IRIs: "id: iri1, iri2"
  std::vector<std::string> merged;  // IRIs matched to several gold ids: "iri: id1, id2"
  std::vector<std::string> errors;  // every fp and fn: "doc: fp Person <iri> (label)"
};

/// Scores the quads of one export against gold documents.
[[nodiscard]] GoldReport score_gold(const std::vector<GoldDocument>& gold, const std::vector<Quad>& quads);

/// Lower case, no leading "the ", no trailing possessive, single spaces, ASCII apostrophes.
[[nodiscard]] std::string normalize_form(std::string_view s);

// ---------------------------------------------------------------------------------------------
// CoNLL-2003 NER

struct ConllToken {
  std::string word;
  std::string tag;    // IOB1 NER tag: O, I-PER, B-LOC ...
  std::string pos;    // Penn Treebank tag (second column), empty when the file has two columns
  std::string chunk;  // IOB1 chunk tag (third column): I-NP, B-NP, I-VP, O ...
};
using ConllSentence = std::vector<ConllToken>;
using ConllDocument = std::vector<ConllSentence>;

/// Reads a CoNLL-2003 file (token POS chunk NER; -DOCSTART- lines between documents).
[[nodiscard]] Result<std::vector<ConllDocument>> parse_conll(std::string_view text, const std::string& name);

/// A document's text rebuilt as newswire (one sentence per line, "Bitar 's" -> "Bitar's"), with
/// each token's [begin, end) in code points: the peer measurement's "detok" join.
struct RebuiltText {
  std::string text;
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> token_spans;  // per sentence
};
[[nodiscard]] RebuiltText rebuild_text(const ConllDocument& doc);

/// An entity chunk: sentence, token range [begin, end), type (PER, ORG, LOC, MISC).
struct Chunk {
  std::size_t sentence = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string type;
  friend auto operator<=>(const Chunk&, const Chunk&) = default;
};

/// The entities of IOB1 tags (conlleval: a chunk starts at B-X, or at I-X after O or another type).
[[nodiscard]] std::vector<Chunk> chunks_of(const ConllDocument& doc);

struct ConllReport {
  std::map<std::string, Score> by_type;  // PER, ORG, LOC, LOC-country
  std::size_t documents = 0;
  std::size_t bytes = 0;
  double seconds_median = 0.0;  // analyze() calls only
  std::map<std::string, std::map<std::string, std::size_t>> top_fn;  // type -> surface -> count
  std::map<std::string, std::map<std::string, std::size_t>> top_fp;
};

/// Runs the pipeline on every document and scores PER, ORG, LOC and LOC restricted to the
/// normalized country names in `countries` (both gold and predicted), exact span and type.
[[nodiscard]] ConllReport score_conll(const Pipeline& pipeline, const std::vector<ConllDocument>& docs,
                                      const std::set<std::string>& countries, int runs);

/// Parts of speech and noun-phrase chunks against the POS and chunk columns of a CoNLL-2003 file,
/// on the file's own tokens (conlleval conventions for the chunks: exact span).
struct SyntaxReport {
  std::size_t tokens = 0;
  std::size_t tags_right = 0;
  Score noun_phrases;
  std::map<std::string, std::size_t> confusions;  // "gold->predicted" -> count
  std::map<std::string, std::map<std::string, std::size_t>> confused_words;  // "gold->predicted" -> word -> count
  [[nodiscard]] double accuracy() const {
    return tokens == 0 ? 0.0 : static_cast<double>(tags_right) / static_cast<double>(tokens);
  }
};
[[nodiscard]] SyntaxReport score_syntax(const syntax::Syntax& syntax, const std::vector<ConllDocument>& docs);

/// The peer script's name normalization: no diacritics, lower case, no dots, no leading "the".
[[nodiscard]] std::string normalize_country(std::string_view s);

}  // namespace nkg::eval
