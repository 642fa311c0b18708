#include "disclosure/audit.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "disclosure/lp.h"

namespace jbr::sdc {

Status ProtectionOptions::Validate() const {
  if (!std::isfinite(protection_percent) || protection_percent < 0) {
    return InvalidInput("protection_percent must be finite and >= 0");
  }
  if (!std::isfinite(min_protection) || min_protection < 0) {
    return InvalidInput("min_protection must be finite and >= 0");
  }
  if (protection_percent == 0 && min_protection == 0) {
    return InvalidInput("protection_percent and min_protection are both 0: nothing is protected");
  }
  return Status::Ok();
}

std::vector<ProtectionLevel> ComputeLevels(const TableSpec& spec,
                                           const std::vector<bool>& sensitive,
                                           const ProtectionOptions& opts) {
  std::vector<ProtectionLevel> levels(spec.cells.size());
  for (size_t i = 0; i < spec.cells.size(); ++i) {
    if (!sensitive[i]) continue;
    const double value = spec.cells[i].value;
    double level = std::max(opts.min_protection, opts.protection_percent / 100.0 * value);
    // Counts: an interval of 2.5 to 3.5 around a 3 is no protection against someone who knows
    // the cell is whole; whole levels make the requirement mean what it says.
    if (IsIntegerCell(spec, i)) level = std::ceil(level - 1e-9);
    levels[i] = ProtectionLevel{std::min(level, value), level};
  }
  return levels;
}

bool FailsFromOutside(double lo, double hi, bool integer, const ProtectionOptions& opts,
                      double small_below) {
  if (std::isinf(hi)) return false;  // nothing bounds it above
  // Known to be 0: there is nobody behind it to single out (domain.md: a count of 0 is safe).
  if (hi <= 1e-6) return false;
  const double tol = 1e-6 * std::max(1.0, std::fabs(hi));
  if (integer ? hi - lo < 1 - 1e-9 : hi - lo <= tol) return true;  // pinned down
  if (!integer || lo >= small_below - 1e-9) return false;
  auto level = [&](double v) {
    const double p = std::max(opts.min_protection, opts.protection_percent / 100.0 * v);
    return integer ? std::ceil(p - 1e-9) : p;
  };
  // v - level(v) and v + level(v) grow with v: the least v whose lower end reaches lo is the one
  // with the most room above.
  double v = lo <= tol ? 0.0
                       : std::max(lo + opts.min_protection,
                                  lo / std::max(1e-9, 1 - opts.protection_percent / 100.0));
  if (integer) {
    v = std::max(0.0, std::ceil(v - 1e-9) - 2);
    while (v > 0 && v - level(v) < lo - 1e-9) ++v;
  }
  return v + level(v) > hi + tol;
}

bool AuditReport::safe() const {
  return std::all_of(cells.begin(), cells.end(), [](const CellAudit& c) { return c.safe; });
}

std::vector<int> AuditReport::UnsafeCells() const {
  std::vector<int> out;
  for (const CellAudit& c : cells) {
    if (!c.safe) out.push_back(c.cell);
  }
  return out;
}

namespace {

constexpr int kMaxBranchAndBoundCells = 400;

// The attacker's program: one column per cell, one row per additivity constraint.
void BuildAttacker(const TableSpec& spec, const std::vector<bool>& suppressed, LinearProgram& lp) {
  for (size_t k = 0; k < spec.constraints.size(); ++k) {
    const Additivity& a = spec.constraints[k];
    std::vector<int> cols{a.total};
    std::vector<double> coefs{1.0};
    for (int p : a.parts) {
      cols.push_back(p);
      coefs.push_back(-1.0);
    }
    lp.SetRow(static_cast<int>(k), cols, coefs);
  }
  for (size_t i = 0; i < spec.cells.size(); ++i) {
    const int col = static_cast<int>(i);
    const double v = spec.cells[i].value;
    const bool unknown = suppressed[i] || spec.cells[i].auxiliary;
    lp.SetBounds(col, unknown ? 0.0 : v, unknown ? kInfinity : v);
    lp.SetInteger(col, IsIntegerCell(spec, i));
  }
}

// A sum of fte-days or euros that holds to the last bits only (4280146.0666668564 against the
// parts' 4280146.0666666776) is exact for everyone but GLPK, whose rows hold to about 1e-7
// absolute. Where the program is infeasible, each row of such cells gets the room of its
// floating-point noise (1e-9 of its size, far inside FailsFromOutside's 1e-6 relative tolerance);
// true when that was needed.
Result<bool> AllowNoise(const TableSpec& spec, LinearProgram& lp) {
  JBR_ASSIGN_OR_RETURN(LinearProgram::Solution s, lp.Solve(/*maximize=*/false));
  if (s.outcome != LinearProgram::Outcome::kInfeasible) return false;
  for (size_t k = 0; k < spec.constraints.size(); ++k) {
    const Additivity& a = spec.constraints[k];
    bool whole = IsIntegerCell(spec, static_cast<size_t>(a.total));
    double size = std::fabs(spec.cells[a.total].value);
    for (int p : a.parts) {
      whole = whole && IsIntegerCell(spec, static_cast<size_t>(p));
      size += std::fabs(spec.cells[p].value);
    }
    if (!whole) lp.SetRowSlack(static_cast<int>(k), 1e-9 * size);
  }
  return true;
}

// `any_integer`: some columns are whole numbers (branch and bound where the vertex is not);
// `integer`: this one is, so its bound is reported as a whole number.
Result<double> Bound(LinearProgram& lp, int col, bool maximize, bool any_integer, bool integer) {
  lp.SetCost(col, 1.0);
  Result<LinearProgram::Solution> s = lp.Solve(maximize, any_integer);
  lp.SetCost(col, 0.0);
  if (!s.ok()) return s.status();
  switch (s->outcome) {
    case LinearProgram::Outcome::kOptimal:
      // Whole numbers: the integer optimum up to floating-point noise, or the LP bound where
      // branch and bound was not run; rounded inwards either way.
      if (!integer) return s->objective;
      return maximize ? std::floor(s->objective + 1e-6) : std::ceil(s->objective - 1e-6);
    case LinearProgram::Outcome::kUnbounded:
      return maximize ? kInfinity : 0.0;
    case LinearProgram::Outcome::kInfeasible:
      break;
  }
  return InternalError("audit program infeasible for cell " + std::to_string(col) +
                       ": published values contradict the additivity constraints");
}

bool MeetsRequirement(const CellAudit& a, bool integer) {
  const double tol = 1e-6 * std::max(1.0, a.value);
  return a.lo <= a.required_lo + tol && a.hi >= a.required_hi - tol &&
         !FailsFromOutside(a.lo, a.hi, integer, ProtectionOptions{});
}

// The values each cell took in the optimal tables solved so far (AuditScope::safety_only).
class Seen {
 public:
  Seen(const TableSpec& spec, bool round_whole) : spec_(spec), round_whole_(round_whole) {
    for (const TableCell& c : spec.cells) {
      lo_.push_back(c.value);
      hi_.push_back(c.value);
    }
  }
  void Add(const std::vector<double>& x) {
    for (size_t j = 0; j < x.size() && j < lo_.size(); ++j) {
      double v = x[j];
      // The LP's bounds of a whole number are rounded inwards (Bound): a fractional vertex value
      // rounded the same way stays inside them.
      if (round_whole_ && IsIntegerCell(spec_, j)) {
        if (v < lo_[j]) v = std::ceil(v - 1e-6);
        if (v > hi_[j]) v = std::floor(v + 1e-6);
      }
      lo_[j] = std::min(lo_[j], v);
      hi_[j] = std::max(hi_[j], v);
    }
  }
  void Unbounded(size_t j) { hi_[j] = kInfinity; }
  double lo(size_t j) const { return lo_[j]; }
  double hi(size_t j) const { return hi_[j]; }

