#include "serialize/external_sort.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <queue>

#include "core/vocab.hpp"
#include "serialize/serialize.hpp"
#include "serialize/terms.hpp"

namespace nkg::serialize {

namespace {

constexpr std::size_t k_write_buffer = 1U << 20U;
constexpr std::size_t k_read_buffer = 64U << 10U;
constexpr std::size_t k_index_bytes = 16;  // what a key costs besides its bytes (its Slice)

Status io_failure(const std::string& path, const char* what) {
  return {StatusCode::io_error, std::string(what) + ": " + std::strerror(errno), {path}};
}

void append_varint(std::string& out, std::size_t v) {
  while (v >= 0x80U) {
    out += static_cast<char>((v & 0x7FU) | 0x80U);
    v >>= 7U;
  }
  out += static_cast<char>(v);
}

}  // namespace

Result<int> create_anonymous_file(const std::string& dir, std::string& path) {
  std::string pattern = (dir.empty() ? std::string(".") : dir) + "/.newskg-spill-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) return io_failure(pattern, "cannot create temporary file");
  ::unlink(pattern.c_str());
  path = pattern;
  return fd;
}

Status write_all(int fd, std::string_view bytes, const std::string& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = ENOSPC;
      return io_failure(path, "write failed");
    }
    done += static_cast<std::size_t>(n);
  }
  return Status::success();
}

Status read_at(int fd, std::uint64_t offset, std::size_t size, const std::string& path, std::string& out) {
  out.resize(size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd, out.data() + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return io_failure(path, "read failed");
    if (n == 0) return {StatusCode::internal, "temporary file is truncated", {path}};
    done += static_cast<std::size_t>(n);
  }
  return Status::success();
}

namespace {

/// One source of sorted keys for a merge.
class Source {
 public:
  Source() = default;
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;
  virtual ~Source() = default;
  /// Moves to the next key; false at the end (or on failure, with `st` set).
  virtual bool next(Status& st) = 0;
  [[nodiscard]] virtual std::string_view key() const = 0;
};

/// Merges `sources` into `visit`, each distinct key once.
Status merge(const std::vector<Source*>& sources, const std::function<Status(std::string_view)>& visit) {
  Status st;
  const auto greater = [](const Source* a, const Source* b) { return a->key() > b->key(); };
  std::priority_queue<Source*, std::vector<Source*>, decltype(greater)> heap(greater);
  for (Source* s : sources) {
    if (s->next(st)) heap.push(s);
    NKG_TRY(st);
  }
  std::string last;
  bool has_last = false;
  while (!heap.empty()) {
    Source* top = heap.top();
    heap.pop();
    if (!has_last || top->key() != last) {
      NKG_TRY(visit(top->key()));
      last.assign(top->key());
      has_last = true;
    }
    if (top->next(st)) heap.push(top);
    NKG_TRY(st);
  }
  return Status::success();
}

}  // namespace

/// A sorted run in an unlinked temporary file: each key as (bytes shared with the key before,
/// varint; length of the rest, varint; the rest). Sorted keys share long prefixes (graph and
/// subject IRIs), so a run is several times smaller than its keys.
struct KeySorter::Run {
  int fd = -1;
  std::string path;  // the name it had, for messages
  std::size_t level = 0;
  std::uint64_t bytes = 0;

  Run() = default;
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;
  ~Run() {
    if (fd >= 0) ::close(fd);
  }

  static Result<std::unique_ptr<Run>> create(const std::string& dir, std::size_t level) {
    auto run = std::make_unique<Run>();
    auto fd = create_anonymous_file(dir, run->path);
    if (!fd.ok()) return fd.status();
    run->fd = fd.value();
    run->level = level;
    return run;
  }
};

namespace {

/// Writes keys into a run, front-coded, through a buffer.
class RunWriter {
 public:
  RunWriter(int fd, const std::string& path) : fd_(fd), path_(path) { buffer_.reserve(k_write_buffer + 4096); }

  Status add(std::string_view key) {
    std::size_t shared = 0;
    const std::size_t most = std::min(key.size(), last_.size());
    while (shared < most && key[shared] == last_[shared]) ++shared;
    append_varint(buffer_, shared);
    append_varint(buffer_, key.size() - shared);
    buffer_.append(key.substr(shared));
    last_.assign(key);
    if (buffer_.size() >= k_write_buffer) return flush();
    return Status::success();
  }

  Status flush() {
    NKG_TRY(write_all(fd_, buffer_, path_));
    bytes_ += buffer_.size();
    buffer_.clear();
    return Status::success();
  }
  [[nodiscard]] std::uint64_t bytes() const { return bytes_; }

