// VoID + DCAT description of the union graph.
#include <map>
#include <set>

#include "core/vocab.hpp"
#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace nkg::serialize {

namespace {

class VoidCounter final : public QuadSink {
 public:
  VoidCounter(QuadSink& target, std::string base) : target_(target), base_(std::move(base)) {}

  Status prefix(std::string_view name, std::string_view ns) override {
    prefixes_.add(name, ns);
    return Status::success();
  }
  Status quad(const Quad& q) override {
    triples_.insert(Quad{q.subject, q.predicate, q.object, Term{}});
    return Status::success();
  }

  Status finish() override {
    std::set<std::string> subjects;
    std::set<Term> objects;
    std::map<std::string, std::set<std::string>> entities_by_class;
    std::map<std::string, std::size_t> triples_by_property;
    for (const Quad& q : triples_) {
      subjects.insert(q.subject.value);
      objects.insert(q.object);
      ++triples_by_property[q.predicate.value];
      if (q.predicate.value == vocab::rdf_type) entities_by_class[q.object.value].insert(q.subject.value);
    }
    std::set<std::string> entities;  // typed with a newskg class
    for (const auto& [cls, members] : entities_by_class) {
      if (cls.rfind(vocab::nkg, 0) == 0) entities.insert(members.begin(), members.end());
    }
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
    NKG_TRY(add(ds, vocab::void_, "triples", count(triples_.size())));
    NKG_TRY(add(ds, vocab::void_, "entities", count(entities.size())));
    NKG_TRY(add(ds, vocab::void_, "distinctSubjects", count(subjects.size())));
    NKG_TRY(add(ds, vocab::void_, "distinctObjects", count(objects.size())));
    NKG_TRY(add(ds, vocab::void_, "properties", count(triples_by_property.size())));
    NKG_TRY(add(ds, vocab::void_, "classes", count(entities_by_class.size())));
    const auto docs = entities_by_class.find(vocab::term(vocab::nkg, "Document"));
    NKG_TRY(add(ds, vocab::void_, "documents", count(docs == entities_by_class.end() ? 0 : docs->second.size())));
    if (docs != entities_by_class.end()) {
      for (const std::string& d : docs->second) NKG_TRY(add(ds, vocab::dct, "source", iri(d)));
    }
    for (const std::string_view ns : {vocab::nkg, vocab::schema, vocab::skos, vocab::rdfs, vocab::owl, vocab::nif,
                                      vocab::itsrdf, vocab::dct}) {
      NKG_TRY(add(ds, vocab::void_, "vocabulary", iri(std::string(ns))));
    }
    for (const auto& [cls, members] : entities_by_class) {
      const std::string part = ds + "/class/" + slug(cls);
      NKG_TRY(add(ds, vocab::void_, "classPartition", iri(part)));
      NKG_TRY(add(part, vocab::void_, "class", iri(cls)));
      NKG_TRY(add(part, vocab::void_, "entities", count(members.size())));
    }
    for (const auto& [prop, n] : triples_by_property) {
      const std::string part = ds + "/property/" + slug(prop);
      NKG_TRY(add(ds, vocab::void_, "propertyPartition", iri(part)));
      NKG_TRY(add(part, vocab::void_, "property", iri(prop)));
      NKG_TRY(add(part, vocab::void_, "triples", count(n)));
    }
    return target_.finish();
  }

 private:
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
  std::set<Quad> triples_;
};

}  // namespace

std::unique_ptr<QuadSink> make_void_counter(QuadSink& target, std::string base) {
  return std::make_unique<VoidCounter>(target, std::move(base));
}

}  // namespace nkg::serialize
