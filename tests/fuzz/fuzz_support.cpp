#include "fuzz_support.hpp"

#include <serd/serd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "core/embedded.hpp"

namespace nkg::fuzz {

void fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) std::fprintf(stderr, "%.*s\n", static_cast<int>(detail.size()), detail.data());
  std::fflush(stderr);
  std::abort();
}

bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t min = 0;
    std::uint32_t cp = 0;
    if (b0 < 0x80U) {
      ++i;
      continue;
    }
    if (b0 >= 0xC2U && b0 <= 0xDFU) {
      n = 2, min = 0x80, cp = b0 & 0x1FU;
    } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
      n = 3, min = 0x800, cp = b0 & 0x0FU;
    } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
      n = 4, min = 0x10000, cp = b0 & 0x07U;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0U) != 0x80U) return false;
      cp = (cp << 6U) | (b & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFFU || (cp >= 0xD800U && cp <= 0xDFFFU)) return false;
    i += n;
  }
  return true;
}

namespace {

struct ParseState {
  SerdEnv* env = nullptr;
  std::vector<Quad> quads;
  std::string error;
};

std::string text_of(const SerdNode* node) {
  return {reinterpret_cast<const char*>(node->buf), node->n_bytes};
}

std::string chunk(const SerdChunk& c) { return {reinterpret_cast<const char*>(c.buf), c.len}; }

/// IRIs are taken as written (the writers emit absolute IRIs; Serd's resolver would
/// re-serialise them); prefixed names become prefix IRI + local name.
bool iri_of(const ParseState& state, const SerdNode* node, std::string& out) {
  if (node->type == SERD_URI) {
    out = text_of(node);
    return true;
  }
  SerdChunk prefix{};
  SerdChunk suffix{};
  if (serd_env_expand(state.env, node, &prefix, &suffix) != SERD_SUCCESS) return false;
  out = chunk(prefix) + chunk(suffix);
  return true;
}

bool term_of(const ParseState& state, const SerdNode* node, const SerdNode* datatype, const SerdNode* lang, Term& out) {
  std::string value;
  switch (node->type) {
    case SERD_URI:
    case SERD_CURIE:
      if (!iri_of(state, node, value)) return false;
      out = iri(value);
      return true;
    case SERD_BLANK: out = blank(text_of(node)); return true;
    case SERD_LITERAL:
      if (lang != nullptr && lang->n_bytes > 0) {
        out = lang_literal(text_of(node), text_of(lang));
      } else if (datatype != nullptr && datatype->buf != nullptr) {
        if (!iri_of(state, datatype, value)) return false;
        out = typed_literal(text_of(node), value);
      } else {
        out = literal(text_of(node));
      }
      return true;
    default: return false;
  }
}

SerdStatus on_statement(void* handle, SerdStatementFlags /*flags*/, const SerdNode* graph, const SerdNode* subject,
                        const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype,
                        const SerdNode* lang) noexcept {
  auto* state = static_cast<ParseState*>(handle);
  try {
    Quad q;
    if (!term_of(*state, subject, nullptr, nullptr, q.subject) || !term_of(*state, predicate, nullptr, nullptr, q.predicate) ||
        !term_of(*state, object, datatype, lang, q.object) ||
        (graph != nullptr && graph->buf != nullptr && !term_of(*state, graph, nullptr, nullptr, q.graph))) {
      if (state->error.empty()) state->error = "cannot expand a prefixed name";
      return SERD_ERR_BAD_CURIE;
    }
    state->quads.push_back(std::move(q));
  } catch (...) {
    return SERD_ERR_UNKNOWN;
  }
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* error) noexcept {
  auto* state = static_cast<ParseState*>(handle);
  char buf[512];
  std::vsnprintf(buf, sizeof buf, error->fmt, *error->args);
  if (state->error.empty()) {
    state->error = "line " + std::to_string(error->line) + ", column " + std::to_string(error->col) + ": " + buf;
  }
  return SERD_SUCCESS;
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) noexcept {
  return serd_env_set_prefix(static_cast<ParseState*>(handle)->env, name, uri);
}

SerdSyntax serd_syntax(serialize::Syntax s) {
  switch (s) {
    case serialize::Syntax::turtle: return SERD_TURTLE;
    case serialize::Syntax::trig: return SERD_TRIG;
    case serialize::Syntax::ntriples: return SERD_NTRIPLES;
    case serialize::Syntax::nquads: return SERD_NQUADS;
  }
  return SERD_NQUADS;
}

}  // namespace

