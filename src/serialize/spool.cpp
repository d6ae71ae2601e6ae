// GraphSpool: document graphs kept for the second read of the corpus pass, as quad keys.
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "serialize/external_sort.hpp"
#include "serialize/serialize.hpp"

namespace nkg::serialize {

namespace {

constexpr std::size_t k_file_chunk = 4U << 20U;  // once spilling, what is written at a time

template <class T>
void append_fixed(std::string& out, T v) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &v, sizeof(T));
  out.append(bytes, sizeof(T));
}

template <class T>
T read_fixed(std::string_view in, std::size_t pos) {
  T v{};
  std::memcpy(&v, in.data() + pos, sizeof(T));
  return v;
}

void append_varint(std::string& out, std::size_t v) {
  while (v >= 0x80U) {
    out += static_cast<char>((v & 0x7FU) | 0x80U);
    v >>= 7U;
  }
  out += static_cast<char>(v);
}

bool read_varint(std::string_view in, std::size_t& pos, std::size_t& out) {
  out = 0;
  for (unsigned shift = 0; pos < in.size() && shift < 64; shift += 7) {
    const auto byte = static_cast<unsigned char>(in[pos++]);
    out |= static_cast<std::size_t>(byte & 0x7FU) << shift;
    if ((byte & 0x80U) == 0) return true;
  }
  return false;
}

/// One graph's record (after its u64 size) back into quads.
Status decode_graph(std::string_view record, std::vector<Quad>& out) {
  const Status corrupt{StatusCode::internal, "graph spool is corrupt"};
  std::string key;
  for (std::size_t pos = 0; pos < record.size();) {
    std::size_t shared = 0;
    std::size_t rest = 0;
    if (!read_varint(record, pos, shared) || !read_varint(record, pos, rest) || shared > key.size() ||
        record.size() - pos < rest) {
      return corrupt;
    }
    key.resize(shared);
    key.append(record.substr(pos, rest));
    pos += rest;
    Quad q;
    if (!read_quad_key(key, false, q)) return corrupt;
    out.push_back(std::move(q));
  }
  return Status::success();
}

}  // namespace

GraphSpool::GraphSpool(std::size_t memory_bytes, std::string temp_dir)
    : memory_bytes_(memory_bytes), temp_dir_(std::move(temp_dir)) {}

GraphSpool::~GraphSpool() {
  if (fd_ >= 0) ::close(fd_);
}

Status GraphSpool::add(const std::vector<Quad>& graph) {
  const std::size_t at = memory_.size();
  append_fixed<std::uint64_t>(memory_, 0);
  // Each key front-coded against the one before (a document's quads come sorted: they share
  // the graph and mostly the subject), as in the sorted runs.
  std::string key;
  std::string last;
  for (const Quad& q : graph) {
    key.clear();
    append_quad_key(key, q, false);
    std::size_t shared = 0;
    const std::size_t most = std::min(key.size(), last.size());
    while (shared < most && key[shared] == last[shared]) ++shared;
    append_varint(memory_, shared);
    append_varint(memory_, key.size() - shared);
    memory_.append(std::string_view(key).substr(shared));
    std::swap(key, last);
  }
  const std::uint64_t size = memory_.size() - at - sizeof(std::uint64_t);
  std::memcpy(memory_.data() + at, &size, sizeof size);
  if (fd_ < 0 && memory_.size() > memory_bytes_) {
    auto fd = create_anonymous_file(temp_dir_, path_);
    if (!fd.ok()) return fd.status();
    fd_ = fd.value();
  }
  if (fd_ >= 0 && memory_.size() >= std::min(k_file_chunk, memory_bytes_ + 1)) {
    NKG_TRY(write_all(fd_, memory_, path_));
    file_bytes_ += memory_.size();
    memory_.clear();
    memory_.shrink_to_fit();
  }
  return Status::success();
}

Status GraphSpool::read(std::size_t batch_quads,
                        const std::function<Status(std::vector<std::vector<Quad>>&)>& visit) const {
  std::vector<std::vector<Quad>> batch;
  std::size_t batch_size = 0;
  const auto take = [&](std::string_view record) -> Status {
    batch.emplace_back();
    NKG_TRY(decode_graph(record, batch.back()));
    batch_size += batch.back().size();
    if (batch_size >= batch_quads) {
      NKG_TRY(visit(batch));
      batch.clear();
      batch_size = 0;
    }
    return Status::success();
  };
  std::string header;
  std::string record;
  for (std::uint64_t offset = 0; offset < file_bytes_;) {
    NKG_TRY(read_at(fd_, offset, sizeof(std::uint64_t), path_, header));
    const auto size = read_fixed<std::uint64_t>(header, 0);
    NKG_TRY(read_at(fd_, offset + sizeof(std::uint64_t), static_cast<std::size_t>(size), path_, record));
    NKG_TRY(take(record));
    offset += sizeof(std::uint64_t) + size;
  }
  const std::string_view memory(memory_);
  for (std::size_t pos = 0; pos < memory.size();) {
    const auto size = static_cast<std::size_t>(read_fixed<std::uint64_t>(memory, pos));
    NKG_TRY(take(memory.substr(pos + sizeof(std::uint64_t), size)));
    pos += sizeof(std::uint64_t) + size;
  }
  if (!batch.empty()) NKG_TRY(visit(batch));
  return Status::success();
}

}  // namespace nkg::serialize
