#include "publish/ict/ict_dashboard.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "common/testing/temp_dir.h"
#include "importers/ict_dashboard.h"
#include "indicators/core/inputs.h"
#include "ingest/xlsx_reader.h"
#include "publish/core/publication.h"
#include "publish/testing/ict_test_portfolio.h"
#include "schema/ict_dashboard_layout.h"
#include "store/workspace.h"

namespace jbr::publish {
namespace {

namespace fs = std::filesystem;
using testing::D;
using testing::HandMadePortfolio;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Every row of the layout's sheet, header first.
std::vector<std::vector<std::string>> ReadSheet(const std::string& path) {
  XlsxOptions o;
  o.sheet = ict_layout::kSheet;
  CollectingSink sink;
  auto src = OpenXlsx(path, "overzicht.xlsx", o, &sink);
  EXPECT_TRUE(src.ok()) << src.status().ToString();
  std::vector<std::vector<std::string>> rows;
  if (!src.ok()) return rows;
  rows.push_back((*src)->header().cells);
  RawRow row;
  while (true) {
    auto more = (*src)->Next(&row);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    rows.push_back(row.cells);
  }
  return rows;
}

class IctDashboardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-ict-dashboard-"));
    dir_ = tmp_->path();
  }
  void TearDown() override {
    ws_.reset();
    tmp_.reset();
  }

