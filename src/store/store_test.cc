// The store's behaviour through its interface, on whichever backend the binary runs against
// (store/testing/backend.h): SQLite, and PostgreSQL under ctest's jbr_store_tests_postgres.
#include "store/store.h"
#include "common/testing/temp_dir.h"

#include <gtest/gtest.h>
#include <optional>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "common/sha256.h"
#include "store/load.h"
#include "store/testing/backend.h"
#include "store/workspace.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-store-test-"));
    dir_ = tmp_->path();
    auto backend = testing::TestBackend::Make(dir_.string());
    ASSERT_TRUE(backend.ok()) << backend.status().ToString();
    backend_ = std::move(backend).value();
    auto ws = Workspace::Create(dir_.string(), backend_->url());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
  }
  void TearDown() override {
    ws_.reset();
    backend_.reset();
    tmp_.reset();
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  Result<LoadResult> Load(const std::string& dataset, const std::string& path,
                          CollectingSink* sink) {
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

  std::optional<TempDir> tmp_;
  fs::path dir_;
  std::unique_ptr<testing::TestBackend> backend_;
  std::unique_ptr<Workspace> ws_;
};

const char* kPersonnel =
    "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,birth_"
    "year,gender,"
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
  EXPECT_EQ(
      ws_->store()->ReadColumn(r->delivery.id, "no_such_field", FieldType::kString).status().code(),
      StatusCode::kNotFound);

  std::string back;
  ASSERT_TRUE(ws_->store()
                  ->ExportOriginal(r->delivery.id,
                                   [&](std::string_view p) {
                                     back.append(p);
                                     return Status::Ok();
                                   })
                  .ok());
  EXPECT_EQ(back, kPersonnel);
}

TEST_F(StoreTest, NewerDeliverySupersedesAndIdenticalChangesNothing) {
  CollectingSink sink;
  auto first = Load("personnel", Write("a.csv", kPersonnel), &sink);
  std::string second_text =
      std::string(kPersonnel) + "P3,E3,DG B,core,2019-01-01,,36,1970,X,13,vast,nee\n";
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
  auto r =
      Load("personnel",
           Write("bad.csv", std::string(kPersonnel) + "P3,E1,DG B,core,x,,36,1970,X,13,vast,nee\n"),
           &sink);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->outcome, LoadOutcome::kRejected);
  EXPECT_EQ(sink.errors(), 2);  // the date and the repeated E1
  EXPECT_TRUE(ws_->store()->ListDeliveries({})->empty());
  EXPECT_TRUE(ws_->store()->AuditLog(std::nullopt)->empty());
}

TEST_F(StoreTest, AuditLogIsAppendOnly) {
  ASSERT_TRUE(ws_->store()
                  ->AppendAudit({0, "2021-01-01T00:00:00Z", "me", "note", std::nullopt, "{}"})
                  .ok());
  EXPECT_NE(
      backend_->Exec("UPDATE audit_log SET actor = 'someone else'").message().find("append-only"),
      std::string::npos);
  const Status del = backend_->Exec("DELETE FROM audit_log");
  EXPECT_EQ(del.code(), StatusCode::kStore);
  EXPECT_NE(del.message().find("audit_log is append-only"), std::string::npos) << del.message();
  EXPECT_EQ(ws_->store()->AuditLog(std::nullopt)->front().actor, "me");
}

TEST_F(StoreTest, ReopeningMigratesOnceAndRefusesANewerStore) {
  ws_.reset();
  auto again = Workspace::Open(dir_.string());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  again->reset();
  ASSERT_TRUE(backend_->Exec("INSERT INTO schema_migrations VALUES (999, 'future')").ok());
  auto newer = Workspace::Open(dir_.string());
  EXPECT_EQ(newer.status().code(), StatusCode::kStore);
  EXPECT_NE(newer.status().message().find("newer"), std::string::npos);
}

// 70,000 rows: more than one column chunk (65,536 rows) and several parts of original bytes.
std::string ManyRows(int n) {
  std::string text =
      "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,birth_"
      "year,gender,"
      "salary_scale,contract,jobs_agreement\n";
  for (int i = 1; i <= n; ++i) {
    text += "P" + std::to_string(i) + ",E" + std::to_string(i) + ",Directie " +
            std::to_string(i % 50) + ",core,2015-01-01,," + std::to_string(18 + i % 19) + "," +
            std::to_string(1960 + i % 40) + ",female,11,permanent,false\n";
  }
  return text;
}

TEST_F(StoreTest, ALargeDeliveryComesBackWhole) {
  const std::string text = ManyRows(70000);
  ASSERT_GT(text.size(), 4u << 20);
  CollectingSink sink;
  auto r = Load("personnel", Write("big.csv", text), &sink);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->outcome, LoadOutcome::kAccepted) << sink.errors();
  EXPECT_EQ(r->delivery.row_count, 70000);
  auto hours = ws_->store()->ReadColumn(r->delivery.id, "weekly_hours", FieldType::kNumber);
  ASSERT_TRUE(hours.ok()) << hours.status().ToString();
  ASSERT_EQ(hours->size(), 70000u);
  EXPECT_EQ(hours->numbers[69999], 18 + 70000 % 19);  // the last row, in the second chunk
  auto ids = ws_->store()->ReadColumn(r->delivery.id, "person_id", FieldType::kString);
  EXPECT_EQ(ids->str(65536), "P65537");
  std::string back;
  int pieces = 0;
  ASSERT_TRUE(ws_->store()
                  ->ExportOriginal(r->delivery.id,
                                   [&](std::string_view p) {
                                     back.append(p);
                                     ++pieces;
                                     return Status::Ok();
                                   })
                  .ok());
  EXPECT_TRUE(back == text);
  EXPECT_GT(pieces, 1);  // streamed in pieces, not held whole
  EXPECT_EQ(ws_->store()
                ->ExportOriginal(r->delivery.id + 1, [](std::string_view) { return Status::Ok(); })
                .code(),
            StatusCode::kNotFound);
}

