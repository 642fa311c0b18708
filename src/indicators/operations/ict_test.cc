// Tests of the ICT derived figures (ict_derived.h) and the ICT theme (ict.*). Every expected value
// is worked out by hand in the comment next to it with the rules of ict-projects.md.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/parse.h"
#include "indicators/core/ict_derived.h"
#include "indicators/core/themes.h"
#include "indicators/testing/columns.h"

namespace jbr {
namespace {

using test::DateCol;
using test::NumCol;
using test::StrCol;

Days D(const char* text) { return *ParseDate(text); }

struct Activity {
  std::string id, status, start, reference;
};

struct Record {
  std::string id, date, action;
  std::optional<std::string> end;
  double cost;
  std::optional<double> spend;
  std::optional<std::string> reasons;
};

class IctTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto schemas = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    ASSERT_TRUE(schemas.ok()) << schemas.status().ToString();
    schemas_ = new SchemaRegistry(std::move(schemas).value());
  }
  static void TearDownTestSuite() {
    delete schemas_;
    schemas_ = nullptr;
  }

  static Table Activities(const std::vector<Activity>& rows) {
    std::vector<std::optional<std::string>> id, name, ministry, status, start, ref;
    for (const auto& a : rows) {
      id.push_back(a.id);
      name.push_back("Activity " + a.id);
      ministry.push_back("BZK");
      status.push_back(a.status);
      start.push_back(a.start);
      ref.push_back(a.reference);
    }
    return MakeTable(schemas_->Find("ict_activities"), {{"activity_id", StrCol(id)},
                                                        {"name", StrCol(name)},
                                                        {"ministry", StrCol(ministry)},
                                                        {"status", StrCol(status)},
                                                        {"start_date", DateCol(start)},
                                                        {"reference_date", DateCol(ref)}});
  }

  static Table Records(const std::vector<Record>& rows) {
    std::vector<std::optional<std::string>> id, date, action, end, reasons;
    std::vector<std::optional<double>> cost, spend;
    for (const auto& r : rows) {
      id.push_back(r.id);
      date.push_back(r.date);
      action.push_back(r.action);
      end.push_back(r.end);
      cost.push_back(r.cost);
      spend.push_back(r.spend);
      reasons.push_back(r.reasons);
    }
    return MakeTable(schemas_->Find("ict_records"), {{"activity_id", StrCol(id)},
                                                     {"date", DateCol(date)},
                                                     {"action", StrCol(action)},
                                                     {"end_date_estimate", DateCol(end)},
                                                     {"cost_estimate_eur", NumCol(cost)},
                                                     {"spend_to_date_eur", NumCol(spend)},
                                                     {"reasons", StrCol(reasons)}});
  }

