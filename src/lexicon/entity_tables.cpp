// The entity tables of the lexicon: places, organizations, titles, portfolios, given names and
// common words (ontology/lexicon/*.tsv; formats in ontology/lexicon/README.md).
#include <algorithm>
#include <set>

#include "core/tsv.hpp"
#include "lexicon/lexicon.hpp"

namespace nkg::lexicon {

namespace {

constexpr std::string_view organizations_file = "ontology/lexicon/organizations.tsv";
constexpr std::string_view titles_file = "ontology/lexicon/titles.tsv";
constexpr std::string_view portfolios_file = "ontology/lexicon/portfolios.tsv";
constexpr std::string_view places_file = "ontology/lexicon/places.tsv";
constexpr std::string_view given_names_file = "ontology/lexicon/given-names.tsv";
constexpr std::string_view common_words_file = "ontology/lexicon/common-words.tsv";

/// "A | B | C" -> {"A", "B", "C"} (trimmed, empty parts dropped).
std::vector<std::string> split_names(std::string_view field) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= field.size()) {
    std::size_t end = field.find('|', start);
    if (end == std::string_view::npos) end = field.size();
    std::string_view part = field.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    start = end + 1;
  }
  return out;
}

std::vector<std::string> tokens_of(std::string_view form, const text::Segmenter& segmenter, bool lower) {
  std::vector<std::string> out;
  const Segmentation seg = segmenter.segment(form);
  for (const Token& t : seg.tokens) {
    const std::string_view w = text::token_text(form, t);
    std::string word(w);
    // Typographic apostrophes as ASCII: the recognizers compare normalized words.
    for (std::size_t at = word.find("\xE2\x80\x99"); at != std::string::npos; at = word.find("\xE2\x80\x99", at)) {
      word.replace(at, 3, "'");
    }
    out.push_back(lower ? ascii_lower(word) : std::move(word));
  }
  return out;
}

OrgKind parse_org_kind(std::string_view s) {
  static constexpr std::pair<std::string_view, OrgKind> kinds[] = {
      {"intergovernmental", OrgKind::intergovernmental}, {"alliance", OrgKind::alliance},
      {"court", OrgKind::court}, {"bank", OrgKind::bank}, {"outlet", OrgKind::outlet},
      {"news_agency", OrgKind::news_agency}, {"party", OrgKind::party},
      {"armed_forces", OrgKind::armed_forces}, {"government_body", OrgKind::government_body},
      {"ngo", OrgKind::ngo}, {"company", OrgKind::company}, {"sports_body", OrgKind::sports_body},
      {"sports_club", OrgKind::sports_club},
  };
  for (const auto& [name, kind] : kinds) {
    if (s == name) return kind;
  }
  return OrgKind::other;
}

bool has_flag(const std::vector<std::string>& row, std::size_t column, std::string_view flag) {
  return row.size() > column && row[column].find(flag) != std::string::npos;
}

}  // namespace

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void PhraseTable::add(Phrase phrase) {
  if (!phrase.tokens.empty()) phrases_.push_back(std::move(phrase));
}

void PhraseTable::finish() {
  by_first_token_.clear();
  for (std::uint32_t i = 0; i < phrases_.size(); ++i) by_first_token_[phrases_[i].tokens.front()].push_back(i);
  for (auto& [token, list] : by_first_token_) {
    std::stable_sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
      return phrases_[a].tokens.size() > phrases_[b].tokens.size();
    });
  }
}

const std::vector<std::uint32_t>& PhraseTable::starting_with(std::string_view token) const {
  static const std::vector<std::uint32_t> none;
  const auto it = by_first_token_.find(token);
  return it == by_first_token_.end() ? none : it->second;
}

