#include <algorithm>
#include <cctype>
#include <cstdio>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/iri.hpp"
#include "resolve/resolve.hpp"

namespace nkg::resolve {

std::vector<Entity> group_mentions(const std::vector<Mention>& mentions) {
  std::map<std::pair<EntityKind, std::string>, Entity> by_key;
  for (std::uint32_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.key.empty()) continue;
    Entity& e = by_key[{m.kind, m.key}];
    e.kind = m.kind;
    e.key = m.key;
    e.mentions.push_back(i);
    if (m.is_name && std::find(e.names.begin(), e.names.end(), m.surface) == e.names.end()) {
      e.names.push_back(m.surface);
    }
  }
  std::vector<Entity> out;
  out.reserve(by_key.size());
  for (auto& [key, entity] : by_key) {
    std::sort(entity.names.begin(), entity.names.end());
    out.push_back(std::move(entity));
  }
  return out;
}

}  // namespace nkg::resolve

namespace nkg::resolve {

void resolve_descriptions(std::vector<Mention>& mentions, const std::vector<PositionClaim>& positions,
                          const std::function<bool(std::string_view)>& is_leading_post) {
  // State key -> (title -> holders, leading-post holders); built once.
  struct Holders {
    std::map<std::string, std::set<std::string>> by_title;
    std::set<std::string> leaders;
  };
  std::map<std::string, Holders> by_state;
  for (const PositionClaim& p : positions) {
    const std::string& holder = mentions[p.holder].key;
    if (holder.empty() || p.of_key.empty()) continue;
    Holders& h = by_state[p.of_key];
    h.by_title[p.title].insert(holder);
    if (is_leading_post(p.title)) h.leaders.insert(holder);
  }
  for (Mention& d : mentions) {
    if (d.described_title.empty()) continue;
    d.key.clear();
    const auto it = by_state.find(d.described_of);
    if (it == by_state.end()) continue;
    const std::set<std::string>* holders = nullptr;
    if (d.described_title == "Leader") {
      holders = &it->second.leaders;
    } else if (const auto t = it->second.by_title.find(d.described_title); t != it->second.by_title.end()) {
      holders = &t->second;
    }
    if (holders != nullptr && holders->size() == 1) d.key = *holders->begin();
  }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0U : 1U)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

std::vector<std::string> parts_of(const std::string& key) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= key.size()) {
    std::size_t end = key.find('-', start);
    if (end == std::string::npos) end = key.size();
    if (end > start) parts.push_back(key.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

/// Same number of parts, and each pair equal or (long enough and) one edit apart.
bool one_typo_apart(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.size() != b.size()) return false;
  std::size_t edits = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    if (a[i].size() < 3 || b[i].size() < 3 || edit_distance(a[i], b[i]) > 1) return false;
    ++edits;
  }
  return edits > 0;
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

struct UnionFind {
  std::map<std::string, std::string> parent;
  std::string find(const std::string& x) {
    auto it = parent.find(x);
    if (it == parent.end() || it->second == x) return x;
    const std::string root = find(it->second);
    parent[x] = root;
    return root;
  }
  void unite(const std::string& a, const std::string& b) {
    const std::string ra = find(a);
    const std::string rb = find(b);
    if (ra == rb) return;
    // The smaller root wins, so the result does not depend on the order of unions.
    if (ra < rb) parent[rb] = ra; else parent[ra] = rb;
  }
};

}  // namespace

