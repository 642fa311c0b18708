// The engine across years: figures derived from other years (the rolling absence rate, relative
// changes), inflow and outflow read with the adjacent years' deliveries, and norms read from
// norms.csv. Deliveries are loaded into a temporary workspace's SQLite store; every expected value
// is worked by hand in the comment beside it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <tuple>

#include <nlohmann/json.hpp>

#include "common/testing/temp_dir.h"
#include "indicators/core/inputs.h"
#include "indicators/core/reference.h"
#include "indicators/engine.h"
#include "store/load.h"
#include "store/workspace.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

class EngineYearsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-engine-years-"));
    dir_ = tmp_->path();
    auto ws = Workspace::Create((dir_ / "ws").string());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
    auto ref = ReferenceData::Load(std::string(JBR_SOURCE_DIR) + "/data/reference");
    ASSERT_TRUE(ref.ok()) << ref.status().ToString();
    ref_ = std::move(ref).value();
  }
  void TearDown() override {
    ws_.reset();
    tmp_.reset();
  }

  int64_t Deliver(const std::string& dataset, const std::string& ministry, int year,
                  const std::string& text) {
    const std::string name = dataset + "-" + ministry + "-" + std::to_string(year) + ".csv";
    std::ofstream((dir_ / name).string(), std::ios::binary) << text;
    LoadRequest req;
    req.dataset = dataset;
    req.ministry = ministry;
    req.year = year;
    req.delivered_by = "engine-years-test";
    req.path = (dir_ / name).string();
    req.display_name = name;
    req.received_at = "2021-02-01T10:00:00Z";
    CollectingSink sink;
    auto r = LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find(dataset), req, &sink);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::string why;
    for (const auto& f : sink.findings()) why += f.code + ": " + f.message + "\n";
    EXPECT_TRUE(r.ok() && r->outcome == LoadOutcome::kAccepted) << why;
    return r.ok() ? r->delivery.id : -1;
  }

  ComputeResult Compute(int year, const std::string& pattern) {
    ComputeEnv env{ws_->store(), &ws_->schemas(), &ws_->ministries(), &ref_};
    ComputeOptions o;
    o.year = year;
    o.indicator_pattern = pattern;
    o.person_threshold = 1;
    auto r = ComputeYear(env, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : ComputeResult{};
  }

  static const IndicatorValue* Find(const ComputeResult& r, const std::string& indicator,
                                    const std::string& ministry, const std::string& period) {
    for (const auto& v : r.values) {
      if (v.indicator == indicator && v.ministry == ministry && v.period == period &&
          v.unit_type.empty() && v.category.empty()) {
        return &v;
      }
    }
    ADD_FAILURE() << "no " << indicator << " " << ministry << " " << period;
    return nullptr;
  }

  fs::path dir_;
  std::optional<TempDir> tmp_;
  std::unique_ptr<Workspace> ws_;
  ReferenceData ref_;
};

constexpr const char* kPersonnelHeader =
    "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,birth_"
    "year,gender,"
    "salary_scale,contract,jobs_agreement\n";