Status Lexicon::load_places(std::string_view tsv, const text::Segmenter& segmenter) {
  // key, kind, state, geonames, label, names, flags
  auto rows = parse_tsv(tsv, places_file, 5);
  if (!rows.ok()) return rows.status();
  for (auto& row : rows.value()) {
    const std::string& key = row[0];
    if (key.empty()) continue;
    if (const auto known = place_by_key_.find(key); known != place_by_key_.end()) {
      // A capital already known from the state names: take its GeoNames id.
      PlaceRecord& capital = places_[known->second];
      if (capital.state == row[2] && capital.geonames.empty()) capital.geonames = row[3];
      continue;
    }
    if (!row[2].empty() && state_by_alpha3_.count(row[2]) == 0) continue;
    const auto index = static_cast<std::uint32_t>(places_.size());
    place_by_key_.emplace(key, places_.size());
    places_.push_back({key, row[4], row[2], row[3], row[1] == "region"});
    const bool ambiguous = has_flag(row, 6, "ambiguous");
    std::vector<std::string> names{row[4]};
    if (row.size() > 5) {
      for (auto& n : split_names(row[5])) names.push_back(std::move(n));
    }
    for (const std::string& name : names) {
      place_names_.add({name, tokens_of(name, segmenter, false), index, ambiguous});
    }
  }
  place_names_.finish();
  return Status::success();
}

Status Lexicon::load_organizations(std::string_view tsv, const text::Segmenter& segmenter) {
  // key, kind, state, wikidata, label, names
  auto rows = parse_tsv(tsv, organizations_file, 5);
  if (!rows.ok()) return rows.status();
  for (auto& row : rows.value()) {
    if (row[0].empty() || org_by_key_.count(row[0]) != 0) continue;
    const auto index = static_cast<std::uint32_t>(orgs_.size());
    org_by_key_.emplace(row[0], index);
    orgs_.push_back({row[0], parse_org_kind(row[1]), row[2], row[3], row[4]});
    std::vector<std::string> names;
    if (row.size() > 5) names = split_names(row[5]);
    // The label is a name too, unless the names list it as ambiguous ("Apple!").
    if (std::find(names.begin(), names.end(), row[4] + "!") == names.end()) names.insert(names.begin(), row[4]);
    for (std::string name : names) {
      const bool ambiguous = !name.empty() && name.back() == '!';
      if (ambiguous) name.pop_back();
      if (name.rfind("the ", 0) == 0 || name.rfind("The ", 0) == 0) name.erase(0, 4);
      org_names_.add({name, tokens_of(name, segmenter, false), index, ambiguous});
      // British and American spellings of the same name.
      for (const auto& [from, to] : {std::pair<std::string_view, std::string_view>{"Organization", "Organisation"},
                                     {"Organisation", "Organization"}, {"Co-operation", "Cooperation"},
                                     {"Cooperation", "Co-operation"}, {"Defense", "Defence"}, {"Defence", "Defense"}}) {
        if (const auto at = name.find(from); at != std::string::npos) {
          std::string variant = name;
          variant.replace(at, from.size(), to);
          org_names_.add({variant, tokens_of(variant, segmenter, false), index, ambiguous});
        }
      }
    }
  }
  org_names_.finish();
  return Status::success();
}

Status Lexicon::load_titles(std::string_view titles_tsv, std::string_view portfolios_tsv,
                            const text::Segmenter& segmenter) {
  // form, canonical, category, flags
  auto rows = parse_tsv(titles_tsv, titles_file, 3);
  if (!rows.ok()) return rows.status();
  for (auto& row : rows.value()) {
    const auto index = static_cast<std::uint32_t>(titles_.size());
    TitleRecord t{row[0], row[1], row[2], has_flag(row, 3, "envoy"), has_flag(row, 3, "plural")};
    title_forms_.add({row[0], tokens_of(row[0], segmenter, true), index, false});
    titles_.push_back(std::move(t));
  }
  title_forms_.finish();

  // form, canonical_ministry
  auto portfolio_rows = parse_tsv(portfolios_tsv, portfolios_file, 2);
  if (!portfolio_rows.ok()) return portfolio_rows.status();
  for (auto& row : portfolio_rows.value()) {
    auto it = std::find(ministries_.begin(), ministries_.end(), row[1]);
    const auto index = static_cast<std::uint32_t>(it - ministries_.begin());
    if (it == ministries_.end()) ministries_.push_back(row[1]);
    portfolios_.add({row[0], tokens_of(row[0], segmenter, true), index, false});
  }
  portfolios_.finish();
  return Status::success();
}

