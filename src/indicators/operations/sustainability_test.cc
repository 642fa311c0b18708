// Tests of the sustainability theme (co2.*, energy.*, housing.*). Every expected value is worked
// out by hand in the comment next to it, from the factors in data/reference/emission_factors.csv
// (2020-illustrative): flight <=700 km 234 g, 700-2,500 km 172 g, >2,500 km 157 g per pkm; train
// 6 g; bus/tram/metro 69 g; private and service cars petrol 204, diesel 180, electric 109 g/km;
// taxi 220 g/km; bicycle 0; natural gas 2.13 kg/m3; grey electricity 0.55 kg/kWh; district heat
// 36 kg/GJ.
#include <array>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include <cmath>

#include "common/parse.h"
#include "indicators/core/themes.h"
#include "indicators/testing/columns.h"

namespace jbr {
namespace {

using test::DateCol;
using test::IntCol;
using test::NumCol;
using test::StrCol;

// Columns from literal values; nullopt is a null cell.
class SustainabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto schemas = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    ASSERT_TRUE(schemas.ok()) << schemas.status().ToString();
    schemas_ = std::move(schemas).value();
    auto ref = ReferenceData::Load(std::string(JBR_SOURCE_DIR) + "/data/reference");
    ASSERT_TRUE(ref.ok()) << ref.status().ToString();
    ref_ = std::move(ref).value();
  }

  struct Trip {
    std::string date, purpose, mode;
    double km;
    std::optional<int64_t> trips;
  };
  Table Mobility(const std::vector<Trip>& trips) const {
    std::vector<std::optional<std::string>> date, purpose, mode;
    std::vector<std::optional<double>> km;
    std::vector<std::optional<int64_t>> n;
    for (const auto& t : trips) {
      date.push_back(t.date);
      purpose.push_back(t.purpose);
      mode.push_back(t.mode);
      km.push_back(t.km);
      n.push_back(t.trips);
    }
    return MakeTable(schemas_.Find("mobility"), {{"date", DateCol(date)},
                                                 {"purpose", StrCol(purpose)},
                                                 {"mode", StrCol(mode)},
                                                 {"distance_km", NumCol(km)},
                                                 {"trips", IntCol(n, FieldType::kInteger)}});
  }

  struct Building {
    double floor;
    int64_t workplaces;
    double fte, kwh, nl, eu, gas;
    std::optional<double> heat, occupancy;
    std::array<std::optional<double>, 4> quarters{};  // occupancy_q1_pct .. occupancy_q4_pct
  };
  Table Buildings(const std::vector<Building>& rows) const {
    std::vector<std::optional<double>> floor, fte, kwh, nl, eu, gas, heat, occ, q1, q2, q3, q4;
    std::vector<std::optional<int64_t>> wp;
    for (const auto& b : rows) {
      floor.push_back(b.floor);
      wp.push_back(b.workplaces);
      fte.push_back(b.fte);
      kwh.push_back(b.kwh);
      nl.push_back(b.nl);
      eu.push_back(b.eu);
      gas.push_back(b.gas);
      heat.push_back(b.heat);
      occ.push_back(b.occupancy);
      q1.push_back(b.quarters[0]);
      q2.push_back(b.quarters[1]);
      q3.push_back(b.quarters[2]);
      q4.push_back(b.quarters[3]);
    }
    return MakeTable(schemas_.Find("buildings"), {{"floor_area_m2", NumCol(floor)},
                                                  {"workplaces", IntCol(wp, FieldType::kInteger)},
                                                  {"fte_housed", NumCol(fte)},
                                                  {"electricity_kwh", NumCol(kwh)},
                                                  {"electricity_renewable_nl_kwh", NumCol(nl)},
                                                  {"electricity_renewable_eu_kwh", NumCol(eu)},
                                                  {"gas_m3", NumCol(gas)},
                                                  {"district_heat_gj", NumCol(heat)},
                                                  {"occupancy_pct", NumCol(occ)},
                                                  {"occupancy_q1_pct", NumCol(q1)},
                                                  {"occupancy_q2_pct", NumCol(q2)},
                                                  {"occupancy_q3_pct", NumCol(q3)},
                                                  {"occupancy_q4_pct", NumCol(q4)}});
  }