TEST_F(EngineYearsTest, RollingAbsenceRateForQ1ToQ3SpansTwoYears) {
  // One person at 18 of 36 hours (part-time factor 0.5), employed through 2019 and 2020.
  const std::string p = std::string(kPersonnelHeader) +
                        "P1,E1,DG,core,2010-01-01,,18,1980,female,10,permanent,false\n";
  Deliver("personnel", "BZK", 2019, p);
  Deliver("personnel", "BZK", 2020, p);
  // 2019: 1-10 May (Q2) and 1-10 October (Q4) at 100%; 2020: 1-10 February (Q1) at 50%.
  Deliver("absence", "BZK", 2019,
          "episode_id,person_id,start_date,end_date,degree\nA1,P1,2019-05-01,2019-05-10,100\n"
          "A2,P1,2019-10-01,2019-10-10,100\n");
  Deliver("absence", "BZK", 2020,
          "episode_id,person_id,start_date,end_date,degree\nA3,P1,2020-02-01,2020-02-10,50\n");
  const ComputeResult r = Compute(2020, "absence.rate*");
  // Sick fte-days: May 10 x 0.5 = 5; October 10 x 0.5 = 5; February 10 x 0.5 x 0.5 = 2.5.
  // 2020-Q1: quarters 2019-Q2, Q3, Q4 and 2020-Q1: employed 0.5 x (91 + 92 + 92 + 91) = 183;
  //          sick 5 + 5 + 2.5 = 12.5 -> 100 x 12.5 / 183 = 6.8306%.
  // 2020-Q2: 2019-Q3, Q4, 2020-Q1, Q2: 0.5 x (92 + 92 + 91 + 91) = 183; sick 5 + 2.5 = 7.5
  // -> 4.0984%. 2020-Q3: 2019-Q4, 2020-Q1, Q2, Q3: 0.5 x (92 + 91 + 91 + 92) = 183; sick 7.5
  // -> 4.0984%. 2020-Q4: the year 2020: 0.5 x 366 = 183; sick 2.5 -> 1.3661%. (The mean of the four
  // rounded quarter rates would give another figure: never used.)
  const double want_num[] = {12.5, 7.5, 7.5, 2.5};
  for (int q = 1; q <= 4; ++q) {
    const IndicatorValue* v = Find(r, "absence.rate_rolling", "BZK", "2020-Q" + std::to_string(q));
    ASSERT_NE(v, nullptr);
    ASSERT_EQ(v->status, "published") << q;
    EXPECT_NEAR(*v->numerator, want_num[q - 1], 1e-9) << q;
    EXPECT_NEAR(*v->denominator, 183, 1e-9) << q;
    EXPECT_NEAR(*v->value, 100 * want_num[q - 1] / 183, 1e-9) << q;
  }
  EXPECT_NEAR(*Find(r, "absence.rate_rolling", "BZK", "2020-Q1")->value, 6.830601, 1e-6);
  // Last year's rolling Q4 is 2019 as a whole: 0.5 x 365 = 182.5; sick 10 -> 5.4795%.
  const IndicatorValue* q4 = Find(r, "absence.rate_rolling", "BZK", "2020-Q4");
  ASSERT_TRUE(q4->previous.has_value());
  EXPECT_NEAR(*q4->previous, 100 * 10 / 182.5, 1e-9);
  // 2019-Q1 has no 2018 quarters: no previous value for 2020-Q1.
  EXPECT_FALSE(Find(r, "absence.rate_rolling", "BZK", "2020-Q1")->previous.has_value());
}