  // The hand-worked example for reporting year 2020 (see the comments of each test).
  static Table ExampleActivities() {
    return Activities({
        {"A1", "in_progress", "2016-03-01", "2020-12-31"},    // no initial record
        {"A2", "in_progress", "2018-01-01", "2020-12-31"},    // two initial records
        {"A3", "reorientation", "2019-01-01", "2020-12-31"},  // end date unknown
        {"A4", "in_progress", "2015-01-01", "2019-12-31"},    // stale, not in the report
        {"A5", "completed", "2017-01-01", "2020-03-31"},      // in by its reference date only
        {"A6", "completed", "2016-01-01", "2020-02-01"},      // ended before 2020: not in
        {"A7", "not_started", "2021-01-01", "2020-12-31"},    // not started: not in
        {"A8", "cancelled", "2020-02-01", "2020-11-30"},      // end moved earlier
    });
  }
  static Table ExampleRecords() {
    return Records({
        {"A1", "2018-05-01", "report", "2019-12-31", 8e6, 1e6, std::nullopt},
        {"A1", "2019-06-01", "reassessment", "2020-12-31", 12e6, 4e6,
         "Implementatie in organisatie"},
        {"A1", "2020-06-01", "report", "2020-12-31", 12e6, 9e6, std::nullopt},
        {"A1", "2021-02-01", "report", "2021-06-30", 15e6, 11e6, std::nullopt},
        {"A2", "2018-01-15", "initial", "2019-12-31", 20e6, std::nullopt, std::nullopt},
        {"A2", "2017-12-01", "initial", "2019-06-30", 10e6, std::nullopt, std::nullopt},
        {"A2", "2020-03-01", "reassessment", "2021-12-31", 30e6, 12e6,
         "Prijsontwikkeling;Wetswijziging"},
        {"A3", "2019-02-01", "initial", std::nullopt, 5e6, std::nullopt, std::nullopt},
        {"A3", "2020-05-01", "report", std::nullopt, 0, 2e6, std::nullopt},
        {"A4", "2015-01-01", "initial", "2022-12-31", 50e6, std::nullopt, std::nullopt},
        {"A5", "2017-01-01", "initial", "2020-06-30", 100e6, 90e6, std::nullopt},
        {"A6", "2016-01-01", "initial", "2019-12-31", 7e6, std::nullopt, std::nullopt},
        {"A6", "2020-01-15", "report", "2019-12-31", 7e6, 7e6, std::nullopt},
        {"A7", "2020-10-01", "initial", "2023-12-31", 20e6, std::nullopt, std::nullopt},
        {"A8", "2020-02-01", "initial", "2022-12-31", 15e6, std::nullopt, std::nullopt},
        {"A8", "2020-09-01", "reassessment", "2021-06-30", 12e6, 3e6,
         "Tegenvallers binnen project"},
        {"ZZ", "2020-01-01", "initial", "2020-12-31", 1e9, std::nullopt, std::nullopt},  // orphan
    });
  }

  static std::vector<IctActivityFigures> Example() {
    return DeriveIctFigures(ExampleActivities(), ExampleRecords(), 2020);
  }

  static std::vector<Cell> Compute(const std::vector<const MinistryInputs*>& inputs) {
    ThemeContext ctx;
    auto cells = MakeIctTheme()->Compute(ctx, 2020, inputs);
    EXPECT_TRUE(cells.ok()) << cells.status().ToString();
    return cells.ok() ? *cells : std::vector<Cell>{};
  }

  static double Value(const std::vector<Cell>& cells, const std::string& indicator,
                      const std::string& category = "") {
    for (const auto& c : cells) {
      if (c.indicator == indicator && c.category == category) return c.numerator;
    }
    ADD_FAILURE() << "no cell " << indicator << " [" << category << "]";
    return -1;
  }

  static const Cell* Find(const std::vector<Cell>& cells, const std::string& indicator,
                          const std::string& category = "") {
    for (const auto& c : cells) {
      if (c.indicator == indicator && c.category == category) return &c;
    }
    return nullptr;
  }

  static SchemaRegistry* schemas_;
};

SchemaRegistry* IctTest::schemas_ = nullptr;

TEST(IctDurationTest, WholeYearsMonthsAndDays) {
  // 2016-03-01 -> 2019-12-31: 2016-03-01 + 3 years 9 months = 2019-12-01, + 30 days:
  // 3 + 9/12 + 30/365 = 3.75 + 0.0821918 = 3.8321918
  EXPECT_DOUBLE_EQ(DurationYears(D("2016-03-01"), D("2019-12-31")), 3 + 9 / 12.0 + 30 / 365.0);
  EXPECT_NEAR(DurationYears(D("2016-03-01"), D("2019-12-31")), 3.8321918, 1e-7);
  // The same date: 0.
  EXPECT_EQ(DurationYears(D("2020-05-05"), D("2020-05-05")), 0);
  // One full year across a leap day: 2019-12-31 -> 2020-12-31 = 1 year, 0 days.
  EXPECT_DOUBLE_EQ(DurationYears(D("2019-12-31"), D("2020-12-31")), 1.0);
  // 29 Feb + 1 year is 28 Feb of the next year (day clipped): 1 year exactly.
  EXPECT_DOUBLE_EQ(DurationYears(D("2020-02-29"), D("2021-02-28")), 1.0);
  // 31 Jan + 1 month is 28 Feb (clipped): 2019-01-31 -> 2019-02-28 = 1/12.
  EXPECT_DOUBLE_EQ(DurationYears(D("2019-01-31"), D("2019-02-28")), 1 / 12.0);
  // 2020-01-31 -> 2020-03-01: + 2 months = 31 Mar overshoots, + 1 month = 29 Feb, + 1 day:
  // 1/12 + 1/365.
  EXPECT_DOUBLE_EQ(DurationYears(D("2020-01-31"), D("2020-03-01")), 1 / 12.0 + 1 / 365.0);
  // Days only: 2020-01-01 -> 2020-01-31 = 30/365.
  EXPECT_DOUBLE_EQ(DurationYears(D("2020-01-01"), D("2020-01-31")), 30 / 365.0);
}

