// The site: an export indexed by subject and object, and every file rendered from it on request.
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/iri.hpp"
#include "core/vocab.hpp"
#include "publish/site_index.hpp"

namespace nkg::publish {

namespace fs = std::filesystem;

namespace {

using vocab::rdfs_label;
using vocab::rdfs_comment;
using vocab::skos_pref_label;
using vocab::schema_headline;
using vocab::nkg_title;
using vocab::nif_anchor_of;
using vocab::nif_begin;
using vocab::nif_end;
using vocab::nif_context;
using vocab::its_ident_ref;
using vocab::dct_identifier;

/// Predicates copied for the nodes a description links to, so that its pages read well.
constexpr std::array<std::string_view, 4> label_predicates{rdfs_label, skos_pref_label, schema_headline, nkg_title};

Result<std::string> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status{StatusCode::io_error, "cannot read the file", {path.string()}};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status{StatusCode::io_error, "read failed", {path.string()}};
  return text.str();
}

bool is_path_segment_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

/// Can `path` be both an URL path and a file path on every file system we publish to?
bool is_publishable_path(std::string_view path) {
  if (path.empty() || path == "index" || path.starts_with("ns/") || path == "ns" || path == "context") return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view segment = path.substr(start, end - start);
    if (segment.empty() || segment == "." || segment == ".." || segment.size() > 200) return false;
    if (!std::all_of(segment.begin(), segment.end(), is_path_segment_char)) return false;
    start = end + 1;
  }
  return true;
}

std::optional<std::uint64_t> to_number(const Term* t) {
  if (t == nullptr || !t->is_literal() || t->value.empty() || t->value.size() > 18) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : t->value) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

std::string local_name(std::string_view iri) {
  const std::size_t cut = iri.find_last_of("/#");
  return std::string(cut == std::string_view::npos ? iri : iri.substr(cut + 1));
}

}  // namespace

// ---- reading and indexing ---------------------------------------------------------------------

Result<Export> read_export(const std::string& dir) {
  Export data;
  const fs::path root(dir);
  auto quads = serialize::read_rdf_file((root / "graph.nq").string());
  if (!quads.ok()) return quads.status();
  data.quads = std::move(quads).value();
  auto ontology = serialize::read_rdf_file((root / "newskg.ttl").string());
  if (!ontology.ok()) return ontology.status();
  data.ontology = std::move(ontology).value();
  auto turtle = read_bytes(root / "newskg.ttl");
  if (!turtle.ok()) return turtle.status();
  data.ontology_turtle = std::move(turtle).value();
  auto context = read_bytes(root / "context.jsonld");
  if (!context.ok()) return context.status();
  data.context_json = std::move(context).value();
  return data;
}

