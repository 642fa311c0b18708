#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "common/parse.h"
#include "indicators/core/themes.h"
#include "indicators/testing/columns.h"
#include "schema/schema.h"

namespace jbr {
namespace {

using test::DayCol;
using test::StrCol;

Days D(int y, int m, int d) { return DaysFromCivil(y, m, d); }

struct Row {
  Days start, end;
  std::string kind, level;
};

using Expected = std::map<std::string, double>;  // category -> count; "" the total

class InternshipsThemeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reg = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    registry_ = std::move(reg).value();
    theme_ = MakeInternshipsTheme();
  }

  MinistryInputs Ministry(const std::string& code, const std::vector<Row>& rows) {
    std::vector<Days> start, end;
    std::vector<std::string> ids, kind, level;
    for (size_t i = 0; i < rows.size(); ++i) {
      ids.push_back(code + "-" + std::to_string(i));
      start.push_back(rows[i].start);
      end.push_back(rows[i].end);
      kind.push_back(rows[i].kind);
      level.push_back(rows[i].level);
    }
    MinistryInputs in;
    in.ministry = code;
    in.year = 2020;
    in.tables.emplace("internships", MakeTable(registry_.Find("internships"),
                                               {{"internship_id", StrCol(ids)},
                                                {"start_date", DayCol(start)},
                                                {"end_date", DayCol(end)},
                                                {"kind", StrCol(kind)},
                                                {"education_level", StrCol(level)}}));
    return in;
  }

  std::vector<Cell> Run(const std::vector<const MinistryInputs*>& inputs) {
    auto r = theme_->Compute(ThemeContext{}, 2020, inputs);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : std::vector<Cell>{};
  }

  // Ministry A, reference date 2020-12-31:
  //  1 2020-01-01..2020-03-31 meeloop vmbo: started (the year's first day), not active
  //  2 2019-09-01..2020-12-31 afstudeer hbo: started last year; active (ends on 31 Dec)
  //  3 2020-12-31..2021-01-31 werk mbo: started (31 Dec); active (starts on 31 Dec)
  //  4 2020-06-01..2020-12-30 snuffel vmbo: started; not active (ended the day before)
  //  5 2021-01-01..2021-02-01 other wo: neither (next year)
  //  6 2020-09-01..2021-06-30 afstudeer wo: started; active
  MinistryInputs A() {
    return Ministry("A", {{D(2020, 1, 1), D(2020, 3, 31), "meeloop", "vmbo"},
                          {D(2019, 9, 1), D(2020, 12, 31), "afstudeer", "hbo"},
                          {D(2020, 12, 31), D(2021, 1, 31), "werk", "mbo"},
                          {D(2020, 6, 1), D(2020, 12, 30), "snuffel", "vmbo"},
                          {D(2021, 1, 1), D(2021, 2, 1), "other", "wo"},
                          {D(2020, 9, 1), D(2021, 6, 30), "afstudeer", "wo"}});
  }
  // Ministry B:
  //  1 2020-02-01..2021-01-15 afstudeer hbo: started; active
  //  2 2020-03-01..2020-05-01 meeloop mbo: started; not active
  MinistryInputs B() {
    return Ministry("B", {{D(2020, 2, 1), D(2021, 1, 15), "afstudeer", "hbo"},
                          {D(2020, 3, 1), D(2020, 5, 1), "meeloop", "mbo"}});
  }

  SchemaRegistry registry_;
  std::unique_ptr<Theme> theme_;
};

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
    EXPECT_EQ(c.unit_type, "");
  }
}

const std::vector<std::string> kKinds = {"meeloop", "snuffel", "afstudeer", "werk", "other"};
const std::vector<std::string> kLevels = {"vmbo", "mbo", "hbo", "wo", "other"};

TEST_F(InternshipsThemeTest, Definitions) {
  auto defs = theme_->Indicators();
  ASSERT_EQ(defs.size(), 4u);
  EXPECT_EQ(defs[0].id, "internships.started");
  EXPECT_EQ(defs[1].id, "internships.started_by_level");
  EXPECT_EQ(defs[2].id, "internships.active");
  EXPECT_EQ(defs[3].id, "internships.active_by_level");
  for (const auto& d : defs) {
    EXPECT_EQ(d.disclosure, Disclosure::kPersonCount) << d.id;
    EXPECT_EQ(d.unit, "persons") << d.id;
    EXPECT_DOUBLE_EQ(d.scale, 1) << d.id;
    EXPECT_FALSE(d.title_nl.empty() || d.title_en.empty()) << d.id;
    EXPECT_NE(d.definition_en.find("total"), std::string::npos) << d.id;
    EXPECT_NE(d.definition_nl.find("totaal"), std::string::npos) << d.id;
  }
  EXPECT_EQ(defs[0].breakdowns, std::vector<std::string>{"kind"});
  EXPECT_EQ(defs[1].breakdowns, std::vector<std::string>{"education_level"});
}

