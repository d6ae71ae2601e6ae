// Chunks, noun groups, clauses and reports (internal to syntax/): rules over tags and word ids.
#pragma once

#include <span>
#include <vector>

#include "syntax/syntax.hpp"

namespace nkg::syntax::detail {

/// The few function words the rules test, by id (no_word when the vocabulary lacks one).
struct FunctionWords {
  explicit FunctionWords(Vocabulary& v);

  WordId not_ = no_word, nt = no_word, never = no_word;
  WordId be = no_word, get = no_word;
  WordId will = no_word, shall = no_word, ll = no_word, wo = no_word, ca = no_word, can = no_word, d = no_word,
         would = no_word;
  WordId to = no_word, by = no_word, that = no_word, according = no_word, who = no_word, which = no_word,
         whom = no_word, and_ = no_word, or_ = no_word, nor = no_word;
  std::vector<bool> is_reporting;   // by WordId: a verb of saying (its lemma)
  std::vector<bool> hearer_object;  // by WordId: its object is the hearer ("told Reuters")
};

/// Chunks of one sentence of words [first, end): noun phrases and verb groups, in order.
void chunk_sentence(std::span<const Word> words, std::uint32_t first, const FunctionWords& fw,
                    std::vector<Chunk>& out);

/// Noun groups, clauses and reports of a whole document, from its words and chunks.
void build_clauses(Parse& parse, const FunctionWords& fw);

}  // namespace nkg::syntax::detail
