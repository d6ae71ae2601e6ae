#include <algorithm>
#include <tuple>

#include "core/vocab.hpp"
#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace nkg::serialize {

namespace {

/// Total order: graph, subject, rdf:type first, predicate, object (STYLE §2 determinism).
bool quad_less(const Quad& a, const Quad& b) {
  const bool a_type = a.predicate.value == vocab::rdf_type;
  const bool b_type = b.predicate.value == vocab::rdf_type;
  return std::tie(a.graph, a.subject, b_type, a.predicate, a.object) <
         std::tie(b.graph, b.subject, a_type, b.predicate, b.object);
}

class SortingBuffer final : public QuadSink {
 public:
  SortingBuffer(QuadSink& target, bool drop_graphs) : target_(target), drop_graphs_(drop_graphs) {}

  Status prefix(std::string_view name, std::string_view ns) override {
    prefixes_.add(name, ns);
    return Status::success();
  }
  Status quad(const Quad& q) override {
    quads_.push_back(q);
    if (drop_graphs_) quads_.back().graph = Term{};
    return Status::success();
  }
  Status finish() override {
    std::sort(quads_.begin(), quads_.end(), quad_less);
    quads_.erase(std::unique(quads_.begin(), quads_.end()), quads_.end());
    for (const auto& [name, ns] : prefixes_.entries()) NKG_TRY(target_.prefix(name, ns));
    for (const Quad& q : quads_) NKG_TRY(target_.quad(q));
    return target_.finish();
  }

 private:
  QuadSink& target_;
  bool drop_graphs_;
  PrefixTable prefixes_;
  std::vector<Quad> quads_;
};

class Tee final : public QuadSink {
 public:
  explicit Tee(std::vector<QuadSink*> targets) : targets_(std::move(targets)) {}
  Status prefix(std::string_view name, std::string_view ns) override {
    for (QuadSink* t : targets_) NKG_TRY(t->prefix(name, ns));
    return Status::success();
  }
  Status quad(const Quad& q) override {
    for (QuadSink* t : targets_) NKG_TRY(t->quad(q));
    return Status::success();
  }
  Status finish() override {
    for (QuadSink* t : targets_) NKG_TRY(t->finish());
    return Status::success();
  }

 private:
  std::vector<QuadSink*> targets_;
};

}  // namespace

std::unique_ptr<QuadSink> make_sorting_buffer(QuadSink& target, bool drop_graphs) {
  return std::make_unique<SortingBuffer>(target, drop_graphs);
}

std::unique_ptr<QuadSink> make_tee(std::vector<QuadSink*> targets) { return std::make_unique<Tee>(std::move(targets)); }

}  // namespace nkg::serialize
