#include "store/sqlite/jobs.h"

#include <fmt/format.h>

namespace jbr::sqlite {
namespace {

constexpr const char* kJobColumns =
    "id, kind, params, actor, state, progress, percent, created_at, started_at, finished_at, "
    "result, error, worker, lease_until";

Job ReadJob(const Statement& q) {
  Job j;
  j.id = q.Int(0);
  j.kind = q.Text(1);
  j.params = q.Text(2);
  j.actor = q.Text(3);
  j.state = q.Text(4);
  j.progress = q.Text(5);
  j.percent = static_cast<int>(q.Int(6));
  j.created_at = q.Text(7);
  j.started_at = q.Text(8);
  j.finished_at = q.Text(9);
  j.result = q.Text(10);
  j.error = q.Text(11);
  j.worker = q.Text(12);
  j.lease_until = q.Text(13);
  return j;
}

Result<std::vector<Job>> StepJobs(Statement& q) {
  std::vector<Job> out;
  while (true) {
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(ReadJob(q));
  }
  return out;
}

class SqliteJobs : public JobStore {
 public:
  explicit SqliteJobs(Database* db) : db_(db) {}

  Result<Job> AddJob(const Job& j) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, db_->Prepare(fmt::format("INSERT INTO jobs(kind, params, actor, state, created_at) "
                                         "VALUES (?,?,?,'queued',?) RETURNING {}",
                                         kJobColumns)));
    q.Bind(1, j.kind).Bind(2, j.params).Bind(3, j.actor).Bind(4, j.created_at);
    JBR_ASSIGN_OR_RETURN(auto rows, StepJobs(q));
    if (rows.size() != 1) return StoreError("a new job was not stored");
    return rows.front();
  }

