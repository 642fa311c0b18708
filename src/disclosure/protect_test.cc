#include "disclosure/protect.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <iostream>

namespace jbr::sdc {
namespace {

constexpr CellStatus kPub = CellStatus::kPublished;
constexpr CellStatus kPri = CellStatus::kSuppressedPrimary;
constexpr CellStatus kSec = CellStatus::kSuppressedSecondary;

SuppressionResult Protect(const TableSpec& spec, const DisclosureRules& rules = {},
                          const ProtectionOptions& opts = {}) {
  Result<SuppressionResult> r = ProtectTable(spec, rules, opts);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : SuppressionResult{};
}

void ExpectInterval(const SuppressionResult& r, int cell, double lo, double hi) {
  for (const CellAudit& c : r.audit.cells) {
    if (c.cell != cell) continue;
    EXPECT_DOUBLE_EQ(c.lo, lo) << "cell " << cell;
    EXPECT_DOUBLE_EQ(c.hi, hi) << "cell " << cell;
    return;
  }
  ADD_FAILURE() << "cell " << cell << " not audited";
}

// Parts 3, 50, 60, total 113, threshold 10. The 3 alone would be 113 - 50 - 60 (see
// audit_test.cc). Raising the 3 by its upper level 1 needs another cell lowered: the 50 costs 51,
// the 60 costs 61, raising the total costs 114; so the 50 is added. Afterwards 3 + 50 = 53 is all
// that is known: both in [0, 53], which covers the required [2, 4].
TEST(ProtectTable, SingletonGetsASecondCell) {
  Result<TableSpec> t = MakeCountTable1D({"a", "b", "c"}, {3, 50, 60});
  ASSERT_TRUE(t.ok());
  const SuppressionResult r = Protect(*t);
  EXPECT_EQ(r.status, (std::vector<CellStatus>{kPri, kSec, kPub, kPub}));
  ExpectInterval(r, 0, 0, 53);
  ExpectInterval(r, 1, 0, 53);
  EXPECT_TRUE(r.audit.safe());
  EXPECT_EQ(r.audit_rounds, 1);
  EXPECT_EQ(r.levels[0].lower, 1);
  EXPECT_EQ(r.levels[0].upper, 1);
}

// The table on which "one more cell per row" fails (audit_test.cc,
// NaiveOneMorePerRowFailsOnColumns):
//
//          c0   c1   c2 | total
//   r0      3   11   40 |   54
//   r1      4   30   13 |   47
//   r2     35   45   50 |  130
//   total  42   86  103 |  231
//
// Raising the 3 by 1, with the 4 already suppressed (free to move): lower the 4, then balance
// rows r0 and r1 in one column: c1 (11 and 30: cost 12 + 31 = 43) beats c2 (41 + 14 = 55) and the
// row totals (55 + 48 = 103). So 11 and 30 are added, a rectangle. Then, with t the value of the
// 3: c0 gives 3 + 4 = 42 - 35 = 7, r0 gives 3 + 11 = 54 - 40 = 14, r1 gives 4 + 30 = 47 - 13 = 34:
// (3, 4, 11, 30) = (t, 7 - t, 14 - t, 27 + t) for t in [0, 7].
TEST(ProtectTable, TwoDimensionalEndsSafeWhereNaiveFails) {
  Result<TableSpec> t = MakeCountTable2D({"r0", "r1", "r2"}, {"c0", "c1", "c2"},
                                         {{3, 11, 40}, {4, 30, 13}, {35, 45, 50}});
  ASSERT_TRUE(t.ok());
  const Grid2D g(3, 3);
  const SuppressionResult r = Protect(*t);
  EXPECT_EQ(r.status[g.Cell(0, 0)], kPri);
  EXPECT_EQ(r.status[g.Cell(1, 0)], kPri);
  EXPECT_EQ(r.status[g.Cell(0, 1)], kSec);
  EXPECT_EQ(r.status[g.Cell(1, 1)], kSec);
  EXPECT_EQ(r.Count(kPri), 2);
  EXPECT_EQ(r.Count(kSec), 2);
  ExpectInterval(r, g.Cell(0, 0), 0, 7);
  ExpectInterval(r, g.Cell(1, 0), 0, 7);
  ExpectInterval(r, g.Cell(0, 1), 7, 14);
  ExpectInterval(r, g.Cell(1, 1), 27, 34);
  EXPECT_TRUE(r.audit.safe());
}

// A column whose cells are all small has an unsafe total:
//
//          x    y    z | total
//   A     12   15    2 |   29
//   B     20   11    1 |   32
//   total 32   26    3 |   61
//
// Primary: A/z = 2, B/z = 1, total/z = 3. Another total must go too: total/z = 61 - 32 - 26
// unless the grand total, total/x or total/y is suppressed. Raising A/z by 1 (B/z free) is
// cheapest through column y (A/y 16 + B/y 12 = 28); raising total/z needs total/y lowered (27)
// or total/x (33 + 13 more) or the grand total (62 and more): total/y is added. Then columns y
// and z are fully suppressed and only y + z per row is known: A 17, B 12, total 29. With
// a = A/z and b = B/z: A/y = 17 - a, B/y = 12 - b, total/z = a + b, total/y = 29 - a - b.
TEST(ProtectTable, TotalIsSuppressed) {
  Result<TableSpec> t = MakeCountTable2D({"A", "B"}, {"x", "y", "z"}, {{12, 15, 2}, {20, 11, 1}});
  ASSERT_TRUE(t.ok());
  const Grid2D g(2, 3);
  const SuppressionResult r = Protect(*t);
  EXPECT_EQ(r.status[g.ColTotal(2)], kPri);
  EXPECT_EQ(r.status[g.ColTotal(1)], kSec);
  EXPECT_EQ(r.status[g.Cell(0, 1)], kSec);
  EXPECT_EQ(r.status[g.Cell(1, 1)], kSec);
  EXPECT_EQ(r.Count(kPri), 3);
  EXPECT_EQ(r.Count(kSec), 3);
  ExpectInterval(r, g.Cell(0, 2), 0, 17);
  ExpectInterval(r, g.Cell(1, 2), 0, 12);
  ExpectInterval(r, g.ColTotal(2), 0, 29);
  ExpectInterval(r, g.ColTotal(1), 0, 29);
  EXPECT_TRUE(r.audit.safe());
}

// Zeros are safe (0 < n is false) and are never used as secondary cells: parts 3, 0, 40, 0,
// total 43. A zero cannot be lowered, so raising the 3 lowers the 40 (41) rather than raising
// the total (44). Then 3 + 40 = 43: both in [0, 43]; the zeros stay published.
TEST(ProtectTable, ZeroCellsArePublished) {
  Result<TableSpec> t = MakeCountTable1D({"a", "b", "c", "d"}, {3, 0, 40, 0});
  ASSERT_TRUE(t.ok());
  const SuppressionResult r = Protect(*t);
  EXPECT_EQ(r.status, (std::vector<CellStatus>{kPri, kPub, kSec, kPub, kPub}));
  ExpectInterval(r, 0, 0, 43);
  ExpectInterval(r, 2, 0, 43);
  EXPECT_TRUE(r.audit.safe());
}

// A zero withheld on request among zeros only: no cell with a value can hide it, so the audit
// fails; the cheapest change that moves it up then goes through the zero total (a + b = t with
// b = 0 published: a and t move up together). Nothing bounds it from above: [0, inf) covers the
// required [0, 1], and the published 0 of b gives nothing away.
TEST(ProtectTable, SensitiveZeroAmongZerosHidesWithItsZeroTotal) {
  Result<TableSpec> t = MakeCountTable1D({"a", "b"}, {0, 0});
  ASSERT_TRUE(t.ok());
  t->cells[0].manual_unsafe = true;
  const SuppressionResult r = Protect(*t);
  EXPECT_EQ(r.status, (std::vector<CellStatus>{kPri, kPub, kSec}));
  EXPECT_EQ(r.audit_rounds, 2);
  ExpectInterval(r, 0, 0, kInfinity);
  ExpectInterval(r, 2, 0, kInfinity);
  EXPECT_TRUE(r.audit.safe());
}

TEST(ProtectTable, NothingUnsafeNothingSuppressed) {
  Result<TableSpec> t = MakeCountTable2D({"A", "B"}, {"x", "y"}, {{10, 0}, {25, 11}});
  ASSERT_TRUE(t.ok());
  const SuppressionResult r = Protect(*t);
  EXPECT_EQ(r.Count(kPub), 9);
  EXPECT_TRUE(r.audit.cells.empty());
  EXPECT_TRUE(r.audit.safe());
  EXPECT_EQ(r.audit_rounds, 1);
}

// A hierarchy: Rijk = M1 + M2 + M3, M1 = u1 + u2, M2 = u3 + u4 + u5, M3 = u6 (a ministry with a
// single unit, so M3 equals u6 and is unsafe too). Cells 0-5 u1..u6, 6-8 M1..M3, 9 Rijk.
//   u1 = 2, u2 = 40, u3 = 25, u4 = 30, u5 = 12, u6 = 7; M1 = 42, M2 = 67, M3 = 7; Rijk = 116.
// Primary: u1, u6, M3. Raising u1: u2 (41) beats M1 and Rijk (43 + 117). Raising u6 (and M3,
// free): lower M1 (43, then u1 or u2, free) beats raising Rijk (117) or lowering M2 (68 + more).
// Known afterwards: u1 + u2 = M1, M1 + M3 = 116 - 67 = 49, u6 = M3: all in [0, 49].
TEST(ProtectTable, HierarchyOfTotals) {
  TableSpec t;
  const std::vector<std::pair<std::string, int64_t>> cells = {
      {"u1", 2}, {"u2", 40}, {"u3", 25}, {"u4", 30}, {"u5", 12},
      {"u6", 7}, {"M1", 42}, {"M2", 67}, {"M3", 7},  {"Rijk", 116}};
  for (const auto& [label, n] : cells) {
    t.cells.push_back(TableCell{label, static_cast<double>(n), Sensitivity::kPersonCount, n});
  }
  t.constraints = {{6, {0, 1}}, {7, {2, 3, 4}}, {8, {5}}, {9, {6, 7, 8}}};
  const SuppressionResult r = Protect(t);
  EXPECT_EQ(r.status,
            (std::vector<CellStatus>{kPri, kSec, kPub, kPub, kPub, kPri, kSec, kPub, kPri, kPub}));
  for (int cell : {0, 1, 5, 6, 8}) ExpectInterval(r, cell, 0, 49);
  EXPECT_TRUE(r.audit.safe());
}

// Integrity counts use their own threshold; manual_unsafe forces a cell.
TEST(ProtectTable, IntegrityThresholdAndManualCells) {
  Result<TableSpec> t =
      MakeCountTable1D({"fraud", "leak", "other"}, {4, 7, 30}, Sensitivity::kIntegrityCount);
  ASSERT_TRUE(t.ok());
  SuppressionResult r = Protect(*t);
  EXPECT_EQ(r.status[0], kPri);  // 4 < 5
  EXPECT_EQ(r.status[1], kSec);  // 7 >= 5: safe itself, cheapest partner
  t->cells[2].manual_unsafe = true;
  r = Protect(*t);
  EXPECT_EQ(r.status[2], kPri);
  EXPECT_TRUE(r.audit.safe());
}

TEST(ProtectTable, InvalidInputIsRejected) {
  Result<TableSpec> t = MakeCountTable1D({"a", "b"}, {3, 50});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(ProtectTable(*t, DisclosureRules{0, 5}, {}).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ProtectTable(*t, {}, ProtectionOptions{0, 0}).status().code(),
            StatusCode::kInvalidInput);
  TableSpec bad = *t;
  bad.cells[2].value = 60;  // total does not add up
  EXPECT_EQ(ProtectTable(bad, {}, {}).status().code(), StatusCode::kInvalidInput);
  bad = *t;
  bad.cells[0].persons = -2;
  EXPECT_EQ(ProtectTable(bad, {}, {}).status().code(), StatusCode::kInvalidInput);
}

// A deterministic pseudo-random table: rows x cols counts, mostly 10..209 with some small cells
// and zeros.
TableSpec RandomTable(int rows, int cols, uint32_t seed) {
  uint32_t state = seed;
  auto next = [&state]() {
    state = state * 1664525u + 1013904223u;  // Numerical Recipes LCG
    return state >> 8;
  };
  std::vector<std::vector<int64_t>> counts(rows, std::vector<int64_t>(cols));
  for (auto& row : counts) {
    for (auto& v : row) {
      const uint32_t kind = next() % 10;
      v = kind < 2 ? next() % 10 : 10 + next() % 200;  // 20 % small (0..9), of which some zero
    }
  }
  std::vector<std::string> rl(rows, "r");
  std::vector<std::string> cl(cols, "c");
  Result<TableSpec> t = MakeCountTable2D(rl, cl, counts);
  return t.ok() ? *t : TableSpec{};
}

// Whatever the table, the result is safe by the audit, keeps every primary cell suppressed and
// never suppresses a zero as a secondary cell; and it is deterministic.
TEST(ProtectTable, RandomTablesEndSafe) {
  for (uint32_t seed = 1; seed <= 40; ++seed) {
    const TableSpec t = RandomTable(3 + seed % 5, 2 + seed % 4, seed);
    const SuppressionResult r = Protect(t);
    ASSERT_TRUE(r.audit.safe()) << "seed " << seed;
    Result<std::vector<bool>> primary = PrimaryPattern(t, {});
    ASSERT_TRUE(primary.ok());
    for (size_t i = 0; i < t.cells.size(); ++i) {
      EXPECT_EQ((*primary)[i], r.status[i] == kPri) << "seed " << seed << " cell " << i;
      if (r.status[i] == kSec) {
        EXPECT_GT(t.cells[i].value, 0) << "seed " << seed;
      }
    }
    EXPECT_EQ(Protect(t).status, r.status) << "seed " << seed;
  }
}

// The engine's size: 20 ministries x 10 categories plus totals (231 cells), 15 unsafe cells, one
// in each of rows 0-14, in column r * 7 mod 10: every column has one, columns 0, 7, 4, 1, 8 two.
TEST(ProtectTable, TwentyByTenWithFifteenUnsafeCells) {
  std::vector<std::vector<int64_t>> counts(20, std::vector<int64_t>(10));
  for (int r = 0; r < 20; ++r) {
    for (int c = 0; c < 10; ++c) counts[r][c] = 10 + (r * 37 + c * 11) % 190;
    if (r < 15) counts[r][(r * 7) % 10] = 1 + r % 9;
  }
  Result<TableSpec> made = MakeCountTable2D(std::vector<std::string>(20, "m"),
                                            std::vector<std::string>(10, "k"), counts);
  ASSERT_TRUE(made.ok());
  const TableSpec& t = *made;

  const auto start = std::chrono::steady_clock::now();
  const SuppressionResult r = Protect(t);
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
  EXPECT_EQ(r.Count(kPri), 15);
  EXPECT_TRUE(r.audit.safe());
  std::cout << "[ timing ] ProtectTable 20x10 (+totals, " << t.cells.size() << " cells), "
            << r.Count(kPri) << " primary, " << r.Count(kSec) << " secondary, " << r.audit_rounds
            << " audit round(s), " << r.lp_solves << " LPs: " << ms.count() << " ms\n";
}

}  // namespace
}  // namespace jbr::sdc
