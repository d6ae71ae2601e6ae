#include "core/hash.hpp"

// Header-only use of xxHash: nothing to link, so libnewskg's users need no xxHash either.
#define XXH_INLINE_ALL
#include <xxhash.h>

namespace nkg {

std::uint64_t hash_bytes(std::string_view bytes) noexcept { return XXH3_64bits(bytes.data(), bytes.size()); }

}  // namespace nkg
