// The disclosure-control API for the engine: from a table to a safe suppression pattern.
//
//   Result<SuppressionResult> r = ProtectTable(spec, rules, opts);
//
// ProtectTable applies the primary rule (primary.h) to every cell, total cells included, adds
// secondary suppressions (secondary.h) and returns the final pattern with the audit that proves
// it (audit.h). The pattern is the one for the whole publication (domain.md section 6): web page,
// PDF, Excel annex, chart and open data all show exactly these cells as suppressed.
//
// Tables that share cells (the same figure in two tables, a table and its breakdown) must be
// protected together, as one TableSpec with all their constraints: protected one by one, each
// pattern can be safe alone and the two recoverable together. Not modelled: what a person inside
// a cell knows about it (at least 1: tau-Argus's "singleton" options); the attacker here is an
// outsider with the published figures.
#pragma once

#include <vector>

#include "common/result.h"
#include "disclosure/audit.h"
#include "disclosure/primary.h"
#include "disclosure/table.h"

namespace jbr::sdc {

enum class CellStatus {
  kPublished,
  kSuppressedPrimary,    // unsafe itself (the primary rule, or manual_unsafe)
  kSuppressedSecondary,  // safe itself, suppressed so that a primary cell cannot be recovered
};
const char* CellStatusName(CellStatus s);

struct SuppressionResult {
  std::vector<CellStatus> status;       // one per cell of the spec, in cell order
  std::vector<ProtectionLevel> levels;  // one per cell; non-zero only for primary cells
  AuditReport audit;                    // every suppressed cell's interval; audit.safe() holds
  int audit_rounds = 0;                 // audits run (1 when the first proposal was safe)
  int lp_solves = 0;                    // linear programs solved in all
  int Count(CellStatus s) const;
  bool Suppressed(int cell) const { return status[cell] != CellStatus::kPublished; }
};

// The primary pattern: one flag per cell, true when ClassifyPrimary(sensitivity, persons, rules)
// is kUnsafe or the cell is manual_unsafe. Preconditions: ValidateTable(spec) and
// rules.Validate() are ok. Errors (kInvalidInput): a cell with negative persons.
Result<std::vector<bool>> PrimaryPattern(const TableSpec& spec, const DisclosureRules& rules);

// Protects one table. A table without unsafe cells comes back with everything published.
// Errors (kInvalidInput): the spec, rules or options are invalid (ValidateTable,
// DisclosureRules::Validate, ProtectionOptions::Validate), or a cell has negative persons.
// kInternal: GLPK failed, or the audit could not be satisfied (a bug: see secondary.h).
Result<SuppressionResult> ProtectTable(const TableSpec& spec, const DisclosureRules& rules,
                                       const ProtectionOptions& opts);

}  // namespace jbr::sdc
