#include "lexicon/lexicon.hpp"

#include <algorithm>

#include "core/embedded.hpp"
#include "core/iri.hpp"
#include "core/tsv.hpp"

namespace nkg::lexicon {

namespace {
constexpr std::string_view states_file = "ontology/lexicon/states.tsv";
constexpr std::string_view names_file = "ontology/lexicon/state-names.tsv";
constexpr std::string_view context_file = "ontology/lexicon/context-words.tsv";

Result<NameKind> parse_kind(std::string_view s) {
  if (s == "name") return NameKind::name;
  if (s == "demonym") return NameKind::demonym;
  if (s == "adjective") return NameKind::adjective;
  if (s == "capital") return NameKind::capital;
  if (s == "government") return NameKind::government;
  return Status{StatusCode::bad_data, "unknown name kind '" + std::string(s) + "'"};
}

}  // namespace

Result<std::vector<std::vector<std::string>>> parse_tsv(std::string_view tsv, std::string_view name,
                                                        std::size_t min_fields) {
  auto rows = read_tsv(tsv, name, min_fields);
  if (!rows.ok()) return rows.status();
  std::vector<std::vector<std::string>> out;
  out.reserve(rows.value().size());
  for (const TsvRow& row : rows.value()) out.emplace_back(row.fields.begin(), row.fields.end());
  return out;
}

Result<Lexicon> Lexicon::load_embedded(const text::Segmenter& segmenter) {
  LexiconFiles files;
  const std::pair<std::string_view*, std::string_view> wanted[] = {
      {&files.states, states_file},
      {&files.state_names, names_file},
      {&files.context_words, context_file},
      {&files.organizations, "ontology/lexicon/organizations.tsv"},
      {&files.titles, "ontology/lexicon/titles.tsv"},
      {&files.portfolios, "ontology/lexicon/portfolios.tsv"},
      {&files.places, "ontology/lexicon/places.tsv"},
      {&files.given_names, "ontology/lexicon/given-names.tsv"},
      {&files.common_words, "ontology/lexicon/common-words.tsv"},
      {&files.people, "ontology/lexicon/people.tsv"},
      {&files.triggers, "ontology/lexicon/triggers.tsv"},
      {&files.descriptions, "ontology/lexicon/descriptions.tsv"},
  };
  for (const auto& [field, path] : wanted) {
    const auto text = embedded_file(path);
    if (!text) return Status{StatusCode::internal, "lexicon data not embedded: " + std::string(path)};
    *field = *text;
  }
  return load(files, segmenter);
}

Result<Lexicon> Lexicon::load(std::string_view states_tsv, std::string_view names_tsv,
                              std::string_view context_words_tsv, const text::Segmenter& segmenter) {
  LexiconFiles files;
  files.states = states_tsv;
  files.state_names = names_tsv;
  files.context_words = context_words_tsv;
  return load(files, segmenter);
}

Result<Lexicon> Lexicon::load(const LexiconFiles& files, const text::Segmenter& segmenter) {
  const std::string_view states_tsv = files.states;
  const std::string_view names_tsv = files.state_names;
  const std::string_view context_words_tsv = files.context_words;
  Lexicon lex;
  auto state_rows = parse_tsv(states_tsv, states_file, 6);
  if (!state_rows.ok()) return state_rows.status();
  for (auto& row : state_rows.value()) {
    StateRecord r{row[0], row[1], row[2], row[3], row[4], row[5], {}};
    lex.state_by_alpha3_.emplace(r.alpha3, static_cast<std::uint32_t>(lex.states_.size()));
    lex.states_.push_back(std::move(r));
  }

  auto name_rows = parse_tsv(names_tsv, names_file, 3);
  if (!name_rows.ok()) return name_rows.status();
  std::uint64_t row_no = 0;
  for (auto& row : name_rows.value()) {
    ++row_no;
    const auto it = lex.state_by_alpha3_.find(row[0]);
    if (it == lex.state_by_alpha3_.end()) {
      return Status{StatusCode::bad_data, "unknown state code '" + row[0] + "'", {std::string(names_file), row_no, 1}};
    }
    auto kind = parse_kind(row[1]);
    if (!kind.ok()) return kind.status();
    StateName n;
    n.form = row[2];
    n.state = it->second;
    n.kind = kind.value();
    n.is_ambiguous = row.size() > 3 && row[3].find("ambiguous") != std::string::npos;
    const Segmentation seg = segmenter.segment(n.form);
    for (const Token& t : seg.tokens) n.tokens.emplace_back(text::token_text(n.form, t));
    if (n.tokens.empty()) continue;
    StateRecord& state = lex.states_[n.state];
    if (n.kind == NameKind::capital) {
      if (state.capital.empty()) state.capital = n.form;
      std::string key = place_key(n.form);
      if (!key.empty() && lex.place_by_key_.emplace(key, lex.places_.size()).second) {
        lex.places_.push_back({std::move(key), n.form, state.alpha3, {}, false});
      }
    }
    lex.names_.push_back(std::move(n));
  }
  for (std::uint32_t i = 0; i < lex.names_.size(); ++i) {
    lex.names_by_first_token_[lex.names_[i].tokens.front()].push_back(i);
  }
  for (auto& [token, list] : lex.names_by_first_token_) {
    std::stable_sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
      return lex.names_[a].tokens.size() > lex.names_[b].tokens.size();
    });
  }

  auto context_rows = parse_tsv(context_words_tsv, context_file, 2);
  if (!context_rows.ok()) return context_rows.status();
  for (const auto& row : context_rows.value()) {
    const auto known = std::find(lex.context_categories_.begin(), lex.context_categories_.end(), row[0]);
    const auto bit = static_cast<std::size_t>(known - lex.context_categories_.begin());
    if (known == lex.context_categories_.end()) {
      if (bit == 32) return Status{StatusCode::bad_data, "more than 32 categories", {std::string(context_file)}};
      lex.context_categories_.push_back(row[0]);
    }
    lex.context_masks_[row[1]] |= std::uint32_t{1} << bit;
  }

  NKG_TRY(lex.load_places(files.places, segmenter));
  NKG_TRY(lex.load_organizations(files.organizations, segmenter));
  NKG_TRY(lex.load_titles(files.titles, files.portfolios, segmenter));
  NKG_TRY(lex.load_words(files.given_names, files.common_words));
  NKG_TRY(lex.load_people(files.people, segmenter));
  NKG_TRY(lex.load_triggers(files.triggers, segmenter));
  NKG_TRY(lex.load_descriptions(files.descriptions));
  return lex;
}