PersonIndex unify_people(const std::vector<PersonEvidence>& evidence) {
  std::map<std::string, std::map<std::string, std::size_t>> names;  // key -> name -> count
  std::map<std::string, std::set<std::string>> roles;
  for (const PersonEvidence& e : evidence) {
    for (const std::string& n : e.names) ++names[e.key][n];
    if (e.names.empty()) names[e.key];
    roles[e.key].insert(e.roles.begin(), e.roles.end());
  }
  std::vector<std::string> keys;
  for (const auto& [key, counts] : names) keys.push_back(key);
  UnionFind groups;
  for (const std::string& k : keys) groups.parent[k] = k;
  std::vector<std::vector<std::string>> parts;
  for (const std::string& k : keys) parts.push_back(parts_of(k));
  // Typo-tolerant merging needs a shared post, so only keys that share one are compared (this
  // keeps the pass near-linear on large corpora).
  std::map<std::string, std::vector<std::size_t>> by_role;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    for (const std::string& r : roles[keys[i]]) by_role[r].push_back(i);
  }
  for (const auto& [role, members] : by_role) {
    for (std::size_t a = 0; a < members.size(); ++a) {
      for (std::size_t b = a + 1; b < members.size(); ++b) {
        if (one_typo_apart(parts[members[a]], parts[members[b]])) groups.unite(keys[members[a]], keys[members[b]]);
      }
    }
  }
  // A surname alone joins the one full name it fits: exactly, or one typo apart with a shared post.
  std::map<std::string, std::set<std::size_t>> full_by_surname;
  for (std::size_t j = 0; j < keys.size(); ++j) {
    if (parts[j].size() >= 2) full_by_surname[parts[j].back()].insert(j);
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (parts[i].size() != 1) continue;
    std::set<std::string> fits;
    if (const auto it = full_by_surname.find(parts[i][0]); it != full_by_surname.end()) {
      for (const std::size_t j : it->second) fits.insert(groups.find(keys[j]));
    }
    for (const std::string& r : roles[keys[i]]) {
      for (const std::size_t j : by_role[r]) {
        if (parts[j].size() >= 2 && parts[j].back().size() >= 3 && edit_distance(parts[j].back(), parts[i][0]) <= 1) {
          fits.insert(groups.find(keys[j]));
        }
      }
    }
    if (fits.size() == 1) groups.unite(keys[i], *fits.begin());
  }
  // Each group: canonical key = its most mentioned key with a full name; label = its most
  // frequent full name.
  std::map<std::string, std::vector<std::string>> members;
  for (const std::string& k : keys) members[groups.find(k)].push_back(k);
  PersonIndex index;
  for (const auto& [root, group] : members) {
    std::string best_key;
    std::size_t best_count = 0;
    std::map<std::string, std::size_t> all_names;
    for (const std::string& k : group) {
      std::size_t count = 0;
      for (const auto& [n, c] : names[k]) {
        count += c;
        all_names[n] += c;
      }
      const bool full = parts_of(k).size() >= 2;
      const bool best_full = !best_key.empty() && parts_of(best_key).size() >= 2;
      if (best_key.empty() || (full && !best_full) || (full == best_full && (count > best_count ||
                                                                             (count == best_count && k < best_key)))) {
        best_key = k;
        best_count = count;
      }
    }
    std::string label;
    std::size_t label_count = 0;
    for (const auto& [n, c] : all_names) {
      const bool full = n.find(' ') != std::string::npos;
      const bool label_full = label.find(' ') != std::string::npos;
      const auto rank = [](bool f, std::size_t count, bool ascii) { return std::make_tuple(f, count, ascii); };
      if (label.empty() || rank(full, c, is_ascii(n)) > rank(label_full, label_count, is_ascii(label))) {
        label = n;
        label_count = c;
      }
    }
    for (const std::string& k : group) index.canonical_key[k] = best_key;
    if (!label.empty()) index.label[best_key] = label;
  }
  return index;
}


