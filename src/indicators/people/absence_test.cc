// Absence theme: every expected value is worked by hand in the comment next to it.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "common/parse.h"
#include "indicators/core/themes.h"
#include "indicators/testing/columns.h"

namespace jbr {
namespace {

using test::BoolCol;
using test::DateCol;
using test::NumCol;
using test::StrCol;

struct Emp {
  std::string person, unit, start;
  std::optional<std::string> end;
  double hours;
};

struct Seg {
  std::string episode, person, start;
  std::optional<std::string> end;
  std::optional<double> degree;
  std::optional<bool> pregnancy;
};

class AbsenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto s = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    schemas_ = new SchemaRegistry(std::move(*s));
    auto r = ReferenceData::Load(std::string(JBR_SOURCE_DIR) + "/data/reference");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    reference_ = new ReferenceData(std::move(*r));
  }

  static MinistryInputs Inputs(const std::string& ministry, int year, const std::vector<Emp>& emps,
                               const std::vector<Seg>& segs, bool with_absence = true) {
    MinistryInputs in;
    in.ministry = ministry;
    in.year = year;
    std::vector<std::string> person, id, unit;
    std::vector<std::optional<std::string>> start, end;
    std::vector<std::optional<double>> hours;
    for (size_t i = 0; i < emps.size(); ++i) {
      person.push_back(emps[i].person);
      id.push_back("E" + std::to_string(i));
      unit.push_back(emps[i].unit);
      start.push_back(emps[i].start);
      end.push_back(emps[i].end);
      hours.push_back(emps[i].hours);
    }
    in.tables.emplace("personnel",
                      MakeTable(schemas_->Find("personnel"), {{"person_id", StrCol(person)},
                                                              {"employment_id", StrCol(id)},
                                                              {"unit_type", StrCol(unit)},
                                                              {"start_date", DateCol(start)},
                                                              {"end_date", DateCol(end)},
                                                              {"weekly_hours", NumCol(hours)}}));
    if (!with_absence) return in;
    std::vector<std::string> episode, sperson;
    std::vector<std::optional<std::string>> sstart, send;
    std::vector<std::optional<double>> degree;
    std::vector<std::optional<bool>> pregnancy;
    for (const Seg& s : segs) {
      episode.push_back(s.episode);
      sperson.push_back(s.person);
      sstart.push_back(s.start);
      send.push_back(s.end);
      degree.push_back(s.degree);
      pregnancy.push_back(s.pregnancy);
    }
    in.tables.emplace("absence",
                      MakeTable(schemas_->Find("absence"), {{"episode_id", StrCol(episode)},
                                                            {"person_id", StrCol(sperson)},
                                                            {"start_date", DateCol(sstart)},
                                                            {"end_date", DateCol(send)},
                                                            {"degree", NumCol(degree)},
                                                            {"pregnancy", BoolCol(pregnancy)}}));
    return in;
  }

  static std::vector<Cell> Run(int year, const std::vector<const MinistryInputs*>& inputs) {
    ThemeContext ctx{reference_};
    auto cells = MakeAbsenceTheme()->Compute(ctx, year, inputs);
    EXPECT_TRUE(cells.ok()) << cells.status().ToString();
    return cells.ok() ? *cells : std::vector<Cell>{};
  }

  static std::optional<Cell> Find(const std::vector<Cell>& cells, const std::string& indicator,
                                  const std::string& period, const std::string& unit = "",
                                  const std::string& category = "") {
    for (const Cell& c : cells) {
      if (c.indicator == indicator && c.period == period && c.unit_type == unit &&
          c.category == category) {
        return c;
      }
    }
    return std::nullopt;
  }

  // The published value: numerator / denominator x the indicator's scale.
  static double Value(const std::vector<Cell>& cells, const std::string& indicator,
                      const std::string& period, const std::string& unit = "",
                      const std::string& category = "") {
    auto c = Find(cells, indicator, period, unit, category);
    EXPECT_TRUE(c.has_value()) << indicator << " " << period << " " << unit << " " << category;
    if (!c) return -1;
    double scale = indicator == "absence.rate" || indicator == "absence.rate_rolling" ||
                           indicator == "absence.zero_share"
                       ? 100
                       : 1;
    return c->numerator / c->denominator * scale;
  }

