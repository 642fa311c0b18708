// One suppression pattern across linked tables (docs/disclosure.md), on hand-made values: each
// route by which an intruder recovered a hidden cell by subtraction, now protected. Every check
// bounds the hidden cell with an intruder's linear program written here by hand from the route's
// own arithmetic (not from disclosure_links.cc), and compares with the hand-solved interval.
#include <gtest/gtest.h>

#include <map>

#include "disclosure/audit.h"
#include "indicators/disclosure_links.h"
#include "indicators/disclosure_step.h"

namespace jbr {
namespace {

IndicatorDef Count(const std::string& id, const std::string& population = "",
                   Disclosure d = Disclosure::kPersonCount) {
  IndicatorDef def;
  def.id = id;
  def.unit = "persons";
  def.disclosure = d;
  def.population = population;
  return def;
}

IndicatorDef Ratio(const std::string& id, const std::string& population = "") {
  IndicatorDef def = Count(id, population, Disclosure::kPersonStatistic);
  def.unit = "%";
  def.scale = 100;
  return def;
}

IndicatorValue Value(const std::string& indicator, const std::string& ministry,
                     const std::string& unit_type, const std::string& period,
                     const std::string& category, double numerator, double denominator,
                     int64_t persons) {
  IndicatorValue v;
  v.indicator = indicator;
  v.ministry = ministry;
  v.unit_type = unit_type;
  v.period = period;
  v.category = category;
  v.status = "published";
  v.numerator = numerator;
  v.denominator = denominator;
  v.value = numerator / denominator;
  v.persons = persons;
  v.in_rijk = ministry != kRijk;
  return v;
}

IndicatorValue CountValue(const std::string& indicator, const std::string& ministry,
                          const std::string& unit_type, const std::string& category, double n,
                          const std::string& period = "2020") {
  return Value(indicator, ministry, unit_type, period, category, n, 1, static_cast<int64_t>(n));
}

// The intruder's view of a few quantities: each is a published number or unknown (hidden).
// Bounds come from sdc::AuditPattern over cells and sums written by the test.
struct Intruder {
  struct Q {
    double truth;
    bool hidden;
  };
  std::vector<Q> cells;
  std::vector<sdc::Additivity> sums;
  int Add(double truth, bool hidden) {
    cells.push_back({truth, hidden});
    return static_cast<int>(cells.size()) - 1;
  }
  void Sum(int total, std::vector<int> parts) { sums.push_back({total, std::move(parts)}); }
  // [lo, hi] the intruder can narrow cell `i` to.
  std::pair<double, double> Bounds(int i, bool integer = true) const {
    sdc::TableSpec spec;
    spec.integer_values = integer;
    std::vector<bool> hidden;
    for (const auto& c : cells) {
      sdc::TableCell cell;
      cell.value = c.truth;
      spec.cells.push_back(cell);
      hidden.push_back(c.hidden);
    }
    spec.constraints = sums;
    std::vector<sdc::ProtectionLevel> none(cells.size());
    auto report = sdc::AuditPattern(spec, hidden, none);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    for (const auto& a : report->cells) {
      if (a.cell == i) return {a.lo, a.hi};
    }
    ADD_FAILURE() << "cell " << i << " is not hidden";
    return {cells[i].truth, cells[i].truth};
  }
};

bool Hidden(const IndicatorValue& v) { return v.status == "suppressed"; }

// Route 1: a unit type from the ministry's total. BZK has 40 staff: 3 in the inspectorate
// (unsafe), 20 core, 17 agency. Before, the unit types were separate tables: 40 - 20 - 17 = 3.
TEST(DisclosureLinked, UnitTypeIsNotTheTotalMinusTheOthers) {
  std::vector<IndicatorDef> defs = {Count("personnel.headcount", "staff")};
  std::vector<IndicatorValue> values = {
      CountValue("personnel.headcount", "BZK", "", "", 40),
      CountValue("personnel.headcount", "BZK", "inspectorate", "", 3),
      CountValue("personnel.headcount", "BZK", "core", "", 20),
      CountValue("personnel.headcount", "BZK", "agency", "", 17),
  };
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &values).ok());
  const IndicatorValue& total = values[0];
  const IndicatorValue& insp = values[1];
  const IndicatorValue& core = values[2];
  const IndicatorValue& agency = values[3];
  ASSERT_TRUE(Hidden(insp));
  EXPECT_EQ(insp.suppression, "primary");
  Intruder in;
  int t = in.Add(40, Hidden(total)), i = in.Add(3, true), c = in.Add(20, Hidden(core)),
      a = in.Add(17, Hidden(agency));
  in.Sum(t, {i, c, a});
  auto [lo, hi] = in.Bounds(i);
  // Hand-solved: the cheapest partner is the agency's 17 (smaller than 20), the total stays:
  // inspectorate + agency = 40 - 20 = 20, so the inspectorate is anything from 0 to 20.
  EXPECT_TRUE(Hidden(agency));
  EXPECT_FALSE(Hidden(core));
  EXPECT_FALSE(Hidden(total));
  EXPECT_DOUBLE_EQ(lo, 0);
  EXPECT_DOUBLE_EQ(hi, 20);
}

