// fuzz_pipeline: bytes -> Document -> Pipeline::analyze -> emit -> every writer (Turtle, TriG,
// N-Quads, N-Triples, JSON-LD, VoID), as `newskg export` wires them. Invariants: no crash or
// sanitizer report; every writer accepts what the pipeline emits; the Turtle, TriG, N-Quads,
// N-Triples and VoID bytes are UTF-8 that Serd's strict reader reads back as exactly the
// emitted quads; the JSON-LD parses with nlohmann::json and names every subject and literal.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "newskg.hpp"
#include "pipeline/export.hpp"

namespace {

using nkg::Quad;
using nkg::fuzz::check;
namespace serialize = nkg::serialize;

const nkg::Pipeline& pipeline() {
  static const nkg::Pipeline p = [] {
    nkg::PipelineOptions options;
    options.max_document_bytes = std::uint64_t{1} << 20U;
    auto created = nkg::Pipeline::create(options);
    check(created.ok(), "the pipeline builds", created.status().message());
    return std::move(created).value();
  }();
  return p;
}

std::string write(const nkg::fuzz::CollectingSink& data, serialize::Syntax syntax, bool drop_graphs) {
  serialize::StringByteSink out;
  const auto writer = serialize::make_syntax_writer(syntax, out);
  const auto sorter = serialize::make_sorting_buffer(*writer, drop_graphs);
  const nkg::Status st = nkg::fuzz::replay(data.prefixes, data.quads, *sorter);
  check(st.ok(), "a writer accepts what the pipeline emits", st.message() + "\n" + nkg::fuzz::describe(data.quads));
  return out.str();
}

void check_round_trip(const std::string& text, serialize::Syntax syntax, const std::vector<Quad>& expected,
                      bool drop_graphs, std::string_view name) {
  check(nkg::fuzz::is_utf8(text), "output is valid UTF-8", name);
  auto back = nkg::fuzz::parse_rdf(text, syntax);
  check(back.ok(), "Serd reads the output back", std::string(name) + ": " + back.status().message() + "\n" + text);
  check(nkg::fuzz::canonical(back.value(), drop_graphs) == nkg::fuzz::canonical(expected, drop_graphs),
        "the output reads back as the emitted quads", std::string(name) + "\n" + text);
}

void collect_strings(const nlohmann::json& j, std::set<std::string>& out) {
  if (j.is_string()) out.insert(j.get<std::string>());
  if (j.is_array() || j.is_object()) {
    for (const auto& v : j) collect_strings(v, out);
  }
}

void check_jsonld(const nkg::fuzz::CollectingSink& data) {
  serialize::StringByteSink out;
  const auto writer = serialize::make_jsonld_writer(nkg::fuzz::context(), std::string(nkg::context_iri), out);
  const auto sorter = serialize::make_sorting_buffer(*writer, true);
  const nkg::Status st = nkg::fuzz::replay(data.prefixes, data.quads, *sorter);
  check(st.ok(), "the JSON-LD writer accepts what the pipeline emits", st.message());
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(out.str());
  } catch (const nlohmann::json::exception& e) {
    nkg::fuzz::fail("the JSON-LD output is JSON", e.what());
  }
  check(doc.is_object() && doc.contains("@graph") && doc["@graph"].is_array(), "JSON-LD has a @graph array");
  std::set<std::string> ids;
  for (const auto& node : doc["@graph"]) {
    check(node.is_object() && node.contains("@id") && node["@id"].is_string(), "every JSON-LD node has an @id");
    ids.insert(nkg::fuzz::expand_jsonld_iri(node["@id"].get<std::string>()));
  }
  std::set<std::string> strings;
  collect_strings(doc["@graph"], strings);
  for (const Quad& q : data.quads) {
    check(ids.count(q.subject.value) != 0, "every subject is a JSON-LD node", q.subject.value);
    if (q.object.is_literal()) check(strings.count(q.object.value) != 0, "every literal is in the JSON-LD", q.object.value);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // A first line of up to 64 bytes that starts with '@' is the document id (ids come from file
  // names, which may hold any byte); otherwise the id is fixed and all of it is text.
  std::string id = "fuzz";
  std::string_view text = bytes;
  if (!bytes.empty() && bytes.front() == '@') {
    const std::size_t newline = bytes.substr(0, 65).find('\n');
    if (newline != std::string_view::npos) {
      id = std::string(bytes.substr(1, newline - 1));
      text = bytes.substr(newline + 1);
    }
  }
  auto doc = pipeline().make_document(id, text);
  if (!doc.ok()) {
    check(doc.status().code() == nkg::StatusCode::bad_input, "a refused document is bad_input", doc.status().message());
    return 0;
  }
  nkg::Analysis analysis = pipeline().analyze(std::move(doc).value());
  nkg::fuzz::CollectingSink emitted;
  nkg::Status st = pipeline().emit_prefixes(emitted);
  check(st.ok(), "prefixes are emitted", st.message());
  st = pipeline().emit(analysis, emitted);
  check(st.ok(), "a document's quads are emitted", st.message());
  // The corpus pass over this one graph, as export runs it.
  nkg::CorpusPass pass = pipeline().corpus_pass();
  pass.add(emitted.quads);
  pass.decide();
  emitted.quads = pass.rewrite(emitted.quads);

  check_round_trip(write(emitted, serialize::Syntax::turtle, true), serialize::Syntax::turtle, emitted.quads, true, "Turtle");
  check_round_trip(write(emitted, serialize::Syntax::ntriples, true), serialize::Syntax::ntriples, emitted.quads, true,
                   "N-Triples");
  check_round_trip(write(emitted, serialize::Syntax::trig, false), serialize::Syntax::trig, emitted.quads, false, "TriG");
  check_round_trip(write(emitted, serialize::Syntax::nquads, false), serialize::Syntax::nquads, emitted.quads, false,
                   "N-Quads");
  check_jsonld(emitted);

  // VoID: counted over the union graph, written as Turtle; it must read back as what it emitted.
  nkg::fuzz::CollectingSink described;
  const auto counter = serialize::make_void_counter(described, pipeline().base());
  st = nkg::fuzz::replay(emitted.prefixes, emitted.quads, *counter);
  check(st.ok(), "VoID counts what the pipeline emits", st.message());
  check_round_trip(write(described, serialize::Syntax::turtle, true), serialize::Syntax::turtle, described.quads, true,
                   "VoID");
  return 0;
}