  // Employments: start, end (nullopt: ongoing), weekly hours.
  Table Personnel(
      const std::vector<std::tuple<std::string, std::optional<std::string>, double>>& rows) const {
    std::vector<std::optional<std::string>> start, end;
    std::vector<std::optional<double>> hours;
    for (const auto& [s, e, h] : rows) {
      start.push_back(s);
      end.push_back(e);
      hours.push_back(h);
    }
    return MakeTable(schemas_.Find("personnel"), {{"start_date", DateCol(start)},
                                                  {"end_date", DateCol(end)},
                                                  {"weekly_hours", NumCol(hours)}});
  }

  std::vector<Cell> Compute(const std::vector<const MinistryInputs*>& inputs, int year = 2021) {
    ThemeContext ctx{&ref_};
    auto cells = MakeSustainabilityTheme()->Compute(ctx, year, inputs);
    EXPECT_TRUE(cells.ok()) << cells.status().ToString();
    return cells.ok() ? *cells : std::vector<Cell>{};
  }

  static const Cell* Find(const std::vector<Cell>& cells, const std::string& indicator,
                          const std::string& category = "") {
    for (const auto& c : cells) {
      if (c.indicator == indicator && c.category == category) return &c;
    }
    return nullptr;
  }

  // The trips of the hand-worked example, all in 2021 (one row in 2020 is left out).
  Table ExampleMobility() const {
    return Mobility({
        // flights: one trip of 1,000 km: 700-2,500 class: 1000 x 172 g = 172,000 g = 0.172 t
        {"2021-03-01", "business", "flight", 1000, 1},
        // two trips of 1,000 km together: 500 km a trip: <=700 class: 1000 x 234 g = 0.234 t
        {"2021-03-02", "business", "flight", 1000, 2},
        // two trips, 6,000 km: 3,000 km a trip: >2,500: 6000 x 157 g = 942,000 g = 0.942 t
        {"2021-04-01", "business", "flight", 6000, 2},
        // class edges (upper bounds inclusive): 700 km -> 234 g: 700 x 234 = 163,800 g = 0.1638 t
        {"2021-05-01", "business", "flight", 700, 1},
        // 2,500 km -> 172 g: 2500 x 172 = 430,000 g = 0.43 t
        {"2021-05-02", "business", "flight", 2500, std::nullopt},
        // private car, commute: 10,000 km x 204 g = 2,040,000 g = 2.04 t
        {"2021-01-01", "commute", "car_private_petrol", 10000, 1},
        // private car, business: 1,000 km x 180 g = 180,000 g = 0.18 t
        {"2021-06-01", "business", "car_private_diesel", 1000, 1},
        // service car: 5,000 km x 109 g = 545,000 g = 0.545 t
        {"2021-07-01", "business", "car_service_electric", 5000, 1},
        // public transport: 2,000 km x 6 g = 0.012 t; 1,000 km x 69 g = 0.069 t
        {"2021-08-01", "business", "train", 2000, 1},
        {"2021-08-01", "commute", "bus_tram_metro", 1000, 20},
        // other: bicycle 3,000 km x 0 g = 0 t; taxi 100 km x 220 g = 22,000 g = 0.022 t
        {"2021-09-01", "commute", "bicycle", 3000, 1},
        {"2021-09-02", "business", "taxi", 100, 1},
        // another year: left out
        {"2020-12-31", "business", "flight", 10000, 1},
    });
  }

  SchemaRegistry schemas_;
  ReferenceData ref_;
};

