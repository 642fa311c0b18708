// A small RAII wrapper over one GLPK linear program, for the audit and secondary suppression.
//
// Every row is an equality "sum of coef * x = 0" (additivity constraints, and differences of
// them), so rows carry no right-hand side. Columns have bounds and an objective coefficient.
// One instance is built per table and re-solved many times with changed bounds and objective:
// GLPK then starts from the previous basis, which is what keeps the audit fast.
// Not copyable; not shared between threads.
#pragma once

#include <limits>
#include <vector>

#include "common/result.h"

struct glp_prob;  // <glpk.h> stays out of the headers

namespace jbr::sdc {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Branch and bound for one integer bound stops after this many subproblems and returns the LP
// relaxation's bound instead (still a bound, rounded inwards by the caller).
inline constexpr int kIntegerNodeLimit = 200;

// Frees the calling thread's GLPK environment: GLPK keeps one per thread, and a thread that ends
// without this leaks it. Call it in a long-lived thread after its work (no LinearProgram of that
// thread alive); the next program of the thread makes a new one.
void ReleaseThreadEnvironment();

class LinearProgram {
 public:
  enum class Outcome { kOptimal, kUnbounded, kInfeasible };
  struct Solution {
    Outcome outcome = Outcome::kInfeasible;
    double objective = 0;  // meaningful when kOptimal
  };

  // Columns start at [0, +inf) with objective 0; rows start empty.
  LinearProgram(int rows, int cols);
  ~LinearProgram();
  LinearProgram(const LinearProgram&) = delete;
  LinearProgram& operator=(const LinearProgram&) = delete;

  // Sets row `row` to sum(coefs[k] * x[cols[k]]) = 0. Preconditions: equal sizes, distinct
  // columns, indices in range.
  void SetRow(int row, const std::vector<int>& cols, const std::vector<double>& coefs);
  // Lets row `row` be anything in [-slack, slack] instead of exactly 0 (slack >= 0; 0: exact).
  void SetRowSlack(int row, double slack);
  // lo must be finite; hi == kInfinity leaves the column unbounded above; lo == hi fixes it.
  void SetBounds(int col, double lo, double hi);
  void SetCost(int col, double cost);
  // Marks a column integer; used only by Solve(..., integer = true).
  void SetInteger(int col, bool integer);

  // Minimises (or maximises) the objective with the primal simplex, messages off. With
  // `integer`, an optimum whose columns are not all whole numbers is re-solved by branch and
  // bound (glp_intopt) over the integer columns, giving the exact integer optimum.
  // Errors (kInternal): GLPK fails (singular basis it cannot recover from, iteration limit).
  Result<Solution> Solve(bool maximize, bool integer = false);

  // The column's value in the last LP (not MIP) solution.
  double Value(int col) const;
  // Every column's value in the last optimal solution: the MIP's where branch and bound found
  // the optimum, else the LP's. Empty when the last solve ended without one (unbounded,
  // infeasible, or branch and bound out of time).
  std::vector<double> LastSolution() const;
  int cols() const { return cols_; }

 private:
  bool LpSolutionIsIntegral() const;
  Result<Solution> SolveInteger();

  enum class Last { kNone, kLp, kMip };
  glp_prob* lp_;
  int cols_;
  Last last_ = Last::kNone;
};

}  // namespace jbr::sdc
