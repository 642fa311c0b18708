#include "store/sqlite/releases.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace jbr::sqlite {
namespace {

constexpr const char* kColumns =
    "SELECT id, year, number, run_id, series_runs, definition_version, factor_vintage, created_at, "
    "manifest FROM releases";

Release ReadRelease(const Statement& q) {
  Release r;
  r.id = q.Int(0);
  r.year = static_cast<int>(q.Int(1));
  r.number = static_cast<int>(q.Int(2));
  r.run_id = q.Int(3);
  r.series_runs = q.Text(4);
  r.definition_version = q.Text(5);
  r.factor_vintage = q.Text(6);
  r.created_at = q.Text(7);
  r.manifest = q.Text(8);
  return r;
}

// The run's year, definition version and factor vintage; NotFound when there is no such run.
Result<ComputeRun> RunOf(Database* db, int64_t run_id) {
  JBR_ASSIGN_OR_RETURN(
      auto q,
      db->Prepare(
          "SELECT year, definition_version, factor_vintage FROM compute_runs WHERE id = ?"));
  q.Bind(1, run_id);
  JBR_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return NotFound(fmt::format("no compute run {}", run_id));
  ComputeRun run;
  run.id = run_id;
  run.year = static_cast<int>(q.Int(0));
  run.definition_version = q.Text(1);
  run.factor_vintage = q.Text(2);
  return run;
}

Result<int> NextNumber(Database* db, int year) {
  JBR_ASSIGN_OR_RETURN(
      auto q, db->Prepare("SELECT COALESCE(MAX(number), 0) + 1 FROM releases WHERE year = ?"));
  q.Bind(1, static_cast<int64_t>(year));
  JBR_ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? static_cast<int>(q.Int(0)) : 1;
}

Status InsertAudit(Database* db, const NewRelease& r, int64_t id) {
  const nlohmann::json detail = {
      {"release", id}, {"year", r.year}, {"number", r.number}, {"run", r.run_id}};
  JBR_ASSIGN_OR_RETURN(auto q, db->Prepare("INSERT INTO audit_log(at, actor, action, delivery_id, "
                                           "detail) VALUES (?, ?, 'release', NULL, ?)"));
  return q.Bind(1, r.created_at).Bind(2, r.actor).Bind(3, detail.dump()).Run();
}

}  // namespace

Result<Release> InsertRelease(Database* db, const NewRelease& r) {
  JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db));
  JBR_ASSIGN_OR_RETURN(ComputeRun run, RunOf(db, r.run_id));
  if (run.year != r.year) {
    return UsageError(
        fmt::format("compute run {} is of {}, not of {}", r.run_id, run.year, r.year));
  }
  JBR_ASSIGN_OR_RETURN(int next, NextNumber(db, r.year));
  if (r.number != next) {
    return UsageError(
        fmt::format("release {}-{} cannot be made: the next release of {} is number {}", r.year,
                    r.number, r.year, next));
  }
  JBR_ASSIGN_OR_RETURN(auto ins, db->Prepare("INSERT INTO releases(year, number, run_id, "
                                             "series_runs, definition_version, factor_vintage, "
                                             "created_at, manifest) VALUES (?,?,?,?,?,?,?,?)"));
  JBR_RETURN_IF_ERROR(ins.Bind(1, static_cast<int64_t>(r.year))
                          .Bind(2, static_cast<int64_t>(r.number))
                          .Bind(3, r.run_id)
                          .Bind(4, r.series_runs)
                          .Bind(5, run.definition_version)
                          .Bind(6, run.factor_vintage)
                          .Bind(7, r.created_at)
                          .Bind(8, r.manifest)
                          .Run());
  const int64_t id = db->LastInsertId();
  JBR_RETURN_IF_ERROR(InsertAudit(db, r, id));
  JBR_RETURN_IF_ERROR(tx.Commit());
  return Release{id,
                 r.year,
                 r.number,
                 r.run_id,
                 r.series_runs,
                 run.definition_version,
                 run.factor_vintage,
                 r.created_at,
                 r.manifest};
}

Result<std::vector<Release>> SelectReleases(Database* db, std::optional<int> year) {
  JBR_ASSIGN_OR_RETURN(
      auto q,
      db->Prepare(fmt::format("{} WHERE ?1 IS NULL OR year = ?1 ORDER BY year, number", kColumns)));
  if (year) q.Bind(1, static_cast<int64_t>(*year));
  std::vector<Release> out;
  while (true) {
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(ReadRelease(q));
  }
  return out;
}

Result<std::optional<Release>> SelectRelease(Database* db, int64_t id) {
  JBR_ASSIGN_OR_RETURN(auto q, db->Prepare(fmt::format("{} WHERE id = ?", kColumns)));
  q.Bind(1, id);
  JBR_ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return std::optional<Release>();
  return std::optional<Release>(ReadRelease(q));
}

}  // namespace jbr::sqlite
