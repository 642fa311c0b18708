// The figures a publication shows: one stored compute run, checked against the indicator registry
// and made safe to publish. Every output (open data, the Excel annex, later the site and PDFs) is
// written from a Publication, so that they all show the one suppression pattern of the run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "indicators/core/indicator.h"
#include "indicators/engine.h"
#include "publish/core/ict_portfolio.h"
#include "publish/core/restatements.h"
#include "store/store.h"

namespace jbr::publish {

// One figure as published. A value whose status is not "published" carries no value, numerator,
// denominator or change (domain.md section 6), whatever the store holds.
struct PublishedValue {
  std::string indicator, ministry, unit_type, period, category, unit, status, flag;
  std::optional<double> value, numerator, denominator, previous, change;
  // Last year's cell as the run computed it: its status ("" when there was no such cell).
  // `previous` holds its value only when it was published.
  std::string previous_status;
};

// A delivery the run used, as the method notes list it (no person's name).
struct PublishedDelivery {
  int64_t id = 0;
  std::string dataset, ministry;
  int year = 0;
  std::string received_at, sha256;
};

// The figures of one earlier year, for the time series: that year's year-level cells (no
// quarters), disclosed under that year's own suppression pattern.
struct SeriesYear {
  int year = 0;
  int64_t run_id = 0;                  // the compute run they come from
  std::vector<PublishedValue> values;  // sorted as Publication::values
};

// How many years a time series shows, the report year included.
inline constexpr int kSeriesYears = 5;

struct Publication {
  ComputeRun run;
  std::vector<IndicatorDef> definitions;      // the run's indicators, in registry (report) order
  std::vector<PublishedValue> values;         // sorted: indicator, ministry (Rijk last), unit type,
                                              // period, category
  std::vector<PublishedDelivery> deliveries;  // by id
  std::string modified;                       // YYYY-MM-DD: the day of the run, never today
  // Last year's figures that differ from the release that first published them (restatements.h);
  // empty after LoadPublication, filled by Publish.
  std::vector<Restatement> restatements;
  // The time series' earlier years, oldest first, up to kSeriesYears - 1 of them. Last year comes
  // from this run itself (each value's previous figure and status), so that a series and the
  // "last year" column can never disagree; the years before it from their own compute runs.
  std::vector<SeriesYear> series;
  // Earlier years left out of the series because their latest run was computed under other
  // definitions (compute them again): year and run id, for the method page.
  std::vector<std::pair<int, int64_t>> series_gaps;
  // Where the run's figures (this year's and last year's) were read across the turn of the year
  // without an adjacent year's delivery (ComputeRun::adjacent_gaps), for the method page. Empty
  // for a run stored before they were kept.
  std::vector<AdjacentGap> adjacent_gaps;
  // The large ICT activities of the run's own ICT deliveries, by id (ict_portfolio.h); empty after
  // LoadPublication, filled by Publish. The ICT appendix and its open data are written from it.
  IctPortfolio ict;
};

// The run ids of the series' years before last year (the ones a release records as series_runs).
std::vector<int64_t> SeriesRunIds(const Publication& pub);

// The order categories are shown in: the total (""), numbered classes by their number ("<25"
// before "25-34", "8-42" before "43-365", ">365" after "43-365"), then the others in byte order.
bool CategoryLess(const std::string& a, const std::string& b);

// The published form of a stored value: drops what a suppressed or missing cell must not show,
// and the norm flags of a suppressed one (above a norm is a bound on the hidden value).
PublishedValue Disclose(const StoredValue& v);

// Loads compute run `run_id` of `year` from `store`, or the latest run of the year when `run_id`
// is empty. Errors: a usage error when there is no (such) run, the run is of another year, or when
// `registry` (the definitions jbr has now) does not give the run's definition version (the texts
// changed since: compute again); an internal error for a value the store should never hold (an
// unknown status, a published value without a finite value).
//
// The series' years before last year come from the runs `series_runs` names (a release rebuilt),
// or else from the latest run of each of those years in the store. A year without a run, or
// whose run was computed under other definitions, is left out and named in series_gaps; a named
// run that is missing or of another year is an error.
Result<Publication> LoadPublication(
    Store* store, const std::vector<IndicatorDef>& registry, int year,
    std::optional<int64_t> run_id = std::nullopt,
    const std::optional<std::vector<int64_t>>& series_runs = std::nullopt);

}  // namespace jbr::publish
