#include "audit/intruder.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

#include "audit/bounds.h"
#include "audit/model.h"
#include "audit/relations.h"

namespace jbr::audit {

const char* QuantityName(Quantity q) {
  return q == Quantity::kNumerator ? "numerator" : "denominator";
}

Status IntruderOptions::Validate() const {
  JBR_RETURN_IF_ERROR(protection.Validate());
  if (max_integer_columns < 0) return InvalidInput("max_integer_columns must be >= 0");
  if (min_confirmations < 1 || min_identity_confirmations < 1) {
    return InvalidInput("min_confirmations and min_identity_confirmations must be >= 1");
  }
  return Status::Ok();
}

double QuantityBounds::relative_width() const {
  if (hi == sdc::kInfinity) return sdc::kInfinity;
  const double mid = (hi + lo) / 2;
  return mid > 0 ? (hi - lo) / mid : 0;
}

namespace {

double Level(const sdc::ProtectionOptions& o, bool integer, double v) {
  const double p = std::max(o.min_protection, o.protection_percent / 100.0 * v);
  return integer ? std::ceil(p - 1e-9) : p;
}

// The value in [lo, +inf) that can be protected with the least room above it: the smallest v
// with max(0, v - p(v)) >= lo. nullopt when there is none (a protection of 100 % or more, lo > 0).
std::optional<double> BestCandidate(const sdc::ProtectionOptions& o, bool integer, double lo) {
  if (lo <= 1e-9) return 0.0;
  const double pct = o.protection_percent / 100.0;
  if (pct >= 1) return std::nullopt;
  double v = std::max(lo + o.min_protection, lo / (1 - pct));
  if (integer) v = std::ceil(v - 1e-9);
  // Whole levels can be a step larger than the formula's; walk up to the first that fits.
  for (int i = 0; i < 1000 && v - Level(o, integer, v) < lo - 1e-9; ++i) v += 1;
  return v;
}

}  // namespace

void Judge(const sdc::ProtectionOptions& o, QuantityBounds* b, double small_below) {
  b->reason.clear();
  const double whole_lo = std::ceil(b->lo - 1e-6);
  const double whole_hi = std::floor(b->hi + 1e-6);
  // 1e-6, or 1e-9 of the value for large sums: the programs' own rounding is no protection.
  const double tol = b->hi == sdc::kInfinity ? 1e-6 : std::max(1e-6, 1e-9 * std::fabs(b->hi));
  b->exact = b->hi - b->lo <= tol || (b->integer && whole_hi - whole_lo < 1);
  // Known to be 0: nobody is behind it to single out (domain.md: a count of 0 is safe), as
  // sdc::FailsFromOutside judges it.
  if (b->exact && b->hi <= 1e-6) {
    b->exact = false;
    b->protectable = true;
    return;
  }
  if (b->exact) {
    b->protectable = false;
    b->reason =
        fmt::format("recovered exactly: it is {}", BoundText(b->integer ? whole_lo : b->lo));
    return;
  }
  // The rule compute protects by (sdc::FailsFromOutside): beyond exactness, only a count that
  // could be a small group must leave room for one.
  if (b->hi == sdc::kInfinity || !b->integer || b->lo >= small_below - 1e-9) {
    b->protectable = true;
    return;
  }
  const auto v = BestCandidate(o, b->integer, b->lo);
  const double hi_tol = 1e-9 * std::max(1.0, std::fabs(b->hi));
  b->protectable = v && *v + Level(o, b->integer, *v) <= b->hi + hi_tol;
  if (!b->protectable) {
    b->reason = v ? fmt::format(
                        "under its protection level: even the best value {} needs up to {},"
                        " and the interval ends at {}",
                        BoundText(*v), BoundText(*v + Level(o, b->integer, *v)), BoundText(b->hi))
                  : "under its protection level: no value above the lower bound can be protected";
  }
}

Result<IntruderReport> AuditPublication(const std::vector<PublishedRelease>& earlier,
                                        const PublishedRelease& current,
                                        const IntruderOptions& options) {
  JBR_RETURN_IF_ERROR(options.Validate());
  std::vector<const PublishedRelease*> releases;
  for (const PublishedRelease& r : earlier) releases.push_back(&r);
  releases.push_back(&current);
  const internal::Model model = internal::BuildModel(releases);
  std::vector<internal::Family> families = internal::DeriveFamilies(model, options);
  std::vector<bool> active(families.size());
  for (size_t f = 0; f < families.size(); ++f) active[f] = families[f].report.accepted;
  internal::SolveStats stats;
  JBR_ASSIGN_OR_RETURN(auto intervals,
                       internal::BoundAudited(model, families, options, &active, &stats));

  IntruderReport rep;
  rep.releases = model.release_names;
  rep.suppressed_cells = model.suppressed_cells;
  rep.relation_instances = stats.instances;
  rep.equations = stats.equations;
  rep.components = stats.components;
  rep.lp_solves = stats.lp_solves;
  rep.notes = stats.notes;
  for (int f : stats.dropped) families[f].report.dropped = true;
  for (const internal::Family& f : families) {
    if (f.report.accepted && !f.report.dropped) ++rep.families_accepted;
    if (f.report.dropped) ++rep.families_dropped;
    if (!f.report.accepted) ++rep.families_rejected;
    if (f.coincidence) {
      ++rep.rejected_coincidences;
      continue;
    }
    rep.families.push_back(f.report);
  }
  for (int v = 0; v < static_cast<int>(model.vars.size()); ++v) {
    const internal::Var& var = model.vars[v];
    if (!var.audited) continue;
    QuantityBounds b;
    b.release = model.release_names[var.release];
    b.key = var.key;
    b.quantity = var.quantity;
    b.integer = var.integer;
    auto it = intervals.find(v);
    b.lo = it == intervals.end() ? 0 : it->second.lo + 0.0;  // + 0.0: never -0
    b.hi = it == intervals.end() ? sdc::kInfinity : it->second.hi + 0.0;
    Judge(options.protection, &b, options.person_threshold);
    auto unsolved = stats.unsolved.find(v);
    if (unsolved != stats.unsolved.end()) {
      // Published values that contradict each other cannot be judged; they cannot pass either.
      b.protectable = false;
      b.reason = unsolved->second;
    }
    ++rep.audited_quantities;
    if (b.exact) ++rep.exact_recoveries;
    if (!b.exact && !b.protectable) ++rep.under_protection;
    if (b.fails()) rep.failures.push_back(b);
    if (!rep.narrowest_absolute || b.width() < rep.narrowest_absolute->width()) {
      rep.narrowest_absolute = b;
    }
    if (!rep.narrowest_relative || b.relative_width() < rep.narrowest_relative->relative_width()) {
      rep.narrowest_relative = b;
    }
    rep.all.push_back(std::move(b));
  }
  auto order = [](const QuantityBounds& a, const QuantityBounds& b) {
    return std::tie(a.key, a.quantity) < std::tie(b.key, b.quantity);
  };
  std::sort(rep.failures.begin(), rep.failures.end(), order);
  std::sort(rep.all.begin(), rep.all.end(), order);
  return rep;
}

std::string BoundText(double v) {
  if (v == sdc::kInfinity) return "inf";
  return fmt::format("{}", v + 0.0);  // never "-0"
}

}  // namespace jbr::audit