Result<std::vector<Quad>> parse_rdf(std::string_view text, serialize::Syntax syntax) {
  if (text.find('\0') != std::string_view::npos) return Status{StatusCode::bad_input, "output holds a NUL byte"};
  if (text.empty()) return std::vector<Quad>{};  // Serd's N-Triples reader refuses an empty string
  ParseState state;
  std::unique_ptr<SerdEnv, decltype(&serd_env_free)> env(serd_env_new(nullptr), serd_env_free);
  state.env = env.get();
  std::unique_ptr<SerdReader, decltype(&serd_reader_free)> reader(
      serd_reader_new(serd_syntax(syntax), &state, nullptr, nullptr, on_prefix, on_statement, nullptr),
      serd_reader_free);
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), on_error, &state);
  const std::string copy(text);  // NUL-terminated
  const SerdStatus st = serd_reader_read_string(reader.get(), reinterpret_cast<const uint8_t*>(copy.c_str()));
  // SERD_FAILURE is "nothing (more) to read": an empty document.
  if ((st != SERD_SUCCESS && st != SERD_FAILURE) || !state.error.empty()) {
    return Status{StatusCode::bad_input, state.error.empty() ? "serd: " + std::string(reinterpret_cast<const char*>(serd_strerror(st))) : state.error};
  }
  return std::move(state.quads);
}

std::vector<Quad> canonical(std::vector<Quad> quads, bool drop_graphs) {
  if (drop_graphs) {
    for (Quad& q : quads) q.graph = Term{};
  }
  std::sort(quads.begin(), quads.end());
  quads.erase(std::unique(quads.begin(), quads.end()), quads.end());
  return quads;
}

Status CollectingSink::prefix(std::string_view name, std::string_view ns) {
  prefixes.emplace_back(name, ns);
  return Status::success();
}

Status CollectingSink::quad(const Quad& q) {
  quads.push_back(q);
  return Status::success();
}

Status replay(const std::vector<std::pair<std::string, std::string>>& prefixes, const std::vector<Quad>& quads,
              QuadSink& sink) {
  for (const auto& [name, ns] : prefixes) NKG_TRY(sink.prefix(name, ns));
  for (const Quad& q : quads) NKG_TRY(sink.quad(q));
  return sink.finish();
}

const serialize::JsonLdContext& context() {
  static const serialize::JsonLdContext parsed = [] {
    const auto text = embedded_file("ontology/context.jsonld");
    check(text.has_value(), "ontology/context.jsonld is embedded");
    auto ctx = serialize::JsonLdContext::parse(*text);
    check(ctx.ok(), "the embedded JSON-LD context parses", ctx.status().message());
    return std::move(ctx).value();
  }();
  return parsed;
}

std::string expand_jsonld_iri(const std::string& value) {
  const auto colon = value.find(':');
  if (colon == std::string::npos || value.compare(colon, 3, "://") == 0) return value;
  const auto it = context().prefixes.find(value.substr(0, colon));
  return it == context().prefixes.end() ? value : it->second + value.substr(colon + 1);
}

std::string describe(const std::vector<Quad>& quads) {
  std::string out;
  for (const Quad& q : quads) out += to_nquads(q) + '\n';
  return out;
}

}  // namespace nkg::fuzz
