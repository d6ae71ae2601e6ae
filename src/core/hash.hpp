// A fast, non-cryptographic hash of bytes (XXH3 from xxHash) for hash tables on hot paths:
// lexicon lookups of every token, and every N-Quads line of a streamed document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nkg {

/// XXH3-64 of `bytes`, seed 0. The same on every platform and run (nothing depends on that yet).
[[nodiscard]] std::uint64_t hash_bytes(std::string_view bytes) noexcept;

/// For unordered containers keyed by std::string and looked up with std::string_view.
struct TransparentStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return static_cast<std::size_t>(hash_bytes(s)); }
};

}  // namespace nkg
