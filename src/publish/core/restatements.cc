#include "publish/core/restatements.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "indicators/engine.h"
#include "publish/core/publication.h"

namespace jbr::publish {
namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string, std::string>;

// "2021-Q2" -> "2020-Q2"; "2021" -> "2020".
std::string PeriodBefore(const std::string& period) {
  if (period.size() < 4) return period;
  return std::to_string(std::atoi(period.substr(0, 4).c_str()) - 1) + period.substr(4);
}

Key KeyOf(const StoredValue& v, const std::string& period) {
  return {v.indicator, v.ministry, v.unit_type, period, v.category};
}

// The first release of `year` made before `before_release` (all, when empty).
Result<std::optional<Release>> FirstRelease(Store* store, int year,
                                            std::optional<int64_t> before_release) {
  JBR_ASSIGN_OR_RETURN(auto releases, store->ListReleases(year));
  for (const auto& r : releases) {  // by number
    if (!before_release || r.id < *before_release) return std::optional<Release>(r);
  }
  return std::optional<Release>();
}

// The status of last year's figure as this run has it. A run stored before it kept that status
// has only `previous`, set when the figure was published.
std::string NewStatus(const StoredValue& v) { return v.previous ? "published" : v.previous_status; }

// A run without last year's cell (a figure it does not compute for last year, such as the rolling
// absence rate of Q1-Q3, which needs two years back) says nothing about it: not a restatement.
bool Differs(const StoredValue& old, const StoredValue& now) {
  const std::string status = NewStatus(now);
  if (status.empty()) return false;
  if (old.status != status) return true;
  if (status != "published" || !old.value || !now.previous) return false;
  const double a = *old.value, b = *now.previous;
  return std::fabs(a - b) > 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

Result<std::vector<int64_t>> Ids(const std::string& json_text) {
  const auto j = nlohmann::json::parse(json_text, nullptr, false);
  if (!j.is_array()) return InternalError(fmt::format("unreadable delivery list '{}'", json_text));
  std::vector<int64_t> out;
  for (const auto& id : j) {
    if (!id.is_number_integer())
      return InternalError(fmt::format("unreadable delivery list '{}'", json_text));
    out.push_back(id.get<int64_t>());
  }
  return out;
}

// The emission-factor vintage `run` computed the figures of `year` with (ComputeRun::
// factor_vintages). A run stored before those were kept has one vintage, its own year's: runs
// then computed every year with the newest list, and are read so.
std::string VintageOf(const ComputeRun& run, int year) {
  const auto j = nlohmann::json::parse(run.factor_vintages, nullptr, false);
  if (j.is_object()) {
    auto it = j.find(std::to_string(year));
    if (it != j.end() && it->is_string()) return it->get<std::string>();
  }
  return run.factor_vintage;
}

// Explains differences in the deliveries behind a figure, per (dataset, ministry), and in the
// factors and definitions of the two runs. The restated figures are of the old run's year: the
// factors changed only when the vintage of that year's figures did, not when the new run's own
// year has a newer list.
class CauseFinder {
 public:
  CauseFinder(Store* store, const ComputeRun& old_run, const ComputeRun& new_run)
      : store_(store),
        old_run_(old_run),
        new_run_(new_run),
        old_vintage_(VintageOf(old_run, old_run.year)),
        new_vintage_(VintageOf(new_run, old_run.year)) {}

  Result<std::string> Explain(const StoredValue& old, const StoredValue& now) {
    using Slot = std::pair<std::string, std::string>;  // dataset, ministry
    std::map<Slot, std::pair<const DeliveryRecord*, const DeliveryRecord*>> slots;
    JBR_ASSIGN_OR_RETURN(auto old_ids, Ids(old.deliveries));
    JBR_ASSIGN_OR_RETURN(auto new_ids, Ids(now.previous_deliveries));
    for (int64_t id : old_ids) {
      JBR_ASSIGN_OR_RETURN(const DeliveryRecord* d, Get(id));
      slots[{d->dataset, d->ministry}].first = d;
    }
    for (int64_t id : new_ids) {
      JBR_ASSIGN_OR_RETURN(const DeliveryRecord* d, Get(id));
      slots[{d->dataset, d->ministry}].second = d;
    }
    std::vector<std::string> reasons;
    for (const auto& [slot, pair] : slots) {
      const auto& [before, after] = pair;
      if (before && after && before->id == after->id) continue;
      reasons.push_back(Describe(slot.first, slot.second, before, after));
    }
    if (old_vintage_ != new_vintage_)
      reasons.push_back(
          fmt::format("emission factors {} replaced by {}", old_vintage_, new_vintage_));
    if (old_run_.definition_version != new_run_.definition_version)
      reasons.push_back(fmt::format("indicator definitions {} replaced by {}",
                                    old_run_.definition_version, new_run_.definition_version));
    if (reasons.empty()) reasons.push_back("recomputed from the same deliveries");
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : "; ") + r;
    return out;
  }

 private:
  static std::string Day(const DeliveryRecord* d) { return d->received_at.substr(0, 10); }

  static std::string Describe(const std::string& dataset, const std::string& ministry,
                              const DeliveryRecord* before, const DeliveryRecord* after) {
    if (!before)
      return fmt::format("late delivery {} {}: delivery {} received {}", dataset, ministry,
                         after->id, Day(after));
    if (!after)
      return fmt::format("delivery {} {} no longer used: delivery {} received {}", dataset,
                         ministry, before->id, Day(before));
    return fmt::format(
        "corrected delivery {} {}: delivery {} received {} replaced by delivery {} "
        "received {}",
        dataset, ministry, before->id, Day(before), after->id, Day(after));
  }

  Result<const DeliveryRecord*> Get(int64_t id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return &it->second;
    JBR_ASSIGN_OR_RETURN(auto d, store_->GetDelivery(id));
    if (!d) return InternalError(fmt::format("delivery {} is not in the store", id));
    return &cache_.emplace(id, *d).first->second;
  }

  Store* store_;
  const ComputeRun& old_run_;
  const ComputeRun& new_run_;
  const std::string old_vintage_, new_vintage_;
  std::map<int64_t, DeliveryRecord> cache_;
};

Restatement Make(const StoredValue& old, const StoredValue& now, const std::string& release) {
  Restatement r;
  r.indicator = old.indicator;
  r.ministry = old.ministry;
  r.unit_type = old.unit_type;
  r.period = old.period;
  r.category = old.category;
  r.old_status = old.status;
  r.new_status = NewStatus(now);
  if (r.old_status == "published") r.old_value = old.value;
  if (r.new_status == "published") r.new_value = now.previous;
  r.first_release = release;
  return r;
}

void Sort(std::vector<Restatement>* list) {
  auto key = [](const Restatement& r) {
    return std::make_tuple(std::cref(r.indicator), r.ministry == kRijk, std::cref(r.ministry),
                           std::cref(r.unit_type), std::cref(r.period), std::cref(r.category));
  };
  std::sort(list->begin(), list->end(),
            [&](const Restatement& a, const Restatement& b) { return key(a) < key(b); });
}

}  // namespace

