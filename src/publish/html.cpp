// HTML pages: readable (labels, not IRIs), linked to each other by relative links so the site
// works from a file system, a static host or `newskg serve`, and self-contained (inline style, no
// script but the page's own JSON-LD, nothing fetched). Markup is also well-formed XML (every
// element closed, only the five XML entities), which the tests check.
#include <algorithm>
#include <map>
#include <set>

#include "core/vocab.hpp"
#include "publish/site_index.hpp"

namespace nkg::publish {

namespace {

constexpr std::string_view rdfs_label = "http://www.w3.org/2000/01/rdf-schema#label";
constexpr std::string_view rdfs_comment = "http://www.w3.org/2000/01/rdf-schema#comment";
constexpr std::string_view skos_alt_label = "http://www.w3.org/2004/02/skos/core#altLabel";
constexpr std::string_view rdf_statement = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
constexpr std::string_view rdf_subject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
constexpr std::string_view rdf_predicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
constexpr std::string_view rdf_object = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
constexpr std::string_view nif_is_string = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString";
constexpr std::string_view nif_anchor_of = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf";
constexpr std::string_view nif_begin = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex";
constexpr std::string_view nif_end = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex";
constexpr std::string_view nif_context = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext";
constexpr std::string_view its_ident_ref = "http://www.w3.org/2005/11/its/rdf#taIdentRef";
constexpr std::string_view prov_derived_from = "http://www.w3.org/ns/prov#wasDerivedFrom";
constexpr std::string_view nkg_event = "https://w3id.org/newskg/ns#Event";
constexpr std::string_view nkg_rule = "https://w3id.org/newskg/ns#rule";
constexpr std::string_view nkg_confidence = "https://w3id.org/newskg/ns#confidence";

constexpr std::string_view style = R"css(
:root{--ink:#1d2330;--muted:#5d6678;--line:#dde2ea;--accent:#1f5fbf;--soft:#f4f6fa;--mark:#fff1b8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#fff}
header{background:#18243a;color:#fff;padding:.7rem 1.5rem;display:flex;gap:.8rem;align-items:baseline;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}
header .home{font-weight:700;letter-spacing:.02em}
header .crumb{color:#b9c4d8}
header .crumb a{color:#dbe4f5}
main{max-width:62rem;margin:0 auto;padding:1.2rem 1.5rem 3rem}
h1{font-size:1.9rem;line-height:1.2;margin:.6rem 0 .4rem}
h2{font-size:1.15rem;margin:2rem 0 .6rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.02rem;margin:1.4rem 0 .3rem}
a{color:var(--accent)}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--soft);padding:.1em .35em;border-radius:4px;word-break:break-all}
.badge{display:inline-block;font-size:.78rem;padding:.1rem .55rem;margin:0 .3rem .3rem 0;border-radius:999px;background:#e6eefb;color:#1b3f78;text-decoration:none}
.badge.other{background:var(--soft);color:var(--muted)}
.meta{color:var(--muted);font-size:.9rem;margin:.2rem 0}
.formats a{margin-right:.6rem}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid var(--line)}
th{width:13rem;color:var(--muted);font-weight:600;font-size:.92rem}
th a{color:inherit;text-decoration:none}
th a:hover{text-decoration:underline}
td ul{margin:0;padding:0;list-style:none}
.dt{color:var(--muted);font-size:.78rem;margin-left:.3rem}
.text{white-space:pre-wrap;background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:1rem 1.2rem;line-height:1.7}
.text a{text-decoration:none;border-bottom:2px solid #9fbbe8;color:inherit}
.text a.event{border-bottom-color:#e0a040;background:#fff6e6}
.text a:hover,.text a:target,.text span:target{background:var(--mark)}
ul.mentions{padding-left:1.1rem}
ul.mentions li{margin:.45rem 0}
q{quotes:"\201C" "\201D"}
mark{background:var(--mark);padding:0 .1em}
.cols{columns:16rem;padding-left:1.1rem}
.cols li{break-inside:avoid;margin:.15rem 0}
.count{color:var(--muted);font-weight:400;font-size:.9rem}
table.summary{width:auto;min-width:24rem}
.summary th,.summary td{width:auto}
footer{max-width:62rem;margin:0 auto;padding:1rem 1.5rem 2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
)css";

/// The last segment of a resource path: "BLR" for "state/BLR" (links to its own files).
std::string local_name_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

/// "../" once per folder of `from` (a site file path), so links work wherever the site is.
std::string root_prefix(std::string_view from) {
  std::string out;
  for (char c : from) {
    if (c == '/') out += "../";
  }
  return out;
}

std::string page_head(std::string_view from, std::string_view title, std::string_view extra_head) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  out += "<title>" + escape_html(title) + " · newskg</title>\n";
  out += extra_head;
  out += "<style>" + std::string(style) + "</style>\n</head>\n<body>\n<header><a class=\"home\" href=\"" +
         root_prefix(from) + "index.html\">newskg</a>";
  return out;
}

std::string page_foot(std::string_view from) {
  const std::string root = root_prefix(from);
  return "</main>\n<footer>Generated by newskg from its export. <a href=\"" + root +
         "index.html\">All resources</a> · <a href=\"" + root + "ns/index.html\">Ontology</a> · <a href=\"" + root +
         "context.jsonld\">JSON-LD context</a></footer>\n</body>\n</html>\n";
}

std::string class_anchor(const Site::Impl& site, std::string_view cls) {
  if (cls.empty()) return "class-other";
  std::string name = curie(site, cls);
  for (char& c : name) {
    if (c == ':') c = '-';
  }
  return "class-" + name;
}

/// A link to where `iri` is described, relative to the file `from`; empty when the site has no
/// such page and the IRI is not an outside http(s) IRI.
std::string href_for(const Site::Impl& site, std::string_view from, std::string_view iri) {
  if (auto ref = page_of(site, iri)) {
    std::string out = root_prefix(from) + ref->path + ".html";
    if (!ref->fragment.empty()) out += "#" + ref->fragment;
    return out;
  }
  if (iri == vocab::nkg.substr(0, vocab::nkg.size() - 1)) return root_prefix(from) + "ns/index.html";  // the ontology
  if (iri.starts_with(vocab::nkg) && iri.size() > vocab::nkg.size()) {
    return root_prefix(from) + "ns/index.html#" + std::string(iri.substr(vocab::nkg.size()));
  }
  if (iri.starts_with("http://") || iri.starts_with("https://")) {
    if (iri.starts_with(site.base)) return {};  // under the base but unpublished: no dead link
    return std::string(iri);
  }
  return {};
}

std::string link(const Site::Impl& site, std::string_view from, std::string_view iri, std::string_view text) {
  const std::string href = href_for(site, from, iri);
  if (href.empty()) return "<span title=\"" + escape_html(iri) + "\">" + escape_html(text) + "</span>";
  return "<a href=\"" + escape_html(href) + "\" title=\"" + escape_html(iri) + "\">" + escape_html(text) + "</a>";
}

std::string link_to(const Site::Impl& site, std::string_view from, std::string_view iri) {
  const bool is_term = iri.starts_with(vocab::nkg) || !iri.starts_with(site.base);
  return link(site, from, iri, is_term && !page_of(site, iri) ? term_label(site, iri) : label_of(site, iri));
}

std::string render_value(const Site::Impl& site, std::string_view from, const Term& t) {
  if (t.is_iri()) return link_to(site, from, t.value);
  if (t.is_blank()) return "<span>_:" + escape_html(t.value) + "</span>";
  std::string out = escape_html(t.value);
  if (!t.language.empty()) out += "<span class=\"dt\">" + escape_html(t.language) + "</span>";
  else if (!t.datatype.empty()) out += "<span class=\"dt\">" + escape_html(curie(site, t.datatype)) + "</span>";
  return out;
}

std::string types_html(const Site::Impl& site, std::string_view from, std::string_view iri) {
  std::string out;
  for (const Quad& t : about(site, iri)) {
    if (t.predicate.value != vocab::rdf_type || !t.object.is_iri()) continue;
    const bool is_own = t.object.value.starts_with(vocab::nkg);
    const std::string href = href_for(site, from, t.object.value);
    out += "<a class=\"badge" + std::string(is_own ? "" : " other") + "\" href=\"" + escape_html(href) + "\">" +
           escape_html(term_label(site, t.object.value)) + "</a>";
  }
  return out;
}

/// One row per predicate (label and alternative names first), values listed under it.
std::string properties_table(const Site::Impl& site, std::string_view from, std::string_view subject,
                             const std::set<std::string_view>& hidden) {
  std::map<std::pair<int, std::string>, std::vector<const Term*>> rows;
  for (const Quad& t : about(site, subject)) {
    const std::string_view p = t.predicate.value;
    if (p == vocab::rdf_type || hidden.count(p) != 0) continue;
    const int rank = p == rdfs_label ? 0 : p == skos_alt_label ? 1 : p.starts_with(vocab::nkg) ? 2 : 3;
    rows[{rank, t.predicate.value}].push_back(&t.object);
  }
  if (rows.empty()) return {};
  std::string out = "<table class=\"props\">\n";
  for (const auto& [key, values] : rows) {
    out += "<tr><th>" + link(site, from, key.second, term_label(site, key.second)) + "</th><td>";
    if (values.size() == 1) {
      out += render_value(site, from, *values.front());
    } else {
      out += "<ul>";
      for (const Term* v : values) out += "<li>" + render_value(site, from, *v) + "</li>";
      out += "</ul>";
    }
    out += "</td></tr>\n";
  }
  return out + "</table>\n";
}

std::uint64_t number_of(const Term* t) {
  if (t == nullptr) return 0;
  std::uint64_t n = 0;
  for (char c : t->value) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

struct TextMention {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::string iri;
  std::string fragment;
  std::string target;
};

/// The article text with every mention a link to what it refers to (and an id, so that the
/// mention's hash IRI lands on it). Overlapping mentions keep the outer one and leave an anchor.
std::string article_text(const Site::Impl& site, std::string_view from, const std::string& doc_iri,
                         std::set<std::string>& rendered) {
  const Term* text_term = first_object(site, doc_iri, nif_is_string);
  if (text_term == nullptr) return {};
  const DocText text(text_term->value);
  std::vector<TextMention> mentions;
  const auto frags = site.fragments.find(doc_iri.substr(site.base.size()));
  if (frags != site.fragments.end()) {
    for (const std::string& m : frags->second) {
      const Term* ctx = first_object(site, m, nif_context);
      const Term* b = first_object(site, m, nif_begin);
      const Term* e = first_object(site, m, nif_end);
      const Term* target = first_object(site, m, its_ident_ref);
      if (ctx == nullptr || ctx->value != doc_iri || b == nullptr || e == nullptr || target == nullptr) continue;
      mentions.push_back({number_of(b), number_of(e), m, m.substr(m.find('#') + 1), target->value});
    }
  }
  std::sort(mentions.begin(), mentions.end(), [](const TextMention& a, const TextMention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end != b.end ? a.end > b.end : a.iri < b.iri;
  });
  std::string out = "<div class=\"text\">";
  std::size_t at = 0;
  std::size_t open_end = 0;  // byte where the open mention link ends, 0 when none is open
  std::string open_close;
  for (const TextMention& m : mentions) {
    const std::size_t b = text.byte_at(m.begin);
    const std::size_t e = text.byte_at(m.end);
    if (e <= b || b < at) {
      // Inside (or crossing) the mention already written: an empty anchor keeps its id.
      if (b >= at) {
        out += escape_html(text.text().substr(at, b - at));
        at = b;
      }
      out += "<span id=\"" + escape_html(m.fragment) + "\"></span>";
      rendered.insert(m.iri);
      continue;
    }
    if (open_end != 0 && b >= open_end) {
      out += escape_html(text.text().substr(at, open_end - at)) + open_close;
      at = open_end;
      open_end = 0;
    }
    if (open_end != 0) {  // starts inside the open link: nest an anchor only
      out += escape_html(text.text().substr(at, b - at)) + "<span id=\"" + escape_html(m.fragment) + "\"></span>";
      at = b;
      rendered.insert(m.iri);
      continue;
    }
    out += escape_html(text.text().substr(at, b - at));
    at = b;
    const std::string href = href_for(site, from, m.target);
    const bool is_event = primary_class(site, m.target).empty() ? false
                          : std::any_of(about(site, m.target).begin(), about(site, m.target).end(), [](const Quad& t) {
                              return t.predicate.value == vocab::rdf_type && t.object.value == nkg_event;
                            });
    const std::string title = term_label(site, primary_class(site, m.target)) + ": " + label_of(site, m.target);
    if (href.empty()) {
      out += "<span id=\"" + escape_html(m.fragment) + "\" title=\"" + escape_html(title) + "\">";
      open_close = "</span>";
    } else {
      out += "<a id=\"" + escape_html(m.fragment) + "\"" + (is_event ? " class=\"event\"" : "") + " href=\"" +
             escape_html(href) + "\" title=\"" + escape_html(title) + "\">";
      open_close = "</a>";
    }
    open_end = e;
    rendered.insert(m.iri);
  }
  if (open_end != 0) {
    out += escape_html(text.text().substr(at, open_end - at)) + open_close;
    at = open_end;
  }
  out += escape_html(text.text().substr(at)) + "</div>\n";
  return out;
}

/// "#char=B,E" of a NIF IRI as code points, if it has one.
std::optional<std::pair<std::uint64_t, std::uint64_t>> char_range(std::string_view iri) {
  const std::size_t at = iri.find("#char=");
  if (at == std::string_view::npos) return std::nullopt;
  const std::string_view range = iri.substr(at + 6);
  const std::size_t comma = range.find(',');
  if (comma == std::string_view::npos || comma == 0 || comma + 1 == range.size()) return std::nullopt;
  const Term b = literal(std::string(range.substr(0, comma)));
  const Term e = literal(std::string(range.substr(comma + 1)));
  return std::make_pair(number_of(&b), number_of(&e));
}

std::string quoted_snippet(const Site::Impl& site, const std::string& doc_iri, std::uint64_t begin, std::uint64_t end) {
  const Term* text_term = first_object(site, doc_iri, nif_is_string);
  if (text_term == nullptr || end <= begin) return {};
  const DocText text(text_term->value);
  const Snippet s = snippet_around(text.text(), text.byte_at(begin), text.byte_at(end));
  return "<q>" + escape_html(s.before) + "<mark>" + escape_html(s.anchor) + "</mark>" + escape_html(s.after) + "</q>";
}

/// The reified statements of a document: why each relation is there, with its evidence.
std::string statements_html(const Site::Impl& site, std::string_view from, const std::string& doc_iri,
                            std::set<std::string>& rendered) {
  const auto frags = site.fragments.find(doc_iri.substr(site.base.size()));
  if (frags == site.fragments.end()) return {};
  std::string items;
  for (const std::string& st : frags->second) {
    bool is_statement = false;
    for (const Quad& t : about(site, st)) is_statement = is_statement || (t.predicate.value == vocab::rdf_type && t.object.value == rdf_statement);
    const Term* s = first_object(site, st, rdf_subject);
    const Term* p = first_object(site, st, rdf_predicate);
    const Term* o = first_object(site, st, rdf_object);
    if (!is_statement || s == nullptr || p == nullptr || o == nullptr) continue;
    items += "<li id=\"" + escape_html(st.substr(st.find('#') + 1)) + "\">" + render_value(site, from, *s) + " — <em>" +
             escape_html(term_label(site, p->value)) + "</em> — " + render_value(site, from, *o);
    std::string notes;
    for (const Quad& t : about(site, st)) {
      if (t.predicate.value == nkg_rule) notes += (notes.empty() ? "" : ", ") + std::string("rule ") + escape_html(t.object.value);
      if (t.predicate.value == nkg_confidence) notes += (notes.empty() ? "" : ", ") + std::string("confidence ") + escape_html(t.object.value);
    }
    if (!notes.empty()) items += " <span class=\"meta\">(" + notes + ")</span>";
    if (const Term* from_iri = first_object(site, st, prov_derived_from)) {
      if (const auto range = char_range(from_iri->value)) {
        items += "<br/>" + quoted_snippet(site, doc_iri, range->first, range->second);
      }
    }
    items += "</li>\n";
    rendered.insert(st);
  }
  return items.empty() ? std::string() : "<h2>Relations stated</h2>\n<ul class=\"mentions\">\n" + items + "</ul>\n";
}

/// Mentions of an entity (or the evidence of an event): each in its sentence, linked to its place
/// in the article. From the description, so capped as it is.
std::string mentions_html(const Site::Impl& site, std::string_view from, const std::string& iri,
                          const std::vector<Quad>& description, bool is_event) {
  std::size_t total = 0;
  std::set<std::string> documents;
  const auto in = site.incoming.find(iri);
  if (in != site.incoming.end()) {
    for (std::size_t i : in->second) {
      const Quad& t = site.triples[i];
      if (t.predicate.value != its_ident_ref) continue;
      ++total;
      if (const Term* ctx = first_object(site, t.subject.value, nif_context)) documents.insert(ctx->value);
    }
  }
  if (total == 0) return {};
  struct Item {
    std::string doc;
    std::uint64_t begin;
    std::string html;
    bool operator<(const Item& o) const { return doc != o.doc ? doc < o.doc : begin < o.begin; }
  };
  std::vector<Item> items;
  for (const Quad& t : description) {
    if (t.predicate.value != its_ident_ref || t.object.value != iri) continue;
    const std::string& m = t.subject.value;
    const Term* ctx = first_object(site, m, nif_context);
    const Term* anchor = first_object(site, m, nif_anchor_of);
    if (ctx == nullptr) continue;
    const std::uint64_t b = number_of(first_object(site, m, nif_begin));
    const std::uint64_t e = number_of(first_object(site, m, nif_end));
    std::string html = quoted_snippet(site, ctx->value, b, e);
    if (html.empty() && anchor != nullptr) html = "<q>" + escape_html(anchor->value) + "</q>";
    html += " — " + link(site, from, m, label_of(site, ctx->value));
    items.push_back({ctx->value, b, std::move(html)});
  }
  std::sort(items.begin(), items.end());
  std::string out = "<h2>" + std::string(is_event ? "Evidence" : "Mentions") + " <span class=\"count\">" +
                    std::to_string(total) + " in " + std::to_string(documents.size()) +
                    (documents.size() == 1 ? " article" : " articles");
  if (items.size() < total) out += ", the first " + std::to_string(items.size()) + " shown";
  out += "</span></h2>\n<ul class=\"mentions\">\n";
  for (const Item& item : items) out += "<li>" + item.html + "</li>\n";
  return out + "</ul>\n";
}

/// The resources that link here (from the description, so capped), as "subject — predicate".
std::string referenced_by_html(const Site::Impl& site, std::string_view from, const std::string& iri,
                               const std::vector<Quad>& description) {
  std::string rows;
  for (const Quad& t : description) {
    if (!t.object.is_iri() || t.object.value != iri || t.subject.value.find('#') != std::string::npos) continue;
    if (t.subject.value == iri) continue;
    rows += "<tr><td>" + link_to(site, from, t.subject.value) + "</td><td>" +
            link(site, from, t.predicate.value, term_label(site, t.predicate.value)) + "</td></tr>\n";
  }
  if (rows.empty()) return {};
  return "<h2>Referenced by</h2>\n<table class=\"summary\">\n" + rows + "</table>\n";
}

}  // namespace

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_resource_html(const Site::Impl& site, const std::string& path, const std::vector<Quad>& description,
                                 const std::string& jsonld) {
  const std::string iri = site.base + path;
  const std::string from = path + ".html";
  const std::string name = local_name_of(path);
  const std::string title = label_of(site, iri);
  const std::string cls = primary_class(site, iri);
  std::string head;
  for (const FormatInfo& f : formats()) {
    if (f.format == Format::html) continue;
    head += "<link rel=\"alternate\" type=\"" + std::string(f.media_type) + "\" href=\"" + escape_html(name) + "." +
            std::string(f.extension) + "\"/>\n";
  }
  head += "<script type=\"application/ld+json\">\n" + jsonld + "</script>\n";
  std::string out = page_head(from, title, head);
  out += " <span class=\"crumb\">› <a href=\"" + root_prefix(from) + "index.html#" + class_anchor(site, cls) + "\">" +
         escape_html(cls.empty() ? "Other" : term_label(site, cls)) + "</a></span></header>\n<main>\n";
  out += "<h1>" + escape_html(title) + "</h1>\n<p>" + types_html(site, from, iri) + "</p>\n";
  out += "<p class=\"meta\"><code>" + escape_html(iri) + "</code></p>\n<p class=\"meta formats\">This description as ";
  for (const FormatInfo& f : formats()) {
    if (f.format == Format::html) continue;
    out += "<a href=\"" + escape_html(name) + "." + std::string(f.extension) + "\" type=\"" + std::string(f.media_type) +
           "\">" + (f.format == Format::turtle ? "Turtle" : f.format == Format::jsonld ? "JSON-LD" : "N-Triples") + "</a>";
  }
  out += "</p>\n";
  const bool is_document = first_object(site, iri, nif_is_string) != nullptr;
  const std::string props = properties_table(site, from, iri, {nif_is_string});
  if (!props.empty()) out += "<h2>Description</h2>\n" + props;
  if (is_document) {
    std::set<std::string> rendered;
    out += "<h2>Text</h2>\n<p class=\"meta\">Every recognised mention links to what it refers to; events are marked in orange.</p>\n";
    out += article_text(site, from, iri, rendered);
    out += statements_html(site, from, iri, rendered);
    const auto frags = site.fragments.find(path);
    std::string others;
    if (frags != site.fragments.end()) {
      for (const std::string& f : frags->second) {
        if (rendered.count(f) != 0) continue;
        others += "<h3 id=\"" + escape_html(f.substr(f.find('#') + 1)) + "\">" + escape_html(label_of(site, f)) + "</h3>\n" +
                  properties_table(site, from, f, {});
      }
    }
    if (!others.empty()) out += "<h2>Other nodes of this article</h2>\n" + others;
  } else {
    const bool is_event = std::any_of(about(site, iri).begin(), about(site, iri).end(), [](const Quad& t) {
      return t.predicate.value == vocab::rdf_type && t.object.value == nkg_event;
    });
    out += mentions_html(site, from, iri, description, is_event);
    // Hash IRIs under a non-document resource: described here too.
    const auto frags = site.fragments.find(path);
    if (frags != site.fragments.end()) {
      for (const std::string& f : frags->second) {
        out += "<h3 id=\"" + escape_html(f.substr(f.find('#') + 1)) + "\">" + escape_html(label_of(site, f)) + "</h3>\n" +
               properties_table(site, from, f, {});
      }
    }
  }
  out += referenced_by_html(site, from, iri, description);
  return out + page_foot(from);
}

std::string render_index_html(const Site::Impl& site) {
  const std::string from = "index.html";
  struct Group {
    std::string cls;
    std::vector<std::pair<std::string, std::string>> members;  // label, path
  };
  const std::vector<std::string_view> order{"State", "Person", "Organization", "Place", "Position"};
  std::map<std::pair<int, std::string>, Group> groups;
  for (const std::string& path : site.resources) {
    const std::string iri = site.base + path;
    const std::string cls = primary_class(site, iri);
    int rank = 7;
    if (cls.starts_with(vocab::nkg)) {
      const std::string_view local = std::string_view(cls).substr(vocab::nkg.size());
      const auto it = std::find(order.begin(), order.end(), local);
      if (it != order.end()) rank = static_cast<int>(it - order.begin());
      else if (local == "Document") rank = 6;
      else rank = 5;  // events and other newskg classes
    }
    Group& g = groups[{rank, cls.empty() ? std::string("Other") : term_label(site, cls)}];
    g.cls = cls;
    g.members.emplace_back(label_of(site, iri), path);
  }
  std::string out = page_head(from, "Linked data", "");
  out += "</header>\n<main>\n<h1>newskg linked data</h1>\n";
  out += "<p class=\"meta\">" + std::to_string(site.resources.size()) + " resources under <code>" + escape_html(site.base) +
         "</code>, each as HTML, Turtle, JSON-LD and N-Triples. The vocabulary: <a href=\"ns/index.html\">the newskg ontology</a>.</p>\n";
  out += "<table class=\"summary\">\n<tr><th>class</th><th>resources</th></tr>\n";
  for (const auto& [key, g] : groups) {
    out += "<tr><td><a href=\"#" + class_anchor(site, g.cls) + "\">" + escape_html(key.second) + "</a></td><td>" +
           std::to_string(g.members.size()) + "</td></tr>\n";
  }
  out += "</table>\n";
  for (auto& [key, g] : groups) {
    std::sort(g.members.begin(), g.members.end());
    out += "<h2 id=\"" + class_anchor(site, g.cls) + "\">" + escape_html(key.second) + " <span class=\"count\">" +
           std::to_string(g.members.size()) + "</span></h2>\n<ul class=\"cols\">\n";
    for (const auto& [label, path] : g.members) {
      out += "<li><a href=\"" + escape_html(path) + ".html\">" + escape_html(label) + "</a></li>\n";
    }
    out += "</ul>\n";
  }
  return out + page_foot(from);
}

std::string render_ontology_html(const Site::Impl& site) {
  const std::string from = "ns/index.html";
  // Group the ontology's own terms by what they are.
  std::map<std::string, std::vector<const Quad*>> by_term;
  std::map<std::string, std::string> kinds;
  const std::string ns_iri(vocab::nkg.substr(0, vocab::nkg.size() - 1));
  for (const Quad& q : site.data.ontology) {
    if (!q.subject.is_iri()) continue;
    by_term[q.subject.value].push_back(&q);
    if (q.predicate.value == vocab::rdf_type && q.object.is_iri()) {
      const std::string k = q.object.value.ends_with("Class") ? "Classes"
                            : q.object.value.ends_with("Property") ? "Properties"
                            : q.object.value.ends_with("Ontology") ? "Ontology"
                                                                   : "Individuals";
      if (kinds.count(q.subject.value) == 0 || k == "Classes" || k == "Properties") kinds[q.subject.value] = k;
    }
  }
  std::string out = page_head(from, "Ontology", "<link rel=\"alternate\" type=\"text/turtle\" href=\"newskg.ttl\"/>\n");
  out += " <span class=\"crumb\">› ontology</span></header>\n<main>\n";
  const auto title = site.term_labels.find(ns_iri);
  out += "<h1>" + escape_html(title != site.term_labels.end() ? title->second : "The newskg ontology") + "</h1>\n";
  out += "<p class=\"meta\"><code>" + escape_html(vocab::nkg) + "</code></p>\n";
  const auto comment = site.term_comments.find(ns_iri);
  if (comment != site.term_comments.end()) out += "<p>" + escape_html(comment->second) + "</p>\n";
  out += "<p class=\"meta formats\">The ontology as <a href=\"newskg.ttl\" type=\"text/turtle\">Turtle</a>"
         "<a href=\"newskg.jsonld\" type=\"application/ld+json\">JSON-LD</a>"
         "<a href=\"newskg.nt\" type=\"application/n-triples\">N-Triples</a></p>\n";
  for (const std::string kind : {"Classes", "Properties", "Individuals"}) {
    std::string contents;
    std::string toc;
    for (const auto& [term, quads] : by_term) {
      const auto k = kinds.find(term);
      if (k == kinds.end() || k->second != kind || !term.starts_with(vocab::nkg)) continue;
      const std::string local = term.substr(vocab::nkg.size());
      toc += "<li><a href=\"#" + escape_html(local) + "\">" + escape_html(local) + "</a></li>";
      contents += "<h3 id=\"" + escape_html(local) + "\">" + escape_html(term_label(site, term)) + " <code>nkg:" +
                  escape_html(local) + "</code></h3>\n";
      const auto c = site.term_comments.find(term);
      if (c != site.term_comments.end()) contents += "<p>" + escape_html(c->second) + "</p>\n";
      std::map<std::string, std::vector<std::string>> rows;
      for (const Quad* q : quads) {
        if (q->predicate.value == rdfs_label || q->predicate.value == rdfs_comment) continue;
        std::string value;
        if (q->object.is_iri()) {
          const std::string href = href_for(site, from, q->object.value);
          const std::string text = curie(site, q->object.value);
          value = href.empty() ? escape_html(text) : "<a href=\"" + escape_html(href) + "\">" + escape_html(text) + "</a>";
        } else {
          value = render_value(site, from, q->object);
        }
        rows[curie(site, q->predicate.value)].push_back(std::move(value));
      }
      if (!rows.empty()) {
        contents += "<table class=\"props\">\n";
        for (const auto& [p, values] : rows) {
          contents += "<tr><th>" + escape_html(p) + "</th><td>";
          for (std::size_t i = 0; i < values.size(); ++i) contents += (i == 0 ? "" : ", ") + values[i];
          contents += "</td></tr>\n";
        }
        contents += "</table>\n";
      }
    }
    if (contents.empty()) continue;
    out += "<h2>" + kind + "</h2>\n<ul class=\"cols\">" + toc + "</ul>\n" + contents;
  }
  return out + page_foot(from);
}

}  // namespace nkg::publish