TEST_F(EngineYearsTest, InflowAndOutflowArePersonsReadAcrossTheTurnOfTheYear) {
  const std::string h = kPersonnelHeader;
  const int64_t d2019 =
      Deliver("personnel", "BZK", 2019,
              h + "P1,E1,DG,core,2015-01-01,2019-12-31,36,1980,female,10,permanent,false\n"
                  "P4,E6,DG,core,2012-01-01,,36,1970,male,10,permanent,false\n");
  // P1 renewed on 1 January 2020 (and again on 1 January 2021); P3 joins twice in 2020 and leaves
  // once in between; P4 leaves on 31 December 2020.
  const int64_t d2020 =
      Deliver("personnel", "BZK", 2020,
              h + "P1,E3,DG,core,2020-01-01,2020-12-31,36,1980,female,10,temporary,false\n"
                  "P3,E4,DG,core,2020-02-01,2020-03-31,36,1990,male,8,temporary,false\n"
                  "P3,E5,DG,core,2020-06-01,,36,1990,male,8,temporary,false\n"
                  "P4,E6,DG,core,2012-01-01,2020-12-31,36,1970,male,10,permanent,false\n");
  const int64_t d2021 = Deliver("personnel", "BZK", 2021,
                                h + "P1,E7,DG,core,2021-01-01,,36,1980,female,10,permanent,false\n"
                                    "P3,E5,DG,core,2020-06-01,,36,1990,male,8,temporary,false\n");
  ComputeResult r = Compute(2020, "personnel.*");
  // Inflow 2020: P1 had an employment on 31 December 2019 (2019's delivery): no start. P3 starts
  // on 1 February and on 1 June: one person. Inflow = 1 (as events, with 2020 alone: 3).
  const IndicatorValue* in = Find(r, "personnel.inflow", "BZK", "2020");
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(*in->value, 1);
  // Outflow 2020: P1 has an employment on 1 January 2021 (2021's delivery): no end. P3 ends on
  // 31 March, P4 on 31 December: two persons (as events, with 2020 alone: 3).
  const IndicatorValue* out = Find(r, "personnel.outflow", "BZK", "2020");
  EXPECT_EQ(*out->value, 2);
  // Each read its own year and the adjacent one it looks at (inflow 31 December 2019, outflow
  // 1 January 2021), and nothing was missing.
  EXPECT_EQ(in->deliveries, (std::vector<int64_t>{d2019, d2020}));
  EXPECT_EQ(out->deliveries, (std::vector<int64_t>{d2020, d2021}));
  for (const IndicatorValue* v : {in, out}) EXPECT_EQ(v->note, "");
  // The Rijk (BZK alone) the same.
  EXPECT_EQ(*Find(r, "personnel.outflow", "Rijk", "2020")->value, 2);
  // Last year: in 2019 P1's end on 31 December is followed by 2020's renewal: no outflow, 0.
  EXPECT_EQ(*out->previous, 0);
  // Staff growth: fte on 31 December 2019 = P1 (E1 is in force that day) + P4 = 2;
  // on 31 December 2020 = P1 + P3 + P4 = 3: 100 x (3 - 2) / 2 = 50%.
  const ComputeResult growth_run = Compute(2020, "personnel.fte_growth");  // outlives `growth`
  const IndicatorValue* growth = Find(growth_run, "personnel.fte_growth", "BZK", "2020");
  ASSERT_NE(growth, nullptr);
  EXPECT_EQ(*growth->numerator, 1);
  EXPECT_EQ(*growth->denominator, 2);
  EXPECT_EQ(*growth->value, 50);
}

TEST_F(EngineYearsTest, RelativeChangesOfHireSpendAndCo2AgainstLastYear) {
  // Hire (categories 1-8 together): 2019 10,000 interim + 5,000 IT = 15,000;
  // 2020 12,000 + 6,000 = 18,000: 100 x (18,000 - 15,000) / 15,000 = 20%.
  const std::string hire = "organisation_unit,category,amount_eur\n";
  Deliver("external_hire", "BZK", 2019,
          hire + "kern,own_personnel,90000\nkern,interim_management,10000\nkern,it_advice,5000\n");
  Deliver("external_hire", "BZK", 2020,
          hire + "kern,own_personnel,95000\nkern,interim_management,12000\nkern,it_advice,6000\n");
  // Mobility by train at the shipped (illustrative) 6 g per passenger-km: 2019 1,000 km = 0.006 t;
  // 2020 1,500 km = 0.009 t: 100 x (0.009 - 0.006) / 0.006 = 50%.
  const std::string mob = "date,purpose,mode,distance_km,trips\n";
  Deliver("mobility", "BZK", 2019, mob + "2019-03-01,business,train,1000,1\n");
  Deliver("mobility", "BZK", 2020, mob + "2020-03-01,business,train,1500,1\n");
  // One building, all its electricity renewable, 1,000 m3 gas at 2.13 kg/m3 = 2.13 t both years.
  // Total 2019 2.136 t, 2020 2.139 t: 100 x 0.003 / 2.136 = 0.1404%.
  const std::string bld =
      "building_id,name,municipality,floor_area_m2,workplaces,fte_housed,electricity_kwh,"
      "electricity_renewable_nl_kwh,electricity_renewable_eu_kwh,gas_m3,energy_label\n"
      "B1,Kantoor,Den Haag,1000,70,100,5000,5000,0,1000,A\n";
  Deliver("buildings", "BZK", 2019, bld);
  Deliver("buildings", "BZK", 2020, bld);
  const ComputeResult r = Compute(2020, "hire.amount_growth");
  const IndicatorValue* h = Find(r, "hire.amount_growth", "BZK", "2020");
  ASSERT_NE(h, nullptr);
  ASSERT_TRUE(h->value && h->numerator && h->denominator) << h->status;
  EXPECT_NEAR(*h->numerator, 3000, 1e-9);
  EXPECT_NEAR(*h->denominator, 15000, 1e-9);
  EXPECT_NEAR(*h->value, 20, 1e-9);
  EXPECT_EQ(h->unit, "%");
  const ComputeResult co2 = Compute(2020, "co2.*");
  const struct {
    const char* id;
    double now, before;
  } growth[] = {{"co2.mobility_growth", 0.009, 0.006}, {"co2.total_growth", 2.139, 2.136}};
  for (const auto& g : growth) {
    const IndicatorValue* c = Find(co2, g.id, "BZK", "2020");
    ASSERT_NE(c, nullptr) << g.id;
    ASSERT_EQ(c->status, "published") << g.id;
    ASSERT_TRUE(c->value && c->numerator && c->denominator) << g.id;
    EXPECT_NEAR(*c->numerator, g.now - g.before, 1e-9) << g.id;
    EXPECT_NEAR(*c->denominator, g.before, 1e-9) << g.id;
    EXPECT_NEAR(*c->value, 100 * (g.now - g.before) / g.before, 1e-7) << g.id;
  }
  EXPECT_NEAR(*Find(co2, "co2.mobility_growth", "BZK", "2020")->value, 50, 1e-7);
  EXPECT_NEAR(*Find(co2, "co2.total_growth", "BZK", "2020")->value, 0.140449, 1e-6);
  // The Rijk (BZK alone) the same.
  EXPECT_NEAR(*Find(r, "hire.amount_growth", "Rijk", "2020")->value, 20, 1e-9);
}