Result<Site> Site::create(Export data, std::string base, DiagnosticSink& diagnostics) {
  if (!is_valid_absolute_iri(base) || base.back() != '/') {
    return Status{StatusCode::bad_option, "--base must be an absolute IRI ending in '/' (got '" + base + "')"};
  }
  auto impl = std::make_shared<Impl>();
  impl->base = std::move(base);
  auto context = serialize::JsonLdContext::parse(data.context_json);
  if (!context.ok()) return Status{StatusCode::bad_data, context.status().message(), {"context.jsonld"}};
  impl->context = std::move(context).value();
  try {
    const nlohmann::json parsed = nlohmann::json::parse(data.context_json);
    if (!parsed.is_object() || !parsed.contains("@context")) {
      return Status{StatusCode::bad_data, "no @context object", {"context.jsonld"}};
    }
    impl->context_value_json = parsed.at("@context").dump();
  } catch (const nlohmann::json::exception& e) {
    return Status{StatusCode::bad_data, e.what(), {"context.jsonld"}};
  }

  // The union graph, sorted and without duplicates, so that every page is stable.
  impl->triples.reserve(data.quads.size());
  for (const Quad& q : data.quads) impl->triples.push_back({q.subject, q.predicate, q.object, {}});
  data.quads.clear();
  data.quads.shrink_to_fit();
  std::sort(impl->triples.begin(), impl->triples.end());
  impl->triples.erase(std::unique(impl->triples.begin(), impl->triples.end()), impl->triples.end());
  impl->data = std::move(data);

  std::set<std::string> skipped;
  for (std::size_t i = 0; i < impl->triples.size();) {
    const Term& s = impl->triples[i].subject;
    std::size_t j = i;
    while (j < impl->triples.size() && impl->triples[j].subject == s) ++j;
    if (s.is_iri()) {
      impl->by_subject.emplace(s.value, std::make_pair(i, j));
      if (s.value.starts_with(impl->base)) {
        const std::string_view rest = std::string_view(s.value).substr(impl->base.size());
        const std::size_t hash = rest.find('#');
        if (hash == std::string_view::npos) {
          if (is_publishable_path(rest)) impl->resources.emplace_back(rest);
          else skipped.insert(s.value);
        } else {
          impl->fragments[std::string(rest.substr(0, hash))].push_back(s.value);
        }
      }
    }
    i = j;
  }
  for (std::size_t i = 0; i < impl->triples.size(); ++i) {
    if (impl->triples[i].object.is_iri()) impl->incoming[impl->triples[i].object.value].push_back(i);
  }
  for (const std::string& iri : skipped) {
    diagnostics.report({Severity::warning, {"graph.nq"}, "<" + iri + "> gets no page: its path is not a safe file name"});
  }
  if (impl->resources.empty()) {
    return Status{StatusCode::bad_input, "no subject of the graph lies under the base <" + impl->base + ">", {"graph.nq"}};
  }
  for (const Quad& q : impl->data.ontology) {
    if (!q.subject.is_iri() || !q.object.is_literal()) continue;
    auto* table = q.predicate.value == rdfs_label     ? &impl->term_labels
                  : q.predicate.value == rdfs_comment ? &impl->term_comments
                                                      : nullptr;
    if (table == nullptr) continue;
    auto [it, is_new] = table->emplace(q.subject.value, q.object.value);
    if (!is_new && q.object.language == "en") it->second = q.object.value;
  }
  return Site(std::move(impl));
}

const std::vector<std::string>& Site::resources() const { return impl_->resources; }

bool Site::has_resource(std::string_view path) const {
  return std::binary_search(impl_->resources.begin(), impl_->resources.end(), path);
}

const std::string& Site::base() const { return impl_->base; }

// ---- lookups ------------------------------------------------------------------------------------

std::span<const Quad> about(const Site::Impl& site, std::string_view subject) {
  const auto it = site.by_subject.find(subject);
  if (it == site.by_subject.end()) return {};
  return std::span<const Quad>(site.triples).subspan(it->second.first, it->second.second - it->second.first);
}

const Term* first_object(const Site::Impl& site, std::string_view subject, std::string_view predicate) {
  for (const Quad& t : about(site, subject)) {
    if (t.predicate.value == predicate) return &t.object;
  }
  return nullptr;
}

