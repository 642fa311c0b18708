// Fleet theme: zero-emission shares worked by hand in the comments.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "common/parse.h"
#include "indicators/core/themes.h"
#include "indicators/testing/columns.h"

namespace jbr {
namespace {

using test::DateCol;
using test::StrCol;

struct Vehicle {
  std::string kind, fuel, from;
  std::optional<std::string> to;
};

const SchemaRegistry& Schemas() {
  static const SchemaRegistry reg =
      SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas").value();
  return reg;
}

MinistryInputs Fleet(const std::vector<Vehicle>& rows) {
  std::vector<std::string> id, kind, fuel;
  std::vector<std::optional<std::string>> from, to;
  for (size_t i = 0; i < rows.size(); ++i) {
    id.push_back("V" + std::to_string(i));
    kind.push_back(rows[i].kind);
    fuel.push_back(rows[i].fuel);
    from.push_back(rows[i].from);
    to.push_back(rows[i].to);
  }
  MinistryInputs in;
  in.tables.emplace("fleet", MakeTable(Schemas().Find("fleet"), {{"vehicle_id", StrCol(id)},
                                                                 {"kind", StrCol(kind)},
                                                                 {"fuel", StrCol(fuel)},
                                                                 {"in_service_from", DateCol(from)},
                                                                 {"in_service_to", DateCol(to)}}));
  return in;
}

const Cell* Find(const std::vector<Cell>& cells, const std::string& id) {
  for (const Cell& c : cells) {
    if (c.indicator == id) return &c;
  }
  return nullptr;
}

TEST(FleetTheme, ZeroEmissionSharesOfPassengerCars) {
  MinistryInputs in =
      Fleet({{"passenger_car", "electric", "2018-01-01", std::nullopt},    // in, zero
             {"passenger_car", "petrol", "2016-03-01", "2020-06-30"},      // gone
             {"passenger_car", "diesel", "2019-01-01", std::nullopt},      // in
             {"passenger_car", "hydrogen", "2020-07-01", std::nullopt},    // in, zero, new
             {"van", "electric", "2020-02-01", std::nullopt},              // not a car
             {"passenger_car", "hybrid", "2020-03-01", "2020-12-31"},      // in, new
             {"passenger_car", "electric", "2021-01-01", std::nullopt}});  // next year
  ThemeContext ctx;
  auto cells = MakeFleetTheme()->Compute(ctx, 2020, {&in});
  ASSERT_TRUE(cells.ok()) << cells.status().ToString();
  // On 31 December: 4 passenger cars, 2 zero-emission: 50%. New in 2020: 2 cars, 1 zero: 50%.
  EXPECT_EQ(Find(*cells, "fleet.passenger_cars")->numerator, 4);
  EXPECT_EQ(Find(*cells, "fleet.zero_emission_share")->numerator, 2);
  EXPECT_EQ(Find(*cells, "fleet.zero_emission_share")->denominator, 4);
  EXPECT_EQ(Find(*cells, "fleet.zero_emission_share_new")->numerator, 1);
  EXPECT_EQ(Find(*cells, "fleet.zero_emission_share_new")->denominator, 2);
  // No fleet delivered: no cells (the engine reports the ministry missing).
  MinistryInputs none;
  EXPECT_TRUE(MakeFleetTheme()->Compute(ctx, 2020, {&none})->empty());
}

TEST(FleetTheme, NormIsTheNormsFilesMinimum) {
  const auto defs = MakeFleetTheme()->Indicators();
  ASSERT_EQ(defs.size(), 3u);
  ASSERT_TRUE(defs[0].norm.has_value());
  EXPECT_EQ(defs[0].norm->kind, Norm::Kind::kMinimum);
  EXPECT_EQ(defs[0].norm->id, "fleet.zero_emission_share.min");
  EXPECT_EQ(defs[0].norm->flag, "below_norm");
  // The value, 20 (domain.md section 7), comes from norms.csv.
  auto ref = ReferenceData::Load(std::string(JBR_SOURCE_DIR) + "/data/reference");
  ASSERT_TRUE(ref.ok());
  EXPECT_EQ(ref->Norm("fleet.zero_emission_share.min"), 20);
  for (const auto& d : defs) EXPECT_EQ(d.disclosure, Disclosure::kNone) << d.id;
}

}  // namespace
}  // namespace jbr
