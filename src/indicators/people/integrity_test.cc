#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "indicators/core/themes.h"
#include "indicators/testing/columns.h"
#include "schema/schema.h"

namespace jbr {
namespace {

using test::IntCol;
using test::StrCol;

// type, reports, confirmed, dismissal, reprimand, transfer, other_measure, no_measure
struct Row {
  std::string type;
  std::array<int64_t, 7> n;
};

constexpr std::array<const char*, 7> kCounts = {
    "reports", "confirmed", "dismissal", "reprimand", "transfer", "other_measure", "no_measure"};

using Expected = std::map<std::string, double>;  // category -> count; "" the total

class IntegrityThemeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reg = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    registry_ = std::move(reg).value();
    theme_ = MakeIntegrityTheme();
    const DatasetSchema* s = registry_.Find("integrity");
    types_ = s->fields[s->FieldIndex("type")].enum_values;
  }

  MinistryInputs Ministry(const std::string& code, const std::vector<Row>& rows) {
    std::vector<std::string> type;
    std::array<std::vector<int64_t>, 7> counts;
    for (const auto& r : rows) {
      type.push_back(r.type);
      for (size_t k = 0; k < counts.size(); ++k) counts[k].push_back(r.n[k]);
    }
    std::map<std::string, Column> cols = {{"type", StrCol(type)}};
    for (size_t k = 0; k < counts.size(); ++k) cols[kCounts[k]] = IntCol(counts[k]);
    MinistryInputs in;
    in.ministry = code;
    in.year = 2020;
    in.tables.emplace("integrity", MakeTable(registry_.Find("integrity"), std::move(cols)));
    return in;
  }

  std::vector<Cell> Run(const std::vector<const MinistryInputs*>& inputs) {
    auto r = theme_->Compute(ThemeContext{}, 2020, inputs);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : std::vector<Cell>{};
  }

  // Ministry A:
  //  financial:             5 reports, 3 confirmed; dismissal 1, reprimand 1, no measure 1
  //  undesirable_behaviour: 12 reports, 6 confirmed; reprimand 2, transfer 1, other 1
  //                         (2 confirmed breaches not yet decided on)
  MinistryInputs A() {
    return Ministry("A", {{"financial", {5, 3, 1, 1, 0, 0, 1}},
                          {"undesirable_behaviour", {12, 6, 0, 2, 1, 1, 0}}});
  }
  // Ministry B:
  //  financial:        2 reports, 1 confirmed; dismissal 1
  //  information_leak: 4 reports, none confirmed
  MinistryInputs B() {
    return Ministry(
        "B", {{"financial", {2, 1, 1, 0, 0, 0, 0}}, {"information_leak", {4, 0, 0, 0, 0, 0, 0}}});
  }

  SchemaRegistry registry_;
  std::unique_ptr<Theme> theme_;
  std::vector<std::string> types_;
};

const std::vector<std::string> kMeasures = {"dismissal", "reprimand", "transfer", "other_measure",
                                            "no_measure"};

// Checks every cell of `indicator` against `expected` (categories not named there must be 0).
void ExpectCounts(const std::vector<Cell>& cells, const std::string& indicator,
                  const std::vector<std::string>& categories, const Expected& expected) {
  std::map<std::string, const Cell*> got;
  for (const auto& c : cells) {
    if (c.indicator == indicator) got[c.category] = &c;
  }
  std::vector<std::string> all = {""};
  all.insert(all.end(), categories.begin(), categories.end());
  EXPECT_EQ(got.size(), all.size()) << indicator;
  for (const auto& cat : all) {
    auto it = got.find(cat);
    ASSERT_NE(it, got.end()) << indicator << " '" << cat << "'";
    const Cell& c = *it->second;
    double n = expected.count(cat) ? expected.at(cat) : 0;
    EXPECT_DOUBLE_EQ(c.numerator, n) << indicator << " '" << cat << "'";
    EXPECT_DOUBLE_EQ(c.denominator, 1) << indicator << " '" << cat << "'";
    EXPECT_EQ(c.persons, static_cast<int64_t>(n)) << indicator << " '" << cat << "'";
    EXPECT_EQ(c.period, "2020");
  }
}

