#include "indicators/disclosure_step.h"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "disclosure/protect.h"

namespace jbr {
namespace {

void Suppress(IndicatorValue* v, const char* why) {
  v->status = "suppressed";
  v->suppression = why;
  v->value.reset();
  v->numerator.reset();
  v->denominator.reset();
  v->change.reset();
}

bool Near(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(a)); }

// One published table: the values of one indicator, period and unit type, laid out as ministries
// (and the Rijk) by categories (and the category total "").
struct Grid {
  std::vector<std::string> rows;        // ministries, then "Rijk" when present
  std::vector<std::string> categories;  // breakdown categories, then "" when present
  std::map<std::pair<std::string, std::string>, IndicatorValue*> at;
};

// A TableSpec over one quantity (numerator or denominator) of the grid, with the additivity that
// really holds in the numbers: Rijk = sum of the ministries in it, total = sum of the categories.
sdc::TableSpec BuildSpec(const Grid& g, bool numerators, const std::vector<bool>& unsafe,
                         std::vector<IndicatorValue*>* order) {
  sdc::TableSpec spec;
  std::map<IndicatorValue*, int> index;
  for (const auto& [key, v] : g.at) {
    double q = numerators ? *v->numerator : *v->denominator;
    index[v] = static_cast<int>(spec.cells.size());
    order->push_back(v);
    sdc::TableCell cell;
    cell.label = fmt::format("{}/{}", key.first, key.second);
    cell.value = q;
    cell.sensitivity = sdc::Sensitivity::kNone;  // the primary rule was applied by the engine
    cell.manual_unsafe = unsafe[order->size() - 1];
    spec.cells.push_back(cell);
    if (q != std::floor(q)) spec.integer_values = false;
  }
  auto add = [&](IndicatorValue* total, const std::vector<IndicatorValue*>& parts) {
    if (total == nullptr || parts.size() < 2) return;
    double sum = 0;
    for (auto* p : parts) sum += numerators ? *p->numerator : *p->denominator;
    if (!Near(sum, numerators ? *total->numerator : *total->denominator)) return;  // not additive here
    sdc::Additivity a;
    a.total = index[total];
    for (auto* p : parts) a.parts.push_back(index[p]);
    spec.constraints.push_back(std::move(a));
  };
  for (const auto& c : g.categories) {  // Rijk = sum of the ministries counted in it
    auto rijk = g.at.find({kRijk, c});
    if (rijk == g.at.end()) continue;
    std::vector<IndicatorValue*> parts;
    for (const auto& r : g.rows) {
      auto it = g.at.find({r, c});
      if (r != kRijk && it != g.at.end() && it->second->in_rijk) parts.push_back(it->second);
    }
    add(rijk->second, parts);
  }
  for (const auto& r : g.rows) {  // total = sum of the categories
    auto total = g.at.find({r, ""});
    if (total == g.at.end()) continue;
    std::vector<IndicatorValue*> parts;
    for (const auto& c : g.categories) {
      auto it = g.at.find({r, c});
      if (!c.empty() && it != g.at.end()) parts.push_back(it->second);
    }
    add(total->second, parts);
  }
  return spec;
}

// Secondary suppression of one grid, on numerators and (for ratios) denominators: published
// numerators and denominators of the other cells must not give a suppressed one away.
Status ProtectGrid(const Grid& g, const DisclosureSettings& settings) {
  bool ratio = false;
  bool any_unsafe = false;
  for (const auto& [key, v] : g.at) {
    if (v->status == "suppressed") any_unsafe = true;
    if (v->denominator && *v->denominator != 1) ratio = true;
  }
  if (!any_unsafe) return Status::Ok();
  std::vector<IndicatorValue*> cells;
  std::vector<bool> unsafe;
  for (const auto& [key, v] : g.at) unsafe.push_back(v->status == "suppressed");
  // Protect on the values the primary step saw: restore them from a copy kept by the caller.
  for (bool numerators : {true, false}) {
    if (!numerators && !ratio) break;
    std::vector<IndicatorValue*> order;
    sdc::TableSpec spec = BuildSpec(g, numerators, unsafe, &order);
    if (spec.constraints.empty()) continue;  // nothing adds up: primary suppression is enough
    for (auto& c : spec.cells) c.value = std::max(0.0, c.value);
    sdc::DisclosureRules rules{settings.person_threshold, settings.integrity_threshold};
    auto result = sdc::ProtectTable(spec, rules, sdc::ProtectionOptions{});
    if (!result.ok()) {
      // A table the library cannot take (negative corrections, ...) is protected by suppressing
      // every cell that could give a suppressed one away: all of them.
      for (size_t i = 0; i < order.size(); ++i) unsafe[i] = true;
      continue;
    }
    for (size_t i = 0; i < order.size(); ++i) {
      if (result->Suppressed(static_cast<int>(i))) unsafe[i] = true;
    }
  }
  size_t i = 0;
  for (const auto& [key, v] : g.at) {
    if (unsafe[i] && v->status != "suppressed") v->suppression = "secondary";
    ++i;
  }
  return Status::Ok();
}

}  // namespace

bool PrimaryUnsafe(Disclosure disclosure, const IndicatorValue& v, const DisclosureSettings& s) {
  if (v.status != "published") return false;
  switch (disclosure) {
    case Disclosure::kNone:
      return false;
    case Disclosure::kPersonCount: {
      double n = v.persons >= 0 ? static_cast<double>(v.persons) : v.numerator.value_or(0);
      return n > 0 && n < s.person_threshold;
    }
    case Disclosure::kPersonStatistic:
      return v.persons >= 0 && v.persons < s.person_threshold;
    case Disclosure::kIntegrityCount: {
      double n = v.persons >= 0 ? static_cast<double>(v.persons) : v.numerator.value_or(0);
      return n > 0 && n < s.integrity_threshold;
    }
  }
  return false;
}

Status ApplyDisclosure(const std::vector<IndicatorDef>& defs, const DisclosureSettings& settings,
                       std::vector<IndicatorValue>* values) {
  std::map<std::string, Disclosure> classes;
  for (const auto& d : defs) classes[d.id] = d.disclosure;
  // Primary: mark, keep the numbers until the grids are protected.
  for (auto& v : *values) {
    if (PrimaryUnsafe(classes[v.indicator], v, settings)) {
      v.status = "suppressed";
      v.suppression = "primary";
    }
  }
  std::map<std::tuple<std::string, std::string, std::string>, Grid> grids;
  for (auto& v : *values) {
    if (classes[v.indicator] == Disclosure::kNone || !v.numerator || !v.denominator) continue;
    Grid& g = grids[{v.indicator, v.period, v.unit_type}];
    if (std::find(g.rows.begin(), g.rows.end(), v.ministry) == g.rows.end()) g.rows.push_back(v.ministry);
    if (std::find(g.categories.begin(), g.categories.end(), v.category) == g.categories.end()) {
      g.categories.push_back(v.category);
    }
    g.at[{v.ministry, v.category}] = &v;
  }
  for (auto& [key, g] : grids) JBR_RETURN_IF_ERROR(ProtectGrid(g, settings));
  for (auto& v : *values) {
    if (v.suppression == "primary" || v.suppression == "secondary") Suppress(&v, v.suppression == "primary" ? "primary" : "secondary");
  }
  return Status::Ok();
}

}  // namespace jbr
