#include <algorithm>
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

using OptDate = std::optional<Days>;
using OptStr = std::optional<std::string>;

Days D(int y, int m, int d) { return DaysFromCivil(y, m, d); }

struct Row {
  OptDate opened, closed;
  std::string outcome;
  OptStr filled_by;
};

class VacanciesThemeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reg = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    registry_ = std::move(reg).value();
    theme_ = MakeVacanciesTheme();
  }

  MinistryInputs Ministry(const std::string& code, const std::vector<Row>& rows) {
    std::vector<OptDate> opened, closed;
    std::vector<OptStr> ids, outcome, filled_by;
    for (size_t i = 0; i < rows.size(); ++i) {
      ids.push_back(code + "-" + std::to_string(i));
      opened.push_back(rows[i].opened);
      closed.push_back(rows[i].closed);
      outcome.push_back(rows[i].outcome);
      filled_by.push_back(rows[i].filled_by);
    }
    MinistryInputs in;
    in.ministry = code;
    in.year = 2020;
    in.tables.emplace("vacancies",
                      MakeTable(registry_.Find("vacancies"), {{"vacancy_id", StrCol(ids)},
                                                              {"opened_date", DayCol(opened)},
                                                              {"closed_date", DayCol(closed)},
                                                              {"outcome", StrCol(outcome)},
                                                              {"filled_by", StrCol(filled_by)}}));
    return in;
  }

  std::vector<Cell> Run(const std::vector<const MinistryInputs*>& inputs) {
    auto r = theme_->Compute(ThemeContext{}, 2020, inputs);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : std::vector<Cell>{};
  }

  // Ministry A. Days-to-fill worked by hand (2020 is a leap year):
  //  1 opened 2019-12-31 (not counted: last year), filled 2020-01-10 externally: 10 days, Q1
  //  2 opened 2020-01-01 (Q1), filled 2020-03-31 internally: 31 (Jan) + 29 (Feb) + 30 = 90, Q1
  //  3 opened 2020-03-31 (Q1, its last day), filled 2020-04-01 (Q2, its first day) ext.: 1 day
  //  4 opened 2020-04-01 (Q2), withdrawn 2020-06-30
  //  5 opened 2020-07-01 (Q3), still open
  //  6 opened 2020-12-31 (Q4, the year's last day), still open
  //  7 opened 2020-10-01 (Q4), filled 2021-01-05 externally: closed next year, not counted
  MinistryInputs A() {
    return Ministry("A", {{D(2019, 12, 31), D(2020, 1, 10), "filled", "external"},
                          {D(2020, 1, 1), D(2020, 3, 31), "filled", "internal"},
                          {D(2020, 3, 31), D(2020, 4, 1), "filled", "external"},
                          {D(2020, 4, 1), D(2020, 6, 30), "withdrawn", std::nullopt},
                          {D(2020, 7, 1), std::nullopt, "open", std::nullopt},
                          {D(2020, 12, 31), std::nullopt, "open", std::nullopt},
                          {D(2020, 10, 1), D(2021, 1, 5), "filled", "external"}});
  }
  // Ministry B:
  //  1 opened 2020-02-01 (Q1), filled 2020-02-21 internally: 20 days, Q1
  //  2 opened 2020-05-01 (Q2), filled 2020-08-10 externally: 31 (May) + 30 + 31 + 9 = 101, Q3
  //  3 opened 2020-06-15 (Q2), withdrawn 2020-09-30
  MinistryInputs B() {
    return Ministry("B", {{D(2020, 2, 1), D(2020, 2, 21), "filled", "internal"},
                          {D(2020, 5, 1), D(2020, 8, 10), "filled", "external"},
                          {D(2020, 6, 15), D(2020, 9, 30), "withdrawn", std::nullopt}});
  }

  SchemaRegistry registry_;
  std::unique_ptr<Theme> theme_;
};

const Cell* Find(const std::vector<Cell>& cells, const std::string& indicator,
                 const std::string& period) {
  for (const auto& c : cells) {
    if (c.indicator == indicator && c.period == period && c.unit_type.empty() &&
        c.category.empty()) {
      return &c;
    }
  }
  return nullptr;
}

void ExpectCell(const std::vector<Cell>& cells, const std::string& indicator,
                const std::string& period, double numerator, double denominator) {
  const Cell* c = Find(cells, indicator, period);
  ASSERT_NE(c, nullptr) << indicator << " " << period;
  EXPECT_DOUBLE_EQ(c->numerator, numerator) << indicator << " " << period;
  EXPECT_DOUBLE_EQ(c->denominator, denominator) << indicator << " " << period;
  EXPECT_EQ(c->persons, -1) << indicator << " " << period;
}