TEST_F(EngineYearsTest, WithoutTheNextYearsDeliveryExplainSaysWhatItCannotSee) {
  const std::string h = kPersonnelHeader;
  Deliver("personnel", "BZK", 2020,
          h + "P1,E3,DG,core,2020-01-01,2020-12-31,36,1980,female,10,temporary,false\n");
  ComputeResult r = Compute(2020, "personnel.*");
  // Only 2020's delivery: P1 starts on 1 January and ends on 31 December, as far as jbr can see.
  const IndicatorValue* in = Find(r, "personnel.inflow", "BZK", "2020");
  const IndicatorValue* out = Find(r, "personnel.outflow", "BZK", "2020");
  EXPECT_EQ(*in->value, 1);
  EXPECT_EQ(*out->value, 1);
  // Inflow reads only the year before (31 December 2019), outflow only the year after (1 January
  // 2021): each names the one it lacks, not the other.
  EXPECT_NE(in->note.find("no current personnel delivery of 2019 (BZK)"), std::string::npos)
      << in->note;
  EXPECT_EQ(in->note.find("2021"), std::string::npos) << in->note;
  EXPECT_NE(out->note.find("no current personnel delivery of 2021 (BZK)"), std::string::npos)
      << out->note;
  EXPECT_NE(out->note.find("a renewal after 31 December 2020 may count as an end"),
            std::string::npos)
      << out->note;
  EXPECT_EQ(out->note.find("2019"), std::string::npos) << out->note;
}

