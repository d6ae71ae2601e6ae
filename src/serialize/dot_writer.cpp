// A picture of the graph: Graphviz DOT of the entities, events and positions (no NIF mentions,
// no document text), capped so that a corpus gives a readable drawing rather than a hairball.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/vocab.hpp"
#include "serialize/serialize.hpp"

namespace nkg::serialize {

namespace {

const std::string k_nkg(vocab::nkg);
const std::string k_label = std::string(vocab::rdfs) + "label";
const std::string k_type(vocab::rdf_type);
const std::string k_ident_ref = std::string(vocab::itsrdf) + "taIdentRef";
const std::string k_holds = k_nkg + "holdsPosition";
const std::string k_title = k_nkg + "title";
const std::string k_position_in = k_nkg + "positionIn";
const std::string k_accredited_to = k_nkg + "accreditedTo";
const std::string k_member_of = k_nkg + "memberOf";
const std::string k_mentioned_in = k_nkg + "mentionedIn";
const std::string k_date = k_nkg + "date";
const std::string k_modality = k_nkg + "modality";
const std::string k_event = k_nkg + "Event";
const std::string k_document = k_nkg + "Document";

/// Entity classes in legend order, with their fill colours (ColorBrewer Paired, light tones).
struct ClassStyle {
  std::string_view local;  // under nkg:
  std::string_view legend;
  std::string_view fill;
};
constexpr std::array<ClassStyle, 4> k_classes{{
    {"State", "state", "#a6cee3"},
    {"Person", "person", "#fdbf6f"},
    {"Organization", "organization", "#b2df8a"},
    {"Place", "place", "#cab2d6"},
}};
constexpr std::string_view k_event_fill = "#f0f0f0";
constexpr std::string_view k_other_fill = "#ffffff";

/// Event roles drawn as edges; `is_incoming` draws agent -> event, the others event -> entity.
struct Role {
  std::string_view local;
  std::string_view label;
  bool is_incoming;
};
constexpr std::array<Role, 4> k_roles{{
    {"agent", "agent", true},
    {"target", "target", false},
    {"envoy", "envoy", false},
    {"place", "place", false},
}};

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks as \n, other
/// control characters as spaces.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out + "\"";
}

/// At most `max_cp` code points of UTF-8 `text`, with an ellipsis when cut; line breaks become spaces.
std::string shortened(std::string_view text, std::size_t max_cp) {
  std::string out;
  std::size_t cps = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0U) != 0x80U) {
      if (cps == max_cp) return out + "\u2026";
      ++cps;
    }
    out += text[i] == '\n' ? ' ' : text[i];
  }
  return out;
}