// Route 1, nearly: a person employed in two unit types is in both and once in all units, so the
// unit types add up to one more than the total (41 + 8 = 49, total 48). "48 - 41" then gives the
// hidden 8 nearly (7): the sum is linked as if the gap were known, and the core is hidden too.
TEST(DisclosureLinked, UnitTypesThatNearlyAddUpAreLinkedToo) {
  std::vector<IndicatorDef> defs = {Count("personnel.age_band", "staff")};
  std::vector<IndicatorValue> values = {
      CountValue("personnel.age_band", "AZ", "", "<25", 48),
      CountValue("personnel.age_band", "AZ", "core", "<25", 41),
      CountValue("personnel.age_band", "AZ", "other", "<25", 8),
  };
  const LinkedStructure ls = BuildLinkedStructure(defs, values);
  EXPECT_EQ(ls.near_sums, 1);
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &values).ok());
  EXPECT_TRUE(Hidden(values[2]));
  // Hand-solved: with the gap known, other = 48 + 1 - core; hiding the total (48, cost 49) or the
  // core (41, cost 42) opens it; the core is cheaper. Then other + core = 49: other in [0, 49].
  EXPECT_TRUE(Hidden(values[1]));
  EXPECT_FALSE(Hidden(values[0]));
  Intruder in;
  int total = in.Add(48, false), core = in.Add(41, true), other = in.Add(8, true),
      gap = in.Add(1, false), parts = in.Add(49, true);
  in.Sum(parts, {core, other});
  in.Sum(parts, {total, gap});
  auto [lo, hi] = in.Bounds(other);
  EXPECT_DOUBLE_EQ(lo, 0);
  EXPECT_DOUBLE_EQ(hi, 49);
}

