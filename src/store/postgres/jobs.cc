#include "store/postgres/jobs.h"

#include <fmt/format.h>

namespace jbr::pg {
namespace {

constexpr const char* kJobColumns =
    "id, kind, params, actor, state, progress, percent, created_at, started_at, finished_at, "
    "result, error, worker, lease_until";

std::vector<Job> ReadJobs(const Rows& q) {
  std::vector<Job> out;
  out.reserve(static_cast<size_t>(q.size()));
  for (int i = 0; i < q.size(); ++i) {
    Job j;
    j.id = q.Int(i, 0);
    j.kind = q.Text(i, 1);
    j.params = q.Text(i, 2);
    j.actor = q.Text(i, 3);
    j.state = q.Text(i, 4);
    j.progress = q.Text(i, 5);
    j.percent = static_cast<int>(q.Int(i, 6));
    j.created_at = q.Text(i, 7);
    j.started_at = q.Text(i, 8);
    j.finished_at = q.Text(i, 9);
    j.result = q.Text(i, 10);
    j.error = q.Text(i, 11);
    j.worker = q.Text(i, 12);
    j.lease_until = q.Text(i, 13);
    out.push_back(std::move(j));
  }
  return out;
}

// "UPDATE 1" -> true.
bool OneRow(const Rows& r) { return r.CommandStatus() == "UPDATE 1"; }

class PostgresJobs : public JobStore {
 public:
  explicit PostgresJobs(Connection* c) : c_(c) {}

  Result<Job> AddJob(const Job& j) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query(fmt::format("INSERT INTO jobs(kind, params, actor, state, created_at) "
                                      "VALUES ($1,$2,$3,'queued',$4) RETURNING {}",
                                      kJobColumns),
                          Params().Add(j.kind).Add(j.params).Add(j.actor).Add(j.created_at)));
    auto rows = ReadJobs(q);
    if (rows.size() != 1) return StoreError("a new job was not stored");
    return rows.front();
  }

  Result<std::optional<Job>> GetJob(int64_t id) override {
    JBR_ASSIGN_OR_RETURN(
        auto q,
        c_->Query(fmt::format("SELECT {} FROM jobs WHERE id = $1", kJobColumns), Params().Add(id)));
    auto rows = ReadJobs(q);
    if (rows.empty()) return std::optional<Job>();
    return std::optional<Job>(rows.front());
  }