TEST(IctDurationTest, BackwardsIsNegative) {
  // 2019-03-20 -> 2019-01-15: - 2 months = 2019-01-20, then - 5 days: -2/12 - 5/365.
  EXPECT_DOUBLE_EQ(DurationYears(D("2019-03-20"), D("2019-01-15")), -2 / 12.0 - 5 / 365.0);
  // 2019-03-20 -> 2019-01-25: - 2 months = 2019-01-20 overshoots (25 > 20), - 1 month =
  // 2019-02-20, then 2019-01-25 - 2019-02-20 = -26 days: -1/12 - 26/365.
  EXPECT_DOUBLE_EQ(DurationYears(D("2019-03-20"), D("2019-01-25")), -1 / 12.0 - 26 / 365.0);
  // 2022-12-31 -> 2021-06-30: - 18 months = 2021-06-30 (31 clipped to 30): -1 year - 6 months
  // = -1.5.
  EXPECT_DOUBLE_EQ(DurationYears(D("2022-12-31"), D("2021-06-30")), -1.5);
}

TEST(IctClassTest, SlipClasses) {
  EXPECT_EQ(SlipClass(-0.01), "Eerder");
  EXPECT_EQ(SlipClass(0.0), "Ongewijzigd");
  EXPECT_EQ(SlipClass(1 / 365.0), "Later ≤1 jaar");
  EXPECT_EQ(SlipClass(1.0), "Later ≤1 jaar");  // up to and including 1 year
  EXPECT_EQ(SlipClass(1 + 1 / 365.0), "Later >1 jaar");
  EXPECT_EQ(SlipClass(std::nullopt), "Doorlooptijd onbekend");
}

TEST(IctClassTest, DurationChangeClasses) {
  EXPECT_EQ(DurationChangeClass(-0.2), "Eerder");
  EXPECT_EQ(DurationChangeClass(0.0), "Ongewijzigd");
  EXPECT_EQ(DurationChangeClass(0.49), "Later < 50%");
  EXPECT_EQ(DurationChangeClass(0.5), "Later 50-100%");  // 0.5 up to below 1
  EXPECT_EQ(DurationChangeClass(0.99), "Later 50-100%");
  EXPECT_EQ(DurationChangeClass(1.0), "Later >= 100%");
  EXPECT_EQ(DurationChangeClass(std::nullopt), "");
}

TEST(IctClassTest, CostClassesAreRightClosed) {
  EXPECT_EQ(CostClass(1), "0-10 mln.");
  EXPECT_EQ(CostClass(10e6), "0-10 mln.");  // exactly 10 mln: the lower bin
  EXPECT_EQ(CostClass(10e6 + 1), "10-20 mln.");
  EXPECT_EQ(CostClass(20e6), "10-20 mln.");
  EXPECT_EQ(CostClass(30e6), "20-30 mln.");
  EXPECT_EQ(CostClass(40e6), "30-40 mln.");
  EXPECT_EQ(CostClass(50e6), "40-50 mln.");
  EXPECT_EQ(CostClass(50e6 + 1), "50-100 mln.");
  EXPECT_EQ(CostClass(100e6), "50-100 mln.");
  EXPECT_EQ(CostClass(100e6 + 1), "100+ mln.");
  EXPECT_EQ(CostClass(0), "(Geen kosten bekend)");
  EXPECT_EQ(CostClass(std::nullopt), "(Geen kosten bekend)");
}