// The run records where inflow and outflow were read without an adjacent year, for the method
// page: BZK delivered 2020 and 2021, FIN 2021 only, nobody 2019 or 2022.
TEST_F(EngineYearsTest, TheRunRecordsWhichAdjacentDeliveriesItReadWithout) {
  const std::string p = std::string(kPersonnelHeader) +
                        "P1,E1,DG,core,2010-01-01,,36,1980,female,10,permanent,false\n";
  Deliver("personnel", "BZK", 2020, p);
  Deliver("personnel", "BZK", 2021, p);
  Deliver("personnel", "FIN", 2021, p);
  const ComputeResult r = Compute(2021, "personnel.*");
  // 2021: FIN lacks 2020 (BZK has it); both lack 2022. 2020 (last year's figures): BZK, the only
  // ministry with a 2020 figure, lacks 2019 and has 2021. FIN has no 2020 figure to name.
  ASSERT_EQ(r.adjacent_gaps.size(), 3u);
  // Inflow reads the year before, outflow the year after: each gap names only the figure that
  // reads that year.
  const std::vector<std::string> inflow = {"personnel.inflow"}, outflow = {"personnel.outflow"};
  const std::vector<std::tuple<int, int, std::vector<std::string>, std::vector<std::string>>> want =
      {{2021, 2020, {"FIN"}, inflow},
       {2021, 2022, {"BZK", "FIN"}, outflow},
       {2020, 2019, {"BZK"}, inflow}};
  for (size_t i = 0; i < want.size(); ++i) {
    const AdjacentGap& g = r.adjacent_gaps[i];
    EXPECT_EQ(g.year, std::get<0>(want[i])) << i;
    EXPECT_EQ(g.dataset, "personnel") << i;
    EXPECT_EQ(g.other_year, std::get<1>(want[i])) << i;
    EXPECT_EQ(g.ministries, std::get<2>(want[i])) << i;
    EXPECT_EQ(g.indicators, std::get<3>(want[i])) << i;
  }
  // The vintage of every year computed: 2021, last year 2020 and, for the staff growth of 2020,
  // 2019. The shipped list assigns 2020-illustrative to all of them.
  const std::map<int, std::string> vintages = {
      {2019, "2020-illustrative"}, {2020, "2020-illustrative"}, {2021, "2020-illustrative"}};
  EXPECT_EQ(r.factor_vintages, vintages);
  // Stored with the run.
  auto id = SaveComputation(ws_->store(), r, "2022-03-01T12:00:00Z", "{}");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto run = ws_->store()->GetComputeRun(*id);
  ASSERT_TRUE(run.ok() && run->has_value());
  EXPECT_EQ(
      (*run)->factor_vintages,
      R"({"2019":"2020-illustrative","2020":"2020-illustrative","2021":"2020-illustrative"})");
  EXPECT_EQ((*run)->adjacent_gaps, R"([{"dataset":"personnel","indicators":["personnel.inflow"],)"
                                   R"("ministries":["FIN"],"other_year":2020,"year":2021},)"
                                   R"({"dataset":"personnel","indicators":["personnel.outflow"],)"
                                   R"("ministries":["BZK","FIN"],"other_year":2022,"year":2021},)"
                                   R"({"dataset":"personnel","indicators":["personnel.inflow"],)"
                                   R"("ministries":["BZK"],"other_year":2019,"year":2020}])");
}

TEST_F(EngineYearsTest, AnOptionalFieldAddedLaterReadsAsEmptyInOlderDeliveries) {
  // A delivery stored before its schema gained an optional field (as buildings gained
  // occupancy_q1_pct .. q4) still loads: the field is all null. A required one is an error.
  Deliver("personnel", "BZK", 2020,
          std::string(kPersonnelHeader) +
              "P1,E1,DG,core,2010-01-01,,36,1980,female,10,permanent,false\n");
  auto current = ws_->store()->CurrentDelivery("personnel", "BZK", 2020);
  ASSERT_TRUE(current.ok() && current->has_value());
  DatasetSchema later = *ws_->schemas().Find("personnel");
  FieldSchema extra;
  extra.name = "remote_days";
  extra.type = FieldType::kNumber;
  later.fields.push_back(extra);
  auto t = LoadTable(ws_->store(), later, **current);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->rows, 1u);
  ASSERT_EQ(t->col("remote_days").size(), 1u);
  EXPECT_TRUE(t->col("remote_days").is_null(0));
  later.fields.back().required = true;
  auto refused = LoadTable(ws_->store(), later, **current);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kNotFound);
  EXPECT_NE(refused.status().message().find("remote_days"), std::string::npos)
      << refused.status().message();
}