// Route 2: categories from a related indicator. Episodes that ended by duration class: 30, 12,
// 4 (unsafe), 15; the mean duration's denominator is their sum, 61. Before, 61 - 30 - 12 - 15 = 4.
TEST(DisclosureLinked, DurationClassIsNotTheMeanDurationsDenominatorMinusTheOthers) {
  IndicatorDef classes = Count("absence.duration_class", "episodes");
  classes.total_of = "absence.duration_mean";
  IndicatorDef mean = Ratio("absence.duration_mean", "episodes");
  std::vector<IndicatorDef> defs = {classes, mean};
  std::vector<IndicatorValue> values = {
      CountValue("absence.duration_class", "AZ", "", "1-7", 30),
      CountValue("absence.duration_class", "AZ", "", "8-42", 12),
      CountValue("absence.duration_class", "AZ", "", "43-365", 4),
      CountValue("absence.duration_class", "AZ", "", ">365", 15),
      Value("absence.duration_mean", "AZ", "", "2020", "", 1830, 61, 55),
  };
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &values).ok());
  ASSERT_TRUE(Hidden(values[2]));
  Intruder in;
  int c1 = in.Add(30, Hidden(values[0])), c2 = in.Add(12, Hidden(values[1])), c3 = in.Add(4, true),
      c4 = in.Add(15, Hidden(values[3])), den = in.Add(61, Hidden(values[4]));
  in.Sum(den, {c1, c2, c3, c4});
  auto [lo, hi] = in.Bounds(c3);
  // Hand-solved: the cheapest partner is the 12 (8-42 days): 4 + 12 = 61 - 30 - 15 = 16.
  EXPECT_TRUE(Hidden(values[1]));
  EXPECT_FALSE(Hidden(values[4]));
  EXPECT_DOUBLE_EQ(lo, 0);
  EXPECT_DOUBLE_EQ(hi, 16);
}

// Route 3: a quarter from the year. Sick fte-days and fte-days per quarter add up to the year's;
// the third quarter is over 8 persons (unsafe). Before, quarters and year were separate tables.
TEST(DisclosureLinked, QuarterIsNotTheYearMinusTheOtherQuarters) {
  std::vector<IndicatorDef> defs = {Ratio("absence.rate", "staff")};
  const double sick[] = {50, 40, 9, 61};
  const double days[] = {1000, 1100, 700, 1200};
  std::vector<IndicatorValue> values;
  for (int q = 0; q < 4; ++q) {
    values.push_back(Value("absence.rate", "EZK", "", "2020-Q" + std::to_string(q + 1), "", sick[q],
                           days[q], q == 2 ? 8 : 12));
  }
  values.push_back(Value("absence.rate", "EZK", "", "2020", "", 160, 4000, 14));
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &values).ok());
  ASSERT_TRUE(Hidden(values[2]));
  // Numerators: Q3 + the other hidden quarters = year - published quarters.
  Intruder num;
  std::vector<int> q;
  for (int k = 0; k < 4; ++k) q.push_back(num.Add(sick[k], Hidden(values[k])));
  num.Sum(num.Add(160, Hidden(values[4])), q);
  auto [lo, hi] = num.Bounds(q[2], /*integer=*/false);
  // Hand-solved: in the numerators the cheapest partner is the second quarter (cost 41 against 51
  // and 62); in the denominators it is the first (1001 against 1101 and 1201). Each hides its
  // whole figure, so Q1, Q2 and Q3 are hidden and the year stays: 50 + 40 + 9 = 160 - 61 = 99.
  EXPECT_TRUE(Hidden(values[0]));
  EXPECT_TRUE(Hidden(values[1]));
  EXPECT_FALSE(Hidden(values[3]));
  EXPECT_FALSE(Hidden(values[4]));
  EXPECT_DOUBLE_EQ(lo, 0);
  EXPECT_DOUBLE_EQ(hi, 99);
}

