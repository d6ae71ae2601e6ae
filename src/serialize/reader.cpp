// Reading N-Triples / N-Quads / Turtle / TriG back into quads with Serd (for eval/ and tests).
#include <serd/serd.h>

#include <cerrno>
#include <cstdarg>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "serialize/serialize.hpp"

namespace nkg::serialize {

namespace {

struct ReadState {
  QuadSink* sink = nullptr;
  std::string error;
  std::uint64_t error_line = 0;
  std::uint64_t error_column = 0;
  SerdEnv* env = nullptr;  // prefixes and base, for Turtle and TriG
};

/// A node as an absolute IRI or literal: CURIEs and relative IRIs expanded with the environment.
SerdNode expanded(const ReadState& state, const SerdNode* node) {
  if (node == nullptr || state.env == nullptr || (node->type != SERD_CURIE && node->type != SERD_URI)) {
    return SERD_NODE_NULL;
  }
  return serd_env_expand_node(state.env, node);
}

Term term_of(const SerdNode* node, const SerdNode* datatype, const SerdNode* lang) {
  const std::string value(reinterpret_cast<const char*>(node->buf), node->n_bytes);
  switch (node->type) {
    case SERD_URI: return iri(value);
    case SERD_BLANK: return blank(value);
    case SERD_LITERAL:
      if (lang != nullptr && lang->n_bytes > 0) {
        return lang_literal(value, std::string(reinterpret_cast<const char*>(lang->buf), lang->n_bytes));
      }
      if (datatype != nullptr && datatype->n_bytes > 0) {
        return typed_literal(value, std::string(reinterpret_cast<const char*>(datatype->buf), datatype->n_bytes));
      }
      return literal(value);
    default: return {};
  }
}

SerdStatus on_statement(void* handle, SerdStatementFlags /*flags*/, const SerdNode* graph, const SerdNode* subject,
                        const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype,
                        const SerdNode* lang) noexcept {
  auto* state = static_cast<ReadState*>(handle);
  SerdNode nodes[5] = {expanded(*state, subject), expanded(*state, predicate), expanded(*state, object),
                       expanded(*state, graph), expanded(*state, datatype)};
  auto pick = [&](const SerdNode* original, const SerdNode& e) { return e.buf != nullptr ? &e : original; };
  SerdStatus st = SERD_SUCCESS;
  try {
    Quad q{term_of(pick(subject, nodes[0]), nullptr, nullptr), term_of(pick(predicate, nodes[1]), nullptr, nullptr),
           term_of(pick(object, nodes[2]), pick(datatype, nodes[4]), lang),
           graph != nullptr && graph->n_bytes > 0 ? term_of(pick(graph, nodes[3]), nullptr, nullptr) : Term{}};
    const Status sink_st = state->sink->quad(q);
    if (!sink_st.ok()) {
      if (state->error.empty()) state->error = sink_st.message();
      st = SERD_ERR_UNKNOWN;
    }
  } catch (...) {
    st = SERD_ERR_UNKNOWN;
  }
  for (SerdNode& n : nodes) serd_node_free(&n);
  return st;
}

SerdStatus on_error(void* handle, const SerdError* error) noexcept {
  auto* state = static_cast<ReadState*>(handle);
  char buf[512];
  std::vsnprintf(buf, sizeof buf, error->fmt, *error->args);
  if (state->error.empty()) {
    state->error = buf;
    state->error_line = error->line;
    state->error_column = error->col;
    while (!state->error.empty() && state->error.back() == '\n') state->error.pop_back();
  }
  return SERD_SUCCESS;
}

SerdStatus on_base(void* handle, const SerdNode* uri) noexcept {
  auto* state = static_cast<ReadState*>(handle);
  return serd_env_set_base_uri(state->env, uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) noexcept {
  auto* state = static_cast<ReadState*>(handle);
  return serd_env_set_prefix(state->env, name, uri);
}

using ReaderPtr = std::unique_ptr<SerdReader, decltype(&serd_reader_free)>;

/// Reads with a strict Serd reader: `read` runs the reader (a file or a string).
template <class ReadFn>
Status read_with(SerdSyntax syntax, const std::string& name, const std::string& base_uri, QuadSink& sink,
                 ReadFn read) {
  ReadState state;
  state.sink = &sink;
  SerdNode base = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base_uri.c_str()));
  std::unique_ptr<SerdEnv, decltype(&serd_env_free)> env(serd_env_new(&base), serd_env_free);
  state.env = env.get();
  ReaderPtr reader(serd_reader_new(syntax, &state, nullptr, on_base, on_prefix, on_statement, nullptr),
                   serd_reader_free);
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), on_error, &state);
  const SerdStatus st = read(reader.get());
  if (st != SERD_SUCCESS || !state.error.empty()) {
    const StatusCode code =
        state.error.empty() && (st == SERD_ERR_BAD_ARG || st == SERD_ERR_UNKNOWN) ? StatusCode::io_error
                                                                                   : StatusCode::bad_input;
    return Status{code, state.error.empty() ? "cannot read the RDF" : state.error,
                  {name, state.error_line, state.error_column}};
  }
  return sink.finish();
}


