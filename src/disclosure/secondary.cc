#include "disclosure/secondary.h"

#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "disclosure/lp.h"

namespace jbr::sdc {

namespace {

// The protection program: for each cell j a column up_j (index j) and down_j (index n + j), the
// change y_j = up_j - down_j. Rows: every additivity constraint holds for y. Bounds keep every
// cell >= 0 (down_j <= value_j); zero cells that are published may not change at all.
class ProtectionLp {
 public:
  explicit ProtectionLp(const TableSpec& spec)
      : spec_(spec),
        n_(static_cast<int>(spec.cells.size())),
        lp_(static_cast<int>(spec.constraints.size()), 2 * n_),
        suppressed_(spec.cells.size(), false) {
    for (size_t k = 0; k < spec.constraints.size(); ++k) SetConstraintRow(static_cast<int>(k));
    for (int j = 0; j < n_; ++j) {
      if (spec.cells[j].auxiliary) {
        MarkSuppressed(j);  // not a figure: free, and never in a support
      } else if (spec.cells[j].constant) {
        lp_.SetBounds(Up(j), 0.0, 0.0);  // known to everyone: cannot move
        lp_.SetBounds(Down(j), 0.0, 0.0);
      } else {
        SetPublished(j);
      }
    }
  }

  // From now on `cell` may change for free.
  void MarkSuppressed(int cell) {
    suppressed_[cell] = true;
    SetChangeable(cell, 0.0);
  }

  int solves() const { return solves_; }

  // Lets published zeros move up (at the cost of a cell of value 0), or fixes them again. Only a
  // cell pinned by zeros needs them: a sensitive 0 among zeros, or a hidden cell whose every
  // partner is 0.
  void AllowZeros(bool allow) {
    for (int j = 0; j < n_; ++j) {
      if (suppressed_[j] || spec_.cells[j].constant || spec_.cells[j].value > 0) continue;
      lp_.SetBounds(Up(j), 0.0, allow ? kInfinity : 0.0);
      lp_.SetCost(Up(j), allow ? 1.0 : 0.0);
    }
  }

  // The published cells that the cheapest table change moving `cell` (suppressed) by `amount`
  // (up when `upward`, down otherwise) touches; nullopt when no such change exists.
  Result<std::optional<std::vector<int>>> Support(int cell, bool upward, double amount) {
    lp_.SetBounds(Up(cell), upward ? amount : 0.0, upward ? amount : 0.0);
    lp_.SetBounds(Down(cell), upward ? 0.0 : amount, upward ? 0.0 : amount);
    Result<LinearProgram::Solution> s = lp_.Solve(/*maximize=*/false);
    ++solves_;
    SetChangeable(cell, 0.0);
    if (!s.ok()) return s.status();
    if (s->outcome == LinearProgram::Outcome::kInfeasible) {
      return std::optional<std::vector<int>>();
    }
    if (s->outcome != LinearProgram::Outcome::kOptimal) {
      return InternalError("protection program unbounded with non-negative costs");
    }
    std::vector<int> touched;
    const double eps = 1e-7 * std::max(1.0, amount);
    for (int j = 0; j < n_; ++j) {
      if (!suppressed_[j] && lp_.Value(Up(j)) + lp_.Value(Down(j)) > eps) touched.push_back(j);
    }
    return std::optional<std::vector<int>>(std::move(touched));
  }

 private:
  int Up(int j) const { return j; }
  int Down(int j) const { return n_ + j; }

  void SetConstraintRow(int k) {
    const Additivity& a = spec_.constraints[k];
    std::vector<int> cols{Up(a.total), Down(a.total)};
    std::vector<double> coefs{1.0, -1.0};
    for (int p : a.parts) {
      cols.insert(cols.end(), {Up(p), Down(p)});
      coefs.insert(coefs.end(), {-1.0, 1.0});
    }
    lp_.SetRow(k, cols, coefs);
  }

  void SetChangeable(int j, double cost) {
    lp_.SetBounds(Up(j), 0.0, kInfinity);
    lp_.SetBounds(Down(j), 0.0, spec_.cells[j].value);
    lp_.SetCost(Up(j), cost);
    lp_.SetCost(Down(j), cost);
  }

  // Published: changing costs value + 1 per unit; a published zero is not used at all.
  void SetPublished(int j) {
    const double v = spec_.cells[j].value;
    if (v > 0) {
      SetChangeable(j, v + 1.0);
      return;
    }
    lp_.SetBounds(Up(j), 0.0, 0.0);
    lp_.SetBounds(Down(j), 0.0, 0.0);
  }

