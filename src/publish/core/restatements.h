// Restatements: a figure of an earlier year that differs now from the value in the release that
// first published it. The report marks the current value as restated; the method page lists each
// with its old value, new value and cause.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace jbr::publish {

struct Publication;

struct Restatement {
  // The figure restated: last year's cell behind a value of the publication (period is of that
  // earlier year, e.g. 2020-Q2 for a 2021-Q2 value).
  std::string indicator, ministry, unit_type, period, category;
  // Values only when their status is "published": a suppressed figure is never revealed.
  std::optional<double> old_value, new_value;
  std::string old_status, new_status;  // published | suppressed | missing
  std::string first_release;           // "YEAR-NUMBER" of the release it is compared with
  std::string cause;                   // "; "-joined reasons, see LoadRestatements
};

// Compares every value's `previous` (year Y-1 as `pub.run` computed it) with the same cell
// (indicator, ministry, unit type, period one year back, category) in the first release of Y-1,
// counting only releases with an id below `before_release` when given (a release rebuilt sees
// the releases that existed when it was made). A restatement is a relative difference above 1e-9
// or a change of status; a value whose run has no cell for last year (a figure it does not compute
// for last year) is not compared. Cause: per (dataset, ministry) whose delivery behind the figure
// changed, "late delivery" (none before) or "corrected delivery" with the old and new delivery ids
// and their received dates; a changed emission-factor vintage of Y-1's figures (the release's run
// against this run's last year, ComputeRun::factor_vintages); a changed definition version.
// No release of Y-1: no restatements. Sorted by indicator, ministry (Rijk last), unit type,
// period, category. Errors: the store's, or an internal error for unreadable delivery lists.
Result<std::vector<Restatement>> LoadRestatements(Store* store, const Publication& pub,
                                                  std::optional<int64_t> before_release);

}  // namespace jbr::publish