TEST_F(SustainabilityTest, MobilityTonnesByGroup) {
  MinistryInputs in;
  in.ministry = "BZK";
  in.year = 2021;
  in.tables["mobility"] = ExampleMobility();
  auto cells = Compute({&in});
  // flights: 0.172 + 0.234 + 0.942 + 0.1638 + 0.43 = 1.9418 t
  ASSERT_NE(Find(cells, "co2.mobility", "flights"), nullptr);
  EXPECT_NEAR(Find(cells, "co2.mobility", "flights")->numerator, 1.9418, 1e-9);
  EXPECT_NEAR(Find(cells, "co2.mobility", "private_car_commute")->numerator, 2.04, 1e-9);
  EXPECT_NEAR(Find(cells, "co2.mobility", "private_car_business")->numerator, 0.18, 1e-9);
  EXPECT_NEAR(Find(cells, "co2.mobility", "service_cars")->numerator, 0.545, 1e-9);
  // 0.012 + 0.069 = 0.081 t
  EXPECT_NEAR(Find(cells, "co2.mobility", "public_transport")->numerator, 0.081, 1e-9);
  EXPECT_NEAR(Find(cells, "co2.mobility", "other")->numerator, 0.022, 1e-9);
  // total: 1.9418 + 2.04 + 0.18 + 0.545 + 0.081 + 0.022 = 4.8098 t
  const Cell* total = Find(cells, "co2.mobility", "");
  ASSERT_NE(total, nullptr);
  EXPECT_NEAR(total->numerator, 4.8098, 1e-9);
  EXPECT_EQ(total->denominator, 1);
  EXPECT_EQ(total->persons, -1);
  EXPECT_EQ(total->period, "2021");
  // No personnel: no per-fte figure; no buildings: no building or total figures.
  EXPECT_EQ(Find(cells, "co2.mobility_per_fte"), nullptr);
  EXPECT_EQ(Find(cells, "co2.buildings"), nullptr);
  EXPECT_EQ(Find(cells, "co2.total"), nullptr);
  EXPECT_EQ(Find(cells, "housing.workplace_factor"), nullptr);
}

TEST_F(SustainabilityTest, SingleFlightsAtTheBriefsExample) {
  MinistryInputs in;
  in.tables["mobility"] = Mobility({{"2021-02-01", "business", "flight", 1000, 1}});
  auto cells = Compute({&in});
  // 1 trip of 1,000 km: 1000 x 172 g = 0.172 t
  EXPECT_NEAR(Find(cells, "co2.mobility", "flights")->numerator, 0.172, 1e-12);
  in.tables["mobility"] = Mobility({{"2021-02-01", "business", "flight", 1000, 2}});
  cells = Compute({&in});
  // 2 trips, 1,000 km in total: 500 km a trip: 1000 x 234 g = 0.234 t
  EXPECT_NEAR(Find(cells, "co2.mobility", "flights")->numerator, 0.234, 1e-12);
  // Every group is there, zero when nothing was travelled in it.
  EXPECT_EQ(Find(cells, "co2.mobility", "service_cars")->numerator, 0);
}

TEST_F(SustainabilityTest, MobilityPerMeanFte) {
  MinistryInputs in;
  in.tables["mobility"] = ExampleMobility();
  in.tables["personnel"] = Personnel({
      {"2015-01-01", std::nullopt, 36},  // all of 2021 at 36/36: 1.0
      {"2019-05-01", std::nullopt, 18},  // all of 2021 at 18/36: 0.5
      {"2021-10-01", std::nullopt, 36},  // 1 Oct - 31 Dec = 31+30+31 = 92 days: 92/365
      {"2018-01-01", "2020-12-31", 36},  // ended before 2021: 0
  });
  auto cells = Compute({&in});
  const Cell* c = Find(cells, "co2.mobility_per_fte");
  ASSERT_NE(c, nullptr);
  // 4.8098 t / (1 + 0.5 + 92/365 = 1.752055 fte) = 2.745233 t per fte
  EXPECT_NEAR(c->numerator, 4.8098, 1e-9);
  EXPECT_NEAR(c->denominator, 1.5 + 92.0 / 365.0, 1e-12);
  EXPECT_NEAR(c->numerator / c->denominator, 2.745233, 1e-6);
}