TEST_F(VacanciesThemeTest, Definitions) {
  auto defs = theme_->Indicators();
  std::vector<std::string> ids;
  for (const auto& d : defs) {
    ids.push_back(d.id);
    EXPECT_FALSE(d.title_nl.empty() || d.title_en.empty()) << d.id;
    EXPECT_FALSE(d.definition_nl.empty() || d.definition_en.empty()) << d.id;
    EXPECT_EQ(d.disclosure, Disclosure::kNone) << d.id;
    EXPECT_EQ(d.datasets, std::vector<std::string>{"vacancies"}) << d.id;
    EXPECT_DOUBLE_EQ(d.scale, d.unit == "%" ? 100 : 1) << d.id;
  }
  EXPECT_EQ(ids,
            (std::vector<std::string>{"vacancies.opened", "vacancies.filled", "vacancies.fill_rate",
                                      "vacancies.external_share", "vacancies.days_to_fill"}));
  // The median is non-additive; the method page must say how the Rijk figure is made.
  EXPECT_NE(defs[4].definition_en.find("pooled"), std::string::npos);
  EXPECT_NE(defs[4].definition_en.find("denominator 1"), std::string::npos);
}

TEST_F(VacanciesThemeTest, OneMinistryQuarterBoundaries) {
  MinistryInputs a = A();
  auto cells = Run({&a});
  // opened: rows 2-7 in 2020 = 6; Q1 rows 2,3 = 2; Q2 row 4 = 1; Q3 row 5 = 1; Q4 rows 6,7 = 2.
  ExpectCell(cells, "vacancies.opened", "2020", 6, 1);
  ExpectCell(cells, "vacancies.opened", "2020-Q1", 2, 1);
  ExpectCell(cells, "vacancies.opened", "2020-Q2", 1, 1);
  ExpectCell(cells, "vacancies.opened", "2020-Q3", 1, 1);
  ExpectCell(cells, "vacancies.opened", "2020-Q4", 2, 1);
  // filled (closed in the period): rows 1,2,3 = 3; Q1 rows 1,2 = 2; Q2 row 3 = 1; Q3, Q4 none.
  ExpectCell(cells, "vacancies.filled", "2020", 3, 1);
  ExpectCell(cells, "vacancies.filled", "2020-Q1", 2, 1);
  ExpectCell(cells, "vacancies.filled", "2020-Q2", 1, 1);
  ExpectCell(cells, "vacancies.filled", "2020-Q3", 0, 1);
  ExpectCell(cells, "vacancies.filled", "2020-Q4", 0, 1);
  // fill rate: 3 filled / (3 filled + 1 withdrawn) = 3/4 = 75%.
  ExpectCell(cells, "vacancies.fill_rate", "2020", 3, 4);
  // external: rows 1 and 3 of the 3 filled = 2/3.
  ExpectCell(cells, "vacancies.external_share", "2020", 2, 3);
  // days to fill {10, 90, 1} sorted {1, 10, 90}: median 10.
  ExpectCell(cells, "vacancies.days_to_fill", "2020", 10, 1);
  // Yearly figures only for the ratios and the median.
  EXPECT_EQ(Find(cells, "vacancies.fill_rate", "2020-Q1"), nullptr);
  // 5 periods x 2 counts + fill rate + external share + median = 13 cells.
  EXPECT_EQ(cells.size(), 13u);
}

TEST_F(VacanciesThemeTest, EvenCountMedianIsMeanOfMiddleTwo) {
  MinistryInputs b = B();
  auto cells = Run({&b});
  // days {20, 101}: (20 + 101) / 2 = 60.5.
  ExpectCell(cells, "vacancies.days_to_fill", "2020", 60.5, 1);
  // fill rate 2 filled / (2 + 1 withdrawn) = 2/3; external 1 of 2.
  ExpectCell(cells, "vacancies.fill_rate", "2020", 2, 3);
  ExpectCell(cells, "vacancies.external_share", "2020", 1, 2);
  // opened: Q1 row 1, Q2 rows 2,3; filled: Q1 row 1, Q3 row 2.
  ExpectCell(cells, "vacancies.opened", "2020-Q2", 2, 1);
  ExpectCell(cells, "vacancies.filled", "2020-Q3", 1, 1);
}