namespace {

/// The English label if there is one, else the first of the predicate's literals.
const Term* best_literal(const Site::Impl& site, std::string_view subject, std::string_view predicate) {
  const Term* found = nullptr;
  for (const Quad& t : about(site, subject)) {
    if (t.predicate.value != predicate || !t.object.is_literal()) continue;
    if (t.object.language == "en") return &t.object;
    if (found == nullptr) found = &t.object;
  }
  return found;
}

std::string plain_label(const Site::Impl& site, std::string_view iri) {
  for (std::string_view p : {rdfs_label, skos_pref_label, schema_headline}) {
    if (const Term* t = best_literal(site, iri, p)) return t->value;
  }
  return {};
}

bool has_type(const Site::Impl& site, std::string_view iri, std::string_view type) {
  for (const Quad& t : about(site, iri)) {
    if (t.predicate.value == vocab::rdf_type && t.object.value == type) return true;
  }
  return false;
}

std::string short_label(const Site::Impl& site, std::string_view iri) {
  std::string l = plain_label(site, iri);
  return l.empty() ? local_name(iri) : l;
}

std::string position_label(const Site::Impl& site, std::string_view iri) {
  const Term* title = best_literal(site, iri, nkg_title);
  if (title == nullptr) return {};
  std::string out = title->value;
  if (const Term* of = first_object(site, iri, "https://w3id.org/newskg/ns#positionIn")) out += " of " + short_label(site, of->value);
  if (const Term* to = first_object(site, iri, "https://w3id.org/newskg/ns#accreditedTo")) out += " to " + short_label(site, to->value);
  const auto in = site.incoming.find(iri);
  if (in != site.incoming.end()) {
    for (std::size_t i : in->second) {
      if (site.triples[i].predicate.value == "https://w3id.org/newskg/ns#holdsPosition") {
        out += " (" + short_label(site, site.triples[i].subject.value) + ")";
        break;
      }
    }
  }
  return out;
}

std::string event_label(const Site::Impl& site, std::string_view iri) {
  const std::string cls = primary_class(site, iri);
  std::string out = term_label(site, cls);
  std::string parts;
  const auto add = [&](std::string_view predicate, std::string_view joiner) {
    if (const Term* t = first_object(site, iri, predicate)) {
      parts += std::string(parts.empty() ? "" : std::string(joiner)) + (t->is_iri() ? short_label(site, t->value) : t->value);
      return true;
    }
    return false;
  };
  const bool has_agent = add("https://w3id.org/newskg/ns#agent", "");
  if (const Term* t = first_object(site, iri, "https://w3id.org/newskg/ns#target")) {
    parts += (has_agent ? " → " : "→ ") + short_label(site, t->value);
  }
  if (const Term* t = first_object(site, iri, "https://w3id.org/newskg/ns#place")) {
    parts += (parts.empty() ? "in " : ", in ") + short_label(site, t->value);
  }
  add("https://w3id.org/newskg/ns#date", ", ");
  if (const Term* t = first_object(site, iri, "https://w3id.org/newskg/ns#modality")) {
    std::string m = term_label(site, t->value);
    for (char& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    parts += " (" + m + ")";
  }
  if (!parts.empty()) out += ": " + parts;
  return out;
}

}  // namespace

std::string label_of(const Site::Impl& site, std::string_view iri) {
  std::string l = plain_label(site, iri);
  if (!l.empty()) return l;
  if (has_type(site, iri, "https://w3id.org/newskg/ns#Position")) {
    l = position_label(site, iri);
    if (!l.empty()) return l;
  }
  if (has_type(site, iri, "https://w3id.org/newskg/ns#Event")) return event_label(site, iri);
  if (const Term* text = best_literal(site, iri, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")) {
    // An article without a headline: its first line, cut at a word (a document's name for people).
    std::string_view first = text->value;
    first = first.substr(0, std::min(first.find('\n'), first.size()));
    if (first.size() > 80) {
      std::size_t cut = first.rfind(' ', 80);
      first = first.substr(0, cut == std::string_view::npos || cut < 20 ? 80 : cut);
      while (!first.empty() && (static_cast<unsigned char>(first.back()) & 0xC0U) == 0x80U) first.remove_suffix(1);
      if (!first.empty() && static_cast<unsigned char>(first.back()) >= 0xC0U) first.remove_suffix(1);
      return std::string(first) + "…";
    }
    if (!first.empty()) return std::string(first);
  }
  for (std::string_view p : {nif_anchor_of, dct_identifier}) {
    if (const Term* t = best_literal(site, iri, p)) return t->value;
  }
  if (site.term_labels.count(iri) != 0) return term_label(site, iri);
  return local_name(iri);
}

std::string curie(const Site::Impl& site, std::string_view iri) {
  std::string best;
  std::size_t best_len = 0;
  const auto consider = [&](std::string_view name, std::string_view ns) {
    if (iri.size() > ns.size() && iri.starts_with(ns) && ns.size() > best_len) {
      best = std::string(name) + ":" + std::string(iri.substr(ns.size()));
      best_len = ns.size();
    }
  };
  for (const auto& [name, ns] : vocab::fixed_prefixes) consider(name, ns);
  for (const auto& [name, path] : vocab::base_prefixes) consider(name, site.base + std::string(path));
  return best.empty() ? std::string(iri) : best;
}

std::string term_label(const Site::Impl& site, std::string_view iri) {
  const auto it = site.term_labels.find(iri);
  if (it != site.term_labels.end()) return it->second;
  return curie(site, iri);
}

std::optional<PageRef> page_of(const Site::Impl& site, std::string_view iri) {
  if (!iri.starts_with(site.base)) return std::nullopt;
  std::string_view rest = iri.substr(site.base.size());
  PageRef ref;
  const std::size_t hash = rest.find('#');
  if (hash != std::string_view::npos) {
    ref.fragment = std::string(rest.substr(hash + 1));
    rest = rest.substr(0, hash);
  }
  if (!std::binary_search(site.resources.begin(), site.resources.end(), rest)) return std::nullopt;
  ref.path = std::string(rest);
  return ref;
}

std::string primary_class(const Site::Impl& site, std::string_view iri) {
  std::string best;
  int best_rank = -1;
  for (const Quad& t : about(site, iri)) {
    if (t.predicate.value != vocab::rdf_type || !t.object.is_iri()) continue;
    // The most specific class newskg has: an event subclass over nkg:Event, nkg over others.
    int rank = 1;
    if (t.object.value.starts_with(vocab::nkg)) rank = t.object.value == "https://w3id.org/newskg/ns#Event" ? 2 : 3;
    if (rank > best_rank) {
      best = t.object.value;
      best_rank = rank;
    }
  }
  return best;
}

// ---- document text ------------------------------------------------------------------------------

DocText::DocText(std::string_view text) : text_(text) {
  std::size_t cp = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U) continue;
    if (cp % 64 == 0) checkpoints_.push_back(i);
    ++cp;
  }
}

