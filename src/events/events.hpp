// events/: sentences + mentions -> events with roles, dates, quotes and modality.
//
// Input: the document text, its Segmentation, the syntax layer, its mentions and positions, the
// Lexicon, the publication date. Output: the dates the text gives and the events it reports (roles are mention
// indices). Triggers come from ontology/lexicon/triggers.tsv; the words around them decide the
// roles (active, passive, nominal), the modality (negated, planned, demanded, alleged) and whether
// the word reports an event at all ("a summons to court", "he recalled that ..." do not).
// Thread-safe: pure functions.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/document.hpp"
#include "lexicon/lexicon.hpp"
#include "syntax/syntax.hpp"

namespace nkg::events {

/// Absolute dates ("August 21, 2024", "January 2022", "September 13-14, 2022", "in 2002") and,
/// when the publication date is a full date, relative ones ("on Wednesday", "this Saturday",
/// "August 21" without a year, "in mid-May"), each as precise as the text allows.
[[nodiscard]] std::vector<DateMention> find_dates(std::string_view text, const Segmentation& seg,
                                                  const std::optional<PartialDate>& published);

/// Days since 1970-01-01 of a full date (proleptic Gregorian), and back.
[[nodiscard]] long days_from_civil(int year, int month, int day);
[[nodiscard]] PartialDate civil_from_days(long days);

/// The events of one document. The sentences that hold a trigger are parsed with `syntax`; the
/// roles of a verb come from its clause (subject, object, the agent of a passive, coordinated
/// subjects: one event each) where the clause layer has them, and from the words around the
/// trigger where it does not.
[[nodiscard]] std::vector<EventClaim> recognize_events(std::string_view text, const Segmentation& seg,
                                                       const syntax::Syntax& syntax,
                                                       const lexicon::Lexicon& lex, const std::vector<Mention>& mentions,
                                                       const std::vector<PositionClaim>& positions,
                                                       const std::vector<DateMention>& dates);

/// "Summons", "ArmedConflict" ...: the local name of the class in the nkg: namespace.
[[nodiscard]] std::string_view class_name(EventClass cls);

}  // namespace nkg::events
