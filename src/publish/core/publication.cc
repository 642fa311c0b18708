#include "publish/core/publication.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "indicators/engine.h"

namespace jbr::publish {
namespace {

// Flags about coverage, not about the value: the only ones a suppressed cell may keep.
bool IsCoverageFlag(const std::string& flag) { return flag == "incomplete"; }

std::string KeepFlags(const std::string& flags, bool suppressed) {
  if (!suppressed) return flags;
  std::string out;
  size_t start = 0;
  while (start <= flags.size()) {
    size_t end = flags.find(';', start);
    if (end == std::string::npos) end = flags.size();
    const std::string flag = flags.substr(start, end - start);
    if (IsCoverageFlag(flag)) out += (out.empty() ? "" : ";") + flag;
    start = end + 1;
  }
  return out;
}

Status CheckValue(const PublishedValue& v) {
  static const std::set<std::string> kStatuses = {"published", "suppressed", "missing"};
  if (!kStatuses.count(v.status)) {
    return InternalError(fmt::format("{} {} {}: unknown status '{}' in the stored run", v.indicator,
                                     v.ministry, v.period, v.status));
  }
  for (const auto* x : {&v.value, &v.numerator, &v.denominator, &v.previous, &v.change}) {
    if (*x && !std::isfinite(**x)) {
      return InternalError(
          fmt::format("{} {} {}: a figure that is not finite", v.indicator, v.ministry, v.period));
    }
  }
  if (v.status == "published" && !v.value) {
    return InternalError(
        fmt::format("{} {} {}: published without a value", v.indicator, v.ministry, v.period));
  }
  return Status::Ok();
}

void SortValues(std::vector<PublishedValue>* values) {
  auto key = [](const PublishedValue& v) {
    return std::make_tuple(std::cref(v.indicator), v.ministry == kRijk, std::cref(v.ministry),
                           std::cref(v.unit_type), std::cref(v.period));
  };
  std::sort(values->begin(), values->end(), [&](const PublishedValue& a, const PublishedValue& b) {
    if (key(a) != key(b)) return key(a) < key(b);
    return CategoryLess(a.category, b.category);
  });
}

// A category's place: (the total, numbered or not, its number, '<' / none / '>' before it).
std::tuple<int, long long, int> CategoryRank(const std::string& c) {
  if (c.empty()) return {-1, 0, 0};  // the total first
  size_t i = 0;
  int prefix = 1;
  if (!c.empty() && (c[0] == '<' || c[0] == '>')) {
    prefix = c[0] == '<' ? 0 : 2;
    i = 1;
  }
  if (i >= c.size() || !std::isdigit(static_cast<unsigned char>(c[i]))) return {1, 0, 0};
  long long n = 0;
  for (; i < c.size() && std::isdigit(static_cast<unsigned char>(c[i])) && n < 1000000000000LL; ++i)
    n = n * 10 + (c[i] - '0');
  return {0, n, prefix};
}

// The registry's definitions of the indicators the run has, in registry order: the order
// DefinitionVersion hashed them in at compute time.
Result<std::vector<IndicatorDef>> RunDefinitions(const ComputeRun& run,
                                                 const std::vector<StoredValue>& stored,
                                                 const std::vector<IndicatorDef>& registry) {
  std::set<std::string> ids;
  for (const auto& v : stored) ids.insert(v.indicator);
  std::vector<IndicatorDef> defs;
  for (const auto& d : registry) {
    if (ids.erase(d.id)) defs.push_back(d);
  }
  if (!ids.empty()) {
    return UsageError(
        fmt::format("compute run {} has indicator '{}' that jbr no longer defines; run jbr compute "
                    "--year {} again",
                    run.id, *ids.begin(), run.year));
  }
  if (DefinitionVersion(defs) != run.definition_version) {
    return UsageError(
        fmt::format("the indicator definitions changed since compute run {} ({} then, {} now); run "
                    "jbr compute --year {} again",
                    run.id, run.definition_version, DefinitionVersion(defs), run.year));
  }
  return defs;
}

Result<std::vector<PublishedDelivery>> RunDeliveries(Store* store, const ComputeRun& run) {
  const auto ids = nlohmann::json::parse(run.deliveries, nullptr, false);
  if (!ids.is_array())
    return InternalError(fmt::format("compute run {}: unreadable deliveries", run.id));
  std::vector<PublishedDelivery> out;
  for (const auto& id : ids) {
    if (!id.is_number_integer())
      return InternalError(fmt::format("compute run {}: unreadable deliveries", run.id));
    JBR_ASSIGN_OR_RETURN(auto d, store->GetDelivery(id.get<int64_t>()));
    if (!d)
      return InternalError(fmt::format("compute run {} used delivery {}, which is not in the store",
                                       run.id, id.get<int64_t>()));
    out.push_back({d->id, d->dataset, d->ministry, d->year, d->received_at, d->sha256});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

// "YYYY-MM-DD" from the run's ISO 8601 time.
Result<std::string> RunDay(const ComputeRun& run) {
  const std::string& at = run.at;
  const bool ok = at.size() >= 10 && at[4] == '-' && at[7] == '-' &&
                  std::all_of(at.begin(), at.begin() + 10, [](char c) {
                    return std::isdigit(static_cast<unsigned char>(c)) || c == '-';
                  });
  if (!ok)
    return InternalError(fmt::format("compute run {}: time '{}' is not ISO 8601", run.id, at));
  return at.substr(0, 10);
}

Result<ComputeRun> FindRun(Store* store, int year, std::optional<int64_t> run_id) {
  if (!run_id) {
    JBR_ASSIGN_OR_RETURN(auto latest, store->LatestComputeRun(year));
    if (!latest)
      return UsageError(
          fmt::format("no compute run for {}: run jbr compute --year {} first", year, year));
    return *latest;
  }
  JBR_ASSIGN_OR_RETURN(auto run, store->GetComputeRun(*run_id));
  if (!run) return UsageError(fmt::format("there is no compute run {}", *run_id));
  if (run->year != year)
    return UsageError(fmt::format("compute run {} is of {}, not of {}", *run_id, run->year, year));
  return *run;
}

}  // namespace

bool CategoryLess(const std::string& a, const std::string& b) {
  const auto ra = CategoryRank(a), rb = CategoryRank(b);
  if (ra != rb) return ra < rb;
  return a < b;
}

PublishedValue Disclose(const StoredValue& v) {
  PublishedValue p;
  p.indicator = v.indicator;
  p.ministry = v.ministry;
  p.unit_type = v.unit_type;
  p.period = v.period;
  p.category = v.category;
  p.unit = v.unit;
  p.status = v.status;
  p.flag = KeepFlags(v.flag, v.status == "suppressed");
  p.previous = v.previous;  // last year's figure, published then
  p.previous_status = v.previous_status;
  if (v.status == "published") {
    p.value = v.value;
    p.numerator = v.numerator;
    p.denominator = v.denominator;
    p.change = v.change;
  }
  return p;
}

namespace {

bool IsYearLevel(const PublishedValue& v, int year) { return v.period == std::to_string(year); }

// Last year's year-level cells as this run computed them.
SeriesYear LastYear(const Publication& pub) {
  SeriesYear s;
  s.year = pub.run.year - 1;
  s.run_id = pub.run.id;
  for (const auto& v : pub.values) {
    // A run stored before previous_status existed has only the figure, which it kept only
    // when it was published.
    const std::string status =
        v.previous_status.empty() && v.previous ? std::string("published") : v.previous_status;
    if (!IsYearLevel(v, pub.run.year) || status.empty()) continue;
    PublishedValue p;
    p.indicator = v.indicator;
    p.ministry = v.ministry;
    p.unit_type = v.unit_type;
    p.period = std::to_string(s.year);
    p.category = v.category;
    p.unit = v.unit;
    p.status = status;
    if (p.status == "published") {
      if (!v.previous) continue;  // not published after all: no cell to show
      p.value = v.previous;
    }
    s.values.push_back(std::move(p));
  }
  return s;
}

// One earlier year from compute run `run`: its year-level cells, or a gap when the run was
// computed under definitions jbr no longer has.
Result<std::optional<SeriesYear>> EarlierYear(Store* store,
                                              const std::vector<IndicatorDef>& registry,
                                              const ComputeRun& run,
                                              std::vector<std::pair<int, int64_t>>* gaps) {
  JBR_ASSIGN_OR_RETURN(auto stored, store->ComputeRunValues(run.id));
  if (!RunDefinitions(run, stored, registry).ok()) {
    gaps->emplace_back(run.year, run.id);
    return std::optional<SeriesYear>();
  }
  SeriesYear s;
  s.year = run.year;
  s.run_id = run.id;
  for (const auto& v : stored) {
    PublishedValue p = Disclose(v);
    if (!IsYearLevel(p, run.year)) continue;
    JBR_RETURN_IF_ERROR(CheckValue(p));
    p.previous.reset();  // the series shows each year's own figure only
    p.change.reset();
    p.previous_status.clear();
    s.values.push_back(std::move(p));
  }
  SortValues(&s.values);
  return std::optional<SeriesYear>(std::move(s));
}

Status LoadSeries(Store* store, const std::vector<IndicatorDef>& registry,
                  const std::optional<std::vector<int64_t>>& series_runs, Publication* pub) {
  const int year = pub->run.year;
  std::vector<ComputeRun> runs;
  if (series_runs) {
    for (int64_t id : *series_runs) {
      JBR_ASSIGN_OR_RETURN(auto run, store->GetComputeRun(id));
      if (!run)
        return UsageError(
            fmt::format("the series names compute run {}, which is not in the store", id));
      if (run->year >= year - 1 || run->year < year - (kSeriesYears - 1))
        return UsageError(
            fmt::format("the series names compute run {} of {}, not of a year from {} to {}", id,
                        run->year, year - (kSeriesYears - 1), year - 2));
      runs.push_back(*run);
    }
    std::sort(runs.begin(), runs.end(),
              [](const ComputeRun& a, const ComputeRun& b) { return a.year < b.year; });
  } else {
    for (int y = year - (kSeriesYears - 1); y <= year - 2; ++y) {
      JBR_ASSIGN_OR_RETURN(auto run, store->LatestComputeRun(y));
      if (run) runs.push_back(*run);
    }
  }
  for (const auto& run : runs) {
    JBR_ASSIGN_OR_RETURN(auto s, EarlierYear(store, registry, run, &pub->series_gaps));
    if (s) pub->series.push_back(std::move(*s));
  }
  SeriesYear last = LastYear(*pub);
  if (!last.values.empty()) pub->series.push_back(std::move(last));
  return Status::Ok();
}

// The run's adjacent gaps (ComputeRun::adjacent_gaps). Errors: internal, for a list the store
// should never hold.
Result<std::vector<AdjacentGap>> RunAdjacentGaps(const ComputeRun& run) {
  const Status bad = InternalError(fmt::format(
      "compute run {} has an unreadable list of adjacent gaps '{}'", run.id, run.adjacent_gaps));
  const auto j = nlohmann::json::parse(run.adjacent_gaps, nullptr, false);
  if (!j.is_array()) return bad;
  std::vector<AdjacentGap> out;
  try {
    for (const auto& g : j) {
      AdjacentGap gap;
      gap.year = g.at("year").get<int>();
      gap.dataset = g.at("dataset").get<std::string>();
      gap.other_year = g.at("other_year").get<int>();
      gap.ministries = g.at("ministries").get<std::vector<std::string>>();
      gap.indicators = g.at("indicators").get<std::vector<std::string>>();
      out.push_back(std::move(gap));
    }
  } catch (const nlohmann::json::exception&) {
    return bad;
  }
  return out;
}

}  // namespace

std::vector<int64_t> SeriesRunIds(const Publication& pub) {
  std::vector<int64_t> ids;
  for (const auto& s : pub.series) {
    if (s.year < pub.run.year - 1) ids.push_back(s.run_id);
  }
  return ids;
}

Result<Publication> LoadPublication(Store* store, const std::vector<IndicatorDef>& registry,
                                    int year, std::optional<int64_t> run_id,
                                    const std::optional<std::vector<int64_t>>& series_runs) {
  JBR_ASSIGN_OR_RETURN(auto run, FindRun(store, year, run_id));
  Publication pub;
  pub.run = run;
  JBR_ASSIGN_OR_RETURN(auto stored, store->ComputeRunValues(run.id));
  JBR_ASSIGN_OR_RETURN(pub.definitions, RunDefinitions(run, stored, registry));
  pub.values.reserve(stored.size());
  for (const auto& v : stored) {
    pub.values.push_back(Disclose(v));
    JBR_RETURN_IF_ERROR(CheckValue(pub.values.back()));
  }
  SortValues(&pub.values);
  JBR_ASSIGN_OR_RETURN(pub.deliveries, RunDeliveries(store, run));
  JBR_ASSIGN_OR_RETURN(pub.modified, RunDay(run));
  JBR_ASSIGN_OR_RETURN(pub.adjacent_gaps, RunAdjacentGaps(run));
  JBR_RETURN_IF_ERROR(LoadSeries(store, registry, series_runs, &pub));
  return pub;
}

}  // namespace jbr::publish
