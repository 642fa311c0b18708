#include "disclosure/table.h"

#include <gtest/gtest.h>

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

TEST(MakeCountTable, RejectsBadInput) {
  EXPECT_FALSE(MakeCountTable1D({}, {}).ok());
  EXPECT_FALSE(MakeCountTable1D({"a"}, {1, 2}).ok());
  EXPECT_FALSE(MakeCountTable1D({"a"}, {-1}).ok());
  EXPECT_FALSE(MakeCountTable2D({"r"}, {"a", "b"}, {{1}}).ok());            // ragged
  EXPECT_FALSE(MakeCountTable2D({"r", "s"}, {"a"}, {{1}, {2}, {3}}).ok());  // labels
}

TEST(ValidateTable, ChecksTheContract) {
  Result<TableSpec> base = MakeCountTable1D({"a", "b"}, {3, 4});
  ASSERT_TRUE(base.ok());
  EXPECT_TRUE(ValidateTable(*base).ok());

  TableSpec t = *base;
  t.cells[2].value = 8;  // 3 + 4 != 8
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);

  t = *base;
  t.cells[0].value = 2.5;  // not whole in a count table
  t.cells[2].value = 6.5;
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);
  t.integer_values = false;  // fine as a magnitude
  EXPECT_TRUE(ValidateTable(t).ok());

  t = *base;
  t.cells[1].sensitivity = Sensitivity::kPersonStatistic;
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);

  t = *base;
  t.constraints[0].parts.push_back(0);  // repeated part
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);

  t = *base;
  t.constraints[0].parts.push_back(2);  // total among its parts
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);

  t = *base;
  t.constraints[0].total = 7;  // out of range
  EXPECT_EQ(ValidateTable(t).code(), StatusCode::kInvalidInput);

  EXPECT_EQ(ValidateTable(TableSpec{}).code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace jbr::sdc
