// CopyStore (jbr migrate-store) on the backend under test: into a second store of the same
// backend, and into a SQLite file (from PostgreSQL when the suite runs there): everything comes
// over with its id, bytes and values, the portal's accounts too; a non-empty target is refused;
// the copy goes on numbering.
#include "store/copy.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <tuple>

#include "common/testing/temp_dir.h"
#include "store/load.h"
#include "store/testing/backend.h"
#include "store/workspace.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

Job NewJob(const std::string& kind, const std::string& created_at) {
  Job j;
  j.kind = kind;
  j.params = "{\"year\":2020}";
  j.actor = "carl";
  j.created_at = created_at;
  return j;
}

const char* kHeader =
    "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,birth_"
    "year,gender,"
    "salary_scale,contract,jobs_agreement\n";

class CopyStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-copy-test-"));
    dir_ = tmp_->path();
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
    tmp_.reset();
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
    auto r =
        LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find("personnel"), req, &sink);
    ASSERT_TRUE(r.ok() && r->outcome == LoadOutcome::kAccepted) << sink.errors();
  }

  // Two deliveries (the second supersedes the first), a run with odd doubles, a release, a note.
  void Fill() {
    LoadText("a.csv", std::string(kHeader) + "P1,E1,DG A,core,2015-01-01,,36,1980,V,11,vast,nee\n");
    std::string many = kHeader;
    for (int i = 0; i < 3000; ++i) {
      many += "P" + std::to_string(i) + ",E" + std::to_string(i) +
              ",DG \"B\",core,2015-01-01,,32.5,1970,M,9,vast,ja\n";
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
    ComputeRun computed{0, "2021-03-01T12:00:00Z", 2020, "def", "vintage", "[2]", "{}"};
    computed.factor_vintages = R"({"2019":"old \"list\"","2020":"vintage"})";
    computed.adjacent_gaps =
        R"([{"year":2020,"dataset":"personnel","other_year":2021,"ministries":["BZK"],)"
        R"("indicators":["personnel.inflow","personnel.outflow"]}])";
    auto run = ws_->store()->SaveComputeRun(computed, {v, missing});
    ASSERT_TRUE(run.ok()) << run.status().ToString();
    NewRelease r;
    r.year = 2020;
    r.number = 1;
    r.run_id = *run;
    r.created_at = "2021-04-01T09:00:00Z";
    r.actor = "tester";
    r.manifest = "{\"files\":[]}\n";
    ASSERT_TRUE(ws_->store()->CreateRelease(r).ok());
    ASSERT_TRUE(
        ws_->store()->AppendAudit({0, "2021-05-01T00:00:00Z", "me", "note", 1, "{\"x\":1}"}).ok());
    FillAccounts();
  }

  // The portal's accounts: a steward and a disabled coordinator, an ended and a live session, a
  // valid and a revoked token, three actions.
  void FillAccounts() {
    AccountStore* acc = ws_->store()->accounts();
    auto anna =
        acc->AddUser({0, "anna", "steward", "BZK", "$argon2id$a", false, "2021-01-01T00:00:00Z"});
    ASSERT_TRUE(anna.ok()) << anna.status().ToString();
    ASSERT_TRUE(
        acc->AddUser({0, "carl", "coordinator", "", "$argon2id$c", false, "2021-01-02T00:00:00Z"})
            .ok());
    ASSERT_TRUE(acc->SetDisabled("carl", true).ok());
    ASSERT_TRUE(acc->AddSession({"s1", anna->id, "csrf1", "2021-01-03T00:00:00Z",
                                 "2021-01-03T08:00:00Z", "10.0.0.1"})
                    .ok());
    ASSERT_TRUE(acc->AddSession({"s2", anna->id, "csrf2", "2021-01-03T00:00:01Z",
                                 "2099-01-01T00:00:00Z", "::1"})
                    .ok());
    ASSERT_TRUE(acc->EndSession("s1").ok());
    ASSERT_TRUE(acc->AddToken({0, "bzk-hr", "BZK", "hash-1", "2021-01-04T00:00:00Z",
                               "2022-01-04T00:00:00Z", ""})
                    .ok());
    ASSERT_TRUE(acc->AddToken({0, "fin-hr", "FIN", "hash-2", "2021-01-05T00:00:00Z",
                               "2022-01-05T00:00:00Z", ""})
                    .ok());
    ASSERT_TRUE(acc->RevokeToken("fin-hr", "2021-02-01T00:00:00Z").ok());
    for (const char* action : {"user-add", "login", "upload"}) {
      ASSERT_TRUE(acc->AppendAction({0, "2021-01-06T00:00:00Z", "anna", "10.0.0.1", action,
                                     "t \"1\"\tx", "ok", "{\"why\":\"line\\nbreak\"}"})
                      .ok());
    }
    // Upload reports: a rejected one with findings that need escaping, an accepted one without.
    UploadReport rejected{
        0,         "rep-1",    "2021-01-07T00:00:00Z", "anna", "BZK", "personnel", 2020,
        "a b.csv", "rejected", std::nullopt,           "",     2,     1,           3};
    std::vector<Finding> findings;
    for (int i = 0; i < 3; ++i) {
      findings.push_back({"type-error", i == 2 ? Severity::kWarning : Severity::kError, "a b.csv",
                          "Blad 1", i + 2, "weekly_hours", "4\t4\\", "line\nbreak", "fix \"it\""});
    }
    ASSERT_TRUE(ws_->store()->reports()->AddReport(rejected, findings).ok());
    UploadReport accepted{0,        "rep-2", "2021-01-08T00:00:00Z",
                          "bzk-hr", "BZK",   "personnel",
                          2020,     "a.csv", "accepted",
                          2,        "abc",   0,
                          0,        0};
    ASSERT_TRUE(ws_->store()->reports()->AddReport(accepted, {}).ok());
    FillJobs();
  }

  // Two jobs, one done and one running under a lease, and two review notes.
  void FillJobs() {
    JobStore* jobs = ws_->store()->jobs();
    for (const char* kind : {"compute", "release"}) {
      ASSERT_TRUE(jobs->AddJob(NewJob(kind, "2021-01-09T00:00:00Z")).ok());
    }
    auto first = jobs->ClaimJob("server-a", "2021-01-09T00:00:01Z", "2021-01-09T00:01:01Z");
    ASSERT_TRUE(first.ok() && first->job) << first.status().ToString();
    ASSERT_TRUE(
        *jobs->FinishJob(first->job->id, "server-a", true, "{\"run\":1}", "2021-01-09T00:00:30Z"));
    auto second = jobs->ClaimJob("server-b", "2021-01-09T00:00:40Z", "2021-01-09T00:01:40Z");
    ASSERT_TRUE(second.ok() && second->job) << second.status().ToString();
    ASSERT_TRUE(
        *jobs->RenewJob(second->job->id, "server-b", "2021-01-09T00:02:00Z", "writing\tpages", 40));
    for (const char* note : {"explained by reorganisation", "asked for \"redelivery\""}) {
      ASSERT_TRUE(jobs->AddNote({0, 2020, "BZK", "personnel.headcount", note, "carl",
                                 "2021-01-10T00:00:00Z"})
                      .ok());
    }
  }

  void ExpectSameJobs(Store* a, Store* b) {
    auto ja = a->jobs()->ListJobs(100);
    auto jb = b->jobs()->ListJobs(100);
    ASSERT_TRUE(ja.ok() && jb.ok()) << jb.status().ToString();
    ASSERT_EQ(jb->size(), 2u);
    for (size_t i = 0; i < ja->size(); ++i) {
      const Job& p = (*ja)[i];
      const Job& q = (*jb)[i];
      EXPECT_EQ(
          std::tie(p.id, p.kind, p.params, p.actor, p.state, p.progress, p.percent, p.created_at,
                   p.started_at, p.finished_at, p.result, p.error, p.worker, p.lease_until),
          std::tie(q.id, q.kind, q.params, q.actor, q.state, q.progress, q.percent, q.created_at,
                   q.started_at, q.finished_at, q.result, q.error, q.worker, q.lease_until));
    }
    EXPECT_EQ((*jb)[0].state, "running");
    EXPECT_EQ((*jb)[0].progress, "writing\tpages");
    EXPECT_EQ((*jb)[1].state, "done");
    auto na = a->jobs()->Notes(std::nullopt);
    auto nb = b->jobs()->Notes(2020);
    ASSERT_TRUE(na.ok() && nb.ok());
    ASSERT_EQ(nb->size(), 2u);
    for (size_t i = 0; i < na->size(); ++i) {
      const ReviewNote& p = (*na)[i];
      const ReviewNote& q = (*nb)[i];
      EXPECT_EQ(std::tie(p.id, p.year, p.ministry, p.indicator, p.note, p.actor, p.at),
                std::tie(q.id, q.year, q.ministry, q.indicator, q.note, q.actor, q.at));
    }
    EXPECT_EQ((*nb)[1].note, "asked for \"redelivery\"");
  }

  void ExpectSameReports(Store* a, Store* b) {
    ReportFilter all;
    auto ra = a->reports()->ListReports(all);
    auto rb = b->reports()->ListReports(all);
    ASSERT_TRUE(ra.ok() && rb.ok()) << rb.status().ToString();
    ASSERT_EQ(rb->size(), 2u);
    for (size_t i = 0; i < ra->size(); ++i) {
      const UploadReport& p = (*ra)[i];
      const UploadReport& q = (*rb)[i];
      EXPECT_EQ(std::tie(p.seq, p.id, p.at, p.owner, p.ministry, p.dataset, p.year, p.file_name,
                         p.outcome, p.delivery_id, p.sha256, p.errors, p.warnings, p.kept),
                std::tie(q.seq, q.id, q.at, q.owner, q.ministry, q.dataset, q.year, q.file_name,
                         q.outcome, q.delivery_id, q.sha256, q.errors, q.warnings, q.kept));
    }
    auto fb = b->reports()->ReportFindings("rep-1", 0, 100);
    ASSERT_TRUE(fb.ok());
    ASSERT_EQ(fb->size(), 3u);
    EXPECT_EQ((*fb)[2].severity, Severity::kWarning);
    EXPECT_EQ((*fb)[2].row, 4);
    EXPECT_EQ((*fb)[2].value, "4\t4\\");
    EXPECT_EQ((*fb)[2].message, "line\nbreak");
    EXPECT_EQ((*fb)[2].hint, "fix \"it\"");
    EXPECT_EQ((*fb)[2].sheet, "Blad 1");
  }

  static ActionFilter AllActions() {
    ActionFilter f;
    f.limit = 1000000;
    return f;
  }

  void ExpectSameAccounts(Store* a, Store* b) {
    AccountStore* x = a->accounts();
    AccountStore* y = b->accounts();
    auto ua = x->ListUsers();
    auto ub = y->ListUsers();
    ASSERT_TRUE(ua.ok() && ub.ok()) << ub.status().ToString();
    ASSERT_EQ(ub->size(), 2u);
    for (size_t i = 0; i < ua->size(); ++i) {
      const User& p = (*ua)[i];
      const User& q = (*ub)[i];
      EXPECT_EQ(
          std::tie(p.id, p.name, p.role, p.ministry, p.password_hash, p.disabled, p.created_at),
          std::tie(q.id, q.name, q.role, q.ministry, q.password_hash, q.disabled, q.created_at));
    }
    EXPECT_TRUE((*ub)[1].disabled);
    auto sa = x->ListSessions();
    auto sb = y->ListSessions();
    ASSERT_TRUE(sa.ok() && sb.ok()) << sb.status().ToString();
    ASSERT_EQ(sb->size(), 2u);
    for (size_t i = 0; i < sa->size(); ++i) {
      const Session& p = (*sa)[i];
      const Session& q = (*sb)[i];
      EXPECT_EQ(
          std::tie(p.id_hash, p.user_id, p.csrf, p.created_at, p.expires_at, p.source, p.ended),
          std::tie(q.id_hash, q.user_id, q.csrf, q.created_at, q.expires_at, q.source, q.ended));
    }
    EXPECT_TRUE((*sb)[0].ended);
    EXPECT_FALSE((*y->FindSession("s1", "2021-01-03T01:00:00Z")))
        << "an ended session came back to life";
    EXPECT_TRUE((*y->FindSession("s2", "2021-01-03T01:00:00Z")));
    auto ta = x->ListTokens();
    auto tb = y->ListTokens();
    ASSERT_TRUE(ta.ok() && tb.ok());
    ASSERT_EQ(tb->size(), 2u);
    for (size_t i = 0; i < ta->size(); ++i) {
      const ApiToken& p = (*ta)[i];
      const ApiToken& q = (*tb)[i];
      EXPECT_EQ(std::tie(p.id, p.name, p.ministry, p.token_hash, p.created_at, p.expires_at,
                         p.revoked_at),
                std::tie(q.id, q.name, q.ministry, q.token_hash, q.created_at, q.expires_at,
                         q.revoked_at));
    }
    EXPECT_EQ((*tb)[1].revoked_at, "2021-02-01T00:00:00Z");
    auto aa = x->Actions(AllActions());
    auto ab = y->Actions(AllActions());
    ASSERT_TRUE(aa.ok() && ab.ok());
    ASSERT_EQ(ab->size(), 3u);
    for (size_t i = 0; i < aa->size(); ++i) {
      const ActionEntry& p = (*aa)[i];
      const ActionEntry& q = (*ab)[i];
      EXPECT_EQ(std::tie(p.id, p.at, p.actor, p.source, p.action, p.target, p.outcome, p.detail),
                std::tie(q.id, q.at, q.actor, q.source, q.action, q.target, q.outcome, q.detail));
    }
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
    EXPECT_EQ((*b->GetComputeRun(1))->factor_vintage, "vintage");
    EXPECT_EQ((*b->GetComputeRun(1))->factor_vintages,
              R"({"2019":"old \"list\"","2020":"vintage"})");
    EXPECT_EQ((*b->GetComputeRun(1))->adjacent_gaps, (*a->GetComputeRun(1))->adjacent_gaps);
    EXPECT_NE((*b->GetComputeRun(1))->adjacent_gaps.find(R"("ministries":["BZK"])"),
              std::string::npos);
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
    ExpectSameAccounts(a, b);
    ExpectSameReports(a, b);
    ExpectSameJobs(a, b);
  }

  fs::path dir_;
  std::optional<TempDir> tmp_;
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
  EXPECT_EQ(n->users, 2);
  EXPECT_EQ(n->sessions, 2);
  EXPECT_EQ(n->tokens, 2);
  EXPECT_EQ(n->actions, 3);
  EXPECT_EQ(n->reports, 2);
  EXPECT_EQ(n->findings, 3);
  EXPECT_EQ(n->jobs, 2);
  EXPECT_EQ(n->notes, 2);
  ExpectSameContent(ws_->store(), to->get());
  // The copy goes on after the copied ids.
  auto run = (*to)->SaveComputeRun({0, "2022-01-01T00:00:00Z", 2021, "d", "v", "[]", "{}"}, {});
  ASSERT_TRUE(run.ok()) << run.status().ToString();
  EXPECT_EQ(*run, 2);
  ASSERT_TRUE(
      (*to)->AppendAudit({0, "2022-01-01T00:00:00Z", "me", "after", std::nullopt, "{}"}).ok());
  EXPECT_EQ((*to)->AuditLog(std::nullopt)->back().id, 7);  // 5 copied, the run's, this one
  AccountStore* acc = (*to)->accounts();
  auto dora = acc->AddUser({0, "dora", "admin", "", "$argon2id$d", false, "2022-01-01T00:00:00Z"});
  ASSERT_TRUE(dora.ok()) << dora.status().ToString();
  EXPECT_EQ(dora->id, 3);
  auto token = acc->AddToken(
      {0, "szw-hr", "SZW", "hash-3", "2022-01-01T00:00:00Z", "2023-01-01T00:00:00Z", ""});
  ASSERT_TRUE(token.ok()) << token.status().ToString();
  EXPECT_EQ(token->id, 3);
  ASSERT_TRUE(
      acc->AppendAction({0, "2022-01-01T00:00:00Z", "dora", "cli", "user-add", "dora", "ok", "{}"})
          .ok());
  EXPECT_EQ(acc->Actions(AllActions())->front().id, 4);
  UploadReport next{0,       "rep-3",    "2022-01-01T00:00:00Z", "anna", "BZK", "personnel", 2021,
                    "c.csv", "rejected", std::nullopt,           "",     1,     0,           0};
  auto seq = (*to)->reports()->AddReport(next, {});
  ASSERT_TRUE(seq.ok()) << seq.status().ToString();
  EXPECT_EQ(*seq, 3);
  auto job = (*to)->jobs()->AddJob(NewJob("publish", "2022-01-01T00:00:00Z"));
  ASSERT_TRUE(job.ok()) << job.status().ToString();
  EXPECT_EQ(job->id, 3);
  auto note = (*to)->jobs()->AddNote(
      {0, 2021, "FIN", "personnel.fte", "checked", "carl", "2022-01-01T00:00:00Z"});
  ASSERT_TRUE(note.ok()) << note.status().ToString();
  EXPECT_EQ(*note, 3);
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
  // The last table refuses: everything else is copied, then the portal's action log fails.
  const std::string refuse =
      to_backend_->postgres()
          ? "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION "
            "'refused'; END $$; "
            "CREATE TRIGGER refuse BEFORE INSERT ON actions FOR EACH ROW EXECUTE FUNCTION refuse();"
          : "CREATE TRIGGER refuse BEFORE INSERT ON actions BEGIN SELECT RAISE(ABORT, 'refused'); "
            "END;";
  ASSERT_TRUE(to_backend_->Exec(refuse).ok());
  auto n = CopyStore(ws_->store(), to->get());
  EXPECT_EQ(n.status().code(), StatusCode::kStore);
  EXPECT_NE(n.status().message().find("refused"), std::string::npos) << n.status().message();
  EXPECT_TRUE((*to)->ListDeliveries({})->empty());
  EXPECT_TRUE((*to)->ListComputeRuns()->empty());
  EXPECT_TRUE((*to)->ListReleases(std::nullopt)->empty());
  EXPECT_TRUE((*to)->AuditLog(std::nullopt)->empty());
  EXPECT_TRUE((*to)->accounts()->ListUsers()->empty());
  EXPECT_TRUE((*to)->accounts()->ListSessions()->empty());
  EXPECT_TRUE((*to)->accounts()->ListTokens()->empty());
}

// A target that holds only portal accounts is not empty either: copying would mix two stores'
// users.
TEST_F(CopyStoreTest, ATargetWithAccountsIsRefused) {
  auto to = Store::Open(to_backend_->url());
  ASSERT_TRUE(to.ok());
  ASSERT_TRUE((*to)
                  ->accounts()
                  ->AddUser({0, "erik", "admin", "", "$argon2id$e", false, "2022-01-01T00:00:00Z"})
                  .ok());
  auto n = CopyStore(ws_->store(), to->get());
  EXPECT_EQ(n.status().code(), StatusCode::kUsage);
  EXPECT_NE(n.status().message().find("not empty"), std::string::npos) << n.status().message();
  EXPECT_TRUE((*to)->ListDeliveries({})->empty());
  EXPECT_EQ((*to)->accounts()->ListUsers()->size(), 1u);
}

}  // namespace
}  // namespace jbr