TEST_F(SustainabilityTest, BuildingsEnergyAndHousing) {
  MinistryInputs in;
  in.tables["buildings"] = Buildings({
      // A: 5,000 m2, 300 workplaces, 400 fte, 100,000 kWh of which 30,000 NL and 20,000 EU
      // renewable, 10,000 m3 gas, 100 GJ heat, occupancy 60%
      {5000, 300, 400, 100000, 30000, 20000, 10000, 100, 60},
      // B: 1,000 m2, 150 workplaces, 200 fte, 50,000 kWh all EU renewable, no gas, no heat
      // delivered, occupancy not measured
      {1000, 150, 200, 50000, 0, 50000, 0, std::nullopt, std::nullopt},
  });
  auto cells = Compute({&in});
  // gas: 10,000 m3 x 2.13 kg = 21,300 kg = 21.3 t
  EXPECT_NEAR(Find(cells, "co2.buildings", "gas")->numerator, 21.3, 1e-9);
  // grey: (100,000 - 30,000 - 20,000) + (50,000 - 0 - 50,000) = 50,000 kWh x 0.55 kg = 27.5 t
  EXPECT_NEAR(Find(cells, "co2.buildings", "grey_electricity")->numerator, 27.5, 1e-9);
  // heat: 100 GJ x 36 kg = 3,600 kg = 3.6 t
  EXPECT_NEAR(Find(cells, "co2.buildings", "district_heat")->numerator, 3.6, 1e-9);
  // total: 21.3 + 27.5 + 3.6 = 52.4 t
  EXPECT_NEAR(Find(cells, "co2.buildings", "")->numerator, 52.4, 1e-9);
  EXPECT_EQ(Find(cells, "co2.total"), nullptr);  // no mobility delivered
  // renewable: 100 x (30,000 + 20,000 + 0 + 50,000) / 150,000 = 66.67%
  const Cell* share = Find(cells, "energy.renewable_share");
  EXPECT_EQ(share->numerator, 100000);
  EXPECT_EQ(share->denominator, 150000);
  // NL: 100 x 30,000 / 150,000 = 20%
  const Cell* nl = Find(cells, "energy.nl_wind_share");
  EXPECT_EQ(nl->numerator, 30000);
  EXPECT_EQ(nl->denominator, 150000);
  EXPECT_EQ(Find(cells, "energy.gas_m3")->numerator, 10000);
  // m2 per fte: (5,000 + 1,000) / (400 + 200) = 10
  const Cell* m2 = Find(cells, "housing.m2_per_fte");
  EXPECT_DOUBLE_EQ(m2->numerator / m2->denominator, 10.0);
  // workplace factor: (300 + 150) / 600 = 0.75, above the norm of 0.7
  const Cell* wf = Find(cells, "housing.workplace_factor");
  EXPECT_EQ(wf->numerator, 450);
  EXPECT_EQ(wf->denominator, 600);
  // occupancy: only A measured: 60 x 300 / 300 = 60%
  const Cell* occ = Find(cells, "housing.occupancy");
  EXPECT_EQ(occ->numerator, 18000);
  EXPECT_EQ(occ->denominator, 300);
}

TEST_F(SustainabilityTest, WorkplaceFactorNormFlagsAboveSevenTenths) {
  std::optional<Norm> norm;
  double scale = 0;
  for (const auto& d : MakeSustainabilityTheme()->Indicators()) {
    if (d.id == "housing.workplace_factor") {
      norm = d.norm;
      scale = d.scale;
    }
  }
  ASSERT_TRUE(norm.has_value());
  EXPECT_EQ(norm->kind, Norm::Kind::kMaximum);
  EXPECT_EQ(norm->flag, "above_norm");
  EXPECT_EQ(norm->source, "norms.csv:housing.workplace_factor.max");
  // Its value is data: norms.csv row housing.workplace_factor.max (the domain's 0.7 is pinned in
  // engine_test.cc, NormsComeFromTheNormsFile), unresolved here.
  EXPECT_EQ(norm->id, "housing.workplace_factor.max");
  EXPECT_TRUE(std::isnan(norm->value));
  EXPECT_EQ(scale, 1);
}