const StateRecord* Lexicon::find_state(std::string_view alpha3) const {
  const auto it = state_by_alpha3_.find(std::string(alpha3));
  return it == state_by_alpha3_.end() ? nullptr : &states_[it->second];
}

const std::vector<std::uint32_t>& Lexicon::names_starting_with(std::string_view token) const {
  static const std::vector<std::uint32_t> none;
  const auto it = names_by_first_token_.find(token);
  return it == names_by_first_token_.end() ? none : it->second;
}

std::uint32_t Lexicon::context_mask(std::string_view word) const {
  const auto it = context_masks_.find(word);
  return it == context_masks_.end() ? 0 : it->second;
}

std::uint32_t Lexicon::context_bit(std::string_view category) const {
  for (std::size_t i = 0; i < context_categories_.size(); ++i) {
    if (context_categories_[i] == category) return std::uint32_t{1} << i;
  }
  return 0;
}

}  // namespace nkg::lexicon

namespace nkg::lexicon {

std::string place_key(std::string_view name) { return ascii_slug(text::to_ascii(name)); }

const PlaceRecord* Lexicon::find_place(std::string_view key) const {
  const auto it = place_by_key_.find(std::string(key));
  return it == place_by_key_.end() ? nullptr : &places_[it->second];
}

}  // namespace nkg::lexicon
