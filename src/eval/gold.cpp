// Scoring an export against gold annotations (tests/gold/README.md).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "eval/eval.hpp"
#include "text/text.hpp"

namespace nkg::eval {

namespace {

constexpr std::string_view nkg = "https://w3id.org/newskg/ns#";
constexpr std::string_view rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view rdfs_label = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view skos_alt = "http://www.w3.org/2004/02/skos/core#altLabel";
constexpr std::string_view dct_identifier = "http://purl.org/dc/terms/identifier";
constexpr std::string_view its_ident = "http://www.w3.org/2005/11/its/rdf#taIdentRef";
constexpr std::string_view nif_anchor = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf";

std::string term(std::string_view local) { return std::string(nkg) + std::string(local); }

std::string string_field(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j.at(key).is_string() ? j.at(key).get<std::string>() : std::string();
}

/// What one document graph of the export says.
struct OutputDocument {
  std::map<std::string, std::string> type_of;            // entity IRI -> Person/State/...
  std::map<std::string, std::set<std::string>> forms;    // entity IRI -> normalized forms
  std::map<std::string, std::string> label_of;
  std::map<std::string, std::string> iso_of;             // state IRI -> alpha-3
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> positions;  // holder, title, of, to
  std::vector<std::tuple<std::string, std::string, std::string>> relations;
  struct Event {
    std::string cls, agent, target, date;
  };
  std::map<std::string, Event> events;  // event IRI -> what it says
};

std::map<std::string, OutputDocument> read_output(const std::vector<Quad>& quads) {
  // graph IRI -> quads; then per graph: identifiers, entities, mentions, positions.
  std::map<std::string, std::vector<const Quad*>> by_graph;
  for (const Quad& q : quads) by_graph[q.graph.value].push_back(&q);
  std::map<std::string, OutputDocument> out;
  const std::set<std::string> classes{"Person", "State", "Organization", "Place"};
  for (const auto& [graph, qs] : by_graph) {
    std::string doc_id;
    OutputDocument d;
    std::map<std::string, std::string> anchor_of;  // mention -> anchor
    std::map<std::string, std::string> target_of;  // mention -> entity
    std::map<std::string, std::string> title_of, in_of, to_of;
    std::vector<std::pair<std::string, std::string>> holds;
    for (const Quad* q : qs) {
      const std::string& p = q->predicate.value;
      if (p == dct_identifier && q->subject.value == graph) doc_id = q->object.value;
      if (p == rdf_type && q->object.value.rfind(nkg, 0) == 0) {
        const std::string cls = q->object.value.substr(nkg.size());
        if (classes.count(cls) != 0) d.type_of[q->subject.value] = cls;
      }
      if (p == rdfs_label) {
        d.forms[q->subject.value].insert(normalize_form(q->object.value));
        d.label_of[q->subject.value] = q->object.value;
      }
      if (p == skos_alt) d.forms[q->subject.value].insert(normalize_form(q->object.value));
      if (p == nif_anchor) anchor_of[q->subject.value] = q->object.value;
      if (p == its_ident) target_of[q->subject.value] = q->object.value;
      if (p == term("isoAlpha3")) d.iso_of[q->subject.value] = q->object.value;
      if (p == term("holdsPosition")) holds.emplace_back(q->subject.value, q->object.value);
      if (p == term("title")) title_of[q->subject.value] = q->object.value;
      if (p == term("positionIn")) in_of[q->subject.value] = q->object.value;
      if (p == term("accreditedTo")) to_of[q->subject.value] = q->object.value;
      if (p == term("memberOf")) d.relations.emplace_back(q->subject.value, "memberOf", q->object.value);
      if (p == rdf_type && q->object.value.rfind(nkg, 0) == 0 && q->subject.value.find("/event/") != std::string::npos &&
          q->object.value != term("Event")) {
        d.events[q->subject.value].cls = q->object.value.substr(nkg.size());
      }
      if (q->subject.value.find("/event/") != std::string::npos) {
        if (p == term("agent")) d.events[q->subject.value].agent = q->object.value;
        if (p == term("target")) d.events[q->subject.value].target = q->object.value;
        if (p == term("date")) d.events[q->subject.value].date = q->object.value;
      }
    }
    for (const auto& [mention, entity] : target_of) {
      if (const auto it = anchor_of.find(mention); it != anchor_of.end()) d.forms[entity].insert(normalize_form(it->second));
    }
    for (const auto& [holder, pos] : holds) {
      d.positions.emplace_back(holder, normalize_form(title_of[pos]), in_of[pos], to_of[pos]);
    }
    if (!doc_id.empty()) out[doc_id] = std::move(d);
  }
  return out;
}

std::string state_id_of(const std::string& iri) {
  const auto at = iri.rfind("/state/");
  return at == std::string::npos ? std::string() : "state:" + iri.substr(at + 7);
}

}  // namespace

std::string normalize_form(std::string_view s) {
  std::string ascii = text::to_ascii(s);  // also turns ’ into '
  std::string out;
  bool space = false;
  for (const char ch : ascii) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isspace(c) != 0) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) out.erase(out.size() - 2);
  return out;
}