Result<std::vector<Restatement>> LoadRestatements(Store* store, const Publication& pub,
                                                  std::optional<int64_t> before_release) {
  std::vector<Restatement> out;
  JBR_ASSIGN_OR_RETURN(auto release, FirstRelease(store, pub.run.year - 1, before_release));
  if (!release) return out;
  JBR_ASSIGN_OR_RETURN(auto old_run, store->GetComputeRun(release->run_id));
  if (!old_run) return InternalError(fmt::format("release {} has no run", release->id));
  std::map<Key, StoredValue> released;
  JBR_ASSIGN_OR_RETURN(auto old_values, store->ComputeRunValues(release->run_id));
  for (auto& v : old_values) released.emplace(KeyOf(v, v.period), std::move(v));
  JBR_ASSIGN_OR_RETURN(auto now_values, store->ComputeRunValues(pub.run.id));
  CauseFinder causes(store, *old_run, pub.run);
  const std::string name = fmt::format("{}-{}", release->year, release->number);
  for (const auto& now : now_values) {
    auto it = released.find(KeyOf(now, PeriodBefore(now.period)));
    if (it == released.end() || !Differs(it->second, now)) continue;
    out.push_back(Make(it->second, now, name));
    JBR_ASSIGN_OR_RETURN(out.back().cause, causes.Explain(it->second, now));
  }
  Sort(&out);
  return out;
}

}  // namespace jbr::publish