  fs::path Write(const IctPortfolio& p, const std::string& name) {
    auto out = OutputDir::Prepare((dir_ / name).string());
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    if (!out.ok()) return {};
    const Status s = WriteIctDashboard(p, &*out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return dir_ / name;
  }

  // Imports the workbook into the test's workspace (created on first use).
  IctDashboardResult Import(const fs::path& file) {
    if (!ws_) {
      auto ws = Workspace::Create((dir_ / "ws").string());
      EXPECT_TRUE(ws.ok()) << ws.status().ToString();
      ws_ = std::move(ws).value();
    }
    IctDashboardOptions o;
    const FixedClock clock("2025-02-01T10:00:00Z");
    o.clock = &clock;
    CollectingSink sink;
    auto r = ImportIctDashboard(ws_.get(), file.string(), o, &sink);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(sink.errors(), 0) << (sink.findings().empty() ? "" : sink.findings()[0].message);
    return r.ok() ? *r : IctDashboardResult{};
  }

  // The figures DeriveIctFigures gives from the store's current deliveries of a ministry.
  std::vector<IctActivityFigures> Derived(const std::string& ministry) {
    auto in =
        LoadInputs(ws_->store(), ws_->schemas(), ministry, 2024, {"ict_activities", "ict_records"});
    EXPECT_TRUE(in.ok()) << in.status().ToString();
    if (!in.ok() || !in->Get("ict_activities") || !in->Get("ict_records")) return {};
    return DeriveIctFigures(*in->Get("ict_activities"), *in->Get("ict_records"), 2024);
  }

  fs::path dir_;
  std::optional<TempDir> tmp_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(IctDashboardTest, WorkbookHasTheDashboardHeadersInOrderAndOneRowPerActivity) {
  const fs::path out = Write(HandMadePortfolio(), "out");
  const auto rows = ReadSheet((out / "opendata/ict-activiteitenoverzicht.xlsx").string());
  ASSERT_EQ(rows.size(), 5u);
  const std::vector<std::string> first = {"Nummer",         "Ministerie", "Ministerie (naam)",
                                          "ICT-activiteit", "Status",     "Soort ICT-activiteit",
                                          "Onderwerp"};
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(rows[0][i], first[i]);
  ASSERT_EQ(rows[0].size(), ict_layout::kColumnCount);
  const auto col = [&](const std::string& name) {
    return static_cast<size_t>(std::find(rows[0].begin(), rows[0].end(), name) - rows[0].begin());
  };
  // The order of ict-projects.md: Startdatum ... Prognose toekomstige kosten.
  EXPECT_LT(col("Startdatum"), col("Initiële schatting einddatum"));
  EXPECT_LT(col("Reden herijking"), col("Initiële schatting meerjarige kosten"));
  EXPECT_LT(col("Actuele kostencategorie"), col("Prognose toekomstige kosten"));
  const auto& a = rows[1];  // BZK-1
  EXPECT_EQ(a[col("Nummer")], "BZK-1");
  EXPECT_EQ(a[col("Ministerie (naam)")], "Binnenlandse Zaken en Koninkrijksrelaties");
  EXPECT_EQ(a[col("Status")], "In uitvoering");
  EXPECT_EQ(a[col("Startdatum")], "01-01-2020");
  EXPECT_EQ(a[col("Initiële schatting einddatum")], "31-12-2023");
  EXPECT_EQ(a[col("Actuele schatting einddatum")], "30-06-2025");
  EXPECT_EQ(a[col("Actueel eindjaar")], "2025");
  EXPECT_EQ(a[col("Verschil initieel en actueel (in jaren)")], "1.5");
  EXPECT_EQ(a[col("Aanpassing einddatum (absoluut)")], "Later >1 jaar");
  EXPECT_EQ(a[col("Aanpassing einddatum (relatief)")], "Later < 50%");
  EXPECT_EQ(a[col("Reden herijking")], "Prijsontwikkeling;Tegenvallers binnen project");
  EXPECT_EQ(a[col("Initiële schatting meerjarige kosten")], "40");  // EUR million
  EXPECT_EQ(a[col("Actuele schatting meerjarige kosten huidige jaar")], "55");
  EXPECT_EQ(a[col("Actuele kostencategorie")], "50-100 mln.");
  EXPECT_EQ(a[col("Prognose toekomstige kosten")], "25");      // 55 - 30
  EXPECT_EQ(rows[2][col("Actuele schatting einddatum")], "");  // BZK-2: unknown
  EXPECT_EQ(rows[4][col("Nummer")], "FIN/8");
}

TEST_F(IctDashboardTest, CsvHasTheSameRowsAndBothFilesAreByteReproducible) {
  const fs::path one = Write(HandMadePortfolio(), "one");
  const fs::path two = Write(HandMadePortfolio(), "two");
  for (const char* f : {kIctDashboardXlsx, kIctDashboardCsv}) {
    EXPECT_EQ(Slurp(one / f), Slurp(two / f)) << f;
  }
  const std::string csv = Slurp(one / kIctDashboardCsv);
  EXPECT_EQ(csv.rfind("Nummer,Ministerie,Ministerie (naam),ICT-activiteit,Status,", 0), 0u);
  EXPECT_NE(csv.find("\nBZK-1,BZK,Binnenlandse Zaken en Koninkrijksrelaties,Burgerzaken & "
                     "Identiteit,In uitvoering,"),
            std::string::npos);
  EXPECT_NE(csv.find(",01-01-2020,31-12-2023,30-06-2025,2020,2025,"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);
}

// The round trip: the layout read back gives, by DeriveIctFigures, the hand-worked figures of
// ict_test_portfolio.h.
TEST_F(IctDashboardTest, RoundTripThroughTheImporterGivesTheHandWorkedFigures) {
  const fs::path out = Write(HandMadePortfolio(), "out");
  const IctDashboardResult r = Import(out / kIctDashboardXlsx);
  EXPECT_EQ(r.year, 2024);  // the latest Peildatum
  ASSERT_EQ(r.deliveries.size(), 4u);
  for (const auto& d : r.deliveries) EXPECT_EQ(d.outcome, LoadOutcome::kAccepted) << d.file_name;

  const auto bzk = Derived("BZK");
  ASSERT_EQ(bzk.size(), 2u);
  const IctActivityFigures& a = bzk[0];
  ASSERT_TRUE(a.initial && a.current);
  EXPECT_EQ(a.activity_id, "BZK-1");
  EXPECT_EQ(a.status, "in_progress");
  EXPECT_DOUBLE_EQ(*a.initial->cost_eur, 40e6);
  EXPECT_DOUBLE_EQ(*a.current->cost_eur, 55e6);
  EXPECT_DOUBLE_EQ(*a.current->spend_eur, 30e6);  // 55 - the forecast 25
  EXPECT_EQ(a.initial->end_date, D(2023, 12, 31));
  EXPECT_EQ(a.current->end_date, D(2025, 6, 30));
  EXPECT_EQ(a.slip_class, "Later >1 jaar");
  EXPECT_EQ(a.duration_class, "Later < 50%");
  EXPECT_EQ(a.cost_class, "50-100 mln.");
  ASSERT_EQ(a.reassessments.size(), 1u);
  EXPECT_EQ(a.reassessments[0].reasons,
            (std::vector<std::string>{"Prijsontwikkeling", "Tegenvallers binnen project"}));
  const IctActivityFigures& b = bzk[1];
  ASSERT_TRUE(b.initial && b.current);
  EXPECT_FALSE(b.initial->end_date.has_value());
  EXPECT_FALSE(b.current->end_date.has_value());
  EXPECT_DOUBLE_EQ(*b.current->cost_eur, 9.5e6);
  EXPECT_EQ(b.slip_class, "Doorlooptijd onbekend");
  EXPECT_EQ(b.duration_class, "");
  EXPECT_EQ(b.cost_class, "0-10 mln.");
  EXPECT_TRUE(b.included);  // end unknown

  const auto fin = Derived("FIN");
  ASSERT_EQ(fin.size(), 2u);
  EXPECT_DOUBLE_EQ(*fin[0].initial->cost_eur, 120e6);
  EXPECT_DOUBLE_EQ(*fin[0].current->cost_eur, 110e6);
  EXPECT_EQ(fin[0].slip_class, "Ongewijzigd");
  EXPECT_EQ(fin[0].duration_class, "Ongewijzigd");
  EXPECT_EQ(fin[0].cost_class, "100+ mln.");
  EXPECT_EQ(fin[1].activity_id, "FIN/8");
  EXPECT_EQ(fin[1].cost_class, "10-20 mln.");  // 20 mln: right-closed
  EXPECT_TRUE(fin[1].stale);                   // newest record 31-12-2023
  EXPECT_FALSE(fin[1].included);               // by the rule; the decision is not in the layout
}

// LoadIctPortfolio reads the deliveries the run used, not the current ones.
TEST_F(IctDashboardTest, PortfolioComesFromTheRunsDeliveriesNotLaterOnes) {
  const IctDashboardResult first = Import(Write(HandMadePortfolio(), "one") / kIctDashboardXlsx);
  Publication pub;
  pub.run.year = 2024;
  pub.run.at = "2025-03-01T12:00:00Z";
  for (const auto& d : first.deliveries) {
    pub.deliveries.push_back({d.delivery_id, d.dataset, d.ministry, 2024, "", ""});
  }
  IctPortfolio later = HandMadePortfolio();
  later.activities[0].figures.current->cost_eur = 60e6;  // a later delivery changes BZK-1
  const IctDashboardResult second = Import(Write(later, "two") / kIctDashboardXlsx);
  ASSERT_EQ(second.deliveries.size(), 4u);
  EXPECT_EQ(second.deliveries[1].dataset, "ict_records");  // BZK's records changed
  EXPECT_NE(second.deliveries[1].delivery_id, first.deliveries[1].delivery_id);

  auto p = LoadIctPortfolio(ws_->store(), ws_->schemas(), pub, &ws_->ministries());
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  ASSERT_EQ(p->activities.size(), 4u);
  EXPECT_EQ(p->activities[0].figures.activity_id, "BZK-1");
  EXPECT_EQ(p->activities[3].figures.activity_id, "FIN/8");
  EXPECT_DOUBLE_EQ(*p->activities[0].figures.current->cost_eur, 55e6);  // not 60
  EXPECT_EQ(p->ministry_names.at("FIN"), "Financiën");
  EXPECT_DOUBLE_EQ(*p->activities[0].current_categories.internal_staff_estimate, 15e6);
}

}  // namespace
}  // namespace jbr::publish