Result<GoldDocument> parse_gold(std::string_view json_text, const std::string& name) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string what = e.what();
    if (const auto at = what.find("] "); at != std::string::npos) what.erase(0, at + 2);
    return Status{StatusCode::bad_input, "malformed JSON: " + what, {name, 0, 0, static_cast<std::uint64_t>(e.byte)}};
  }
  if (!j.is_object() || !j.contains("document") || !j.contains("entities") || !j.at("entities").is_array()) {
    return Status{StatusCode::bad_input, "a gold file needs \"document\" and an \"entities\" array", {name}};
  }
  GoldDocument g;
  g.document = string_field(j, "document");
  for (const auto& e : j.at("entities")) {
    GoldEntity ge{string_field(e, "id"), string_field(e, "type"), string_field(e, "label"), {}};
    if (ge.id.empty() || ge.type.empty()) return Status{StatusCode::bad_input, "an entity needs \"id\" and \"type\"", {name}};
    if (e.contains("surfaces") && e.at("surfaces").is_array()) {
      for (const auto& s : e.at("surfaces")) {
        if (s.is_string()) ge.surfaces.push_back(s.get<std::string>());
      }
    }
    g.entities.push_back(std::move(ge));
  }
  if (j.contains("positions") && j.at("positions").is_array()) {
    for (const auto& p : j.at("positions")) {
      g.positions.push_back({string_field(p, "holder"), string_field(p, "title"), string_field(p, "of"), string_field(p, "to")});
    }
  }
  if (j.contains("events") && j.at("events").is_array()) {
    for (const auto& e : j.at("events")) {
      g.events.push_back({string_field(e, "class"), string_field(e, "agent"), string_field(e, "target"),
                          string_field(e, "date"), string_field(e, "modality")});
    }
  }
  // Development-set files list statements apart: {"speaker", "target", "trigger", "quote"}.
  if (j.contains("statements") && j.at("statements").is_array()) {
    for (const auto& st : j.at("statements")) {
      g.events.push_back({"Statement", string_field(st, "speaker"), string_field(st, "target"), {}, {}});
    }
  }
  if (j.contains("relations") && j.at("relations").is_array()) {
    for (const auto& r : j.at("relations")) {
      g.relations.push_back({string_field(r, "subject"), string_field(r, "property"), string_field(r, "object")});
    }
  }
  return g;
}

