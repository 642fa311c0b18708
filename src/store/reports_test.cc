// Upload reports in a real store (SQLite, or PostgreSQL under jbr_store_tests_postgres): a report
// is stored whole with its findings in order, paged, listed by ministry and delivery newest first,
// never changed, and text a database would refuse (bad UTF-8, NUL) is kept readable.
#include "store/reports.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "common/testing/temp_dir.h"
#include "store/store.h"
#include "store/testing/backend.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

class ReportStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-reports-"));
    dir_ = tmp_->path();
    auto backend = testing::TestBackend::Make(dir_.string());
    ASSERT_TRUE(backend.ok()) << backend.status().ToString();
    backend_ = std::move(backend).value();
    auto s = Store::Open(backend_->url());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  void TearDown() override {
    store_.reset();
    backend_.reset();
    tmp_.reset();
  }
  static UploadReport Rejected(const std::string& id, const std::string& ministry) {
    return UploadReport{
        0,          id,         "2026-02-01T10:00:00Z", "anna", ministry, "personnel", 2021,
        "file.csv", "rejected", std::nullopt,           "",     0,        0,           0};
  }
  static std::vector<Finding> Numbered(int n) {
    std::vector<Finding> out;
    for (int i = 0; i < n; ++i) {
      out.push_back({"range", Severity::kError, "file.csv", "", i + 2, "weekly_hours",
                     std::to_string(41 + i), "more than 40 hours", "give at most 40"});
    }
    return out;
  }

  fs::path dir_;
  std::optional<TempDir> tmp_;
  std::unique_ptr<testing::TestBackend> backend_;
  std::unique_ptr<Store> store_;
};

TEST_F(ReportStoreTest, KeepsAReportWithItsFindingsInOrderAndPagesThem) {
  UploadReport r = Rejected("r1", "BZK");
  r.errors = 130;  // more counted than kept: the first 120 are stored
  auto seq = store_->reports()->AddReport(r, Numbered(120));
  ASSERT_TRUE(seq.ok()) << seq.status().ToString();
  EXPECT_EQ(*seq, 1);
  auto got = store_->reports()->GetReport("r1");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->kept, 120);
  EXPECT_EQ((*got)->errors, 130);
  EXPECT_FALSE((*got)->delivery_id.has_value());
  // Page 3 of 50: findings 100..119, rows 102..121 (row = position + 2 above).
  auto page = store_->reports()->ReportFindings("r1", 100, 50);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 20u);
  EXPECT_EQ(page->front().row, 102);
  EXPECT_EQ(page->front().value, "141");
  EXPECT_EQ(page->back().row, 121);
  EXPECT_EQ(page->back().hint, "give at most 40");
  EXPECT_TRUE(store_->reports()->ReportFindings("r1", 120, 50)->empty());
  EXPECT_TRUE(store_->reports()->ReportFindings("no-such", 0, 50)->empty());
  EXPECT_FALSE(store_->reports()->GetReport("no-such")->has_value());
}

TEST_F(ReportStoreTest, AnIdIsStoredOnceAndAReportIsNeverChanged) {
  ASSERT_TRUE(store_->reports()->AddReport(Rejected("r1", "BZK"), Numbered(2)).ok());
  auto again = store_->reports()->AddReport(Rejected("r1", "FIN"), Numbered(1));
  EXPECT_EQ(again.status().code(), StatusCode::kUsage);
  EXPECT_EQ((*store_->reports()->GetReport("r1"))->ministry, "BZK");
  EXPECT_EQ(store_->reports()->ReportFindings("r1", 0, 10)->size(), 2u);
}

TEST_F(ReportStoreTest, ListsByMinistryAndDeliveryNewestFirst) {
  ASSERT_TRUE(store_->reports()->AddReport(Rejected("a", "BZK"), {}).ok());
  ASSERT_TRUE(store_->reports()->AddReport(Rejected("b", "FIN"), {}).ok());
  ASSERT_TRUE(store_->reports()->AddReport(Rejected("c", "BZK"), {}).ok());
  ReportFilter bzk;
  bzk.ministry = "BZK";
  auto list = store_->reports()->ListReports(bzk);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, "c");
  EXPECT_EQ((*list)[1].id, "a");
  ReportFilter one;
  one.limit = 1;
  EXPECT_EQ(store_->reports()->ListReports(one)->front().id, "c");
  ReportFilter none;
  none.delivery_id = 7;
  EXPECT_TRUE(store_->reports()->ListReports(none)->empty());
  ReportFilter all;
  EXPECT_EQ(store_->reports()->ListReports(all)->size(), 3u);
}

TEST_F(ReportStoreTest, TextADatabaseWouldRefuseIsKeptReadable) {
  // A Windows-1252 "é" (0xE9) alone, a NUL, an overlong "/" (C0 AF) and a UTF-16 surrogate half.
  std::vector<Finding> f = Numbered(1);
  f[0].value = std::string("caf\xE9 a\0b \xC0\xAF \xED\xA0\x80", 15);
  f[0].column = "naïve";
  UploadReport r = Rejected("r1", "BZK");
  r.file_name = "bad\xFF.csv";
  ASSERT_TRUE(store_->reports()->AddReport(r, f).ok());
  const std::string bad = "\xEF\xBF\xBD";
  auto got = store_->reports()->ReportFindings("r1", 0, 1);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->front().value,
            "caf" + bad + " a" + bad + "b " + bad + bad + " " + bad + bad + bad);
  EXPECT_EQ(got->front().column, "naïve");
  EXPECT_EQ((*store_->reports()->GetReport("r1"))->file_name, "bad" + bad + ".csv");
}

}  // namespace
}  // namespace jbr
