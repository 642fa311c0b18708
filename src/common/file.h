// Writing a whole file at once.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace jbr {

// Writes `bytes` to `path` (created or truncated); an I/O error names the path.
Status WriteFileBytes(const std::string& path, std::string_view bytes);

}  // namespace jbr
