// fuzz_writers: bytes -> quads with arbitrary IRIs, blank labels, literals, language tags and
// datatypes (invalid UTF-8, surrogates, controls, quotes, backslashes, <>{}|^` and spaces, RTL
// marks, 4-byte emoji) -> every writer. Invariants, per writer and quad:
//   - a quad is either refused with bad_data, or written so that Serd's strict reader reads the
//     output back as exactly that quad (values, language tags, datatypes byte for byte), and
//     the output is valid UTF-8 with no NUL;
//   - a quad that is valid RDF by this file's own rules (a conservative oracle) is not refused;
//   - all accepted quads together, in the order given, read back as their set;
//   - JSON-LD parses, every subject is a node @id and every literal value is a JSON string.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/vocab.hpp"
#include "fuzz_support.hpp"
#include "pipeline/export.hpp"

namespace {

using nkg::Quad;
using nkg::Term;
using nkg::fuzz::check;
namespace serialize = nkg::serialize;

/// Reads the fuzzer's bytes as choices; 0 once they run out.
class Choices {
 public:
  explicit Choices(std::string_view bytes) : bytes_(bytes) {}
  [[nodiscard]] bool empty() const { return pos_ >= bytes_.size(); }
  std::uint8_t next() { return empty() ? 0 : static_cast<std::uint8_t>(bytes_[pos_++]); }
  template <std::size_t n>
  std::string_view pick(const std::array<std::string_view, n>& from) { return from[next() % n]; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

constexpr std::array<std::string_view, 40> fragments{
    "\"", "\\", "\n", "\r", "\t", "<", ">", "{", "}", "|", "^", "`", " ", "'", "\"\"\"", "''",
    "\x01", "\x1F", "\x7F", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\x8F", "\xE2\x80\xAE", "\xF0\x9F\x98\x80",
    "e\xCC\x81", "\xED\xA0\x80", "\xED\xBF\xBF", "\xC0\xAF", "\xFF", "\xF4\x90\x80\x80", "\xEF\xBF\xBE",
    "#", "%", "%2F", ":", "/", ".", "-", "_", "\\u0022"};

constexpr std::array<std::string_view, 12> iri_starts{
    "http://example.org/", "https://w3id.org/newskg/id/doc/", "https://w3id.org/newskg/ns#", "https://schema.org/",
    "urn:x:", "nkg:", "schema:", "wd:", "_:", "", "http://a/b/../c/", "mailto:"};

constexpr std::array<std::string_view, 8> languages{"en", "en-GB", "x", "", "EN-latn", "en-", "1en", "en_GB"};

constexpr std::array<std::string_view, 6> datatypes{
    "http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/2001/XMLSchema#decimal",
    "http://www.w3.org/2001/XMLSchema#date", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString",
    "https://w3id.org/newskg/ns#x", "urn:dt"};

std::string fuzzed_string(Choices& in) {
  std::string s;
  const std::size_t pieces = in.next() % 12U;
  for (std::size_t i = 0; i < pieces && !in.empty(); ++i) {
    const std::uint8_t c = in.next();
    if (c < 96) {
      s += fragments[c % fragments.size()];
    } else if (c < 192) {
      s += static_cast<char>('a' + c % 26);
    } else {
      s += static_cast<char>(in.next());  // any byte
    }
  }
  return s;
}

// Each choice is its own statement: the order in which operands are evaluated differs between
// g++ and clang++, and a fixture must replay the same quads under both.
std::string fuzzed_iri(Choices& in) {
  std::string start(in.pick(iri_starts));
  return start + fuzzed_string(in);
}

Term fuzzed_node(Choices& in) {
  if (in.next() % 5U == 0) return nkg::blank(fuzzed_string(in));
  return nkg::iri(fuzzed_iri(in));
}

Term fuzzed_object(Choices& in) {
  switch (in.next() % 5U) {
    case 0: return fuzzed_node(in);
    case 1: {
      const std::uint8_t c = in.next();
      std::string lang = c < 200 ? std::string(languages[c % languages.size()]) : fuzzed_string(in);
      return nkg::lang_literal(fuzzed_string(in), lang);
    }
    case 2: {
      const std::uint8_t c = in.next();
      std::string dt = c < 200 ? std::string(datatypes[c % datatypes.size()]) : fuzzed_iri(in);
      return nkg::typed_literal(fuzzed_string(in), dt);
    }
    default: return nkg::literal(fuzzed_string(in));
  }
}

// --- The oracle: a conservative subset of valid RDF 1.1 terms, written independently of src/.
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

/// A "." or ".." segment in the path (before any '?' or '#'), which resolving readers remove.
bool oracle_dot_segment(std::string_view s) {
  std::string_view path = s.substr(0, std::min(s.find('?'), s.find('#')));
  path = path.substr(path.find(':') + 1);
  if (path.rfind("//", 0) == 0) path = path.substr(std::min(path.size(), path.find('/', 2)));
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '/') continue;
    const std::string_view tail = path.substr(i + 1);
    for (const std::string_view dots : {".", ".."}) {
      if (tail.rfind(dots, 0) == 0 && (tail.size() == dots.size() || tail[dots.size()] == '/')) return true;
    }
  }
  return path == "." || path == ".." || path.rfind("./", 0) == 0 || path.rfind("../", 0) == 0;
}

bool oracle_iri(std::string_view s) {
  if (!nkg::fuzz::is_utf8(s)) return false;
  if (s.find(':') != std::string_view::npos && oracle_dot_segment(s)) return false;
  const auto colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_alpha(s[0])) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    if (!is_alnum(s[i]) && s[i] != '+' && s[i] != '-' && s[i] != '.') return false;
  }
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F || std::string_view("<>\"{}|^`\\").find(ch) != std::string_view::npos) return false;
  }
  return true;
}

