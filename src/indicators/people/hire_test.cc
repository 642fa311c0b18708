#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "common/finding.h"
#include "common/parse.h"
#include "indicators/core/reference.h"
#include "indicators/core/themes.h"
#include "indicators/testing/columns.h"
#include "ingest/csv_reader.h"
#include "schema/schema.h"

namespace jbr {
namespace {

using test::IntCol;
using test::NumCol;
using test::StrCol;

struct Row {
  std::string unit, category;
  double eur;
  std::optional<int64_t> above;
};

class HireThemeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto reg = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    ASSERT_TRUE(reg.ok()) << reg.status().ToString();
    registry_ = std::move(reg).value();
    theme_ = MakeHireTheme();
  }

  MinistryInputs Ministry(const std::string& code, const std::vector<Row>& rows) {
    std::vector<std::string> unit, category;
    std::vector<double> eur;
    std::vector<std::optional<int64_t>> above;
    for (const auto& r : rows) {
      unit.push_back(r.unit);
      category.push_back(r.category);
      eur.push_back(r.eur);
      above.push_back(r.above);
    }
    MinistryInputs in;
    in.ministry = code;
    in.year = 2020;
    in.tables.emplace("external_hire", MakeTable(registry_.Find("external_hire"),
                                                 {{"organisation_unit", StrCol(unit)},
                                                  {"category", StrCol(category)},
                                                  {"amount_eur", NumCol(eur)},
                                                  {"hires_above_max_rate", IntCol(above)}}));
    return in;
  }

  std::vector<Cell> Run(const std::vector<const MinistryInputs*>& inputs) {
    auto r = theme_->Compute(ThemeContext{}, 2020, inputs);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : std::vector<Cell>{};
  }

  // Ministry A: two units, a negative correction, some rows without hires_above_max_rate.
  //  own personnel 1,000,000 + 500,000 = 1,500,000
  //  interim_management 20,000; policy_advice 30,000 - 5,000 = 25,000; legal_advice 10,000;
  //  it_advice 40,000; temporary_staff 25,000
  //  groups: beleidsgevoelig 20,000 + 25,000 = 45,000; ondersteunend 10,000 + 40,000 = 50,000;
  //  ondersteuning_bedrijfsvoering 25,000; all hire 45,000 + 50,000 + 25,000 = 120,000
  //  exceedances 1 + 2 + 0 = 3
  MinistryInputs A() {
    return Ministry("A", {{"DG1", "own_personnel", 1000000, std::nullopt},
                          {"DG2", "own_personnel", 500000, std::nullopt},
                          {"DG1", "interim_management", 20000, 1},
                          {"DG1", "policy_advice", 30000, 2},
                          {"DG2", "policy_advice", -5000, std::nullopt},
                          {"DG1", "legal_advice", 10000, std::nullopt},
                          {"DG2", "it_advice", 40000, 0},
                          {"DG1", "temporary_staff", 25000, std::nullopt}});
  }
  // Ministry B: own personnel 300,000; temporary_staff 80,000; exceedances not reported.
  MinistryInputs B() {
    return Ministry("B", {{"HQ", "own_personnel", 300000, std::nullopt},
                          {"HQ", "temporary_staff", 80000, std::nullopt}});
  }

  SchemaRegistry registry_;
  std::unique_ptr<Theme> theme_;
};

const Cell* Find(const std::vector<Cell>& cells, const std::string& indicator,
                 const std::string& category) {
  for (const auto& c : cells) {
    if (c.indicator == indicator && c.category == category) return &c;
  }
  return nullptr;
}

void ExpectCell(const std::vector<Cell>& cells, const std::string& indicator,
                const std::string& category, double numerator, double denominator = 1) {
  const Cell* c = Find(cells, indicator, category);
  ASSERT_NE(c, nullptr) << indicator << " '" << category << "'";
  EXPECT_NEAR(c->numerator, numerator, 1e-6) << indicator << " '" << category << "'";
  EXPECT_NEAR(c->denominator, denominator, 1e-6) << indicator << " '" << category << "'";
  EXPECT_EQ(c->persons, -1);
  EXPECT_EQ(c->period, "2020");
  EXPECT_EQ(c->unit_type, "");
}