GoldReport score_gold(const std::vector<GoldDocument>& gold, const std::vector<Quad>& quads) {
  GoldReport report;
  const auto output = read_output(quads);
  std::map<std::string, std::set<std::string>> iris_of_gold;   // gold id -> output IRIs
  std::map<std::string, std::set<std::string>> golds_of_iri;   // output IRI -> gold ids
  static const OutputDocument empty;
  for (const GoldDocument& g : gold) {
    ++report.documents;
    const auto found = output.find(g.document);
    const OutputDocument& d = found == output.end() ? empty : found->second;
    // Candidate pairs: same type, shared forms (states: same ISO code).
    struct Pair {
      std::size_t shared;
      std::string iri;
      std::size_t gold;
    };
    std::vector<Pair> pairs;
    for (std::size_t gi = 0; gi < g.entities.size(); ++gi) {
      const GoldEntity& ge = g.entities[gi];
      std::set<std::string> gforms;
      for (const std::string& s : ge.surfaces) gforms.insert(normalize_form(s));
      if (!ge.label.empty()) gforms.insert(normalize_form(ge.label));
      for (const auto& [iri, type] : d.type_of) {
        if (type != ge.type) continue;
        std::size_t shared = 0;
        if (type == "State") {
          const auto iso = d.iso_of.find(iri);
          shared = iso != d.iso_of.end() && "state:" + iso->second == ge.id ? 1000 : 0;
        } else if (const auto forms = d.forms.find(iri); forms != d.forms.end()) {
          for (const std::string& f : forms->second) shared += gforms.count(f);
        }
        if (shared > 0) pairs.push_back({shared, iri, gi});
      }
    }
    std::sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) {
      return std::tie(b.shared, a.iri, a.gold) < std::tie(a.shared, b.iri, b.gold);
    });
    std::map<std::string, std::string> gold_of;  // output IRI -> gold id
    std::map<std::string, std::string> iri_of;   // gold id -> output IRI
    for (const Pair& p : pairs) {
      const std::string& id = g.entities[p.gold].id;
      if (gold_of.count(p.iri) != 0 || iri_of.count(id) != 0) continue;
      gold_of[p.iri] = id;
      iri_of[id] = p.iri;
      iris_of_gold[id].insert(p.iri);
      golds_of_iri[p.iri].insert(id);
    }
    for (const GoldEntity& ge : g.entities) {
      Score s;
      if (iri_of.count(ge.id) != 0) {
        s.tp = 1;
      } else {
        s.fn = 1;
        report.errors.push_back(g.document + ": fn " + ge.type + " " + ge.id + " (" + ge.label + ")");
      }
      report.entities_by_type[ge.type] += s;
      report.entities += s;
    }
    for (const auto& [iri, type] : d.type_of) {
      if (gold_of.count(iri) != 0) continue;
      Score s;
      s.fp = 1;
      report.entities_by_type[type] += s;
      report.entities += s;
      const auto label = d.label_of.find(iri);
      report.errors.push_back(g.document + ": fp " + type + " <" + iri + "> (" +
                              (label != d.label_of.end() ? label->second : std::string()) + ")");
    }
    // Positions and relations, with entities mapped to gold ids (states by ISO code).
    auto id_of = [&](const std::string& iri) -> std::string {
      if (iri.empty()) return {};
      if (const auto it = gold_of.find(iri); it != gold_of.end()) return it->second;
      const std::string st = state_id_of(iri);
      return st.empty() ? "<" + iri + ">" : st;
    };
    std::set<std::tuple<std::string, std::string, std::string, std::string>> predicted;
    for (const auto& [holder, title, of, to] : d.positions) predicted.insert({id_of(holder), title, id_of(of), id_of(to)});
    std::set<std::tuple<std::string, std::string, std::string, std::string>> expected;
    for (const GoldPosition& p : g.positions) expected.insert({p.holder, normalize_form(p.title), p.of, p.to});
    for (const auto& t : predicted) {
      if (expected.count(t) != 0) {
        ++report.positions.tp;
      } else {
        ++report.positions.fp;
        report.errors.push_back(g.document + ": fp position " + std::get<0>(t) + " " + std::get<1>(t) + " of " +
                                std::get<2>(t) + " to " + std::get<3>(t));
      }
    }
    for (const auto& t : expected) {
      if (predicted.count(t) == 0) {
        ++report.positions.fn;
        report.errors.push_back(g.document + ": fn position " + std::get<0>(t) + " " + std::get<1>(t) + " of " +
                                std::get<2>(t) + " to " + std::get<3>(t));
      }
    }
    // Events: class + agent + target (statements apart: recall by speaker), dates of matches.
    std::multiset<std::tuple<std::string, std::string, std::string>> ev_predicted;
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<std::string>> predicted_dates;
    std::multiset<std::string> speakers_predicted;
    for (const auto& [iri, ev] : d.events) {
      if (ev.cls == "Statement") {
        speakers_predicted.insert(id_of(ev.agent));
        continue;
      }
      const auto key = std::make_tuple(ev.cls, id_of(ev.agent), id_of(ev.target));
      ev_predicted.insert(key);
      predicted_dates[key].push_back(ev.date);
    }
    std::multiset<std::tuple<std::string, std::string, std::string>> ev_expected;
    std::multiset<std::string> speakers_expected;
    for (const GoldEvent& e : g.events) {
      if (e.cls == "Statement") {
        speakers_expected.insert(e.agent);
        continue;
      }
      const auto key = std::make_tuple(e.cls, e.agent, e.target);
      ev_expected.insert(key);
      if (!e.date.empty() && ev_predicted.count(key) != 0) {
        ++report.dates_checked;
        const auto& dates = predicted_dates[key];
        if (std::find(dates.begin(), dates.end(), e.date) != dates.end()) {
          ++report.dates_right;
        } else {
          report.errors.push_back(g.document + ": wrong date " + e.cls + " " + e.agent + " " + e.target + ": want " + e.date);
        }
      }
    }
    auto show = [](const std::tuple<std::string, std::string, std::string>& t) {
      return std::get<0>(t) + " " + (std::get<1>(t).empty() ? "-" : std::get<1>(t)) + " -> " +
             (std::get<2>(t).empty() ? "-" : std::get<2>(t));
    };
    {
      auto remaining = ev_expected;
      for (const auto& t : ev_predicted) {
        if (const auto it = remaining.find(t); it != remaining.end()) {
          ++report.events.tp;
          ++report.events_by_class[std::get<0>(t)].tp;
          remaining.erase(it);
        } else {
          ++report.events.fp;
          ++report.events_by_class[std::get<0>(t)].fp;
          report.errors.push_back(g.document + ": fp event " + show(t));
        }
      }
      for (const auto& t : remaining) {
        ++report.events.fn;
        ++report.events_by_class[std::get<0>(t)].fn;
        report.errors.push_back(g.document + ": fn event " + show(t));
      }
      auto speakers = speakers_expected;
      for (const std::string& sp : speakers_predicted) {
        if (const auto it = speakers.find(sp); it != speakers.end()) {
          ++report.statements.tp;
          speakers.erase(it);
        } else {
          ++report.statements.fp;
        }
      }
      report.statements.fn += speakers.size();
      for (const std::string& sp : speakers) report.errors.push_back(g.document + ": fn statement by " + sp);
    }
    for (const auto& [iri, ev] : d.events) ++report.sources[iri];

    std::set<std::tuple<std::string, std::string, std::string>> rel_predicted;
    for (const auto& [s, p, o] : d.relations) rel_predicted.insert({id_of(s), p, id_of(o)});
    std::set<std::tuple<std::string, std::string, std::string>> rel_expected;
    for (const GoldRelation& r : g.relations) rel_expected.insert({r.subject, r.property, r.object});
    for (const auto& t : rel_predicted) {
      if (rel_expected.count(t) != 0) {
        ++report.relations.tp;
      } else {
        ++report.relations.fp;
        report.errors.push_back(g.document + ": fp relation " + std::get<0>(t) + " " + std::get<1>(t) + " " + std::get<2>(t));
      }
    }
    for (const auto& t : rel_expected) {
      if (rel_predicted.count(t) == 0) {
        ++report.relations.fn;
        report.errors.push_back(g.document + ": fn relation " + std::get<0>(t) + " " + std::get<1>(t) + " " + std::get<2>(t));
      }
    }
  }
  for (const auto& [id, iris] : iris_of_gold) {
    if (iris.size() < 2) continue;
    std::string line = id + ":";
    for (const std::string& i : iris) line += " <" + i + ">";
    report.split.push_back(line);
  }
  for (const auto& [iri, ids] : golds_of_iri) {
    if (ids.size() < 2) continue;
    std::string line = "<" + iri + ">:";
    for (const std::string& i : ids) line += " " + i;
    report.merged.push_back(line);
  }
  return report;
}

}  // namespace nkg::eval
