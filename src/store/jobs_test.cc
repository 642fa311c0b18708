// Jobs and review notes in a real store (SQLite, or PostgreSQL under jbr_store_tests_postgres):
// a queued job is claimed by exactly one of two servers claiming at once, over many rounds; a
// lease is renewed only by its holder; a job whose lease expired is failed by the next claimer and
// its old holder can neither renew nor finish it; review notes are append-only.
#include "store/jobs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <optional>
#include <set>
#include <thread>

#include "common/testing/temp_dir.h"
#include "store/store.h"
#include "store/testing/backend.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

class JobStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-jobs-"));
    dir_ = tmp_->path();
    auto backend = testing::TestBackend::Make(dir_.string());
    ASSERT_TRUE(backend.ok()) << backend.status().ToString();
    backend_ = std::move(backend).value();
    store_ = Open();
  }
  void TearDown() override {
    store_.reset();
    backend_.reset();
    tmp_.reset();
  }
  std::unique_ptr<Store> Open() {
    auto s = Store::Open(backend_->url());
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : nullptr;
  }
  static Job Compute(int year) {
    Job j;
    j.kind = "compute";
    j.params = "{\"year\":" + std::to_string(year) + "}";
    j.actor = "carl";
    j.created_at = "2026-03-01T10:00:00Z";
    return j;
  }

  std::optional<TempDir> tmp_;
  fs::path dir_;
  std::unique_ptr<testing::TestBackend> backend_;
  std::unique_ptr<Store> store_;
};

TEST_F(JobStoreTest, ClaimsTheOldestQueuedJobAndEndsIt) {
  JobStore* jobs = store_->jobs();
  auto a = jobs->AddJob(Compute(2020));
  auto b = jobs->AddJob(Compute(2021));
  ASSERT_TRUE(a.ok() && b.ok()) << a.status().ToString();
  EXPECT_EQ(a->state, "queued");
  EXPECT_LT(a->id, b->id);
  auto c = jobs->ClaimJob("s1", "2026-03-01T10:00:05Z", "2026-03-01T10:01:05Z");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_TRUE(c->job);
  EXPECT_EQ(c->job->id, a->id);
  EXPECT_EQ(c->job->state, "running");
  EXPECT_EQ(c->job->worker, "s1");
  EXPECT_EQ(c->job->started_at, "2026-03-01T10:00:05Z");
  EXPECT_TRUE(c->expired.empty());
  // Only its holder renews or ends it.
  EXPECT_FALSE(*jobs->RenewJob(a->id, "s2", "2026-03-01T10:09:00Z", "stolen", 50));
  EXPECT_TRUE(*jobs->RenewJob(a->id, "s1", "2026-03-01T10:01:30Z", "computing", 40));
  auto now = jobs->GetJob(a->id);
  ASSERT_TRUE(now.ok() && *now);
  EXPECT_EQ((*now)->progress, "computing");
  EXPECT_EQ((*now)->percent, 40);
  EXPECT_EQ((*now)->lease_until, "2026-03-01T10:01:30Z");
  EXPECT_FALSE(*jobs->FinishJob(a->id, "s2", true, "{}", "2026-03-01T10:00:50Z"));
  EXPECT_TRUE(*jobs->FinishJob(a->id, "s1", true, "{\"run\":7}", "2026-03-01T10:01:00Z"));
  EXPECT_FALSE(*jobs->FinishJob(a->id, "s1", false, "twice", "2026-03-01T10:01:01Z"));
  now = jobs->GetJob(a->id);
  EXPECT_EQ((*now)->state, "done");
  EXPECT_EQ((*now)->result, "{\"run\":7}");
  EXPECT_EQ((*now)->percent, 100);
  EXPECT_EQ((*now)->finished_at, "2026-03-01T10:01:00Z");
  // The next claim gets the second job, and then there is none.
  auto d = jobs->ClaimJob("s2", "2026-03-01T10:02:00Z", "2026-03-01T10:03:00Z");
  ASSERT_TRUE(d.ok() && d->job);
  EXPECT_EQ(d->job->id, b->id);
  EXPECT_TRUE(*jobs->FinishJob(b->id, "s2", false, "no deliveries", "2026-03-01T10:02:10Z"));
  EXPECT_EQ((*jobs->GetJob(b->id))->state, "failed");
  EXPECT_EQ((*jobs->GetJob(b->id))->error, "no deliveries");
  auto e = jobs->ClaimJob("s2", "2026-03-01T10:04:00Z", "2026-03-01T10:05:00Z");
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->job);
  auto list = jobs->ListJobs(10);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, b->id);  // newest first
}

