#include "disclosure/audit.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

namespace jbr::sdc {
namespace {

std::vector<bool> Flags(size_t n, std::initializer_list<int> on) {
  std::vector<bool> f(n, false);
  for (int i : on) f[i] = true;
  return f;
}

const CellAudit* Find(const AuditReport& r, int cell) {
  for (const CellAudit& c : r.cells) {
    if (c.cell == cell) return &c;
  }
  return nullptr;
}

void ExpectInterval(const AuditReport& r, int cell, double lo, double hi) {
  const CellAudit* c = Find(r, cell);
  ASSERT_NE(c, nullptr) << "cell " << cell << " not audited";
  EXPECT_DOUBLE_EQ(c->lo, lo) << "cell " << cell;
  EXPECT_DOUBLE_EQ(c->hi, hi) << "cell " << cell;
}

TEST(ProtectionOptions, Validate) {
  EXPECT_TRUE(ProtectionOptions{}.Validate().ok());
  // Each refusal with its code and the option it names.
  const std::pair<ProtectionOptions, std::string> bad[] = {
      {ProtectionOptions{-1, 1}, "protection_percent must be finite and >= 0"},
      {ProtectionOptions{10, -1}, "min_protection must be finite and >= 0"},
      {ProtectionOptions{0, 0},
       "protection_percent and min_protection are both 0: nothing is protected"},
  };
  for (const auto& [options, why] : bad) {
    const Status s = options.Validate();
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput) << why;
    EXPECT_EQ(s.message(), why);
  }
}

// Defaults 10 %, at least 1, whole: 3 -> 1; 25 -> ceil(2.5) = 3; 100 -> 10; lower capped at the
// value (a count is >= 0 anyway).
TEST(ComputeLevels, PercentWithMinimumRoundedUp) {
  Result<TableSpec> t = MakeCountTable1D({"a", "b", "c", "d"}, {3, 25, 100, 0});
  ASSERT_TRUE(t.ok());
  t->cells[3].manual_unsafe = true;
  const auto levels = ComputeLevels(*t, Flags(5, {0, 1, 2, 3}), ProtectionOptions{});
  EXPECT_EQ(levels[0].upper, 1);
  EXPECT_EQ(levels[0].lower, 1);
  EXPECT_EQ(levels[1].upper, 3);
  EXPECT_EQ(levels[2].upper, 10);
  EXPECT_EQ(levels[3].upper, 1);
  EXPECT_EQ(levels[3].lower, 0);  // capped at the value 0
  EXPECT_EQ(levels[4].upper, 0);  // not sensitive
  const auto wide = ComputeLevels(*t, Flags(5, {0}), ProtectionOptions{50, 5});
  EXPECT_EQ(wide[0].upper, 5);
  EXPECT_EQ(wide[0].lower, 3);
}

// The singleton case. Parts 3, 50, 60, total 113 (cell 3). Suppressing only the 3 leaves it
// recoverable: 113 - 50 - 60 = 3, so lo = hi = 3 and the required [2, 4] is not met.
TEST(AuditPattern, SingleSuppressionIsRecoveredBySubtraction) {
  Result<TableSpec> t = MakeCountTable1D({"a", "b", "c"}, {3, 50, 60});
  ASSERT_TRUE(t.ok());
  const auto levels = ComputeLevels(*t, Flags(4, {0}), ProtectionOptions{});
  Result<AuditReport> r = AuditPattern(*t, Flags(4, {0}), levels);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ExpectInterval(*r, 0, 3, 3);
  EXPECT_TRUE(r->cells[0].exact());
  EXPECT_FALSE(r->safe());
  EXPECT_EQ(r->UnsafeCells(), std::vector<int>{0});
  EXPECT_EQ(r->lp_solves, 2);

  // With the 50 suppressed too, only a + b = 113 - 60 = 53 is known: both lie in [0, 53].
  r = AuditPattern(*t, Flags(4, {0, 1}), levels);
  ASSERT_TRUE(r.ok());
  ExpectInterval(*r, 0, 0, 53);
  ExpectInterval(*r, 1, 0, 53);
  EXPECT_TRUE(r->safe());
}

// A suppressed zero hides only upwards: parts 3, 0, 40 (total 43) with the 3 and the 0
// suppressed gives 3 + 0 = 43 - 40 = 3, so the 3 lies in [0, 3]: it can be shown not to be 4.
TEST(AuditPattern, ZeroPartnerProtectsOnlyDownwards) {
  Result<TableSpec> t = MakeCountTable1D({"a", "b", "c"}, {3, 0, 40});
  ASSERT_TRUE(t.ok());
  const auto levels = ComputeLevels(*t, Flags(4, {0}), ProtectionOptions{});
  Result<AuditReport> r = AuditPattern(*t, Flags(4, {0, 1}), levels);
  ASSERT_TRUE(r.ok());
  ExpectInterval(*r, 0, 0, 3);
  ExpectInterval(*r, 1, 0, 3);
  EXPECT_FALSE(r->safe());  // required upper bound 4
}

// With the total suppressed as well nothing bounds the cells from above.
TEST(AuditPattern, UnboundedUpperBoundIsSafe) {
  Result<TableSpec> t = MakeCountTable1D({"a", "b"}, {3, 50});
  ASSERT_TRUE(t.ok());
  const auto levels = ComputeLevels(*t, Flags(3, {0}), ProtectionOptions{});
  Result<AuditReport> r = AuditPattern(*t, Flags(3, {0, 2}), levels);
  ASSERT_TRUE(r.ok());
  ExpectInterval(*r, 0, 0, kInfinity);
  ExpectInterval(*r, 2, 50, kInfinity);  // total >= the published 50
  EXPECT_TRUE(r->safe());
}

// The naive "one more suppressed cell per row" heuristic fails:
//
//          c0   c1   c2 | total
//   r0      3   11   40 |   54
//   r1      4   30   13 |   47
//   r2     35   45   50 |  130
//   total  42   86  103 |  231
//
// The 3 and the 4 are unsafe. The naive rule adds the smallest other cell of each row: 11 in
// row 0 and 13 in row 1. But 11 is the only suppressed cell of column c1 (11 = 86 - 30 - 45) and
// 13 the only one of c2 (13 = 103 - 40 - 50); then the rows give 3 = 54 - 11 - 40 and
// 4 = 47 - 30 - 13. Every suppressed cell is recovered exactly.
TEST(AuditPattern, NaiveOneMorePerRowFailsOnColumns) {
  Result<TableSpec> t = MakeCountTable2D({"r0", "r1", "r2"}, {"c0", "c1", "c2"},
                                         {{3, 11, 40}, {4, 30, 13}, {35, 45, 50}});
  ASSERT_TRUE(t.ok());
  const Grid2D g(3, 3);
  const std::vector<bool> primary = Flags(g.size(), {g.Cell(0, 0), g.Cell(1, 0)});

  // The naive heuristic, written out: per row with a primary cell, the smallest other inner cell.
  std::vector<bool> naive = primary;
  for (int r = 0; r < g.rows(); ++r) {
    int best = -1;
    bool has_primary = false;
    for (int c = 0; c < g.cols(); ++c) {
      const int i = g.Cell(r, c);
      has_primary = has_primary || primary[i];
      if (!primary[i] && (best < 0 || t->cells[i].value < t->cells[best].value)) best = i;
    }
    if (has_primary) naive[best] = true;
  }
  ASSERT_EQ(naive, Flags(g.size(), {g.Cell(0, 0), g.Cell(0, 1), g.Cell(1, 0), g.Cell(1, 2)}));

  const auto levels = ComputeLevels(*t, primary, ProtectionOptions{});
  Result<AuditReport> r = AuditPattern(*t, naive, levels);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ExpectInterval(*r, g.Cell(0, 0), 3, 3);
  ExpectInterval(*r, g.Cell(1, 0), 4, 4);
  ExpectInterval(*r, g.Cell(0, 1), 11, 11);
  ExpectInterval(*r, g.Cell(1, 2), 13, 13);
  EXPECT_FALSE(r->safe());
  // The secondary cells are pinned down as well: an outsider cannot tell them from primary
  // ones, so every hidden cell must stay open (FailsFromOutside).
  EXPECT_EQ(r->UnsafeCells(),
            (std::vector<int>{g.Cell(0, 0), g.Cell(0, 1), g.Cell(1, 0), g.Cell(1, 2)}));
}

// A secondary (not sensitive) hidden count must stay open as seen from outside, even though it has
// no protection level of its own.
TEST(AuditPattern, HiddenSecondaryCellMustStayOpenFromOutside) {
  // total 10 = a + b, with a (primary 1) and b (9) hidden: a in [0, 10], b in [0, 10]: fine.
  // Add c = b + d with c = 10 published and d = 1 hidden... b in [9, 10] from total, d = 10 - b.
  TableSpec spec;
  for (double v : {10.0, 1.0, 9.0, 10.0, 1.0}) spec.cells.push_back(TableCell{"", v});
  spec.constraints = {{0, {1, 2}}, {3, {2, 4}}};
  // a = 10 - b and d = 10 - b: hiding a, b, d leaves b free in [0, 10]: wide.
  std::vector<bool> hidden = {false, true, true, false, true};
  std::vector<ProtectionLevel> levels(5);
  levels[1] = {1, 1};
  auto wide = AuditPattern(spec, hidden, levels);
  ASSERT_TRUE(wide.ok());
  EXPECT_TRUE(wide->safe());
  // Publish d = 1: b = 9 exactly, and a = 1 with it. Both fail, a by its level, b by the outside
  // minimum although its level is 0.
  hidden[4] = false;
  auto exact = AuditPattern(spec, hidden, levels);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->UnsafeCells(), (std::vector<int>{1, 2}));
  // Hand-worked with 10 % and at least 1: [9, 10] leaves no v with v - 1 >= 9 and v + 1 <= 10;
  // [8, 10] has v = 9; [0, 1] has v = 0 (0 + 1 <= 1); [5, 5] is pinned down.
  const ProtectionOptions o;
  EXPECT_TRUE(FailsFromOutside(9, 10, /*integer=*/true, o));
  EXPECT_FALSE(FailsFromOutside(8, 10, /*integer=*/true, o));
  EXPECT_FALSE(FailsFromOutside(0, 1, /*integer=*/true, o));
  EXPECT_TRUE(FailsFromOutside(5, 5, /*integer=*/true, o));
  EXPECT_FALSE(FailsFromOutside(0, 0, /*integer=*/true, o));  // nobody behind it
  // A count known to be at least the threshold (10) is no small group: [12, 13] passes, [12, 12]
  // does not (pinned down). Magnitudes only need to stay open: [1000, 1001] passes, 9.5 does not.
  EXPECT_FALSE(FailsFromOutside(12, 13, /*integer=*/true, o));
  EXPECT_TRUE(FailsFromOutside(12, 12, /*integer=*/true, o));
  EXPECT_FALSE(FailsFromOutside(1000, 1001, /*integer=*/false, o));
  EXPECT_TRUE(FailsFromOutside(9.5, 9.5, /*integer=*/false, o));
  // Unbounded above is open, whole or not (an infinite width once compared as "exact").
  EXPECT_FALSE(FailsFromOutside(0, kInfinity, /*integer=*/false, o));
  EXPECT_FALSE(FailsFromOutside(3, kInfinity, /*integer=*/true, o));
}

