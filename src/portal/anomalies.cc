#include "portal/anomalies.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "indicators/engine.h"

namespace jbr::portal {

std::vector<Anomaly> FindAnomalies(const std::vector<StoredValue>& values, int year,
                                   double percent) {
  const std::string period = std::to_string(year);
  std::vector<Anomaly> out;
  for (const StoredValue& v : values) {
    if (v.ministry == kRijk || v.period != period || !v.unit_type.empty() || !v.category.empty())
      continue;
    Anomaly a;
    a.ministry = v.ministry;
    a.indicator = v.indicator;
    a.unit = v.unit;
    a.status = v.status;
    a.previous_status = v.previous_status;
    const bool now = v.status == "published" && v.value.has_value();
    const bool then = v.previous_status == "published" && v.previous.has_value();
    if (now && then) {
      a.value = v.value;
      a.previous = v.previous;
      if (*v.previous != 0) {
        a.change_percent = (*v.value - *v.previous) / std::fabs(*v.previous) * 100;
        if (!(std::fabs(*a.change_percent) > percent)) continue;
      } else if (*v.value == 0) {
        continue;
      }
      a.kind = Anomaly::Kind::kChange;
    } else if (v.status == "missing" &&
               (v.previous_status == "published" || v.previous_status == "suppressed")) {
      a.kind = Anomaly::Kind::kGone;
      if (then) a.previous = v.previous;
    } else if (now && v.previous_status == "missing") {
      a.kind = Anomaly::Kind::kNew;
      a.value = v.value;
    } else {
      continue;
    }
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(), [](const Anomaly& x, const Anomaly& y) {
    return std::tie(x.ministry, x.indicator) < std::tie(y.ministry, y.indicator);
  });
  return out;
}

}  // namespace jbr::portal
