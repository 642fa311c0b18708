#include "importers/ict_dashboard.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>

#include "common/testing/temp_dir.h"
#include "store/testing/backend.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

const char* const kHeader =
    "Nummer,Ministerie,ICT-activiteit,Status,Soort ICT-activiteit,Startdatum,"
    "Initiële schatting einddatum,Actuele schatting einddatum,Peildatum,Reden herijking,"
    "Initiële schatting meerjarige kosten,Actuele schatting meerjarige kosten huidige jaar\n";

class IctDashboardImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-ict-import-"));
    dir_ = tmp_->path();
    auto backend = testing::TestBackend::Make(dir_.string());
    ASSERT_TRUE(backend.ok()) << backend.status().ToString();
    backend_ = std::move(backend).value();
    auto ws = Workspace::Create((dir_ / "ws").string(), backend_->url());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
  }
  void TearDown() override {
    ws_.reset();
    backend_.reset();
    tmp_.reset();
  }

  Result<IctDashboardResult> Import(const std::string& text, const std::string& name = "o.csv") {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    IctDashboardOptions o;
    o.clock = &clock_;
    return ImportIctDashboard(ws_.get(), path, o, &sink_);
  }

  bool HasFinding(const std::string& code, int64_t row, const std::string& column) const {
    for (const auto& f : sink_.findings()) {
      if (f.code == code && f.row == row && f.column == column) return true;
    }
    return false;
  }

  size_t StoredDeliveries() {
    auto all = ws_->store()->ListDeliveries(DeliveryFilter{});
    EXPECT_TRUE(all.ok());
    return all.ok() ? all->size() : 0;
  }

  fs::path dir_;
  std::optional<TempDir> tmp_;
  std::unique_ptr<testing::TestBackend> backend_;  // SQLite, or PostgreSQL (..._tests_postgres)
  std::unique_ptr<Workspace> ws_;
  FixedClock clock_{"2025-02-01T10:00:00Z"};
  CollectingSink sink_;
};