SerdSyntax serd_syntax(Syntax syntax) {
  switch (syntax) {
    case Syntax::turtle: return SERD_TURTLE;
    case Syntax::trig: return SERD_TRIG;
    case Syntax::ntriples: return SERD_NTRIPLES;
    case Syntax::nquads: return SERD_NQUADS;
  }
  return SERD_NQUADS;
}

}  // namespace

Status read_rdf_file(const std::string& path, QuadSink& sink) {
  if (path == "-") {
    // Standard input is N-Quads (what `export -o - --format nquads` streams).
    return read_with(SERD_NQUADS, "-", "file:///dev/stdin", sink, [&](SerdReader* reader) {
      return serd_reader_read_file_handle(reader, stdin, reinterpret_cast<const uint8_t*>("-"));
    });
  }
  const auto dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? std::string() : path.substr(dot + 1);
  SerdSyntax syntax = SERD_NQUADS;
  if (ext == "ttl") syntax = SERD_TURTLE;
  else if (ext == "trig") syntax = SERD_TRIG;
  else if (ext == "nt") syntax = SERD_NTRIPLES;
  else if (ext != "nq") return Status{StatusCode::bad_input, "unknown RDF syntax (expected .nq, .nt, .ttl or .trig)", {path}};
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status{StatusCode::io_error, "is a folder, not an RDF file", {path}};
  std::FILE* probe = std::fopen(path.c_str(), "rb");
  if (probe == nullptr) {
    return Status{StatusCode::io_error, std::string("cannot open the file: ") + std::strerror(errno), {path}};
  }
  std::fclose(probe);
  // Relative IRIs resolve against the file's own location.
  const std::string absolute = std::filesystem::absolute(path, ec).string();
  return read_with(syntax, path, "file://" + absolute, sink, [&](SerdReader* reader) {
    return serd_reader_read_file(reader, reinterpret_cast<const uint8_t*>(path.c_str()));
  });
}

Result<std::vector<Quad>> read_rdf_file(const std::string& path) {
  CollectingQuadSink sink;
  NKG_TRY(read_rdf_file(path, sink));
  return std::move(sink.quads);
}

Result<std::vector<Quad>> read_rdf_text(std::string_view text, Syntax syntax, const std::string& name,
                                        const std::string& base_iri) {
  const std::string copy(text);  // Serd reads a NUL-terminated string
  CollectingQuadSink sink;
  NKG_TRY(read_with(serd_syntax(syntax), name, base_iri, sink, [&](SerdReader* reader) {
    return serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(copy.c_str()));
  }));
  return std::move(sink.quads);
}

}  // namespace nkg::serialize
