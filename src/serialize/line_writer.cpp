// N-Triples and N-Quads written straight into a buffer: one line per quad, no state between
// lines, so there is nothing for Serd's statement machinery to do. The bytes are those Serd
// 0.30 writes for the same quads (checked against it in tests/unit/serialize).
#include <array>
#include <unordered_set>

#include "core/hash.hpp"
#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace nkg::serialize {

namespace {

/// Bytes a short literal ("...") writes as something other than themselves.
constexpr std::array<bool, 256> special_in_literal = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = true;
  t[0x7F] = true;
  t['"'] = true;
  t['\\'] = true;
  return t;
}();

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
    node(q.subject);
    buffer_ += ' ';
    node(q.predicate);
    buffer_ += ' ';
    node(q.object);
    if (with_graphs_ && !q.graph.empty()) {
      buffer_ += ' ';
      node(q.graph);
    }
    buffer_ += " .\n";
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
  void node(const Term& t) {
    switch (t.kind) {
      case TermKind::iri: iri_ref(t.value); return;
      case TermKind::blank:
        buffer_ += "_:";
        buffer_ += t.value;
        return;
      case TermKind::literal:
        literal_text(t.value);
        if (!t.language.empty()) {
          buffer_ += '@';
          buffer_ += t.language;
        } else if (!t.datatype.empty()) {
          buffer_ += "^^";
          iri_ref(t.datatype);
        }
        return;
      case TermKind::none: return;
    }
  }

  /// check_quad has refused every IRI with a byte IRIREF forbids, so the IRI goes as it is.
  void iri_ref(const std::string& iri) {
    buffer_ += '<';
    buffer_ += iri;
    buffer_ += '>';
  }

  /// ECHAR for the characters N-Triples names (\t \n \r \" \\), UCHAR for the other controls;
  /// everything else, including non-ASCII, as UTF-8.
  void literal_text(std::string_view s) {
    buffer_ += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (!special_in_literal[c]) continue;
      buffer_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': buffer_ += "\\\""; break;
        case '\\': buffer_ += "\\\\"; break;
        case '\n': buffer_ += "\\n"; break;
        case '\r': buffer_ += "\\r"; break;
        case '\t': buffer_ += "\\t"; break;
        default: {
          static constexpr char hex[] = "0123456789ABCDEF";
          const char escape[6] = {'\\', 'u', '0', '0', hex[c >> 4U], hex[c & 0xFU]};
          buffer_.append(escape, sizeof escape);
        }
      }
    }
    buffer_.append(s.data() + run, s.size() - run);
    buffer_ += '"';
  }

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
