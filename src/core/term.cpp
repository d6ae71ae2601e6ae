#include "core/term.hpp"

#include <array>

#include "core/vocab.hpp"

namespace nkg {

Term iri(std::string value) { return Term{TermKind::iri, std::move(value), {}, {}}; }
Term literal(std::string lexical) { return Term{TermKind::literal, std::move(lexical), {}, {}}; }
Term blank(std::string label) { return Term{TermKind::blank, std::move(label), {}, {}}; }
Term lang_literal(std::string lexical, std::string language) {
  return Term{TermKind::literal, std::move(lexical), {}, std::move(language)};
}
Term typed_literal(std::string lexical, std::string datatype) {
  if (datatype == vocab::xsd_string) datatype.clear();
  return Term{TermKind::literal, std::move(lexical), std::move(datatype), {}};
}

namespace {

/// Bytes a short literal ("...") writes as something other than themselves.
constexpr std::array<bool, 256> special_in_literal = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
  t[0x7F] = true;
  t['"'] = true;
  t['\\'] = true;
  return t;
}();

/// ECHAR for the characters N-Triples names (\t \n \r \" \\), UCHAR for the other controls;
/// everything else, including non-ASCII, as it is (as Serd 0.30 writes N-Triples).
void append_literal_text(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (!special_in_literal[c]) continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char hex[] = "0123456789ABCDEF";
        const char escape[6] = {'\\', 'u', '0', '0', hex[c >> 4U], hex[c & 0xFU]};
        out.append(escape, sizeof escape);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

}  // namespace

void append_nquads(std::string& out, const Term& t) {
  switch (t.kind) {
    case TermKind::none: return;
    case TermKind::iri:
      out += '<';
      out += t.value;
      out += '>';
      return;
    case TermKind::blank:
      out += "_:";
      out += t.value;
      return;
    case TermKind::literal:
      append_literal_text(out, t.value);
      if (!t.language.empty()) {
        out += '@';
        out += t.language;
      } else if (!t.datatype.empty()) {
        out += "^^<";
        out += t.datatype;
        out += '>';
      }
      return;
  }
}

std::string to_nquads(const Term& t) {
  std::string out;
  append_nquads(out, t);
  return out;
}

void append_nquads(std::string& out, const Quad& q, bool with_graph) {
  append_nquads(out, q.subject);
  out += ' ';
  append_nquads(out, q.predicate);
  out += ' ';
  append_nquads(out, q.object);
  if (with_graph && !q.graph.empty()) {
    out += ' ';
    append_nquads(out, q.graph);
  }
  out += " .";
}

std::string to_nquads(const Quad& q) {
  std::string out;
  append_nquads(out, q, true);
  return out;
}

}  // namespace nkg
