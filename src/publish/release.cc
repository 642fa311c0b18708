#include "publish/release.h"

#include "publish/audit_gate.h"

#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace jbr::publish {
namespace {

Result<Release> FindRelease(Store* store, int year, int number) {
  JBR_ASSIGN_OR_RETURN(auto releases, store->ListReleases(year));
  for (const auto& r : releases) {
    if (r.number == number) return r;
  }
  return NotFound(fmt::format("there is no release {}-{}; jbr releases lists them", year, number));
}

std::string OutDir(const ReleaseOptions& o, int number) {
  return o.out_dir.empty() ? ReleaseDir(o.releases_root, o.year, number) : o.out_dir;
}

}  // namespace

Status ReleaseOptions::Validate() const {
  if (year <= 0) return UsageError("a release needs a year");
  if (number && *number < 1) return UsageError("release numbers start at 1");
  if (out_dir.empty() && releases_root.empty())
    return UsageError("a release needs an output directory");
  return Status::Ok();
}

namespace {

// The runs a release recorded for its time series: a JSON array of run ids.
Result<std::vector<int64_t>> ParseSeriesRuns(const Release& r) {
  const auto j = nlohmann::json::parse(r.series_runs, nullptr, false);
  std::vector<int64_t> ids;
  bool ok = j.is_array();
  if (ok) {
    for (const auto& id : j) {
      if (!id.is_number_integer()) {
        ok = false;
        break;
      }
      ids.push_back(id.get<int64_t>());
    }
  }
  if (!ok)
    return InternalError(
        fmt::format("release {}-{}: unreadable series runs '{}'", r.year, r.number, r.series_runs));
  return ids;
}

}  // namespace

std::string ReleaseDir(const std::string& root, int year, int number) {
  return (std::filesystem::path(root) / fmt::format("{}-{}", year, number)).string();
}

Result<ReleaseSummary> MakeRelease(Store* store, const std::vector<IndicatorDef>& registry,
                                   const ReleaseOptions& options) {
  JBR_RETURN_IF_ERROR(options.Validate());
  JBR_ASSIGN_OR_RETURN(auto run, store->LatestComputeRun(options.year));
  if (!run)
    return UsageError(fmt::format("no compute run for {}: run jbr compute --year {} first",
                                  options.year, options.year));
  JBR_ASSIGN_OR_RETURN(auto earlier, store->ListReleases(options.year));
  const int number = earlier.empty() ? 1 : earlier.back().number + 1;
  ReleaseSummary s;
  s.out_dir = OutDir(options, number);
  PublishOptions p;
  p.year = options.year;
  p.out_dir = s.out_dir;
  p.run_id = run->id;
  p.template_dirs = options.template_dirs;
  p.pdf = options.pdf;
  p.schemas = options.schemas;
  p.ministries = options.ministries;
  if (!options.releases_root.empty()) {
    p.earlier_releases = EarlierReleaseDirs(options.releases_root, options.year);
  }
  JBR_ASSIGN_OR_RETURN(s.published, Publish(store, registry, p));
  NewRelease r;
  r.year = options.year;
  r.number = number;
  r.run_id = run->id;
  r.series_runs = nlohmann::json(s.published.series_runs).dump();
  r.created_at = options.created_at;
  r.actor = options.actor;
  r.manifest = s.published.manifest;
  JBR_ASSIGN_OR_RETURN(s.release, store->CreateRelease(r));
  return s;
}

Result<ReleaseSummary> RebuildRelease(Store* store, const std::vector<IndicatorDef>& registry,
                                      const ReleaseOptions& options) {
  JBR_RETURN_IF_ERROR(options.Validate());
  if (!options.number) return UsageError("rebuilding a release needs its number");
  ReleaseSummary s;
  JBR_ASSIGN_OR_RETURN(s.release, FindRelease(store, options.year, *options.number));
  s.out_dir = OutDir(options, s.release.number);
  PublishOptions p;
  p.year = options.year;
  p.out_dir = s.out_dir;
  p.run_id = s.release.run_id;
  p.before_release = s.release.id;
  JBR_ASSIGN_OR_RETURN(p.series_runs, ParseSeriesRuns(s.release));
  p.template_dirs = options.template_dirs;
  p.pdf = options.pdf;
  p.schemas = options.schemas;
  p.ministries = options.ministries;
  p.audit = false;  // already public: the rebuild must give the same bytes, not a new judgement
  JBR_ASSIGN_OR_RETURN(s.published, Publish(store, registry, p));
  if (s.published.manifest != s.release.manifest) {
    return InternalError(fmt::format(
        "release {}-{} rebuilt into {} differs from the release as recorded: compare its {} with "
        "jbr releases --year {} --manifest {}",
        options.year, s.release.number, s.out_dir, kManifestName, options.year, s.release.number));
  }
  return s;
}

}  // namespace jbr::publish