TEST_F(EngineYearsTest, AFieldReadOnFirstUseIsTheFieldReadAtOnce) {
  // Compute reads each field when a theme first asks for it (LoadTableOnRead), from two threads
  // at once (this year and last year); each field must come out as LoadTable reads it, and an
  // optional field added to the schema later as all null.
  Deliver("personnel", "BZK", 2020,
          std::string(kPersonnelHeader) +
              "P1,E1,DG,core,2010-01-01,,36,1980,female,10,permanent,false\n"
              "P2,E2,DG,agency,2015-03-01,2020-06-30,18.5,1990,male,8,temporary,true\n");
  auto current = ws_->store()->CurrentDelivery("personnel", "BZK", 2020);
  ASSERT_TRUE(current.ok() && current->has_value());
  DatasetSchema later = *ws_->schemas().Find("personnel");
  FieldSchema extra;
  extra.name = "remote_days";
  extra.type = FieldType::kNumber;
  later.fields.push_back(extra);
  std::mutex store_mutex;
  const Table lazy = LoadTableOnRead(ws_->store(), &store_mutex, later, **current);
  EXPECT_EQ(lazy.rows, 2u);
  std::vector<const Column*> first(later.fields.size()), second(later.fields.size());
  {
    std::thread other([&] {
      for (size_t f = 0; f < later.fields.size(); ++f) second[f] = &lazy.col(later.fields[f].name);
    });
    for (size_t f = 0; f < later.fields.size(); ++f) first[f] = &lazy.col(later.fields[f].name);
    other.join();
  }
  EXPECT_TRUE(lazy.ReadStatus().ok()) << lazy.ReadStatus().ToString();
  EXPECT_EQ(first, second);  // one column per field, read once
  EXPECT_EQ(lazy.col("person_id").str(1), "P2");
  EXPECT_EQ(lazy.col("weekly_hours").numbers[1], 18.5);
  EXPECT_TRUE(lazy.col("end_date").is_null(0));
  ASSERT_EQ(lazy.col("remote_days").size(), 2u);
  EXPECT_TRUE(lazy.col("remote_days").is_null(0) && lazy.col("remote_days").is_null(1));
  EXPECT_EQ(lazy.col("no_such_field").size(), 0u);
  // A required field the delivery lacks reads as all null, and the table says why.
  later.fields.back().required = true;
  const Table refused = LoadTableOnRead(ws_->store(), &store_mutex, later, **current);
  EXPECT_TRUE(refused.ReadStatus().ok());  // nothing read yet
  EXPECT_EQ(refused.col("remote_days").size(), 2u);
  EXPECT_TRUE(refused.col("remote_days").is_null(1));
  ASSERT_EQ(refused.ReadStatus().code(), StatusCode::kNotFound);
  EXPECT_NE(refused.ReadStatus().message().find("remote_days"), std::string::npos);
}

TEST_F(EngineYearsTest, AComputeOverAFieldThatCannotBeReadFails) {
  // Compute reads fields on first use. A delivery stored under an older schema that named a field
  // otherwise (here weekly_hours as contract_hours) lacks the field that the schema now requires;
  // personnel.fte reads it, gets all null, and the compute fails naming the field.
  const fs::path schemas = dir_ / "schemas";
  fs::create_directories(schemas);
  for (const auto& e : fs::directory_iterator(std::string(JBR_SOURCE_DIR) + "/data/schemas")) {
    if (e.path().extension() == ".json") fs::copy_file(e.path(), schemas / e.path().filename());
  }
  {
    std::ifstream in((schemas / "personnel.json").string());
    nlohmann::json j = nlohmann::json::parse(in);
    for (auto& f : j["fields"]) {
      if (f["name"] == "weekly_hours") f["name"] = "contract_hours";
    }
    std::ofstream((schemas / "personnel.json").string()) << j.dump(1);
  }
  auto older = SchemaRegistry::LoadDirectory(schemas.string());
  ASSERT_TRUE(older.ok()) << older.status().ToString();
  std::string header(kPersonnelHeader);
  header.replace(header.find("weekly_hours"), 12, "contract_hours");
  const fs::path file = dir_ / "personnel-BZK-2020.csv";
  std::ofstream(file.string(), std::ios::binary)
      << header << "P1,E1,DG,core,2010-01-01,,36,1980,female,10,permanent,false\n";
  LoadRequest req;
  req.dataset = "personnel";
  req.ministry = "BZK";
  req.year = 2020;
  req.delivered_by = "engine-years-test";
  req.path = file.string();
  req.display_name = "personnel-BZK-2020.csv";
  req.received_at = "2021-02-01T10:00:00Z";
  CollectingSink sink;
  auto loaded = LoadDelivery(ws_->store(), *older, *older->Find("personnel"), req, &sink);
  ASSERT_TRUE(loaded.ok() && loaded->outcome == LoadOutcome::kAccepted);
  ComputeEnv env{ws_->store(), &ws_->schemas(), &ws_->ministries(), &ref_};
  ComputeOptions o;
  o.year = 2020;
  o.indicator_pattern = "personnel.fte";
  auto r = ComputeYear(env, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("weekly_hours"), std::string::npos) << r.status().message();
}

