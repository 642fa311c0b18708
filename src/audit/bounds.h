// Step 3 of the intruder's audit (intruder.h): every audited quantity minimised and maximised
// over the equations of the accepted families together, one GLPK program per connected
// component. Internal to the audit.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "audit/model.h"
#include "audit/relations.h"

namespace jbr::audit::internal {

struct Interval {
  double lo = 0;
  double hi = 0;
};

struct SolveStats {
  int instances = 0;   // instances of active families and definitional relations
  int equations = 0;   // of those, with an unknown
  int components = 0;  // components with an audited quantity, solved
  int lp_solves = 0;
  std::vector<int> dropped;             // families dropped for making a program infeasible
  std::vector<std::string> notes;       // what could not be solved, and why
  std::map<int, std::string> unsolved;  // audited var -> why its component could not be solved
};

// Bounds of every audited variable that appears in an equation (the others are [0, +inf)).
// `active` (one flag per family) is cleared for dropped families. Errors: kInternal when GLPK
// fails.
Result<std::map<int, Interval>> BoundAudited(const Model& model,
                                             const std::vector<Family>& families,
                                             const IntruderOptions& options,
                                             std::vector<bool>* active, SolveStats* stats);

}  // namespace jbr::audit::internal
