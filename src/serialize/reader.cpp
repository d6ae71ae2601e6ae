// Reading N-Triples / N-Quads / Turtle / TriG back into quads with Serd (for eval/ and tests).
#include <serd/serd.h>

#include <cstdarg>
#include <cstdio>
#include <memory>

#include "serialize/serialize.hpp"

namespace nkg::serialize {

namespace {

struct ReadState {
  std::vector<Quad> quads;
  std::string error;
};

Term term_of(const SerdNode* node, const SerdNode* datatype, const SerdNode* lang) {
  const std::string value(reinterpret_cast<const char*>(node->buf), node->n_bytes);
  switch (node->type) {
    case SERD_URI: return iri(value);
    case SERD_BLANK: return iri("_:" + value);
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
  try {
    Quad q{term_of(subject, nullptr, nullptr), term_of(predicate, nullptr, nullptr), term_of(object, datatype, lang),
           graph != nullptr && graph->n_bytes > 0 ? term_of(graph, nullptr, nullptr) : Term{}};
    state->quads.push_back(std::move(q));
  } catch (...) {
    return SERD_ERR_UNKNOWN;
  }
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* error) noexcept {
  auto* state = static_cast<ReadState*>(handle);
  char buf[512];
  std::vsnprintf(buf, sizeof buf, error->fmt, *error->args);
  if (state->error.empty()) {
    state->error = "line " + std::to_string(error->line) + ", column " + std::to_string(error->col) + ": " + buf;
    while (!state->error.empty() && state->error.back() == '\n') state->error.pop_back();
  }
  return SERD_SUCCESS;
}

}  // namespace

Result<std::vector<Quad>> read_nquads_file(const std::string& path) {
  ReadState state;
  std::unique_ptr<SerdReader, decltype(&serd_reader_free)> reader(
      serd_reader_new(SERD_NQUADS, &state, nullptr, nullptr, nullptr, on_statement, nullptr), serd_reader_free);
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), on_error, &state);
  const SerdStatus st = serd_reader_read_file(reader.get(), reinterpret_cast<const uint8_t*>(path.c_str()));
  if (st != SERD_SUCCESS || !state.error.empty()) {
    return Status{st == SERD_ERR_BAD_ARG || st == SERD_ERR_UNKNOWN ? StatusCode::io_error : StatusCode::bad_input,
                  state.error.empty() ? "cannot read N-Quads" : state.error, {path}};
  }
  return std::move(state.quads);
}

}  // namespace nkg::serialize