TEST_F(VacanciesThemeTest, PooledIsSumOfPartsAndMedianOfAllRows) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  // Counts: A + B. opened 6 + 3 = 9; Q1 2 + 1 = 3; Q2 1 + 2 = 3; Q3 1 + 0; Q4 2 + 0.
  ExpectCell(cells, "vacancies.opened", "2020", 9, 1);
  ExpectCell(cells, "vacancies.opened", "2020-Q1", 3, 1);
  ExpectCell(cells, "vacancies.opened", "2020-Q2", 3, 1);
  ExpectCell(cells, "vacancies.opened", "2020-Q3", 1, 1);
  ExpectCell(cells, "vacancies.opened", "2020-Q4", 2, 1);
  // filled 3 + 2 = 5; Q1 2 + 1 = 3; Q2 1 + 0; Q3 0 + 1; Q4 0.
  ExpectCell(cells, "vacancies.filled", "2020", 5, 1);
  ExpectCell(cells, "vacancies.filled", "2020-Q1", 3, 1);
  ExpectCell(cells, "vacancies.filled", "2020-Q3", 1, 1);
  // fill rate (3 + 2) / (4 + 3) = 5/7, not the mean of 75% and 66.7%.
  ExpectCell(cells, "vacancies.fill_rate", "2020", 5, 7);
  // external (2 + 1) / (3 + 2) = 3/5.
  ExpectCell(cells, "vacancies.external_share", "2020", 3, 5);
  // Median of all rows {1, 10, 20, 90, 101} = 20 (not (10 + 60.5) / 2 = 35.25).
  ExpectCell(cells, "vacancies.days_to_fill", "2020", 20, 1);
}

TEST_F(VacanciesThemeTest, NothingClosedGivesNoRatioCells) {
  MinistryInputs c = Ministry("C", {{D(2020, 5, 5), std::nullopt, "open", std::nullopt},
                                    {D(2019, 11, 1), std::nullopt, "open", std::nullopt}});
  auto cells = Run({&c});
  // One vacancy opened in 2020 (Q2); nothing closed: counts of 0, but no 0/0 ratio or median.
  ExpectCell(cells, "vacancies.opened", "2020", 1, 1);
  ExpectCell(cells, "vacancies.opened", "2020-Q2", 1, 1);
  ExpectCell(cells, "vacancies.filled", "2020", 0, 1);
  EXPECT_EQ(Find(cells, "vacancies.fill_rate", "2020"), nullptr);
  EXPECT_EQ(Find(cells, "vacancies.external_share", "2020"), nullptr);
  EXPECT_EQ(Find(cells, "vacancies.days_to_fill", "2020"), nullptr);
  EXPECT_EQ(cells.size(), 10u);  // 5 periods x 2 counts
}

TEST_F(VacanciesThemeTest, OnlyWithdrawnGivesZeroFillRateButNoShare) {
  MinistryInputs c = Ministry("C", {{D(2020, 1, 6), D(2020, 2, 6), "withdrawn", std::nullopt}});
  auto cells = Run({&c});
  // 0 filled / 1 closed = 0%: a real figure. No filled vacancy: no external share, no median.
  ExpectCell(cells, "vacancies.fill_rate", "2020", 0, 1);
  EXPECT_EQ(Find(cells, "vacancies.external_share", "2020"), nullptr);
  EXPECT_EQ(Find(cells, "vacancies.days_to_fill", "2020"), nullptr);
}

TEST_F(VacanciesThemeTest, MinistryWithoutDatasetIsSkipped) {
  MinistryInputs b = B();
  MinistryInputs none;
  none.ministry = "X";
  none.year = 2020;
  auto pooled = Run({&b, &none});
  auto alone = Run({&b});
  ASSERT_EQ(pooled.size(), alone.size());
  for (size_t i = 0; i < alone.size(); ++i) {
    EXPECT_EQ(pooled[i].indicator, alone[i].indicator);
    EXPECT_EQ(pooled[i].period, alone[i].period);
    EXPECT_DOUBLE_EQ(pooled[i].numerator, alone[i].numerator);
    EXPECT_DOUBLE_EQ(pooled[i].denominator, alone[i].denominator);
  }
  EXPECT_TRUE(Run({&none}).empty());
  EXPECT_TRUE(Run({}).empty());
}

TEST_F(VacanciesThemeTest, CellsAreSorted) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  EXPECT_TRUE(std::is_sorted(cells.begin(), cells.end(), [](const Cell& x, const Cell& y) {
    return std::tie(x.indicator, x.unit_type, x.period, x.category) <
           std::tie(y.indicator, y.unit_type, y.period, y.category);
  }));
}

}  // namespace
}  // namespace jbr
