#include "disclosure/primary.h"

#include <string>

namespace jbr::sdc {

const char* SensitivityName(Sensitivity s) {
  switch (s) {
    case Sensitivity::kNone:
      return "none";
    case Sensitivity::kPersonCount:
      return "person_count";
    case Sensitivity::kPersonStatistic:
      return "person_statistic";
    case Sensitivity::kIntegrityCount:
      return "integrity_count";
  }
  return "unknown";
}

const char* PrimaryStatusName(PrimaryStatus s) {
  switch (s) {
    case PrimaryStatus::kSafe:
      return "safe";
    case PrimaryStatus::kUnsafe:
      return "unsafe";
    case PrimaryStatus::kNoValue:
      return "no_value";
  }
  return "unknown";
}

Status DisclosureRules::Validate() const {
  if (person_threshold < 1) {
    return InvalidInput("person_threshold must be at least 1, got " +
                        std::to_string(person_threshold));
  }
  if (integrity_threshold < 1) {
    return InvalidInput("integrity_threshold must be at least 1, got " +
                        std::to_string(integrity_threshold));
  }
  return Status::Ok();
}

namespace {

// 0 is safe: an empty cell says nobody has the property, which singles nobody out.
PrimaryStatus CountStatus(int64_t n, int threshold) {
  return (n > 0 && n < threshold) ? PrimaryStatus::kUnsafe : PrimaryStatus::kSafe;
}

}  // namespace

Result<PrimaryStatus> ClassifyPrimary(Sensitivity sensitivity, int64_t n,
                                      const DisclosureRules& rules) {
  if (sensitivity == Sensitivity::kNone) return PrimaryStatus::kSafe;
  if (n < 0) {
    return InvalidInput(std::string("negative number of persons behind a ") +
                        SensitivityName(sensitivity) + " figure: " + std::to_string(n));
  }
  switch (sensitivity) {
    case Sensitivity::kPersonCount:
      return CountStatus(n, rules.person_threshold);
    case Sensitivity::kIntegrityCount:
      return CountStatus(n, rules.integrity_threshold);
    case Sensitivity::kPersonStatistic:
      if (n == 0) return PrimaryStatus::kNoValue;
      return n < rules.person_threshold ? PrimaryStatus::kUnsafe : PrimaryStatus::kSafe;
    case Sensitivity::kNone:
      break;
  }
  return PrimaryStatus::kSafe;
}

}  // namespace jbr::sdc