TEST_F(SustainabilityTest, OccupancyWeightedByWorkplaces) {
  MinistryInputs in;
  in.tables["buildings"] = Buildings({
      {5000, 300, 400, 100000, 0, 0, 0, std::nullopt, 60},
      {1000, 150, 200, 50000, 0, 0, 0, std::nullopt, 30},
      {1000, 50, 40, 10000, 0, 0, 0, std::nullopt, std::nullopt},
  });
  auto cells = Compute({&in});
  // (60 x 300 + 30 x 150) / (300 + 150) = (18,000 + 4,500) / 450 = 50%; the third is unmeasured
  const Cell* occ = Find(cells, "housing.occupancy");
  EXPECT_EQ(occ->numerator, 22500);
  EXPECT_EQ(occ->denominator, 450);
  // Nothing renewable: 0%, a real figure.
  EXPECT_EQ(Find(cells, "energy.renewable_share")->numerator, 0);
}

TEST_F(SustainabilityTest, PoolingAddsTheMinistriesParts) {
  MinistryInputs a, b;
  a.ministry = "BZK";
  a.tables["mobility"] = ExampleMobility();
  a.tables["personnel"] = Personnel({{"2015-01-01", std::nullopt, 36}});
  a.tables["buildings"] = Buildings({{5000, 300, 400, 100000, 30000, 20000, 10000, 100, 60}});
  b.ministry = "FIN";
  b.tables["mobility"] = Mobility({{"2021-02-01", "commute", "car_private_diesel", 1000, 1}});
  auto cells = Compute({&a, &b});
  // mobility: 4.8098 (BZK) + 1000 x 180 g = 0.18 (FIN) = 4.9898 t
  EXPECT_NEAR(Find(cells, "co2.mobility", "")->numerator, 4.9898, 1e-9);
  // FIN's commute adds to BZK's: 2.04 + 0.18 = 2.22 t
  EXPECT_NEAR(Find(cells, "co2.mobility", "private_car_commute")->numerator, 2.22, 1e-9);
  // per fte: only BZK delivered personnel: 4.8098 t / 1.0 fte
  const Cell* per_fte = Find(cells, "co2.mobility_per_fte");
  EXPECT_NEAR(per_fte->numerator, 4.8098, 1e-9);
  EXPECT_NEAR(per_fte->denominator, 1.0, 1e-12);
  // total: only BZK delivered both: 4.8098 + buildings (21.3 + 27.5 + 3.6 = 52.4) = 57.2098 t
  EXPECT_NEAR(Find(cells, "co2.total")->numerator, 57.2098, 1e-9);
  EXPECT_EQ(Find(cells, "energy.gas_m3")->numerator, 10000);
}

TEST_F(SustainabilityTest, NoDatasetNoCells) {
  MinistryInputs in;
  in.tables["personnel"] = Personnel({{"2015-01-01", std::nullopt, 36}});
  EXPECT_TRUE(Compute({&in}).empty());
  EXPECT_TRUE(Compute({}).empty());
}

