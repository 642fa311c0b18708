#include "common/file.h"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "common/testing/temp_dir.h"

namespace jbr {
namespace {

// Bytes written by the standard library come back exactly, NUL and CR included.
TEST(ReadFileBytes, ReadsWhatWasWritten) {
  const TempDir dir = testing::TestDir("jbr-file-test-");
  const std::string path = dir.File("a.bin");
  const std::string bytes("%PDF\0\r\n\xff end", 12);
  std::ofstream(path, std::ios::binary) << bytes;
  auto read = ReadFileBytes(path);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(*read, bytes);
  ASSERT_TRUE(WriteFileBytes(path, "x").ok());
  EXPECT_EQ(*ReadFileBytes(path), "x");
}

TEST(ReadFileBytes, MissingFileIsAnIoErrorNamingIt) {
  const TempDir dir = testing::TestDir("jbr-file-test-");
  auto read = ReadFileBytes(dir.File("none"));
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.status().code(), StatusCode::kIo);
  EXPECT_NE(read.status().message().find(dir.File("none")), std::string::npos);
}

}  // namespace
}  // namespace jbr
