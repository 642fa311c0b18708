#include <algorithm>
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
using test::NumCol;
using test::StrCol;

struct Row {
  std::string category;
  double eur;
  int64_t sme, sustainable, social;
};

class ProcurementThemeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reg = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    registry_ = std::move(reg).value();
    theme_ = MakeProcurementTheme();
  }

  MinistryInputs Ministry(const std::string& code, const std::vector<Row>& rows) {
    std::vector<std::string> ids, names, category;
    std::vector<double> eur;
    std::vector<int64_t> sme, sustainable, social;
    for (size_t i = 0; i < rows.size(); ++i) {
      ids.push_back("1234567" + std::to_string(i % 10));
      names.push_back("Supplier " + std::to_string(i));
      category.push_back(rows[i].category);
      eur.push_back(rows[i].eur);
      sme.push_back(rows[i].sme);
      sustainable.push_back(rows[i].sustainable);
      social.push_back(rows[i].social);
    }
    MinistryInputs in;
    in.ministry = code;
    in.year = 2020;
    in.tables.emplace("procurement",
                      MakeTable(registry_.Find("procurement"),
                                {{"supplier_id", StrCol(ids)},
                                 {"supplier_name", StrCol(names)},
                                 {"category", StrCol(category)},
                                 {"amount_eur", NumCol(eur)},
                                 {"sme", IntCol(sme, FieldType::kBoolean)},
                                 {"sustainable_criteria", IntCol(sustainable, FieldType::kBoolean)},
                                 {"social_return", IntCol(social, FieldType::kBoolean)}}));
    return in;
  }

  std::vector<Cell> Run(const std::vector<const MinistryInputs*>& inputs) {
    auto r = theme_->Compute(ThemeContext{}, 2020, inputs);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : std::vector<Cell>{};
  }

  // Ministry A (category, EUR, sme, sustainable criteria, social return):
  //  ict 100,000 n y n; ict 50,000 y y y; facilities 30,000 y n n; consultancy 20,000 n n y;
  //  ict -10,000 (a credit note) n y n
  MinistryInputs A() {
    return Ministry("A", {{"ict", 100000, 0, 1, 0},
                          {"ict", 50000, 1, 1, 1},
                          {"facilities", 30000, 1, 0, 0},
                          {"consultancy", 20000, 0, 0, 1},
                          {"ict", -10000, 0, 1, 0}});
  }
  // Ministry B: travel 10,000 y n n; energy 40,000 n y n.
  MinistryInputs B() {
    return Ministry("B", {{"travel", 10000, 1, 0, 0}, {"energy", 40000, 0, 1, 0}});
  }

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

TEST_F(ProcurementThemeTest, Definitions) {
  auto defs = theme_->Indicators();
  ASSERT_EQ(defs.size(), 4u);
  EXPECT_EQ(defs[0].id, "procurement.spend");
  EXPECT_EQ(defs[0].unit, "EUR");
  EXPECT_DOUBLE_EQ(defs[0].scale, 1);
  EXPECT_EQ(defs[1].id, "procurement.sme_share");
  EXPECT_EQ(defs[2].id, "procurement.sustainable_share");
  EXPECT_EQ(defs[3].id, "procurement.social_return_share");
  for (const auto& d : defs) {
    EXPECT_EQ(d.disclosure, Disclosure::kNone) << d.id;
    EXPECT_EQ(d.datasets, std::vector<std::string>{"procurement"}) << d.id;
    EXPECT_FALSE(d.definition_nl.empty() || d.definition_en.empty()) << d.id;
    if (d.unit == "%") {
      EXPECT_DOUBLE_EQ(d.scale, 100) << d.id;
    }
  }
}

