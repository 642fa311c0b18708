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

TEST(CsvField, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("Den Haag"), "Den Haag");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvRecord({"a", "", "c,d"}), "a,,\"c,d\"\n");
}

}  // namespace
}  // namespace jbr::publish