 private:
  int fd_;
  const std::string& path_;
  std::string buffer_;
  std::string last_;
  std::uint64_t bytes_ = 0;
};

/// Reads a run from its start.
class RunSource final : public Source {
 public:
  RunSource(int fd, const std::string& path, std::uint64_t bytes) : fd_(fd), path_(path), left_(bytes) {
    buffer_.resize(k_read_buffer);
  }
  bool next(Status& st) override {
    std::size_t shared = 0;
    std::size_t rest = 0;
    if (!read_varint(shared, st)) return false;
    if (!read_varint(rest, st) || shared > key_.size()) {
      if (st.ok()) st = Status{StatusCode::internal, "temporary sort run is corrupt", {path_}};
      return false;
    }
    key_.resize(shared + rest);
    for (std::size_t done = 0; done < rest;) {
      if (pos_ == end_ && !fill(st)) {
        if (st.ok()) st = Status{StatusCode::internal, "temporary sort run is truncated", {path_}};
        return false;
      }
      const std::size_t n = std::min(rest - done, end_ - pos_);
      std::memcpy(key_.data() + shared + done, buffer_.data() + pos_, n);
      pos_ += n;
      done += n;
    }
    return true;
  }
  [[nodiscard]] std::string_view key() const override { return key_; }

 private:
  bool fill(Status& st) {
    if (left_ == 0) return false;
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left_, buffer_.size()));
    ssize_t n = 0;
    do {
      n = ::pread(fd_, buffer_.data(), want, static_cast<off_t>(offset_));
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
      st = n < 0 ? io_failure(path_, "read failed") : Status{StatusCode::internal, "temporary sort run is truncated", {path_}};
      return false;
    }
    const auto got = static_cast<std::size_t>(n);
    offset_ += got;
    left_ -= got;
    pos_ = 0;
    end_ = got;
    return true;
  }
  bool read_varint(std::size_t& out, Status& st) {
    out = 0;
    for (unsigned shift = 0;; shift += 7) {
      if (pos_ == end_ && !fill(st)) return false;
      const auto byte = static_cast<unsigned char>(buffer_[pos_++]);
      out |= static_cast<std::size_t>(byte & 0x7FU) << shift;
      if ((byte & 0x80U) == 0) return true;
    }
  }

  int fd_;
  const std::string& path_;
  std::uint64_t left_;
  std::uint64_t offset_ = 0;
  std::vector<char> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::string key_;
};

}  // namespace

namespace {

/// The keys still in memory, sorted.
class MemorySource final : public Source {
 public:
  MemorySource(const std::string& arena, const std::vector<KeySorter::Slice>& slices) : arena_(arena), slices_(slices) {}
  bool next(Status& /*st*/) override {
    if (next_ == slices_.size()) return false;
    key_ = std::string_view(arena_).substr(slices_[next_].offset, slices_[next_].size);
    ++next_;
    return true;
  }
  [[nodiscard]] std::string_view key() const override { return key_; }

 private:
  const std::string& arena_;
  const std::vector<KeySorter::Slice>& slices_;
  std::size_t next_ = 0;
  std::string_view key_;
};

}  // namespace

KeySorter::KeySorter(std::size_t memory_bytes, std::string temp_dir)
    : memory_bytes_(std::max<std::size_t>(memory_bytes, 1)), temp_dir_(std::move(temp_dir)) {}

KeySorter::~KeySorter() = default;

Status KeySorter::add(std::string_view key) {
  if (!index_.empty() && arena_.size() + key.size() + k_index_bytes * (index_.size() + 1) > memory_bytes_) {
    NKG_TRY(spill());
  }
  if (is_sorted_ && !index_.empty()) {
    const Slice& last = index_.back();
    if (key < std::string_view(arena_).substr(last.offset, last.size)) is_sorted_ = false;
  }
  index_.push_back({arena_.size(), key.size()});
  arena_.append(key);
  return Status::success();
}

void KeySorter::sort_memory() {
  if (is_sorted_) return;
  const std::string_view arena(arena_);
  std::sort(index_.begin(), index_.end(), [&](const Slice& a, const Slice& b) {
    return arena.substr(a.offset, a.size) < arena.substr(b.offset, b.size);
  });
  is_sorted_ = true;
}

Status KeySorter::spill() {
  sort_memory();
  auto run = Run::create(temp_dir_, 0);
  if (!run.ok()) return run.status();
  std::unique_ptr<Run> r = std::move(run).value();
  RunWriter writer(r->fd, r->path);
  const std::string_view arena(arena_);
  std::string_view last;
  for (std::size_t i = 0; i < index_.size(); ++i) {
    const std::string_view key = arena.substr(index_[i].offset, index_[i].size);
    if (i != 0 && key == last) continue;
    NKG_TRY(writer.add(key));
    last = key;
  }
  NKG_TRY(writer.flush());
  r->bytes = writer.bytes();
  runs_.push_back(std::move(r));
  ++runs_spilled_;
  arena_.clear();
  index_.clear();
  is_sorted_ = true;
  // Fan_in runs of one level become one run of the next, so that few files are open at once.
  while (runs_.size() >= fan_in && runs_[runs_.size() - fan_in]->level == runs_.back()->level) NKG_TRY(merge_tail());
  return Status::success();
}