TEST(IctClassTest, ReasonsSplitOnSemicolonAndComma) {
  EXPECT_EQ(SplitReasons("Prijsontwikkeling;Wetswijziging"),
            (std::vector<std::string>{"Prijsontwikkeling", "Wetswijziging"}));
  EXPECT_EQ(SplitReasons(" Prijsontwikkeling , Wetswijziging;"),
            (std::vector<std::string>{"Prijsontwikkeling", "Wetswijziging"}));
  EXPECT_TRUE(SplitReasons("").empty());
}

TEST_F(IctTest, NoInitialRecordUsesTheOldest) {
  auto f = Example()[0];
  ASSERT_EQ(f.activity_id, "A1");
  // No 'initial': the oldest record (2018-05-01) is the initial estimate, with a finding.
  ASSERT_TRUE(f.initial.has_value());
  EXPECT_EQ(f.initial->date, D("2018-05-01"));
  EXPECT_EQ(f.initial->cost_eur, 8e6);
  ASSERT_EQ(f.findings.size(), 1u);
  EXPECT_NE(f.findings[0].find("no initial record"), std::string::npos);
  // Current: newest in or before 2020 (the 2021 report is later); previous: newest in or before
  // 2019 (the 2019 reassessment); latest: the 2021 report.
  EXPECT_EQ(f.current->date, D("2020-06-01"));
  EXPECT_EQ(f.previous->date, D("2019-06-01"));
  EXPECT_EQ(f.latest->date, D("2021-02-01"));
  // Initial duration 2016-03-01 -> 2019-12-31: 3 + 9/12 + 30/365; current -> 2020-12-31:
  // 4 + 9/12 + 30/365; change 1 / 3.8321918 = 0.2609473: "Later < 50%".
  EXPECT_DOUBLE_EQ(*f.initial_duration_years, 3 + 9 / 12.0 + 30 / 365.0);
  EXPECT_DOUBLE_EQ(*f.current_duration_years, 4 + 9 / 12.0 + 30 / 365.0);
  EXPECT_NEAR(*f.duration_change, 0.2609473, 1e-7);
  EXPECT_EQ(f.duration_class, "Later < 50%");
  // End 2019-12-31 -> 2020-12-31: exactly 1 year: "Later ≤1 jaar".
  EXPECT_DOUBLE_EQ(*f.end_slip_years, 1.0);
  EXPECT_EQ(f.slip_class, "Later ≤1 jaar");
  // 12 mln: "10-20 mln."; remaining 12 - 9 = 3 mln.
  EXPECT_EQ(f.cost_class, "10-20 mln.");
  EXPECT_EQ(*f.remaining_cost_eur, 3e6);
  EXPECT_TRUE(f.included);
  EXPECT_FALSE(f.stale);
  // The 2019 reassessment is not one of 2020.
  EXPECT_TRUE(f.reassessments.empty());
  EXPECT_EQ(f.record_count, 4u);
}

TEST_F(IctTest, TwoInitialRecordsUseTheFirstByDate) {
  auto f = Example()[1];
  ASSERT_EQ(f.activity_id, "A2");
  // Two 'initial': the first by date is 2017-12-01 (delivered second), with a finding.
  EXPECT_EQ(f.initial->date, D("2017-12-01"));
  EXPECT_EQ(f.initial->cost_eur, 10e6);
  ASSERT_EQ(f.findings.size(), 1u);
  EXPECT_NE(f.findings[0].find("2 initial records"), std::string::npos);
  EXPECT_EQ(f.previous->date, D("2018-01-15"));
  // Initial 2018-01-01 -> 2019-06-30: 17 months = 2019-06-01, + 29 days: 1 + 5/12 + 29/365 =
  // 1.4961187; current -> 2021-12-31: 47 months = 2021-12-01, + 30 days: 3 + 11/12 + 30/365 =
  // 3.9988584; change (3.9988584 - 1.4961187) / 1.4961187 = 2.5027397 / 1.4961187 = 1.6728216.
  EXPECT_DOUBLE_EQ(*f.initial_duration_years, 1 + 5 / 12.0 + 29 / 365.0);
  EXPECT_DOUBLE_EQ(*f.current_duration_years, 3 + 11 / 12.0 + 30 / 365.0);
  EXPECT_NEAR(*f.duration_change, 1.6728216, 1e-7);
  EXPECT_EQ(f.duration_class, "Later >= 100%");
  // End 2019-06-30 -> 2021-12-31: 30 months = 2021-12-30, + 1 day: 2 + 6/12 + 1/365.
  EXPECT_DOUBLE_EQ(*f.end_slip_years, 2 + 6 / 12.0 + 1 / 365.0);
  EXPECT_EQ(f.slip_class, "Later >1 jaar");
  EXPECT_EQ(f.cost_class, "20-30 mln.");  // exactly 30 mln: right-closed
  // One reassessment in 2020, two reasons joined by ';'.
  ASSERT_EQ(f.reassessments.size(), 1u);
  EXPECT_EQ(f.reassessments[0].reasons,
            (std::vector<std::string>{"Prijsontwikkeling", "Wetswijziging"}));
  EXPECT_TRUE(f.included);
}

