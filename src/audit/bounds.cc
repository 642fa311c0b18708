#include "audit/bounds.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>

#include <fmt/format.h>

#include "audit/intruder.h"
#include "disclosure/lp.h"

namespace jbr::audit::internal {
namespace {

// An equation with the known quantities folded into a constant: sum coef * x + constant = 0.
struct Row {
  std::vector<std::pair<int, double>> terms;  // unknown var, coefficient; distinct vars
  double constant = 0;
  int family = -1;  // -1: a definitional relation
};

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  int Root(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(int a, int b) { parent_[Root(a)] = Root(b); }

 private:
  std::vector<int> parent_;
};

bool Reduce(const Model& m, const Equation& eq, int family, Row* row) {
  std::map<int, double> terms;
  row->constant = 0;
  row->family = family;
  for (const Term& t : eq) {
    const Var& v = m.vars[t.var];
    if (v.known) {
      row->constant += t.coef * v.value;
    } else {
      terms[t.var] += t.coef;
    }
  }
  row->terms.clear();
  for (const auto& [var, coef] : terms) {
    if (coef != 0) row->terms.emplace_back(var, coef);
  }
  return !row->terms.empty();
}

// One component's program: a column per unknown, and a last column fixed at 1 that carries the
// constants (lp.h's rows have no right-hand side).
struct Program {
  std::unique_ptr<sdc::LinearProgram> lp;
  std::map<int, int> col;     // var -> column
  std::vector<double> scale;  // per column: the var is scale * the column
  bool integer = false;       // exact integer bounds by branch and bound
};

// Each unknown is solved for in units of the largest published value of its series
// (x = scale * y), so that a sum of millions of days and a count of tens meet GLPK's tolerances
// alike; in a program solved by branch and bound, whole-number unknowns keep their own unit.
std::vector<double> ColumnScales(const Model& m) {
  std::map<SeriesId, double> largest;
  for (const Var& v : m.vars) {
    if (!v.known) continue;
    double& l = largest[{v.key.indicator, v.key.category, v.quantity}];
    l = std::max(l, std::fabs(v.value));
  }
  std::vector<double> scale(m.vars.size(), 1.0);
  for (size_t i = 0; i < m.vars.size(); ++i) {
    const Var& v = m.vars[i];
    if (v.known) continue;
    auto it = largest.find({v.key.indicator, v.key.category, v.quantity});
    if (it != largest.end()) scale[i] = std::max(1.0, it->second);
  }
  return scale;
}

// With `integer`, whole-number unknowns are marked integer (for branch and bound) and keep their
// unit; without, every unknown is continuous and scaled.
Program Build(const Model& m, const std::vector<const Row*>& rows, bool integer,
              const std::vector<double>& col_scale) {
  Program p;
  for (const Row* r : rows) {
    for (const auto& t : r->terms) p.col.emplace(t.first, 0);
  }
  int n = 0;
  for (auto& [var, c] : p.col) c = n++;
  p.integer = integer;
  p.scale.assign(n, 1.0);
  for (const auto& [var, c] : p.col) {
    if (!(p.integer && m.vars[var].integer)) p.scale[c] = col_scale[var];
  }
  p.lp = std::make_unique<sdc::LinearProgram>(static_cast<int>(rows.size()), n + 1);
  for (size_t i = 0; i < rows.size(); ++i) {
    std::vector<int> cols;
    std::vector<double> coefs;
    // Rows scaled to a largest coefficient of 1: a count beside a sum of euros in one program
    // otherwise strains GLPK's tolerances. The solutions are the same.
    double scale = 0;
    for (const auto& [var, coef] : rows[i]->terms) {
      scale = std::max(scale, std::fabs(coef * p.scale[p.col[var]]));
    }
    for (const auto& [var, coef] : rows[i]->terms) {
      cols.push_back(p.col[var]);
      coefs.push_back(coef * p.scale[p.col[var]] / scale);
    }
    if (rows[i]->constant != 0) {
      cols.push_back(n);
      coefs.push_back(rows[i]->constant / scale);
    }
    p.lp->SetRow(static_cast<int>(i), cols, coefs);
  }
  for (const auto& [var, c] : p.col) p.lp->SetInteger(c, p.integer && m.vars[var].integer);
  p.lp->SetBounds(n, 1.0, 1.0);
  return p;
}

Result<bool> Feasible(Program& p, SolveStats* stats) {
  ++stats->lp_solves;
  JBR_ASSIGN_OR_RETURN(auto s, p.lp->Solve(false, false));
  return s.outcome != sdc::LinearProgram::Outcome::kInfeasible;
}

// The family to drop from an infeasible component: the first (the least confirmed; among equals
// ratios, identities, releases, then hierarchies) whose removal makes the rest feasible, else the
// first. -1 when only definitional relations are
// left.
Result<int> Culprit(const Model& m, const std::vector<Family>& families,
                    const std::vector<const Row*>& rows, const std::vector<double>& col_scale,
                    SolveStats* stats) {
  std::vector<int> fams;
  for (const Row* r : rows) {
    if (r->family >= 0) fams.push_back(r->family);
  }
  std::sort(fams.begin(), fams.end());
  fams.erase(std::unique(fams.begin(), fams.end()), fams.end());
  if (fams.empty()) return -1;
  // The family with the least evidence goes first; among equals, equal values that held by
  // chance are likelier to be wrong than a hierarchy.
  auto rank = [&](int f) {
    const std::string& k = families[f].report.kind;
    const int kind = k == "ratio"                                          ? 0
                     : (k == "identity" || k == "cross" || k == "rolling") ? 1
                     : k == "releases"                                     ? 2
                                                                           : 3;
    return std::make_pair(families[f].report.confirmed, kind);
  };
  std::stable_sort(fams.begin(), fams.end(), [&](int a, int b) { return rank(a) < rank(b); });
  for (int f : fams) {
    std::vector<const Row*> rest;
    for (const Row* r : rows) {
      if (r->family != f) rest.push_back(r);
    }
    Program p = Build(m, rest, false, col_scale);
    JBR_ASSIGN_OR_RETURN(bool ok, Feasible(p, stats));
    if (ok) return f;
  }
  return fams.front();
}

Result<double> Bound(Program& p, int col, bool integer, bool maximize, SolveStats* stats) {
  using Outcome = sdc::LinearProgram::Outcome;
  p.lp->SetCost(col, 1.0);
  ++stats->lp_solves;
  auto s = p.lp->Solve(maximize, p.integer && integer);
  p.lp->SetCost(col, 0.0);
  if (!s.ok()) return s.status();
  if (s->outcome == Outcome::kUnbounded) return maximize ? sdc::kInfinity : 0.0;
  if (s->outcome == Outcome::kInfeasible) {
    return InternalError("audit program infeasible after a feasible start");
  }
  double v = s->objective * p.scale[col];
  if (integer) v = maximize ? std::floor(v + 1e-6) : std::ceil(v - 1e-6);
  return v;
}

// The equations of the active families and the definitional ones, known quantities folded in;
// those without an unknown are left out.
std::vector<Row> CollectRows(const Model& m, const std::vector<Family>& families,
                             const std::vector<bool>& active, SolveStats* s) {
  std::vector<Row> rows;
  Row row;
  auto add = [&](const Equation& eq, int family) {
    ++s->instances;
    if (Reduce(m, eq, family, &row)) rows.push_back(row);
  };
  for (size_t f = 0; f < families.size(); ++f) {
    if (!active[f]) continue;
    for (const Equation& eq : families[f].instances) add(eq, static_cast<int>(f));
  }
  for (const Equation& eq : m.definitional) add(eq, -1);
  s->equations = static_cast<int>(rows.size());
  return rows;
}

// The connected components of the equations (by shared unknowns), with their audited unknowns.
struct Components {
  std::map<int, std::vector<const Row*>> rows;  // by root
  std::map<int, std::vector<int>> audited;      // by root; only components with one
};

Components Split(const Model& m, const std::vector<Row>& rows) {
  UnionFind uf(m.vars.size());
  for (const Row& r : rows) {
    for (const auto& t : r.terms) uf.Join(t.first, r.terms.front().first);
  }
  Components c;
  for (const Row& r : rows) c.rows[uf.Root(r.terms.front().first)].push_back(&r);
  for (int v = 0; v < static_cast<int>(m.vars.size()); ++v) {
    if (!m.vars[v].audited) continue;
    const int root = uf.Root(v);
    if (c.rows.count(root)) c.audited[root].push_back(v);
  }
  return c;
}

// A component whose published values contradict each other with no derived family to blame:
// its quantities cannot be judged, so they cannot pass.
void Unsolvable(const Model& m, const std::vector<int>& audited, size_t equations, SolveStats* s) {
  const std::string why =
      fmt::format("the published values contradict each other around {} ({} equations)",
                  m.vars[audited.front()].key.ToString(), equations);
  s->notes.push_back(why);
  for (int v : audited) s->unsolved[v] = why;
}

// Whole-number values of each column that fit everything published: taken from every optimum in
// which every whole-number unknown is whole (such an optimum is a table the intruder cannot
// exclude, so each of its values is one too).
class Seen {
 public:
  Seen(const Model& m, const Program& p)
      : m_(m), lo_(p.scale.size(), sdc::kInfinity), hi_(p.scale.size(), -sdc::kInfinity) {}
  void Add(const Program& q) {
    const std::vector<double> x = q.lp->LastSolution();
    if (x.empty()) return;
    for (const auto& [var, c] : q.col) {
      const double v = x[c] * q.scale[c];
      if (m_.vars[var].integer && std::fabs(v - std::round(v)) > 1e-6 * std::max(1.0, std::fabs(v)))
        return;
    }
    for (const auto& [var, c] : q.col) {
      double v = x[c] * q.scale[c];
      if (m_.vars[var].integer) v = std::round(v);
      lo_[c] = std::min(lo_[c], v);
      hi_[c] = std::max(hi_[c], v);
    }
  }
  void Unbounded(int c) { hi_[c] = sdc::kInfinity; }
  bool Any(int c) const { return lo_[c] <= hi_[c]; }
  double lo(int c) const { return lo_[c]; }
  double hi(int c) const { return hi_[c]; }