std::size_t DocText::byte_at(std::size_t cp) const {
  const std::size_t block = cp / 64;
  if (block >= checkpoints_.size()) return text_.size();
  std::size_t i = checkpoints_[block];
  for (std::size_t left = cp % 64; left > 0 && i < text_.size(); --left) {
    ++i;
    while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0U) == 0x80U) ++i;
  }
  return i;
}

Snippet snippet_around(std::string_view text, std::size_t begin_byte, std::size_t end_byte) {
  constexpr std::size_t reach = 240;
  const auto is_continuation = [&](std::size_t i) {
    return i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U;
  };
  end_byte = std::min(end_byte, text.size());
  begin_byte = std::min(begin_byte, end_byte);
  std::size_t from = begin_byte;
  bool cut_before = false;
  while (from > 0) {
    const char c = text[from - 1];
    if (c == '\n') break;
    if (from >= 2 && (text[from - 2] == '.' || text[from - 2] == '?' || text[from - 2] == '!') && c == ' ') break;
    if (begin_byte - from >= reach) {
      while (is_continuation(from)) ++from;
      cut_before = true;
      break;
    }
    --from;
  }
  std::size_t to = end_byte;
  bool cut_after = false;
  while (to < text.size()) {
    const char c = text[to];
    if (c == '\n') break;
    if (c == '.' || c == '?' || c == '!') {
      ++to;
      break;
    }
    if (to - end_byte >= reach) {
      while (is_continuation(to)) ++to;
      cut_after = true;
      break;
    }
    ++to;
  }
  Snippet s;
  s.before = (cut_before ? "…" : "") + std::string(text.substr(from, begin_byte - from));
  s.anchor = std::string(text.substr(begin_byte, end_byte - begin_byte));
  s.after = std::string(text.substr(end_byte, to - end_byte)) + (cut_after ? "…" : "");
  return s;
}

// ---- descriptions -------------------------------------------------------------------------------