TEST_F(IctTest, UnknownEndDate) {
  auto f = Example()[2];
  ASSERT_EQ(f.activity_id, "A3");
  EXPECT_FALSE(f.end_slip_years.has_value());
  EXPECT_EQ(f.slip_class, "Doorlooptijd onbekend");
  EXPECT_FALSE(f.duration_change.has_value());
  EXPECT_EQ(f.duration_class, "");
  // Current estimate 0: no cost known.
  EXPECT_EQ(f.cost_class, "(Geen kosten bekend)");
  // A record in 2020 and the end unknown: in the report.
  EXPECT_TRUE(f.included);
  EXPECT_TRUE(f.findings.empty());
}

TEST_F(IctTest, InclusionRule) {
  auto figs = Example();
  // A4: newest record 2015, reference date 2019: not in 2020's report, and stale.
  EXPECT_FALSE(figs[3].included);
  EXPECT_TRUE(figs[3].stale);
  EXPECT_EQ(figs[3].cost_class, "40-50 mln.");  // exactly 50 mln
  // A5: no record dated in or after 2020, but reference date 2020-03-31 and end 2020: in.
  EXPECT_TRUE(figs[4].included);
  EXPECT_TRUE(figs[4].stale);  // its only record is from 2017
  EXPECT_EQ(figs[4].slip_class, "Ongewijzigd");
  EXPECT_EQ(figs[4].duration_class, "Ongewijzigd");
  EXPECT_EQ(figs[4].cost_class, "50-100 mln.");  // exactly 100 mln
  // A6: a 2020 record, but the current end (2019-12-31) is before 2020: not in.
  EXPECT_FALSE(figs[5].included);
  // A7: not started: not in, whatever its records.
  EXPECT_FALSE(figs[6].included);
  // A8: end moved from 2022-12-31 to 2021-06-30: -18 months = -1.5 years: "Eerder"; in.
  EXPECT_DOUBLE_EQ(*figs[7].end_slip_years, -1.5);
  EXPECT_EQ(figs[7].slip_class, "Eerder");
  EXPECT_EQ(figs[7].duration_class, "Eerder");
  EXPECT_TRUE(figs[7].included);
}

TEST_F(IctTest, RecordsAfterTheYearAndNoRecords) {
  auto figs = DeriveIctFigures(
      Activities({{"B1", "in_progress", "2018-01-01", "2021-03-31"},
                  {"B2", "in_progress", "2018-01-01", "2019-12-31"},
                  {"B3", "in_progress", "2018-01-01", "2020-06-30"}}),
      Records({{"B1", "2021-01-10", "initial", "2023-12-31", 9e6, std::nullopt, std::nullopt}}),
      2020);
  // B1: its only record is from 2021: "in or after 2020", so in the report; but no record in or
  // before 2020: no current record, end unknown for 2020, no cost known.
  EXPECT_TRUE(figs[0].included);
  EXPECT_FALSE(figs[0].current.has_value());
  EXPECT_EQ(figs[0].cost_class, "(Geen kosten bekend)");
  EXPECT_EQ(figs[0].slip_class, "Doorlooptijd onbekend");
  EXPECT_FALSE(figs[0].stale);
  ASSERT_EQ(figs[0].findings.size(), 1u);
  EXPECT_NE(figs[0].findings[0].find("no record dated in or before 2020"), std::string::npos);
  // B2: no records, reference date 2019: not in, stale.
  EXPECT_FALSE(figs[1].included);
  EXPECT_TRUE(figs[1].stale);
  EXPECT_EQ(figs[1].findings, std::vector<std::string>{"no cost and schedule records"});
  // B3: no records but reference date in 2020 and end unknown: in (the rule as written), stale.
  EXPECT_TRUE(figs[2].included);
  EXPECT_TRUE(figs[2].stale);
}

