#include "disclosure/table.h"

#include <gtest/gtest.h>

#include <string>

namespace jbr::sdc {
namespace {

TEST(Grid2D, Layout) {
  const Grid2D g(2, 3);  // 3 x 4 cells with totals
  EXPECT_EQ(g.size(), 12);
  EXPECT_EQ(g.Cell(1, 2), 6);
  EXPECT_EQ(g.RowTotal(0), 3);
  EXPECT_EQ(g.ColTotal(1), 9);
  EXPECT_EQ(g.GrandTotal(), 11);
  // 3 rows (2 + the total row) and 4 columns (3 + the total column).
  EXPECT_EQ(g.Constraints().size(), 7u);
}

TEST(MakeCountTable2D, ComputesTotalsAndLabels) {
  Result<TableSpec> t = MakeCountTable2D({"BZK", "EZK"}, {"<25", "25+"}, {{3, 20}, {0, 12}});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const Grid2D g(2, 2);
  EXPECT_EQ(t->cells[g.RowTotal(0)].value, 23);
  EXPECT_EQ(t->cells[g.ColTotal(0)].value, 3);
  EXPECT_EQ(t->cells[g.GrandTotal()].value, 35);
  EXPECT_EQ(t->cells[g.Cell(1, 0)].label, "EZK/<25");
  EXPECT_EQ(t->cells[g.GrandTotal()].label, "total/total");
  EXPECT_EQ(t->cells[g.Cell(0, 0)].persons, 3);
  EXPECT_TRUE(ValidateTable(*t).ok());
}

// Each refusal with its code and the reason it names.
void ExpectRefused(const Result<TableSpec>& r, const std::string& why) {
  ASSERT_FALSE(r.ok()) << why;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput) << why;
  EXPECT_NE(r.status().message().find(why), std::string::npos) << r.status().message();
}

TEST(MakeCountTable, RejectsBadInput) {
  ExpectRefused(MakeCountTable1D({}, {}), "a 1-D table needs at least one part");
  ExpectRefused(MakeCountTable1D({"a"}, {1, 2}), "labels and counts differ in length");
  ExpectRefused(MakeCountTable1D({"a"}, {-1}), "negative count -1");
  // Two rows of labels and counts, the second row one count short.
  ExpectRefused(MakeCountTable2D({"r", "s"}, {"a", "b"}, {{1, 2}, {3}}), "ragged table");
  ExpectRefused(MakeCountTable2D({"r"}, {"a", "b"}, {{1}}),
                "row or column labels do not match the counts");
  ExpectRefused(MakeCountTable2D({"r", "s"}, {"a"}, {{1}, {2}, {3}}),
                "row or column labels do not match the counts");
  ExpectRefused(MakeCountTable2D({"r"}, {"a"}, {{-2}}), "negative count -2");
  ExpectRefused(MakeCountTable2D({}, {}, {}), "a 2-D table needs cells");
}

TEST(ValidateTable, ChecksTheContract) {
  Result<TableSpec> base = MakeCountTable1D({"a", "b"}, {3, 4});
  ASSERT_TRUE(base.ok());
  EXPECT_TRUE(ValidateTable(*base).ok());

  TableSpec t = *base;
  t.cells[2].value = 8;  // 3 + 4 != 8
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);
  EXPECT_NE(ValidateTable(t).message().find("constraint 0: parts add up to 7"), std::string::npos)
      << ValidateTable(t).message();

  t = *base;
  t.cells[0].value = 2.5;  // not whole in a count table
  t.cells[2].value = 6.5;
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);
  EXPECT_NE(ValidateTable(t).message().find("cell 0 (a): value must be a whole number"),
            std::string::npos)
      << ValidateTable(t).message();
  t.integer_values = false;  // fine as a magnitude
  EXPECT_TRUE(ValidateTable(t).ok());

  t = *base;
  t.cells[1].sensitivity = Sensitivity::kPersonStatistic;
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);
  EXPECT_NE(ValidateTable(t).message().find("cell 1 (b): a rate, share or mean is not additive"),
            std::string::npos)
      << ValidateTable(t).message();

  t = *base;
  t.constraints[0].parts.push_back(0);  // repeated part
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);
  EXPECT_NE(ValidateTable(t).message().find("constraint 0: repeated part"), std::string::npos)
      << ValidateTable(t).message();

  t = *base;
  t.constraints[0].parts.push_back(2);  // total among its parts
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);
  EXPECT_NE(ValidateTable(t).message().find("constraint 0: the total is among its own parts"),
            std::string::npos)
      << ValidateTable(t).message();

  t = *base;
  t.constraints[0].total = 7;  // out of range
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);
  EXPECT_NE(ValidateTable(t).message().find("constraint 0: total index out of range"),
            std::string::npos)
      << ValidateTable(t).message();

  EXPECT_EQ(ValidateTable(TableSpec{}).code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ValidateTable(TableSpec{}).message(), "table has no cells");
}

}  // namespace
}  // namespace jbr::sdc