/// The last path segment or fragment of an IRI, for nodes without a label.
std::string local_name(std::string_view iri) {
  const auto cut = iri.find_last_of("/#");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

/// Keeps the smallest value seen, so that the bytes do not depend on the order of the quads.
void keep_min(std::string& slot, const std::string& value) {
  if (slot.empty() || value < slot) slot = value;
}

/// "ArmedConflict" -> "armed conflict", plural when `n` is not 1 ("summonses", "statements").
std::string class_words(std::string_view cls, std::size_t n) {
  std::string out;
  for (const char c : cls) {
    if (c >= 'A' && c <= 'Z') {
      if (!out.empty()) out += ' ';
      out += static_cast<char>(c - 'A' + 'a');
    } else {
      out += c;
    }
  }
  if (n != 1) out += out.ends_with('s') ? "es" : "s";
  return out;
}

struct Position {
  std::string holder;
  std::string title;
  std::string position_in;
  std::string accredited_to;
};

class DotWriter final : public QuadSink {
 public:
  DotWriter(ByteSink& out, DotOptions options) : out_(out), options_(options) {}

  Status prefix(std::string_view /*name*/, std::string_view /*iri*/) override { return Status::success(); }

  Status quad(const Quad& q) override {
    if (q.subject.is_literal() || !q.predicate.is_iri()) return Status::success();
    const std::string& p = q.predicate.value;
    const std::string& s = q.subject.value;
    if (p == k_type && q.object.is_iri()) {
      // Only newskg classes matter here; NIF strings and phrases (most subjects) are not kept.
      if (q.object.value.starts_with(k_nkg)) types_[s].insert(q.object.value);
    } else if (p == k_label && q.object.is_literal()) {
      // One label per node whatever the order: English first, then the smallest.
      const auto key = std::make_pair(q.object.language != "en", q.object.value);
      auto [it, is_new] = labels_.emplace(s, key);
      if (!is_new && key < it->second) it->second = key;
    } else if (p == k_ident_ref && q.object.is_iri()) {
      ++mentions_[q.object.value];
    } else if (p == k_mentioned_in) {
      ++documents_[s];
    } else if (p == k_date && q.object.is_literal()) {
      dates_[s].insert(q.object.value);
    } else if (p == k_modality && q.object.is_iri()) {
      modalities_[s].insert(local_name(q.object.value));
    } else if (p == k_holds && q.object.is_iri()) {
      keep_min(positions_[q.object.value].holder, s);
    } else if (p == k_title && q.object.is_literal()) {
      keep_min(positions_[s].title, q.object.value);
    } else if (p == k_position_in && q.object.is_iri()) {
      keep_min(positions_[s].position_in, q.object.value);
    } else if (p == k_accredited_to && q.object.is_iri()) {
      keep_min(positions_[s].accredited_to, q.object.value);
    } else if (p == k_member_of && q.object.is_iri()) {
      member_of_.emplace(s, q.object.value);
    } else if (p.starts_with(k_nkg) && q.object.is_iri()) {
      const std::string_view local = std::string_view(p).substr(k_nkg.size());
      for (const Role& r : k_roles) {
        if (r.local == local) roles_.emplace(s, r.local, q.object.value);
      }
    }
    return Status::success();
  }

  Status finish() override {
    select();
    std::string dot;
    write_header(dot);
    write_legend(dot);
    write_nodes(dot);
    write_edges(dot);
    dot += "}\n";
    return out_.write(dot);
  }

 private:
  [[nodiscard]] bool has_type(const std::string& node, const std::string& cls) const {
    const auto it = types_.find(node);
    return it != types_.end() && it->second.count(cls) != 0;
  }

  /// The index in k_classes of the node's entity class, or k_classes.size().
  [[nodiscard]] std::size_t class_of(const std::string& node) const {
    for (std::size_t i = 0; i < k_classes.size(); ++i) {
      if (has_type(node, k_nkg + std::string(k_classes[i].local))) return i;
    }
    return k_classes.size();
  }

  [[nodiscard]] static std::size_t count_of(const std::map<std::string, std::size_t>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? 0 : it->second;
  }

  [[nodiscard]] std::string label_of(const std::string& node) const {
    const auto it = labels_.find(node);
    return shortened(it == labels_.end() ? local_name(node) : it->second.second, options_.max_label_chars);
  }

  /// The event's own class (Summons, Statement, ...): its nkg: type other than nkg:Event.
  [[nodiscard]] std::string event_class(const std::string& node) const {
    for (const std::string& t : types_.at(node)) {
      if (t != k_event && t.starts_with(k_nkg)) return t.substr(k_nkg.size());
    }
    return "Event";
  }

  void select() {
    std::vector<std::string> events;
    for (const auto& [node, types] : types_) {
      if (types.count(k_event) != 0) events.push_back(node);
      if (types.count(k_document) != 0) ++document_count_;
      if (class_of(node) < k_classes.size()) ++entity_count_;
    }
    event_count_ = events.size();
    // An event linked to one entity only (most statements: a speaker) is folded into that
    // entity's subtitle ("12 statements"); an event linked to none is not drawn.
    std::map<std::string, std::set<std::string>> linked;
    for (const auto& [event, role, object] : roles_) linked[event].insert(object);
    std::erase_if(events, [&](const std::string& e) {
      const auto it = linked.find(e);
      if (it == linked.end()) return true;
      if (it->second.size() > 1) return false;
      ++folded_[*it->second.begin()][event_class(e)];
      ++folded_count_;
      return true;
    });
    std::stable_sort(events.begin(), events.end(), [&](const std::string& a, const std::string& b) {
      return count_of(documents_, a) > count_of(documents_, b);
    });
    if (events.size() > options_.max_events) events.resize(options_.max_events);
    shown_events_.insert(events.begin(), events.end());
    for (const auto& [entity, classes] : folded_) shown_entities_.insert(entity);
    for (const auto& [event, role, object] : roles_) {
      if (shown_events_.count(event) != 0) shown_entities_.insert(object);
    }
    for (const auto& [iri, p] : positions_) {
      if (p.holder.empty() || (p.position_in.empty() && p.accredited_to.empty())) continue;
      shown_entities_.insert(p.holder);
      if (!p.position_in.empty()) shown_entities_.insert(p.position_in);
      if (!p.accredited_to.empty()) shown_entities_.insert(p.accredited_to);
    }
    std::vector<std::pair<std::size_t, std::string>> ranked;
    for (const auto& [node, types] : types_) {
      if (class_of(node) < k_classes.size()) {
        ranked.emplace_back(count_of(mentions_, node), node);
      }
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < ranked.size() && i < options_.top_entities; ++i) {
      if (ranked[i].first > 0) shown_entities_.insert(ranked[i].second);  // already there or not
    }
    std::size_t next = 0;
    for (const std::string& e : shown_entities_) ids_.emplace(e, "e" + std::to_string(next++));
    next = 0;
    for (const std::string& e : shown_events_) ids_.emplace(e, "v" + std::to_string(next++));
  }

  void write_header(std::string& dot) const {
    std::size_t shown = 0;
    for (const std::string& e : shown_entities_) shown += class_of(e) < k_classes.size() ? 1U : 0U;
    dot += "digraph newskg {\n";
    dot += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=16, labelloc=t, nodesep=0.25, ranksep=0.6,"
           " label=" +
           quoted("newskg: " + std::to_string(document_count_) + " documents, " + std::to_string(event_count_) +
                  " events (" + std::to_string(shown_events_.size()) + " drawn, " + std::to_string(folded_count_) +
                  " with one participant counted under it);\n" + std::to_string(shown) + " of " +
                  std::to_string(entity_count_) + " entities (those in events and positions, and the " +
                  std::to_string(options_.top_entities) + " most mentioned)") +
           "];\n";
    dot += "  node [fontname=\"Helvetica\", fontsize=11, style=filled, color=\"#666666\"];\n";
    dot += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\", fontcolor=\"#333333\", arrowsize=0.7];\n";
  }

  static void write_legend(std::string& dot) {
    dot += "  subgraph cluster_legend {\n    label=\"legend\"; fontsize=11; color=\"#bbbbbb\";\n";
    for (const ClassStyle& c : k_classes) {
      dot += "    legend_" + std::string(c.legend) + " [label=" + quoted(c.legend) + ", shape=ellipse, fillcolor=\"" +
             std::string(c.fill) + "\"];\n";
    }
    dot += "    legend_event [label=\"event\\nclass, date\", shape=box, style=\"rounded,filled\", fillcolor=\"" +
           std::string(k_event_fill) + "\"];\n";
    dot += "    legend_state -> legend_person -> legend_organization -> legend_place -> legend_event [style=invis];\n";
    dot += "  }\n";
  }

  void write_nodes(std::string& dot) const {
    for (const std::string& e : shown_entities_) {
      const std::size_t c = class_of(e);
      const std::string_view fill = c < k_classes.size() ? k_classes[c].fill : k_other_fill;
      std::string label = label_of(e);
      if (const auto f = folded_.find(e); f != folded_.end()) {
        std::string subtitle;
        for (const auto& [cls, n] : f->second) {
          subtitle += (subtitle.empty() ? "" : ", ") + std::to_string(n) + " " + class_words(cls, n);
        }
        label += "\n" + subtitle;
      }
      dot += "  " + ids_.at(e) + " [label=" + quoted(label) + ", shape=ellipse, fillcolor=\"" +
             std::string(fill) + "\", tooltip=" + quoted(e + " (" + std::to_string(count_of(mentions_, e)) +
                                                         " mentions)") +
             "];\n";
    }
    for (const std::string& v : shown_events_) {
      std::string label = event_class(v);
      const auto date = dates_.find(v);
      label += "\n" + (date == dates_.end() ? std::string("undated") : *date->second.begin());
      const auto modality = modalities_.find(v);
      if (modality != modalities_.end()) {
        for (const std::string& m : modality->second) label += "\n(" + m + ")";
      }
      const std::size_t reports = count_of(documents_, v);
      if (reports > 1) label += "\n" + std::to_string(reports) + " articles";
      dot += "  " + ids_.at(v) + " [label=" + quoted(label) + ", shape=box, style=\"rounded,filled\", fillcolor=\"" +
             std::string(k_event_fill) + "\", tooltip=" + quoted(v) + "];\n";
    }
  }

  void write_edges(std::string& dot) const {
    for (const auto& [event, role, object] : roles_) {
      if (shown_events_.count(event) == 0) continue;
      // (clang 14 cannot capture a structured binding: a plain reference is captured instead)
      const std::string_view role_name = role;
      const Role& r = *std::find_if(k_roles.begin(), k_roles.end(), [&](const Role& x) { return x.local == role_name; });
      const std::string& from = r.is_incoming ? ids_.at(object) : ids_.at(event);
      const std::string& to = r.is_incoming ? ids_.at(event) : ids_.at(object);
      dot += "  " + from + " -> " + to + " [label=" + quoted(r.label) + "];\n";
    }
    for (const auto& [iri, p] : positions_) {
      if (p.holder.empty() || (p.position_in.empty() && p.accredited_to.empty())) continue;
      std::string title = p.title.empty() ? local_name(iri) : p.title;
      const std::string& seat = p.position_in.empty() ? p.accredited_to : p.position_in;
      if (!p.position_in.empty() && !p.accredited_to.empty()) title += " to " + label_of(p.accredited_to);
      dot += "  " + ids_.at(p.holder) + " -> " + ids_.at(seat) + " [label=" + quoted(shortened(title, options_.max_label_chars)) +
             ", style=dashed, color=\"#1f78b4\", fontcolor=\"#1f78b4\"];\n";
    }
    for (const auto& [member, body] : member_of_) {
      if (shown_entities_.count(member) == 0 || shown_entities_.count(body) == 0) continue;
      dot += "  " + ids_.at(member) + " -> " + ids_.at(body) +
             " [label=\"member of\", style=dotted, color=\"#33a02c\", fontcolor=\"#33a02c\"];\n";
    }
  }

  ByteSink& out_;
  DotOptions options_;
  std::map<std::string, std::set<std::string>> types_;
  std::map<std::string, std::pair<bool, std::string>> labels_;
  // Counted, not kept: the triples come each once (behind a sorting buffer or a QuadSort), and
  // keeping every mention node would make the picture cost memory in proportion to the text.
  std::map<std::string, std::size_t> mentions_;   // entity -> NIF mentions (itsrdf:taIdentRef to it)
  std::map<std::string, std::size_t> documents_;  // node -> nkg:mentionedIn
  std::map<std::string, std::set<std::string>> dates_;
  std::map<std::string, std::set<std::string>> modalities_;
  std::map<std::string, Position> positions_;
  std::set<std::pair<std::string, std::string>> member_of_;
  std::set<std::tuple<std::string, std::string_view, std::string>> roles_;  // event, role, entity
  std::set<std::string> shown_entities_;
  std::set<std::string> shown_events_;
  std::map<std::string, std::string> ids_;
  std::map<std::string, std::map<std::string, std::size_t>> folded_;  // entity -> event class -> count
  std::size_t folded_count_ = 0;
  std::size_t document_count_ = 0;
  std::size_t entity_count_ = 0;
  std::size_t event_count_ = 0;
};

}  // namespace

std::unique_ptr<QuadSink> make_dot_writer(ByteSink& out, DotOptions options) {
  return std::make_unique<DotWriter>(out, options);
}

}  // namespace nkg::serialize
