// Protection levels and the audit that proves a suppression pattern safe.
//
// Protection levels as in tau-Argus (Hundepool et al., "tau-Argus User's Manual", safety rules
// and secondary suppression; in its batch language the safety range p of FREQ(n, p) and the
// safety margin p of MAN(p), both percentages): every sensitive cell gets an upper and a lower
// protection level, and a pattern protects the cell when an attacker who knows the published
// cells, the additivity constraints and that every cell is >= 0 (and whole, in count tables)
// cannot narrow its value to less than [value - lower level, value + upper level].
//
// Here both levels are max(min_protection, protection_percent % of the value), rounded up to a
// whole number in count tables. With the defaults (10 %, at least 1) the attacker's interval for
// a suppressed 3 must contain [2, 4]: it can never be recovered exactly, and a larger cell needs a
// proportionally wider interval. An office that also wants the attacker unable to tell that a
// count is below the threshold T sets min_protection = T: then every interval reaches T. The
// lower level is capped at the value: an attacker always knows that a count is >= 0, so no
// pattern could hide more than that. Cells that are not sensitive (secondary suppressions,
// published cells) have levels 0: their interval is reported, but they are safe by definition,
// as in tau-Argus.
#pragma once

#include <vector>

#include "common/result.h"
#include "disclosure/lp.h"  // kInfinity
#include "disclosure/table.h"

namespace jbr::sdc {

struct ProtectionOptions {
  double protection_percent = 10.0;  // tau-Argus "safety range", percent of the cell value
  double min_protection = 1.0;       // in the cell's unit; at least this much either way

  // Errors (kInvalidInput): a negative or non-finite field, or both 0 (which would call an
  // exactly recoverable cell safe).
  Status Validate() const;
};

struct ProtectionLevel {
  double lower = 0;  // the attacker's lower bound must be <= value - lower
  double upper = 0;  // the attacker's upper bound must be >= value + upper
};

// Levels per cell: ProtectionOptions' rule for cells with sensitive[i], 0 for the others.
// Preconditions: opts valid, sensitive.size() == spec.cells.size().
std::vector<ProtectionLevel> ComputeLevels(const TableSpec& spec,
                                           const std::vector<bool>& sensitive,
                                           const ProtectionOptions& opts);

// What every suppressed cell must leave open, primary or secondary, judged as an outsider who
// cannot tell the two apart (and as `jbr audit-publication` judges a publication):
//   - it is not pinned down (a whole number can take at least two values);
//   - a whole number that could be a small count (lo < small_below, the person threshold) must
//     leave room for one: some value v in [lo, hi] that sits at its protection level,
//     max(0, v - p(v)) >= lo and v + p(v) <= hi, with p(v) as ComputeLevels (rounded up).
// A cell known to be 0 passes: nobody is behind it. A count the intruder knows to be at least the
// threshold is no small group; a magnitude (fte-days)
// says nothing from outside about the persons behind it. Primary cells must also meet their own
// levels, which only the holder of the values can check (AuditPattern does).
// True when [lo, hi] fails that under `opts`.
bool FailsFromOutside(double lo, double hi, bool integer, const ProtectionOptions& opts,
                      double small_below = 10);

// The audit of one suppressed cell.
struct CellAudit {
  int cell = -1;
  double value = 0;
  double lo = 0;           // least value the attacker cannot exclude
  double hi = 0;           // greatest; kInfinity when the LP is unbounded (always safe upwards)
  double required_lo = 0;  // value - lower level
  double required_hi = 0;  // value + upper level
  bool safe = false;       // lo <= required_lo and hi >= required_hi (tolerance 1e-6), and not
                           // NarrowerThanOutsideMinimum
  bool exact() const { return hi - lo <= 1e-6; }  // the attacker knows the value
};

struct AuditReport {
  std::vector<CellAudit> cells;  // one per suppressed cell, in cell order
  int lp_solves = 0;             // linear programs solved (two per suppressed cell, fewer with
                                 // AuditScope::safety_only)
  bool safe() const;
  std::vector<int> UnsafeCells() const;  // cell indices, ascending
};

// Which cells an audit looks at, and how hard.
struct AuditScope {
  // Audit only the suppressed cells flagged here (one flag per cell); null: every suppressed cell.
  const std::vector<bool>* cells = nullptr;
  // Judge safety only: every optimum the audit solves is a table the attacker cannot exclude, so
  // the values each cell takes in them are values it cannot exclude either; a cell whose values
  // seen so far already meet its requirement needs no program of its own. Such a cell's lo and hi
  // are then those values (inside its true interval), not the extremes. The verdict is the exact
  // audit's: meeting the requirement on a narrower interval implies meeting it on a wider one.
  bool safety_only = false;
};

// Audits `suppressed` (one flag per cell): for every suppressed cell, minimises and maximises its
// value subject to published cells fixed at their values, suppressed cells >= 0 (whole numbers
// when spec.integer_values: exact integer bounds by branch and bound where the LP vertex is
// fractional), and every additivity constraint; then checks the interval against `levels`.
// Preconditions: ValidateTable(spec) is ok.
// Errors: kInvalidInput when suppressed or levels do not have one entry per cell; kInternal when
// a program is infeasible (the published values contradict the constraints) or GLPK fails.
Result<AuditReport> AuditPattern(const TableSpec& spec, const std::vector<bool>& suppressed,
                                 const std::vector<ProtectionLevel>& levels,
                                 const AuditScope& scope = {});

}  // namespace jbr::sdc