// Route 4: headcount from another table about the same people. The zero-absence share of BZK's
// agency is over 9 persons employed all year (unsafe); the agency's headcount (12) would tell
// nearly how many. One status per population cell: the headcount, fte and the rate of the agency
// are hidden with it, and the ministry's total does not give the agency away.
TEST(DisclosureLinked, FiguresOfOnePopulationCellShareTheirStatus) {
  std::vector<IndicatorDef> defs = {Count("personnel.headcount", "staff"),
                                    Count("personnel.fte", "staff"),
                                    Ratio("absence.zero_share", "staff")};
  std::vector<IndicatorValue> values = {
      CountValue("personnel.headcount", "BZK", "", "", 112),
      CountValue("personnel.headcount", "BZK", "agency", "", 12),
      CountValue("personnel.headcount", "BZK", "core", "", 100),
      Value("personnel.fte", "BZK", "", "2020", "", 101.5, 1, 112),
      Value("personnel.fte", "BZK", "agency", "2020", "", 10.25, 1, 12),
      Value("personnel.fte", "BZK", "core", "2020", "", 91.25, 1, 100),
      Value("absence.zero_share", "BZK", "", "2020", "", 40, 95, 95),
      Value("absence.zero_share", "BZK", "agency", "2020", "", 4, 9, 9),
      Value("absence.zero_share", "BZK", "core", "2020", "", 36, 86, 86),
  };
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &values).ok());
  EXPECT_EQ(values[7].suppression, "primary");
  EXPECT_EQ(values[1].suppression, "secondary");  // the agency's headcount
  EXPECT_EQ(values[4].suppression, "secondary");  // and fte
  // With the agency hidden, all units = agency + core forces a second hidden cell in each table.
  for (int table : {0, 3, 6}) {
    EXPECT_TRUE(Hidden(values[table]) || Hidden(values[table + 2])) << values[table].indicator;
  }
  Intruder in;
  int total = in.Add(112, Hidden(values[0])), agency = in.Add(12, true),
      core = in.Add(100, Hidden(values[2]));
  in.Sum(total, {agency, core});
  auto [lo, hi] = in.Bounds(agency);
  EXPECT_LE(lo, 11);
  EXPECT_GE(hi, 13);
}

// Route 5: equal totals in two tables. 25 interns started, by kind 3 (unsafe) and 22, by level
// 10 and 15. The two totals are one figure: hidden in one, hidden in both.
TEST(DisclosureLinked, EqualTotalsOfTwoBreakdownsAreOneFigure) {
  std::vector<IndicatorDef> defs = {Count("internships.started", "interns"),
                                    Count("internships.started_by_level", "interns")};
  std::vector<IndicatorValue> values = {
      CountValue("internships.started", "IenW", "", "", 25),
      CountValue("internships.started", "IenW", "", "mbo", 3),
      CountValue("internships.started", "IenW", "", "wo", 22),
      CountValue("internships.started_by_level", "IenW", "", "", 25),
      CountValue("internships.started_by_level", "IenW", "", "4", 10),
      CountValue("internships.started_by_level", "IenW", "", "6", 15),
  };
  const LinkedStructure ls = BuildLinkedStructure(defs, values);
  EXPECT_EQ(ls.value_nodes[0][0], ls.value_nodes[3][0]) << "the two totals are one node";
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &values).ok());
  EXPECT_EQ(Hidden(values[0]), Hidden(values[3]));
  ASSERT_TRUE(Hidden(values[1]));
  Intruder in;
  int kind_total = in.Add(25, Hidden(values[0])), mbo = in.Add(3, true),
      wo = in.Add(22, Hidden(values[2]));
  int level_total = in.Add(25, Hidden(values[3])), l4 = in.Add(10, Hidden(values[4])),
      l6 = in.Add(15, Hidden(values[5]));
  in.Sum(kind_total, {mbo, wo});
  in.Sum(level_total, {l4, l6});
  in.Sum(kind_total, {level_total});
  auto [lo, hi] = in.Bounds(mbo);
  // Hand-solved: with both kinds hidden and the total published, mbo + wo = 25: [0, 25]; with the
  // total hidden too, the levels give it (10 + 15) unless one of them is hidden as well.
  EXPECT_LE(lo, 2);
  EXPECT_GE(hi, 4);
}