// A structure whose constraint matrix is not totally unimodular (an odd cycle), so the LP bound
// is fractional and only the integer bound is what an attacker who knows counts are whole gets:
//   t1 = a + b, t2 = b + c, t3 = a + c + d;  a = 0, b = 1, c = 0, d = 1;  t1 = t2 = t3 = 1.
// With a, b, c, d suppressed: b = 1 - a, c = a, d = 1 - 2a >= 0, so the LP gives a in [0, 0.5]
// and b in [0.5, 1]; in whole numbers a = 0, b = 1, c = 0, d = 1 exactly.
TEST(AuditPattern, IntegerBoundsAreExactWhereTheLpIsFractional) {
  TableSpec t;
  for (const auto& [label, v] : std::vector<std::pair<std::string, double>>{
           {"a", 0}, {"b", 1}, {"c", 0}, {"d", 1}, {"t1", 1}, {"t2", 1}, {"t3", 1}}) {
    t.cells.push_back(TableCell{label, v, Sensitivity::kPersonCount, static_cast<int64_t>(v)});
  }
  t.constraints = {{4, {0, 1}}, {5, {1, 2}}, {6, {0, 2, 3}}};
  ASSERT_TRUE(ValidateTable(t).ok());
  const std::vector<bool> suppressed = Flags(7, {0, 1, 2, 3});
  const auto levels = ComputeLevels(t, Flags(7, {1}), ProtectionOptions{});

  Result<AuditReport> r = AuditPattern(t, suppressed, levels);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ExpectInterval(*r, 0, 0, 0);
  ExpectInterval(*r, 1, 1, 1);
  ExpectInterval(*r, 3, 1, 1);
  EXPECT_FALSE(r->safe());

  t.integer_values = false;  // a magnitude: the LP bounds are the answer
  r = AuditPattern(t, suppressed, levels);
  ASSERT_TRUE(r.ok());
  ExpectInterval(*r, 0, 0, 0.5);
  ExpectInterval(*r, 1, 0.5, 1);
  ExpectInterval(*r, 3, 0, 1);
}