  static SchemaRegistry* schemas_;
  static ReferenceData* reference_;
};

SchemaRegistry* AbsenceTest::schemas_ = nullptr;
ReferenceData* AbsenceTest::reference_ = nullptr;

constexpr double kEps = 1e-9;

TEST_F(AbsenceTest, DefinitionsAreComplete) {
  auto defs = MakeAbsenceTheme()->Indicators();
  std::vector<std::string> ids;
  for (const auto& d : defs) {
    ids.push_back(d.id);
    EXPECT_FALSE(d.title_nl.empty() || d.title_en.empty() || d.definition_nl.empty() ||
                 d.definition_en.empty() || d.unit.empty())
        << d.id;
    EXPECT_EQ(d.datasets, (std::vector<std::string>{"personnel", "absence"}));
  }
  EXPECT_EQ(ids,
            (std::vector<std::string>{"absence.rate", "absence.frequency", "absence.duration_mean",
                                      "absence.duration_class", "absence.zero_share"}));
  EXPECT_EQ(defs[0].scale, 100);
  EXPECT_EQ(defs[3].disclosure, Disclosure::kPersonCount);
  EXPECT_TRUE(defs[4].higher_is_better);
  // The rolling rate is derived across years from absence.rate (engine_years_test.cc has its
  // figures across two years).
  auto derived = MakeAbsenceTheme()->Derived(*reference_);
  ASSERT_EQ(derived.size(), 1u);
  EXPECT_EQ(derived[0].def.id, "absence.rate_rolling");
  EXPECT_EQ(derived[0].source, "absence.rate");
  EXPECT_EQ(derived[0].other_year(2020), 2019);
  EXPECT_EQ(derived[0].def.datasets, (std::vector<std::string>{"personnel", "absence"}));
}

// domain.md worked check: 18 of 36 hours (factor 0.5) all of 2019 (365 days), one episode of
// 10 days at 100% (1-10 March) then 10 at 50% (11-20 March: partial recovery, a second segment).
TEST_F(AbsenceTest, WorkedCheckPartTimeAndPartialRecovery) {
  auto in = Inputs("BZK", 2019, {{"P1", "core", "2010-01-01", std::nullopt, 18}},
                   {{"A", "P1", "2019-03-01", "2019-03-10", 100, false},
                    {"A", "P1", "2019-03-11", "2019-03-20", 50, std::nullopt}});
  auto cells = Run(2019, {&in});
  // 100 x (10 x 0.5 x 1 + 10 x 0.5 x 0.5) / (365 x 0.5) = 100 x 7.5 / 182.5 = 4.1096%.
  auto rate = Find(cells, "absence.rate", "2019");
  ASSERT_TRUE(rate);
  EXPECT_NEAR(rate->numerator, 7.5, kEps);
  EXPECT_NEAR(rate->denominator, 182.5, kEps);
  EXPECT_NEAR(Value(cells, "absence.rate", "2019"), 4.10958904, 1e-6);
  EXPECT_EQ(rate->persons, 1);
  // Q1 2019 has 31 + 28 + 31 = 90 days: 100 x 7.5 / (90 x 0.5) = 16.6667%; Q2-Q4 nothing.
  EXPECT_NEAR(Value(cells, "absence.rate", "2019-Q1"), 100 * 7.5 / 45, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.rate", "2019-Q2"), 0, kEps);
  // The theme gives no rolling rate: the engine derives it from these cells across years.
  EXPECT_FALSE(Find(cells, "absence.rate_rolling", "2019-Q4"));
  // One episode (two segments): year 1 / 1 person = 1; Q1 1 x 4 / 1 = 4.
  EXPECT_NEAR(Value(cells, "absence.frequency", "2019"), 1, kEps);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2019-Q1"), 4, kEps);
  // 1 to 20 March = 20 days, class 8-42.
  EXPECT_NEAR(Value(cells, "absence.duration_mean", "2019"), 20, kEps);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2019", "", "8-42")->numerator, 1);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2019", "", "1-7")->numerator, 0);
  // Employed all year but absent: 0 of 1.
  EXPECT_NEAR(Value(cells, "absence.zero_share", "2019"), 0, kEps);
  // The only unit type present gives the same figure; no cells for absent unit types.
  EXPECT_NEAR(Value(cells, "absence.rate", "2019", "core"), 100 * 7.5 / 182.5, 1e-9);
  EXPECT_FALSE(Find(cells, "absence.rate", "2019", "agency"));
}

