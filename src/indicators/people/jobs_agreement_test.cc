// Jobs agreement theme: every expected value is worked out by hand in the comment next to it.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/parse.h"
#include "indicators/core/themes.h"
#include "indicators/testing/columns.h"
#include "schema/ministries.h"

namespace jbr {
namespace {

using test::IntCol;
using test::StrCol;

// One row of a personnel delivery; dates as YYYY-MM-DD, end "" = ongoing.
struct Job {
  std::string person;
  std::string id;
  std::string start;
  std::string end = "";
  double hours = 25.5;
  bool ja = true;
  std::string unit = "core";
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

MinistryInputs Inputs(const std::string& ministry, int year, const std::vector<Job>& rows) {
  std::vector<std::string> person, id, unit, gender, contract;
  std::vector<std::optional<int64_t>> start, end, birth, scale, ja;
  Column hours;
  hours.type = FieldType::kNumber;
  for (const Job& j : rows) {
    person.push_back(j.person);
    id.push_back(j.id);
    unit.push_back(j.unit);
    gender.push_back("female");
    contract.push_back("permanent");
    start.push_back(*ParseDate(j.start));
    end.push_back(j.end.empty() ? std::nullopt : std::optional<int64_t>(*ParseDate(j.end)));
    birth.push_back(1990);
    scale.push_back(4);
    ja.push_back(j.ja ? 1 : 0);
    hours.null.push_back(0);
    hours.numbers.push_back(j.hours);
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

std::vector<Cell> Compute(const ReferenceData& ref, int year,
                          const std::vector<const MinistryInputs*>& inputs) {
  ThemeContext ctx;
  ctx.reference = &ref;
  auto cells = MakeJobsAgreementTheme()->Compute(ctx, year, inputs);
  EXPECT_TRUE(cells.ok()) << cells.status().ToString();
  return cells.ok() ? *cells : std::vector<Cell>{};
}

std::vector<Cell> Compute(int year, const std::vector<Job>& rows) {
  MinistryInputs in = Inputs("FIN", year, rows);
  return Compute(Reference(), year, {&in});
}

const Cell* Find(const std::vector<Cell>& cells, const std::string& indicator,
                 const std::string& unit_type = "") {
  for (const Cell& c : cells) {
    if (c.indicator == indicator && c.unit_type == unit_type) return &c;
  }
  return nullptr;
}

double Value(const std::vector<Cell>& cells, const std::string& indicator,
             const std::string& unit_type = "") {
  const Cell* c = Find(cells, indicator, unit_type);
  EXPECT_NE(c, nullptr) << indicator << " [" << unit_type << "]";
  return c == nullptr ? -1 : c->numerator / c->denominator;
}

// The shipped reference data with the targets replaced: FIN 2 and AZ 1 job in 2019.
ReferenceData WithTargets() {
  ReferenceData ref = Reference();
  RefTable t;
  t.name = "jobs_agreement_targets";
  t.columns = {"ministry", "year", "target", "status", "source"};
  t.rows = {{"FIN", "2019", "2", "illustrative", "test"},
            {"AZ", "2019", "1", "illustrative", "test"}};
  ref.Put(t);
  return ref;
}

TEST(JobsAgreementTheme, JobsOfTwentyFiveAndAHalfHours) {
  const auto cells = Compute(
      2019, {// All year at 25.5 hours: 365/365 x 25.5/25.5 = 1 job.
             {.person = "a", .id = "a1", .start = "2015-01-01"},
             // All year at 36 hours: 36/25.5 jobs.
             {.person = "b", .id = "b1", .start = "2015-01-01", .hours = 36},
             // Not counted toward the jobs agreement: nothing.
             {.person = "c",
              .id = "c1",
              .start = "2015-01-01",
              .hours = 36,
              .ja = false,
              .unit = "inspectorate"},
             // 1 Jan - 1 Jul 2019 = 182 days at 25.5 hours: 182/365 jobs.
             {.person = "d", .id = "d1", .start = "2019-01-01", .end = "2019-07-01"},
             // Two employments at once, 12.75 + 12.75 hours all year: 0.5 + 0.5 = 1 job.
             {.person = "e", .id = "e1", .start = "2015-01-01", .hours = 12.75},
             {.person = "e", .id = "e2", .start = "2015-01-01", .hours = 12.75, .unit = "agency"}});
  // 1 + 36/25.5 + 182/365 + 1 = 2 + 36/25.5 + 182/365 jobs of persons a, b, d, e.
  EXPECT_DOUBLE_EQ(Value(cells, "jobs_agreement.jobs"), 2 + 36 / 25.5 + 182.0 / 365);
  EXPECT_EQ(Find(cells, "jobs_agreement.jobs")->persons, 4);
  // Core: a 1 + b 36/25.5 + d 182/365 + e1 0.5; agency: e2 0.5; inspectorate: 0 of nobody.
  EXPECT_DOUBLE_EQ(Value(cells, "jobs_agreement.jobs", "core"), 1.5 + 36 / 25.5 + 182.0 / 365);
  EXPECT_DOUBLE_EQ(Value(cells, "jobs_agreement.jobs", "agency"), 0.5);
  EXPECT_EQ(Find(cells, "jobs_agreement.jobs", "agency")->persons, 1);
  EXPECT_EQ(Value(cells, "jobs_agreement.jobs", "inspectorate"), 0);
  EXPECT_EQ(Find(cells, "jobs_agreement.jobs", "inspectorate")->persons, 0);
}

TEST(JobsAgreementTheme, InflowIsNewJobsAgreementEmploymentsAndTheirJobs) {
  // 2020, FIN. The year before's delivery holds r's employment ending on 31 December 2019.
  MinistryInputs before = Inputs(
      "FIN", 2019, {{.person = "r", .id = "r0", .start = "2017-01-01", .end = "2019-12-31"}});
  MinistryInputs in = Inputs(
      "FIN", 2020,
      {// In the jobs agreement since 2015: no start.
       {.person = "a", .id = "a1", .start = "2015-01-01"},
       // Starts on 1 March 2020 at 25.5 hours: 1 person, 25.5 / 25.5 = 1 job.
       {.person = "b", .id = "b1", .start = "2020-03-01"},
       // Renewed on 1 January 2020 after an employment to 31 December 2019: no start.
       {.person = "r", .id = "r1", .start = "2020-01-01", .hours = 30},
       // Two employments starting on 1 June, 12.75 + 20 hours: 1 person, 32.75 / 25.5 jobs; a
       // third that continues the spell on 1 August adds nothing.
       {.person = "c", .id = "c1", .start = "2020-06-01", .hours = 12.75},
       {.person = "c", .id = "c2", .start = "2020-06-01", .end = "2020-07-31", .hours = 20},
       {.person = "c", .id = "c3", .start = "2020-08-01", .hours = 20},
       // Starts, leaves on 30 April, starts again on 1 October: 1 person, 2 starts x 18 / 25.5.
       {.person = "d", .id = "d1", .start = "2020-02-01", .end = "2020-04-30", .hours = 18},
       {.person = "d", .id = "d2", .start = "2020-10-01", .hours = 18},
       // Not in the jobs agreement: nothing.
       {.person = "e", .id = "e1", .start = "2020-05-01", .hours = 36, .ja = false}});
  in.year_before = &before;
  const auto cells = Compute(Reference(), 2020, {&in});
  // Persons: b, c, d = 3. Jobs: 1 + 32.75 / 25.5 + 36 / 25.5 = (25.5 + 32.75 + 36) / 25.5.
  EXPECT_EQ(Value(cells, "jobs_agreement.inflow"), 3);
  EXPECT_NEAR(Value(cells, "jobs_agreement.inflow_jobs"), (25.5 + 32.75 + 36) / 25.5, 1e-12);
  EXPECT_EQ(Find(cells, "jobs_agreement.inflow_jobs")->persons, 3);
  // Without the year before's delivery, r's renewal on 1 January counts as a start of 30 hours.
  in.year_before = nullptr;
  const auto alone = Compute(Reference(), 2020, {&in});
  EXPECT_EQ(Value(alone, "jobs_agreement.inflow"), 4);
  EXPECT_NEAR(Value(alone, "jobs_agreement.inflow_jobs"), (25.5 + 32.75 + 36 + 30) / 25.5, 1e-12);
}

TEST(JobsAgreementTheme, LeapYearAndTheFirstAndLastDay) {
  const auto cells =
      Compute(2020, {// 1 Jan - 1 Jul 2020: 31+29+31+30+31+30 + 1 = 183 of 366 days: 0.5 job.
                     {.person = "a", .id = "a1", .start = "2020-01-01", .end = "2020-07-01"},
                     // Starts on 31 Dec: 1/366 job.
                     {.person = "b", .id = "b1", .start = "2020-12-31"},
                     // Ends on 1 Jan (end date inclusive): 1/366 job.
                     {.person = "c", .id = "c1", .start = "2018-01-01", .end = "2020-01-01"}});
  EXPECT_DOUBLE_EQ(Value(cells, "jobs_agreement.jobs"), 0.5 + 2.0 / 366);
  const auto half =
      Compute(2020, {{.person = "a", .id = "a1", .start = "2020-01-01", .end = "2020-07-01"}});
  EXPECT_DOUBLE_EQ(Value(half, "jobs_agreement.jobs"), 0.5);
  // The same dates in 2019: 182 of 365 days, not a half.
  const auto common =
      Compute(2019, {{.person = "a", .id = "a1", .start = "2019-01-01", .end = "2019-07-01"}});
  EXPECT_DOUBLE_EQ(Value(common, "jobs_agreement.jobs"), 182.0 / 365);
}

TEST(JobsAgreementTheme, RealisationAgainstTheTargetAndPooled) {
  const ReferenceData ref = WithTargets();
  MinistryInputs fin = Inputs("FIN", 2019, {{.person = "p1", .id = "f1", .start = "2015-01-01"}});
  MinistryInputs az = Inputs("AZ", 2019,
                             {{.person = "p1", .id = "a1", .start = "2015-01-01"},
                              {.person = "p2", .id = "a2", .start = "2015-01-01"}});
  MinistryInputs bz = Inputs("BZ", 2019, {{.person = "p1", .id = "b1", .start = "2015-01-01"}});
  // FIN: 1 job / target 2 = 50%.
  const auto f = Compute(ref, 2019, {&fin});
  EXPECT_DOUBLE_EQ(Value(f, "jobs_agreement.realisation") * 100, 50);
  EXPECT_EQ(Find(f, "jobs_agreement.realisation")->persons, 1);
  // AZ: 2 jobs / target 1 = 200%.
  EXPECT_DOUBLE_EQ(Value(Compute(ref, 2019, {&az}), "jobs_agreement.realisation") * 100, 200);
  // BZ has no target: jobs (1) but no realisation.
  const auto b = Compute(ref, 2019, {&bz});
  EXPECT_EQ(Value(b, "jobs_agreement.jobs"), 1);
  EXPECT_EQ(Find(b, "jobs_agreement.realisation"), nullptr);
  // Pooled: jobs 1 + 2 + 1 = 4 (the same pseudonym p1 in three ministries is three persons).
  // Realisation over the ministries with a target: (1 + 2) / (2 + 1) = 100%, not the mean of
  // 50% and 200% (125%).
  const auto rijk = Compute(ref, 2019, {&fin, &az, &bz});
  EXPECT_DOUBLE_EQ(Value(rijk, "jobs_agreement.jobs"), 4);
  EXPECT_EQ(Find(rijk, "jobs_agreement.jobs")->persons, 4);
  const Cell* r = Find(rijk, "jobs_agreement.realisation");
  ASSERT_NE(r, nullptr);
  EXPECT_DOUBLE_EQ(r->numerator, 3);
  EXPECT_DOUBLE_EQ(r->denominator, 3);
  EXPECT_EQ(r->persons, 3);
  // Only the all-units figure has a realisation (targets are per ministry).
  for (const Cell& c : rijk) {
    if (c.indicator == "jobs_agreement.realisation") {
      EXPECT_EQ(c.unit_type, "");
    }
  }
}

TEST(JobsAgreementTheme, RealisationReadsTheShippedTargets) {
  // FIN 2019 in jobs_agreement_targets.csv: 25% of 3,531 = 882.75, rounded to 883.
  const auto cells = Compute(2019, {{.person = "a", .id = "a1", .start = "2015-01-01"}});
  const Cell* r = Find(cells, "jobs_agreement.realisation");
  ASSERT_NE(r, nullptr);
  EXPECT_DOUBLE_EQ(r->numerator, 1);
  EXPECT_DOUBLE_EQ(r->denominator, 883);
}

TEST(JobsAgreementTheme, HoursPerJobComeFromNorms) {
  ReferenceData ref = Reference();
  RefTable norms = *ref.Get("norms");
  for (auto& row : norms.rows) {
    if (row[0] == "jobs_agreement.hours_per_job") row[1] = "36";
  }
  ref.Put(norms);
  MinistryInputs fin =
      Inputs("FIN", 2019, {{.person = "a", .id = "a1", .start = "2015-01-01", .hours = 36}});
  // With 36 hours a job, a whole year at 36 hours is 1 job.
  EXPECT_DOUBLE_EQ(Value(Compute(ref, 2019, {&fin}), "jobs_agreement.jobs"), 1);
  ReferenceData empty;
  ThemeContext ctx;
  ctx.reference = &empty;
  auto cells = MakeJobsAgreementTheme()->Compute(ctx, 2019, {&fin});
  ASSERT_FALSE(cells.ok());
  EXPECT_EQ(cells.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(cells.status().message(), "norms.csv has no positive jobs_agreement.hours_per_job");
}

TEST(JobsAgreementTheme, MinistryWithoutPersonnelIsSkipped) {
  MinistryInputs none;
  none.ministry = "AZ";
  none.year = 2019;
  EXPECT_TRUE(Compute(Reference(), 2019, {&none}).empty());
}

TEST(JobsAgreementTheme, DefinitionsAndNorm) {
  const auto defs = MakeJobsAgreementTheme()->Indicators();
  ASSERT_EQ(defs.size(), 4u);
  EXPECT_EQ(defs[2].id, "jobs_agreement.inflow");
  EXPECT_EQ(defs[3].id, "jobs_agreement.inflow_jobs");
  EXPECT_EQ(defs[2].adjacent_datasets, std::vector<std::string>{"personnel"});
  EXPECT_EQ(defs[0].id, "jobs_agreement.jobs");
  EXPECT_EQ(defs[0].unit, "jobs");
  EXPECT_EQ(defs[0].breakdowns, std::vector<std::string>{"unit_type"});
  const IndicatorDef& r = defs[1];
  EXPECT_EQ(r.id, "jobs_agreement.realisation");
  EXPECT_EQ(r.scale, 100);
  ASSERT_TRUE(r.norm.has_value());
  EXPECT_EQ(r.norm->kind, Norm::Kind::kMinimum);
  EXPECT_EQ(r.norm->id, "jobs_agreement.realisation.min");  // 100, pinned in engine_test.cc
  EXPECT_EQ(r.norm->flag, "below_target");
  EXPECT_EQ(r.norm->source, "norms.csv:jobs_agreement.realisation.min");
  for (const auto& d : defs) {
    EXPECT_FALSE(d.definition_nl.empty() || d.definition_en.empty());
    EXPECT_TRUE(d.higher_is_better);
    EXPECT_EQ(d.datasets, std::vector<std::string>{"personnel"});
  }
}

TEST(JobsAgreementTheme, TargetsCoverEveryMinistryButDefence) {
  const RefTable* t = Reference().Get("jobs_agreement_targets");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->columns,
            (std::vector<std::string>{"ministry", "year", "target", "status", "source"}));
  auto ministries = MinistryRegistry::Load(std::string(JBR_SOURCE_DIR) + "/data/ministries.csv");
  ASSERT_TRUE(ministries.ok());
  std::map<int, double> sums;
  for (int year = 2017; year <= 2025; ++year) {
    for (const Ministry* m : ministries->InYear(year)) {
      const auto rows = t->Find({{"ministry", m->code}, {"year", std::to_string(year)}});
      if (m->code == "DEF") {
        EXPECT_TRUE(rows.empty()) << year;
        continue;
      }
      ASSERT_EQ(rows.size(), 1u) << m->code << " " << year;
      sums[year] += *ParseDecimal((*rows[0])[2], DecimalMark::kPoint);
      EXPECT_EQ((*rows[0])[3], "illustrative");
      EXPECT_NE((*rows[0])[4].find("illustrative"), std::string::npos);
    }
  }
  // domain.md section 7: Rijk target 2019 3,531 jobs; end 2022 5,144.
  EXPECT_EQ(sums[2019], 3531);
  EXPECT_EQ(sums[2022], 5144);
  // Targets grow between them: 3,531 < 2020 < 2021 < 5,144.
  EXPECT_LT(sums[2019], sums[2020]);
  EXPECT_LT(sums[2020], sums[2021]);
  EXPECT_LT(sums[2021], sums[2022]);
  EXPECT_EQ(t->rows.size(), [&] {
    size_t n = 0;
    for (int year = 2017; year <= 2025; ++year) n += ministries->InYear(year).size() - 1;
    return n;
  }());
}

}  // namespace
}  // namespace jbr