namespace {

std::string_view event_class_slug(EventClass cls) {
  switch (cls) {
    case EventClass::summons: return "summons";
    case EventClass::recall: return "recall";
    case EventClass::expulsion: return "expulsion";
    case EventClass::statement: return "statement";
    case EventClass::interview: return "interview";
    case EventClass::protest: return "protest";
    case EventClass::deployment: return "deployment";
    case EventClass::visit: return "visit";
    case EventClass::meeting: return "meeting";
    case EventClass::armed_conflict: return "armed-conflict";
    case EventClass::sanction: return "sanction";
  }
  return "event";
}

std::string_view modality_slug(Modality m) {
  switch (m) {
    case Modality::asserted: return "";
    case Modality::planned: return "planned";
    case Modality::demanded: return "demanded";
    case Modality::alleged: return "alleged";
    case Modality::negated: return "negated";
  }
  return "";
}

std::string role_slug(const std::optional<EntityRef>& r) {
  if (!r) return "x";
  std::string out;
  for (const char c : r->key) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

}  // namespace

std::string quote_hash(std::string_view quote) {
  std::uint64_t h = 1469598103934665603ULL;
  std::size_t letters = 0;
  for (const char ch : quote) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) == 0 && c < 0x80) continue;
    h ^= static_cast<unsigned char>(std::tolower(c));
    h *= 1099511628211ULL;
    ++letters;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return letters == 0 ? std::string() : std::string(buf, 10);
}

std::string event_key_head(const EventKeyFacts& f) {
  std::string head(event_class_slug(f.cls));
  head += "-" + role_slug(f.agent) + "-" + role_slug(f.target);
  const bool by_place = f.cls == EventClass::protest || f.cls == EventClass::visit ||
                        (f.cls == EventClass::armed_conflict && !f.agent);
  if (by_place && f.place) head += "-in-" + role_slug(f.place);
  if (!modality_slug(f.modality).empty()) head += "-" + std::string(modality_slug(f.modality));
  return head;
}

std::string event_base_key(const EventKeyFacts& f) {
  std::string base = event_key_head(f);
  if (!f.distinct.empty()) base += "-" + f.distinct;
  return base;
}

std::string event_key(const std::string& base, const std::optional<PartialDate>& date) {
  return base + "-" + (date ? date->to_iso() : std::string("undated"));
}

std::optional<PartialDate> parse_iso_date(std::string_view iso) {
  auto digits = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  if (iso.size() != 4 && iso.size() != 7 && iso.size() != 10) return std::nullopt;
  PartialDate d;
  d.year = digits(0, 4);
  if (d.year < 0) return std::nullopt;
  if (iso.size() >= 7) {
    if (iso[4] != '-' || (d.month = digits(5, 2)) < 1 || d.month > 12) return std::nullopt;
  }
  if (iso.size() == 10) {
    if (iso[7] != '-' || (d.day = digits(8, 2)) < 1 || d.day > 31) return std::nullopt;
  }
  return d;
}

void key_events(const std::vector<Analysis*>& analyses) {
  // The key without the date, then the dates each group of reports gives.
  std::map<std::string, std::set<std::string>> dates_of;
  std::vector<std::pair<EventClaim*, std::string>> all;
  for (Analysis* a : analyses) {
    for (EventClaim& e : a->events) {
      EventKeyFacts facts{e.cls, e.agent, e.target, e.place, e.modality, {}};
      if (e.cls == EventClass::statement) {
        facts.distinct = quote_hash(e.quote);
        // Without words to compare, a statement is its own event.
        if (facts.distinct.empty()) facts.distinct = a->document.id + "-" + std::to_string(e.trigger.begin_cp);
      }
      std::string base = event_base_key(facts);
      auto& dates = dates_of[base];
      if (e.date) dates.insert(e.date->to_iso());
      all.emplace_back(&e, std::move(base));
    }
  }
  std::map<std::string, double> confidence;
  for (auto& [e, base] : all) {
    const auto& dates = dates_of[base];
    // The date the other reports give (they agree, and this one gives none).
    if (!e->date && dates.size() == 1) e->date = parse_iso_date(*dates.begin());
    e->key = event_key(base, e->date);
    auto [it, inserted] = confidence.emplace(e->key, e->confidence);
    if (!inserted) it->second = std::max(it->second, e->confidence);
  }
  for (auto& [e, base] : all) e->confidence = confidence[e->key];
}

}  // namespace nkg::resolve
