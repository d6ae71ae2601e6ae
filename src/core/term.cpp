#include "core/term.hpp"

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
void append_escaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}
}  // namespace

std::string to_nquads(const Term& t) {
  std::string out;
  switch (t.kind) {
    case TermKind::none: break;
    case TermKind::iri: out = '<' + t.value + '>'; break;
    case TermKind::blank: out = "_:" + t.value; break;
    case TermKind::literal:
      out += '"';
      append_escaped(out, t.value);
      out += '"';
      if (!t.language.empty()) {
        out += '@' + t.language;
      } else if (!t.datatype.empty()) {
        out += "^^<" + t.datatype + '>';
      }
      break;
  }
  return out;
}

std::string to_nquads(const Quad& q) {
  std::string out = to_nquads(q.subject) + ' ' + to_nquads(q.predicate) + ' ' + to_nquads(q.object);
  if (!q.graph.empty()) out += ' ' + to_nquads(q.graph);
  out += " .";
  return out;
}

}  // namespace nkg
