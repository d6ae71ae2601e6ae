// JSON-LD 1.1, compacted with ontology/context.jsonld (nlohmann/json, sorted keys).
#include <nlohmann/json.hpp>

#include <map>
#include <set>

#include "core/vocab.hpp"
#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace nkg::serialize {

namespace {

using json = nlohmann::json;

bool is_namespace(const std::string& v) { return !v.empty() && (v.back() == '/' || v.back() == '#'); }

std::string expand(const std::map<std::string, std::string>& prefixes, const std::string& v) {
  const auto colon = v.find(':');
  if (colon == std::string::npos) return v;
  const auto it = prefixes.find(v.substr(0, colon));
  return it == prefixes.end() ? v : it->second + v.substr(colon + 1);
}

}  // namespace

Result<JsonLdContext> JsonLdContext::parse(std::string_view json_text) {
  JsonLdContext ctx;
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::parse_error& e) {
    return Status{StatusCode::bad_data, std::string("JSON-LD context: ") + e.what()};
  }
  if (!doc.is_object() || !doc.contains("@context") || !doc["@context"].is_object()) {
    return Status{StatusCode::bad_data, "JSON-LD context: no @context object"};
  }
  const json& c = doc["@context"];
  for (const auto& [key, value] : c.items()) {
    if (value.is_string() && is_namespace(value.get<std::string>()) && key.find(':') == std::string::npos) {
      ctx.prefixes[key] = value.get<std::string>();
    }
  }
  for (const auto& [key, value] : c.items()) {
    if (key.front() == '@') continue;
    TermDef t;
    t.name = key;
    if (value.is_string()) {
      const auto v = value.get<std::string>();
      if (v.front() == '@' || ctx.prefixes.count(key) != 0) continue;
      t.iri = expand(ctx.prefixes, v);
    } else if (value.is_object() && value.contains("@id")) {
      t.iri = expand(ctx.prefixes, value["@id"].get<std::string>());
      if (value.contains("@type")) {
        const auto type = value["@type"].get<std::string>();
        t.type = type.front() == '@' ? type : expand(ctx.prefixes, type);
      }
      if (value.contains("@language") && value["@language"].is_string()) t.language = value["@language"].get<std::string>();
    } else {
      continue;
    }
    ctx.terms.push_back(std::move(t));
  }
  return ctx;
}

namespace {

class JsonLdWriter final : public QuadSink {
 public:
  JsonLdWriter(const JsonLdContext& context, std::string context_ref, ByteSink& out, bool is_grouped)
      : context_(context), context_ref_(std::move(context_ref)), out_(out), is_grouped_(is_grouped) {
    for (const auto& [name, ns] : context_.prefixes) prefixes_.add(name, ns);
    for (const auto& t : context_.terms) term_names_.insert(t.name);
  }

  Status prefix(std::string_view, std::string_view) override { return Status::success(); }

  Status quad(const Quad& q) override {
    NKG_TRY(check_quad(q));
    for (const Term* t : {&q.subject, &q.predicate, &q.object}) {
      if (t->is_iri() && is_confusable(t->value)) {
        return {StatusCode::bad_data, "IRI <" + t->value + "> would be read as a compact IRI in JSON-LD"};
      }
    }
    if (q.object.is_literal() && !q.object.datatype.empty() && is_confusable(q.object.datatype)) {
      return {StatusCode::bad_data, "IRI <" + q.object.datatype + "> would be read as a compact IRI in JSON-LD"};
    }
    std::string id = node_id(q.subject);
    if (is_grouped_ && !nodes_.empty() && nodes_.begin()->first != id) NKG_TRY(write_nodes());
    Node& node = nodes_[std::move(id)];
    if (q.predicate.value == vocab::rdf_type && q.object.is_iri()) {
      node.types.insert(compact_type(q.object.value));
      return Status::success();
    }
    auto [key, value] = compact_value(q.predicate.value, q.object);
    node.properties[key].insert(value.dump());
    return Status::success();
  }

  Status finish() override {
    NKG_TRY(write_nodes());
    if (!is_started_) NKG_TRY(start());
    text_ += node_count_ == 0 ? "[]\n}\n" : "\n  ]\n}\n";
    return flush();
  }

 private:
  struct Node {
    std::set<std::string> types;
    std::map<std::string, std::set<std::string>> properties;  // values as serialized JSON, sorted
  };

  // The bytes are those of json{{"@context", ref}, {"@graph", [nodes]}}.dump(2) + "\n", written
  // node by node: nlohmann indents a nested value by its depth alone, and no string holds a raw
  // line break, so a node dumped on its own and indented by four spaces is the same text.
  Status start() {
    is_started_ = true;
    text_ += "{\n  \"@context\": " + json(context_ref_).dump() + ",\n  \"@graph\": ";
    return Status::success();
  }