// Sums of fte-days hold to the last bits only: 4280146.0666668564 published as the total of parts
// that add up to 4280146.0666666776 (1.8e-7 apart, as a Rijk's available days were). GLPK's rows
// hold to about 1e-7, so without room for the noise the whole program was "infeasible" and the
// caller hid every cell of the table. The other sum's hidden cells keep their true interval.
TEST(AuditPattern, FloatingPointNoiseInAPublishedSumIsNoContradiction) {
  TableSpec t;
  t.integer_values = false;
  for (const auto& [label, v] :
       std::vector<std::pair<std::string, double>>{{"T", 4280146.0666668564},
                                                   {"a", 2140073.0},
                                                   {"b", 2140073.0666666776},
                                                   {"s", 30.5},
                                                   {"c", 10.25},
                                                   {"d", 20.25}}) {
    t.cells.push_back(TableCell{label, v, Sensitivity::kNone, 0});
  }
  t.constraints = {{0, {1, 2}}, {3, {4, 5}}};
  ASSERT_TRUE(ValidateTable(t).ok());
  Result<AuditReport> r = AuditPattern(t, Flags(6, {4, 5}), std::vector<ProtectionLevel>(6));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const CellAudit* c = Find(*r, 4);
  ASSERT_NE(c, nullptr);
  EXPECT_NEAR(c->lo, 0, 1e-6);
  EXPECT_NEAR(c->hi, 30.5, 1e-6);
  EXPECT_TRUE(r->safe());
}

TEST(AuditPattern, SizeMismatchIsAnError) {
  Result<TableSpec> t = MakeCountTable1D({"a"}, {3});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(AuditPattern(*t, {true}, {{}, {}}).status().code(), StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace jbr::sdc
