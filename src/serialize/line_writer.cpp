// N-Triples and N-Quads written straight into a buffer (nkg::append_nquads, checked against
// Serd 0.30's writer in tests/unit/serialize): one line per quad, no state between lines, so
// there is nothing for Serd's statement machinery to do.
#include <unordered_set>

#include "core/hash.hpp"
#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace nkg::serialize {

namespace {

constexpr std::size_t flush_bytes = std::size_t{64} << 10U;

/// A line already written: where it is in the buffer (which may move as it grows).
struct LineRef {
  std::size_t offset;
  std::size_t size;
};

class LineWriter final : public QuadSink {
 public:
  LineWriter(bool with_graphs, bool unique, ByteSink& out)
      : with_graphs_(with_graphs), unique_(unique), out_(out),
        seen_(unique ? 512 : 0, LineHash{&buffer_}, LineEqual{&buffer_}) {
    buffer_.reserve(flush_bytes * 2);
  }

  Status prefix(std::string_view, std::string_view) override { return Status::success(); }

  Status quad(const Quad& q) override {
    NKG_TRY(first_error_);
    NKG_TRY(checker_.check(q));
    const std::size_t start = buffer_.size();
    append_nquads(buffer_, q, with_graphs_);  // every IRI passed the check, so it goes as it is
    buffer_ += '\n';
    if (unique_) {
      // Two quads are equal exactly when their lines are: a line written before is taken back.
      if (!seen_.insert({start, buffer_.size() - start}).second) buffer_.resize(start);
      return first_error_;  // the lines stay in the buffer until finish(), for comparing
    }
    if (buffer_.size() >= flush_bytes) flush();
    return first_error_;
  }

  Status finish() override {
    flush();
    return first_error_;
  }

 private:
  void flush() {
    if (buffer_.empty() || !first_error_.ok()) return;
    first_error_ = out_.write(buffer_);
    buffer_.clear();
  }

  struct LineHash {
    const std::string* buffer;
    std::size_t operator()(const LineRef& l) const noexcept {
      return static_cast<std::size_t>(hash_bytes(std::string_view(*buffer).substr(l.offset, l.size)));
    }
  };
  struct LineEqual {
    const std::string* buffer;
    bool operator()(const LineRef& a, const LineRef& b) const noexcept {
      const std::string_view text(*buffer);
      return text.substr(a.offset, a.size) == text.substr(b.offset, b.size);
    }
  };

  bool with_graphs_;
  bool unique_;
  ByteSink& out_;
  std::string buffer_;
  std::unordered_set<LineRef, LineHash, LineEqual> seen_;
  QuadChecker checker_;
  Status first_error_;
};

}  // namespace

std::unique_ptr<QuadSink> make_line_writer(Syntax syntax, ByteSink& out) {
  return std::make_unique<LineWriter>(syntax == Syntax::nquads, false, out);
}

std::unique_ptr<QuadSink> make_unique_line_writer(Syntax syntax, ByteSink& out) {
  return std::make_unique<LineWriter>(syntax == Syntax::nquads, true, out);
}

}  // namespace nkg::serialize
