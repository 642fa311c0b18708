#include "audit/relations.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

namespace jbr::audit::internal {
namespace {

const char* QName(Quantity q) { return q == Quantity::kNumerator ? "numerator" : "denominator"; }

std::string Describe(const Model& m, const Equation& eq) {
  std::string s;
  for (const Term& t : eq) {
    const Var& v = m.vars[t.var];
    if (t.var == Model::kOne) {
      s += fmt::format(" {:+g}", t.coef);
      continue;
    }
    s += fmt::format(
        " {}{} {}[{}]={}", t.coef < 0 ? "- " : "+ ",
        std::fabs(t.coef) == 1 ? std::string() : fmt::format("{:g}*", std::fabs(t.coef)),
        v.key.ToString(), m.release_names[v.release], v.value);
  }
  return s;
}

// A part of a hierarchy: its label (the ministry, unit type or quarter) and its quantity.
struct Group {
  int total = -1;
  std::vector<std::pair<std::string, int>> parts;
};

enum class Dim { kMinistry, kUnitType, kQuarter, kLastQuarter };

// Which group a cell belongs to along `dim`, whether it is the total, and its label as a part.
bool Place(Dim dim, const Context& c, std::string* group, bool* total, std::string* label) {
  switch (dim) {
    case Dim::kMinistry:
      *group = fmt::format("{}|{}|{}", c.release, c.unit_type, c.period);
      *total = c.ministry == "Rijk";
      *label = c.ministry;
      return true;
    case Dim::kUnitType:
      *group = fmt::format("{}|{}|{}", c.release, c.ministry, c.period);
      *total = c.unit_type.empty();
      *label = c.unit_type;
      return true;
    case Dim::kQuarter:
    case Dim::kLastQuarter:
      *group =
          fmt::format("{}|{}|{}|{}", c.release, c.ministry, c.unit_type, c.period.substr(0, 4));
      *total = c.period.size() == 4;
      *label = c.period;
      // A stock (the headcount on 31 December) is its fourth quarter's, not the quarters' sum.
      return dim == Dim::kQuarter || *total || c.period.substr(4) == "-Q4";
  }
  return false;
}

std::vector<Equation> Instances(const std::map<std::string, Group>& groups,
                                const std::vector<std::string>& excluded) {
  std::vector<Equation> out;
  for (const auto& [key, g] : groups) {
    if (g.total < 0 || g.parts.empty()) continue;
    Equation eq{{g.total, 1.0}};
    for (const auto& [label, var] : g.parts) {
      if (std::find(excluded.begin(), excluded.end(), label) == excluded.end()) {
        eq.push_back({var, -1.0});
      }
    }
    out.push_back(std::move(eq));
  }
  return out;
}

// A hierarchy family over `groups`; for the ministries, the subset that holds is searched: all,
// else all but one, else all but two.
Family HierarchyFamily(const Model& m, const std::map<std::string, Group>& groups,
                       const std::string& kind, const std::string& what, bool search_subset,
                       int min_confirmations, bool declared) {
  std::vector<std::vector<std::string>> candidates{{}};
  if (search_subset) {
    std::set<std::string> labels;
    for (const auto& [k, g] : groups) {
      for (const auto& p : g.parts) labels.insert(p.first);
    }
    const std::vector<std::string> l(labels.begin(), labels.end());
    for (const auto& a : l) candidates.push_back({a});
    for (size_t i = 0; i < l.size(); ++i) {
      for (size_t j = i + 1; j < l.size(); ++j) candidates.push_back({l[i], l[j]});
    }
  }
  Family first;
  for (size_t c = 0; c < candidates.size(); ++c) {
    Family f;
    f.report.kind = kind;
    f.report.label = what;
    if (!candidates[c].empty()) {
      std::string ex;
      for (const auto& e : candidates[c]) ex += (ex.empty() ? "" : ", ") + e;
      f.report.label += " except " + ex;
    }
    f.instances = Instances(groups, candidates[c]);
    // Only the whole hierarchy is what the layout declares; a subset must prove itself.
    Evaluate(m, min_confirmations, &f, declared && c == 0);
    if (f.report.accepted) return f;
    if (c == 0) first = std::move(f);
  }
  return first;
}

void AddHierarchies(const Model& m, const IntruderOptions& o, std::vector<Family>* out) {
  struct DimSpec {
    Dim dim;
    const char* kind;
    const char* text;
  };
  const DimSpec dims[] = {{Dim::kMinistry, "rijk", "Rijk = ministries"},
                          {Dim::kUnitType, "unit-types", "all units = unit types"},
                          {Dim::kQuarter, "quarters", "year = quarters"},
                          {Dim::kLastQuarter, "last-quarter", "year = fourth quarter"}};
  for (const auto& [sid, cells] : m.series) {
    for (const DimSpec& d : dims) {
      std::map<std::string, Group> groups;
      std::string group, label;
      bool total = false;
      for (const auto& [ctx, var] : cells) {
        if (!Place(d.dim, ctx, &group, &total, &label)) continue;
        Group& g = groups[group];
        if (total) {
          g.total = var;
        } else {
          g.parts.emplace_back(label, var);
        }
      }
      const std::string what =
          fmt::format("{}{} {}: {}", sid.indicator, sid.category.empty() ? "" : "/" + sid.category,
                      QName(sid.quantity), d.text);
      // An all-units row beside the unit types says it is their sum. A Rijk row does not say
      // which ministries it takes in (Defence is outside some figures), nor a year beside its
      // quarters whether it is their sum or the last one.
      const bool declared = o.trust_layout && d.dim == Dim::kUnitType;
      Family f = HierarchyFamily(m, groups, d.kind, what, d.dim == Dim::kMinistry,
                                 o.min_confirmations, declared);
      if (!f.instances.empty()) out->push_back(std::move(f));
    }
  }
}

// The total ("" category) = the categories, per indicator and quantity.
void AddCategories(const Model& m, const IntruderOptions& o, std::vector<Family>* out) {
  std::map<std::pair<std::string, Quantity>, std::map<Context, Group>> by;
  for (const auto& [sid, cells] : m.series) {
    auto& groups = by[{sid.indicator, sid.quantity}];
    for (const auto& [ctx, var] : cells) {
      Group& g = groups[ctx];
      if (sid.category.empty()) {
        g.total = var;
      } else {
        g.parts.emplace_back(sid.category, var);
      }
    }
  }
  for (const auto& [id, groups] : by) {
    Family f;
    f.report.kind = "categories";
    f.report.label = fmt::format("{} {}: total = categories", id.first, QName(id.second));
    for (const auto& [ctx, g] : groups) {
      if (g.total < 0 || g.parts.empty()) continue;
      Equation eq{{g.total, 1.0}};
      for (const auto& p : g.parts) eq.push_back({p.second, -1.0});
      f.instances.push_back(std::move(eq));
    }
    if (f.instances.empty()) continue;
    Evaluate(m, o.min_confirmations, &f, o.trust_layout);
    out->push_back(std::move(f));
  }
}

// A quantity per context: one series, or the sum of an indicator's categories.
struct Aggregate {
  std::string indicator, category;
  Quantity quantity = Quantity::kNumerator;
  bool category_sum = false;
  std::map<Context, std::vector<int>> cells;
  std::string Name() const {
    return fmt::format(
        "{}{} {}", indicator,
        category_sum ? " (sum of categories)" : (category.empty() ? std::string() : "/" + category),
        QName(quantity));
  }
};

std::vector<Aggregate> Aggregates(const Model& m) {
  std::vector<Aggregate> out;
  std::map<std::pair<std::string, Quantity>, size_t> sums;
  for (const auto& [sid, cells] : m.series) {
    Aggregate a{sid.indicator, sid.category, sid.quantity, false, {}};
    for (const auto& [ctx, var] : cells) a.cells[ctx] = {var};
    out.push_back(std::move(a));
    if (sid.category.empty()) continue;
    auto [it, inserted] = sums.try_emplace({sid.indicator, sid.quantity}, 0);
    if (inserted) {
      it->second = out.size();
      out.push_back(Aggregate{sid.indicator, "", sid.quantity, true, {}});
    }
    for (const auto& [ctx, var] : cells) out[it->second].cells[ctx].push_back(var);
  }
  return out;
}

bool KnownSum(const Model& m, const std::vector<int>& vars, double* sum) {
  *sum = 0;
  for (int v : vars) {
    if (!m.vars[v].known) return false;
    *sum += m.vars[v].value;
  }
  return true;
}

bool QuickContradiction(const Model& m, const Aggregate& a, const Aggregate& b) {
  for (const auto& [ctx, va] : a.cells) {
    double x = 0, y = 0;
    if (!KnownSum(m, va, &x)) continue;
    auto it = b.cells.find(ctx);
    if (it == b.cells.end() || !KnownSum(m, it->second, &y)) continue;
    if (std::fabs(x - y) > 1e-6 + 1e-9 * (std::fabs(x) + std::fabs(y))) return true;
  }
  return false;
}

// Identities and cross relations: pairs of aggregates of different indicators that agree on
// published, non-zero instances (of at least person_threshold where neither side is a sum of
// categories) in at least min_identity_confirmations different places (a ministry's unit type, or
// the Rijk's; the periods and releases of one place count once) are candidates, then tested on all.
// Single small counts agree by chance far too often: integrity reports of abuse of power and
// confirmed cases of private misconduct agreed at two ministries, and that "identity" made the
// audit recover values that were not the true ones. Nor is one place's agreement in two years
// evidence: a relation that holds by definition holds in every ministry and unit type, while the
// Rijk's confirmed cases of undesirable behaviour and its interns of "other" education levels
// agreed in 2020 and 2021 (16 and 17) by chance, and that "identity" "recovered" interns that were
// not the true ones.
void AddIdentities(const Model& m, const IntruderOptions& o, std::vector<Family>* out) {
  const std::vector<Aggregate> aggs = Aggregates(m);
  struct Bucket {
    std::vector<int> ids;
    bool small = false;  // below the person threshold
    std::string place;   // ministry and unit type
  };
  std::unordered_map<std::string, Bucket> buckets;
  for (int a = 0; a < static_cast<int>(aggs.size()); ++a) {
    for (const auto& [ctx, vars] : aggs[a].cells) {
      double sum = 0;
      if (!KnownSum(m, vars, &sum) || sum == 0) continue;
      Bucket& b = buckets[fmt::format("{}|{}|{}|{}|{:.9g}", ctx.release, ctx.ministry,
                                      ctx.unit_type, ctx.period, sum)];
      b.ids.push_back(a);
      b.small = sum < o.person_threshold;
      b.place = ctx.ministry + "|" + ctx.unit_type;
    }
  }
  std::unordered_map<uint64_t, std::set<std::string>> pairs;  // the places where they agree
  for (const auto& [key, bucket] : buckets) {
    const std::vector<int>& ids = bucket.ids;
    for (size_t i = 0; i < ids.size(); ++i) {
      for (size_t j = i + 1; j < ids.size(); ++j) {
        if (aggs[ids[i]].indicator == aggs[ids[j]].indicator) continue;
        // Two single small counts: no evidence (a sum of categories equal to a count is).
        if (bucket.small && !aggs[ids[i]].category_sum && !aggs[ids[j]].category_sum) continue;
        pairs[(static_cast<uint64_t>(ids[i]) << 32) | static_cast<uint64_t>(ids[j])].insert(
            bucket.place);
      }
    }
  }
  std::vector<uint64_t> keys;
  const int needed = std::max(o.min_confirmations, o.min_identity_confirmations);
  for (const auto& [k, places] : pairs) {
    if (static_cast<int>(places.size()) >= needed) keys.push_back(k);
  }
  std::sort(keys.begin(), keys.end());
  for (uint64_t k : keys) {
    const Aggregate& a = aggs[k >> 32];
    const Aggregate& b = aggs[k & 0xffffffffu];
    Family f;
    f.report.kind = a.category_sum || b.category_sum ? "cross" : "identity";
    f.report.label = a.Name() + " = " + b.Name();
    if (QuickContradiction(m, a, b)) {
      // Most candidates are small counts equal by chance: one contradiction settles them.
      f.coincidence = true;
      f.report.contradicted = 1;
      out->push_back(std::move(f));
      continue;
    }
    for (const auto& [ctx, va] : a.cells) {
      auto it = b.cells.find(ctx);
      if (it == b.cells.end()) continue;
      Equation eq;
      for (int v : va) eq.push_back({v, 1.0});
      for (int v : it->second) eq.push_back({v, -1.0});
      f.instances.push_back(std::move(eq));
    }
    Evaluate(m, needed, &f);
    f.coincidence = !f.report.accepted;
    out->push_back(std::move(f));
  }
}

// A cell of an earlier release equals the same cell in the next release that shows it, unless
// that release lists it as restated. One family per indicator.
void AddReleases(const Model& m, const IntruderOptions& o, std::vector<Family>* out) {
  if (m.release_names.size() < 2) return;
  std::map<std::string, Family> by;
  for (const auto& [sid, cells] : m.series) {
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<int>> chains;
    for (const auto& [ctx, var] : cells) {
      chains[{ctx.ministry, ctx.unit_type, ctx.period}].push_back(var);  // by release, ascending
    }
    for (const auto& [where, vars] : chains) {
      for (size_t i = 0; i + 1 < vars.size(); ++i) {
        const Var& early = m.vars[vars[i]];
        const Var& late = m.vars[vars[i + 1]];
        if (m.restated.count({late.release, late.key})) continue;
        Family& f = by[sid.indicator];
        f.instances.push_back({{vars[i], 1.0}, {vars[i + 1], -1.0}});
        // A ratio whose later value is all that is published: test it against the earlier N, D.
        auto r = m.value_only_ratio.find({late.release, late.key});
        if (sid.quantity == Quantity::kNumerator && r != m.value_only_ratio.end()) {
          const int d = m.Find(early.release, early.key, Quantity::kDenominator);
          if (d >= 0) f.checks.push_back({{vars[i], 1.0}, {d, -r->second}});
        }
      }
    }
  }
  for (auto& [indicator, f] : by) {
    f.report.kind = "releases";
    f.report.label = indicator + ": earlier releases = later releases";
    Evaluate(m, o.min_confirmations, &f);
    out->push_back(std::move(f));
  }
}

// "2021-Q3" -> 2021 * 4 + 2; -1 for a year.
int QuarterIndex(const std::string& period) {
  if (period.size() != 7) return -1;
  return std::stoi(period.substr(0, 4)) * 4 + (period[6] - '1');
}

std::string QuarterName(int index) { return fmt::format("{}-Q{}", index / 4, index % 4 + 1); }

// A rolling-year figure: one series at a quarter = another series' sum over the four quarters up
// to it (the rolling absence rate and the quarterly rate), found by testing every pair of
// quarterly series of the same category and quantity.
void AddRolling(const Model& m, const IntruderOptions& o, std::vector<Family>* out) {
  std::vector<std::pair<const SeriesId*, const std::map<Context, int>*>> quarterly;
  for (const auto& [sid, cells] : m.series) {
    for (const auto& [ctx, var] : cells) {
      if (ctx.period.size() != 7) continue;
      quarterly.emplace_back(&sid, &cells);
      break;
    }
  }
  const int needed = std::max(o.min_confirmations, o.min_identity_confirmations);
  for (const auto& [rid, rolling] : quarterly) {
    for (const auto& [qid, quarters] : quarterly) {
      if (rid == qid || rid->category != qid->category || rid->quantity != qid->quantity) continue;
      Family f;
      f.report.kind = "rolling";
      f.report.label = fmt::format("{} {}: quarter = {}'s four quarters up to it", rid->indicator,
                                   QName(rid->quantity), qid->indicator);
      for (const auto& [ctx, var] : *rolling) {
        const int q = QuarterIndex(ctx.period);
        if (q < 0) continue;
        Equation eq{{var, 1.0}};
        Context c = ctx;
        for (int j = 0; j < 4; ++j) {
          c.period = QuarterName(q - j);
          auto it = quarters->find(c);
          if (it == quarters->end()) break;
          eq.push_back({it->second, -1.0});
        }
        if (eq.size() == 5) f.instances.push_back(std::move(eq));
      }
      if (f.instances.empty()) continue;
      Evaluate(m, needed, &f);
      f.coincidence = !f.report.accepted;  // most pairs are no rolling year: counted, not listed
      out->push_back(std::move(f));
    }
  }
}

// value = N / D x scale for the earlier years' published values of ratios: accepted when the
// published rows agree on one scale (model.cc), tested on nothing else.
void AddRatios(const Model& m, std::vector<Family>* out) {
  for (const auto& [indicator, eqs] : m.ratio_equations) {
    Family f;
    f.report.kind = "ratio";
    f.report.label =
        fmt::format("{}: numerator = value / {} x denominator", indicator, m.scale.at(indicator));
    f.instances = eqs;
    f.report.instances = static_cast<int>(eqs.size());
    f.report.checked = f.report.confirmed = m.scale_confirmations.at(indicator);
    f.report.accepted = true;
    out->push_back(std::move(f));
  }
}

}  // namespace

Verdict Check(const Model& model, const Equation& eq) {
  double sum = 0, size = 0;
  for (const Term& t : eq) {
    const Var& v = model.vars[t.var];
    if (!v.known) return Verdict::kOpen;
    sum += t.coef * v.value;
    size += std::fabs(t.coef * v.value);
  }
  if (std::fabs(sum) > 1e-6 + 1e-9 * size) return Verdict::kContradicted;
  return size > 0 ? Verdict::kConfirmed : Verdict::kZero;
}

void Evaluate(const Model& model, int min_confirmations, Family* f, bool declared) {
  FamilyReport& r = f->report;
  r.instances = static_cast<int>(f->instances.size());
  r.checked = r.confirmed = r.contradicted = 0;
  for (const auto* list : {&f->instances, &f->checks}) {
    for (const Equation& eq : *list) {
      const Verdict v = Check(model, eq);
      if (v == Verdict::kOpen) continue;
      ++r.checked;
      if (v == Verdict::kConfirmed) ++r.confirmed;
      if (v == Verdict::kContradicted) {
        if (r.contradicted++ == 0) r.note = "contradicted by" + Describe(model, eq) + " != 0";
      }
    }
  }
  r.accepted = r.contradicted == 0 && (declared || r.confirmed >= std::max(1, min_confirmations));
  if (r.accepted && r.confirmed == 0)
    r.note = "taken from the tables' layout: no instance can be checked";
  if (!r.accepted && r.contradicted == 0)
    r.note = "no instance with every cell published confirms it";
}

std::vector<Family> DeriveFamilies(const Model& model, const IntruderOptions& options) {
  std::vector<Family> out;
  AddHierarchies(model, options, &out);
  AddCategories(model, options, &out);
  AddIdentities(model, options, &out);
  AddReleases(model, options, &out);
  AddRolling(model, options, &out);
  AddRatios(model, &out);
  return out;
}

}  // namespace jbr::audit::internal
