// For tests only: a test that needs an outside tool (Chromium, poppler-utils) skips without it on
// a developer's machine, and fails under CI=true, where a missing tool is an install step to fix
// (scripts/install-deps.sh), never a pass. Use in a test body or a fixture's SetUp().
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

namespace jbr {

inline bool RunningInCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::strcmp(ci, "true") == 0;
}

// Whether `program` can be found in $PATH (or is an executable path). Production code does not ask:
// it runs the program and reports NotFound (RunProcess).
inline bool ProgramExists(const std::string& program) {
  if (program.find('/') != std::string::npos) return access(program.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string d;
  while (std::getline(dirs, d, ':')) {
    if (!d.empty() && access((d + "/" + program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

}  // namespace jbr

// Skips (or, under CI=true, fails) the current test with `why` unless `present` holds.
#define JBR_SKIP_OR_FAIL_UNLESS(present, why)                                                  \
  if (!(present)) {                                                                            \
    if (::jbr::RunningInCi()) {                                                                \
      GTEST_FAIL() << why                                                                      \
                   << " (CI=true: a missing tool fails; scripts/install-deps.sh installs it)"; \
    }                                                                                          \
    GTEST_SKIP() << why;                                                                       \
  }
