// Reading and writing a whole file at once.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace jbr {

// Writes `bytes` to `path` (created or truncated); an I/O error names the path.
Status WriteFileBytes(const std::string& path, std::string_view bytes);

// The bytes of the file at `path`; an I/O error names the path.
Result<std::string> ReadFileBytes(const std::string& path);

}  // namespace jbr
