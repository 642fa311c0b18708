#include "store/sqlite/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "common/sha256.h"
#include "store/load.h"
#include "store/workspace.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jbr-store-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    auto ws = Workspace::Create(dir_.string());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
  }
  void TearDown() override {
    ws_.reset();
    fs::remove_all(dir_);
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  Result<LoadResult> Load(const std::string& dataset, const std::string& path, CollectingSink* sink) {
    LoadRequest req;
    req.dataset = dataset;
    req.ministry = "BZK";
    req.year = 2020;
    req.delivered_by = "tester";
    req.path = path;
    req.display_name = fs::path(path).filename().string();
    req.received_at = "2021-02-01T10:00:00Z";
    return LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find(dataset), req, sink);
  }

  fs::path dir_;
  std::unique_ptr<Workspace> ws_;
};

const char* kPersonnel =
    "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,birth_year,gender,"
    "salary_scale,contract,jobs_agreement\n"
    "P1,E1,DG A,core,2015-01-01,,36,1980,V,11,vast,nee\n"
    "P2,E2,DG A,agency,2020-03-01,2020-10-31,18.5,1995,M,8,tijdelijk,ja\n";

TEST_F(StoreTest, AcceptedDeliveryKeepsTypedRowsAndBytes) {
  CollectingSink sink;
  auto r = Load("personnel", Write("p.csv", kPersonnel), &sink);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->outcome, LoadOutcome::kAccepted);
  EXPECT_EQ(r->delivery.row_count, 2);
  Sha256 h;
  h.Update(kPersonnel);
  EXPECT_EQ(r->delivery.sha256, h.HexDigest());

  auto gender = ws_->store()->ReadColumn(r->delivery.id, "gender", FieldType::kString);
  ASSERT_TRUE(gender.ok());
  EXPECT_EQ(gender->str(0), "female");  // stored canonical, as delivered "V"
  EXPECT_EQ(gender->str(1), "male");
  auto hours = ws_->store()->ReadColumn(r->delivery.id, "weekly_hours", FieldType::kNumber);
  EXPECT_EQ(hours->numbers[1], 18.5);
  auto end = ws_->store()->ReadColumn(r->delivery.id, "end_date", FieldType::kDate);
  EXPECT_TRUE(end->is_null(0));
  EXPECT_EQ(end->ints[1], DaysFromCivil(2020, 10, 31));
  auto jobs = ws_->store()->ReadColumn(r->delivery.id, "jobs_agreement", FieldType::kBoolean);
  EXPECT_EQ(jobs->ints[0], 0);
  EXPECT_EQ(jobs->ints[1], 1);
  EXPECT_EQ(ws_->store()->ReadColumn(r->delivery.id, "no_such_field", FieldType::kString).status().code(),
            StatusCode::kNotFound);

  std::string back;
  ASSERT_TRUE(ws_->store()->ExportOriginal(r->delivery.id, [&](std::string_view p) {
    back.append(p);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(back, kPersonnel);
}

TEST_F(StoreTest, NewerDeliverySupersedesAndIdenticalChangesNothing) {
  CollectingSink sink;
  auto first = Load("personnel", Write("a.csv", kPersonnel), &sink);
  std::string second_text = std::string(kPersonnel) + "P3,E3,DG B,core,2019-01-01,,36,1970,X,13,vast,nee\n";
  auto second = Load("personnel", Write("b.csv", second_text), &sink);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->delivery.supersedes, first->delivery.id);
  auto again = Load("personnel", Write("c.csv", second_text), &sink);
  EXPECT_EQ(again->outcome, LoadOutcome::kIdentical);
  EXPECT_EQ(again->delivery.id, second->delivery.id);

  auto all = ws_->store()->ListDeliveries({});
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].status, "superseded");
  EXPECT_EQ((*all)[0].superseded_by, second->delivery.id);
  EXPECT_EQ((*all)[1].status, "accepted");
  auto current = ws_->store()->CurrentDelivery("personnel", "BZK", 2020);
  EXPECT_EQ((*current)->id, second->delivery.id);
  auto log = ws_->store()->AuditLog(std::nullopt);
  ASSERT_EQ(log->size(), 2u);  // two loads; the identical file left no trace
  EXPECT_EQ((*log)[1].action, "load");
  EXPECT_NE((*log)[1].detail.find("\"supersedes\":1"), std::string::npos);
}

TEST_F(StoreTest, RejectedDeliveryStoresNothing) {
  CollectingSink sink;
  auto r = Load("personnel", Write("bad.csv", std::string(kPersonnel) + "P3,E1,DG B,core,x,,36,1970,X,13,vast,nee\n"), &sink);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->outcome, LoadOutcome::kRejected);
  EXPECT_EQ(sink.errors(), 2);  // the date and the repeated E1
  EXPECT_TRUE(ws_->store()->ListDeliveries({})->empty());
  EXPECT_TRUE(ws_->store()->AuditLog(std::nullopt)->empty());
}

TEST_F(StoreTest, AuditLogIsAppendOnly) {
  ASSERT_TRUE(ws_->store()->AppendAudit({0, "2021-01-01T00:00:00Z", "me", "note", std::nullopt, "{}"}).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "jbr.sqlite").string().c_str(), &db), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "UPDATE audit_log SET actor = 'someone else'", nullptr, nullptr, nullptr), SQLITE_OK);
  EXPECT_NE(sqlite3_exec(db, "DELETE FROM audit_log", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_EQ(ws_->store()->AuditLog(std::nullopt)->front().actor, "me");
}

TEST_F(StoreTest, ReopeningMigratesOnceAndRefusesANewerStore) {
  ws_.reset();
  auto again = Workspace::Open(dir_.string());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  again->reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "jbr.sqlite").string().c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (999, 'future')", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto newer = Workspace::Open(dir_.string());
  EXPECT_EQ(newer.status().code(), StatusCode::kStore);
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);
}

TEST(StoreOpen, RefusesUnknownUrlSchemes) {
  EXPECT_EQ(Store::Open("mysql://localhost/jbr").status().code(), StatusCode::kUsage);
}

}  // namespace
}  // namespace jbr
