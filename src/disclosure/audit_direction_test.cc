// The audit checks both directions of a suppressed cell's interval: a cell the attacker can place
// anywhere above its value but not below it is unsafe, and the other way round. Each table is
// built by hand so that one bound is pinned at the value and the other is open or wide.
#include <gtest/gtest.h>

#include "disclosure/audit.h"

namespace jbr::sdc {
namespace {

TableCell Count(const char* label, double value) {
  TableCell c;
  c.label = label;
  c.value = value;
  c.persons = static_cast<int64_t>(value);
  return c;
}

// x = 3 (sensitive), a = 2 and b = 5 published; T = 5 and y = 0 suppressed, with T = x + a and
// T = y + b. The attacker gets x = T - 2 and T = y + 5 >= 5 (y >= 0), so x >= 3: x cannot be
// below its value, while T, and so x, has no upper bound. Required with the defaults (10 %, at
// least 1): [2, 4]. hi = infinity >= 4 holds; lo = 3 > 2 does not: the pattern is unsafe.
TEST(AuditDirection, CellThatCanMoveUpButNotDownIsUnsafe) {
  TableSpec t;
  t.cells = {Count("x", 3), Count("a", 2), Count("T", 5), Count("y", 0), Count("b", 5)};
  t.constraints = {{2, {0, 1}}, {2, {3, 4}}};
  ASSERT_TRUE(ValidateTable(t).ok());
  const std::vector<bool> suppressed = {true, false, true, true, false};
  const auto levels = ComputeLevels(t, {true, false, false, false, false}, ProtectionOptions{});
  auto report = AuditPattern(t, suppressed, levels);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const CellAudit* x = nullptr;
  for (const auto& c : report->cells) {
    if (c.cell == 0) x = &c;
  }
  ASSERT_NE(x, nullptr);
  EXPECT_DOUBLE_EQ(x->lo, 3);
  EXPECT_GE(x->hi, 1e9);  // unbounded above
  EXPECT_DOUBLE_EQ(x->required_lo, 2);
  EXPECT_DOUBLE_EQ(x->required_hi, 4);
  EXPECT_FALSE(x->exact());
  EXPECT_FALSE(x->safe);
  EXPECT_FALSE(report->safe());
  EXPECT_EQ(report->UnsafeCells(), std::vector<int>{0});
}

// The mirror: x = 3 (sensitive) and y = 0 suppressed, their total T = 3 published. x = 3 - y lies
// in [0, 3]: it can go down to 0 but not above 3, short of the required 4. Unsafe upwards only.
TEST(AuditDirection, CellThatCanMoveDownButNotUpIsUnsafe) {
  TableSpec t;
  t.cells = {Count("x", 3), Count("y", 0), Count("T", 3)};
  t.constraints = {{2, {0, 1}}};
  ASSERT_TRUE(ValidateTable(t).ok());
  const auto levels = ComputeLevels(t, {true, false, false}, ProtectionOptions{});
  auto report = AuditPattern(t, {true, true, false}, levels);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const CellAudit& x = report->cells.front();
  ASSERT_EQ(x.cell, 0);
  EXPECT_DOUBLE_EQ(x.lo, 0);
  EXPECT_DOUBLE_EQ(x.hi, 3);
  EXPECT_FALSE(x.safe);
}

// Both ways open enough: x = 3 and y = 4 suppressed with T = 7 published: x in [0, 7] contains
// [2, 4], so the pattern is safe for x. (A control: the two tests above fail for one reason each.)
TEST(AuditDirection, CellFreeBothWaysIsSafe) {
  TableSpec t;
  t.cells = {Count("x", 3), Count("y", 4), Count("T", 7)};
  t.constraints = {{2, {0, 1}}};
  const auto levels = ComputeLevels(t, {true, false, false}, ProtectionOptions{});
  auto report = AuditPattern(t, {true, true, false}, levels);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_DOUBLE_EQ(report->cells.front().lo, 0);
  EXPECT_DOUBLE_EQ(report->cells.front().hi, 7);
  EXPECT_TRUE(report->cells.front().safe);
}

}  // namespace
}  // namespace jbr::sdc