TEST_F(ProcurementThemeTest, OneMinistry) {
  MinistryInputs a = A();
  auto cells = Run({&a});
  // ict 100,000 + 50,000 - 10,000 = 140,000; facilities 30,000; consultancy 20,000;
  // total 140,000 + 30,000 + 20,000 = 190,000; the other five categories 0.
  ExpectCell(cells, "procurement.spend", "ict", 140000);
  ExpectCell(cells, "procurement.spend", "facilities", 30000);
  ExpectCell(cells, "procurement.spend", "consultancy", 20000);
  for (const char* zero : {"construction", "travel", "energy", "temporary_staff", "other"}) {
    ExpectCell(cells, "procurement.spend", zero, 0);
  }
  ExpectCell(cells, "procurement.spend", "", 190000);
  // sme 50,000 + 30,000 = 80,000 of 190,000 (42.1%)
  ExpectCell(cells, "procurement.sme_share", "", 80000, 190000);
  // sustainable 100,000 + 50,000 - 10,000 = 140,000 of 190,000 (73.7%)
  ExpectCell(cells, "procurement.sustainable_share", "", 140000, 190000);
  // social return 50,000 + 20,000 = 70,000 of 190,000 (36.8%)
  ExpectCell(cells, "procurement.social_return_share", "", 70000, 190000);
  EXPECT_EQ(cells.size(), 12u);  // 8 categories + total + 3 shares
}

TEST_F(ProcurementThemeTest, PooledIsSumOfParts) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  ExpectCell(cells, "procurement.spend", "", 240000);  // 190,000 + 50,000
  ExpectCell(cells, "procurement.spend", "ict", 140000);
  ExpectCell(cells, "procurement.spend", "travel", 10000);
  ExpectCell(cells, "procurement.spend", "energy", 40000);
  ExpectCell(cells, "procurement.sme_share", "", 90000, 240000);            // 80,000 + 10,000
  ExpectCell(cells, "procurement.sustainable_share", "", 180000, 240000);   // 140,000 + 40,000
  ExpectCell(cells, "procurement.social_return_share", "", 70000, 240000);  // 70,000 + 0
}

TEST_F(ProcurementThemeTest, ZeroShareIsAFigure) {
  MinistryInputs b = B();
  auto cells = Run({&b});
  // No social return at all: 0 of 50,000 = 0%, a real value.
  ExpectCell(cells, "procurement.social_return_share", "", 0, 50000);
}

TEST_F(ProcurementThemeTest, NoNetSpendGivesNoShares) {
  MinistryInputs c = Ministry("C", {{"other", 1000, 1, 1, 1}, {"other", -1000, 1, 1, 1}});
  auto cells = Run({&c});
  // 1,000 - 1,000 = 0: the amounts are figures, the shares are not.
  ExpectCell(cells, "procurement.spend", "", 0);
  ExpectCell(cells, "procurement.spend", "other", 0);
  EXPECT_EQ(Find(cells, "procurement.sme_share"), nullptr);
  EXPECT_EQ(Find(cells, "procurement.sustainable_share"), nullptr);
  EXPECT_EQ(Find(cells, "procurement.social_return_share"), nullptr);
  MinistryInputs empty = Ministry("E", {});
  EXPECT_EQ(Run({&empty}).size(), 9u);  // delivered but empty: 9 spend cells of 0, no shares
}

TEST_F(ProcurementThemeTest, MinistryWithoutDatasetIsSkipped) {
  MinistryInputs b = B();
  MinistryInputs none;
  none.ministry = "X";
  none.year = 2020;
  auto cells = Run({&b, &none});
  ExpectCell(cells, "procurement.spend", "", 50000);
  ExpectCell(cells, "procurement.sme_share", "", 10000, 50000);
  EXPECT_TRUE(Run({&none}).empty());
  EXPECT_TRUE(Run({}).empty());
}

TEST_F(ProcurementThemeTest, CellsAreSorted) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  EXPECT_TRUE(std::is_sorted(cells.begin(), cells.end(), [](const Cell& x, const Cell& y) {
    return std::tie(x.indicator, x.unit_type, x.period, x.category) <
           std::tie(y.indicator, y.unit_type, y.period, y.category);
  }));
}

}  // namespace
}  // namespace jbr