namespace {

/// The description of BASE + P: its triples and those of its hash IRIs; the mentions that refer
/// to it (capped) and the other resources that link to it (capped); the labels of every node it
/// links to.
std::vector<Quad> describe(const Site::Impl& site, const std::string& path) {
  const std::string iri = site.base + path;
  std::vector<Quad> out;
  const auto add_about = [&](std::string_view subject) {
    for (const Quad& t : about(site, subject)) out.push_back(t);
  };
  add_about(iri);
  const auto frags = site.fragments.find(path);
  if (frags != site.fragments.end()) {
    for (const std::string& f : frags->second) add_about(f);
  }

  const auto in = site.incoming.find(iri);
  if (in != site.incoming.end()) {
    struct MentionKey {
      std::string context;
      std::uint64_t begin;
      std::string subject;
      auto operator<=>(const MentionKey&) const = default;
    };
    std::vector<MentionKey> mentions;
    std::size_t linked = 0;
    for (std::size_t i : in->second) {
      const Quad& t = site.triples[i];
      const std::string& s = t.subject.value;
      const bool is_own = s.starts_with(iri) && (s.size() == iri.size() || s[iri.size()] == '#');
      if (is_own) continue;
      if (t.predicate.value == its_ident_ref) {
        const Term* ctx = first_object(site, s, nif_context);
        mentions.push_back({ctx != nullptr ? ctx->value : std::string(), to_number(first_object(site, s, nif_begin)).value_or(0), s});
      } else if (s.find('#') == std::string::npos && linked < max_incoming_per_page) {
        out.push_back(t);
        ++linked;
      }
    }
    std::sort(mentions.begin(), mentions.end());
    if (mentions.size() > max_mentions_per_page) mentions.resize(max_mentions_per_page);
    for (const MentionKey& m : mentions) {
      for (const Quad& t : about(site, m.subject)) {
        const std::string_view p = t.predicate.value;
        if (p == its_ident_ref || p == nif_anchor_of || p == nif_context || p == nif_begin || p == nif_end) out.push_back(t);
      }
    }
  }

  // Labels of the nodes the description links to (other than its own).
  std::set<std::string> linked_nodes;
  for (const Quad& t : out) {
    for (const Term* term : {&t.subject, &t.object}) {
      if (term->is_iri() && term->value != iri && !term->value.starts_with(iri + "#")) linked_nodes.insert(term->value);
    }
  }
  for (const std::string& node : linked_nodes) {
    for (const Quad& t : about(site, node)) {
      if (std::find(label_predicates.begin(), label_predicates.end(), t.predicate.value) != label_predicates.end()) {
        out.push_back(t);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Status declare_prefixes(const Site::Impl& site, QuadSink& sink) {
  for (const auto& [name, ns] : vocab::fixed_prefixes) NKG_TRY(sink.prefix(name, ns));
  for (const auto& [name, path] : vocab::base_prefixes) NKG_TRY(sink.prefix(name, site.base + std::string(path)));
  return Status::success();
}

Result<std::string> write_rdf(const Site::Impl& site, const std::vector<Quad>& quads, Format format) {
  serialize::StringByteSink bytes;
  std::unique_ptr<QuadSink> writer;
  if (format == Format::jsonld) {
    writer = serialize::make_jsonld_writer(site.context, std::string(vocab::jsonld_context), bytes);
  } else {
    writer = serialize::make_syntax_writer(format == Format::turtle ? serialize::Syntax::turtle : serialize::Syntax::ntriples, bytes);
  }
  const auto sorter = serialize::make_sorting_buffer(*writer, true);
  NKG_TRY(declare_prefixes(site, *sorter));
  for (const Quad& q : quads) NKG_TRY(sorter->quad(q));
  NKG_TRY(sorter->finish());
  return bytes.str();
}

/// The JSON-LD for a <script> element: the context embedded (no resource to fetch), and '<', '>'
/// and '&' written as \u escapes so that no "</script>" or "<!--" can end the element early.
Result<std::string> embeddable_jsonld(const Site::Impl& site, const std::string& jsonld) {
  std::string text;
  try {
    nlohmann::json doc = nlohmann::json::parse(jsonld);
    doc["@context"] = nlohmann::json::parse(site.context_value_json);
    text = doc.dump(1);
  } catch (const nlohmann::json::exception& e) {
    return Status{StatusCode::internal, std::string("JSON-LD: ") + e.what()};
  }
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '<') out += "\\u003c";
    else if (c == '>') out += "\\u003e";
    else if (c == '&') out += "\\u0026";
    else out += c;
  }
  return out;
}

Result<SiteFile> render_resource(const Site::Impl& site, const std::string& path, Format format) {
  const std::vector<Quad> description = describe(site, path);
  const FormatInfo& info = format_info(format);
  SiteFile file{path + "." + std::string(info.extension), std::string(info.content_type), {}};
  if (format != Format::html) {
    auto text = write_rdf(site, description, format);
    if (!text.ok()) return text.status();
    file.body = std::move(text).value();
    return file;
  }
  auto jsonld = write_rdf(site, description, Format::jsonld);
  if (!jsonld.ok()) return jsonld.status();
  auto embedded = embeddable_jsonld(site, jsonld.value());
  if (!embedded.ok()) return embedded.status();
  file.body = render_resource_html(site, path, description, embedded.value());
  return file;
}

}  // namespace

// ---- files --------------------------------------------------------------------------------------

std::vector<std::string> Site::file_paths() const {
  std::vector<std::string> paths{"index.html", "context.jsonld", "ns/index.html", "ns/newskg.ttl", "ns/newskg.jsonld",
                                 "ns/newskg.nt"};
  for (const std::string& r : impl_->resources) {
    for (const FormatInfo& f : formats()) paths.push_back(r + "." + std::string(f.extension));
  }
  return paths;
}

Result<std::optional<SiteFile>> Site::render(std::string_view path) const {
  const Impl& site = *impl_;
  const std::string p(path);
  if (p == "index.html") return std::optional<SiteFile>(SiteFile{p, std::string(format_info(Format::html).content_type), render_index_html(site)});
  if (p == "context.jsonld") return std::optional<SiteFile>(SiteFile{p, "application/ld+json", site.data.context_json});
  if (p == "ns/index.html") return std::optional<SiteFile>(SiteFile{p, std::string(format_info(Format::html).content_type), render_ontology_html(site)});
  if (p == "ns/newskg.ttl") return std::optional<SiteFile>(SiteFile{p, std::string(format_info(Format::turtle).content_type), site.data.ontology_turtle});
  if (p == "ns/newskg.jsonld" || p == "ns/newskg.nt") {
    const Format format = p.ends_with(".nt") ? Format::ntriples : Format::jsonld;
    std::vector<Quad> ontology;
    for (const Quad& q : site.data.ontology) ontology.push_back({q.subject, q.predicate, q.object, {}});
    auto text = write_rdf(site, ontology, format);
    if (!text.ok()) return text.status();
    return std::optional<SiteFile>(SiteFile{p, std::string(format_info(format).content_type), std::move(text).value()});
  }
  const std::size_t dot = p.rfind('.');
  if (dot == std::string::npos || p.find('/', dot) != std::string::npos) return std::optional<SiteFile>();
  const std::string_view resource = std::string_view(p).substr(0, dot);
  const std::string_view extension = std::string_view(p).substr(dot + 1);
  if (!has_resource(resource)) return std::optional<SiteFile>();
  for (const FormatInfo& f : formats()) {
    if (f.extension != extension) continue;
    auto file = render_resource(site, std::string(resource), f.format);
    if (!file.ok()) return file.status();
    return std::optional<SiteFile>(std::move(file).value());
  }
  return std::optional<SiteFile>();
}

Result<WriteReport> write_site(const Site& site, const std::string& dir) {
  WriteReport report;
  for (const std::string& path : site.file_paths()) {
    auto file = site.render(path);
    if (!file.ok()) return file.status();
    if (!file.value()) return Status{StatusCode::internal, "the site lists a file it cannot render", {path}};
    const fs::path target = fs::path(dir) / path;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (ec) return Status{StatusCode::io_error, "cannot create the folder: " + ec.message(), {target.parent_path().string()}};
    auto out = serialize::AtomicFile::create(target.string());
    if (!out.ok()) return out.status();
    NKG_TRY(out.value()->write(file.value()->body));
    NKG_TRY(out.value()->commit());
    ++report.files;
    if (path.ends_with(".html") && path != "index.html" && path != "ns/index.html") ++report.pages;
  }
  return report;
}

}  // namespace nkg::publish