// A server that died leaves its job running with a lease that runs out: the next claim after it
// fails the job (never runs it again), and the dead server's late renewal or result is refused.
TEST_F(JobStoreTest, AJobWhoseLeaseExpiredIsFailedNotRunTwice) {
  JobStore* jobs = store_->jobs();
  auto a = jobs->AddJob(Compute(2020));
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(jobs->ClaimJob("dead", "2026-03-01T10:00:00Z", "2026-03-01T10:01:00Z")->job);
  // Before the lease ends nothing happens to it.
  auto early = jobs->ClaimJob("alive", "2026-03-01T10:00:59Z", "2026-03-01T10:01:59Z");
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(early->job);
  EXPECT_TRUE(early->expired.empty());
  EXPECT_EQ((*jobs->GetJob(a->id))->state, "running");
  auto late = jobs->ClaimJob("alive", "2026-03-01T10:01:01Z", "2026-03-01T10:02:01Z");
  ASSERT_TRUE(late.ok()) << late.status().ToString();
  EXPECT_FALSE(late->job);
  ASSERT_EQ(late->expired.size(), 1u);
  EXPECT_EQ(late->expired[0].id, a->id);
  EXPECT_EQ(late->expired[0].state, "failed");
  const Job j = **jobs->GetJob(a->id);
  EXPECT_EQ(j.state, "failed");
  EXPECT_NE(j.error.find("dead"), std::string::npos) << j.error;
  EXPECT_EQ(j.finished_at, "2026-03-01T10:01:01Z");
  EXPECT_FALSE(*jobs->RenewJob(a->id, "dead", "2026-03-01T10:05:00Z", "still here", 90));
  EXPECT_FALSE(*jobs->FinishJob(a->id, "dead", true, "{}", "2026-03-01T10:05:00Z"));
  EXPECT_EQ((*jobs->GetJob(a->id))->state, "failed");
}

// Two servers (two connections, two threads) claim at the same moment, round after round, with
// one job queued each round: exactly one of them gets it every time.
TEST_F(JobStoreTest, TwoClaimersAtOnceExactlyOneWinsEachRound) {
  auto s1 = Open();
  auto s2 = Open();
  ASSERT_TRUE(s1 && s2);
  constexpr int kRounds = 150;
  int wins[2] = {0, 0};
  for (int round = 0; round < kRounds; ++round) {
    auto queued = store_->jobs()->AddJob(Compute(2000 + round % 50));
    ASSERT_TRUE(queued.ok()) << queued.status().ToString();
    std::atomic<int> ready{0};
    std::optional<Job> got[2];
    Status st[2];
    auto claim = [&](int who, Store* s) {
      ready.fetch_add(1);
      while (ready.load() < 2) {
      }
      auto c = s->jobs()->ClaimJob(who == 0 ? "s1" : "s2", "2026-03-01T10:00:00Z",
                                   "2026-03-01T10:01:00Z");
      st[who] = c.status();
      if (c.ok()) got[who] = c->job;
    };
    std::thread t1(claim, 0, s1.get());
    std::thread t2(claim, 1, s2.get());
    t1.join();
    t2.join();
    ASSERT_TRUE(st[0].ok()) << st[0].ToString();
    ASSERT_TRUE(st[1].ok()) << st[1].ToString();
    ASSERT_EQ(got[0].has_value() + got[1].has_value(), 1) << "round " << round;
    const int winner = got[0] ? 0 : 1;
    EXPECT_EQ(got[winner]->id, queued->id);
    ++wins[winner];
    ASSERT_TRUE(*store_->jobs()->FinishJob(queued->id, winner == 0 ? "s1" : "s2", true, "{}",
                                           "2026-03-01T10:00:01Z"));
  }
  EXPECT_EQ(wins[0] + wins[1], kRounds);
  auto list = store_->jobs()->ListJobs(kRounds + 1);
  ASSERT_EQ(list->size(), static_cast<size_t>(kRounds));
  for (const Job& j : *list) EXPECT_EQ(j.state, "done");
}