TEST_F(SustainabilityTest, EachYearUsesItsOwnVintage) {
  // Three vintages of the train factor; emission_factor_vintages.csv assigns 2019-old to 2019 and
  // 2020, 2021-official from 2021 on. A new list therefore changes no earlier year.
  RefTable f;
  f.name = "emission_factors";
  f.columns = {"vintage", "mode",  "distance_class", "factor_g_per_km",
               "unit",    "scope", "source",         "status"};
  f.rows = {{"2020-illustrative", "train", "", "6", "g_per_passenger_km", "", "", "illustrative"},
            {"2021-official", "train", "", "4", "g_per_passenger_km", "", "", "official"},
            {"2019-old", "train", "", "40", "g_per_passenger_km", "", "", "official"}};
  ref_.Put(f);
  RefTable v;
  v.name = "emission_factor_vintages";
  v.columns = {"from_year", "vintage", "source"};
  v.rows = {{"2021", "2021-official", ""}, {"2019", "2019-old", ""}};
  ref_.Put(v);
  ThemeContext ctx{&ref_};
  auto in2020 = MinistryInputs{};
  in2020.tables["mobility"] = Mobility({{"2020-02-01", "business", "train", 1000, 1}});
  auto y2020 = MakeSustainabilityTheme()->Compute(ctx, 2020, {&in2020});
  ASSERT_TRUE(y2020.ok()) << y2020.status().ToString();
  // 2020 with 2019-old: 1,000 km x 40 g = 0.04 t (the newest list would have given 0.004 t).
  EXPECT_NEAR(Find(*y2020, "co2.mobility", "public_transport")->numerator, 0.04, 1e-12);
  auto in2021 = MinistryInputs{};
  in2021.tables["mobility"] = Mobility({{"2021-02-01", "business", "train", 1000, 1}});
  auto y2021 = MakeSustainabilityTheme()->Compute(ctx, 2021, {&in2021});
  ASSERT_TRUE(y2021.ok()) << y2021.status().ToString();
  // 2021 with 2021-official: 1,000 km x 4 g = 0.004 t.
  EXPECT_NEAR(Find(*y2021, "co2.mobility", "public_transport")->numerator, 0.004, 1e-12);
  EXPECT_EQ(*EmissionFactorVintage(ref_, 2020), "2019-old");
  EXPECT_EQ(*EmissionFactorVintage(ref_, 2035), "2021-official");
  // A year before the first row, or a vintage the factor table lacks, is an error that says so.
  auto early = EmissionFactorVintage(ref_, 2010);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(early.status().message().find("assigns no vintage to 2010"), std::string::npos)
      << early.status().message();
  v.rows.push_back({"2022", "2022-nowhere", ""});
  ref_.Put(v);
  auto unknown = EmissionFactorVintage(ref_, 2022);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(unknown.status().message().find("'2022-nowhere'"), std::string::npos)
      << unknown.status().message();
}

TEST_F(SustainabilityTest, ShippedVintagesCoverEveryReportYear) {
  // The shipped files assign the illustrative list to every year from 2000 on.
  for (int year : {2016, 2018, 2019, 2020, 2021, 2030}) {
    auto v = EmissionFactorVintage(ref_, year);
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_EQ(*v, "2020-illustrative");
  }
}

