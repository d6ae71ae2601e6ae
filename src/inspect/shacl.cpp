// SHACL Core validation over our own terms: shapes compiled once, then checked against a data
// graph indexed in memory (https://www.w3.org/TR/shacl/, sections 2-4).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <regex>
#include <set>
#include <string_view>
#include <tuple>

#include "core/vocab.hpp"
#include "inspect/inspect.hpp"

namespace nkg::inspect {

namespace {

constexpr std::string_view k_sh = "http://www.w3.org/ns/shacl#";
const std::string k_type(vocab::rdf_type);
const std::string k_first = std::string(vocab::rdf) + "first";
const std::string k_rest = std::string(vocab::rdf) + "rest";
const std::string k_nil = std::string(vocab::rdf) + "nil";
const std::string k_lang_string = std::string(vocab::rdf) + "langString";
const std::string k_sub_class_of = std::string(vocab::rdfs) + "subClassOf";
const std::string k_rdfs_class = std::string(vocab::rdfs) + "Class";
const std::string k_xsd(vocab::xsd);
const std::string k_xsd_string(vocab::xsd_string);

std::string sh(std::string_view local) { return std::string(k_sh) + std::string(local); }

/// Plain literals and xsd:string literals are one term (RDF 1.1).
Term normalized(Term t) {
  if (t.is_literal() && t.datatype == k_xsd_string) t.datatype.clear();
  return t;
}

/// A graph indexed by subject and by object (the union of its named graphs).
class Index {
 public:
  explicit Index(const std::vector<Quad>& quads) {
    for (const Quad& q : quads) {
      const Term s = normalized(q.subject);
      const Term o = normalized(q.object);
      forward_[s][q.predicate.value].insert(o);
      backward_[o][q.predicate.value].insert(s);
      by_predicate_[q.predicate.value].emplace(s, o);
    }
  }

  [[nodiscard]] const std::set<Term>& objects(const Term& s, const std::string& p) const {
    return lookup(forward_, s, p);
  }
  [[nodiscard]] const std::set<Term>& subjects(const Term& o, const std::string& p) const {
    return lookup(backward_, o, p);
  }
  [[nodiscard]] std::optional<Term> one(const Term& s, const std::string& p) const {
    const auto& v = objects(s, p);
    if (v.empty()) return std::nullopt;
    return *v.begin();
  }
  [[nodiscard]] const std::map<std::string, std::set<Term>>* predicates(const Term& s) const {
    const auto it = forward_.find(s);
    return it == forward_.end() ? nullptr : &it->second;
  }
  [[nodiscard]] const std::set<std::pair<Term, Term>>& pairs(const std::string& p) const {
    static const std::set<std::pair<Term, Term>> none;
    const auto it = by_predicate_.find(p);
    return it == by_predicate_.end() ? none : it->second;
  }

  /// The members of an RDF list, or nullopt when it is not a well-formed list.
  [[nodiscard]] std::optional<std::vector<Term>> list(Term head) const {
    std::vector<Term> out;
    std::set<Term> seen;
    while (!(head.is_iri() && head.value == k_nil)) {
      if (!seen.insert(head).second) return std::nullopt;
      const auto& first = objects(head, k_first);
      const auto& rest = objects(head, k_rest);
      if (first.size() != 1 || rest.size() != 1) return std::nullopt;
      out.push_back(*first.begin());
      head = *rest.begin();
    }
    return out;
  }

  /// Every class that `cls` is (rdfs:subClassOf, transitively, itself included).
  [[nodiscard]] const std::set<std::string>& superclasses(const std::string& cls) const {
    if (const auto it = supers_.find(cls); it != supers_.end()) return it->second;
    std::set<std::string> out{cls};
    std::vector<std::string> todo{cls};
    while (!todo.empty()) {
      const std::string c = todo.back();
      todo.pop_back();
      for (const Term& super : objects(iri(c), k_sub_class_of)) {
        if (super.is_iri() && out.insert(super.value).second) todo.push_back(super.value);
      }
    }
    return supers_.emplace(cls, std::move(out)).first->second;
  }

  /// SHACL instance: a type of the node is `cls` or one of its subclasses.
  [[nodiscard]] bool is_instance(const Term& node, const std::string& cls) const {
    for (const Term& t : objects(node, k_type)) {
      if (t.is_iri() && superclasses(t.value).count(cls) != 0) return true;
    }
    return false;
  }

