#include "common/process.h"
#include "common/skip_or_fail.h"
#include "common/testing/temp_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace jbr {
namespace {

TEST(RunProcess, ReportsTheExitCode) {
  auto r = RunProcess({"sh", "-c", "exit 7"}, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->exit_code, 7);
  EXPECT_FALSE(r->timed_out);
}

TEST(RunProcess, AbsentProgramIsNotFound) {
  auto r = RunProcess({"jbr-no-such-program"}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(r.status().message(), ::testing::HasSubstr("jbr-no-such-program"));
}

TEST(RunProcess, TimeoutKillsTheWholeGroup) {
  // The child starts a grandchild that would outlive it; both must be gone after the timeout.
  const TempDir dir = ::jbr::testing::TestDir("jbr-process-test-");
  const std::string marker = dir.File("grandchild-ran");
  ProcessOptions o;
  o.timeout_seconds = 1;
  auto t0 = std::chrono::steady_clock::now();
  auto r = RunProcess({"sh", "-c", "(sleep 3; touch " + marker + ") & sleep 30"}, o);
  auto took = std::chrono::steady_clock::now() - t0;
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->timed_out);
  EXPECT_LT(took, std::chrono::seconds(5));
  std::this_thread::sleep_for(std::chrono::seconds(3));
  EXPECT_FALSE(std::filesystem::exists(marker)) << "the grandchild survived the timeout";
}

TEST(CaptureOutput, ReturnsStdoutAndNoShellExpansion) {
  auto out = CaptureOutput({"printf", "%s|", "a b", "$HOME", "*"});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "a b|$HOME|*|");
  auto bad = CaptureOutput({"sh", "-c", "exit 3"});
  EXPECT_EQ(bad.status().code(), StatusCode::kInternal);
}

TEST(ProgramExists, LooksInPath) {
  EXPECT_TRUE(ProgramExists("sh"));
  EXPECT_FALSE(ProgramExists("jbr-no-such-program"));
}

}  // namespace
}  // namespace jbr