TEST_F(EngineYearsTest, NormsComeFromTheNormsFile) {
  // The domain's values (domain.md section 7), through the shipped norms.csv.
  auto norm_of = [](const std::vector<IndicatorDef>& defs, const std::string& id) {
    for (const auto& d : defs) {
      if (d.id == id && d.norm) return d.norm->value;
    }
    return -1.0;
  };
  const auto defs = AllDefinitions(ref_);
  EXPECT_EQ(norm_of(defs, "hire.share"), 10);
  EXPECT_EQ(norm_of(defs, "housing.workplace_factor"), 0.7);
  EXPECT_EQ(norm_of(defs, "jobs_agreement.realisation"), 100);
  EXPECT_EQ(ref_.Norm("jobs_agreement.hours_per_job"), 25.5);
  // The method texts state the same norms (Dutch with a decimal comma).
  auto def_of = [](const std::vector<IndicatorDef>& all, const std::string& id) {
    for (const auto& d : all) {
      if (d.id == id) return d;
    }
    ADD_FAILURE() << "no definition " << id;
    return IndicatorDef{};
  };
  auto has = [](const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  };
  EXPECT_TRUE(has(def_of(defs, "hire.share").definition_en, "at most 10% (Roemernorm"));
  EXPECT_TRUE(has(def_of(defs, "hire.share").definition_nl, "ten hoogste 10% (Roemernorm"));
  EXPECT_TRUE(has(def_of(defs, "housing.workplace_factor").definition_en,
                  "at most 0.7 workplaces per fte"));
  EXPECT_TRUE(has(def_of(defs, "housing.workplace_factor").definition_nl,
                  "ten hoogste 0,7 werkplek per fte"));
  EXPECT_TRUE(has(def_of(defs, "housing.office_share").definition_en,
                  "at the norm of 0.7 workplaces per fte"));
  EXPECT_TRUE(has(def_of(defs, "jobs_agreement.realisation").definition_en, "at least 100%"));
  EXPECT_TRUE(has(def_of(defs, "jobs_agreement.jobs").definition_en, "Jobs of 25.5 hours a week"));
  EXPECT_TRUE(
      has(def_of(defs, "jobs_agreement.jobs").definition_nl, "banen van 25,5 uur per week"));
  EXPECT_TRUE(has(def_of(defs, "jobs_agreement.inflow_jobs").definition_en, "divided by 25.5"));
  EXPECT_TRUE(
      has(def_of(defs, "fleet.zero_emission_share").definition_en, "at least 20% from 2020"));
  EXPECT_TRUE(has(def_of(defs, "fleet.zero_emission_share_new").definition_en,
                  "The goal is 100% from 2028"));
  // The CO2 goal (domain.md section 7: "halve mobility CO2 by 2030 against 2016"): base year 2016,
  // goal year 2030, half (a change of -50%) against the base year.
  const IndicatorDef co2 = def_of(defs, "co2.mobility_change");
  ASSERT_TRUE(co2.goal.has_value());
  EXPECT_EQ(co2.goal->base_year, 2016);
  EXPECT_EQ(co2.goal->year, 2030);
  EXPECT_EQ(co2.goal->value, -50);
  EXPECT_TRUE(has(co2.definition_en, "in the base year 2016"));
  EXPECT_TRUE(has(co2.definition_en, "The goal is 50% less by 2030"));
  EXPECT_TRUE(has(co2.definition_nl, "Het doel is 50% minder in 2030"));
  for (const auto& d : defs) {
    EXPECT_FALSE(has(d.definition_en, "{norm") || has(d.definition_nl, "{norm"))
        << d.id << " has an unfilled norm";
  }
  // A changed norms file changes the norms and what the method text says of them, with no change in
  // code.
  RefTable norms = *ref_.Get("norms");
  for (auto& row : norms.rows) {
    if (row[0] == "hire.share.max") row[1] = "12";
    if (row[0] == "housing.workplace_factor.max") row[1] = "0.8";
    if (row[0] == "jobs_agreement.hours_per_job") row[1] = "26";
    if (row[0] == "co2.mobility.base_year") row[1] = "2019";
    if (row[0] == "co2.mobility.goal_year") row[1] = "2035";
    if (row[0] == "co2.mobility.goal_reduction") row[1] = "55.5";
  }
  ref_.Put(norms);
  const auto changed = AllDefinitions(ref_);
  const IndicatorDef co2_changed = def_of(changed, "co2.mobility_change");
  ASSERT_TRUE(co2_changed.goal.has_value());
  EXPECT_EQ(co2_changed.goal->base_year, 2019);
  EXPECT_EQ(co2_changed.goal->year, 2035);
  EXPECT_EQ(co2_changed.goal->value, -55.5);
  EXPECT_TRUE(has(co2_changed.definition_nl, "Het doel is 55,5% minder in 2035"));
  EXPECT_FALSE(has(co2_changed.definition_en, "2030"));
  EXPECT_EQ(norm_of(changed, "hire.share"), 12);
  EXPECT_EQ(norm_of(changed, "housing.workplace_factor"), 0.8);
  EXPECT_TRUE(has(def_of(changed, "hire.share").definition_en, "at most 12% (Roemernorm"));
  EXPECT_FALSE(has(def_of(changed, "hire.share").definition_en, "10%"));
  EXPECT_TRUE(has(def_of(changed, "housing.workplace_factor").definition_nl,
                  "ten hoogste 0,8 werkplek per fte"));
  EXPECT_FALSE(has(def_of(changed, "housing.office_share").definition_en, "0.7"));
  EXPECT_TRUE(has(def_of(changed, "jobs_agreement.jobs").definition_en, "Jobs of 26 hours a week"));
  EXPECT_FALSE(has(def_of(changed, "jobs_agreement.jobs").definition_en, "25.5"));
  // A hire share of 11% is above 10 but not above 12: no flag with the changed file.
  Deliver("external_hire", "BZK", 2020,
          "organisation_unit,category,amount_eur\nkern,own_personnel,89000\nkern,interim_"
          "management,11000\n");
  const ComputeResult share_run = Compute(2020, "hire.share");  // outlives `share`
  const IndicatorValue* share = Find(share_run, "hire.share", "BZK", "2020");
  EXPECT_NEAR(*share->value, 11, 1e-9);
  EXPECT_EQ(share->flag, "");
  // A norms file without the norm is an error that names it.
  std::erase_if(norms.rows, [](const auto& row) { return row[0] == "hire.share.max"; });
  ref_.Put(norms);
  ComputeEnv env{ws_->store(), &ws_->schemas(), &ws_->ministries(), &ref_};
  ComputeOptions o;
  o.year = 2020;
  o.indicator_pattern = "hire.*";
  auto r = ComputeYear(env, o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(r.status().message(), "norms.csv has no norm hire.share.max (the norm of hire.share)");
}

}  // namespace
}  // namespace jbr