  Result<std::vector<Job>> ListJobs(int64_t limit) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query(fmt::format("SELECT {} FROM jobs ORDER BY id DESC LIMIT $1", kJobColumns),
                          Params().Add(limit)));
    return ReadJobs(q);
  }

  // READ COMMITTED. Failing expired jobs: a second server's UPDATE of the same row waits for the
  // first to commit, then re-checks `state = 'running'` on the new row version and skips it. The
  // claim locks the oldest queued row it can (FOR UPDATE SKIP LOCKED): two servers claiming at once
  // take two different jobs, or one takes it and the other none; never both the same.
  Result<JobClaim> ClaimJob(const std::string& worker, const std::string& now,
                            const std::string& lease_until) override {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(c_));
    JobClaim out;
    JBR_ASSIGN_OR_RETURN(
        auto expired,
        c_->Query(fmt::format("UPDATE jobs SET state = 'failed', finished_at = $1, error = 'the "
                              "server running it (' || worker || ') stopped before it ended; its "
                              "lease expired at ' || lease_until WHERE state = 'running' AND "
                              "lease_until < $1 RETURNING {}",
                              kJobColumns),
                  Params().Add(now)));
    out.expired = ReadJobs(expired);
    JBR_ASSIGN_OR_RETURN(
        auto q,
        c_->Query(fmt::format("UPDATE jobs SET state = 'running', worker = $1, started_at = "
                              "$2, lease_until = $3, progress = '', percent = 0 WHERE id = "
                              "(SELECT id FROM jobs WHERE state = 'queued' ORDER BY id "
                              "LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING {}",
                              kJobColumns),
                  Params().Add(worker).Add(now).Add(lease_until)));
    auto rows = ReadJobs(q);
    if (!rows.empty()) out.job = rows.front();
    JBR_RETURN_IF_ERROR(tx.Commit());
    return out;
  }

  Result<bool> RenewJob(int64_t id, const std::string& worker, const std::string& lease_until,
                        const std::string& progress, int percent) override {
    JBR_ASSIGN_OR_RETURN(
        auto r,
        c_->Query("UPDATE jobs SET lease_until = $1, progress = $2, percent = $3 WHERE id "
                  "= $4 AND worker = $5 AND state = 'running'",
                  Params().Add(lease_until).Add(progress).Add(percent).Add(id).Add(worker)));
    return OneRow(r);
  }

  Result<bool> FinishJob(int64_t id, const std::string& worker, bool ok, const std::string& text,
                         const std::string& at) override {
    JBR_ASSIGN_OR_RETURN(
        auto r, c_->Query("UPDATE jobs SET state = $1, result = $2, error = $3, finished_at = $4, "
                          "percent = CASE WHEN $1 = 'done' THEN 100 ELSE percent END WHERE id = $5 "
                          "AND worker = $6 AND state = 'running'",
                          Params()
                              .Add(ok ? "done" : "failed")
                              .Add(ok ? text : "")
                              .Add(ok ? "" : text)
                              .Add(at)
                              .Add(id)
                              .Add(worker)));
    return OneRow(r);
  }

  Result<int64_t> AddNote(const ReviewNote& n) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query("INSERT INTO review_notes(year, ministry, indicator, note, actor, at) "
                          "VALUES ($1,$2,$3,$4,$5,$6) RETURNING id",
                          Params()
                              .Add(n.year)
                              .Add(n.ministry)
                              .Add(n.indicator)
                              .Add(n.note)
                              .Add(n.actor)
                              .Add(n.at)));
    return q.Int(0, 0);
  }

  Result<std::vector<ReviewNote>> Notes(std::optional<int> year) override {
    Params p;
    year ? p.Add(*year) : p.AddNull();
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query("SELECT id, year, ministry, indicator, note, actor, at "
                                           "FROM review_notes WHERE $1::integer IS NULL OR year = "
                                           "$1 ORDER BY id",
                                           p));
    std::vector<ReviewNote> out;
    out.reserve(static_cast<size_t>(q.size()));
    for (int i = 0; i < q.size(); ++i) {
      out.push_back(ReviewNote{q.Int(i, 0), static_cast<int>(q.Int(i, 1)), q.Text(i, 2),
                               q.Text(i, 3), q.Text(i, 4), q.Text(i, 5), q.Text(i, 6)});
    }
    return out;
  }

 private:
  Connection* c_;
};

}  // namespace

std::unique_ptr<JobStore> MakeJobStore(Connection* c) { return std::make_unique<PostgresJobs>(c); }

Status InsertJob(Connection* c, const Job& j) {
  return c->Exec(fmt::format("INSERT INTO jobs({}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,"
                             "$13,$14)",
                             kJobColumns),
                 Params()
                     .Add(j.id)
                     .Add(j.kind)
                     .Add(j.params)
                     .Add(j.actor)
                     .Add(j.state)
                     .Add(j.progress)
                     .Add(j.percent)
                     .Add(j.created_at)
                     .Add(j.started_at)
                     .Add(j.finished_at)
                     .Add(j.result)
                     .Add(j.error)
                     .Add(j.worker)
                     .Add(j.lease_until));
}

Status InsertNote(Connection* c, const ReviewNote& n) {
  return c->Exec(
      "INSERT INTO review_notes(id, year, ministry, indicator, note, actor, at) VALUES "
      "($1,$2,$3,$4,$5,$6,$7)",
      Params()
          .Add(n.id)
          .Add(n.year)
          .Add(n.ministry)
          .Add(n.indicator)
          .Add(n.note)
          .Add(n.actor)
          .Add(n.at));
}

}  // namespace jbr::pg