  const TableSpec& spec_;
  int n_;
  LinearProgram lp_;
  std::vector<bool> suppressed_;
  int solves_ = 0;
};

void Suppress(int cell, ProtectionLp& plp, std::vector<bool>& suppressed) {
  suppressed[cell] = true;
  plp.MarkSuppressed(cell);
}

// The heuristic's proposal: protect each sensitive cell up, then down. Up first, because moving a
// cell up forces another cell down, and such a pair then also protects the first cell downwards.
Status Propose(const std::vector<ProtectionLevel>& levels, ProtectionLp& plp,
               std::vector<bool>& suppressed) {
  for (size_t i = 0; i < levels.size(); ++i) {
    const int cell = static_cast<int>(i);
    if (!suppressed[i]) continue;  // only suppressed cells are protected (and free to move)
    for (bool upward : {true, false}) {
      const double amount = upward ? levels[i].upper : levels[i].lower;
      if (amount <= 0) continue;
      JBR_ASSIGN_OR_RETURN(std::optional<std::vector<int>> touched,
                           plp.Support(cell, upward, amount));
      // No table change moves the cell: leave it to the audit and its fallbacks.
      if (!touched) continue;
      for (int j : *touched) Suppress(j, plp, suppressed);
    }
  }
  return Status::Ok();
}

// For each cell the audit found unsafe, the cheapest table change that moves it by what it lacks
// (its levels, and at least the room FailsFromOutside asks of a hidden count: 2 below the
// threshold, else 1), up or else down, through published zeros only where nothing else can; the
// published cells that change are suppressed. Cells that no change moves, or that move already in
// the LP but not in the audit (whole numbers), are returned for the neighbour search.
Result<std::vector<int>> AddSupports(const TableSpec& spec, const std::vector<int>& unsafe,
                                     const std::vector<ProtectionLevel>& levels, ProtectionLp& plp,
                                     std::vector<bool>& suppressed, int* added) {
  std::vector<int> stuck;
  for (int cell : unsafe) {
    const double value = spec.cells[cell].value;
    const double room = IsIntegerCell(spec, cell) && value < 10 ? 2.0 : 1.0;
    std::optional<std::vector<int>> touched;
    for (bool zeros : {false, true}) {
      if (zeros) plp.AllowZeros(true);
      for (bool upward : {true, false}) {
        const double amount = std::max(upward ? levels[cell].upper : levels[cell].lower, room);
        if (!upward && amount > value) continue;
        JBR_ASSIGN_OR_RETURN(touched, plp.Support(cell, upward, amount));
        if (touched && !touched->empty()) break;
      }
      if (zeros) plp.AllowZeros(false);
      if (touched) break;
    }
    if (!touched || touched->empty()) {
      stuck.push_back(cell);
      continue;
    }
    for (int j : *touched) {
      if (suppressed[j]) continue;
      Suppress(j, plp, suppressed);
      ++*added;
    }
  }
  return stuck;
}

// For each unsafe cell, the cheapest published non-zero cell sharing a constraint with it; where
// every cell of its constraints is hidden already, the search goes on through the constraints of
// those hidden cells (a hidden zero pinned by its total, whose total is pinned by the Rijk),
// nearest first.
int AddNeighbours(const TableSpec& spec, const std::vector<int>& unsafe, ProtectionLp& plp,
                  std::vector<bool>& suppressed) {
  std::vector<std::vector<int>> constraints_of(spec.cells.size());
  for (size_t k = 0; k < spec.constraints.size(); ++k) {
    constraints_of[spec.constraints[k].total].push_back(static_cast<int>(k));
    for (int p : spec.constraints[k].parts) constraints_of[p].push_back(static_cast<int>(k));
  }
  int added = 0;
  for (int cell : unsafe) {
    std::vector<bool> seen(spec.cells.size(), false);
    std::vector<int> frontier{cell};
    seen[cell] = true;
    int best = -1;
    while (!frontier.empty() && best < 0) {
      std::vector<int> next;
      for (int at : frontier) {
        for (int k : constraints_of[at]) {
          const Additivity& a = spec.constraints[k];
          std::vector<int> members = a.parts;
          members.push_back(a.total);
          for (int j : members) {
            if (seen[j]) continue;
            seen[j] = true;
            const double v = spec.cells[j].value;
            if (suppressed[j]) {
              if (!spec.cells[j].constant) next.push_back(j);
              continue;
            }
            if (v <= 0 || spec.cells[j].constant) continue;
            if (best < 0 || v < spec.cells[best].value ||
                (v == spec.cells[best].value && j < best)) {
              best = j;
            }
          }
        }
      }
      frontier = std::move(next);
    }
    if (best >= 0 && !suppressed[best]) {
      Suppress(best, plp, suppressed);
      ++added;
    }
  }
  return added;
}

// For each unsafe cell, the published zeros sharing a constraint with it: a sensitive zero (0 of 6
// on a temporary contract) can only move up with other zeros, and hiding those few is far less
// than hiding every non-zero cell of the table.
int AddZeroNeighbours(const TableSpec& spec, const std::vector<int>& unsafe, ProtectionLp& plp,
                      std::vector<bool>& suppressed) {
  int added = 0;
  for (int cell : unsafe) {
    for (const Additivity& a : spec.constraints) {
      std::vector<int> members = a.parts;
      members.push_back(a.total);
      if (std::find(members.begin(), members.end(), cell) == members.end()) continue;
      for (int j : members) {
        if (suppressed[j] || spec.cells[j].value > 0 || spec.cells[j].constant) continue;
        Suppress(j, plp, suppressed);
        ++added;
      }
    }
  }
  return added;
}

// Suppresses every cell whose value exceeds `above` (-1: every cell).
int AddAll(const TableSpec& spec, double above, ProtectionLp& plp, std::vector<bool>& suppressed) {
  int added = 0;
  for (size_t j = 0; j < spec.cells.size(); ++j) {
    if (suppressed[j] || spec.cells[j].value <= above || spec.cells[j].constant) continue;
    Suppress(static_cast<int>(j), plp, suppressed);
    ++added;
  }
  return added;
}

}  // namespace

Result<SecondaryOutcome> SuppressSecondary(const TableSpec& spec, const std::vector<bool>& primary,
                                           const std::vector<ProtectionLevel>& levels,
                                           const SecondaryOptions& options) {
  if (primary.size() != spec.cells.size() || levels.size() != spec.cells.size()) {
    return InvalidInput("secondary suppression needs one flag and one level per cell");
  }
  SecondaryOutcome out;
  out.suppressed = primary;
  ProtectionLp plp(spec);
  for (size_t i = 0; i < primary.size(); ++i) {
    if (primary[i]) plp.MarkSuppressed(static_cast<int>(i));
  }
  JBR_RETURN_IF_ERROR(Propose(levels, plp, out.suppressed));
  // Each round audits the cells that were unsafe or newly hidden (hiding more never narrows an
  // interval, so a cell found safe stays safe); a round that finds none unsafe is confirmed by an
  // audit of every hidden cell. Each round adds at least one cell, so this ends after at most as
  // many rounds as cells.
  std::vector<bool> todo = out.suppressed;
  bool whole = true;  // todo holds every suppressed cell
  ++out.audit_rounds;
  while (true) {
    JBR_ASSIGN_OR_RETURN(AuditReport round,
                         AuditPattern(spec, out.suppressed, levels, AuditScope{&todo, true}));
    out.lp_solves += round.lp_solves;
    const std::vector<int> unsafe = round.UnsafeCells();
    if (unsafe.empty()) {
      if (whole) {
        out.audit = std::move(round);
        break;
      }
      todo = out.suppressed;
      whole = true;
      continue;
    }
    const std::vector<bool> before = out.suppressed;
    int added = 0;
    JBR_ASSIGN_OR_RETURN(std::vector<int> stuck,
                         AddSupports(spec, unsafe, levels, plp, out.suppressed, &added));
    added += AddNeighbours(spec, stuck, plp, out.suppressed);
    if (added == 0) added += AddZeroNeighbours(spec, unsafe, plp, out.suppressed);
    if (added == 0) added += AddAll(spec, 0.0, plp, out.suppressed);
    // Only a sensitive zero among zeros gets here: it can be hidden upwards only with zeros.
    if (added == 0) added += AddAll(spec, -1.0, plp, out.suppressed);
    if (added == 0) {
      const CellAudit* a = nullptr;
      for (const CellAudit& c : round.cells) {
        if (c.cell == unsafe.front()) a = &c;
      }
      return InternalError(fmt::format(
          "audit fails with every cell suppressed (cell {} {}: [{}, {}], needs [{}, {}])",
          unsafe.front(), spec.cells[unsafe.front()].label, a ? a->lo : 0, a ? a->hi : 0,
          a ? a->required_lo : 0, a ? a->required_hi : 0));
    }
    ++out.audit_rounds;
    todo.assign(spec.cells.size(), false);
    for (int c : unsafe) todo[c] = true;
    for (size_t j = 0; j < todo.size(); ++j) {
      if (out.suppressed[j] && !before[j]) todo[j] = true;
    }
    whole = false;
  }
  if (options.exact_intervals) {
    JBR_ASSIGN_OR_RETURN(out.audit, AuditPattern(spec, out.suppressed, levels));
    out.lp_solves += out.audit.lp_solves;
  }
  out.lp_solves += plp.solves();
  return out;
}

}  // namespace jbr::sdc
