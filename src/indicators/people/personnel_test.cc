// Personnel theme: every expected value is worked out by hand in the comment next to it.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/parse.h"
#include "indicators/core/themes.h"
#include "indicators/testing/columns.h"

namespace jbr {
namespace {

using test::IntCol;
using test::StrCol;

// One row of a personnel delivery; dates as YYYY-MM-DD, end "" = ongoing.
struct Emp {
  std::string person;
  std::string id;
  std::string start;
  std::string end = "";
  double hours = 36;
  std::string unit = "core";
  int64_t birth = 1980;
  std::string gender = "male";
  int64_t scale = 10;
  std::string contract = "permanent";
};

const SchemaRegistry& Schemas() {
  static const SchemaRegistry reg =
      SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas").value();
  return reg;
}

const ReferenceData& Reference() {
  static const ReferenceData ref =
      ReferenceData::Load(std::string(JBR_SOURCE_DIR) + "/data/reference").value();
  return ref;
}

std::optional<int64_t> DateOrNull(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return *ParseDate(text);
}

MinistryInputs Inputs(const std::string& ministry, int year, const std::vector<Emp>& rows) {
  std::vector<std::string> person, id, unit, gender, contract;
  std::vector<std::optional<int64_t>> start, end, birth, scale, ja;
  Column hours;
  hours.type = FieldType::kNumber;
  for (const Emp& e : rows) {
    person.push_back(e.person);
    id.push_back(e.id);
    unit.push_back(e.unit);
    gender.push_back(e.gender);
    contract.push_back(e.contract);
    start.push_back(DateOrNull(e.start));
    end.push_back(DateOrNull(e.end));
    birth.push_back(e.birth);
    scale.push_back(e.scale);
    ja.push_back(0);
    hours.null.push_back(0);
    hours.numbers.push_back(e.hours);
  }
  MinistryInputs in;
  in.ministry = ministry;
  in.year = year;
  in.tables.emplace("personnel", MakeTable(Schemas().Find("personnel"),
                                           {{"person_id", StrCol(person)},
                                            {"employment_id", StrCol(id)},
                                            {"organisation_unit", StrCol(unit)},
                                            {"unit_type", StrCol(unit)},
                                            {"start_date", IntCol(start, FieldType::kDate)},
                                            {"end_date", IntCol(end, FieldType::kDate)},
                                            {"weekly_hours", hours},
                                            {"birth_year", IntCol(birth, FieldType::kInteger)},
                                            {"gender", StrCol(gender)},
                                            {"salary_scale", IntCol(scale, FieldType::kInteger)},
                                            {"contract", StrCol(contract)},
                                            {"jobs_agreement", IntCol(ja, FieldType::kBoolean)}}));
  return in;
}

std::vector<Cell> Pool(int year, const std::vector<const MinistryInputs*>& inputs) {
  ThemeContext ctx;
  ctx.reference = &Reference();
  auto cells = MakePersonnelTheme()->Compute(ctx, year, inputs);
  EXPECT_TRUE(cells.ok()) << cells.status().ToString();
  return cells.ok() ? *cells : std::vector<Cell>{};
}

std::vector<Cell> Compute(int year, const std::vector<Emp>& rows) {
  MinistryInputs in = Inputs("FIN", year, rows);
  return Pool(year, {&in});
}

const Cell* Find(const std::vector<Cell>& cells, const std::string& indicator,
                 const std::string& unit_type = "", const std::string& category = "") {
  for (const Cell& c : cells) {
    if (c.indicator == indicator && c.unit_type == unit_type && c.category == category) return &c;
  }
  return nullptr;
}

// numerator / denominator of a cell, failing the test when the cell is absent.
double Value(const std::vector<Cell>& cells, const std::string& indicator,
             const std::string& unit_type = "", const std::string& category = "") {
  const Cell* c = Find(cells, indicator, unit_type, category);
  EXPECT_NE(c, nullptr) << indicator << " [" << unit_type << "] " << category;
  return c == nullptr ? -1 : c->numerator / c->denominator;
}

int64_t Persons(const std::vector<Cell>& cells, const std::string& indicator,
                const std::string& unit_type = "", const std::string& category = "") {
  const Cell* c = Find(cells, indicator, unit_type, category);
  EXPECT_NE(c, nullptr) << indicator << " [" << unit_type << "] " << category;
  return c == nullptr ? -2 : c->persons;
}

TEST(PersonnelTheme, StockOnThirtyFirstDecemberWithEndDateInclusive) {
  const auto cells = Compute(
      2019,
      {{.person = "p1", .id = "e1", .start = "2015-03-01"},
       {.person = "p2", .id = "e2", .start = "2019-12-31", .hours = 18},          // starts 31 Dec
       {.person = "p3", .id = "e3", .start = "2010-01-01", .end = "2019-12-31"},  // ends 31 Dec
       {.person = "p4", .id = "e4", .start = "2010-01-01", .end = "2019-12-30"},  // gone
       {.person = "p5", .id = "e5", .start = "2020-01-01"},  // next year: not in force
       {.person = "p6", .id = "e6a", .start = "2018-01-01", .hours = 18},  // two at once
       {.person = "p6", .id = "e6b", .start = "2019-06-01", .hours = 18}});
  // In force on 31 Dec 2019: p1, p2 (start = 31 Dec), p3 (end = 31 Dec, inclusive), p6 once.
  EXPECT_EQ(Value(cells, "personnel.headcount"), 4);
  EXPECT_EQ(Persons(cells, "personnel.headcount"), 4);
  // fte = 36/36 (p1) + 18/36 (p2) + 36/36 (p3) + (18 + 18)/36 (p6) = 1 + 0.5 + 1 + 1 = 3.5.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.fte"), 3.5);
  EXPECT_EQ(Persons(cells, "personnel.fte"), 4);
  // Part time: p2 (18 < 36); p6 works 18 + 18 = 36 hours in total, so not: 1 / 4 = 25%.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.parttime_share") * 100, 25);
  EXPECT_EQ(Persons(cells, "personnel.parttime_share"), 4);
}

TEST(PersonnelTheme, StockAtStartOfYearIsNotTheStockAtTheEnd) {
  // An employment ending on 1 Jan 2020 is in the 2020 data but not in force on 31 Dec 2020.
  const auto cells =
      Compute(2020, {{.person = "p1", .id = "e1", .start = "2019-05-01", .end = "2020-01-01"}});
  EXPECT_EQ(Value(cells, "personnel.headcount"), 0);
  EXPECT_EQ(Value(cells, "personnel.fte"), 0);
  // One day of 366 at 36 hours: 1/366 fte.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.fte_mean"), 1.0 / 366);
  // No one in the stock: no shares or means (no 0/0 cells), but the age bands are 0.
  EXPECT_EQ(Find(cells, "personnel.women_share"), nullptr);
  EXPECT_EQ(Find(cells, "personnel.age_mean"), nullptr);
  EXPECT_EQ(Value(cells, "personnel.age_band", "", "60+"), 0);
}

TEST(PersonnelTheme, FteMeanInLeapYearCountsExactDays) {
  const auto cells =
      Compute(2020, {// 1 Jan - 1 Jul 2020: 31+29+31+30+31+30 + 1 = 183 days; 183/366 x 36/36 = 0.5.
                     {.person = "p1", .id = "e1", .start = "2020-01-01", .end = "2020-07-01"},
                     // In force on 1 Jan 2020 only: 1/366.
                     {.person = "p2", .id = "e2", .start = "2019-05-01", .end = "2020-01-01"},
                     // All year at 18 hours: 366/366 x 0.5 = 0.5.
                     {.person = "p3", .id = "e3", .start = "2018-06-01", .hours = 18}});
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.fte_mean"), 0.5 + 1.0 / 366 + 0.5);
  EXPECT_EQ(Persons(cells, "personnel.fte_mean"), 3);
  // Half a leap year at 36 hours is exactly 0.5.
  const auto half =
      Compute(2020, {{.person = "p1", .id = "e1", .start = "2020-01-01", .end = "2020-07-01"}});
  EXPECT_DOUBLE_EQ(Value(half, "personnel.fte_mean"), 0.5);
}

TEST(PersonnelTheme, FteMeanInCommonYearCountsExactDays) {
  const auto cells =
      Compute(2019, {// 1 Jan - 1 Jul 2019: 31+28+31+30+31+30 + 1 = 182 days: 182/365 (not 0.5).
                     {.person = "p1", .id = "e1", .start = "2019-01-01", .end = "2019-07-01"},
                     // 2 Jul - 31 Dec 2019: 365 - 182 = 183 days: 183/365.
                     {.person = "p2", .id = "e2", .start = "2019-07-02", .unit = "agency"}});
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.fte_mean", "core"), 182.0 / 365);
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.fte_mean", "agency"), 183.0 / 365);
  // Together (182 + 183)/365 = 1.0.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.fte_mean"), 1.0);
}

TEST(PersonnelTheme, InflowAndOutflowCountPersonsWithAStartOrAnEnd) {
  const auto cells = Compute(
      2020,
      {// p1 leaves 31 Mar and returns 1 Jul: one outflow, one inflow.
       {.person = "p1", .id = "e1a", .start = "2018-01-01", .end = "2020-03-31"},
       {.person = "p1", .id = "e1b", .start = "2020-07-01"},
       // p2 moves from core to agency without a day off: no event of the ministry.
       {.person = "p2", .id = "e2a", .start = "2019-01-01", .end = "2020-04-30"},
       {.person = "p2", .id = "e2b", .start = "2020-05-01", .unit = "agency"},
       // p3 takes a second employment while the first runs: no event.
       {.person = "p3", .id = "e3a", .start = "2019-01-01", .hours = 18},
       {.person = "p3", .id = "e3b", .start = "2020-02-01", .end = "2020-08-31", .hours = 18},
       // p4 from 1 Jan to 31 Dec: one inflow (1 Jan), one outflow (31 Dec), in the stock.
       {.person = "p4", .id = "e4", .start = "2020-01-01", .end = "2020-12-31"},
       // p5 two short spells: two starts and two ends, one person in each.
       {.person = "p5", .id = "e5a", .start = "2020-03-01", .end = "2020-03-31"},
       {.person = "p5", .id = "e5b", .start = "2020-06-01", .end = "2020-06-30"},
       // p7 leaves on 1 Jan: one outflow.
       {.person = "p7", .id = "e7", .start = "2019-06-01", .end = "2020-01-01"},
       // p8 starts on 31 Dec: one inflow.
       {.person = "p8", .id = "e8", .start = "2020-12-31"},
       // p9 two overlapping employments form one spell 1 Feb - 30 Sep: one in, one out.
       {.person = "p9", .id = "e9a", .start = "2020-02-01", .end = "2020-05-31"},
       {.person = "p9", .id = "e9b", .start = "2020-04-01", .end = "2020-09-30"},
       // p10 misses one day (1 Jul): one outflow (30 Jun), one inflow (2 Jul).
       {.person = "p10", .id = "e10a", .start = "2019-01-01", .end = "2020-06-30"},
       {.person = "p10", .id = "e10b", .start = "2020-07-02"}});
  // Inflow (domain.md: persons, not events): p1, p4, p5, p8, p9, p10 = 6 persons (7 starts).
  EXPECT_EQ(Value(cells, "personnel.inflow"), 6);
  EXPECT_EQ(Persons(cells, "personnel.inflow"), 6);
  // Outflow: p1, p4, p5, p7, p9, p10 = 6 persons (7 ends).
  EXPECT_EQ(Value(cells, "personnel.outflow"), 6);
  EXPECT_EQ(Persons(cells, "personnel.outflow"), 6);
  // Core: the same inflow (p2's agency start is not core) = 6 persons; outflow adds p2's core end
  // on 30 Apr: 7 persons.
  EXPECT_EQ(Value(cells, "personnel.inflow", "core"), 6);
  EXPECT_EQ(Value(cells, "personnel.outflow", "core"), 7);
  EXPECT_EQ(Persons(cells, "personnel.outflow", "core"), 7);
  // Agency: p2 comes in on 1 May, nobody leaves.
  EXPECT_EQ(Value(cells, "personnel.inflow", "agency"), 1);
  EXPECT_EQ(Value(cells, "personnel.outflow", "agency"), 0);
  // Stock on 31 Dec: p1, p2, p3, p4, p8, p10 = 6; core p1, p3, p4, p8, p10 = 5; agency p2 = 1.
  EXPECT_EQ(Value(cells, "personnel.headcount"), 6);
  EXPECT_EQ(Value(cells, "personnel.headcount", "core"), 5);
  EXPECT_EQ(Value(cells, "personnel.headcount", "agency"), 1);
}

// The year before's delivery is read for the persons of this year's, by person id, and an
// employment there in a unit type this year's delivery has none of counts for the total only.
TEST(PersonnelTheme, TheYearBeforeIsReadPersonByPerson) {
  MinistryInputs before = Inputs(
      "FIN", 2020,
      {{.person = "p0", .id = "x0", .start = "2015-01-01"},  // gone: not in 2021's delivery
       {.person = "pA", .id = "xA", .start = "2015-01-01", .end = "2020-12-31", .unit = "agency"},
       {.person = "pB", .id = "xB", .start = "2015-01-01", .end = "2020-12-31"},
       {.person = "pB", .id = "xB2", .start = "2015-01-01", .end = "2020-06-30"},  // not on eve
       {.person = "pZ", .id = "xZ", .start = "2015-01-01"}});
  MinistryInputs now = Inputs("FIN", 2021,
                              {{.person = "pA", .id = "eA", .start = "2021-01-01"},
                               {.person = "pB", .id = "eB", .start = "2021-01-01"},
                               {.person = "pC", .id = "eC", .start = "2021-01-01"}});
  now.year_before = &before;
  const auto cells = Pool(2021, {&now});
  // pA moved from agency to core over the turn: no inflow of the ministry, an inflow of core.
  // pB continued in core. pC is new. So the ministry took in pC, core pA and pC.
  EXPECT_EQ(Value(cells, "personnel.inflow"), 1);
  EXPECT_EQ(Value(cells, "personnel.inflow", "core"), 2);
  EXPECT_EQ(Find(cells, "personnel.inflow", "agency"), nullptr);  // no agency this year
  EXPECT_EQ(Value(cells, "personnel.headcount"), 3);
  // Without the year before, every start on 1 January is an inflow.
  now.year_before = nullptr;
  EXPECT_EQ(Value(Pool(2021, {&now}), "personnel.inflow"), 3);
}

// Six persons in the stock on 31 Dec 2020 (ages are 2020 minus the birth year), one gone.
std::vector<Emp> Composition() {
  return {
      {.person = "p1",
       .id = "e1",
       .start = "2010-01-01",
       .birth = 1996,
       .gender = "female",
       .scale = 8,
       .contract = "temporary"},  // 24
      {.person = "p2",
       .id = "e2",
       .start = "2010-01-01",
       .hours = 32,
       .birth = 1995,
       .scale = 11},  // 25, part time
      {.person = "p3",
       .id = "e3",
       .start = "2010-01-01",
       .birth = 1960,
       .gender = "female",
       .scale = 15},  // 60
      // p4: 20 hours core (scale 16, permanent) wins over 16 hours agency (scale 10, temporary).
      {.person = "p4",
       .id = "e4a",
       .start = "2010-01-01",
       .hours = 20,
       .birth = 1970,
       .gender = "female",
       .scale = 16},  // 50
      {.person = "p4",
       .id = "e4b",
       .start = "2010-01-01",
       .hours = 16,
       .unit = "agency",
       .birth = 1970,
       .gender = "female",
       .scale = 10,
       .contract = "temporary"},
      // p5: 18 + 18 hours; equal hours, so the lowest employment_id (e5a: scale 12, permanent).
      {.person = "p5",
       .id = "e5b",
       .start = "2010-01-01",
       .hours = 18,
       .birth = 1985,
       .scale = 14,
       .contract = "temporary"},  // 35
      {.person = "p5", .id = "e5a", .start = "2010-01-01", .hours = 18, .birth = 1985, .scale = 12},
      {.person = "p6",
       .id = "e6",
       .start = "2010-01-01",
       .unit = "inspectorate",
       .birth = 1961,
       .scale = 15},  // 59
      {.person = "p7",
       .id = "e7",
       .start = "2019-01-01",
       .end = "2020-06-30",
       .birth = 1990,
       .gender = "female",
       .scale = 15},  // left: in no share
  };
}

TEST(PersonnelTheme, CompositionOfTheStock) {
  const auto cells = Compute(2020, Composition());
  EXPECT_EQ(Value(cells, "personnel.headcount"), 6);
  // fte = 1 + 32/36 + 1 + (20 + 16)/36 + (18 + 18)/36 + 1 = 5 + 32/36.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.fte"), 5 + 32.0 / 36);
  // Ages 24 + 25 + 60 + 50 + 35 + 59 = 253 over 6 persons.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.age_mean"), 253.0 / 6);
  EXPECT_EQ(Persons(cells, "personnel.age_mean"), 6);
  // One person in each band: 24 <25, 25 25-34, 35 35-44, 50 45-54, 59 55-59, 60 60+.
  for (const char* band : {"<25", "25-34", "35-44", "45-54", "55-59", "60+"}) {
    EXPECT_EQ(Value(cells, "personnel.age_band", "", band), 1) << band;
  }
  // Women p1, p3, p4: 3 of 6 = 50%.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.women_share") * 100, 50);
  // Scale 15+: p3 (15), p4 (16 from her 20-hour employment), p6 (15); women p3, p4: 2/3.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.women_share_senior"), 2.0 / 3);
  EXPECT_EQ(Persons(cells, "personnel.women_share_senior"), 3);
  // Bands: 1-6 none; 7-9 p1; 10-12 p2 (11), p5 (12); 13-14 none; 15+ p3, p4, p6.
  EXPECT_EQ(Value(cells, "personnel.scale_band", "", "1-6"), 0);
  EXPECT_EQ(Value(cells, "personnel.scale_band", "", "7-9"), 1);
  EXPECT_EQ(Value(cells, "personnel.scale_band", "", "10-12"), 2);
  EXPECT_EQ(Value(cells, "personnel.scale_band", "", "13-14"), 0);
  EXPECT_EQ(Value(cells, "personnel.scale_band", "", "15+"), 3);
  // Temporary: p1 only (p4 and p5 take their permanent dominant employment): 1/6.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.temporary_share"), 1.0 / 6);
  // Part time: p2 (32); p4 20 + 16 = 36 and p5 18 + 18 = 36 are full time: 1/6.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.parttime_share"), 1.0 / 6);
}

TEST(PersonnelTheme, CompositionPerUnitTypeCountsAPersonInEachUnitType) {
  const auto cells = Compute(2020, Composition());
  // Core: p1, p2, p3, p4 (e4a), p5 = 5; agency: p4 (e4b) = 1; inspectorate: p6 = 1.
  // 5 + 1 + 1 = 7 > the total of 6: p4 counts in two unit types, once in the total.
  EXPECT_EQ(Value(cells, "personnel.headcount", "core"), 5);
  EXPECT_EQ(Value(cells, "personnel.headcount", "agency"), 1);
  EXPECT_EQ(Value(cells, "personnel.headcount", "inspectorate"), 1);
  // Core fte = 1 + 32/36 + 1 + 20/36 + 36/36 = 3 + 52/36; agency 16/36.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.fte", "core"), 3 + 52.0 / 36);
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.fte", "agency"), 16.0 / 36);
  // Core ages 24 + 25 + 60 + 50 + 35 = 194 over 5.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.age_mean", "core"), 194.0 / 5);
  // Core women p1, p3, p4: 3/5; seniors p3, p4, both women: 2/2.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.women_share", "core"), 3.0 / 5);
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.women_share_senior", "core"), 1.0);
  // Core part time: p2 only; p4 works 20 hours in core but 36 at the ministry: 1/5.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.parttime_share", "core"), 1.0 / 5);
  // Agency: p4 described by her agency employment: scale 10 (10-12), temporary.
  EXPECT_EQ(Value(cells, "personnel.scale_band", "agency", "10-12"), 1);
  EXPECT_EQ(Value(cells, "personnel.scale_band", "agency", "15+"), 0);
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.temporary_share", "agency"), 1.0);
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.parttime_share", "agency"), 0.0);
  // No senior in the agency: no women_share_senior there (no 0/0 cell).
  EXPECT_EQ(Find(cells, "personnel.women_share_senior", "agency"), nullptr);
  // Inspectorate: p6, a man in scale 15: 0/1 women among seniors.
  EXPECT_DOUBLE_EQ(Value(cells, "personnel.women_share_senior", "inspectorate"), 0.0);
  EXPECT_EQ(Persons(cells, "personnel.women_share_senior", "inspectorate"), 1);
}

TEST(PersonnelTheme, TwoMinistriesPoolAsSumsOfParts) {
  // The same pseudonym p1 at FIN and AZ is two persons.
  MinistryInputs fin =
      Inputs("FIN", 2020,
             {{.person = "p1", .id = "f1", .start = "2015-01-01", .gender = "female", .scale = 15},
              {.person = "p2", .id = "f2", .start = "2015-01-01", .hours = 18}});
  MinistryInputs az = Inputs(
      "AZ", 2020, {{.person = "p1", .id = "a1", .start = "2015-01-01", .hours = 18, .scale = 15}});
  const auto f = Pool(2020, {&fin});
  const auto a = Pool(2020, {&az});
  const auto rijk = Pool(2020, {&fin, &az});
  // Headcount 2 + 1 = 3; fte (1 + 0.5) + 0.5 = 2.0.
  EXPECT_EQ(Value(rijk, "personnel.headcount"), 3);
  EXPECT_DOUBLE_EQ(Value(rijk, "personnel.fte"), 2.0);
  // Women (1 + 0) / (2 + 1) = 1/3, not the mean of 50% and 0%.
  EXPECT_DOUBLE_EQ(Value(rijk, "personnel.women_share"), 1.0 / 3);
  // Seniors: FIN p1 (woman), AZ p1 (man): 1/2.
  EXPECT_DOUBLE_EQ(Value(rijk, "personnel.women_share_senior"), 0.5);
  // Every pooled cell is the sum of the ministries' cells: numerators and persons always,
  // denominators for the shares and means (counts keep denominator 1).
  std::set<std::string> ratios;
  for (const auto& d : MakePersonnelTheme()->Indicators()) {
    if (d.disclosure == Disclosure::kPersonStatistic) ratios.insert(d.id);
  }
  for (const Cell& c : rijk) {
    double num = 0, den = 0;
    int64_t persons = 0;
    for (const auto* part : {&f, &a}) {
      const Cell* p = Find(*part, c.indicator, c.unit_type, c.category);
      if (p == nullptr) continue;
      num += p->numerator;
      den += p->denominator;
      persons += p->persons;
    }
    EXPECT_DOUBLE_EQ(c.numerator, num) << c.indicator << " " << c.category;
    EXPECT_DOUBLE_EQ(c.denominator, ratios.count(c.indicator) ? den : 1) << c.indicator;
    EXPECT_EQ(c.persons, persons) << c.indicator << " " << c.category;
  }
}

TEST(PersonnelTheme, MinistryWithoutPersonnelIsSkipped) {
  MinistryInputs none;
  none.ministry = "AZ";
  none.year = 2020;
  EXPECT_TRUE(Pool(2020, {&none}).empty());
  MinistryInputs fin = Inputs("FIN", 2020, {{.person = "p1", .id = "e1", .start = "2015-01-01"}});
  const auto cells = Pool(2020, {&fin, &none});
  EXPECT_EQ(Value(cells, "personnel.headcount"), 1);
  EXPECT_EQ(cells.size(), Pool(2020, {&fin}).size());
}

TEST(PersonnelTheme, CellsAreSortedAndCarryTheYear) {
  const auto cells = Compute(2020, Composition());
  ASSERT_FALSE(cells.empty());
  for (size_t i = 1; i < cells.size(); ++i) {
    const Cell& p = cells[i - 1];
    const Cell& c = cells[i];
    EXPECT_LT(std::tie(p.indicator, p.unit_type, p.period, p.category),
              std::tie(c.indicator, c.unit_type, c.period, c.category));
  }
  for (const Cell& c : cells) EXPECT_EQ(c.period, "2020");
}

TEST(PersonnelTheme, NeedsFullTimeHoursFromNorms) {
  ReferenceData empty;
  ThemeContext ctx;
  ctx.reference = &empty;
  MinistryInputs fin = Inputs("FIN", 2020, {{.person = "p1", .id = "e1", .start = "2015-01-01"}});
  auto cells = MakePersonnelTheme()->Compute(ctx, 2020, {&fin});
  ASSERT_FALSE(cells.ok());
  EXPECT_EQ(cells.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(cells.status().message(), "norms.csv has no positive personnel.fulltime_hours");
}

TEST(PersonnelTheme, DefinitionsCoverEveryIndicator) {
  const auto defs = MakePersonnelTheme()->Indicators();
  std::set<std::string> ids;
  for (const auto& d : defs) {
    ids.insert(d.id);
    EXPECT_FALSE(d.title_nl.empty() || d.title_en.empty()) << d.id;
    EXPECT_GT(d.definition_nl.size(), 100u) << d.id;
    EXPECT_GT(d.definition_en.size(), 100u) << d.id;
    EXPECT_EQ(d.datasets, std::vector<std::string>{"personnel"}) << d.id;
    EXPECT_NE(d.disclosure, Disclosure::kNone) << d.id;
    if (d.unit == "%") {
      EXPECT_EQ(d.scale, 100) << d.id;
      EXPECT_EQ(d.disclosure, Disclosure::kPersonStatistic) << d.id;
    }
  }
  const std::set<std::string> want = {"personnel.headcount",
                                      "personnel.fte",
                                      "personnel.fte_mean",
                                      "personnel.inflow",
                                      "personnel.outflow",
                                      "personnel.age_mean",
                                      "personnel.age_band",
                                      "personnel.women_share",
                                      "personnel.women_share_senior",
                                      "personnel.temporary_share",
                                      "personnel.parttime_share",
                                      "personnel.scale_band"};
  EXPECT_EQ(ids, want);
  // Every computed cell belongs to a defined indicator.
  for (const Cell& c : Compute(2020, Composition()))
    EXPECT_TRUE(ids.count(c.indicator)) << c.indicator;
}

}  // namespace
}  // namespace jbr
