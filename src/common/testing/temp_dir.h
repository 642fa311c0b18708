// For tests only: a fresh temporary directory (common/temp_dir.h), removed with everything in it
// when the TempDir goes. A test cannot run without one, so failing to make it ends the test binary
// with the reason.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>

#include "common/temp_dir.h"

namespace jbr::testing {

inline TempDir TestDir(std::string_view prefix = "jbr-test-") {
  auto dir = TempDir::Make(prefix);
  if (!dir.ok()) {
    std::fprintf(stderr, "%s\n", dir.status().ToString().c_str());
    std::abort();
  }
  return std::move(dir).value();
}

}  // namespace jbr::testing
