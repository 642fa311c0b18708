// CopyStore (jbr migrate-store) on the backend under test: into a second store of the same
// backend, and into a SQLite file (from PostgreSQL when the suite runs there): everything comes
// over with its id, bytes and values; a non-empty target is refused; the copy goes on numbering.
#include "store/copy.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/load.h"
#include "store/testing/backend.h"
#include "store/workspace.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

const char* kHeader =
    "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,birth_year,gender,"
    "salary_scale,contract,jobs_agreement\n";

class CopyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jbr-copy-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "a");
    fs::create_directories(dir_ / "b");
    auto a = testing::TestBackend::Make((dir_ / "a").string());
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    from_backend_ = std::move(a).value();
    auto b = testing::TestBackend::Make((dir_ / "b").string());
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    to_backend_ = std::move(b).value();
    auto ws = Workspace::Create((dir_ / "ws").string(), from_backend_->url());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
    Fill();
  }
  void TearDown() override {
    ws_.reset();
    from_backend_.reset();
    to_backend_.reset();
    fs::remove_all(dir_);
  }

  void LoadText(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    LoadRequest req;
    req.dataset = "personnel";
    req.ministry = "BZK";
    req.year = 2020;
    req.delivered_by = "tester";
    req.path = path;
    req.display_name = name;
    req.received_at = "2021-02-01T10:00:00Z";
    CollectingSink sink;
    auto r = LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find("personnel"), req, &sink);
    ASSERT_TRUE(r.ok() && r->outcome == LoadOutcome::kAccepted) << sink.errors();
  }

  // Two deliveries (the second supersedes the first), a run with odd doubles, a release, a note.
  void Fill() {
    LoadText("a.csv", std::string(kHeader) + "P1,E1,DG A,core,2015-01-01,,36,1980,V,11,vast,nee\n");
    std::string many = kHeader;
    for (int i = 0; i < 3000; ++i) {
      many += "P" + std::to_string(i) + ",E" + std::to_string(i) + ",DG \"B\",core,2015-01-01,,32.5,1970,M,9,vast,ja\n";
    }
    LoadText("b.csv", many);
    StoredValue v;
    v.indicator = "personnel.fte";
    v.ministry = "BZK";
    v.period = "2020";
    v.category = "tab\there, new\nline, back\\slash";
    v.status = "published";
    v.value = 0.1 + 0.2;  // not 0.3: every bit must come over
    v.numerator = 1e-300;
    v.denominator = 123456789.123456789;
    v.deliveries = "[2]";
    StoredValue missing = v;
    missing.status = "missing";
    missing.value = missing.numerator = missing.denominator = std::nullopt;
    auto run = ws_->store()->SaveComputeRun({0, "2021-03-01T12:00:00Z", 2020, "def", "vintage", "[2]", "{}"},
                                            {v, missing});
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    NewRelease r;
    r.year = 2020;
    r.number = 1;
    r.run_id = *run;
    r.created_at = "2021-04-01T09:00:00Z";
    r.actor = "tester";
    r.manifest = "{\"files\":[]}\n";
    ASSERT_TRUE(ws_->store()->CreateRelease(r).ok());
    ASSERT_TRUE(ws_->store()->AppendAudit({0, "2021-05-01T00:00:00Z", "me", "note", 1, "{\"x\":1}"}).ok());
  }

  static std::string Bytes(Store* s, int64_t id) {
    std::string out;
    EXPECT_TRUE(s->ExportOriginal(id, [&](std::string_view p) {
      out.append(p);
      return Status::Ok();
    }).ok());
    return out;
  }

  void ExpectSameContent(Store* a, Store* b) {
    auto da = a->ListDeliveries({});
    auto db = b->ListDeliveries({});
    ASSERT_TRUE(da.ok() && db.ok());
    ASSERT_EQ(da->size(), 2u);
    ASSERT_EQ(db->size(), 2u);
    for (size_t i = 0; i < da->size(); ++i) {
      const auto& x = (*da)[i];
      const auto& y = (*db)[i];
      EXPECT_EQ(x.id, y.id);
      EXPECT_EQ(x.status, y.status);
      EXPECT_EQ(x.supersedes, y.supersedes);
      EXPECT_EQ(x.superseded_by, y.superseded_by);
      EXPECT_EQ(x.sha256, y.sha256);
      EXPECT_EQ(x.row_count, y.row_count);
      EXPECT_EQ(x.format, y.format);
      EXPECT_EQ(x.received_at, y.received_at);
      EXPECT_TRUE(Bytes(a, x.id) == Bytes(b, y.id));
      auto ca = a->ReadColumn(x.id, "organisation_unit", FieldType::kString);
      auto cb = b->ReadColumn(y.id, "organisation_unit", FieldType::kString);
      ASSERT_TRUE(ca.ok() && cb.ok()) << cb.status().ToString();
      ASSERT_EQ(ca->size(), cb->size());
      for (size_t r = 0; r < ca->size(); ++r) ASSERT_EQ(ca->str(r), cb->str(r));
      EXPECT_EQ(a->DeliveryFields(x.id)->size(), b->DeliveryFields(y.id)->size());
    }
    auto va = a->ComputeRunValues(1);
    auto vb = b->ComputeRunValues(1);
    ASSERT_TRUE(va.ok() && vb.ok());
    ASSERT_EQ(vb->size(), 2u);
    EXPECT_EQ((*vb)[0].category, "tab\there, new\nline, back\\slash");
    EXPECT_EQ((*vb)[0].value, 0.1 + 0.2);
    EXPECT_EQ((*vb)[0].numerator, 1e-300);
    EXPECT_EQ((*vb)[0].denominator, 123456789.123456789);
    EXPECT_EQ((*vb)[1].status, "missing");
    EXPECT_FALSE((*vb)[1].value.has_value());
    EXPECT_EQ((*b->GetComputeRun(1))->deliveries, "[2]");
    auto ra = a->ListReleases(std::nullopt);
    auto rb = b->ListReleases(std::nullopt);
    ASSERT_EQ(rb->size(), 1u);
    EXPECT_EQ((*rb)[0].manifest, (*ra)[0].manifest);
    EXPECT_EQ((*rb)[0].definition_version, "def");
    auto la = a->AuditLog(std::nullopt);
    auto lb = b->AuditLog(std::nullopt);
    ASSERT_EQ(la->size(), lb->size());
    for (size_t i = 0; i < la->size(); ++i) {
      EXPECT_EQ((*la)[i].id, (*lb)[i].id);
      EXPECT_EQ((*la)[i].detail, (*lb)[i].detail);
      EXPECT_EQ((*la)[i].delivery_id, (*lb)[i].delivery_id);
    }
  }

  fs::path dir_;
  std::unique_ptr<testing::TestBackend> from_backend_, to_backend_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(CopyStoreTest, CopiesEverythingWithItsIdsAndGoesOnNumbering) {
  auto to = Store::Open(to_backend_->url());
  ASSERT_TRUE(to.ok()) << to.status().ToString();
  auto n = CopyStore(ws_->store(), to->get());
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(n->deliveries, 2);
  EXPECT_EQ(n->runs, 1);
  EXPECT_EQ(n->values, 2);
  EXPECT_EQ(n->releases, 1);
  EXPECT_EQ(n->audit, 5);  // two loads, a compute, a release, a note
  ExpectSameContent(ws_->store(), to->get());
  // The copy goes on after the copied ids.
  auto run = (*to)->SaveComputeRun({0, "2022-01-01T00:00:00Z", 2021, "d", "v", "[]", "{}"}, {});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(*run, 2);
  ASSERT_TRUE((*to)->AppendAudit({0, "2022-01-01T00:00:00Z", "me", "after", std::nullopt, "{}"}).ok());
  EXPECT_EQ((*to)->AuditLog(std::nullopt)->back().id, 7);  // 5 copied, the run's, this one
  // A store that is not empty is refused, and keeps what it had.
  auto again = CopyStore(ws_->store(), to->get());
  EXPECT_EQ(again.status().code(), StatusCode::kUsage);
  EXPECT_EQ((*to)->ListComputeRuns()->size(), 2u);
}

