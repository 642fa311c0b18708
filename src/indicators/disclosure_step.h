// Disclosure control applied to computed values: primary suppression by each indicator's
// disclosure class, then secondary suppression per table (ministries x categories with Rijk and
// category totals), audited. Suppressed values lose value, numerator, denominator and change, and
// record why ("primary" or "secondary").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "indicators/engine.h"

namespace jbr {

struct DisclosureSettings {
  int person_threshold = 10;
  int integrity_threshold = 5;
};

// A figure as an earlier release published it: last year's figures in a new run must keep the
// first release's pattern in view (docs/disclosure.md, "Over time").
struct ReleasedCell {
  std::string status;  // published | suppressed | missing
  std::optional<double> numerator, denominator;
};
// Keyed by ReleasedKey(value).
using ReleasedPattern = std::map<std::string, ReleasedCell>;
std::string ReleasedKey(const std::string& indicator, const std::string& ministry,
                        const std::string& unit_type, const std::string& period,
                        const std::string& category);

// True when the figure itself may not be published (domain.md section 6).
bool PrimaryUnsafe(Disclosure disclosure, const IndicatorValue& v, const DisclosureSettings& s);

// Primary and secondary suppression over every linked table at once (disclosure_links.h). With
// `released` (the first release of the values' year), a figure that release hid stays hidden and is
// protected as if unsafe, and a figure it published that has not changed is known to everyone: it
// is never used to hide another.
Status ApplyDisclosure(const std::vector<IndicatorDef>& defs, const DisclosureSettings& settings,
                       std::vector<IndicatorValue>* values,
                       const ReleasedPattern* released = nullptr);

}  // namespace jbr