TEST_F(IntegrityThemeTest, Definitions) {
  auto defs = theme_->Indicators();
  ASSERT_EQ(defs.size(), 3u);
  EXPECT_EQ(defs[0].id, "integrity.reports");
  EXPECT_EQ(defs[1].id, "integrity.confirmed");
  EXPECT_EQ(defs[2].id, "integrity.measures");
  for (const auto& d : defs) {
    EXPECT_EQ(d.disclosure, Disclosure::kIntegrityCount) << d.id;
    EXPECT_EQ(d.datasets, std::vector<std::string>{"integrity"}) << d.id;
    EXPECT_FALSE(d.definition_nl.empty() || d.definition_en.empty()) << d.id;
  }
  EXPECT_EQ(types_.size(), 9u);
}

TEST_F(IntegrityThemeTest, OneMinistry) {
  MinistryInputs a = A();
  auto cells = Run({&a});
  // reports 5 + 12 = 17
  ExpectCounts(cells, "integrity.reports", types_,
               {{"", 17}, {"financial", 5}, {"undesirable_behaviour", 12}});
  // confirmed 3 + 6 = 9
  ExpectCounts(cells, "integrity.confirmed", types_,
               {{"", 9}, {"financial", 3}, {"undesirable_behaviour", 6}});
  // measures: dismissal 1 + 0; reprimand 1 + 2 = 3; transfer 0 + 1; other 0 + 1; none 1 + 0;
  // total 1 + 3 + 1 + 1 + 1 = 7 (not the 9 confirmed: 2 undecided)
  ExpectCounts(cells, "integrity.measures", kMeasures,
               {{"", 7},
                {"dismissal", 1},
                {"reprimand", 3},
                {"transfer", 1},
                {"other_measure", 1},
                {"no_measure", 1}});
  EXPECT_EQ(cells.size(), 26u);  // (1 + 9) reports + (1 + 9) confirmed + (1 + 5) measures
}

TEST_F(IntegrityThemeTest, PooledIsSumOfParts) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  // reports 17 + 6 = 23: financial 5 + 2 = 7; undesirable 12; leak 4
  ExpectCounts(
      cells, "integrity.reports", types_,
      {{"", 23}, {"financial", 7}, {"undesirable_behaviour", 12}, {"information_leak", 4}});
  // confirmed 9 + 1 = 10: financial 3 + 1 = 4; undesirable 6; leak 0
  ExpectCounts(cells, "integrity.confirmed", types_,
               {{"", 10}, {"financial", 4}, {"undesirable_behaviour", 6}});
  // measures 7 + 1 = 8: dismissal 1 + 1 = 2
  ExpectCounts(cells, "integrity.measures", kMeasures,
               {{"", 8},
                {"dismissal", 2},
                {"reprimand", 3},
                {"transfer", 1},
                {"other_measure", 1},
                {"no_measure", 1}});
}

TEST_F(IntegrityThemeTest, SmallCountsKeepTheirPersons) {
  MinistryInputs b = B();
  auto cells = Run({&b});
  // 1 confirmed breach: persons 1, so the disclosure step can suppress it (0 < 1 < 5).
  ExpectCounts(cells, "integrity.confirmed", types_, {{"", 1}, {"financial", 1}});
}

TEST_F(IntegrityThemeTest, MinistryWithoutDatasetIsSkipped) {
  MinistryInputs b = B();
  MinistryInputs none;
  none.ministry = "X";
  none.year = 2020;
  auto cells = Run({&b, &none});
  ExpectCounts(cells, "integrity.reports", types_,
               {{"", 6}, {"financial", 2}, {"information_leak", 4}});
  EXPECT_TRUE(Run({&none}).empty());
  EXPECT_TRUE(Run({}).empty());
}

TEST_F(IntegrityThemeTest, CellsAreSorted) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  EXPECT_TRUE(std::is_sorted(cells.begin(), cells.end(), [](const Cell& x, const Cell& y) {
    return std::tie(x.indicator, x.unit_type, x.period, x.category) <
           std::tie(y.indicator, y.unit_type, y.period, y.category);
  }));
}

}  // namespace
}  // namespace jbr
