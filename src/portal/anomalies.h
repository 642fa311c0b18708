// The coordinator's anomalies of a year (issue: "year-on-year changes beyond a configurable
// threshold, and breaks in a ministry's series"), found in a stored compute run: the same cells,
// this year's and last year's figures, that the publication shows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace jbr::portal {

struct Anomaly {
  enum class Kind {
    kChange,  // both years published, relative change beyond the threshold
    kGone,    // a figure last year (published or suppressed), none this year (missing)
    kNew,     // none last year (missing), published this year
  };
  Kind kind = Kind::kChange;
  std::string ministry, indicator, unit;
  std::optional<double> previous, value;  // the published figures
  // (value - previous) / |previous| x 100; empty where last year's figure is 0 or unknown.
  std::optional<double> change_percent;
  std::string status, previous_status;
};

// The anomalies among the ministries' year-level cells of all units and no category (the headline
// figure of each indicator; the Rijk is left out) of a run of `year`: a change of more than
// `percent` percent of last year's figure either way (a figure going from 0 to anything counts),
// and breaks of a series. Sorted by ministry, then indicator.
std::vector<Anomaly> FindAnomalies(const std::vector<StoredValue>& values, int year,
                                   double percent);

}  // namespace jbr::portal
