// The version of newskg, in outputs (prov activity) and in `newskg --version`.
#pragma once

#include <string_view>

namespace nkg {

inline constexpr std::string_view newskg_version = "0.1.0";

}  // namespace nkg