TEST_F(IctTest, InclusionDecisionsOverrideTheRule) {
  // A4 is stale and out by the rule, A1 in: decisions put A4 in and leave A1 out.
  MinistryInputs in;
  in.ministry = "BZK";
  in.tables["ict_activities"] = ExampleActivities();
  in.tables["ict_records"] = ExampleRecords();
  Column include;
  include.type = FieldType::kBoolean;
  include.null = {0, 0};
  include.ints = {1, 0};
  in.tables["ict_inclusion"] = MakeTable(schemas_->Find("ict_inclusion"),
                                         {{"activity_id", StrCol({"A4", "A1"})},
                                          {"include", include},
                                          {"reason", StrCol({"still running", "merged into A2"})},
                                          {"decided_by", StrCol({"CIO Rijk", "CIO Rijk"})},
                                          {"decided_on", DateCol({"2021-02-01", "2021-02-01"})}});
  auto cells = Compute({&in});
  // In the report: A2, A3, A4, A5, A8 (was A1, A2, A3, A5, A8: see KeyFigures).
  EXPECT_EQ(Value(cells, "ict.activities"), 5);
  EXPECT_EQ(Value(cells, "ict.activities", "in_progress"), 2);  // A2 and A4
  // Initial: 10 + 5 + 50 + 100 + 15 = 180 mln (A4's single initial record: 50 mln).
  EXPECT_EQ(Value(cells, "ict.cost_initial"), 180e6);
  // Current: 30 + 0 + 50 + 100 + 12 = 192 mln.
  EXPECT_EQ(Value(cells, "ict.cost_current"), 192e6);
}