// Route 6: the rolling rate and its quarters. Q1 is unsafe; the rolling rate of Q2 covers Q1.
TEST(DisclosureLinked, RollingFigureIsHiddenWithTheQuartersItCovers) {
  IndicatorDef rolling = Ratio("absence.rate_rolling", "staff");
  rolling.rolling_of = "absence.rate";
  std::vector<IndicatorDef> defs = {Ratio("absence.rate", "staff"), rolling};
  std::vector<IndicatorValue> values = {
      Value("absence.rate", "AZ", "", "2020-Q1", "", 7.5, 300.25, 6),
      Value("absence.rate", "AZ", "", "2020-Q2", "", 21.5, 1100.5, 12),
      Value("absence.rate_rolling", "AZ", "", "2020-Q1", "", 80.5, 3900.75, 20),
      Value("absence.rate_rolling", "AZ", "", "2020-Q2", "", 95.25, 4100.75, 20),
  };
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &values).ok());
  EXPECT_TRUE(Hidden(values[0]));
  EXPECT_TRUE(Hidden(values[2]));
  EXPECT_TRUE(Hidden(values[3]));
}

// Route 7: releases over time. Release 2020-1 published A 3 (hidden), B 20 (hidden as its
// partner), C 25 and the Rijk 48. B's delivery was corrected to 30; protected afresh, the cheapest
// partner of A would now be C (25 < 30), and C is still public in release 2020-1, unchanged:
// 58 - 30 - 25 = 3. With the release in view, B stays hidden and C is known.
TEST(DisclosureLinked, EarlierReleaseKeepsItsPatternInView) {
  std::vector<IndicatorDef> defs = {Count("personnel.headcount", "staff")};
  auto make = [] {
    return std::vector<IndicatorValue>{
        CountValue("personnel.headcount", "A", "", "", 3, "2020"),
        CountValue("personnel.headcount", "B", "", "", 30, "2020"),
        CountValue("personnel.headcount", "C", "", "", 25, "2020"),
        CountValue("personnel.headcount", kRijk, "", "", 58, "2020"),
    };
  };
  ReleasedPattern released;
  released[ReleasedKey("personnel.headcount", "A", "", "2020", "")] = {"suppressed", {}, {}};
  released[ReleasedKey("personnel.headcount", "B", "", "2020", "")] = {"suppressed", {}, {}};
  released[ReleasedKey("personnel.headcount", "C", "", "2020", "")] = {"published", 25, 1};
  released[ReleasedKey("personnel.headcount", kRijk, "", "2020", "")] = {"published", 48, 1};

  std::vector<IndicatorValue> alone = make();  // without the release: the fault
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &alone).ok());
  EXPECT_TRUE(Hidden(alone[2])) << "C is the cheapest partner";
  EXPECT_FALSE(Hidden(alone[1]));

  std::vector<IndicatorValue> values = make();
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &values, &released).ok());
  EXPECT_TRUE(Hidden(values[0]));
  EXPECT_TRUE(Hidden(values[1])) << "hidden by the release, hidden now";
  EXPECT_FALSE(Hidden(values[2])) << "known from the release: no use hiding it";
  // The intruder with both releases: C = 25 known, Rijk 58 published: A + B = 33.
  Intruder in;
  int a = in.Add(3, true), b = in.Add(30, true), c = in.Add(25, false), rijk = in.Add(58, false);
  in.Sum(rijk, {a, b, c});
  auto [lo, hi] = in.Bounds(a);
  EXPECT_DOUBLE_EQ(lo, 0);
  EXPECT_DOUBLE_EQ(hi, 33);
}

// The status links are data: the same two figures declared as populations of their own are
// protected one by one (route 4's test fails this way when "staff" is taken out of the themes).
TEST(DisclosureLinked, StatusLinksComeFromTheDefinitions) {
  std::vector<IndicatorDef> defs = {Count("personnel.headcount"), Ratio("absence.zero_share")};
  std::vector<IndicatorValue> values = {
      CountValue("personnel.headcount", "BZK", "agency", "", 12),
      Value("absence.zero_share", "BZK", "agency", "2020", "", 4, 9, 9),
  };
  ASSERT_TRUE(ApplyDisclosure(defs, DisclosureSettings{}, &values).ok());
  EXPECT_TRUE(Hidden(values[1]));
  EXPECT_FALSE(Hidden(values[0])) << "different populations: no status link";
}

}  // namespace
}  // namespace jbr
