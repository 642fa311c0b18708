// Secondary suppression: extra cells to suppress so that no sensitive cell can be recovered.
//
// The proposal is a heuristic in the family tau-Argus and the literature call the "attacker /
// protection LP" approach (Fischetti and Salazar; Kelly, Golden and Assad). For each sensitive
// cell c and each direction (up by its upper level U, down by its lower level L) it looks for the
// cheapest change y of the whole table that moves c by exactly U (or -L), keeps every additivity
// constraint (A y = 0) and keeps every cell >= 0, where changing a published cell costs
// (value + 1) per unit and changing an already suppressed cell is free. Such a y is exactly a
// second table the attacker cannot tell from the true one once the cells it changes are
// suppressed, so suppressing its support protects c in that direction; if the cheapest y is free,
// c already is protected and nothing is added. Adding suppressions never narrows an interval, so
// cells protected earlier stay protected. Cost value + 1 prefers small cells (little information
// lost) and makes totals, which are sums, expensive; zero cells are used only where nothing else
// can move a cell (a sensitive 0 among zeros): a suppressed 0 can only hide upwards, and readers
// would see "." where there is nothing.
//
// The proposal is then ALWAYS audited (audit.h). Where the audit still finds an unsafe cell (the
// LP treats counts as continuous, the audit does not; a hidden cell must also not be pinned down
// from outside, FailsFromOutside), the cheapest table change that moves that cell by what it lacks
// is found the same way and its support suppressed; a cell no change moves gets the cheapest
// published non-zero cell that shares a constraint with it (through hidden cells where all of its
// own are hidden), then its zero partners; if none of that adds a cell, every non-zero cell is
// suppressed, which is always safe for cells with a value: scaling the whole table by t >= 0 keeps
// every constraint, so each of them can then be anything from 0 up. (A sensitive zero among zeros
// only is the one case that can need the zeros too: then every cell is suppressed.) Each later
// audit looks only at the cells that were unsafe or are newly hidden (hiding more never narrows an
// interval), and a round that finds none is confirmed by an audit of every hidden cell.
// Everything is deterministic: cells are visited in index order, and GLPK is deterministic.
#pragma once

#include <vector>

#include "common/result.h"
#include "disclosure/audit.h"
#include "disclosure/table.h"

namespace jbr::sdc {

struct SecondaryOptions {
  // The final audit's intervals are the attacker's exact ones (two programs per hidden cell);
  // false: its verdict only (AuditScope::safety_only), which is all the pattern needs.
  bool exact_intervals = true;
};

struct SecondaryOutcome {
  std::vector<bool> suppressed;  // one flag per cell: the primary cells and the secondary ones
  AuditReport audit;             // the final audit of `suppressed`; audit.safe() holds
  int audit_rounds = 0;          // 1 when the heuristic's proposal passed the first audit
  int lp_solves = 0;             // protection LPs plus audit LPs, all rounds
};

// Suppresses more cells than `primary` until every cell with a non-zero protection level passes
// the audit. Preconditions: ValidateTable(spec) is ok; levels are non-zero only for primary cells
// (ComputeLevels with the primary flags). Errors: kInvalidInput when primary or levels do not have
// one entry per cell; kInternal when GLPK fails, or when the audit still fails with every cell
// suppressed (not possible for 1-D, 2-D or hierarchical tables of totals, so a bug).
Result<SecondaryOutcome> SuppressSecondary(const TableSpec& spec, const std::vector<bool>& primary,
                                           const std::vector<ProtectionLevel>& levels,
                                           const SecondaryOptions& options = {});

}  // namespace jbr::sdc