TEST_F(IctDashboardImportTest, ColumnsAreMatchedByNameNotPosition) {
  // The same columns in another order, headers in other case, an unknown column ignored.
  auto r = Import(
      "actuele schatting meerjarige kosten huidige jaar,Extra,NUMMER,Ministerie,ICT-activiteit,"
      "Status,Soort ICT-activiteit,Startdatum,Initiële schatting einddatum,"
      "Actuele schatting einddatum,Peildatum,Initiële schatting meerjarige kosten\n"
      "12.5,x,A-1,BZK,Portaal,In uitvoering,Ontwikkeling,01-02-2021,31-12-2025,,31-12-2024,10\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(sink_.errors(), 0) << (sink_.findings().empty() ? "" : sink_.findings()[0].message);
  EXPECT_EQ(r->year, 2024);
  ASSERT_EQ(r->deliveries.size(), 2u);
  EXPECT_EQ(r->deliveries[0].dataset, "ict_activities");
  EXPECT_EQ(r->deliveries[1].dataset, "ict_records");
  EXPECT_EQ(r->deliveries[1].rows, 2);  // initial and current
  EXPECT_EQ(StoredDeliveries(), 2u);
}

TEST_F(IctDashboardImportTest, DeliveriesAreReceivedAtTheClocksTimeAndNoClockIsRefused) {
  const std::string text =
      "Nummer,Ministerie,ICT-activiteit,Status,Soort ICT-activiteit,Startdatum,"
      "Initiële schatting einddatum,Actuele schatting einddatum,Peildatum,"
      "Initiële schatting meerjarige kosten,Actuele schatting meerjarige kosten huidige jaar\n"
      "A-1,BZK,Portaal,In uitvoering,Ontwikkeling,01-02-2021,31-12-2025,,31-12-2024,10,12.5\n";
  auto r = Import(text);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto all = ws_->store()->ListDeliveries(DeliveryFilter{});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  for (const auto& d : *all) EXPECT_EQ(d.received_at, "2025-02-01T10:00:00Z");  // clock_, not now

  const std::string path = (dir_ / "o.csv").string();
  IctDashboardOptions no_clock;
  auto refused = ImportIctDashboard(ws_.get(), path, no_clock, &sink_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kUsage);
  EXPECT_EQ(StoredDeliveries(), 2u);
}

TEST_F(IctDashboardImportTest, MissingRequiredColumnIsAFindingAndNothingIsStored) {
  std::string header = kHeader;
  header.replace(header.find("Startdatum,"), 11, "");
  auto r = Import(header +
                  "A-1,BZK,Portaal,In uitvoering,Ontwikkeling,31-12-2025,,"
                  "31-12-2024,,10,12.5\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(HasFinding("missing-column", 1, "Startdatum"));
  EXPECT_TRUE(r->deliveries.empty());
  EXPECT_EQ(StoredDeliveries(), 0u);
}

TEST_F(IctDashboardImportTest, NonDateAndNegativeAmountAreFindingsWithRowAndColumn) {
  auto r = Import(std::string(kHeader) +
                  "A-1,BZK,Portaal,In uitvoering,Ontwikkeling,31-31-2021,31-12-2025,,31-12-2024,,"
                  "10,12.5\n"
                  "A-2,BZK,Kluis,In uitvoering,Ontwikkeling,01-01-2021,31-12-2025,,31-12-2024,,"
                  "-5,12.5\n"
                  "A-3,BZK,Brug,Bijna klaar,Ontwikkeling,01-01-2021,31-12-2025,,31-12-2024,"
                  "Geldgebrek,10,12.5\n"
                  "A-3,XYZ,Brug,In uitvoering,Ontwikkeling,01-01-2021,31-12-2025,,31-12-2024,,"
                  "tien,\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(HasFinding("type-error", 2, "Startdatum"));
  EXPECT_TRUE(HasFinding("constraint-error", 3, "Initiële schatting meerjarige kosten"));
  EXPECT_TRUE(HasFinding("enum-error", 4, "Status"));
  EXPECT_TRUE(HasFinding("enum-error", 4, "Reden herijking"));
  EXPECT_TRUE(HasFinding("unknown-ministry", 5, "Ministerie"));
  EXPECT_TRUE(HasFinding("type-error", 5, "Initiële schatting meerjarige kosten"));
  EXPECT_TRUE(
      HasFinding("constraint-error", 5, "Actuele schatting meerjarige kosten huidige jaar"));
  EXPECT_TRUE(r->deliveries.empty());
  EXPECT_EQ(StoredDeliveries(), 0u);
}

TEST_F(IctDashboardImportTest, DuplicateNumberAndHostileBytesGiveFindingsNotACrash) {
  const std::string row =
      "A-1,BZK,Portaal,In uitvoering,Ontwikkeling,01-01-2021,31-12-2025,,31-12-2024,,10,12.5\n";
  auto dup = Import(std::string(kHeader) + row + row);
  ASSERT_TRUE(dup.ok());
  EXPECT_TRUE(HasFinding("unique-error", 3, "Nummer"));
  // A zip signature without a workbook, then a file of control bytes and a stray quote.
  auto zip = Import(std::string("PK\x03\x04garbage", 11), "bad.xlsx");
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  auto junk = Import(std::string("\x01\x02\"\n\xff\xfe,,,\n", 10), "junk.csv");
  ASSERT_TRUE(junk.ok()) << junk.status().ToString();
  EXPECT_GT(sink_.errors(), 1);
  EXPECT_EQ(StoredDeliveries(), 0u);
}

TEST_F(IctDashboardImportTest, WithoutPeildatumTheYearMustBeGiven) {
  std::string header = kHeader;
  header.replace(header.find("Peildatum,"), 10, "");
  auto r = Import(header +
                  "A-1,BZK,Portaal,In uitvoering,Ontwikkeling,01-01-2021,31-12-2025,,,10,12.5\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUsage);
  EXPECT_EQ(StoredDeliveries(), 0u);
}

}  // namespace
}  // namespace jbr
