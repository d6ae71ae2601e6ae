// Embeds newskg: runs the pipeline on one article given as a string and prints the quads it
// supports as N-Quads. The text is the first argument, or standard input when there is none.
//
//   embed "Kazakhstan summoned the Belarusian ambassador on Wednesday."
#include <newskg/newskg.hpp>

#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  const std::string text = argc > 1 ? std::string(argv[1])
                                    : std::string(std::istreambuf_iterator<char>(std::cin), {});
  auto pipeline = nkg::Pipeline::create({});
  if (!pipeline.ok()) {
    std::cerr << "embed: " << pipeline.status().message() << '\n';
    return 1;
  }
  auto quads = pipeline.value().run("example", text);
  if (!quads.ok()) {
    std::cerr << "embed: " << quads.status().message() << '\n';
    return 1;
  }
  for (const nkg::Quad& quad : quads.value()) std::cout << nkg::to_nquads(quad) << '\n';
  return 0;
}
