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

std::string TemplatesDir() {
  if (const char* env = std::getenv("JBR_TEMPLATES_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef JBR_DEFAULT_TEMPLATES_DIR
  if (std::filesystem::is_directory(JBR_DEFAULT_TEMPLATES_DIR)) return JBR_DEFAULT_TEMPLATES_DIR;
#endif
  return "templates";
}

}  // namespace jbr
