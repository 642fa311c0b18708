#include "common/csv_write.h"

#include <gtest/gtest.h>

namespace jbr {
namespace {

// RFC 4180, section 2: fields with commas, quotes or line breaks are enclosed in double quotes, and
// a quote inside is written twice.
TEST(CsvField, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("Den Haag"), "Den Haag");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvField(""), "");
}

// A semicolon-separated file (the Dutch Excel's) quotes the semicolon, and no longer the comma.
TEST(CsvField, QuotesTheDelimiterItIsGiven) {
  EXPECT_EQ(CsvField("12,5", ';'), "12,5");
  EXPECT_EQ(CsvField("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(CsvField("tab\there", '\t'), "\"tab\there\"");
  std::string out = "x;";
  AppendCsvField(&out, "say \"y\"", ';');
  EXPECT_EQ(out, "x;\"say \"\"y\"\"\"");
}

TEST(CsvRecord, JoinsQuotedFieldsAndEndsWithLf) {
  EXPECT_EQ(CsvRecord({"a", "", "c,d"}), "a,,\"c,d\"\n");
  EXPECT_EQ(CsvRecord({}), "\n");
}

}  // namespace
}  // namespace jbr