TEST_F(AbsenceTest, LeapYear) {
  // Full time all of 2020 (366 days); sick 28 Feb - 1 Mar = 3 days including 29 Feb.
  auto in = Inputs("BZK", 2020, {{"P1", "core", "2020-01-01", std::nullopt, 36}},
                   {{"A", "P1", "2020-02-28", "2020-03-01", std::nullopt, std::nullopt}});
  auto cells = Run(2020, {&in});
  // Year: 100 x 3 / 366 = 0.8197%. Q1: 31 + 29 + 31 = 91 days: 100 x 3 / 91 = 3.2967%.
  EXPECT_NEAR(Find(cells, "absence.rate", "2020")->denominator, 366, kEps);
  EXPECT_NEAR(Value(cells, "absence.rate", "2020"), 100.0 * 3 / 366, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.rate", "2020-Q1"), 100.0 * 3 / 91, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.duration_mean", "2020"), 3, kEps);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2020", "", "1-7")->numerator, 1);
}

TEST_F(AbsenceTest, EpisodesCrossingYearStartAndEnd) {
  // 2021, full time since 2015. A: 20 Dec 2020 - 5 Jan 2021 (12 + 5 = 17 days, 5 in 2021).
  // B: 27 Dec 2021 - 10 Jan 2022 (5 days in 2021, ends after the year: not ended in 2021).
  auto in = Inputs("BZK", 2021, {{"P1", "core", "2015-01-01", std::nullopt, 36}},
                   {{"A", "P1", "2020-12-20", "2021-01-05", 100, false},
                    {"B", "P1", "2021-12-27", "2022-01-10", 100, false}});
  auto cells = Run(2021, {&in});
  // Year: 100 x (5 + 5) / 365 = 2.7397%; Q1: 100 x 5 / 90; Q4: 100 x 5 / 92.
  EXPECT_NEAR(Value(cells, "absence.rate", "2021"), 100.0 * 10 / 365, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.rate", "2021-Q1"), 100.0 * 5 / 90, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.rate", "2021-Q4"), 100.0 * 5 / 92, 1e-9);
  // Only B starts in 2021: year 1 / 1; Q1 0; Q4 1 x 4 / 1 = 4.
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021"), 1, kEps);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021-Q1"), 0, kEps);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021-Q4"), 4, kEps);
  // Only A ended in 2021, with all its 17 days (8-42).
  EXPECT_NEAR(Value(cells, "absence.duration_mean", "2021"), 17, kEps);
  EXPECT_EQ(Find(cells, "absence.duration_mean", "2021")->denominator, 1);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2021", "", "8-42")->numerator, 1);
}