  /// Every SHACL instance of `cls`.
  [[nodiscard]] std::set<Term> instances(const std::string& cls) const {
    std::set<Term> out;
    for (const auto& [s, o] : pairs(k_type)) {
      if (o.is_iri() && superclasses(o.value).count(cls) != 0) out.insert(s);
    }
    return out;
  }

 private:
  using Map = std::map<Term, std::map<std::string, std::set<Term>>>;
  static const std::set<Term>& lookup(const Map& m, const Term& key, const std::string& p) {
    static const std::set<Term> none;
    const auto it = m.find(key);
    if (it == m.end()) return none;
    const auto jt = it->second.find(p);
    return jt == it->second.end() ? none : jt->second;
  }
  Map forward_;
  Map backward_;
  std::map<std::string, std::set<std::pair<Term, Term>>> by_predicate_;
  mutable std::map<std::string, std::set<std::string>> supers_;
};

// ---------------------------------------------------------------------------------------------
// Literal checks

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// Strips an optional time zone (Z, +hh:mm, -hh:mm) from the end of a date lexical form.
std::optional<std::string_view> without_timezone(std::string_view s) {
  if (s.ends_with('Z')) return s.substr(0, s.size() - 1);
  if (s.size() >= 6 && (s[s.size() - 6] == '+' || s[s.size() - 6] == '-') && s[s.size() - 3] == ':') {
    const std::string_view hh = s.substr(s.size() - 5, 2);
    const std::string_view mm = s.substr(s.size() - 2, 2);
    if (!all_digits(hh) || !all_digits(mm) || std::stoi(std::string(hh)) > 14 || std::stoi(std::string(mm)) > 59) {
      return std::nullopt;
    }
    return s.substr(0, s.size() - 6);
  }
  return s;
}

/// Parses "[-]YYYY[-MM[-DD]]" with exactly `parts` parts; fills year/month/day.
bool parse_date_parts(std::string_view s, int parts, long long& year, int& month, int& day) {
  if (s.starts_with('-')) s.remove_prefix(1);
  const auto first = s.find('-');
  const std::string_view y = s.substr(0, first);
  if (y.size() < 4 || !all_digits(y) || (y.size() > 4 && y[0] == '0') || y.size() > 12) return false;
  year = std::stoll(std::string(y));
  month = 1;
  day = 1;
  if (parts == 1) return first == std::string_view::npos;
  if (first == std::string_view::npos) return false;
  s.remove_prefix(first + 1);
  const std::string_view m = s.substr(0, 2);
  if (m.size() != 2 || !all_digits(m)) return false;
  month = std::stoi(std::string(m));
  if (month < 1 || month > 12) return false;
  s.remove_prefix(2);
  if (parts == 2) return s.empty();
  if (s.size() != 3 || s[0] != '-' || !all_digits(s.substr(1))) return false;
  day = std::stoi(std::string(s.substr(1)));
  static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool is_leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day >= 1 && day <= days[static_cast<std::size_t>(month - 1)] && !(month == 2 && day == 29 && !is_leap);
}

bool is_integer_lexical(std::string_view s) {
  if (s.starts_with('+') || s.starts_with('-')) s.remove_prefix(1);
  return all_digits(s);
}

bool is_decimal_lexical(std::string_view s) {
  if (s.starts_with('+') || s.starts_with('-')) s.remove_prefix(1);
  const auto dot = s.find('.');
  if (dot == std::string_view::npos) return all_digits(s);
  const std::string_view a = s.substr(0, dot);
  const std::string_view b = s.substr(dot + 1);
  return (a.empty() || all_digits(a)) && (b.empty() || all_digits(b)) && !(a.empty() && b.empty());
}

/// Whether the lexical form is valid for the datatype; unknown datatypes are taken as valid.
bool is_well_formed(const Term& t) {
  const std::string& dt = t.datatype;
  if (!dt.starts_with(k_xsd)) return true;
  const std::string_view local = std::string_view(dt).substr(k_xsd.size());
  const std::string& v = t.value;
  long long year = 0;
  int month = 0;
  int day = 0;
  if (local == "date" || local == "gYearMonth" || local == "gYear") {
    const auto bare = without_timezone(v);
    return bare && parse_date_parts(*bare, local == "date" ? 3 : local == "gYearMonth" ? 2 : 1, year, month, day);
  }
  if (local == "integer" || local == "long" || local == "int") return is_integer_lexical(v);
  if (local == "nonNegativeInteger") return is_integer_lexical(v) && (v[0] != '-' || v.find_first_not_of("-0") == std::string::npos);
  if (local == "positiveInteger") return is_integer_lexical(v) && v[0] != '-' && v.find_first_not_of("+0") != std::string::npos;
  if (local == "decimal") return is_decimal_lexical(v);
  if (local == "boolean") return v == "true" || v == "false" || v == "1" || v == "0";
  return true;
}

bool is_numeric_datatype(const std::string& dt) {
  static const std::set<std::string> numeric{
      k_xsd + "integer", k_xsd + "decimal", k_xsd + "nonNegativeInteger", k_xsd + "positiveInteger",
      k_xsd + "long",    k_xsd + "int",     k_xsd + "double",             k_xsd + "float"};
  return numeric.count(dt) != 0;
}

/// -1, 0, 1, or nullopt when the two literals are not comparable (SHACL 4.3 and 4.5).
std::optional<int> compare_literals(const Term& a, const Term& b) {
  if (!a.is_literal() || !b.is_literal()) return std::nullopt;
  if (is_numeric_datatype(a.datatype) && is_numeric_datatype(b.datatype)) {
    if (!is_well_formed(a) || !is_well_formed(b)) return std::nullopt;
    try {
      const long double x = std::stold(a.value);
      const long double y = std::stold(b.value);
      return x < y ? -1 : (y < x ? 1 : 0);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  if (a.datatype != b.datatype || a.language != b.language || !is_well_formed(a) || !is_well_formed(b)) {
    return std::nullopt;
  }
  const bool is_date = a.datatype == k_xsd + "date" || a.datatype == k_xsd + "gYearMonth" ||
                       a.datatype == k_xsd + "gYear";
  if (!a.datatype.empty() && !is_date && a.datatype != k_lang_string) return std::nullopt;
  return a.value < b.value ? -1 : (b.value < a.value ? 1 : 0);
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

/// SPARQL langMatches (basic filtering, RFC 4647).
bool lang_matches(std::string tag, std::string range) {
  std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::transform(range.begin(), range.end(), range.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (range == "*") return !tag.empty();
  return tag == range || (tag.starts_with(range) && tag.size() > range.size() && tag[range.size()] == '-');
}

// ---------------------------------------------------------------------------------------------
// Compiled shapes

struct Path {
  enum class Kind : std::uint8_t { predicate, inverse, sequence, alternative, zero_or_more, one_or_more, zero_or_one };
  Kind kind = Kind::predicate;
  std::string iri;
  std::vector<Path> parts;
};

std::string render(const Path& p) {
  switch (p.kind) {
    case Path::Kind::predicate: return "<" + p.iri + ">";
    case Path::Kind::inverse: return "^" + render(p.parts[0]);
    case Path::Kind::zero_or_more: return render(p.parts[0]) + "*";
    case Path::Kind::one_or_more: return render(p.parts[0]) + "+";
    case Path::Kind::zero_or_one: return render(p.parts[0]) + "?";
    case Path::Kind::sequence:
    case Path::Kind::alternative: {
      std::string out = p.kind == Path::Kind::alternative ? "(" : "";
      for (std::size_t i = 0; i < p.parts.size(); ++i) {
        if (i > 0) out += p.kind == Path::Kind::alternative ? "|" : "/";
        out += render(p.parts[i]);
      }
      return out + (p.kind == Path::Kind::alternative ? ")" : "");
    }
  }
  return {};
}

std::set<Term> evaluate(const Index& g, const Path& p, const Term& focus);

std::set<Term> evaluate_closure(const Index& g, const Path& inner, const Term& focus, bool include_self) {
  std::set<Term> out;
  if (include_self) out.insert(focus);
  std::vector<Term> todo{focus};
  std::set<Term> visited{focus};
  while (!todo.empty()) {
    const Term t = todo.back();
    todo.pop_back();
    for (const Term& n : evaluate(g, inner, t)) {
      out.insert(n);
      if (visited.insert(n).second) todo.push_back(n);
    }
  }
  return out;
}

std::set<Term> evaluate(const Index& g, const Path& p, const Term& focus) {
  switch (p.kind) {
    case Path::Kind::predicate: return g.objects(focus, p.iri);
    case Path::Kind::inverse: return g.subjects(focus, p.parts[0].iri);  // compile_path allows ^<iri> only
    case Path::Kind::sequence: {
      std::set<Term> current{focus};
      for (const Path& part : p.parts) {
        std::set<Term> next;
        for (const Term& t : current) {
          const std::set<Term> step = evaluate(g, part, t);
          next.insert(step.begin(), step.end());
        }
        current = std::move(next);
      }
      return current;
    }
    case Path::Kind::alternative: {
      std::set<Term> out;
      for (const Path& part : p.parts) {
        const std::set<Term> step = evaluate(g, part, focus);
        out.insert(step.begin(), step.end());
      }
      return out;
    }
    case Path::Kind::zero_or_more: return evaluate_closure(g, p.parts[0], focus, true);
    case Path::Kind::one_or_more: return evaluate_closure(g, p.parts[0], focus, false);
    case Path::Kind::zero_or_one: {
      std::set<Term> out = evaluate(g, p.parts[0], focus);
      out.insert(focus);
      return out;
    }
  }
  return {};
}

enum class Component : std::uint8_t {
  class_, datatype, node_kind, min_count, max_count, min_exclusive, min_inclusive, max_exclusive, max_inclusive,
  min_length, max_length, pattern, language_in, unique_lang, equals, disjoint, less_than, less_than_or_equals,
  has_value, in, node, property, not_, and_, or_, xone
};

/// Parameter name (the constraint reported), component, and whether the value is a list.
struct ComponentInfo {
  std::string_view parameter;
  Component component;
  bool is_list;
};
constexpr std::array<ComponentInfo, 26> k_components{{
    {"class", Component::class_, false},
    {"datatype", Component::datatype, false},
    {"nodeKind", Component::node_kind, false},
    {"minCount", Component::min_count, false},
    {"maxCount", Component::max_count, false},
    {"minExclusive", Component::min_exclusive, false},
    {"minInclusive", Component::min_inclusive, false},
    {"maxExclusive", Component::max_exclusive, false},
    {"maxInclusive", Component::max_inclusive, false},
    {"minLength", Component::min_length, false},
    {"maxLength", Component::max_length, false},
    {"pattern", Component::pattern, false},
    {"languageIn", Component::language_in, true},
    {"uniqueLang", Component::unique_lang, false},
    {"equals", Component::equals, false},
    {"disjoint", Component::disjoint, false},
    {"lessThan", Component::less_than, false},
    {"lessThanOrEquals", Component::less_than_or_equals, false},
    {"hasValue", Component::has_value, false},
    {"in", Component::in, true},
    {"node", Component::node, false},
    {"property", Component::property, false},
    {"not", Component::not_, false},
    {"and", Component::and_, true},
    {"or", Component::or_, true},
    {"xone", Component::xone, true},
}};

/// sh: predicates on a shape that are not constraints: targets, the path, and annotations.
constexpr std::array<std::string_view, 14> k_non_constraints{
    "targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "path",  "name",  "description",
    "message",     "severity",   "order",            "group",           "deactivated", "defaultValue", "flags"};

struct Constraint {
  Component component = Component::class_;
  std::string parameter;
  Term value;                   // the parameter's value
  std::vector<Term> list;       // for list-valued parameters
  std::vector<std::size_t> shapes;  // node, property, not, and, or, xone
  std::optional<std::regex> regex;
};

struct Shape {
  Term node;
  bool is_property = false;
  Path path;
  std::vector<std::string> target_classes;
  std::vector<Term> target_nodes;
  std::vector<std::string> target_subjects_of;
  std::vector<std::string> target_objects_of;
  std::vector<Constraint> constraints;
  ResultSeverity severity = ResultSeverity::violation;
  std::string message;
  bool is_deactivated = false;
};

std::string constraint_message(const Constraint& c, std::size_t count = 0) {
  const std::string v = c.value.empty() ? std::string() : to_nquads(c.value);
  switch (c.component) {
    case Component::min_count: return "fewer than " + c.value.value + " values (" + std::to_string(count) + ")";
    case Component::max_count: return "more than " + c.value.value + " values (" + std::to_string(count) + ")";
    case Component::class_: return "value is not an instance of " + v;
    case Component::datatype: return "value is not a valid literal of datatype " + v;
    case Component::node_kind: return "value is not of node kind " + v;
    case Component::has_value: return "missing the value " + v;
    case Component::in: return "value is not one of the allowed values";
    default: return "value violates sh:" + c.parameter + (v.empty() ? "" : " " + v);
  }
}

}  // namespace

struct Shapes::Impl {
  std::vector<Shape> shapes;
  std::string name;

  Result<std::size_t> compile(const Index& g, const Term& node, int depth);
  Result<Path> compile_path(const Index& g, const Term& node, int depth) const;
  Status compile_constraint(const Index& g, std::size_t shape, const ComponentInfo& info, const Term& value, int depth);

  void check(const Index& data, std::size_t shape, const Term& focus, std::vector<ValidationResult>& out,
             int depth) const;
  [[nodiscard]] bool conforms(const Index& data, std::size_t shape, const Term& focus, int depth) const {
    std::vector<ValidationResult> results;
    check(data, shape, focus, results, depth + 1);
    return results.empty();
  }
  void check_constraint(const Index& data, const Shape& s, const Constraint& c, const Term& focus,
                        const std::set<Term>& values, std::vector<ValidationResult>& out, int depth) const;

  std::map<Term, std::size_t> index_of;
};

namespace {

constexpr int k_max_depth = 64;  // shapes referring to shapes (sh:node cycles) stop here

Status bad_shapes(const std::string& name, const Term& node, const std::string& what) {
  return Status{StatusCode::bad_data, "shape " + to_nquads(node) + ": " + what, {name}};
}

}  // namespace

Result<Path> Shapes::Impl::compile_path(const Index& g, const Term& node, int depth) const {
  if (depth > k_max_depth) return bad_shapes(name, node, "sh:path nested too deeply");
  if (node.is_iri()) return Path{Path::Kind::predicate, node.value, {}};
  if (!node.is_blank()) return bad_shapes(name, node, "sh:path is a literal");
  if (g.one(node, k_first)) {
    const auto members = g.list(node);
    if (!members || members->size() < 2) return bad_shapes(name, node, "a sequence path is a list of two or more paths");
    Path p{Path::Kind::sequence, {}, {}};
    for (const Term& m : *members) {
      auto part = compile_path(g, m, depth + 1);
      if (!part.ok()) return part.status();
      p.parts.push_back(std::move(part).value());
    }
    return p;
  }
  static const std::array<std::pair<std::string_view, Path::Kind>, 5> unary{{
      {"inversePath", Path::Kind::inverse},
      {"zeroOrMorePath", Path::Kind::zero_or_more},
      {"oneOrMorePath", Path::Kind::one_or_more},
      {"zeroOrOnePath", Path::Kind::zero_or_one},
      {"alternativePath", Path::Kind::alternative},
  }};
  for (const auto& [local, kind] : unary) {
    const auto inner = g.one(node, sh(local));
    if (!inner) continue;
    Path p{kind, {}, {}};
    if (kind == Path::Kind::alternative) {
      const auto members = g.list(*inner);
      if (!members || members->empty()) return bad_shapes(name, node, "sh:alternativePath is a list of paths");
      for (const Term& m : *members) {
        auto part = compile_path(g, m, depth + 1);
        if (!part.ok()) return part.status();
        p.parts.push_back(std::move(part).value());
      }
    } else {
      auto part = compile_path(g, *inner, depth + 1);
      if (!part.ok()) return part.status();
      if (kind == Path::Kind::inverse && part.value().kind != Path::Kind::predicate) {
        return bad_shapes(name, node, "sh:inversePath of a complex path is not supported");
      }
      p.parts.push_back(std::move(part).value());
    }
    return p;
  }
  return bad_shapes(name, node, "unknown kind of sh:path");
}

Status Shapes::Impl::compile_constraint(const Index& g, std::size_t shape_index, const ComponentInfo& info,
                                        const Term& value, int depth) {
  // Nested shapes are appended to `shapes`, so the shape is addressed by index, never by reference.
  const Term node = shapes[shape_index].node;
  Constraint c;
  c.component = info.component;
  c.parameter = std::string(info.parameter);
  c.value = value;
  if (info.is_list) {
    const auto members = g.list(value);
    if (!members) return bad_shapes(name, node, "sh:" + c.parameter + " is not a well-formed RDF list");
    c.list = *members;
  }
  const auto need_iri = [&]() -> Status {
    return value.is_iri() ? Status::success() : bad_shapes(name, node, "sh:" + c.parameter + " needs an IRI");
  };
  const auto need_integer = [&]() -> Status {
    return value.is_literal() && is_integer_lexical(value.value)
               ? Status::success()
               : bad_shapes(name, node, "sh:" + c.parameter + " needs an integer");
  };
  switch (info.component) {
    case Component::class_:
    case Component::datatype:
    case Component::node_kind:
    case Component::equals:
    case Component::disjoint:
    case Component::less_than:
    case Component::less_than_or_equals: NKG_TRY(need_iri()); break;
    case Component::min_count:
    case Component::max_count:
    case Component::min_length:
    case Component::max_length: NKG_TRY(need_integer()); break;
    case Component::pattern: {
      if (!value.is_literal()) return bad_shapes(name, node, "sh:pattern needs a string");
      auto flags = std::regex::ECMAScript;
      if (const auto f = g.one(node, sh("flags")); f && f->value.find('i') != std::string::npos) {
        flags |= std::regex::icase;
      }
      try {
        c.regex.emplace(value.value, flags);
      } catch (const std::regex_error&) {
        return bad_shapes(name, node, "sh:pattern '" + value.value + "' is not a valid regular expression");
      }
      break;
    }
    case Component::node:
    case Component::property:
    case Component::not_: {
      auto index = compile(g, value, depth + 1);
      if (!index.ok()) return index.status();
      c.shapes.push_back(index.value());
      break;
    }
    case Component::and_:
    case Component::or_:
    case Component::xone:
      for (const Term& member : c.list) {
        auto index = compile(g, member, depth + 1);
        if (!index.ok()) return index.status();
        c.shapes.push_back(index.value());
      }
      break;
    default: break;
  }
  shapes[shape_index].constraints.push_back(std::move(c));
  return Status::success();
}

Result<std::size_t> Shapes::Impl::compile(const Index& g, const Term& node, int depth) {
  if (const auto it = index_of.find(node); it != index_of.end()) return it->second;
  if (depth > k_max_depth) return bad_shapes(name, node, "shapes nested too deeply");
  if (node.is_literal()) return bad_shapes(name, node, "a literal is not a shape");
  const std::size_t index = shapes.size();
  index_of.emplace(node, index);
  shapes.push_back(Shape{});
  Shape shape;
  shape.node = node;
  if (const auto path = g.one(node, sh("path"))) {
    auto p = compile_path(g, *path, 0);
    if (!p.ok()) return p.status();
    shape.is_property = true;
    shape.path = std::move(p).value();
  }
  for (const Term& t : g.objects(node, sh("targetClass"))) shape.target_classes.push_back(t.value);
  for (const Term& t : g.objects(node, sh("targetNode"))) shape.target_nodes.push_back(t);
  for (const Term& t : g.objects(node, sh("targetSubjectsOf"))) shape.target_subjects_of.push_back(t.value);
  for (const Term& t : g.objects(node, sh("targetObjectsOf"))) shape.target_objects_of.push_back(t.value);
  // Implicit class target (SHACL 2.1.3.3): a shape that is also an rdfs:Class.
  if (g.objects(node, k_type).count(iri(k_rdfs_class)) != 0 && node.is_iri()) shape.target_classes.push_back(node.value);
  if (const auto s = g.one(node, sh("severity"))) {
    if (s->value == sh("Warning")) shape.severity = ResultSeverity::warning;
    else if (s->value == sh("Info")) shape.severity = ResultSeverity::info;
  }
  if (const auto d = g.one(node, sh("deactivated"))) shape.is_deactivated = d->value == "true" || d->value == "1";
  // One message whatever the order: English or untagged first, then the smallest.
  std::optional<std::pair<bool, std::string>> message;
  for (const Term& m : g.objects(node, sh("message"))) {
    const auto key = std::make_pair(!(m.language.empty() || lang_matches(m.language, "en")), m.value);
    if (!message || key < *message) message = key;
  }
  if (message) shape.message = message->second;
  shapes[index] = shape;
  if (const auto* preds = g.predicates(node)) {
    for (const auto& [p, values] : *preds) {
      if (!p.starts_with(k_sh)) continue;
      const std::string_view local = std::string_view(p).substr(k_sh.size());
      if (std::find(k_non_constraints.begin(), k_non_constraints.end(), local) != k_non_constraints.end()) continue;
      const auto info = std::find_if(k_components.begin(), k_components.end(),
                                     [&](const ComponentInfo& c) { return c.parameter == local; });
      if (info == k_components.end()) {
        return bad_shapes(name, node, "sh:" + std::string(local) + " is not supported by newskg validate");
      }
      if (!shape.is_property && (info->component == Component::min_count || info->component == Component::max_count ||
                                 info->component == Component::unique_lang)) {
        return bad_shapes(name, node, "sh:" + std::string(local) + " is only allowed on a property shape");
      }
      for (const Term& v : values) NKG_TRY(compile_constraint(g, index, *info, v, depth));
    }
  }
  return index;
}

void Shapes::Impl::check_constraint(const Index& data, const Shape& s, const Constraint& c, const Term& focus,
                                    const std::set<Term>& values, std::vector<ValidationResult>& out,
                                    int depth) const {
  const auto report = [&](const Term& value, std::string fallback) {
    out.push_back(ValidationResult{s.severity, focus, s.is_property ? render(s.path) : std::string(),
                                   "sh:" + c.parameter, value, s.message.empty() ? std::move(fallback) : s.message,
                                   s.node});
  };
  const auto each = [&](const std::function<bool(const Term&)>& is_ok) {
    for (const Term& v : values) {
      if (!is_ok(v)) report(v, constraint_message(c));
    }
  };
  switch (c.component) {
    case Component::class_:
      each([&](const Term& v) { return !v.is_literal() && data.is_instance(v, c.value.value); });
      break;
    case Component::datatype:
      each([&](const Term& v) {
        if (!v.is_literal()) return false;
        const std::string dt = !v.language.empty() ? k_lang_string : v.datatype.empty() ? k_xsd_string : v.datatype;
        return dt == c.value.value && is_well_formed(v);
      });
      break;
    case Component::node_kind: {
      const std::string kind = c.value.value.substr(std::min(c.value.value.size(), k_sh.size()));
      each([&](const Term& v) {
        const bool i = v.is_iri();
        const bool b = v.is_blank();
        const bool l = v.is_literal();
        if (kind == "IRI") return i;
        if (kind == "BlankNode") return b;
        if (kind == "Literal") return l;
        if (kind == "BlankNodeOrIRI") return b || i;
        if (kind == "BlankNodeOrLiteral") return b || l;
        if (kind == "IRIOrLiteral") return i || l;
        return false;
      });
      break;
    }
    case Component::min_count:
      if (values.size() < std::stoull(c.value.value)) report({}, constraint_message(c, values.size()));
      break;
    case Component::max_count:
      if (values.size() > std::stoull(c.value.value)) report({}, constraint_message(c, values.size()));
      break;
    case Component::min_exclusive:
    case Component::min_inclusive:
    case Component::max_exclusive:
    case Component::max_inclusive:
      each([&](const Term& v) {
        const auto cmp = compare_literals(v, c.value);
        if (!cmp) return false;
        switch (c.component) {
          case Component::min_exclusive: return *cmp > 0;
          case Component::min_inclusive: return *cmp >= 0;
          case Component::max_exclusive: return *cmp < 0;
          default: return *cmp <= 0;
        }
      });
      break;
    case Component::min_length:
    case Component::max_length:
      each([&](const Term& v) {
        if (v.is_blank()) return false;
        const std::size_t n = code_points(v.value);
        const std::size_t limit = std::stoull(c.value.value);
        return c.component == Component::min_length ? n >= limit : n <= limit;
      });
      break;
    case Component::pattern:
      each([&](const Term& v) { return !v.is_blank() && std::regex_search(v.value, *c.regex); });
      break;
    case Component::language_in:
      each([&](const Term& v) {
        return v.is_literal() && !v.language.empty() &&
               std::any_of(c.list.begin(), c.list.end(), [&](const Term& l) { return lang_matches(v.language, l.value); });
      });
      break;
    case Component::unique_lang: {
      if (c.value.value != "true") break;
      std::map<std::string, std::size_t> langs;
      for (const Term& v : values) {
        if (v.is_literal() && !v.language.empty()) {
          std::string l = v.language;
          std::transform(l.begin(), l.end(), l.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
          ++langs[l];
        }
      }
      for (const auto& [l, n] : langs) {
        if (n > 1) report({}, "more than one value tagged @" + l);
      }
      break;
    }
    case Component::equals:
    case Component::disjoint:
    case Component::less_than:
    case Component::less_than_or_equals: {
      const std::set<Term>& others = data.objects(focus, c.value.value);
      if (c.component == Component::equals) {
        for (const Term& v : values) {
          if (others.count(v) == 0) report(v, "value is not a value of <" + c.value.value + ">");
        }
        for (const Term& o : others) {
          if (values.count(o) == 0) report(o, "value of <" + c.value.value + "> is missing");
        }
      } else if (c.component == Component::disjoint) {
        each([&](const Term& v) { return others.count(v) == 0; });
      } else {
        each([&](const Term& v) {
          return std::all_of(others.begin(), others.end(), [&](const Term& o) {
            const auto cmp = compare_literals(v, o);
            return cmp && (c.component == Component::less_than ? *cmp < 0 : *cmp <= 0);
          });
        });
      }
      break;
    }
    case Component::has_value:
      if (values.count(normalized(c.value)) == 0) report({}, constraint_message(c));
      break;
    case Component::in:
      each([&](const Term& v) {
        return std::any_of(c.list.begin(), c.list.end(), [&](const Term& allowed) { return normalized(allowed) == v; });
      });
      break;
    case Component::node: each([&](const Term& v) { return conforms(data, c.shapes[0], v, depth); }); break;
    case Component::property:
      for (const Term& v : values) check(data, c.shapes[0], v, out, depth + 1);
      break;
    case Component::not_: each([&](const Term& v) { return !conforms(data, c.shapes[0], v, depth); }); break;
    case Component::and_:
    case Component::or_:
    case Component::xone:
      each([&](const Term& v) {
        std::size_t n = 0;
        for (const std::size_t sh_index : c.shapes) n += conforms(data, sh_index, v, depth) ? 1U : 0U;
        if (c.component == Component::and_) return n == c.shapes.size();
        if (c.component == Component::or_) return n > 0;
        return n == 1;
      });
      break;
  }
}

void Shapes::Impl::check(const Index& data, std::size_t shape, const Term& focus, std::vector<ValidationResult>& out,
                         int depth) const {
  const Shape& s = shapes[shape];
  if (s.is_deactivated) return;
  if (depth > k_max_depth) {
    out.push_back(ValidationResult{ResultSeverity::violation, focus, {}, "sh:node", {},
                                   "shapes refer to each other more than 64 levels deep", s.node});
    return;
  }
  const std::set<Term> values = s.is_property ? evaluate(data, s.path, focus) : std::set<Term>{focus};
  for (const Constraint& c : s.constraints) check_constraint(data, s, c, focus, values, out, depth);
}

Shapes::Shapes(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Shapes::Shapes(Shapes&&) noexcept = default;
Shapes& Shapes::operator=(Shapes&&) noexcept = default;
Shapes::~Shapes() = default;

std::size_t Shapes::size() const { return impl_->shapes.size(); }

Result<Shapes> Shapes::parse(const std::vector<Quad>& quads, const std::string& name) {
  const Index g(quads);
  auto impl = std::make_unique<Impl>();
  impl->name = name;
  // Shapes: every node typed as one, and every node with a target; nested ones follow.
  std::set<Term> roots;
  for (const char* type : {"NodeShape", "PropertyShape"}) {
    for (const Term& s : g.subjects(iri(sh(type)), k_type)) roots.insert(s);
  }
  for (const char* target : {"targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"}) {
    for (const auto& [s, o] : g.pairs(sh(target))) roots.insert(s);
  }
  for (const Term& root : roots) {
    auto index = impl->compile(g, root, 0);
    if (!index.ok()) return index.status();
  }
  if (impl->shapes.empty()) return Status{StatusCode::bad_data, "no SHACL shape in the shapes graph", {name}};
  return Shapes(std::move(impl));
}

ValidationReport Shapes::validate(const std::vector<Quad>& data_quads) const {
  const Index data(data_quads);
  ValidationReport report;
  for (std::size_t i = 0; i < impl_->shapes.size(); ++i) {
    const Shape& s = impl_->shapes[i];
    std::set<Term> focus;
    for (const std::string& c : s.target_classes) {
      const std::set<Term> found = data.instances(c);
      focus.insert(found.begin(), found.end());
    }
    for (const Term& t : s.target_nodes) focus.insert(normalized(t));
    for (const std::string& p : s.target_subjects_of) {
      for (const auto& [subject, object] : data.pairs(p)) focus.insert(subject);
    }
    for (const std::string& p : s.target_objects_of) {
      for (const auto& [subject, object] : data.pairs(p)) focus.insert(object);
    }
    report.focus_nodes += focus.size();
    for (const Term& f : focus) impl_->check(data, i, f, report.results, 0);
  }
  std::sort(report.results.begin(), report.results.end(), [](const ValidationResult& a, const ValidationResult& b) {
    return std::tie(a.focus, a.path, a.constraint, a.value, a.message, a.severity, a.shape) <
           std::tie(b.focus, b.path, b.constraint, b.value, b.message, b.severity, b.shape);
  });
  report.results.erase(std::unique(report.results.begin(), report.results.end()), report.results.end());
  return report;
}

bool ValidationReport::conforms() const { return count(ResultSeverity::violation) == 0; }

std::size_t ValidationReport::count(ResultSeverity s) const {
  return static_cast<std::size_t>(
      std::count_if(results.begin(), results.end(), [&](const ValidationResult& r) { return r.severity == s; }));
}

}  // namespace nkg::inspect