TEST_F(SustainabilityTest, MissingFactorIsAnError) {
  RefTable f;
  f.name = "emission_factors";
  f.columns = {"vintage", "mode", "distance_class", "factor_g_per_km", "unit"};
  f.rows = {{"v1", "train", "", "6", "g_per_km"}};
  ref_.Put(f);
  RefTable v;
  v.name = "emission_factor_vintages";
  v.columns = {"from_year", "vintage"};
  v.rows = {{"2000", "v1"}};
  ref_.Put(v);
  MinistryInputs in;
  in.tables["mobility"] = Mobility({{"2021-02-01", "business", "boat", 10, 1}});
  ThemeContext ctx{&ref_};
  auto cells = MakeSustainabilityTheme()->Compute(ctx, 2021, {&in});
  ASSERT_FALSE(cells.ok());
  EXPECT_EQ(cells.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(cells.status().message().find("boat"), std::string::npos) << cells.status().message();
}

TEST_F(SustainabilityTest, OccupancyAndOfficeSharePerQuarter) {
  // A: 300 workplaces, 400 fte housed, measured 50% over the year, 80% in Q1, 20% in Q2, 50% in Q3.
  // B: 200 workplaces, 250 fte housed, measured only in Q1: 60%.
  MinistryInputs in;
  in.tables["buildings"] =
      Buildings({{1000, 300, 400, 0, 0, 0, 0, std::nullopt, 50, {80, 20, 50, std::nullopt}},
                 {800,
                  200,
                  250,
                  0,
                  0,
                  0,
                  0,
                  std::nullopt,
                  std::nullopt,
                  {60, std::nullopt, std::nullopt, std::nullopt}}});
  const auto cells = Compute({&in});
  auto value = [&](const char* id, const std::string& period) {
    for (const Cell& c : cells) {
      if (c.indicator == id && c.period == period) return c.numerator / c.denominator;
    }
    return -1.0;
  };
  // Occupancy Q1: (80 x 300 + 60 x 200) / 500 = 72%; Q2 only A: 20%; the year only A: 50%.
  EXPECT_NEAR(value("housing.occupancy", "2021-Q1"), 72, 1e-12);
  EXPECT_NEAR(value("housing.occupancy", "2021-Q2"), 20, 1e-12);
  EXPECT_NEAR(value("housing.occupancy", "2021"), 50, 1e-12);
  // Staff at the office (x 100 for %): Q1 (0.8 x 300 + 0.6 x 200) / (400 + 250) = 360 / 650;
  // Q2 0.2 x 300 / 400 = 0.15; Q3 0.5 x 300 / 400 = 0.375; the year 0.375; Q4 not measured.
  EXPECT_NEAR(value("housing.office_share", "2021-Q1"), 360.0 / 650, 1e-12);
  EXPECT_NEAR(value("housing.office_share", "2021-Q2"), 0.15, 1e-12);
  EXPECT_NEAR(value("housing.office_share", "2021-Q3"), 0.375, 1e-12);
  EXPECT_NEAR(value("housing.office_share", "2021"), 0.375, 1e-12);
  EXPECT_EQ(value("housing.office_share", "2021-Q4"), -1);
  EXPECT_EQ(value("housing.occupancy", "2021-Q4"), -1);
}

TEST_F(SustainabilityTest, DerivedAcrossYears) {
  auto derived = MakeSustainabilityTheme()->Derived(ref_);
  std::vector<std::string> ids;
  for (const auto& f : derived) ids.push_back(f.def.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"co2.mobility_change", "co2.mobility_growth",
                                           "co2.total_growth"}));
  // Against the base year of norms.csv (2016), whatever the year.
  EXPECT_EQ(derived[0].other_year(2021), 2016);
  EXPECT_NE(derived[0].def.definition_en.find("base year 2016"), std::string::npos);
  EXPECT_EQ(derived[1].other_year(2021), 2020);
}

TEST_F(SustainabilityTest, DefinitionsAndOrder) {
  auto defs = MakeSustainabilityTheme()->Indicators();
  std::set<std::string> ids;
  for (const auto& d : defs) {
    EXPECT_TRUE(ids.insert(d.id).second) << d.id;
    EXPECT_EQ(d.disclosure, Disclosure::kNone) << d.id;
    EXPECT_FALSE(d.definition_nl.empty() || d.definition_en.empty()) << d.id;
  }
  EXPECT_EQ(
      ids, (std::set<std::string>{"co2.mobility", "co2.mobility_per_fte", "co2.buildings",
                                  "co2.total", "energy.renewable_share", "energy.nl_wind_share",
                                  "energy.gas_m3", "housing.m2_per_fte", "housing.workplace_factor",
                                  "housing.occupancy", "housing.office_share"}));
  MinistryInputs in;
  in.tables["mobility"] = ExampleMobility();
  in.tables["buildings"] = Buildings({{5000, 300, 400, 100000, 30000, 20000, 10000, 100, 60}});
  auto cells = Compute({&in});
  for (size_t i = 1; i < cells.size(); ++i) {
    EXPECT_LE(std::tie(cells[i - 1].indicator, cells[i - 1].category),
              std::tie(cells[i].indicator, cells[i].category));
    EXPECT_NE(ids.count(cells[i].indicator), 0u) << cells[i].indicator;
  }
}

}  // namespace
}  // namespace jbr
