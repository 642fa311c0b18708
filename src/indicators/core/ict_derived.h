// The derived figures of large ICT activities for a reporting year, one activity at a time
// (ict-projects.md, "Derived figures for reporting year Y", as the Rijks ICT-dashboard computes
// them). The ICT theme (ict.cc) aggregates them into the ict.* indicators; the publish stage uses
// them for the overview table and the page per activity.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/parse.h"
#include "indicators/core/inputs.h"

namespace jbr {

// End-date slip classes (years between the initial and the current end date), verbatim.
inline constexpr const char* kSlipEarlier = "Eerder";
inline constexpr const char* kSlipUnchanged = "Ongewijzigd";
inline constexpr const char* kSlipUpToOneYear = "Later ≤1 jaar";
inline constexpr const char* kSlipOverOneYear = "Later >1 jaar";
inline constexpr const char* kSlipUnknown = "Doorlooptijd onbekend";  // left out of chart counts
// The classes counted in charts, in order.
inline constexpr const char* kSlipClasses[] = {kSlipEarlier, kSlipUnchanged, kSlipUpToOneYear,
                                               kSlipOverOneYear};

// Duration-change classes ((current - initial) / initial duration), verbatim, in order.
inline constexpr const char* kDurationClasses[] = {"Eerder", "Ongewijzigd", "Later < 50%",
                                                   "Later 50-100%", "Later >= 100%"};

// Cost classes on the current estimate in EUR million (right-closed bins), verbatim, in order.
inline constexpr const char* kCostUnknown = "(Geen kosten bekend)";
inline constexpr const char* kCostClasses[] = {"0-10 mln.",  "10-20 mln.", "20-30 mln.",
                                               "30-40 mln.", "40-50 mln.", "50-100 mln.",
                                               "100+ mln.",  kCostUnknown};

// One cost and schedule record (a row of ict_records).
struct IctRecord {
  size_t row = 0;  // row in the ict_records table
  Days date = 0;
  std::string action;                // initial | reassessment | report
  std::optional<Days> end_date;      // the end-date estimate; nullopt: unknown
  std::optional<double> cost_eur;    // whole-life cost estimate
  std::optional<double> spend_eur;   // cumulative actual spend to date
  std::vector<std::string> reasons;  // reassessment reasons, split on ';' (and ',')
};

// The figures of one activity (a row of ict_activities) for reporting year Y.
struct IctActivityFigures {
  size_t row = 0;  // row in the ict_activities table
  std::string activity_id, name, ministry, organisation, status;
  Days start_date = 0;
  Days reference_date = 0;
  size_t record_count = 0;

  // Initial: action initial, the first by date if several; none: the oldest record.
  std::optional<IctRecord> initial;
  // Current: the newest record dated in or before Y; previous: in or before Y - 1. Of records on
  // the same date the one delivered last counts.
  std::optional<IctRecord> current, previous;
  std::optional<IctRecord> latest;  // the newest record of any date

  // Durations in years (DurationYears): start to initial end; start to current end.
  std::optional<double> initial_duration_years, current_duration_years;
  std::optional<double> duration_change;     // (current - initial) / initial, a fraction
  std::optional<double> end_slip_years;      // DurationYears(initial end, current end)
  std::string slip_class;                    // SlipClass
  std::string duration_class;                // DurationChangeClass; "" when unknown
  std::string cost_class;                    // CostClass of the current estimate
  std::optional<double> remaining_cost_eur;  // current estimate - spend to date

  // In the report for Y: (a record dated in or after Y, or reference date in Y) and (current end
  // year at least Y, or end unknown) and status not not_started.
  bool included = false;
  bool stale = false;  // no record, or the newest record is dated before Y

  std::vector<IctRecord> reassessments;  // action reassessment, dated in Y
  std::vector<std::string> findings;     // e.g. "2 initial records: the first by date is used"
};

// Years between two dates as the dashboard counts them (Python's dateutil relativedelta):
// whole years + remaining months / 12 + remaining days / 365, where the months are counted from
// `from` (a month later than 31 January is the end of February) and the rest in days. Negative
// when `to` is before `from`, each part negative.
double DurationYears(Days from, Days to);

// Classes, by the thresholds of ict-projects.md. SlipClass(nullopt) is kSlipUnknown;
// DurationChangeClass(nullopt) is "" (no class); CostClass of nullopt, zero or negative is
// kCostUnknown.
std::string SlipClass(std::optional<double> years);
std::string DurationChangeClass(std::optional<double> change);
std::string CostClass(std::optional<double> cost_eur);

// Reassessment reasons of a stored value: split on ';' and ',', blanks trimmed, empties dropped.
std::vector<std::string> SplitReasons(std::string_view text);

// The figures of every activity of one ministry's delivery, in the activities' row order.
// Records whose activity_id is not among the activities are ignored.
std::vector<IctActivityFigures> DeriveIctFigures(const Table& activities, const Table& records,
                                                 int year);

// Explicit inclusion decisions of one ministry (its ict_inclusion table): activity id -> include.
std::map<std::string, bool> IctInclusionDecisions(const Table& inclusion);

// Applies `decided` to `figures`: an explicit decision (audited data) overrides the rule of
// IctActivityFigures::included. Activities without a decision keep the rule's outcome.
void ApplyIctInclusion(const std::map<std::string, bool>& decided,
                       std::vector<IctActivityFigures>* figures);

// AcICT advice: a quality review of kind acict (formerly BIT), or a parliamentary paper marked as
// AcICT advice (ict-projects.md). The activity ids of one ministry that have it; either table may
// be null (not delivered).
std::set<std::string> IctWithAcictAdvice(const Table* reviews, const Table* papers);

}  // namespace jbr
