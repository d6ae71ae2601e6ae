// What a graph holds: documents, triples, entities and events by class, the most mentioned
// entities, events per day.
#include <algorithm>
#include <array>
#include <filesystem>
#include <set>
#include <string_view>
#include <tuple>

#include "core/vocab.hpp"
#include "inspect/inspect.hpp"
#include "serialize/serialize.hpp"

namespace nkg::inspect {

namespace {

const std::string k_nkg(vocab::nkg);
const std::string k_type(vocab::rdf_type);
const std::string k_label = std::string(vocab::rdfs) + "label";
const std::string k_ident_ref = std::string(vocab::itsrdf) + "taIdentRef";
const std::string k_context = std::string(vocab::nif) + "referenceContext";
const std::string k_date = k_nkg + "date";
const std::string k_event = k_nkg + "Event";
const std::string k_document = k_nkg + "Document";
constexpr std::array<std::string_view, 4> k_entity_classes{"State", "Person", "Organization", "Place"};

}  // namespace

Result<GraphFile> read_graph(const std::string& file_or_folder) {
  std::error_code ec;
  GraphFile g;
  g.path = std::filesystem::is_directory(file_or_folder, ec)
               ? (std::filesystem::path(file_or_folder) / "graph.nq").string()
               : file_or_folder;
  auto quads = serialize::read_rdf_file(g.path);
  if (!quads.ok()) return quads.status();
  g.quads = std::move(quads).value();
  return g;
}

GraphStats compute_stats(const std::vector<Quad>& quads, std::size_t top) {
  GraphStats s;
  std::set<Quad> distinct_quads(quads.begin(), quads.end());
  std::set<std::tuple<Term, Term, Term>> triples;
  std::set<Term> graphs;
  std::map<std::string, std::set<std::string>> types;
  std::map<std::string, std::pair<bool, std::string>> labels;  // (not English, text): the smallest
  std::map<std::string, std::set<std::string>> mentions;      // entity -> mention nodes
  std::map<std::string, std::set<std::string>> contexts;      // mention -> documents
  std::map<std::string, std::set<std::string>> dates;
  for (const Quad& q : distinct_quads) {
    triples.emplace(q.subject, q.predicate, q.object);
    if (!q.graph.empty()) graphs.insert(q.graph);
    const std::string& p = q.predicate.value;
    if (p == k_type && q.object.is_iri()) {
      types[q.subject.value].insert(q.object.value);
    } else if (p == k_label && q.object.is_literal()) {
      const auto key = std::make_pair(q.object.language != "en", q.object.value);
      auto [it, is_new] = labels.emplace(q.subject.value, key);
      if (!is_new && key < it->second) it->second = key;
    } else if (p == k_ident_ref && q.object.is_iri()) {
      mentions[q.object.value].insert(q.subject.value);
    } else if (p == k_context) {
      contexts[q.subject.value].insert(q.object.value);
    } else if (p == k_date && q.object.is_literal()) {
      dates[q.subject.value].insert(q.object.value);
    }
  }
  s.quads = distinct_quads.size();
  s.triples = triples.size();
  s.named_graphs = graphs.size();
  for (const std::string_view c : k_entity_classes) s.entities_by_class[std::string(c)] = 0;
  std::vector<EntityMentions> ranked;
  for (const auto& [node, classes] : types) {
    if (classes.count(k_document) != 0) ++s.documents;
    if (classes.count(k_event) != 0) {
      ++s.events;
      std::string cls;
      for (const std::string& t : classes) {
        if (t != k_event && t.starts_with(k_nkg)) {
          cls = t.substr(k_nkg.size());
          break;
        }
      }
      ++s.events_by_class[cls.empty() ? "Event" : cls];
      const auto d = dates.find(node);
      if (d == dates.end()) {
        ++s.undated_events;
      } else {
        for (const std::string& day : d->second) ++s.events_by_date[day];
      }
    }
    for (const std::string_view c : k_entity_classes) {
      if (classes.count(k_nkg + std::string(c)) == 0) continue;
      ++s.entities;
      ++s.entities_by_class[std::string(c)];
      EntityMentions e{node, {}, std::string(c), 0, 0};
      if (const auto l = labels.find(node); l != labels.end()) e.label = l->second.second;
      if (const auto m = mentions.find(node); m != mentions.end()) {
        e.mentions = m->second.size();
        std::set<std::string> articles;
        for (const std::string& mention : m->second) {
          if (const auto c2 = contexts.find(mention); c2 != contexts.end()) {
            articles.insert(c2->second.begin(), c2->second.end());
          }
        }
        e.articles = articles.size();
      }
      ranked.push_back(std::move(e));
      break;  // one class per entity: the first in k_entity_classes
    }
  }
  std::sort(ranked.begin(), ranked.end(), [](const EntityMentions& a, const EntityMentions& b) {
    return std::tie(b.mentions, b.articles, a.iri) < std::tie(a.mentions, a.articles, b.iri);
  });
  if (ranked.size() > top) ranked.resize(top);
  s.top_entities = std::move(ranked);
  return s;
}

}  // namespace nkg::inspect