TEST_F(IctTest, KeyFigures) {
  MinistryInputs in;
  in.ministry = "BZK";
  in.tables["ict_activities"] = ExampleActivities();
  in.tables["ict_records"] = ExampleRecords();
  auto cells = Compute({&in});
  // In the report: A1, A2, A3, A5, A8.
  // By status: in_progress A1, A2 = 2; reorientation A3 = 1; completed A5 = 1; cancelled A8 = 1.
  EXPECT_EQ(Value(cells, "ict.activities", "in_progress"), 2);
  EXPECT_EQ(Value(cells, "ict.activities", "reorientation"), 1);
  EXPECT_EQ(Value(cells, "ict.activities", "completed"), 1);
  EXPECT_EQ(Value(cells, "ict.activities", "cancelled"), 1);
  EXPECT_EQ(Value(cells, "ict.activities"), 5);
  EXPECT_EQ(Find(cells, "ict.activities", "not_started"), nullptr);
  // Initial: 8 + 10 + 5 + 100 + 15 = 138 mln; current: 12 + 30 + 0 + 100 + 12 = 154 mln;
  // spend: 9 + 12 + 2 + 90 + 3 = 116 mln.
  EXPECT_EQ(Value(cells, "ict.cost_initial"), 138e6);
  EXPECT_EQ(Value(cells, "ict.cost_current"), 154e6);
  EXPECT_EQ(Value(cells, "ict.cost_actual"), 116e6);
  // Change: (154 - 138) / 138 x 100 = 11.594%.
  const Cell* change = Find(cells, "ict.cost_change");
  ASSERT_NE(change, nullptr);
  EXPECT_EQ(change->numerator, 16e6);
  EXPECT_EQ(change->denominator, 138e6);
  EXPECT_NEAR(change->numerator / change->denominator * 100, 11.594203, 1e-6);
  // Cost classes: A1 12 and A8 12 mln "10-20"; A2 30 "20-30"; A5 100 "50-100"; A3 none.
  EXPECT_EQ(Value(cells, "ict.by_cost_class", "0-10 mln."), 0);
  EXPECT_EQ(Value(cells, "ict.by_cost_class", "10-20 mln."), 2);
  EXPECT_EQ(Value(cells, "ict.by_cost_class", "20-30 mln."), 1);
  EXPECT_EQ(Value(cells, "ict.by_cost_class", "50-100 mln."), 1);
  EXPECT_EQ(Value(cells, "ict.by_cost_class", "100+ mln."), 0);
  EXPECT_EQ(Value(cells, "ict.by_cost_class", "(Geen kosten bekend)"), 1);
  EXPECT_EQ(Value(cells, "ict.by_cost_class"), 5);
  // Slip: A8 Eerder, A5 Ongewijzigd, A1 ≤1, A2 >1; A3 unknown is left out, of the total too.
  EXPECT_EQ(Value(cells, "ict.by_slip_class", "Eerder"), 1);
  EXPECT_EQ(Value(cells, "ict.by_slip_class", "Ongewijzigd"), 1);
  EXPECT_EQ(Value(cells, "ict.by_slip_class", "Later ≤1 jaar"), 1);
  EXPECT_EQ(Value(cells, "ict.by_slip_class", "Later >1 jaar"), 1);
  EXPECT_EQ(Find(cells, "ict.by_slip_class", "Doorlooptijd onbekend"), nullptr);
  EXPECT_EQ(Value(cells, "ict.by_slip_class"), 4);
  // Duration change: A8 Eerder, A5 Ongewijzigd, A1 < 50%, A2 >= 100%; A3 unknown left out.
  EXPECT_EQ(Value(cells, "ict.by_duration_class", "Eerder"), 1);
  EXPECT_EQ(Value(cells, "ict.by_duration_class", "Ongewijzigd"), 1);
  EXPECT_EQ(Value(cells, "ict.by_duration_class", "Later < 50%"), 1);
  EXPECT_EQ(Value(cells, "ict.by_duration_class", "Later 50-100%"), 0);
  EXPECT_EQ(Value(cells, "ict.by_duration_class", "Later >= 100%"), 1);
  EXPECT_EQ(Value(cells, "ict.by_duration_class"), 4);
  // Reassessments dated 2020: A2 (2020-03-01), A8 (2020-09-01); A1's is from 2019.
  EXPECT_EQ(Value(cells, "ict.reassessments"), 2);
  EXPECT_EQ(Value(cells, "ict.reassessment_reasons", "Prijsontwikkeling"), 1);
  EXPECT_EQ(Value(cells, "ict.reassessment_reasons", "Wetswijziging"), 1);
  EXPECT_EQ(Value(cells, "ict.reassessment_reasons", "Tegenvallers binnen project"), 1);
  EXPECT_EQ(Value(cells, "ict.reassessment_reasons", "Implementatie in organisatie"), 0);
  EXPECT_EQ(Value(cells, "ict.reassessment_reasons"), 3);
  // Started in 2020: A8 (A7 is not started). Completed with reference date in 2020: A5, A6.
  // Cancelled: A8.
  EXPECT_EQ(Value(cells, "ict.started"), 1);
  EXPECT_EQ(Value(cells, "ict.completed"), 2);
  EXPECT_EQ(Value(cells, "ict.cancelled"), 1);
  // Mean current duration of A1, A2, A5, A8 (A3's end unknown):
  // A1 4 + 9/12 + 30/365; A2 3 + 11/12 + 30/365; A5 2017-01-01 -> 2020-06-30: 41 months =
  // 2020-06-01 + 29 days: 3 + 5/12 + 29/365; A8 2020-02-01 -> 2021-06-30: 16 months + 29 days:
  // 1 + 4/12 + 29/365. Sum 11 + 29/12 + 118/365 = 13.7399543 over 4 = 3.4349886 years.
  const Cell* mean = Find(cells, "ict.duration_mean");
  ASSERT_NE(mean, nullptr);
  EXPECT_NEAR(mean->numerator, 11 + 29 / 12.0 + 118 / 365.0, 1e-9);
  EXPECT_EQ(mean->denominator, 4);
  EXPECT_NEAR(mean->numerator / mean->denominator, 3.4349886, 1e-7);
  // Stale and still open: A4 (A5 is stale but completed).
  EXPECT_EQ(Value(cells, "ict.stale"), 1);
  for (const auto& c : cells) {
    EXPECT_EQ(c.persons, -1);
    EXPECT_EQ(c.period, "2020");
    EXPECT_EQ(c.unit_type, "");
  }
}

