// Where the tests' narrative lives.
#pragma once

#include <string>
#include <vector>

#include "common/paths.h"

namespace jbr::publish {

// The narrative of the small test runs (src/publish/testdata/templates) before jbr's own: the
// default narrative names figures these runs do not compute.
inline std::vector<std::string> TestTemplateDirs() {
  return {std::string(JBR_SOURCE_DIR) + "/src/publish/testdata/templates", DefaultTemplatesDir()};
}

// Narrative without any figure, for runs of a single made-up indicator.
inline std::vector<std::string> PlainTemplateDirs() {
  return {std::string(JBR_SOURCE_DIR) + "/src/publish/testdata/plain", DefaultTemplatesDir()};
}

}  // namespace jbr::publish