 private:
  const Model& m_;
  std::vector<double> lo_, hi_;
};

bool Passes(const IntruderOptions& o, double lo, double hi) {
  QuantityBounds b;
  b.integer = true;
  b.lo = lo;
  b.hi = hi;
  Judge(o.protection, &b, o.person_threshold);
  return !b.fails();
}

// Bounds every audited unknown of a feasible component from `p`; where there are few
// whole-number unknowns, a second program narrows theirs by branch and bound. Branch and bound
// only narrows, so it runs only where narrowing could change the verdict: not where the rounded LP
// interval fails already, nor where whole-number tables already seen span an interval that passes
// (the exact interval lies between the two). Such a quantity keeps its rounded LP interval. A
// quantity GLPK fails on is recorded as unsolved (it fails the audit), not as an error of the
// whole audit.
Status BoundComponent(const Model& m, const std::vector<const Row*>& crows,
                      const std::vector<int>& audited, const IntruderOptions& o,
                      const std::vector<double>& col_scale, Program& p, SolveStats* s,
                      std::map<int, Interval>* out) {
  ++s->components;
  int integers = 0;
  for (const auto& [var, c] : p.col) integers += m.vars[var].integer ? 1 : 0;
  std::unique_ptr<Program> exact;
  if (integers > 0 && integers <= o.max_integer_columns) {
    exact = std::make_unique<Program>(Build(m, crows, true, col_scale));
  }
  Seen seen(m, p);
  auto bound = [&](Program& q, int c, bool integer, bool maximize) {
    auto b = Bound(q, c, integer, maximize, s);
    if (b.ok() && *b == sdc::kInfinity) seen.Unbounded(c);
    if (b.ok()) seen.Add(q);
    return b;
  };
  for (int v : audited) {
    const int c = p.col.at(v);
    const bool integer = m.vars[v].integer;
    Interval iv;
    auto lp_lo = bound(p, c, integer, false);
    auto lp_hi = bound(p, c, integer, true);
    if (!lp_lo.ok() || !lp_hi.ok()) {
      // GLPK gave up on this quantity: it cannot be judged, so it cannot pass.
      const Status& e = lp_lo.ok() ? lp_hi.status() : lp_lo.status();
      s->unsolved[v] = "its bounds could not be solved: " + e.message();
      s->notes.push_back(m.vars[v].key.ToString() + ": " + s->unsolved[v]);
      continue;
    }
    iv.lo = *lp_lo;
    iv.hi = *lp_hi;
    const bool open = exact && integer && iv.hi - iv.lo >= 1 && Passes(o, iv.lo, iv.hi) &&
                      !(seen.Any(c) && Passes(o, seen.lo(c), seen.hi(c)));
    if (open) {
      // Branch and bound can only narrow the rounded LP bounds; if it fails, they stand.
      auto lo = bound(*exact, c, true, false);
      auto hi = bound(*exact, c, true, true);
      if (lo.ok() && hi.ok() && *lo <= *hi && *lo >= iv.lo && *hi <= iv.hi) {
        iv.lo = *lo;
        iv.hi = *hi;
      }
    }
    (*out)[v] = iv;
  }
  return Status::Ok();
}

}  // namespace

Result<std::map<int, Interval>> BoundAudited(const Model& m, const std::vector<Family>& families,
                                             const IntruderOptions& o, std::vector<bool>* active,
                                             SolveStats* stats) {
  const std::vector<double> col_scale = ColumnScales(m);
  while (true) {
    SolveStats s;
    s.dropped = stats->dropped;
    s.lp_solves = stats->lp_solves;
    const std::vector<Row> rows = CollectRows(m, families, *active, &s);
    const Components comps = Split(m, rows);
    std::map<int, Interval> out;
    bool restart = false;
    for (const auto& [root, audited] : comps.audited) {
      const std::vector<const Row*>& crows = comps.rows.at(root);
      // The continuous, fully scaled program decides feasibility and gives every bound.
      Program p = Build(m, crows, false, col_scale);
      JBR_ASSIGN_OR_RETURN(bool feasible, Feasible(p, &s));
      if (feasible) {
        JBR_RETURN_IF_ERROR(BoundComponent(m, crows, audited, o, col_scale, p, &s, &out));
        continue;
      }
      JBR_ASSIGN_OR_RETURN(int f, Culprit(m, families, crows, col_scale, &s));
      if (f < 0) {
        Unsolvable(m, audited, crows.size(), &s);
        continue;
      }
      (*active)[f] = false;
      s.dropped.push_back(f);
      restart = true;
      break;
    }
    if (!restart) {
      *stats = std::move(s);
      return out;
    }
    stats->dropped = s.dropped;
    stats->lp_solves = s.lp_solves;
  }
}

}  // namespace jbr::audit::internal
