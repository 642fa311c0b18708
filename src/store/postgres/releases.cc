#include "store/postgres/releases.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace jbr::pg {
namespace {

constexpr const char* kColumns =
    "SELECT id, year, number, run_id, series_runs, definition_version, factor_vintage, created_at, "
    "manifest FROM releases";

Release ReadRelease(const Rows& q, int i) {
  Release r;
  r.id = q.Int(i, 0);
  r.year = static_cast<int>(q.Int(i, 1));
  r.number = static_cast<int>(q.Int(i, 2));
  r.run_id = q.Int(i, 3);
  r.series_runs = q.Text(i, 4);
  r.definition_version = q.Text(i, 5);
  r.factor_vintage = q.Text(i, 6);
  r.created_at = q.Text(i, 7);
  r.manifest = q.Text(i, 8);
  return r;
}

}  // namespace

Result<Release> InsertRelease(Connection* c, const NewRelease& r) {
  JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(c, "BEGIN ISOLATION LEVEL READ COMMITTED"));
  // Releases of one year are numbered one after the other: the year's lock makes the second of two
  // simultaneous releases see the first, and be refused as not the next number.
  JBR_RETURN_IF_ERROR(c->Exec("SELECT pg_advisory_xact_lock(7375003, $1)", Params().Add(r.year)));
  JBR_ASSIGN_OR_RETURN(
      auto run,
      c->Query("SELECT year, definition_version, factor_vintage FROM compute_runs WHERE id = $1",
               Params().Add(r.run_id)));
  if (run.size() == 0) return NotFound(fmt::format("no compute run {}", r.run_id));
  const int run_year = static_cast<int>(run.Int(0, 0));
  if (run_year != r.year) {
    return UsageError(
        fmt::format("compute run {} is of {}, not of {}", r.run_id, run_year, r.year));
  }
  JBR_ASSIGN_OR_RETURN(auto next_q,
                       c->Query("SELECT COALESCE(MAX(number), 0) + 1 FROM releases WHERE year = $1",
                                Params().Add(r.year)));
  const int next = static_cast<int>(next_q.Int(0, 0));
  if (r.number != next) {
    return UsageError(
        fmt::format("release {}-{} cannot be made: the next release of {} is number {}", r.year,
                    r.number, r.year, next));
  }
  const std::string version = run.Text(0, 1);
  const std::string vintage = run.Text(0, 2);
  JBR_ASSIGN_OR_RETURN(auto ins,
                       c->Query("INSERT INTO releases(year, number, run_id, series_runs, "
                                "definition_version, factor_vintage, created_at, "
                                "manifest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                                Params()
                                    .Add(r.year)
                                    .Add(r.number)
                                    .Add(r.run_id)
                                    .Add(r.series_runs)
                                    .Add(version)
                                    .Add(vintage)
                                    .Add(r.created_at)
                                    .Add(r.manifest)));
  const int64_t id = ins.Int(0, 0);
  const nlohmann::json detail = {
      {"release", id}, {"year", r.year}, {"number", r.number}, {"run", r.run_id}};
  JBR_RETURN_IF_ERROR(
      c->Exec("INSERT INTO audit_log(at, actor, action, delivery_id, detail) VALUES ($1, $2, "
              "'release', NULL, $3)",
              Params().Add(r.created_at).Add(r.actor).Add(detail.dump())));
  JBR_RETURN_IF_ERROR(tx.Commit());
  return Release{id,      r.year,  r.number,     r.run_id,  r.series_runs,
                 version, vintage, r.created_at, r.manifest};
}

Result<std::vector<Release>> SelectReleases(Connection* c, std::optional<int> year) {
  Params p;
  year ? p.Add(*year) : p.AddNull();
  JBR_ASSIGN_OR_RETURN(
      auto q,
      c->Query(
          fmt::format("{} WHERE $1::integer IS NULL OR year = $1 ORDER BY year, number", kColumns),
          p));
  std::vector<Release> out;
  for (int i = 0; i < q.size(); ++i) out.push_back(ReadRelease(q, i));
  return out;
}

Result<std::optional<Release>> SelectRelease(Connection* c, int64_t id) {
  JBR_ASSIGN_OR_RETURN(auto q,
                       c->Query(fmt::format("{} WHERE id = $1", kColumns), Params().Add(id)));
  if (q.size() == 0) return std::optional<Release>();
  return std::optional<Release>(ReadRelease(q, 0));
}

}  // namespace jbr::pg