  /// Writes the nodes held (all of them, or in grouped mode the one node being built).
  Status write_nodes() {
    if (!is_started_) NKG_TRY(start());
    for (const auto& [id, node] : nodes_) {
      if (is_grouped_ && node_count_ != 0 && id <= last_id_) {
        return {StatusCode::internal, "JSON-LD writer: node <" + id + "> out of order in grouped mode"};
      }
      json o = json::object();
      o["@id"] = compact_iri(id);
      if (!node.types.empty()) o["@type"] = one_or_many(node.types, false);
      for (const auto& [key, values] : node.properties) o[key] = one_or_many(values, true);
      std::string dumped;
      try {
        dumped = o.dump(2);
      } catch (const json::exception& e) {
        return {StatusCode::bad_data, std::string("JSON-LD: ") + e.what()};
      }
      text_ += node_count_ == 0 ? "[\n    " : ",\n    ";
      for (const char c : dumped) {
        text_ += c;
        if (c == '\n') text_ += "    ";
      }
      ++node_count_;
      if (is_grouped_) last_id_ = id;
    }
    nodes_.clear();
    return text_.size() >= (1U << 20U) ? flush() : Status::success();
  }

  Status flush() {
    const Status st = out_.write(text_);
    text_.clear();
    return st;
  }

  static json one_or_many(const std::set<std::string>& values, bool parse) {
    const auto convert = [&](const std::string& v) { return parse ? json::parse(v) : json(v); };
    if (values.size() == 1) return convert(*values.begin());
    json a = json::array();
    for (const auto& v : values) a.push_back(convert(v));
    return a;
  }

  /// A compact IRI (prefix:local) when one fits and cannot be mistaken for a term.
  [[nodiscard]] std::string compact_iri(const std::string& iri) const {
    const std::pair<std::string, std::string>* best = nullptr;
    for (const auto& entry : prefixes_.entries()) {
      if (iri.size() > entry.second.size() && iri.compare(0, entry.second.size(), entry.second) == 0 &&
          (best == nullptr || entry.second.size() > best->second.size())) {
        best = &entry;
      }
    }
    if (best == nullptr) return iri;
    std::string c = best->first + ':' + iri.substr(best->second.size());
    if (c.find(":/") != std::string::npos || term_names_.count(c) != 0) return iri;
    return c;
  }

  /// An absolute IRI whose scheme is a prefix or term of the context ("wd:Q1", "nkg:x") reads
  /// as a compact IRI in JSON-LD, and there is no way to escape it (JSON-LD 1.1, IRI compaction:
  /// "IRI confused with prefix").
  [[nodiscard]] bool is_confusable(const std::string& iri) const {
    const auto colon = iri.find(':');
    if (colon == std::string::npos || iri.compare(colon, 3, "://") == 0) return false;
    const std::string scheme = iri.substr(0, colon);
    return context_.prefixes.count(scheme) != 0 || term_names_.count(scheme) != 0;
  }

  /// "@id" of a node: a blank node keeps its "_:" label, an IRI is compacted.
  [[nodiscard]] std::string node_id(const Term& t) const { return t.is_blank() ? "_:" + t.value : t.value; }

  [[nodiscard]] std::string compact_type(const std::string& iri) const {
    for (const auto& t : context_.terms) {
      if (t.iri == iri && t.type.empty() && t.language.empty()) return t.name;
    }
    return compact_iri(iri);
  }

  [[nodiscard]] bool fits(const JsonLdContext::TermDef& t, const Term& v) const {
    if (v.is_iri() || v.is_blank()) return t.type == "@id";
    if (!v.language.empty()) return t.type.empty() && t.language == v.language;
    if (!v.datatype.empty()) return t.type == v.datatype && t.language.empty();
    return t.type.empty() && t.language.empty();
  }

  [[nodiscard]] std::pair<std::string, json> compact_value(const std::string& property, const Term& v) const {
    for (const auto& t : context_.terms) {
      if (t.iri == property && fits(t, v)) {
        return {t.name, json(v.is_iri() ? compact_iri(v.value) : v.is_blank() ? node_id(v) : v.value)};
      }
    }
    std::string key = compact_iri(property);
    json value = json::object();
    if (v.is_iri() || v.is_blank()) {
      value["@id"] = compact_iri(node_id(v));
    } else {
      value["@value"] = v.value;
      if (!v.language.empty()) value["@language"] = v.language;
      if (!v.datatype.empty()) value["@type"] = compact_iri(v.datatype);
    }
    return {key, value};
  }

  const JsonLdContext& context_;
  std::string context_ref_;
  ByteSink& out_;
  PrefixTable prefixes_;
  std::set<std::string> term_names_;
  bool is_grouped_;
  std::map<std::string, Node> nodes_;  // in grouped mode, the node being built
  std::string text_;                   // written, not yet handed to out_
  bool is_started_ = false;
  std::size_t node_count_ = 0;
  std::string last_id_;
};

}  // namespace

std::unique_ptr<QuadSink> make_jsonld_writer(const JsonLdContext& context, std::string context_ref, ByteSink& out,
                                             bool is_grouped) {
  return std::make_unique<JsonLdWriter>(context, std::move(context_ref), out, is_grouped);
}

}  // namespace nkg::serialize