TEST_F(IctTest, PoolingAddsTheMinistriesParts) {
  MinistryInputs a, b, c;
  a.ministry = "BZK";
  a.tables["ict_activities"] = ExampleActivities();
  a.tables["ict_records"] = ExampleRecords();
  // FIN: the same id "A1" is another activity (ids are unique per ministry only).
  b.ministry = "FIN";
  b.tables["ict_activities"] = Activities({{"A1", "in_progress", "2019-01-01", "2020-12-31"}});
  b.tables["ict_records"] =
      Records({{"A1", "2019-01-01", "initial", "2022-12-31", 40e6, 5e6, std::nullopt}});
  c.ministry = "EZK";  // no ICT delivery: skipped
  auto cells = Compute({&a, &b, &c});
  // 138 + 40 = 178 mln initial; 154 + 40 = 194 current; change 16 / 178.
  EXPECT_EQ(Value(cells, "ict.cost_initial"), 178e6);
  EXPECT_EQ(Value(cells, "ict.cost_current"), 194e6);
  EXPECT_EQ(Find(cells, "ict.cost_change")->denominator, 178e6);
  EXPECT_EQ(Value(cells, "ict.activities", "in_progress"), 3);
  // FIN's 40 mln exactly is "30-40 mln." (right-closed); BZK's A4 (50 mln) is not in the report.
  EXPECT_EQ(Value(cells, "ict.by_cost_class", "30-40 mln."), 1);
  EXPECT_EQ(Value(cells, "ict.by_cost_class", "40-50 mln."), 0);
  // FIN's only record is from 2019 but its reference date is 2020: in, and stale: 1 + 1 = 2.
  EXPECT_EQ(Value(cells, "ict.stale"), 2);
}

TEST_F(IctTest, NoDeliveryNoCells) {
  MinistryInputs in;
  in.tables["ict_activities"] = ExampleActivities();  // records missing
  EXPECT_TRUE(Compute({&in}).empty());
  EXPECT_TRUE(Compute({}).empty());
}

TEST_F(IctTest, DefinitionsAndOrder) {
  auto defs = MakeIctTheme()->Indicators();
  std::set<std::string> ids;
  for (const auto& d : defs) {
    EXPECT_TRUE(ids.insert(d.id).second) << d.id;
    EXPECT_EQ(d.disclosure, Disclosure::kNone) << d.id;
    if (d.id == "ict.acict_advice") {
      // It needs the quality reviews too: without them a ministry is missing, not zero.
      EXPECT_EQ(d.datasets,
                (std::vector<std::string>{"ict_activities", "ict_records", "ict_reviews"}));
      EXPECT_EQ(d.optional_datasets, (std::vector<std::string>{"ict_inclusion", "ict_papers"}));
    } else {
      EXPECT_EQ(d.datasets, (std::vector<std::string>{"ict_activities", "ict_records"}));
    }
  }
  EXPECT_EQ(ids.size(), 16u);
  EXPECT_EQ(ids.count("ict.acict_advice"), 1u);
  MinistryInputs in;
  in.tables["ict_activities"] = ExampleActivities();
  in.tables["ict_records"] = ExampleRecords();
  auto cells = Compute({&in});
  for (size_t i = 1; i < cells.size(); ++i) {
    EXPECT_LT(std::tie(cells[i - 1].indicator, cells[i - 1].category),
              std::tie(cells[i].indicator, cells[i].category));
  }
  for (const auto& c : cells) EXPECT_EQ(ids.count(c.indicator), 1u) << c.indicator;
}

}  // namespace
}  // namespace jbr
