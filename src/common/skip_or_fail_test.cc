// JBR_SKIP_OR_FAIL_UNLESS, which the PDF suites use for Chromium and poppler-utils: under CI=true a
// missing tool fails the test (tests/skip_or_fail_test.sh checks the same of the shell suites).
#include "common/skip_or_fail.h"

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <optional>
#include <string>

namespace jbr {
namespace {

// Sets $CI for one test and puts back what was there.
class CiVariable {
 public:
  explicit CiVariable(const char* value) {
    if (const char* old = std::getenv("CI")) old_ = old;
    if (value == nullptr) {
      unsetenv("CI");
    } else {
      setenv("CI", value, 1);
    }
  }
  ~CiVariable() {
    if (old_) {
      setenv("CI", old_->c_str(), 1);
    } else {
      unsetenv("CI");
    }
  }

 private:
  std::optional<std::string> old_;
};

void NeedsAMissingTool() { JBR_SKIP_OR_FAIL_UNLESS(false, "no-such-tool is not installed"); }
void NeedsAToolThatIsThere() { JBR_SKIP_OR_FAIL_UNLESS(true, "never said"); }

TEST(SkipOrFail, AMissingToolFailsUnderCi) {
  CiVariable ci("true");
  EXPECT_TRUE(RunningInCi());
  EXPECT_FATAL_FAILURE(NeedsAMissingTool(),
                       "no-such-tool is not installed (CI=true: a missing tool fails; "
                       "scripts/install-deps.sh installs it)");
}

TEST(SkipOrFail, OnlyCiEqualToTrueCounts) {
  {
    CiVariable ci(nullptr);
    EXPECT_FALSE(RunningInCi());
  }
  {
    CiVariable ci("false");
    EXPECT_FALSE(RunningInCi());
  }
  CiVariable ci("true");
  EXPECT_TRUE(RunningInCi());
  NeedsAToolThatIsThere();  // a tool that is there neither skips nor fails
  EXPECT_FALSE(::testing::Test::IsSkipped());
}

}  // namespace
}  // namespace jbr
