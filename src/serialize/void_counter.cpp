// VoID + DCAT description of the union graph.
#include <limits>
#include <map>
#include <set>

#include "core/vocab.hpp"
#include "serialize/external_sort.hpp"
#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace nkg::serialize {

namespace {

/// Counts a stream of distinct triples grouped by subject (union order: a QuadSort with
/// drop_graphs, or the sorting buffer). What it keeps grows with subjects' types of one subject,
/// properties, classes and documents only; distinct objects, which are not grouped, are counted
/// by a KeySorter within `memory_bytes`.
class VoidCounter final : public QuadSink {
 public:
  VoidCounter(QuadSink& target, std::string base, std::size_t memory_bytes, std::string temp_dir)
      : target_(target), base_(std::move(base)), objects_(memory_bytes, std::move(temp_dir)) {}

  Status prefix(std::string_view name, std::string_view ns) override {
    prefixes_.add(name, ns);
    return Status::success();
  }
  Status quad(const Quad& q) override {
    if (!has_subject_ || q.subject.value != subject_) {
      end_subject();
      subject_ = q.subject.value;
      has_subject_ = true;
      ++subjects_;
    }
    ++triples_;
    key_.clear();
    append_term_key(key_, q.object);
    NKG_TRY(objects_.add(key_));
    ++triples_by_property_[q.predicate.value];
    if (q.predicate.value == vocab::rdf_type) classes_of_subject_.insert(q.object.value);
    return Status::success();
  }

  Status finish() override {
    end_subject();
    std::size_t objects = 0;
    NKG_TRY(objects_.for_each([&](std::string_view) {
      ++objects;
      return Status::success();
    }));
    const std::string ds = base_ + std::string(vocab::path_dataset) + "newskg";
    const auto add = [&](const std::string& s, std::string_view ns, std::string_view local, Term o) {
      return target_.quad(Quad{iri(s), iri(vocab::term(ns, local)), std::move(o), Term{}});
    };
    const auto count = [](std::size_t n) { return typed_literal(std::to_string(n), std::string(vocab::xsd_integer)); };
    for (const auto& [name, ns] : prefixes_.entries()) NKG_TRY(target_.prefix(name, ns));
    NKG_TRY(add(ds, vocab::rdf, "type", iri(vocab::term(vocab::void_, "Dataset"))));
    NKG_TRY(add(ds, vocab::rdf, "type", iri(vocab::term(vocab::dcat, "Dataset"))));
    NKG_TRY(add(ds, vocab::dct, "title", literal("newskg export")));
    NKG_TRY(add(ds, vocab::dct, "description", literal("People, states, organizations and events reported in news "
                                                        "articles, with the text that supports each fact (NIF 2.0).")));
    NKG_TRY(add(ds, vocab::void_, "uriSpace", literal(base_)));
    NKG_TRY(add(ds, vocab::void_, "triples", count(triples_)));
    NKG_TRY(add(ds, vocab::void_, "entities", count(entities_)));
    NKG_TRY(add(ds, vocab::void_, "distinctSubjects", count(subjects_)));
    NKG_TRY(add(ds, vocab::void_, "distinctObjects", count(objects)));
    NKG_TRY(add(ds, vocab::void_, "properties", count(triples_by_property_.size())));
    NKG_TRY(add(ds, vocab::void_, "classes", count(members_by_class_.size())));
    NKG_TRY(add(ds, vocab::void_, "documents", count(documents_.size())));
    for (const std::string& d : documents_) NKG_TRY(add(ds, vocab::dct, "source", iri(d)));
    for (const std::string_view ns : {vocab::nkg, vocab::schema, vocab::skos, vocab::rdfs, vocab::owl, vocab::nif,
                                      vocab::itsrdf, vocab::dct}) {
      NKG_TRY(add(ds, vocab::void_, "vocabulary", iri(std::string(ns))));
    }
    for (const auto& [cls, members] : members_by_class_) {
      const std::string part = ds + "/class/" + slug(cls);
      NKG_TRY(add(ds, vocab::void_, "classPartition", iri(part)));
      NKG_TRY(add(part, vocab::void_, "class", iri(cls)));
      NKG_TRY(add(part, vocab::void_, "entities", count(members)));
    }
    for (const auto& [prop, n] : triples_by_property_) {
      const std::string part = ds + "/property/" + slug(prop);
      NKG_TRY(add(ds, vocab::void_, "propertyPartition", iri(part)));
      NKG_TRY(add(part, vocab::void_, "property", iri(prop)));
      NKG_TRY(add(part, vocab::void_, "triples", count(n)));
    }
    return target_.finish();
  }

 private:
  /// The subject just finished: its classes counted, an entity if one is a newskg class.
  void end_subject() {
    bool is_entity = false;
    for (const std::string& cls : classes_of_subject_) {
      ++members_by_class_[cls];
      if (cls.rfind(vocab::nkg, 0) == 0) is_entity = true;
      if (cls == document_class_) documents_.insert(subject_);
    }
    if (is_entity) ++entities_;
    classes_of_subject_.clear();
  }

  /// "nkg-State" for nkg:State: the partition's readable, IRI-safe name.
  [[nodiscard]] std::string slug(const std::string& iri) const {
    std::string q = prefixes_.qualify(iri);
    if (q.empty()) {
      for (const auto& [name, ns] : vocab::fixed_prefixes) {
        if (iri.rfind(ns, 0) == 0) q = std::string(name) + ':' + iri.substr(ns.size());
      }
    }
    std::string out;
    for (const char c : q.empty() ? iri : q) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      out += ok ? c : '-';
    }
    return out;
  }

  QuadSink& target_;
  std::string base_;
  PrefixTable prefixes_;
  KeySorter objects_;
  std::string key_;  // reused
  const std::string document_class_ = vocab::term(vocab::nkg, "Document");
  std::string subject_;
  bool has_subject_ = false;
  std::set<std::string> classes_of_subject_;
  std::size_t triples_ = 0;
  std::size_t subjects_ = 0;
  std::size_t entities_ = 0;
  std::map<std::string, std::size_t> triples_by_property_;
  std::map<std::string, std::size_t> members_by_class_;
  std::set<std::string> documents_;
};

/// Quads in any order: the sorting buffer in front of the counter, in memory.
class BufferedVoidCounter final : public QuadSink {
 public:
  BufferedVoidCounter(QuadSink& target, std::string base)
      : counter_(target, std::move(base), std::numeric_limits<std::size_t>::max(), std::string(".")),
        sorter_(make_sorting_buffer(counter_, true)) {}
  Status prefix(std::string_view name, std::string_view ns) override { return sorter_->prefix(name, ns); }
  Status quad(const Quad& q) override { return sorter_->quad(q); }
  Status finish() override { return sorter_->finish(); }

 private:
  VoidCounter counter_;
  std::unique_ptr<QuadSink> sorter_;
};

}  // namespace

std::unique_ptr<QuadSink> make_void_counter(QuadSink& target, std::string base) {
  return std::make_unique<BufferedVoidCounter>(target, std::move(base));
}

std::unique_ptr<QuadSink> make_sorted_void_counter(QuadSink& target, std::string base, std::size_t memory_bytes,
                                                   std::string temp_dir) {
  return std::make_unique<VoidCounter>(target, std::move(base), memory_bytes, std::move(temp_dir));
}

}  // namespace nkg::serialize