TEST_F(StoreTest, AReadSnapshotDoesNotSeeALaterLoad) {
  CollectingSink sink;
  auto first = Load("personnel", Write("a.csv", kPersonnel), &sink);
  ASSERT_TRUE(first.ok() && first->outcome == LoadOutcome::kAccepted);
  auto reader = Store::Open(backend_->url());  // a second connection, as another process has
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  {
    auto snapshot = ReadSnapshot::Begin(reader->get());
    ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
    EXPECT_EQ((*(*reader)->CurrentDelivery("personnel", "BZK", 2020))->id, first->delivery.id);
    auto second = Load("personnel", Write("b.csv", ManyRows(3)), &sink);
    ASSERT_TRUE(second.ok()) << second.status().ToString();
    ASSERT_EQ(second->outcome, LoadOutcome::kAccepted);
    auto seen = (*reader)->CurrentDelivery("personnel", "BZK", 2020);
    ASSERT_TRUE(seen.ok()) << seen.status().ToString();
    EXPECT_EQ((*seen)->id, first->delivery.id);
    EXPECT_EQ((*seen)->status, "accepted");
    EXPECT_EQ((*reader)->ListDeliveries({})->size(), 1u);
  }
  auto after = (*reader)->CurrentDelivery("personnel", "BZK", 2020);
  EXPECT_NE((*after)->id, first->delivery.id);
  EXPECT_EQ((*after)->row_count, 3);
}

TEST_F(StoreTest, ALoadSeesTheDeliveryAnotherConnectionCommitted) {
  CollectingSink sink;
  auto other = Store::Open(backend_->url());
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  const std::string path = Write("a.csv", kPersonnel);
  LoadRequest req;
  req.dataset = "personnel";
  req.ministry = "BZK";
  req.year = 2020;
  req.delivered_by = "other";
  req.path = path;
  req.display_name = "a.csv";
  req.received_at = "2021-02-01T09:00:00Z";
  auto theirs =
      LoadDelivery(other->get(), ws_->schemas(), *ws_->schemas().Find("personnel"), req, &sink);
  ASSERT_TRUE(theirs.ok() && theirs->outcome == LoadOutcome::kAccepted);
  auto ours = Load("personnel", path, &sink);
  ASSERT_TRUE(ours.ok());
  EXPECT_EQ(ours->outcome, LoadOutcome::kIdentical);
  auto different = Load("personnel", Write("b.csv", ManyRows(4)), &sink);
  ASSERT_TRUE(different.ok());
  EXPECT_EQ(different->delivery.supersedes, theirs->delivery.id);
  auto old = (*other)->GetDelivery(theirs->delivery.id);
  EXPECT_EQ((*old)->status, "superseded");
  EXPECT_EQ((*old)->superseded_by, different->delivery.id);
}

// The binary runs against the backend it is asked for, never silently another one.
TEST(StoreBackend, IsTheOneAskedFor) {
  const char* file = std::getenv("JBR_TEST_POSTGRES");
  const TempDir dir = ::jbr::testing::TestDir("jbr-store-backend-");
  auto backend = testing::TestBackend::Make(dir.path());
  ASSERT_TRUE(backend.ok()) << backend.status().ToString();
  const bool want_postgres = file != nullptr && *file != '\0';
  EXPECT_EQ((*backend)->postgres(), want_postgres);
  EXPECT_EQ((*backend)->url().rfind(want_postgres ? "postgresql://" : "sqlite:", 0), 0u)
      << (*backend)->url();
  std::cout << "store backend: " << (*backend)->url() << "\n";
  backend->reset();
}

TEST(StoreOpen, RedactsPasswordsInUrls) {
  EXPECT_EQ(RedactStoreUrl("postgres://jbr:s3cr@t@db/jbr"),
            "postgres://jbr:***@db/jbr");  // an unescaped @
  EXPECT_EQ(RedactStoreUrl("postgresql://jbr:secret@db:5432/jbr"),
            "postgresql://jbr:***@db:5432/jbr");
  EXPECT_EQ(RedactStoreUrl("postgresql://jbr@db:5432/jbr"), "postgresql://jbr@db:5432/jbr");
  EXPECT_EQ(RedactStoreUrl("postgresql://db:5432/jbr?user=a@b"),
            "postgresql://db:5432/jbr?user=a@b");
  EXPECT_EQ(RedactStoreUrl("sqlite:/tmp/a:b@c"), "sqlite:/tmp/a:b@c");
}

TEST(StoreOpen, RefusesUnknownUrlSchemes) {
  EXPECT_EQ(Store::Open("mysql://localhost/jbr").status().code(), StatusCode::kUsage);
}

TEST(StoreOpen, SaysWhenThePostgresServerIsNotThere) {
  // Port 1 on the loopback: nothing listens there.
  auto s = Store::Open("postgresql://jbr@127.0.0.1:1/jbr?connect_timeout=2");
  EXPECT_EQ(s.status().code(), StatusCode::kStore);
  EXPECT_NE(s.status().message().find("cannot connect to the PostgreSQL store"), std::string::npos)
      << s.status().message();
}

}  // namespace
}  // namespace jbr