bool oracle_language(std::string_view s) {  // [a-zA-Z]{1,8} ('-' [a-zA-Z0-9]{1,8})*
  std::size_t i = 0;
  std::size_t run = 0;
  bool first = true;
  for (; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '-') {
      if (run == 0 || run > 8) return false;
      run = 0;
      first = false;
      continue;
    }
    if (!(first ? is_alpha(s[i]) : is_alnum(s[i]))) return false;
    ++run;
  }
  return true;
}

bool oracle_blank(std::string_view s) {  // ASCII part of BLANK_NODE_LABEL
  if (s.empty() || !(is_alnum(s.front()) || s.front() == '_') || s.back() == '.') return false;
  for (const char c : s) {
    if (!is_alnum(c) && c != '_' && c != '-' && c != '.') return false;
  }
  return true;
}

bool oracle_node(const Term& t) { return t.is_iri() ? oracle_iri(t.value) : t.is_blank() && oracle_blank(t.value); }

bool oracle_quad(const Quad& q) {
  if (!oracle_node(q.subject) || !q.predicate.is_iri() || !oracle_iri(q.predicate.value)) return false;
  if (!q.graph.empty() && !(q.graph.is_iri() && oracle_iri(q.graph.value))) return false;
  if (!q.object.is_literal()) return oracle_node(q.object);
  if (!nkg::fuzz::is_utf8(q.object.value)) return false;
  if (q.object.value.find('\0') != std::string::npos) return false;  // Serd cuts node text at NUL
  if (!q.object.language.empty()) return oracle_language(q.object.language);
  if (q.object.datatype == "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString") return false;
  return q.object.datatype.empty() || oracle_iri(q.object.datatype);
}

struct SyntaxCase {
  serialize::Syntax syntax;
  bool drop_graphs;
  std::string_view name;
};
constexpr std::array<SyntaxCase, 4> syntaxes{{{serialize::Syntax::turtle, true, "Turtle"},
                                              {serialize::Syntax::trig, false, "TriG"},
                                              {serialize::Syntax::ntriples, true, "N-Triples"},
                                              {serialize::Syntax::nquads, false, "N-Quads"}}};

const std::vector<std::pair<std::string, std::string>>& prefixes() {
  static const std::vector<std::pair<std::string, std::string>> list(nkg::fuzz::context().prefixes.begin(),
                                                                     nkg::fuzz::context().prefixes.end());
  return list;
}

/// Writes `quads`; false when the writer refused one (which must then be bad_data).
bool write_syntax(const SyntaxCase& c, const std::vector<Quad>& quads, std::string& out) {
  serialize::StringByteSink bytes;
  const auto writer = serialize::make_syntax_writer(c.syntax, bytes);
  const nkg::Status st = nkg::fuzz::replay(prefixes(), quads, *writer);
  if (!st.ok()) {
    check(st.code() == nkg::StatusCode::bad_data, "a writer refuses with bad_data", st.message());
    return false;
  }
  out = bytes.str();
  return true;
}

void check_reads_back(const SyntaxCase& c, const std::string& text, const std::vector<Quad>& quads) {
  const std::string what = std::string(c.name) + " output:\n" + text + "\nquads:\n" + nkg::fuzz::describe(quads);
  check(nkg::fuzz::is_utf8(text), "written RDF is valid UTF-8", what);
  auto back = nkg::fuzz::parse_rdf(text, c.syntax);
  check(back.ok(), "Serd reads written RDF back", back.status().message() + "\n" + what);
  check(nkg::fuzz::canonical(back.value(), c.drop_graphs) == nkg::fuzz::canonical(quads, c.drop_graphs),
        "written RDF reads back as the quads written", what + "\nread back:\n" + nkg::fuzz::describe(back.value()));
}