 private:
  const TableSpec& spec_;
  bool round_whole_;
  std::vector<double> lo_, hi_;
};

}  // namespace

Result<AuditReport> AuditPattern(const TableSpec& spec, const std::vector<bool>& suppressed,
                                 const std::vector<ProtectionLevel>& levels,
                                 const AuditScope& scope) {
  const size_t n = spec.cells.size();
  if (suppressed.size() != n || levels.size() != n ||
      (scope.cells != nullptr && scope.cells->size() != n)) {
    return InvalidInput("audit needs one suppression flag and one protection level per cell");
  }
  LinearProgram lp(static_cast<int>(spec.constraints.size()), static_cast<int>(n));
  BuildAttacker(spec, suppressed, lp);
  JBR_RETURN_IF_ERROR(AllowNoise(spec, lp).status());
  // Exact integer bounds by branch and bound in tables of up to kMaxBranchAndBoundCells whole
  // numbers; larger ones take the LP bounds rounded inwards (hierarchical tables of totals have
  // integral vertices, so there the two agree).
  int integer_cells = 0;
  for (size_t i = 0; i < n; ++i) integer_cells += IsIntegerCell(spec, i) ? 1 : 0;
  const bool any_integer = integer_cells > 0 && integer_cells <= kMaxBranchAndBoundCells;
  Seen seen(spec, !any_integer);
  auto solve = [&](int col, bool maximize, bool integer) -> Result<double> {
    JBR_ASSIGN_OR_RETURN(double bound, Bound(lp, col, maximize, any_integer, integer));
    if (scope.safety_only) {
      if (std::isinf(bound)) seen.Unbounded(static_cast<size_t>(col));
      seen.Add(lp.LastSolution());
    }
    return bound;
  };
  AuditReport report;
  for (size_t i = 0; i < n; ++i) {
    if (!suppressed[i] || spec.cells[i].auxiliary) continue;
    if (scope.cells != nullptr && !(*scope.cells)[i]) continue;
    const int col = static_cast<int>(i);
    CellAudit a;
    a.cell = col;
    a.value = spec.cells[i].value;
    a.required_lo = a.value - levels[i].lower;
    a.required_hi = a.value + levels[i].upper;
    const bool integer = IsIntegerCell(spec, i);
    auto met = [&](double lo, double hi) {
      CellAudit t = a;
      t.lo = lo;
      t.hi = hi;
      return MeetsRequirement(t, integer);
    };
    if (scope.safety_only && met(seen.lo(i), seen.hi(i))) {
      a.lo = seen.lo(i);
      a.hi = seen.hi(i);
    } else {
      JBR_ASSIGN_OR_RETURN(a.lo, solve(col, false, integer));
      ++report.lp_solves;
      if (scope.safety_only && met(a.lo, seen.hi(i))) {
        a.hi = seen.hi(i);
      } else {
        JBR_ASSIGN_OR_RETURN(a.hi, solve(col, true, integer));
        ++report.lp_solves;
      }
    }
    a.safe = met(a.lo, a.hi);
    report.cells.push_back(a);
  }
  return report;
}

}  // namespace jbr::sdc