TEST_F(AbsenceTest, EpisodeBegunLastYearIsTheUnit) {
  // 2021. The episodes' segments before 1 January are delivered with them (the validator accepts
  // them because another segment of the episode touches 2021).
  // P1 renewed on 1 January: only the new employment (agency, from 2021-01-01) is delivered.
  //   X: 2020-11-01 - 2020-12-31 and 2021-01-01 - 2021-01-10: 30 + 31 + 10 = 71 days (43-365).
  // P2 full time since 2015.
  //   Y: 2020-01-01 - 2020-12-31 and 2021-01-01 - 2021-03-01: 366 + 31 + 28 + 1 = 426 days (>365).
  auto in = Inputs("BZK", 2021,
                   {{"P1", "agency", "2021-01-01", std::nullopt, 36},
                    {"P2", "core", "2015-01-01", std::nullopt, 36}},
                   {{"X", "P1", "2020-11-01", "2020-12-31", 100, false},
                    {"X", "P1", "2021-01-01", "2021-01-10", 100, false},
                    {"Y", "P2", "2020-01-01", "2020-12-31", 100, false},
                    {"Y", "P2", "2021-01-01", "2021-03-01", 100, false}});
  auto cells = Run(2021, {&in});
  // Neither episode began in 2021: frequency 0 (cutting at 1 January would have made it 2 / 2 = 1).
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021"), 0, kEps);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021-Q1"), 0, kEps);
  // Both ended in 2021, with every day from their first: (71 + 426) / 2 = 248.5 days.
  EXPECT_NEAR(Value(cells, "absence.duration_mean", "2021"), 248.5, kEps);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2021", "", "43-365")->numerator, 1);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2021", "", ">365")->numerator, 1);
  // X counts in P1's unit type on 1 January (agency), though no employment covers its first day.
  EXPECT_NEAR(Value(cells, "absence.duration_mean", "2021", "agency"), 71, kEps);
  // The rate is clipped to the year: 10 + 60 sick days over 2 x 365.
  EXPECT_NEAR(Value(cells, "absence.rate", "2021"), 100.0 * 70 / 730, 1e-9);
}

TEST_F(AbsenceTest, QuarterBoundaryAndOpenEpisode) {
  // 2021, full time all year. C: 25 Mar - 5 Apr (7 days in Q1, 5 in Q2, 12 in all).
  // D: from 1 Dec, no end date: runs to 31 Dec (31 days in Q4), still open, so not ended.
  auto in = Inputs("BZK", 2021, {{"P1", "core", "2021-01-01", std::nullopt, 36}},
                   {{"C", "P1", "2021-03-25", "2021-04-05", 100, false},
                    {"D", "P1", "2021-12-01", std::nullopt, 100, false}});
  auto cells = Run(2021, {&in});
  // Q1 7/90, Q2 5/91, Q3 0/92, Q4 31/92; year (7 + 5 + 31) / 365 = 43/365 = 11.7808%.
  EXPECT_NEAR(Value(cells, "absence.rate", "2021-Q1"), 100.0 * 7 / 90, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.rate", "2021-Q2"), 100.0 * 5 / 91, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.rate", "2021-Q3"), 0, kEps);
  EXPECT_NEAR(Value(cells, "absence.rate", "2021-Q4"), 100.0 * 31 / 92, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.rate", "2021"), 100.0 * 43 / 365, 1e-9);
  // C starts in Q1 (4), D in Q4 (4); Q2 none; year 2.
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021-Q1"), 4, kEps);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021-Q2"), 0, kEps);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021-Q4"), 4, kEps);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021"), 2, kEps);
  // Only C ended: 12 days.
  EXPECT_NEAR(Value(cells, "absence.duration_mean", "2021"), 12, kEps);
  int ended = 0;
  for (const char* c : {"1-7", "8-42", "43-365", ">365"}) {
    ended += static_cast<int>(Find(cells, "absence.duration_class", "2021", "", c)->numerator);
  }
  EXPECT_EQ(ended, 1);
}