double Value(const Cell& c) { return c.numerator / c.denominator * 100; }

TEST_F(HireThemeTest, Definitions) {
  auto defs = theme_->Indicators();
  ASSERT_EQ(defs.size(), 3u);
  EXPECT_EQ(defs[0].id, "hire.amount");
  EXPECT_EQ(defs[0].unit, "EUR");
  EXPECT_EQ(defs[1].id, "hire.share");
  EXPECT_DOUBLE_EQ(defs[1].scale, 100);
  EXPECT_EQ(defs[2].id, "hire.rate_exceedances");
  for (const auto& d : defs) {
    EXPECT_EQ(d.disclosure, Disclosure::kNone) << d.id;
    EXPECT_EQ(d.datasets, std::vector<std::string>{"external_hire"}) << d.id;
    EXPECT_FALSE(d.definition_nl.empty() || d.definition_en.empty()) << d.id;
  }
  // The norm is the one in norms.csv: a maximum of 10%, flagged above_norm.
  auto ref = ReferenceData::Load(std::string(JBR_SOURCE_DIR) + "/data/reference");
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  ASSERT_TRUE(defs[1].norm.has_value());
  EXPECT_EQ(defs[1].norm->kind, Norm::Kind::kMaximum);
  EXPECT_EQ(defs[1].norm->flag, "above_norm");
  EXPECT_EQ(defs[1].norm->source, "norms.csv:hire.share.max");
  // Its value is norms.csv's (the domain's 10% is pinned in engine_test.cc).
  EXPECT_EQ(defs[1].norm->id, "hire.share.max");
  // The maximum hourly rate in the text is the one in norms.csv.
  ASSERT_TRUE(ref->Norm("hire.max_hourly_rate").has_value());
  EXPECT_EQ(*ref->Norm("hire.max_hourly_rate"), 225);
  EXPECT_NE(defs[2].definition_en.find("EUR 225"), std::string::npos);
  EXPECT_NE(defs[2].definition_nl.find("EUR 225"), std::string::npos);
}

TEST_F(HireThemeTest, CategoriesGroupsAndNegativeCorrection) {
  MinistryInputs a = A();
  auto cells = Run({&a});
  ExpectCell(cells, "hire.amount", "interim_management", 20000);
  ExpectCell(cells, "hire.amount", "organisation_advice", 0);
  ExpectCell(cells, "hire.amount", "policy_advice", 25000);  // 30,000 - 5,000
  ExpectCell(cells, "hire.amount", "communication_advice", 0);
  ExpectCell(cells, "hire.amount", "legal_advice", 10000);
  ExpectCell(cells, "hire.amount", "it_advice", 40000);
  ExpectCell(cells, "hire.amount", "finance_advice", 0);
  ExpectCell(cells, "hire.amount", "temporary_staff", 25000);
  ExpectCell(cells, "hire.amount", "beleidsgevoelig", 45000);
  ExpectCell(cells, "hire.amount", "ondersteunend", 50000);
  ExpectCell(cells, "hire.amount", "ondersteuning_bedrijfsvoering", 25000);
  ExpectCell(cells, "hire.amount", "", 120000);
  ExpectCell(cells, "hire.amount", "own_personnel", 1500000);
  // share = 120,000 / (1,500,000 + 120,000) = 120,000 / 1,620,000 = 7.41%
  ExpectCell(cells, "hire.share", "", 120000, 1620000);
  EXPECT_NEAR(Value(*Find(cells, "hire.share", "")), 7.407, 0.001);
  ExpectCell(cells, "hire.rate_exceedances", "", 3);
  // 8 categories + 3 groups + total + own personnel = 13 amounts; a share; exceedances.
  EXPECT_EQ(cells.size(), 15u);
}

