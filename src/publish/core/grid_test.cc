#include "publish/core/grid.h"

#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

PublishedValue At(const std::string& ministry, const std::string& period,
                  const std::string& unit_type, const std::string& category) {
  PublishedValue v;
  v.indicator = "absence.rate";
  v.ministry = ministry;
  v.period = period;
  v.unit_type = unit_type;
  v.category = category;
  v.status = "published";
  v.value = 1;
  return v;
}

TEST(BuildGrid, MinistriesByCodeThenRijkColumnsByPeriodUnitTypeCategory) {
  const std::vector<PublishedValue> values = {
      At("Rijk", "2020", "", ""),     At("VWS", "2020-Q1", "", ""), At("BZK", "2020", "core", ""),
      At("BZK", "2020", "", "25-34"), At("BZK", "2020", "", ""),    At("AZ", "2020", "", "")};
  std::vector<const PublishedValue*> ptrs;
  for (const auto& v : values) ptrs.push_back(&v);
  const Grid g = BuildGrid(ptrs);
  EXPECT_EQ(g.rows, (std::vector<std::string>{"AZ", "BZK", "VWS", "Rijk"}));
  std::vector<std::string> cols;
  for (const auto& c : g.columns) cols.push_back(c.period + "|" + c.unit_type + "|" + c.category);
  // The year before its quarters ("2020" < "2020-Q1"); all units and the total first.
  EXPECT_EQ(cols, (std::vector<std::string>{"2020||", "2020||25-34", "2020|core|", "2020-Q1||"}));
  EXPECT_EQ(g.cells.at({3, 0}), &values[0]);  // Rijk, 2020
  EXPECT_EQ(g.cells.at({2, 3}), &values[1]);  // VWS, 2020-Q1
  EXPECT_EQ(g.cells.at({1, 2}), &values[2]);  // BZK, core
  EXPECT_EQ(g.cells.at({1, 1}), &values[3]);  // BZK, 25-34
  EXPECT_EQ(g.cells.at({0, 0}), &values[5]);  // AZ
  EXPECT_EQ(g.cells.size(), values.size());
}

}  // namespace
}  // namespace jbr::publish
