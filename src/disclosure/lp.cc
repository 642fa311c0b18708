#include "disclosure/lp.h"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace jbr::sdc {

void ReleaseThreadEnvironment() { glp_free_env(); }

LinearProgram::LinearProgram(int rows, int cols) : lp_(glp_create_prob()), cols_(cols) {
  if (rows > 0) glp_add_rows(lp_, rows);
  if (cols > 0) glp_add_cols(lp_, cols);
  for (int i = 1; i <= rows; ++i) glp_set_row_bnds(lp_, i, GLP_FX, 0.0, 0.0);
  for (int j = 1; j <= cols; ++j) glp_set_col_bnds(lp_, j, GLP_LO, 0.0, 0.0);
}

LinearProgram::~LinearProgram() { glp_delete_prob(lp_); }

void LinearProgram::SetRow(int row, const std::vector<int>& cols,
                           const std::vector<double>& coefs) {
  // GLPK arrays are 1-based: element 0 is ignored.
  std::vector<int> ind(cols.size() + 1, 0);
  std::vector<double> val(coefs.size() + 1, 0.0);
  for (size_t k = 0; k < cols.size(); ++k) {
    ind[k + 1] = cols[k] + 1;
    val[k + 1] = coefs[k];
  }
  glp_set_mat_row(lp_, row + 1, static_cast<int>(cols.size()), ind.data(), val.data());
}

void LinearProgram::SetRowSlack(int row, double slack) {
  if (slack > 0) {
    glp_set_row_bnds(lp_, row + 1, GLP_DB, -slack, slack);
  } else {
    glp_set_row_bnds(lp_, row + 1, GLP_FX, 0.0, 0.0);
  }
}

void LinearProgram::SetBounds(int col, double lo, double hi) {
  int type = GLP_DB;
  if (hi == kInfinity) {
    type = GLP_LO;
  } else if (lo == hi) {
    type = GLP_FX;
  }
  glp_set_col_bnds(lp_, col + 1, type, lo, type == GLP_LO ? 0.0 : hi);
}

void LinearProgram::SetCost(int col, double cost) { glp_set_obj_coef(lp_, col + 1, cost); }

void LinearProgram::SetInteger(int col, bool integer) {
  glp_set_col_kind(lp_, col + 1, integer ? GLP_IV : GLP_CV);
}

double LinearProgram::Value(int col) const { return glp_get_col_prim(lp_, col + 1); }

std::vector<double> LinearProgram::LastSolution() const {
  std::vector<double> out;
  if (last_ == Last::kNone) return out;
  out.resize(static_cast<size_t>(cols_));
  for (int j = 1; j <= cols_; ++j) {
    out[j - 1] = last_ == Last::kMip ? glp_mip_col_val(lp_, j) : glp_get_col_prim(lp_, j);
  }
  return out;
}

bool LinearProgram::LpSolutionIsIntegral() const {
  for (int j = 1; j <= cols_; ++j) {
    if (glp_get_col_kind(lp_, j) != GLP_IV) continue;
    const double x = glp_get_col_prim(lp_, j);
    if (std::fabs(x - std::round(x)) > 1e-7 * std::max(1.0, std::fabs(x))) return false;
  }
  return true;
}

namespace {

// Stops branch and bound once it has chosen kIntegerNodeLimit subproblems: a count of work, not a
// clock, so that a loaded machine gives the same bounds (and the same suppression pattern) as an
// idle one.
void CountNodes(glp_tree* tree, void* info) {
  int* left = static_cast<int*>(info);
  if (glp_ios_reason(tree) == GLP_ISELECT && --*left < 0) glp_ios_terminate(tree);
}

}  // namespace

Result<LinearProgram::Solution> LinearProgram::SolveInteger() {
  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  int nodes_left = kIntegerNodeLimit;
  parm.cb_func = CountNodes;
  parm.cb_info = &nodes_left;
  const double relaxation = glp_get_obj_val(lp_);
  // The LP relaxation was just solved to optimality, which glp_intopt requires without presolve.
  const int rc = glp_intopt(lp_, &parm);
  // Out of nodes: the relaxation's optimum still bounds the integer one (the caller rounds it
  // inwards), only less tightly.
  if (rc == GLP_ESTOP) return Solution{Outcome::kOptimal, relaxation};
  if (rc != 0) return InternalError("glp_intopt failed with code " + std::to_string(rc));
  switch (glp_mip_status(lp_)) {
    case GLP_OPT:
      last_ = Last::kMip;
      return Solution{Outcome::kOptimal, glp_mip_obj_val(lp_)};
    case GLP_NOFEAS:
      return Solution{Outcome::kInfeasible, 0};
    default:
      return InternalError("glp_intopt ended without an optimum");
  }
}

Result<LinearProgram::Solution> LinearProgram::Solve(bool maximize, bool integer) {
  glp_set_obj_dir(lp_, maximize ? GLP_MAX : GLP_MIN);
  last_ = Last::kNone;
  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  int rc = glp_simplex(lp_, &parm);
  if (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND) {
    // The warm-start basis went bad after bound changes; start again from a fresh basis.
    glp_adv_basis(lp_, 0);
    rc = glp_simplex(lp_, &parm);
  }
  if (rc != 0) return InternalError("glp_simplex failed with code " + std::to_string(rc));
  switch (glp_get_status(lp_)) {
    case GLP_OPT:
      if (integer && !LpSolutionIsIntegral()) return SolveInteger();
      last_ = Last::kLp;
      return Solution{Outcome::kOptimal, glp_get_obj_val(lp_)};
    case GLP_UNBND:
      return Solution{Outcome::kUnbounded, 0};
    case GLP_NOFEAS:
      return Solution{Outcome::kInfeasible, 0};
    default:
      break;
  }
  // Without presolve the simplex ends in one of the three above; anything else is a GLPK surprise.
  return InternalError("glp_simplex ended with status " + std::to_string(glp_get_status(lp_)));
}

}  // namespace jbr::sdc
