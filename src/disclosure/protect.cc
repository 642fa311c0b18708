#include "disclosure/protect.h"

#include <algorithm>

#include "disclosure/secondary.h"

namespace jbr::sdc {

const char* CellStatusName(CellStatus s) {
  switch (s) {
    case CellStatus::kPublished:
      return "published";
    case CellStatus::kSuppressedPrimary:
      return "suppressed_primary";
    case CellStatus::kSuppressedSecondary:
      return "suppressed_secondary";
  }
  return "unknown";
}

int SuppressionResult::Count(CellStatus s) const {
  return static_cast<int>(std::count(status.begin(), status.end(), s));
}

Result<std::vector<bool>> PrimaryPattern(const TableSpec& spec, const DisclosureRules& rules) {
  std::vector<bool> primary(spec.cells.size(), false);
  for (size_t i = 0; i < spec.cells.size(); ++i) {
    const TableCell& cell = spec.cells[i];
    JBR_ASSIGN_OR_RETURN(PrimaryStatus s, ClassifyPrimary(cell.sensitivity, cell.persons, rules));
    primary[i] = cell.manual_unsafe || s == PrimaryStatus::kUnsafe;
  }
  return primary;
}

Result<SuppressionResult> ProtectTable(const TableSpec& spec, const DisclosureRules& rules,
                                       const ProtectionOptions& opts) {
  JBR_RETURN_IF_ERROR(ValidateTable(spec));
  JBR_RETURN_IF_ERROR(rules.Validate());
  JBR_RETURN_IF_ERROR(opts.Validate());
  JBR_ASSIGN_OR_RETURN(std::vector<bool> primary, PrimaryPattern(spec, rules));
  SuppressionResult result;
  result.levels = ComputeLevels(spec, primary, opts);
  JBR_ASSIGN_OR_RETURN(SecondaryOutcome secondary, SuppressSecondary(spec, primary, result.levels));
  result.status.resize(spec.cells.size(), CellStatus::kPublished);
  for (size_t i = 0; i < spec.cells.size(); ++i) {
    if (primary[i]) {
      result.status[i] = CellStatus::kSuppressedPrimary;
    } else if (secondary.suppressed[i]) {
      result.status[i] = CellStatus::kSuppressedSecondary;
    }
  }
  result.audit = std::move(secondary.audit);
  result.audit_rounds = secondary.audit_rounds;
  result.lp_solves = secondary.lp_solves;
  return result;
}

}  // namespace jbr::sdc
