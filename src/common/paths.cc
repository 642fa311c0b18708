#include "common/paths.h"

#include <cstdlib>
#include <filesystem>

namespace jbr {

std::string DataDir() {
  if (const char* env = std::getenv("JBR_DATA_DIR"); env != nullptr && *env != '\0') return env;
#ifdef JBR_DEFAULT_DATA_DIR
  if (std::filesystem::is_directory(JBR_DEFAULT_DATA_DIR)) return JBR_DEFAULT_DATA_DIR;
#endif
  return "data";
}

}  // namespace jbr
