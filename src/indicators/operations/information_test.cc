#include <algorithm>
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

struct Row {
  int64_t received, decided, on_time, breaches;
  std::string status;
};

class InformationThemeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reg = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    registry_ = std::move(reg).value();
    theme_ = MakeInformationTheme();
  }

  MinistryInputs Ministry(const std::string& code, const std::vector<Row>& rows) {
    std::vector<int64_t> received, decided, on_time, breaches;
    std::vector<std::string> status;
    for (const auto& r : rows) {
      received.push_back(r.received);
      decided.push_back(r.decided);
      on_time.push_back(r.on_time);
      breaches.push_back(r.breaches);
      status.push_back(r.status);
    }
    MinistryInputs in;
    in.ministry = code;
    in.year = 2020;
    in.tables.emplace("information", MakeTable(registry_.Find("information"),
                                               {{"woo_requests_received", IntCol(received)},
                                                {"woo_decided", IntCol(decided)},
                                                {"woo_decided_on_time", IntCol(on_time)},
                                                {"data_breaches_reported", IntCol(breaches)},
                                                {"in_control_statement", StrCol(status)}}));
    return in;
  }

  std::vector<Cell> Run(const std::vector<const MinistryInputs*>& inputs) {
    auto r = theme_->Compute(ThemeContext{}, 2020, inputs);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : std::vector<Cell>{};
  }

  // A: 120 received, 100 decided of which 80 on time (80%), 7 breaches, in control: yes.
  MinistryInputs A() { return Ministry("A", {{120, 100, 80, 7, "yes"}}); }
  // B: 30 received, 50 decided of which 45 on time (90%), 2 breaches, partial.
  MinistryInputs B() { return Ministry("B", {{30, 50, 45, 2, "partial"}}); }
  // C: nothing received or decided, no breaches, not in control.
  MinistryInputs C() { return Ministry("C", {{0, 0, 0, 0, "no"}}); }

  SchemaRegistry registry_;
  std::unique_ptr<Theme> theme_;
};

const Cell* Find(const std::vector<Cell>& cells, const std::string& indicator,
                 const std::string& category = "") {
  for (const auto& c : cells) {
    if (c.indicator == indicator && c.category == category) return &c;
  }
  return nullptr;
}

void ExpectCell(const std::vector<Cell>& cells, const std::string& indicator,
                const std::string& category, double numerator, double denominator = 1) {
  const Cell* c = Find(cells, indicator, category);
  ASSERT_NE(c, nullptr) << indicator << " '" << category << "'";
  EXPECT_DOUBLE_EQ(c->numerator, numerator) << indicator << " '" << category << "'";
  EXPECT_DOUBLE_EQ(c->denominator, denominator) << indicator << " '" << category << "'";
  EXPECT_EQ(c->persons, -1);
  EXPECT_EQ(c->period, "2020");
}

TEST_F(InformationThemeTest, Definitions) {
  auto defs = theme_->Indicators();
  ASSERT_EQ(defs.size(), 4u);
  EXPECT_EQ(defs[0].id, "information.woo_on_time");
  EXPECT_DOUBLE_EQ(defs[0].scale, 100);
  EXPECT_TRUE(defs[0].higher_is_better);
  EXPECT_EQ(defs[1].id, "information.woo_requests");
  EXPECT_EQ(defs[2].id, "information.data_breaches");
  EXPECT_EQ(defs[3].id, "information.in_control");
  for (const auto& d : defs) {
    EXPECT_EQ(d.disclosure, Disclosure::kNone) << d.id;
    EXPECT_EQ(d.datasets, std::vector<std::string>{"information"}) << d.id;
    EXPECT_FALSE(d.definition_nl.empty() || d.definition_en.empty()) << d.id;
  }
}

TEST_F(InformationThemeTest, OneMinistry) {
  MinistryInputs a = A();
  auto cells = Run({&a});
  ExpectCell(cells, "information.woo_on_time", "", 80, 100);  // 80%
  ExpectCell(cells, "information.woo_requests", "", 120);
  ExpectCell(cells, "information.data_breaches", "", 7);
  // One ministry: 1 in its own category, 0 in the others; total 1.
  ExpectCell(cells, "information.in_control", "yes", 1);
  ExpectCell(cells, "information.in_control", "partial", 0);
  ExpectCell(cells, "information.in_control", "no", 0);
  ExpectCell(cells, "information.in_control", "", 1);
  EXPECT_EQ(cells.size(), 7u);
}

TEST_F(InformationThemeTest, NoDecisionsGivesNoShare) {
  MinistryInputs c = C();
  auto cells = Run({&c});
  EXPECT_EQ(Find(cells, "information.woo_on_time"), nullptr);  // 0/0: no cell
  ExpectCell(cells, "information.woo_requests", "", 0);
  ExpectCell(cells, "information.in_control", "no", 1);
}

TEST_F(InformationThemeTest, PooledIsSumOfParts) {
  MinistryInputs a = A(), b = B(), c = C();
  auto cells = Run({&a, &b, &c});
  // (80 + 45 + 0) / (100 + 50 + 0) = 125 / 150 = 83.3%, not the mean of 80% and 90% (85%).
  ExpectCell(cells, "information.woo_on_time", "", 125, 150);
  ExpectCell(cells, "information.woo_requests", "", 150);  // 120 + 30 + 0
  ExpectCell(cells, "information.data_breaches", "", 9);   // 7 + 2 + 0
  ExpectCell(cells, "information.in_control", "yes", 1);
  ExpectCell(cells, "information.in_control", "partial", 1);
  ExpectCell(cells, "information.in_control", "no", 1);
  ExpectCell(cells, "information.in_control", "", 3);
}

TEST_F(InformationThemeTest, MinistryWithoutDatasetOrRowIsSkipped) {
  MinistryInputs a = A();
  MinistryInputs none;
  none.ministry = "X";
  none.year = 2020;
  MinistryInputs empty = Ministry("Y", {});
  auto cells = Run({&a, &none, &empty});
  // As A alone: neither X nor Y counts as a ministry in the in-control statements.
  ExpectCell(cells, "information.woo_on_time", "", 80, 100);
  ExpectCell(cells, "information.in_control", "", 1);
  ExpectCell(cells, "information.in_control", "yes", 1);
  EXPECT_TRUE(Run({&none}).empty());
  EXPECT_TRUE(Run({&empty}).empty());
  EXPECT_TRUE(Run({}).empty());
}

TEST_F(InformationThemeTest, CellsAreSorted) {
  MinistryInputs a = A(), b = B(), c = C();
  auto cells = Run({&a, &b, &c});
  EXPECT_TRUE(std::is_sorted(cells.begin(), cells.end(), [](const Cell& x, const Cell& y) {
    return std::tie(x.indicator, x.unit_type, x.period, x.category) <
           std::tie(y.indicator, y.unit_type, y.period, y.category);
  }));
}

}  // namespace
}  // namespace jbr
