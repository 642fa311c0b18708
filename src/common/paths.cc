#include "common/paths.h"

#include <filesystem>

namespace jbr {

std::string DefaultDataDir() {
#ifdef JBR_DEFAULT_DATA_DIR
  if (std::filesystem::is_directory(JBR_DEFAULT_DATA_DIR)) return JBR_DEFAULT_DATA_DIR;
#endif
  return "data";
}

std::string DefaultTemplatesDir() {
#ifdef JBR_DEFAULT_TEMPLATES_DIR
  if (std::filesystem::is_directory(JBR_DEFAULT_TEMPLATES_DIR)) return JBR_DEFAULT_TEMPLATES_DIR;
#endif
  return "templates";
}

}  // namespace jbr
