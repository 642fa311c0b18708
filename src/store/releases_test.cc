// Releases in a real store (SQLite, or PostgreSQL under jbr_store_tests_postgres): numbering per
// year, what is copied from the run, the audit entry, immutability, and the previous-year
// provenance of stored values.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "common/testing/temp_dir.h"
#include "store/store.h"
#include "store/testing/backend.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

class ReleaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-release-store-"));
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
  int64_t Run(int year, const std::string& version, const std::string& vintage) {
    ComputeRun run{0, "2021-03-01T12:00:00Z", year, version, vintage, "[]", "{}"};
    StoredValue v;
    v.indicator = "personnel.headcount";
    v.ministry = "BZK";
    v.period = std::to_string(year);
    v.status = "published";
    v.value = 12;
    v.deliveries = "[]";
    v.previous_status = "suppressed";
    v.previous_deliveries = "[3,4]";
    auto id = store_->SaveComputeRun(run, {v});
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  NewRelease New(int year, int number, int64_t run) {
    NewRelease r;
    r.year = year;
    r.number = number;
    r.run_id = run;
    r.series_runs = "[]";
    r.created_at = "2021-04-01T09:00:00Z";
    r.actor = "tester";
    r.manifest = "{\"files\":[]}\n";
    return r;
  }

  fs::path dir_;
  std::optional<TempDir> tmp_;
  std::unique_ptr<testing::TestBackend> backend_;
  std::unique_ptr<Store> store_;
};

TEST_F(ReleaseStoreTest, NumbersPerYearAndCopiesTheRun) {
  const int64_t a = Run(2020, "def-a", "vintage-a");
  const int64_t b = Run(2020, "def-b", "vintage-b");
  const int64_t c = Run(2021, "def-c", "vintage-c");
  auto r1 = store_->CreateRelease(New(2020, 1, a));
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  auto r2 = store_->CreateRelease(New(2020, 2, b));
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  auto r3 = store_->CreateRelease(New(2021, 1, c));
  ASSERT_TRUE(r3.ok()) << r3.status().ToString();
  EXPECT_EQ(r2->definition_version, "def-b");
  EXPECT_EQ(r2->factor_vintage, "vintage-b");

  auto of2020 = store_->ListReleases(2020);
  ASSERT_TRUE(of2020.ok());
  ASSERT_EQ(of2020->size(), 2u);
  EXPECT_EQ((*of2020)[0].number, 1);
  EXPECT_EQ((*of2020)[0].run_id, a);
  EXPECT_EQ((*of2020)[1].number, 2);
  EXPECT_EQ(store_->ListReleases(std::nullopt)->size(), 3u);

  auto got = store_->GetRelease(r1->id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->manifest, "{\"files\":[]}\n");
  EXPECT_EQ((*got)->definition_version, "def-a");
  EXPECT_EQ((*got)->created_at, "2021-04-01T09:00:00Z");
  EXPECT_FALSE(store_->GetRelease(999)->has_value());
}

TEST_F(ReleaseStoreTest, WritesAnAuditEntry) {
  const int64_t a = Run(2020, "def-a", "v");
  auto r = store_->CreateRelease(New(2020, 1, a));
  ASSERT_TRUE(r.ok());
  auto log = store_->AuditLog(std::nullopt);
  ASSERT_TRUE(log.ok());
  ASSERT_FALSE(log->empty());
  EXPECT_EQ(log->back().action, "release");
  EXPECT_EQ(log->back().actor, "tester");
  EXPECT_NE(log->back().detail.find("\"number\":1"), std::string::npos);
}

