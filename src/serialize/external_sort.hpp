// External sorting of byte strings (for QuadSort and the VoID counter): sorted in memory up to a
// budget, spilled beyond it to sorted runs in anonymous temporary files, merged k ways.
//
// Input: keys (any bytes) through add(). Output: each distinct key once, in byte order
// (std::string_view order, that is memcmp then length), through for_each, as often as asked.
// Memory: the keys held in memory plus 16 bytes each stay under `memory_bytes`; a merge reads
// each run through a 64 KiB buffer, and at most `fan_in` runs of one size are kept before they
// are merged into one (so open files stay at fan_in per size level, a few dozen at most).
// Temporary files are created in `temp_dir` and unlinked at once: no name is ever visible and
// nothing is left behind, whatever ends the process. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "core/term.hpp"

namespace nkg::serialize {

class KeySorter {
 public:
  KeySorter(std::size_t memory_bytes, std::string temp_dir);
  KeySorter(const KeySorter&) = delete;
  KeySorter& operator=(const KeySorter&) = delete;
  ~KeySorter();

  [[nodiscard]] Status add(std::string_view key);
  /// Each distinct key in order. May be called again (each call reads the runs from the start);
  /// keys added after a call are included in the next one.
  [[nodiscard]] Status for_each(const std::function<Status(std::string_view)>& visit);
  /// Runs written to disk so far (0: everything fitted in memory).
  [[nodiscard]] std::size_t runs_spilled() const { return runs_spilled_; }

  static constexpr std::size_t fan_in = 16;

  struct Slice {
    std::size_t offset;
    std::size_t size;
  };

 private:
  struct Run;
  Status spill();
  Status merge_tail();
  void sort_memory();

  std::size_t memory_bytes_;
  std::string temp_dir_;
  std::string arena_;  // the keys in memory, back to back
  std::vector<Slice> index_;  // into arena_
  bool is_sorted_ = true;
  std::vector<std::unique_ptr<Run>> runs_;  // levels non-increasing from front to back
  std::size_t runs_spilled_ = 0;
};

/// A temporary file in `dir`, unlinked as soon as it is open (its name, for messages, in `path`):
/// the space is freed when the descriptor is closed, whatever ends the process.
[[nodiscard]] Result<int> create_anonymous_file(const std::string& dir, std::string& path);
/// Writes all of `bytes` at the end of `fd` (retrying short writes); io_error names `path`.
[[nodiscard]] Status write_all(int fd, std::string_view bytes, const std::string& path);
/// Reads exactly `size` bytes at `offset` into `out`.
[[nodiscard]] Status read_at(int fd, std::uint64_t offset, std::size_t size, const std::string& path, std::string& out);

/// Sort keys of terms and quads: bytes whose order (std::string_view's) is the order of the
/// values, and from which the values are read back. A term is its kind byte, then value,
/// datatype and language, each with 0x00 written as 00 FF and ended by 00 00 (so a shorter
/// string sorts first, as in std::string). A quad key is graph (unless `drop_graphs`), subject,
/// a byte 0 for rdf:type and 1 for any other predicate, predicate, object: the order of
/// make_sorting_buffer.
void append_term_key(std::string& out, const Term& t);
void append_quad_key(std::string& out, const Quad& q, bool drop_graphs);
/// Reads a quad key back (the graph empty under `drop_graphs`); false if it is malformed.
[[nodiscard]] bool read_quad_key(std::string_view key, bool drop_graphs, Quad& out);

}  // namespace nkg::serialize
