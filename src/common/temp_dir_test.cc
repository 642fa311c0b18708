#include "common/temp_dir.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <utility>

#include <gtest/gtest.h>

namespace jbr {
namespace {

namespace fs = std::filesystem;

TEST(TempDir, IsANewPrivateDirectoryRemovedWithItsContents) {
  std::string path;
  {
    auto dir = TempDir::Make("jbr-temp-dir-test-");
    ASSERT_TRUE(dir.ok()) << dir.status().ToString();
    path = dir->path();
    EXPECT_EQ(fs::path(path).parent_path(), fs::temp_directory_path());
    EXPECT_EQ(fs::path(path).filename().string().rfind("jbr-temp-dir-test-", 0), 0U);
    struct stat st {};
    ASSERT_EQ(stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0700U);  // mkdtemp: only its owner enters it
    fs::create_directories(dir->File("sub"));
    std::ofstream(dir->File("sub/a.txt")) << "a";
    EXPECT_TRUE(fs::exists(dir->File("sub/a.txt")));
  }
  EXPECT_FALSE(fs::exists(path));
}

TEST(TempDir, TwoAreTwoDirectories) {
  auto a = TempDir::Make("jbr-temp-dir-test-");
  auto b = TempDir::Make("jbr-temp-dir-test-");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->path(), b->path());
}

TEST(TempDir, AMovedDirectoryIsRemovedOnceByItsNewOwner) {
  auto made = TempDir::Make("jbr-temp-dir-test-");
  ASSERT_TRUE(made.ok());
  TempDir first = std::move(made).value();
  const std::string path = first.path();
  {
    TempDir second = std::move(first);
    EXPECT_EQ(second.path(), path);
    EXPECT_TRUE(first.path().empty());  // NOLINT(bugprone-use-after-move): what a move leaves
    EXPECT_TRUE(fs::is_directory(path));
  }
  EXPECT_FALSE(fs::exists(path));
}

TEST(TempDir, AnUnusableTemporaryDirectoryIsAnIoError) {
  // The parent of the pattern is not a directory: mkdtemp fails, and Make says so.
  auto dir = TempDir::Make("no-such-folder/jbr-");
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.status().code(), StatusCode::kIo);
  EXPECT_NE(dir.status().message().find("cannot create a temporary directory"), std::string::npos);
}

}  // namespace
}  // namespace jbr
