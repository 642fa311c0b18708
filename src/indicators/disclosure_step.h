// Disclosure control applied to computed values: primary suppression by each indicator's
// disclosure class, then secondary suppression per table (ministries x categories with Rijk and
// category totals), audited. Suppressed values lose value, numerator, denominator and change, and
// record why ("primary" or "secondary").
#pragma once

#include <vector>

#include "common/result.h"
#include "indicators/engine.h"

namespace jbr {

struct DisclosureSettings {
  int person_threshold = 10;
  int integrity_threshold = 5;
};

// True when the figure itself may not be published (domain.md section 6).
bool PrimaryUnsafe(Disclosure disclosure, const IndicatorValue& v, const DisclosureSettings& s);

Status ApplyDisclosure(const std::vector<IndicatorDef>& defs, const DisclosureSettings& settings,
                       std::vector<IndicatorValue>* values);

}  // namespace jbr
