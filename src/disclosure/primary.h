// Primary suppression: which single figures may not be published (domain.md section 6).
//
// The rule reads only the number of persons (or integrity cases) behind a figure, never its value:
//   - a count of persons is unsafe when 0 < n < person_threshold (0 and the threshold are safe);
//   - a rate, share or mean over persons is unsafe when n < person_threshold, except that over
//     n = 0 persons it has no value at all (kNoValue): it is shown as "no value", not suppressed,
//     because there is nobody to protect and no number to hide;
//   - an integrity count is unsafe when 0 < n < integrity_threshold.
// An additive magnitude over persons (fte, amounts paid to persons) is classified as a count of
// the persons behind it (kPersonCount with n = those persons): a sum of 0 persons is 0 and safe.
#pragma once

#include <cstdint>

#include "common/result.h"

namespace jbr::sdc {

// What a figure is, for disclosure purposes. Mirrors jbr::Disclosure (indicators/core/indicator.h)
// without depending on it.
enum class Sensitivity {
  kNone,             // not about persons: always safe
  kPersonCount,      // a count of persons, or an additive magnitude over persons
  kPersonStatistic,  // a rate, share or mean over persons (not additive)
  kIntegrityCount,   // integrity cases
};
const char* SensitivityName(Sensitivity s);

enum class PrimaryStatus {
  kSafe,     // may be published
  kUnsafe,   // must be suppressed
  kNoValue,  // a statistic over zero persons: there is no value to publish or to suppress
};
const char* PrimaryStatusName(PrimaryStatus s);

// The thresholds, explicit and configurable. The defaults are domain.md's.
struct DisclosureRules {
  int person_threshold = 10;
  int integrity_threshold = 5;

  // Errors (kInvalidInput) unless both thresholds are at least 1. A threshold of 1 makes no count
  // unsafe; that is allowed (it switches the rule off explicitly).
  Status Validate() const;
};

// Classifies one figure with `n` persons (integrity cases for kIntegrityCount) behind it.
// Preconditions: `rules` is valid. Errors (kInvalidInput): n < 0 for any sensitivity but kNone.
// For kNone the answer is kSafe whatever n is.
Result<PrimaryStatus> ClassifyPrimary(Sensitivity sensitivity, int64_t n,
                                      const DisclosureRules& rules);

}  // namespace jbr::sdc