// Many queued jobs drained by two servers at once: every job is claimed, and by one server only.
TEST_F(JobStoreTest, TwoServersDrainingAQueueClaimEachJobOnce) {
  constexpr int kJobs = 120;
  for (int i = 0; i < kJobs; ++i) ASSERT_TRUE(store_->jobs()->AddJob(Compute(2021)).ok());
  auto s1 = Open();
  auto s2 = Open();
  std::vector<int64_t> claimed[2];
  Status st[2];
  auto drain = [&](int who, Store* s) {
    const std::string name = who == 0 ? "s1" : "s2";
    while (true) {
      auto c = s->jobs()->ClaimJob(name, "2026-03-01T10:00:00Z", "2026-03-01T10:01:00Z");
      if (!c.ok()) {
        st[who] = c.status();
        return;
      }
      if (!c->job) return;
      claimed[who].push_back(c->job->id);
      auto f = s->jobs()->FinishJob(c->job->id, name, true, "{}", "2026-03-01T10:00:01Z");
      if (!f.ok() || !*f) {
        st[who] = f.ok() ? InternalError("lost a claimed job") : f.status();
        return;
      }
    }
  };
  std::thread t1(drain, 0, s1.get());
  std::thread t2(drain, 1, s2.get());
  t1.join();
  t2.join();
  ASSERT_TRUE(st[0].ok()) << st[0].ToString();
  ASSERT_TRUE(st[1].ok()) << st[1].ToString();
  std::set<int64_t> all(claimed[0].begin(), claimed[0].end());
  all.insert(claimed[1].begin(), claimed[1].end());
  EXPECT_EQ(claimed[0].size() + claimed[1].size(), static_cast<size_t>(kJobs));
  EXPECT_EQ(all.size(), static_cast<size_t>(kJobs));
}

TEST_F(JobStoreTest, ReviewNotesAreKeptInOrderAndNeverChanged) {
  JobStore* jobs = store_->jobs();
  auto a = jobs->AddNote({0, 2021, "BZK", "personnel.headcount", "explained by reorganisation",
                          "carl", "2026-03-02T09:00:00Z"});
  auto b = jobs->AddNote(
      {0, 2020, "FIN", "personnel.fte", "asked for redelivery", "carl", "2026-03-02T09:05:00Z"});
  auto c = jobs->AddNote({0, 2021, "BZK", "personnel.headcount", "redelivered; checked", "dora",
                          "2026-03-03T09:00:00Z"});
  ASSERT_TRUE(a.ok() && b.ok() && c.ok()) << a.status().ToString();
  auto y2021 = jobs->Notes(2021);
  ASSERT_TRUE(y2021.ok());
  ASSERT_EQ(y2021->size(), 2u);
  EXPECT_EQ((*y2021)[0].note, "explained by reorganisation");
  EXPECT_EQ((*y2021)[1].actor, "dora");
  EXPECT_EQ((*y2021)[1].at, "2026-03-03T09:00:00Z");
  EXPECT_EQ(jobs->Notes(std::nullopt)->size(), 3u);
  EXPECT_FALSE(backend_->Exec("UPDATE review_notes SET note = 'nothing to see'").ok());
  EXPECT_FALSE(backend_->Exec("DELETE FROM review_notes").ok());
  EXPECT_EQ(jobs->Notes(std::nullopt)->size(), 3u);
  EXPECT_EQ((*jobs->Notes(2021))[0].note, "explained by reorganisation");
}

}  // namespace
}  // namespace jbr