TEST_F(InternshipsThemeTest, OneMinistryByKindAndLevel) {
  MinistryInputs a = A();
  auto cells = Run({&a});
  // Started: rows 1, 3, 4, 6 = 4. Kinds: meeloop 1, werk 1, snuffel 1, afstudeer 1.
  ExpectCounts(cells, "internships.started", kKinds,
               {{"", 4}, {"meeloop", 1}, {"snuffel", 1}, {"afstudeer", 1}, {"werk", 1}});
  // Levels: vmbo rows 1, 4 = 2; mbo row 3 = 1; wo row 6 = 1.
  ExpectCounts(cells, "internships.started_by_level", kLevels,
               {{"", 4}, {"vmbo", 2}, {"mbo", 1}, {"wo", 1}});
  // Active on 31 Dec: rows 2, 3, 6 = 3. Kinds: afstudeer rows 2, 6 = 2; werk row 3 = 1.
  ExpectCounts(cells, "internships.active", kKinds, {{"", 3}, {"afstudeer", 2}, {"werk", 1}});
  // Levels: hbo row 2, mbo row 3, wo row 6.
  ExpectCounts(cells, "internships.active_by_level", kLevels,
               {{"", 3}, {"hbo", 1}, {"mbo", 1}, {"wo", 1}});
  EXPECT_EQ(cells.size(), 24u);  // 4 indicators x (total + 5 categories)
}

TEST_F(InternshipsThemeTest, PooledIsSumOfParts) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  // Started: A 4 + B 2 = 6; meeloop 1 + 1, snuffel 1, afstudeer 1 + 1, werk 1.
  ExpectCounts(cells, "internships.started", kKinds,
               {{"", 6}, {"meeloop", 2}, {"snuffel", 1}, {"afstudeer", 2}, {"werk", 1}});
  // vmbo 2 + 0, mbo 1 + 1, hbo 0 + 1, wo 1 + 0.
  ExpectCounts(cells, "internships.started_by_level", kLevels,
               {{"", 6}, {"vmbo", 2}, {"mbo", 2}, {"hbo", 1}, {"wo", 1}});
  // Active: A 3 + B 1 = 4; afstudeer 2 + 1 = 3, werk 1; hbo 1 + 1, mbo 1, wo 1.
  ExpectCounts(cells, "internships.active", kKinds, {{"", 4}, {"afstudeer", 3}, {"werk", 1}});
  ExpectCounts(cells, "internships.active_by_level", kLevels,
               {{"", 4}, {"hbo", 2}, {"mbo", 1}, {"wo", 1}});
}

TEST_F(InternshipsThemeTest, EmptyDeliveryGivesZerosNotNothing) {
  MinistryInputs e = Ministry("E", {});
  auto cells = Run({&e});
  // Delivered with no rows: every category is a true 0.
  ExpectCounts(cells, "internships.started", kKinds, {});
  ExpectCounts(cells, "internships.active_by_level", kLevels, {});
}

TEST_F(InternshipsThemeTest, MinistryWithoutDatasetIsSkipped) {
  MinistryInputs b = B();
  MinistryInputs none;
  none.ministry = "X";
  none.year = 2020;
  auto cells = Run({&b, &none});
  ExpectCounts(cells, "internships.started", kKinds, {{"", 2}, {"afstudeer", 1}, {"meeloop", 1}});
  EXPECT_TRUE(Run({&none}).empty());
  EXPECT_TRUE(Run({}).empty());
}

TEST_F(InternshipsThemeTest, CellsAreSorted) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  EXPECT_TRUE(std::is_sorted(cells.begin(), cells.end(), [](const Cell& x, const Cell& y) {
    return std::tie(x.indicator, x.unit_type, x.period, x.category) <
           std::tie(y.indicator, y.unit_type, y.period, y.category);
  }));
}

}  // namespace
}  // namespace jbr
