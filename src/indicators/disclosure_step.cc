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
  // A norm or target flag tells on which side of a bound the hidden value lies; only "incomplete"
  // (about the deliveries, not the value) may stay.
  v->flag = (";" + v->flag + ";").find(";incomplete;") != std::string::npos ? "incomplete" : "";
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
  for (const auto& r : g.rows) {  // total = sum of the categories, for each breakdown of it
    auto total = g.at.find({r, ""});
    if (total == g.at.end()) continue;
    std::map<std::string, std::vector<IndicatorValue*>> families;  // "" or the linked indicator
    for (const auto& c : g.categories) {
      auto it = g.at.find({r, c});
      if (c.empty() || it == g.at.end()) continue;
      auto bar = c.find('|');
      families[bar == std::string::npos ? "" : c.substr(0, bar)].push_back(it->second);
    }
    for (const auto& [family, parts] : families) add(total->second, parts);
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

// A figure whose numerator or denominator is another published figure is suppressed with it:
// a share over a suppressed headcount would give the headcount away.
void FollowLinkedSuppression(const std::map<std::string, const IndicatorDef*>& by_id,
                             std::vector<IndicatorValue>* values) {
  std::map<std::string, const IndicatorValue*> index;
  auto key = [](const std::string& ind, const std::string& cat, const IndicatorValue& v) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", ind, cat, v.ministry, v.unit_type, v.period);
  };
  for (const auto& v : *values) index[key(v.indicator, v.category, v)] = &v;
  for (auto& v : *values) {
    auto it = by_id.find(v.indicator);
    if (it == by_id.end() || v.status == "missing" || !v.suppression.empty()) continue;
    for (const std::string* link : {&it->second->denominator_of, &it->second->numerator_of}) {
      if (link->empty()) continue;
      auto slash = link->find('/');
      std::string ind = link->substr(0, slash);
      std::string cat = slash == std::string::npos ? v.category : link->substr(slash + 1);
      auto target = index.find(key(ind, cat, v));
      if (target != index.end() && !target->second->suppression.empty()) v.suppression = "secondary";
    }
  }
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
  // An indicator whose categories add up to another's figure shares that figure's table: the age
  // bands are columns beside the headcount they add up to ("personnel.age_band|25-34").
  std::map<std::string, const IndicatorDef*> by_id;
  for (const auto& d : defs) by_id[d.id] = &d;
  std::map<std::tuple<std::string, std::string, std::string>, Grid> grids;
  for (auto& v : *values) {
    if (classes[v.indicator] == Disclosure::kNone || !v.numerator || !v.denominator) continue;
    const IndicatorDef* def = by_id[v.indicator];
    bool member = def != nullptr && !def->total_of.empty() && by_id.count(def->total_of);
    std::string root = member ? def->total_of : v.indicator;
    std::string column = member ? v.indicator + "|" + v.category : v.category;
    Grid& g = grids[{root, v.period, v.unit_type}];
    if (std::find(g.rows.begin(), g.rows.end(), v.ministry) == g.rows.end()) g.rows.push_back(v.ministry);
    if (std::find(g.categories.begin(), g.categories.end(), column) == g.categories.end()) {
      g.categories.push_back(column);
    }
    g.at[{v.ministry, column}] = &v;
  }
  for (auto& [key, g] : grids) JBR_RETURN_IF_ERROR(ProtectGrid(g, settings));
  FollowLinkedSuppression(by_id, values);
  for (auto& v : *values) {
    if (v.suppression == "primary" || v.suppression == "secondary") Suppress(&v, v.suppression == "primary" ? "primary" : "secondary");
  }
  return Status::Ok();
}

}  // namespace jbr
