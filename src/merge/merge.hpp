// merge/: the corpus pass — what needs every document at once, done on document graphs.
//
// export emits each document's named graph on its own ("shard form"): IRIs from keys that the
// document alone decides, so any split of a corpus into shards gives, by set union, the shard
// form of the whole. This pass then reads those graphs and rewrites them as the whole corpus
// decides (DESIGN §2):
//   - one person across spellings and articles is one IRI with one label (resolve::unify_people
//     over every document's names and posts: typos where the post agrees, a surname alone);
//   - a post stated without its state takes the one state other articles give that holder;
//   - reports of one act that give no date take the one date the others agree on, and every
//     event has one confidence, the highest of its reports.
// `newskg export` runs it after the documents, `newskg merge` over shard files: the same code,
// so both give the same graph whatever the sharding.
//
// Use: add() every document graph (any order), decide(), then rewrite() each graph. The result
// depends on the set of graphs, not on their order. add()/decide() are not thread-safe;
// rewrite() is const and may run on many threads. Memory: the names and posts of each person
// and one small record per event report, not the graphs.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/term.hpp"
#include "graph/graph.hpp"
#include "resolve/resolve.hpp"

namespace nkg::merge {

class CorpusPass {
 public:
  explicit CorpusPass(const graph::GraphBuilder& builder);

  /// Pass 1: what one document graph says about people, posts and events. `quads` are all the
  /// quads of one named graph (the document IRI).
  void add(const std::vector<Quad>& quads);
  /// Decides person keys, labels, owners of posts, event dates and confidences.
  void decide();
  /// Pass 2: one document graph as the corpus decides it, sorted and without duplicates.
  [[nodiscard]] std::vector<Quad> rewrite(const std::vector<Quad>& quads) const;

  /// Documents added so far.
  [[nodiscard]] std::size_t documents() const { return documents_; }

 private:
  struct EventReport {
    resolve::EventKeyFacts facts;  // person keys as the document gives them
    std::optional<PartialDate> date;
    double confidence = 0.0;
  };
  [[nodiscard]] std::string canonical_person(const std::string& key) const;
  [[nodiscard]] std::optional<EntityRef> canonical(std::optional<EntityRef> ref) const;

  const graph::GraphBuilder& builder_;
  std::size_t documents_ = 0;
  std::vector<resolve::PersonEvidence> people_evidence_;
  // (holder key, title) -> the IRIs of what the post belongs to, as documents state them.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> stated_owners_;
  std::vector<EventReport> events_;

  // Decided by decide():
  resolve::PersonIndex people_;
  std::map<std::pair<std::string, std::string>, std::set<std::string>> owners_;  // canonical holder
  std::unordered_map<std::string, std::set<std::string>> dates_of_;              // base key -> ISO dates
  std::unordered_map<std::string, double> confidence_;                           // event key -> highest
};

}  // namespace nkg::merge