TEST_F(AbsenceTest, PregnancyLeftOutEverywhere) {
  // 2021, three full-timers all year. P1: only a pregnancy episode (1 Feb - 31 May, 120 days).
  // P2: an ordinary episode 4-6 Jan (3 days). P3: an episode whose second segment is flagged
  // pregnancy-related: the whole episode is left out.
  auto in = Inputs("BZK", 2021,
                   {{"P1", "core", "2020-01-01", std::nullopt, 36},
                    {"P2", "core", "2020-01-01", std::nullopt, 36},
                    {"P3", "core", "2020-01-01", std::nullopt, 36}},
                   {{"A", "P1", "2021-02-01", "2021-05-31", 100, true},
                    {"B", "P2", "2021-01-04", "2021-01-06", 100, false},
                    {"C", "P3", "2021-03-01", "2021-03-05", 100, false},
                    {"C", "P3", "2021-03-06", "2021-03-20", 100, true}});
  auto cells = Run(2021, {&in});
  // Rate: 100 x 3 / (3 x 365) = 0.2740%.
  EXPECT_NEAR(Value(cells, "absence.rate", "2021"), 100.0 * 3 / 1095, 1e-9);
  // Frequency: 1 episode / mean headcount 3 = 0.3333.
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021"), 1.0 / 3, 1e-9);
  // Duration: only B, 3 days; nothing in 43-365 (A would be) nor 8-42 (C would be).
  EXPECT_NEAR(Value(cells, "absence.duration_mean", "2021"), 3, kEps);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2021", "", "43-365")->numerator, 0);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2021", "", "8-42")->numerator, 0);
  // Zero absence: P1 and P3 had only pregnancy-related absence: 2 of 3 = 66.67%.
  auto zero = Find(cells, "absence.zero_share", "2021");
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->numerator, 2);
  EXPECT_EQ(zero->denominator, 3);
  EXPECT_EQ(zero->persons, 3);
}

TEST_F(AbsenceTest, TwoEmploymentsAtOnceInTwoUnitTypes) {
  // 2021: core at 18 h all year; from 1 Jul also agency at 18 h (factor 0.5 + 0.5 = 1.0).
  // Sick 1-10 Jul at 100%. 1 Jul - 31 Dec = 31 + 31 + 30 + 31 + 30 + 31 = 184 days.
  auto in = Inputs("BZK", 2021,
                   {{"P1", "core", "2021-01-01", std::nullopt, 18},
                    {"P1", "agency", "2021-07-01", std::nullopt, 18}},
                   {{"A", "P1", "2021-07-01", "2021-07-10", 100, false}});
  auto cells = Run(2021, {&in});
  // Denominator: core 365 x 0.5 = 182.5, agency 184 x 0.5 = 92, all 274.5.
  // Numerator: 10 days x (0.5 + 0.5) = 10; core 5, agency 5.
  auto all = Find(cells, "absence.rate", "2021");
  ASSERT_TRUE(all);
  EXPECT_NEAR(all->numerator, 10, kEps);
  EXPECT_NEAR(all->denominator, 274.5, kEps);
  EXPECT_NEAR(Value(cells, "absence.rate", "2021", "core"), 100.0 * 5 / 182.5, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.rate", "2021", "agency"), 100.0 * 5 / 92, 1e-9);
  // Q3 (92 days, factor 1.0 all of it): 100 x 10 / 92.
  EXPECT_NEAR(Value(cells, "absence.rate", "2021-Q3"), 100.0 * 10 / 92, 1e-9);
  EXPECT_EQ(all->persons, 1);
  EXPECT_EQ(Find(cells, "absence.rate", "2021", "agency")->persons, 1);
  // Headcount: one person every day: mean 365/365 = 1. Core gets all of Jan-Jun (181 days) and
  // half of Jul-Dec (184 x 0.5 = 92): 273; agency 92. The episode's first day has core and agency
  // at 0.5 each: the tie goes to core (schema order). Frequency all 1/1, core 1/(273/365).
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021"), 1, kEps);
  EXPECT_NEAR(Find(cells, "absence.frequency", "2021", "core")->denominator, 273.0 / 365, 1e-12);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021", "core"), 365.0 / 273, 1e-9);
  EXPECT_NEAR(Find(cells, "absence.frequency", "2021", "agency")->denominator, 92.0 / 365, 1e-12);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021", "agency"), 0, kEps);
  // Employed all year, absent: 0 of 1; on 31 Dec the tie again goes to core.
  EXPECT_EQ(Find(cells, "absence.zero_share", "2021", "core")->denominator, 1);
  EXPECT_FALSE(Find(cells, "absence.zero_share", "2021", "agency"));
}

TEST_F(AbsenceTest, LeavingAndReturningAndAbsenceWithoutEmployment) {
  // 2021, full time 1 Jan - 31 Mar (90 days), gone in Apr-May, back from 1 Jun (30 + 31 + 31 +
  // 30 + 31 + 30 + 31 = 214 days): employed 304 days.
  // X: 25 Mar - 10 Apr (17 days; employed only 25-31 Mar = 7 of them).
  // Y: 10-20 May, no employment at all: counts nothing. Z: a person not in personnel.
  auto in = Inputs("BZK", 2021,
                   {{"P1", "core", "2021-01-01", "2021-03-31", 36},
                    {"P1", "core", "2021-06-01", std::nullopt, 36}},
                   {{"X", "P1", "2021-03-25", "2021-04-10", 100, false},
                    {"Y", "P1", "2021-05-10", "2021-05-20", 100, false},
                    {"Z", "P9", "2021-05-10", "2021-05-20", 100, false}});
  auto cells = Run(2021, {&in});
  // Rate: 100 x 7 / 304 = 2.3026%. Q2: employed 1-30 Jun (30 days), sick none of them: 0.
  EXPECT_NEAR(Value(cells, "absence.rate", "2021"), 100.0 * 7 / 304, 1e-9);
  EXPECT_NEAR(Find(cells, "absence.rate", "2021-Q2")->denominator, 30, kEps);
  EXPECT_NEAR(Value(cells, "absence.rate", "2021-Q2"), 0, kEps);
  // Frequency: only X (employed on its first day): 1 / (304/365) = 1.2007; Q1 4 / (90/90).
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021"), 365.0 / 304, 1e-9);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021-Q1"), 4, kEps);
  // Q2 headcount 30 person-days / 91 days; no episode counted.
  EXPECT_NEAR(Find(cells, "absence.frequency", "2021-Q2")->denominator, 30.0 / 91, 1e-12);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021-Q2"), 0, kEps);
  // Duration: X only, all 17 days.
  EXPECT_NEAR(Value(cells, "absence.duration_mean", "2021"), 17, kEps);
  // Not employed all year: nobody in the zero-absence population, so no cell.
  EXPECT_FALSE(Find(cells, "absence.zero_share", "2021"));
  EXPECT_EQ(Find(cells, "absence.rate", "2021")->persons, 1);
}