TEST_F(ReleaseStoreTest, RefusesAWrongNumberAnUnknownRunAndARunOfAnotherYear) {
  const int64_t a = Run(2020, "def-a", "v");
  auto skipped = store_->CreateRelease(New(2020, 2, a));
  EXPECT_EQ(skipped.status().code(), StatusCode::kUsage);
  EXPECT_NE(skipped.status().message().find("number 1"), std::string::npos);
  EXPECT_EQ(store_->CreateRelease(New(2020, 1, 999)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->CreateRelease(New(2021, 1, a)).status().code(), StatusCode::kUsage);
  ASSERT_TRUE(store_->CreateRelease(New(2020, 1, a)).ok());
  EXPECT_EQ(store_->CreateRelease(New(2020, 1, a)).status().code(), StatusCode::kUsage);
  EXPECT_EQ(store_->ListReleases(2020)->size(), 1u);
}

TEST_F(ReleaseStoreTest, ReleasesAreNeverChanged) {
  ASSERT_TRUE(store_->CreateRelease(New(2020, 1, Run(2020, "d", "v"))).ok());
  store_.reset();
  EXPECT_NE(backend_->Exec("UPDATE releases SET manifest = '{}'").message().find("never changed"),
            std::string::npos);
  EXPECT_NE(backend_->Exec("DELETE FROM releases").message().find("never deleted"),
            std::string::npos);
}

TEST_F(ReleaseStoreTest, KeepsWhereLastYearsFigureCameFrom) {
  const int64_t a = Run(2020, "def-a", "v");
  auto run = store_->GetComputeRun(a);
  ASSERT_TRUE(run.ok() && run->has_value());
  EXPECT_EQ((*run)->definition_version, "def-a");
  EXPECT_FALSE(store_->GetComputeRun(a + 1)->has_value());
  auto values = store_->ComputeRunValues(a);
  ASSERT_TRUE(values.ok());
  ASSERT_EQ(values->size(), 1u);
  EXPECT_EQ(values->front().previous_status, "suppressed");
  EXPECT_EQ(values->front().previous_deliveries, "[3,4]");
}

TEST_F(ReleaseStoreTest, MigratesAStoreOfSchemaVersionTwo) {
  const int64_t a = Run(2020, "def-a", "v");
  store_.reset();
  // Back to version 2 as a store made before releases: no releases table, no provenance columns.
  // The same SQL on both backends: a version-2 store is the same tables on either.
  const Status down = backend_->Exec(
      "DROP TABLE review_notes; DROP TABLE jobs; "               // migration 8
      "DROP TABLE report_findings; DROP TABLE upload_reports; "  // migration 6, after it
      "DROP TABLE actions; DROP TABLE api_tokens; DROP TABLE sessions; DROP TABLE users; "
      "ALTER TABLE compute_runs DROP COLUMN factor_vintages; ALTER TABLE compute_runs DROP COLUMN "
      "adjacent_gaps; "
      "DROP TABLE releases; ALTER TABLE computed_values DROP COLUMN previous_status; "
      "ALTER TABLE computed_values DROP COLUMN previous_deliveries; "
      "DELETE FROM schema_migrations WHERE version > 2;");
  ASSERT_TRUE(down.ok()) << down.ToString();
  auto reopened = Store::Open(backend_->url());
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  store_ = std::move(reopened).value();
  auto values = store_->ComputeRunValues(a);
  ASSERT_TRUE(values.ok()) << values.status().ToString();
  ASSERT_EQ(values->size(), 1u);
  EXPECT_EQ(values->front().previous_status, "");
  EXPECT_EQ(values->front().previous_deliveries, "[]");
  EXPECT_TRUE(store_->CreateRelease(New(2020, 1, a)).ok());
}

// A run keeps the vintage of each year's figures and the adjacent years it read without (migration
// 6), on every way back out of the store.
TEST_F(ReleaseStoreTest, KeepsEachYearsVintageAndTheAdjacentYearsMissing) {
  ComputeRun run{0, "2022-03-01T12:00:00Z", 2021, "def-a", "B", "[]", "{}"};
  run.factor_vintages = R"({"2020":"A","2021":"B"})";
  run.adjacent_gaps =
      R"([{"year":2021,"dataset":"personnel","other_year":2022,"ministries":["AZ","BZK"],)"
      R"("indicators":["personnel.inflow"]}])";
  auto id = store_->SaveComputeRun(run, {});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto got = store_->GetComputeRun(*id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->factor_vintages, run.factor_vintages);
  EXPECT_EQ((*got)->adjacent_gaps, run.adjacent_gaps);
  auto latest = store_->LatestComputeRun(2021);
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->factor_vintages, run.factor_vintages);
  EXPECT_EQ((*latest)->adjacent_gaps, run.adjacent_gaps);
  auto all = store_->ListComputeRuns();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().factor_vintages, run.factor_vintages);
  EXPECT_EQ(all->front().adjacent_gaps, run.adjacent_gaps);
}

