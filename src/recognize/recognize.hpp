// recognize/: tokens + lexicons -> typed mentions with confidence.
//
// Input: the document text, its Segmentation and the Lexicon. Output: mentions sorted by
// span, never overlapping. Names are matched token by token and case-sensitively (a lower-case
// word never becomes a state), longest name first; the words around a candidate decide
// whether it is a state, a city (a capital after "in", "from", "a visit to"), or part of a
// longer name (a street, an outlet, another person's name). Thread-safe: pure functions.
#pragma once

#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "lexicon/lexicon.hpp"

namespace nkg::recognize {

/// Mentions of states (by name, demonym, adjective, capital or seat of government) and of
/// capitals used as places.
[[nodiscard]] std::vector<Mention> recognize_states(std::string_view text, const Segmentation& seg,
                                                    const lexicon::Lexicon& lex);

/// Organizations (lexicon, ministries, patterns), places, people (titles, given names, verbs
/// of saying, surnames of people named in full) and descriptions of office holders, around
/// the given state mentions. Returns every mention sorted by span; descriptions
/// ("the Polish leader") overlap the state mention inside them, nothing else overlaps.
[[nodiscard]] std::vector<Mention> recognize_entities(std::string_view text, const Segmentation& seg,
                                                      const lexicon::Lexicon& lex, std::vector<Mention> states);

/// Positions and relations stated between mentions; indices refer to `mentions`.
struct Claims {
  std::vector<PositionClaim> positions;
  std::vector<RelationClaim> relations;
};
[[nodiscard]] Claims recognize_claims(std::string_view text, const Segmentation& seg, const lexicon::Lexicon& lex,
                                      const std::vector<Mention>& mentions);

}  // namespace nkg::recognize