Status KeySorter::merge_tail() {
  const std::size_t first = runs_.size() - fan_in;
  auto run = Run::create(temp_dir_, runs_.back()->level + 1);
  if (!run.ok()) return run.status();
  std::unique_ptr<Run> merged = std::move(run).value();
  RunWriter writer(merged->fd, merged->path);
  {
    std::vector<std::unique_ptr<RunSource>> sources;
    std::vector<Source*> pointers;
    for (std::size_t i = first; i < runs_.size(); ++i) {
      sources.push_back(std::make_unique<RunSource>(runs_[i]->fd, runs_[i]->path, runs_[i]->bytes));
      pointers.push_back(sources.back().get());
    }
    NKG_TRY(merge(pointers, [&](std::string_view key) { return writer.add(key); }));
  }
  NKG_TRY(writer.flush());
  merged->bytes = writer.bytes();
  runs_.resize(first);
  runs_.push_back(std::move(merged));
  return Status::success();
}

Status KeySorter::for_each(const std::function<Status(std::string_view)>& visit) {
  sort_memory();
  MemorySource memory(arena_, index_);
  std::vector<std::unique_ptr<RunSource>> sources;
  std::vector<Source*> pointers{&memory};
  for (const auto& r : runs_) {
    sources.push_back(std::make_unique<RunSource>(r->fd, r->path, r->bytes));
    pointers.push_back(sources.back().get());
  }
  return merge(pointers, visit);
}

namespace {

void append_escaped(std::string& out, std::string_view s) {
  std::size_t from = 0;
  for (std::size_t zero = s.find('\0'); zero != std::string_view::npos; zero = s.find('\0', from)) {
    out.append(s.substr(from, zero - from));
    out += '\0';
    out += '\xFF';
    from = zero + 1;
  }
  out.append(s.substr(from));
  out += '\0';
  out += '\0';
}

bool read_escaped(std::string_view key, std::size_t& pos, std::string& out) {
  out.clear();
  while (pos < key.size()) {
    const std::size_t zero = key.find('\0', pos);
    if (zero == std::string_view::npos || zero + 1 >= key.size()) return false;
    out.append(key.substr(pos, zero - pos));
    pos = zero + 2;
    if (key[zero + 1] == '\0') return true;
    if (key[zero + 1] != '\xFF') return false;
    out += '\0';
  }
  return false;
}

bool read_term(std::string_view key, std::size_t& pos, Term& t) {
  if (pos >= key.size() || static_cast<unsigned char>(key[pos]) > static_cast<unsigned char>(TermKind::blank)) return false;
  t.kind = static_cast<TermKind>(key[pos++]);
  return read_escaped(key, pos, t.value) && read_escaped(key, pos, t.datatype) && read_escaped(key, pos, t.language);
}

}  // namespace

void append_term_key(std::string& out, const Term& t) {
  out += static_cast<char>(t.kind);
  append_escaped(out, t.value);
  append_escaped(out, t.datatype);
  append_escaped(out, t.language);
}

void append_quad_key(std::string& out, const Quad& q, bool drop_graphs) {
  if (!drop_graphs) append_term_key(out, q.graph);
  append_term_key(out, q.subject);
  out += q.predicate.value == vocab::rdf_type ? '\0' : '\1';
  append_term_key(out, q.predicate);
  append_term_key(out, q.object);
}

bool read_quad_key(std::string_view key, bool drop_graphs, Quad& out) {
  std::size_t pos = 0;
  if (drop_graphs) {
    out.graph = Term{};
  } else if (!read_term(key, pos, out.graph)) {
    return false;
  }
  if (!read_term(key, pos, out.subject) || pos >= key.size()) return false;
  ++pos;  // the rdf:type byte
  return read_term(key, pos, out.predicate) && read_term(key, pos, out.object) && pos == key.size();
}

}  // namespace nkg::serialize

namespace nkg::serialize {

struct QuadSort::Impl {
  Impl(bool drop, std::size_t memory_bytes, std::string temp_dir) : drop_graphs(drop), keys(memory_bytes, std::move(temp_dir)) {}
  bool drop_graphs;
  KeySorter keys;
  PrefixTable prefixes;
  std::string key;  // reused
};

QuadSort::QuadSort(bool drop_graphs, std::size_t memory_bytes, std::string temp_dir)
    : impl_(std::make_unique<Impl>(drop_graphs, memory_bytes, std::move(temp_dir))) {}

QuadSort::~QuadSort() = default;

Status QuadSort::prefix(std::string_view name, std::string_view ns) {
  impl_->prefixes.add(name, ns);
  return Status::success();
}

Status QuadSort::quad(const Quad& q) {
  if (q.subject.is_blank()) has_blank_subject_ = true;
  impl_->key.clear();
  append_quad_key(impl_->key, q, impl_->drop_graphs);
  return impl_->keys.add(impl_->key);
}

Status QuadSort::replay(QuadSink& target) {
  for (const auto& [name, ns] : impl_->prefixes.entries()) NKG_TRY(target.prefix(name, ns));
  Quad q;
  NKG_TRY(impl_->keys.for_each([&](std::string_view key) {
    if (!read_quad_key(key, impl_->drop_graphs, q)) return Status{StatusCode::internal, "malformed sort key"};
    return target.quad(q);
  }));
  return target.finish();
}

std::size_t QuadSort::runs_spilled() const { return impl_->keys.runs_spilled(); }

}  // namespace nkg::serialize