TEST_F(AbsenceTest, ConsecutiveEmploymentsMakeAWholeYear) {
  // 2021: 1 Jan - 30 Jun and 1 Jul - open, no absence: employed all year, zero absence 1 of 1.
  auto in = Inputs("BZK", 2021,
                   {{"P1", "core", "2021-01-01", "2021-06-30", 36},
                    {"P1", "agency", "2021-07-01", std::nullopt, 36}},
                   {});
  auto cells = Run(2021, {&in});
  EXPECT_NEAR(Value(cells, "absence.zero_share", "2021"), 100, kEps);
  // On 31 December the person is in the agency.
  EXPECT_NEAR(Value(cells, "absence.zero_share", "2021", "agency"), 100, kEps);
  EXPECT_FALSE(Find(cells, "absence.zero_share", "2021", "core"));
  EXPECT_NEAR(Value(cells, "absence.rate", "2021"), 0, kEps);
  EXPECT_FALSE(Find(cells, "absence.duration_mean", "2021"));  // nothing ended: no mean
}

TEST_F(AbsenceTest, PooledRateWeighsByFte) {
  // domain.md: 4% of 1,000 fte and 6% of 9,000 fte make 5.8%, not 5.0%. Scaled 1:9 with
  // full-timers all of 2021: A has 1 person sick 73 days (4 Jan - 17 Mar: 28 + 28 + 17) at 20%
  // = 14.6 fte-days = 4% of 365; B has 9 persons each 73 days at 30% = 21.9 = 6% of 365.
  // Person ids repeat across ministries: they are different persons.
  std::vector<Emp> b_emps;
  std::vector<Seg> b_segs;
  for (int i = 1; i <= 9; ++i) {
    std::string p = "P" + std::to_string(i);
    b_emps.push_back({p, "core", "2020-01-01", std::nullopt, 36});
    b_segs.push_back({"E" + p, p, "2021-01-04", "2021-03-17", 30, false});
  }
  auto a = Inputs("AZ", 2021, {{"P1", "core", "2020-01-01", std::nullopt, 36}},
                  {{"EP1", "P1", "2021-01-04", "2021-03-17", 20, false}});
  auto b = Inputs("FIN", 2021, b_emps, b_segs);
  auto ca = Run(2021, {&a});
  auto cb = Run(2021, {&b});
  auto pooled = Run(2021, {&a, &b});
  EXPECT_NEAR(Value(ca, "absence.rate", "2021"), 4.0, 1e-9);
  EXPECT_NEAR(Value(cb, "absence.rate", "2021"), 6.0, 1e-9);
  // (14.6 + 9 x 21.9) / (10 x 365) = 211.7 / 3650 = 5.8%.
  EXPECT_NEAR(Value(pooled, "absence.rate", "2021"), 5.8, 1e-9);
  auto rate = Find(pooled, "absence.rate", "2021");
  EXPECT_NEAR(rate->numerator, 14.6 + 9 * 21.9, 1e-9);
  EXPECT_NEAR(rate->denominator, 3650, 1e-9);
  EXPECT_EQ(rate->persons, 10);
  // Totals are sums of parts for every additive cell.
  for (const Cell& c : pooled) {
    auto pa = Find(ca, c.indicator, c.period, c.unit_type, c.category);
    auto pb = Find(cb, c.indicator, c.period, c.unit_type, c.category);
    ASSERT_TRUE(pa && pb) << c.indicator << " " << c.period;
    EXPECT_NEAR(c.numerator, pa->numerator + pb->numerator, 1e-9) << c.indicator << c.period;
    if (c.indicator != "absence.duration_class") {
      EXPECT_NEAR(c.denominator, pa->denominator + pb->denominator, 1e-9) << c.indicator;
    }
  }
}