TEST_F(CopyStoreTest, CopiesIntoSqliteAndBack) {
  auto file = Store::Open("sqlite:" + (dir_ / "copy.sqlite").string());
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_TRUE(CopyStore(ws_->store(), file->get()).ok());
  ExpectSameContent(ws_->store(), file->get());
  auto back = Store::Open(to_backend_->url());
  ASSERT_TRUE(back.ok());
  ASSERT_TRUE(CopyStore(file->get(), back->get()).ok());
  ExpectSameContent(ws_->store(), back->get());
}

TEST_F(CopyStoreTest, AFailedCopyLeavesTheTargetEmpty) {
  auto to = Store::Open(to_backend_->url());
  ASSERT_TRUE(to.ok());
  // The last table refuses: releases are copied, then the audit log fails.
  const std::string refuse = to_backend_->postgres()
      ? "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$; "
        "CREATE TRIGGER refuse BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse();"
      : "CREATE TRIGGER refuse BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'refused'); END;";
  ASSERT_TRUE(to_backend_->Exec(refuse).ok());
  auto n = CopyStore(ws_->store(), to->get());
  EXPECT_EQ(n.status().code(), StatusCode::kStore);
  EXPECT_NE(n.status().message().find("refused"), std::string::npos) << n.status().message();
  EXPECT_TRUE((*to)->ListDeliveries({})->empty());
  EXPECT_TRUE((*to)->ListComputeRuns()->empty());
  EXPECT_TRUE((*to)->ListReleases(std::nullopt)->empty());
}

}  // namespace
}  // namespace jbr
