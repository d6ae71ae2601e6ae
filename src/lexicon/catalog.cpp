// A user catalogue of known entities (docs/catalog.md), added to the lexicon tables.
#include <nlohmann/json.hpp>

#include "core/iri.hpp"
#include "lexicon/lexicon.hpp"

namespace nkg::lexicon {

namespace {

Status catalog_error(std::string_view name, const std::string& what, std::size_t entry) {
  return {StatusCode::bad_data, "catalog entry " + std::to_string(entry + 1) + ": " + what, {std::string(name)}};
}

std::vector<std::string> strings_of(const nlohmann::json& entry, const char* field) {
  std::vector<std::string> out;
  if (!entry.contains(field)) return out;
  const auto& value = entry.at(field);
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
  } else if (value.is_array()) {
    for (const auto& v : value) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}

std::vector<std::string> catalog_tokens(std::string_view form, const text::Segmenter& segmenter) {
  std::vector<std::string> out;
  const Segmentation seg = segmenter.segment(form);
  for (const Token& t : seg.tokens) {
    std::string w(text::token_text(form, t));
    for (std::size_t at = w.find("\xE2\x80\x99"); at != std::string::npos; at = w.find("\xE2\x80\x99", at)) {
      w.replace(at, 3, "'");
    }
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace

Status Lexicon::add_catalog(std::string_view json_text, std::string_view name, const text::Segmenter& segmenter) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (const auto at = what.find("] "); at != std::string::npos) what.erase(0, at + 2);  // "[json.exception...] "
    return {StatusCode::bad_data, "malformed JSON: " + what,
            {std::string(name), 0, 0, static_cast<std::uint64_t>(e.byte)}};
  }
  if (!doc.is_object() || !doc.contains("entities") || !doc.at("entities").is_array()) {
    return {StatusCode::bad_data, "a catalog is an object with an \"entities\" array", {std::string(name)}};
  }
  const auto& entries = doc.at("entities");
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    if (!entry.is_object() || !entry.contains("type") || !entry.at("type").is_string() || !entry.contains("label") ||
        !entry.at("label").is_string()) {
      return catalog_error(name, "needs a string \"type\" and a string \"label\"", i);
    }
    const std::string type = entry.at("type").get<std::string>();
    const std::string label = entry.at("label").get<std::string>();
    std::vector<std::string> names = strings_of(entry, "names");
    names.insert(names.begin(), label);
    const std::vector<std::string> links = strings_of(entry, "sameAs");
    for (const std::string& link : links) {
      if (!is_valid_absolute_iri(link)) return catalog_error(name, "sameAs '" + link + "' is not an absolute IRI", i);
    }
    const std::string state = entry.contains("state") && entry.at("state").is_string() ? entry.at("state").get<std::string>() : "";
    if (!state.empty() && state_by_alpha3_.count(state) == 0) {
      return catalog_error(name, "unknown state '" + state + "' (an ISO 3166-1 alpha-3 code)", i);
    }
    std::string key = entry.contains("key") && entry.at("key").is_string() ? entry.at("key").get<std::string>() : "";
    if (type == "Person") {
      if (key.empty()) key = text::person_key(label);
      const auto index = static_cast<std::uint32_t>(catalog_people_.size());
      catalog_people_.push_back({key, label});
      for (const std::string& n : names) catalog_person_names_.add({n, catalog_tokens(n, segmenter), index, false});
      same_as_["person:" + key] = links;
    } else if (type == "Organization") {
      if (key.empty()) key = ascii_slug(text::to_ascii(label));
      if (org_by_key_.count(key) != 0) return catalog_error(name, "organization key '" + key + "' already exists", i);
      std::string wikidata;
      for (const std::string& link : links) {
        if (link.rfind("http://www.wikidata.org/entity/Q", 0) == 0) wikidata = link.substr(31);
      }
      const auto index = static_cast<std::uint32_t>(orgs_.size());
      org_by_key_.emplace(key, index);
      orgs_.push_back({key, OrgKind::other, state, wikidata, label});
      for (const std::string& n : names) org_names_.add({n, catalog_tokens(n, segmenter), index, false});
      same_as_["organization:" + key] = links;
    } else if (type == "Place") {
      if (key.empty()) key = place_key(label);
      if (place_by_key_.count(key) != 0) return catalog_error(name, "place key '" + key + "' already exists", i);
      const auto index = static_cast<std::uint32_t>(places_.size());
      place_by_key_.emplace(key, places_.size());
      places_.push_back({key, label, state, {}, false});
      for (const std::string& n : names) place_names_.add({n, catalog_tokens(n, segmenter), index, false});
      same_as_["place:" + key] = links;
    } else {
      return catalog_error(name, "type '" + type + "' is not Person, Organization or Place", i);
    }
    if (key.empty()) return catalog_error(name, "label gives no key", i);
  }
  catalog_person_names_.finish();
  org_names_.finish();
  place_names_.finish();
  return Status::success();
}

const std::vector<std::string>& Lexicon::same_as(std::string_view kind_and_key) const {
  static const std::vector<std::string> none;
  const auto it = same_as_.find(kind_and_key);
  return it == same_as_.end() ? none : it->second;
}

const std::string* Lexicon::catalog_person_label(std::string_view key) const {
  for (const CatalogPerson& p : catalog_people_) {
    if (p.key == key) return &p.label;
  }
  return nullptr;
}

}  // namespace nkg::lexicon