void collect_strings(const nlohmann::json& j, std::set<std::string>& out) {
  if (j.is_string()) out.insert(j.get<std::string>());
  if (j.is_array() || j.is_object()) {
    for (const auto& v : j) collect_strings(v, out);
  }
}

/// JSON-LD cannot carry an absolute IRI whose scheme is a context prefix or term ("wd:Q1").
bool jsonld_confusable(const Quad& q) {
  const auto confusable = [](const std::string& v) {
    const auto colon = v.find(':');
    if (colon == std::string::npos || v.compare(colon, 3, "://") == 0) return false;
    const std::string scheme = v.substr(0, colon);
    const auto& terms = nkg::fuzz::context().terms;
    return nkg::fuzz::context().prefixes.count(scheme) != 0 ||
           std::any_of(terms.begin(), terms.end(), [&](const auto& t) { return t.name == scheme; });
  };
  return (q.subject.is_iri() && confusable(q.subject.value)) || confusable(q.predicate.value) ||
         (q.object.is_iri() && confusable(q.object.value)) || (q.object.is_literal() && confusable(q.object.datatype));
}

void check_jsonld(const std::vector<Quad>& quads) {
  std::vector<Quad> accepted;
  for (const Quad& q : quads) {
    serialize::StringByteSink bytes;
    const auto writer = serialize::make_jsonld_writer(nkg::fuzz::context(), std::string(nkg::context_iri), bytes);
    const nkg::Status st = nkg::fuzz::replay({}, {q}, *writer);
    if (st.ok()) {
      accepted.push_back(q);
    } else {
      check(st.code() == nkg::StatusCode::bad_data, "JSON-LD refuses with bad_data", st.message());
      check(!oracle_quad(q) || jsonld_confusable(q), "JSON-LD accepts a valid quad", nkg::to_nquads(q) + "\n" + st.message());
    }
  }
  serialize::StringByteSink bytes;
  const auto writer = serialize::make_jsonld_writer(nkg::fuzz::context(), std::string(nkg::context_iri), bytes);
  const nkg::Status st = nkg::fuzz::replay({}, accepted, *writer);
  check(st.ok(), "JSON-LD writes the quads it accepted one by one", st.message());
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(bytes.str());
  } catch (const nlohmann::json::exception& e) {
    nkg::fuzz::fail("the JSON-LD output is JSON", e.what());
  }
  std::set<std::string> ids;
  for (const auto& node : doc.at("@graph")) ids.insert(nkg::fuzz::expand_jsonld_iri(node.at("@id").get<std::string>()));
  std::set<std::string> strings;
  collect_strings(doc.at("@graph"), strings);
  for (const Quad& q : accepted) {
    const std::string subject = q.subject.is_blank() ? "_:" + q.subject.value : q.subject.value;
    check(ids.count(subject) != 0, "every subject is a JSON-LD node @id", nkg::to_nquads(q) + "\n" + bytes.str());
    if (q.object.is_literal()) {
      check(strings.count(q.object.value) != 0, "every literal value is in the JSON-LD", nkg::to_nquads(q));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Choices in(std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<Quad> quads;
  const std::size_t count = 1 + in.next() % 8U;
  for (std::size_t i = 0; i < count; ++i) {
    Quad q;
    // Repeating the previous subject or predicate exercises Turtle's ';' and ',' grouping.
    const std::uint8_t reuse = in.next();
    q.subject = (reuse & 1U) != 0 && !quads.empty() ? quads.back().subject : fuzzed_node(in);
    q.predicate = (reuse & 2U) != 0 && !quads.empty() ? quads.back().predicate
                  : (reuse & 4U) != 0                  ? nkg::iri(std::string(nkg::vocab::rdf_type))
                                                       : nkg::iri(fuzzed_iri(in));
    q.object = fuzzed_object(in);
    const std::uint8_t g = in.next() % 4U;
    if (g == 1) q.graph = nkg::iri(fuzzed_iri(in));
    if (g == 2 && !quads.empty()) q.graph = quads.back().graph;
    if (g == 3 && (reuse & 8U) != 0) q.graph = nkg::blank(fuzzed_string(in));
    quads.push_back(std::move(q));
  }

  for (const SyntaxCase& c : syntaxes) {
    std::vector<Quad> accepted;
    for (const Quad& q : quads) {
      std::string text;
      if (!write_syntax(c, {q}, text)) {
        check(!oracle_quad(q), "a writer accepts a valid quad", std::string(c.name) + ": " + nkg::to_nquads(q));
        continue;
      }
      check_reads_back(c, text, {q});
      accepted.push_back(q);
    }
    std::string text;
    check(write_syntax(c, accepted, text), "a writer writes together the quads it accepted one by one", c.name);
    check_reads_back(c, text, accepted);
  }
  check_jsonld(quads);
  return 0;
}