TEST_F(HireThemeTest, PooledIsSumOfParts) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  ExpectCell(cells, "hire.amount", "temporary_staff", 105000);                // 25,000 + 80,000
  ExpectCell(cells, "hire.amount", "ondersteuning_bedrijfsvoering", 105000);  // same
  ExpectCell(cells, "hire.amount", "beleidsgevoelig", 45000);                 // 45,000 + 0
  ExpectCell(cells, "hire.amount", "", 200000);                               // 120,000 + 80,000
  ExpectCell(cells, "hire.amount", "own_personnel", 1800000);                 // 1,500,000 + 300,000
  // (120,000 + 80,000) / (1,620,000 + 380,000) = 200,000 / 2,000,000 = 10%, not the mean of
  // 7.41% and 21.05%.
  ExpectCell(cells, "hire.share", "", 200000, 2000000);
  // B reports no exceedances: the Rijk sum is A's 3.
  ExpectCell(cells, "hire.rate_exceedances", "", 3);
}

TEST_F(HireThemeTest, AboveNormValueIsComputedNotCapped) {
  MinistryInputs b = B();
  auto cells = Run({&b});
  // 80,000 / (300,000 + 80,000) = 21.05%: above the 10% norm (the engine sets the flag).
  ExpectCell(cells, "hire.share", "", 80000, 380000);
  EXPECT_NEAR(Value(*Find(cells, "hire.share", "")), 21.05, 0.01);
  // No row reports hires_above_max_rate: unknown, not 0.
  EXPECT_EQ(Find(cells, "hire.rate_exceedances", ""), nullptr);
}

TEST_F(HireThemeTest, MinistryWithoutOwnPersonnelHasNoShare) {
  MinistryInputs c = Ministry("C", {{"HQ", "it_advice", 50000, std::nullopt}});
  auto alone = Run({&c});
  ExpectCell(alone, "hire.amount", "it_advice", 50000);
  EXPECT_EQ(Find(alone, "hire.amount", "own_personnel"), nullptr);
  EXPECT_EQ(Find(alone, "hire.share", ""), nullptr);
  MinistryInputs a = A();
  auto pooled = Run({&a, &c});
  ExpectCell(pooled, "hire.amount", "it_advice", 90000);  // 40,000 + 50,000
  ExpectCell(pooled, "hire.amount", "", 170000);          // 120,000 + 50,000
  // The share is A's alone: C has no personnel spend to hold its hire against.
  ExpectCell(pooled, "hire.share", "", 120000, 1620000);
}

TEST_F(HireThemeTest, MinistryWithoutDatasetIsSkipped) {
  MinistryInputs b = B();
  MinistryInputs none;
  none.ministry = "X";
  none.year = 2020;
  auto cells = Run({&b, &none});
  ExpectCell(cells, "hire.share", "", 80000, 380000);
  ExpectCell(cells, "hire.amount", "", 80000);
  EXPECT_TRUE(Run({&none}).empty());
  EXPECT_TRUE(Run({}).empty());
}

// domain.md worked check: SZW 2020, 13.0 / (295.5 + 13.0) = 13.0 / 308.5 = 0.04214 = 4.2%.
TEST_F(HireThemeTest, WorkedCheckSzw2020) {
  MinistryInputs szw = Ministry("SZW", {{"SZW", "own_personnel", 295.5e6, std::nullopt},
                                        {"SZW", "temporary_staff", 13.0e6, std::nullopt}});
  auto cells = Run({&szw});
  ExpectCell(cells, "hire.share", "", 13.0e6, 308.5e6);
  EXPECT_DOUBLE_EQ(std::round(Value(*Find(cells, "hire.share", "")) * 10) / 10, 4.2);
}