TEST_F(AbsenceTest, QuarterlyFrequencyTimesFour) {
  // 2021: four full-timers all year; a fifth joins 1 May (61 of Q2's 91 days; 245 of 365 in
  // the year: 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31). Two episodes start in Q2.
  auto in = Inputs("BZK", 2021,
                   {{"P1", "core", "2020-01-01", std::nullopt, 36},
                    {"P2", "core", "2020-01-01", std::nullopt, 36},
                    {"P3", "core", "2020-01-01", std::nullopt, 36},
                    {"P4", "core", "2020-01-01", std::nullopt, 36},
                    {"P5", "core", "2021-05-01", std::nullopt, 36}},
                   {{"A", "P1", "2021-04-12", "2021-04-13", 100, false},
                    {"B", "P5", "2021-06-01", "2021-06-02", 100, false}});
  auto cells = Run(2021, {&in});
  // Q2: numerator 2 x 4 = 8, mean headcount (4 x 91 + 61) / 91 = 425/91; 8 x 91 / 425 = 1.7129.
  auto q2 = Find(cells, "absence.frequency", "2021-Q2");
  ASSERT_TRUE(q2);
  EXPECT_NEAR(q2->numerator, 8, kEps);
  EXPECT_NEAR(q2->denominator, 425.0 / 91, 1e-12);
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021-Q2"), 8.0 * 91 / 425, 1e-9);
  EXPECT_EQ(q2->persons, 5);
  // Year: 2 / ((4 x 365 + 245) / 365) = 2 x 365 / 1705 = 0.4282.
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021"), 2.0 * 365 / 1705, 1e-9);
  // Q1: P5 not yet employed: persons 4, no episodes.
  EXPECT_EQ(Find(cells, "absence.frequency", "2021-Q1")->persons, 4);
  // Zero absence: employed all year are P1-P4; P2-P4 had no absence: 3 of 4 = 75%.
  EXPECT_NEAR(Value(cells, "absence.zero_share", "2021"), 75, kEps);
}