// A version-6 store (runs without the per-year vintages and adjacent gaps) migrates to version 7:
// its runs read as "{}" and "[]", and new runs keep both.
TEST_F(ReleaseStoreTest, MigratesAStoreOfSchemaVersionSix) {
  const int64_t a = Run(2020, "def-a", "v");
  ASSERT_TRUE(store_->CreateRelease(New(2020, 1, a)).ok());
  store_.reset();
  const Status down = backend_->Exec(
      "DROP TABLE review_notes; DROP TABLE jobs; "  // migration 8
      "ALTER TABLE compute_runs DROP COLUMN factor_vintages; "
      "ALTER TABLE compute_runs DROP COLUMN adjacent_gaps; "
      "DELETE FROM schema_migrations WHERE version > 6;");
  ASSERT_TRUE(down.ok()) << down.ToString();
  auto reopened = Store::Open(backend_->url());
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  store_ = std::move(reopened).value();
  EXPECT_FALSE(backend_->Exec("INSERT INTO schema_migrations VALUES (7, 'x')").ok())
      << "version 7 not recorded";
  auto old = store_->GetComputeRun(a);
  ASSERT_TRUE(old.ok() && old->has_value()) << old.status().ToString();
  EXPECT_EQ((*old)->factor_vintage, "v");
  EXPECT_EQ((*old)->factor_vintages, "{}");
  EXPECT_EQ((*old)->adjacent_gaps, "[]");
  EXPECT_EQ(store_->ListReleases(2020)->size(), 1u);
  ComputeRun run{0, "2022-03-01T12:00:00Z", 2021, "def-a", "v", "[]", "{}"};
  run.factor_vintages = R"({"2020":"v","2021":"v"})";
  run.adjacent_gaps = R"([{"year":2021}])";
  auto id = store_->SaveComputeRun(run, {});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ((*store_->GetComputeRun(*id))->factor_vintages, run.factor_vintages);
  EXPECT_EQ((*store_->GetComputeRun(*id))->adjacent_gaps, run.adjacent_gaps);
}

// Each numbered migration is one transaction: version 5 (the portal's accounts) fails at its last
// table, which is in the way, and leaves no table of it behind and the store at version 4. Once the
// obstacle is gone, the same migration runs whole (it could not, had "users" been left behind).
TEST_F(ReleaseStoreTest, AMigrationThatFailsLeavesNothingOfItAndTheVersionAsItWas) {
  store_.reset();
  const Status down = backend_->Exec(
      "DROP TABLE review_notes; DROP TABLE jobs; "               // migration 8
      "DROP TABLE report_findings; DROP TABLE upload_reports; "  // migration 6, after it
      "ALTER TABLE compute_runs DROP COLUMN factor_vintages; ALTER TABLE compute_runs DROP COLUMN "
      "adjacent_gaps; "
      "DROP TABLE actions; DROP TABLE api_tokens; DROP TABLE sessions; DROP TABLE users; "
      "DELETE FROM schema_migrations WHERE version > 4; "
      "CREATE TABLE actions (in_the_way integer);");
  ASSERT_TRUE(down.ok()) << down.ToString();
  auto failed = Store::Open(backend_->url());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kStore);
  EXPECT_NE(failed.status().message().find("actions"), std::string::npos)
      << failed.status().ToString();
  EXPECT_FALSE(backend_->Exec("SELECT count(*) FROM users").ok())
      << "migration 5 left its first table";
  EXPECT_FALSE(backend_->Exec("SELECT count(*) FROM sessions").ok());
  EXPECT_TRUE(backend_
                  ->Exec("INSERT INTO schema_migrations VALUES (5, 'x'); "
                         "DELETE FROM schema_migrations WHERE version = 5;")
                  .ok())
      << "version 5 was recorded";

  ASSERT_TRUE(backend_->Exec("DROP TABLE actions;").ok());
  auto reopened = Store::Open(backend_->url());
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_TRUE(backend_->Exec("SELECT count(*) FROM users; SELECT count(*) FROM actions;").ok());
  EXPECT_FALSE(backend_->Exec("INSERT INTO schema_migrations VALUES (5, 'x')").ok())
      << "version 5 not recorded after it ran";
}

}  // namespace
}  // namespace jbr