// Published figure: SZW's 2020 annual report, per category (EUR thousands) from
// ../shared/reference/inhuur-externen-2020-szw-lnv.csv, own personnel EUR 295.5 million.
TEST_F(HireThemeTest, PublishedSzw2020FromReferenceFile) {
  const std::string path =
      std::string(JBR_SOURCE_DIR) + "/../shared/reference/inhuur-externen-2020-szw-lnv.csv";
  CollectingSink sink;
  CsvOptions options;
  options.delimiter = ',';
  auto src = OpenCsv(path, "inhuur-externen-2020-szw-lnv.csv", options, &sink);
  ASSERT_TRUE(src.ok()) << src.status().ToString();
  const auto& header = (*src)->header().cells;
  auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const size_t ministry = column("ministerie"), nr = column("categorie_nr"),
               amount = column("bedrag_x1000_eur");
  ASSERT_LT(amount, header.size());
  // The file's category numbers map to canonical categories by the schema's enum aliases.
  const DatasetSchema* schema = registry_.Find("external_hire");
  const FieldSchema& category = schema->fields[schema->FieldIndex("category")];
  std::vector<Row> rows = {{"SZW", "own_personnel", 295.5e6, std::nullopt}};
  std::map<std::string, double> by_category;
  double file_sum = 0;
  RawRow row;
  while (true) {
    auto more = (*src)->Next(&row);
    ASSERT_TRUE(more.ok());
    if (!*more) break;
    if (row.cells[ministry] != "SZW") continue;
    auto canonical = category.CanonicalEnum(row.cells[nr]);
    ASSERT_TRUE(canonical.has_value()) << row.cells[nr];
    auto thousands = ParseDecimal(row.cells[amount], DecimalMark::kPoint);
    ASSERT_TRUE(thousands.has_value());
    rows.push_back({"SZW", std::string(*canonical), *thousands * 1000, std::nullopt});
    by_category[std::string(*canonical)] += *thousands * 1000;
    file_sum += *thousands * 1000;
  }
  ASSERT_EQ(rows.size(), 9u);  // own personnel + the eight categories
  // By hand from the file: 381 + 492 + 846 + 1,375 + 354 + 4,577 + 1,869 + 3,121 = 13,015
  // thousand, the published EUR 13.0 million.
  EXPECT_DOUBLE_EQ(file_sum, 13015000);
  MinistryInputs szw = Ministry("SZW", rows);
  auto cells = Run({&szw});
  ExpectCell(cells, "hire.amount", "", file_sum);
  for (const auto& [cat, eur] : by_category) ExpectCell(cells, "hire.amount", cat, eur);
  // Groups by hand: 381 + 492 + 846 + 1,375 = 3,094; 354 + 4,577 + 1,869 = 6,800; 3,121.
  ExpectCell(cells, "hire.amount", "beleidsgevoelig", 3094000);
  ExpectCell(cells, "hire.amount", "ondersteunend", 6800000);
  ExpectCell(cells, "hire.amount", "ondersteuning_bedrijfsvoering", 3121000);
  ExpectCell(cells, "hire.amount", "own_personnel", 295.5e6);
  // 13,015 / (295,500 + 13,015) = 13,015 / 308,515 = 0.04219: 4.2%, as published.
  ExpectCell(cells, "hire.share", "", 13015000, 308515000);
  EXPECT_DOUBLE_EQ(std::round(Value(*Find(cells, "hire.share", "")) * 10) / 10, 4.2);
}

TEST_F(HireThemeTest, CellsAreSorted) {
  MinistryInputs a = A(), b = B();
  auto cells = Run({&a, &b});
  EXPECT_TRUE(std::is_sorted(cells.begin(), cells.end(), [](const Cell& x, const Cell& y) {
    return std::tie(x.indicator, x.unit_type, x.period, x.category) <
           std::tie(y.indicator, y.unit_type, y.period, y.category);
  }));
}

}  // namespace
}  // namespace jbr
