#include "publish/core/text_format.h"

#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

TEST(FormatNumber, ShortestTextThatReadsBack) {
  EXPECT_EQ(FormatNumber(4.2), "4.2");
  EXPECT_EQ(FormatNumber(13.0), "13");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatNumber(1234567.5), "1234567.5");  // no thousands separator
  EXPECT_EQ(FormatNumber(std::optional<double>()), "");
}

}  // namespace
}  // namespace jbr::publish