Status Lexicon::load_words(std::string_view given_names_tsv, std::string_view common_words_tsv) {
  auto words = parse_tsv(common_words_tsv, common_words_file, 1);
  if (!words.ok()) return words.status();
  for (auto& row : words.value()) common_words_.insert(std::move(row[0]));
  auto names = parse_tsv(given_names_tsv, given_names_file, 1);
  if (!names.ok()) return names.status();
  for (auto& row : names.value()) {
    const bool common = has_flag(row, 2, "common-word") || common_words_.count(ascii_lower(row[0])) != 0;
    given_names_.emplace(std::move(row[0]), common);
  }
  return Status::success();
}

Status Lexicon::load_people(std::string_view tsv, const text::Segmenter& segmenter) {
  // label, names, surname
  auto rows = parse_tsv(tsv, "ontology/lexicon/people.tsv", 3);
  if (!rows.ok()) return rows.status();
  for (auto& row : rows.value()) {
    const std::string key = text::person_key(row[0]);
    if (key.empty()) continue;
    const auto index = static_cast<std::uint32_t>(catalog_people_.size());
    catalog_people_.push_back({key, row[0]});
    std::vector<std::string> names{row[0]};
    for (auto& n : split_names(row[1])) names.push_back(std::move(n));
    const bool surname_alone = row[2] == "1";
    std::set<std::string> surnames;
    for (const std::string& name : names) {
      auto tokens = tokens_of(name, segmenter, false);
      if (surname_alone && tokens.size() >= 2) surnames.insert(tokens.back());
      catalog_person_names_.add({name, std::move(tokens), index, false});
    }
    for (const std::string& surname : surnames) catalog_person_names_.add({surname, {surname}, index, false});
  }
  catalog_person_names_.finish();
  return Status::success();
}

Status Lexicon::load_triggers(std::string_view tsv, const text::Segmenter& segmenter) {
  // form, class, pos, flags
  auto rows = parse_tsv(tsv, "ontology/lexicon/triggers.tsv", 3);
  if (!rows.ok()) return rows.status();
  for (auto& row : rows.value()) {
    const auto index = static_cast<std::uint32_t>(triggers_.size());
    triggers_.push_back({row[0], row[1], row[2], has_flag(row, 3, "envoy"), has_flag(row, 3, "troops"),
                         has_flag(row, 3, "memory")});
    trigger_forms_.add({row[0], tokens_of(row[0], segmenter, true), index, false});
  }
  trigger_forms_.finish();
  return Status::success();
}

Status Lexicon::load_descriptions(std::string_view tsv) {
  constexpr std::string_view file = "ontology/lexicon/descriptions.tsv";
  auto rows = read_tsv(tsv, file, 2);
  if (!rows.ok()) return rows.status();
  for (const TsvRow& row : rows.value()) {
    DescriptionKind kind{};
    if (row.fields[1] == "state") kind = DescriptionKind::state;
    else if (row.fields[1] == "organization") kind = DescriptionKind::organization;
    else if (row.fields[1] == "company") kind = DescriptionKind::company;
    else return Status{StatusCode::bad_data, "refers_to must be state, organization or company", {std::string(file), row.line, 2}};
    descriptions_.emplace(ascii_lower(row.fields[0]), kind);
  }
  return Status::success();
}

std::optional<DescriptionKind> Lexicon::description_kind(std::string_view lowercase_noun) const {
  const auto it = descriptions_.find(lowercase_noun);
  if (it == descriptions_.end()) return std::nullopt;
  return it->second;
}

const OrgRecord* Lexicon::find_organization(std::string_view key) const {
  const auto it = org_by_key_.find(std::string(key));
  return it == org_by_key_.end() ? nullptr : &orgs_[it->second];
}

bool Lexicon::is_given_name(std::string_view word, bool* is_common_word) const {
  const auto it = given_names_.find(std::string(word));
  if (it == given_names_.end()) return false;
  if (is_common_word != nullptr) *is_common_word = it->second;
  return true;
}

bool Lexicon::is_common_word(std::string_view lowercase_word) const {
  return common_words_.count(std::string(lowercase_word)) != 0;
}

}  // namespace nkg::lexicon
