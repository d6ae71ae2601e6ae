// Turtle writing speed against serdi on the same triples (issue 6): reads an N-Triples file,
// then writes it as Turtle with newskg's writer (Serd underneath, with our IRI checks, prefixed
// names and buffering) into memory, and prints the seconds of reading and of writing.
//
// usage: bench_write_turtle FILE.nt
#include <chrono>
#include <cstdio>

#include "core/vocab.hpp"
#include "serialize/serialize.hpp"

namespace {
class NullSink final : public nkg::serialize::ByteSink {
 public:
  nkg::Status write(std::string_view bytes) override {
    bytes_ += bytes.size();
    return nkg::Status::success();
  }
  [[nodiscard]] std::size_t bytes() const { return bytes_; }

 private:
  std::size_t bytes_ = 0;
};
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: bench_write_turtle FILE.nt\n");
    return 2;
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto quads = nkg::serialize::read_rdf_file(argv[1]);
  if (!quads.ok()) {
    std::fprintf(stderr, "%s\n", quads.status().message().c_str());
    return 3;
  }
  const auto t1 = std::chrono::steady_clock::now();
  NullSink out;
  const auto writer = nkg::serialize::make_syntax_writer(nkg::serialize::Syntax::turtle, out);
  for (const auto& [name, ns] : nkg::vocab::fixed_prefixes) (void)writer->prefix(name, ns);
  for (const auto& [name, path] : nkg::vocab::base_prefixes) {
    (void)writer->prefix(name, std::string(nkg::vocab::default_base) + std::string(path));
  }
  for (const nkg::Quad& q : quads.value()) {
    if (!writer->quad(q).ok()) return 4;
  }
  if (!writer->finish().ok()) return 4;
  const auto t2 = std::chrono::steady_clock::now();
  std::printf("triples %zu read_s %.3f write_s %.3f turtle_bytes %zu\n", quads.value().size(),
              std::chrono::duration<double>(t1 - t0).count(), std::chrono::duration<double>(t2 - t1).count(),
              out.bytes());
  return 0;
}