TEST_F(AbsenceTest, DurationClassBoundaries) {
  // 2021, one person per episode, all employed since 2015 and all episodes ended in 2021:
  // 7 days (4-10 Jan), 8 (1-8 Feb), 42 (1 Mar - 11 Apr: 31 + 11), 43 (1 May - 12 Jun: 31 + 12),
  // 365 (2 Aug 2020 - 1 Aug 2021), 366 (1 Aug 2020 - 1 Aug 2021; no 29 Feb in between).
  std::vector<Emp> emps;
  for (int i = 1; i <= 6; ++i) {
    emps.push_back({"P" + std::to_string(i), "core", "2015-01-01", std::nullopt, 36});
  }
  auto in = Inputs("BZK", 2021, emps,
                   {{"A", "P1", "2021-01-04", "2021-01-10", 100, false},
                    {"B", "P2", "2021-02-01", "2021-02-08", 100, false},
                    {"C", "P3", "2021-03-01", "2021-04-11", 100, false},
                    {"D", "P4", "2021-05-01", "2021-06-12", 100, false},
                    {"E", "P5", "2020-08-02", "2021-08-01", 100, false},
                    {"F", "P6", "2020-08-01", "2021-08-01", 100, false}});
  auto cells = Run(2021, {&in});
  auto count = [&](const char* c) {
    return Find(cells, "absence.duration_class", "2021", "", c)->numerator;
  };
  EXPECT_EQ(count("1-7"), 1);
  EXPECT_EQ(count("8-42"), 2);
  EXPECT_EQ(count("43-365"), 2);
  EXPECT_EQ(count(">365"), 1);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2021", "", "8-42")->persons, 2);
  EXPECT_EQ(Find(cells, "absence.duration_class", "2021", "", "8-42")->denominator, 1);
  // (7 + 8 + 42 + 43 + 365 + 366) / 6 = 831 / 6 = 138.5 days, over 6 persons.
  EXPECT_NEAR(Value(cells, "absence.duration_mean", "2021"), 138.5, kEps);
  EXPECT_EQ(Find(cells, "absence.duration_mean", "2021")->persons, 6);
  // E and F started in 2020: 4 episodes start in 2021, over a mean headcount of 6.
  EXPECT_NEAR(Value(cells, "absence.frequency", "2021"), 4.0 / 6, 1e-9);
}

TEST_F(AbsenceTest, MissingDatasetAndOrder) {
  auto no_absence = Inputs("BZK", 2021, {{"P1", "core", "2021-01-01", std::nullopt, 36}}, {},
                           /*with_absence=*/false);
  EXPECT_TRUE(Run(2021, {&no_absence}).empty());  // never zeros for a missing dataset
  auto in = Inputs("FIN", 2021,
                   {{"P1", "core", "2021-01-01", std::nullopt, 36},
                    {"P2", "agency", "2021-01-01", std::nullopt, 36}},
                   {{"A", "P2", "2021-02-01", "2021-02-03", 100, false}});
  // A ministry without absence next to one with it: the pooled figures are FIN's alone.
  auto alone = Run(2021, {&in});
  auto pooled = Run(2021, {&no_absence, &in});
  ASSERT_EQ(alone.size(), pooled.size());
  for (size_t i = 0; i < alone.size(); ++i) {
    EXPECT_EQ(alone[i].indicator, pooled[i].indicator);
    EXPECT_EQ(alone[i].numerator, pooled[i].numerator);
    EXPECT_EQ(alone[i].denominator, pooled[i].denominator);
  }
  for (size_t i = 1; i < alone.size(); ++i) {
    const Cell& a = alone[i - 1];
    const Cell& b = alone[i];
    EXPECT_TRUE(std::tie(a.indicator, a.unit_type, a.period, a.category) <
                std::tie(b.indicator, b.unit_type, b.period, b.category));
  }
  // 100 x 3 / (2 x 365) over all units; the agency alone 100 x 3 / 365.
  EXPECT_NEAR(Value(alone, "absence.rate", "2021"), 100.0 * 3 / 730, 1e-9);
  EXPECT_NEAR(Value(alone, "absence.rate", "2021", "agency"), 100.0 * 3 / 365, 1e-9);
  EXPECT_NEAR(Value(alone, "absence.rate", "2021", "core"), 0, kEps);
}

}  // namespace
}  // namespace jbr
