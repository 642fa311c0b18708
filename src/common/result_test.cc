#include "common/result.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace jbr {
namespace {

// *std::move(r) hands the value over (a decoded column of megabytes is moved, not copied).
TEST(Result, DereferencingAnRvalueMovesTheValue) {
  Result<std::vector<std::string>> r(std::vector<std::string>(1000, std::string(100, 'x')));
  const char* data = (*r)[0].data();
  std::vector<std::string> taken = *std::move(r);
  ASSERT_EQ(taken.size(), 1000u);
  EXPECT_EQ(taken[0].data(), data);  // the same buffer: moved
  const Result<std::string> c(std::string(100, 'y'));
  const std::string copied = *c;  // an lvalue still copies
  EXPECT_EQ(copied, std::string(100, 'y'));
  EXPECT_EQ(*c, copied);
}

}  // namespace
}  // namespace jbr