  Result<std::optional<Job>> GetJob(int64_t id) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, db_->Prepare(fmt::format("SELECT {} FROM jobs WHERE id = ?", kJobColumns)));
    q.Bind(1, id);
    JBR_ASSIGN_OR_RETURN(auto rows, StepJobs(q));
    if (rows.empty()) return std::optional<Job>();
    return std::optional<Job>(rows.front());
  }

  Result<std::vector<Job>> ListJobs(int64_t limit) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare(fmt::format(
                                     "SELECT {} FROM jobs ORDER BY id DESC LIMIT ?", kJobColumns)));
    q.Bind(1, limit);
    return StepJobs(q);
  }

  // BEGIN IMMEDIATE takes the database's one write lock first: no other connection can claim or
  // fail between our reads and our writes. An idle server looks without it first, so that its
  // polling never waits for (or holds up) a load that holds the write lock.
  Result<JobClaim> ClaimJob(const std::string& worker, const std::string& now,
                            const std::string& lease_until) override {
    JobClaim out;
    {
      JBR_ASSIGN_OR_RETURN(auto look,
                           db_->Prepare("SELECT EXISTS (SELECT 1 FROM jobs WHERE state = 'queued' "
                                        "OR (state = 'running' AND lease_until < ?))"));
      look.Bind(1, now);
      JBR_ASSIGN_OR_RETURN(bool row, look.Step());
      if (!row || look.Int(0) == 0) return out;
    }
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db_));
    {
      JBR_ASSIGN_OR_RETURN(
          auto q, db_->Prepare(fmt::format(
                      "UPDATE jobs SET state = 'failed', finished_at = ?1, error = 'the server "
                      "running it (' || worker || ') stopped before it ended; its lease expired at "
                      "' || lease_until WHERE state = 'running' AND lease_until < ?1 RETURNING {}",
                      kJobColumns)));
      q.Bind(1, now);
      JBR_ASSIGN_OR_RETURN(out.expired, StepJobs(q));
    }
    {
      JBR_ASSIGN_OR_RETURN(
          auto q,
          db_->Prepare(fmt::format(
              "UPDATE jobs SET state = 'running', worker = ?1, started_at = ?2, lease_until = ?3, "
              "progress = '', percent = 0 WHERE id = (SELECT min(id) FROM jobs WHERE state = "
              "'queued') RETURNING {}",
              kJobColumns)));
      q.Bind(1, worker).Bind(2, now).Bind(3, lease_until);
      JBR_ASSIGN_OR_RETURN(auto rows, StepJobs(q));
      if (!rows.empty()) out.job = rows.front();
    }
    JBR_RETURN_IF_ERROR(tx.Commit());
    return out;
  }

  Result<bool> RenewJob(int64_t id, const std::string& worker, const std::string& lease_until,
                        const std::string& progress, int percent) override {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db_));
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("UPDATE jobs SET lease_until = ?, progress = ?, "
                                              "percent = ? WHERE id = ? AND worker = ? AND state "
                                              "= 'running'"));
    JBR_RETURN_IF_ERROR(q.Bind(1, lease_until)
                            .Bind(2, progress)
                            .Bind(3, static_cast<int64_t>(percent))
                            .Bind(4, id)
                            .Bind(5, worker)
                            .Run());
    const bool ours = sqlite3_changes(db_->handle()) == 1;
    JBR_RETURN_IF_ERROR(tx.Commit());
    return ours;
  }

  Result<bool> FinishJob(int64_t id, const std::string& worker, bool ok, const std::string& text,
                         const std::string& at) override {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db_));
    JBR_ASSIGN_OR_RETURN(
        auto q, db_->Prepare("UPDATE jobs SET state = ?, result = ?, error = ?, finished_at = ?, "
                             "percent = CASE WHEN ? THEN 100 ELSE percent END WHERE id = ? AND "
                             "worker = ? AND state = 'running'"));
    JBR_RETURN_IF_ERROR(q.Bind(1, ok ? "done" : "failed")
                            .Bind(2, ok ? text : "")
                            .Bind(3, ok ? "" : text)
                            .Bind(4, at)
                            .Bind(5, static_cast<int64_t>(ok ? 1 : 0))
                            .Bind(6, id)
                            .Bind(7, worker)
                            .Run());
    const bool ours = sqlite3_changes(db_->handle()) == 1;
    JBR_RETURN_IF_ERROR(tx.Commit());
    return ours;
  }

  Result<int64_t> AddNote(const ReviewNote& n) override {
    ReviewNote fresh = n;
    fresh.id = 0;
    JBR_RETURN_IF_ERROR(InsertNote(db_, fresh));
    return db_->LastInsertId();
  }

  Result<std::vector<ReviewNote>> Notes(std::optional<int> year) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("SELECT id, year, ministry, indicator, note, actor, "
                                              "at FROM review_notes WHERE ?1 IS NULL OR year = ?1 "
                                              "ORDER BY id"));
    year ? q.Bind(1, static_cast<int64_t>(*year)) : q.BindNull(1);
    std::vector<ReviewNote> out;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out.push_back(ReviewNote{q.Int(0), static_cast<int>(q.Int(1)), q.Text(2), q.Text(3),
                               q.Text(4), q.Text(5), q.Text(6)});
    }
    return out;
  }

 private:
  Database* db_;
};

}  // namespace

std::unique_ptr<JobStore> MakeJobStore(Database* db) { return std::make_unique<SqliteJobs>(db); }

Status InsertJob(Database* db, const Job& j) {
  JBR_ASSIGN_OR_RETURN(auto q, db->Prepare(fmt::format("INSERT INTO jobs({}) VALUES "
                                                       "(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                                       kJobColumns)));
  return q.Bind(1, j.id)
      .Bind(2, j.kind)
      .Bind(3, j.params)
      .Bind(4, j.actor)
      .Bind(5, j.state)
      .Bind(6, j.progress)
      .Bind(7, static_cast<int64_t>(j.percent))
      .Bind(8, j.created_at)
      .Bind(9, j.started_at)
      .Bind(10, j.finished_at)
      .Bind(11, j.result)
      .Bind(12, j.error)
      .Bind(13, j.worker)
      .Bind(14, j.lease_until)
      .Run();
}

Status InsertNote(Database* db, const ReviewNote& n) {
  JBR_ASSIGN_OR_RETURN(auto q, db->Prepare("INSERT INTO review_notes(id, year, ministry, "
                                           "indicator, note, actor, at) VALUES (?,?,?,?,?,?,?)"));
  n.id > 0 ? q.Bind(1, n.id) : q.BindNull(1);
  return q.Bind(2, static_cast<int64_t>(n.year))
      .Bind(3, n.ministry)
      .Bind(4, n.indicator)
      .Bind(5, n.note)
      .Bind(6, n.actor)
      .Bind(7, n.at)
      .Run();
}

}  // namespace jbr::sqlite
