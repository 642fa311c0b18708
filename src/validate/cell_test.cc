#include "validate/cell.h"

#include <gtest/gtest.h>

namespace jbr {
namespace {

FieldSchema Field(FieldType type) {
  FieldSchema f;
  f.name = "x";
  f.type = type;
  return f;
}

TEST(ConvertCell, DatesFromTextAndSpreadsheetSerials) {
  FieldSchema f = Field(FieldType::kDate);
  std::string scratch;
  Value v;
  EXPECT_FALSE(ConvertCell(f, "2020-02-29", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
  EXPECT_EQ(v.i, DaysFromCivil(2020, 2, 29));
  EXPECT_FALSE(ConvertCell(f, " 31-12-2020 ", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
  EXPECT_EQ(v.i, DaysFromCivil(2020, 12, 31));
  // Excel serial 43831 is 2020-01-01 (days since 1899-12-30 in the 1900 system).
  EXPECT_FALSE(ConvertCell(f, "43831", CellKind::kNumber, DecimalMark::kComma, &scratch, &v));
  EXPECT_EQ(v.i, DaysFromCivil(2020, 1, 1));
  // In a 1904-system workbook serial 0 is 1904-01-01, so 42369 is 2020-01-01 (43831 - 1462).
  EXPECT_FALSE(ConvertCell(f, "42369", CellKind::kNumber, DecimalMark::kPoint, &scratch, &v, true));
  EXPECT_EQ(v.i, DaysFromCivil(2020, 1, 1));
  // The same digits typed as text in a CSV are not a date.
  auto issue = ConvertCell(f, "43831", CellKind::kText, DecimalMark::kPoint, &scratch, &v);
  ASSERT_TRUE(issue);
  EXPECT_STREQ(issue->code, "type-error");
  EXPECT_TRUE(v.null);
}

TEST(ConvertCell, NumbersFollowTheDecimalMarkButSpreadsheetNumbersAlwaysUseAPoint) {
  FieldSchema f = Field(FieldType::kNumber);
  std::string scratch;
  Value v;
  EXPECT_FALSE(ConvertCell(f, "18,5", CellKind::kText, DecimalMark::kComma, &scratch, &v));
  EXPECT_EQ(v.d, 18.5);
  EXPECT_FALSE(ConvertCell(f, "18.5", CellKind::kNumber, DecimalMark::kComma, &scratch, &v));
  EXPECT_EQ(v.d, 18.5);
  auto issue = ConvertCell(f, "18,5", CellKind::kText, DecimalMark::kPoint, &scratch, &v);
  ASSERT_TRUE(issue);
  EXPECT_NE(issue->hint.find("--decimal comma"), std::string::npos);
}

TEST(ConvertCell, RangeBoundariesAreInclusive) {
  FieldSchema f = Field(FieldType::kNumber);
  f.minimum = 0;
  f.maximum = 40;
  std::string scratch;
  Value v;
  EXPECT_FALSE(ConvertCell(f, "0", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
  EXPECT_FALSE(ConvertCell(f, "40", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
  EXPECT_TRUE(ConvertCell(f, "40.01", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
  EXPECT_TRUE(ConvertCell(f, "-0.5", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
}

TEST(ConvertCell, EmptyCellsTakeTheDefault) {
  FieldSchema f = Field(FieldType::kNumber);
  f.default_text = "100";
  std::string scratch;
  Value v;
  EXPECT_FALSE(ConvertCell(f, "  ", CellKind::kText, DecimalMark::kComma, &scratch, &v));
  EXPECT_FALSE(v.null);
  EXPECT_EQ(v.d, 100);
  f.default_text.clear();
  EXPECT_FALSE(ConvertCell(f, "", CellKind::kText, DecimalMark::kComma, &scratch, &v));
  EXPECT_TRUE(v.null);
}

TEST(ConvertCell, ListsOfEnumValuesBecomeCanonical) {
  FieldSchema f = Field(FieldType::kString);
  f.enum_values = {"Prijsontwikkeling", "Wetswijziging"};
  f.separators = ";,";
  std::string scratch;
  Value v;
  EXPECT_FALSE(ConvertCell(f, "wetswijziging , Prijsontwikkeling;", CellKind::kText,
                           DecimalMark::kPoint, &scratch, &v));
  EXPECT_EQ(v.s, "Wetswijziging;Prijsontwikkeling");
  auto issue =
      ConvertCell(f, "Prijsontwikkeling;Brand", CellKind::kText, DecimalMark::kPoint, &scratch, &v);
  ASSERT_TRUE(issue);
  EXPECT_STREQ(issue->code, "enum-error");
  EXPECT_NE(issue->message.find("Brand"), std::string::npos);
}

TEST(ConvertCell, PatternsAndLengths) {
  FieldSchema f = Field(FieldType::kString);
  f.pattern_text = "[0-9]{8}";
  f.pattern = std::make_shared<const std::regex>(f.pattern_text);
  f.max_length = 8;
  std::string scratch;
  Value v;
  EXPECT_FALSE(ConvertCell(f, "01234567", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
  EXPECT_TRUE(ConvertCell(f, "0123456", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
  EXPECT_TRUE(ConvertCell(f, "012345678", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
}

TEST(ConvertCell, BooleansInDutchAndEnglish) {
  FieldSchema f = Field(FieldType::kBoolean);
  std::string scratch;
  Value v;
  for (const char* yes : {"ja", "J", "true", "Yes", "1"}) {
    EXPECT_FALSE(ConvertCell(f, yes, CellKind::kText, DecimalMark::kPoint, &scratch, &v)) << yes;
    EXPECT_EQ(v.i, 1) << yes;
  }
  for (const char* no : {"nee", "n", "FALSE", "no", "0"}) {
    EXPECT_FALSE(ConvertCell(f, no, CellKind::kText, DecimalMark::kPoint, &scratch, &v)) << no;
    EXPECT_EQ(v.i, 0) << no;
  }
  EXPECT_TRUE(ConvertCell(f, "misschien", CellKind::kText, DecimalMark::kPoint, &scratch, &v));
}

}  // namespace
}  // namespace jbr
