#include "indicators/disclosure_step.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "disclosure/lp.h"
#include "disclosure/protect.h"
#include "disclosure/secondary.h"
#include "indicators/core/parallel.h"
#include "indicators/disclosure_links.h"

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

// The protection of one linked structure (disclosure_links.h): which nodes and values are hidden.
class Protector {
 public:
  // `known`: values an earlier release published unchanged; their quantities are constants.
  Protector(const LinkedStructure& ls, const std::vector<bool>& primary,
            const std::vector<bool>& known)
      : ls_(ls),
        value_hidden_(primary),
        unsafe_(primary),
        node_hidden_(ls.nodes.size(), false),
        sensitive_(ls.nodes.size(), false),
        constant_(ls.nodes.size(), false) {
    for (size_t n = 0; n < ls.nodes.size(); ++n) constant_[n] = ls.nodes[n].constant;
    for (size_t i = 0; i < known.size(); ++i) {
      for (int n : ls.value_nodes[i]) {
        if (known[i] && n >= 0) constant_[n] = true;
      }
    }
    for (size_t i = 0; i < primary.size(); ++i) {
      if (!primary[i]) continue;
      for (int n : ls.value_nodes[i]) {
        if (n >= 0 && !constant_[n]) sensitive_[n] = true;
      }
    }
    for (size_t n = 0; n < ls.nodes.size(); ++n) node_hidden_[n] = ls.nodes[n].auxiliary;
    Components();
  }

  // Hides until every component's pattern passes its audit and every status link holds.
  Status Run() {
    std::vector<bool> dirty(components_.size(), true);
    while (true) {
      Propagate();
      // The components to protect again are independent of each other (each reads and hides its
      // own nodes only): their patterns are solved on a few threads, then applied in order, so
      // the outcome is that of solving them one after the other.
      std::vector<size_t> todo;
      for (size_t c = 0; c < components_.size(); ++c) {
        if (dirty[c] || ChangedSince(c)) todo.push_back(c);
      }
      std::vector<std::vector<bool>> patterns(todo.size());
      std::vector<int> before(todo.size());
      ForEachOnThreads(
          todo.size(),
          [&](size_t k) {
            before[k] = HiddenIn(todo[k]);
            patterns[k] = Pattern(todo[k], before[k]);
          },
          [] { sdc::ReleaseThreadEnvironment(); });
      bool added = false;
      for (size_t k = 0; k < todo.size(); ++k) {
        dirty[todo[k]] = false;
        added = Apply(todo[k], before[k], patterns[k]) || added;
      }
      if (!added) return Status::Ok();
    }
  }

  const std::vector<bool>& value_hidden() const { return value_hidden_; }

 private:
  // A value hides its quantities; a hidden quantity hides every value that publishes it; status
  // links spread hiding; until nothing changes.
  void Propagate() {
    bool changed = true;
    while (changed) {
      changed = false;
      // A figure whose every quantity an earlier release published unchanged stays as it was:
      // hiding it now hides nothing (it would only restate a public number as hidden).
      auto hide = [&](size_t i) {
        if (value_hidden_[i] || AllKnown(i)) return;
        value_hidden_[i] = changed = true;
      };
      for (size_t i = 0; i < value_hidden_.size(); ++i) {
        for (int n : ls_.value_nodes[i]) {
          if (n < 0) continue;
          // A quantity everyone knows stays known, whatever the figure shows.
          if (value_hidden_[i] && !node_hidden_[n] && !constant_[n])
            node_hidden_[n] = changed = true;
          if (node_hidden_[n]) hide(i);
        }
      }
      // A population cell with a figure that is unsafe itself (or hidden by a release) hides all
      // its figures; a figure hidden only to protect another does not spread to the other tables of
      // its population (that cascaded to the Rijk's own totals on a small Rijk).
      for (const auto& g : ls_.groups) {
        bool any = std::any_of(g.begin(), g.end(), [&](int i) { return unsafe_[i]; });
        if (any) {
          for (int i : g) hide(i);
        }
      }
      for (const auto& [a, b] : ls_.implies) {
        if (value_hidden_[a]) hide(b);
      }
    }
  }

  bool AllKnown(size_t i) const {
    bool any = false;
    for (int n : ls_.value_nodes[i]) {
      if (n < 0) continue;
      if (!constant_[n]) return false;
      any = true;
    }
    return any;
  }

  // Nodes joined by constraints, as separate tables; their hidden count tells whether a
  // component needs protecting again.
  void Components() {
    std::vector<int> parent(ls_.nodes.size());
    for (size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<int>(i);
    auto find = [&](int x) {
      while (parent[x] != x) x = parent[x] = parent[parent[x]];
      return x;
    };
    for (const auto& a : ls_.constraints) {
      for (int p : a.parts) parent[find(p)] = find(a.total);
    }
    std::map<int, int> index;
    component_of_.assign(ls_.nodes.size(), -1);
    for (size_t n = 0; n < ls_.nodes.size(); ++n) {
      auto [it, fresh] =
          index.try_emplace(find(static_cast<int>(n)), static_cast<int>(components_.size()));
      if (fresh) components_.push_back({});
      components_[it->second].push_back(static_cast<int>(n));
      component_of_[n] = it->second;
    }
    constraints_of_.resize(components_.size());
    for (const auto& a : ls_.constraints) constraints_of_[component_of_[a.total]].push_back(&a);
    hidden_seen_.assign(components_.size(), -1);
  }

  int HiddenIn(size_t c) const {
    int k = 0;
    for (int n : components_[c]) k += node_hidden_[n] && !ls_.nodes[n].auxiliary ? 1 : 0;
    return k;
  }
  bool ChangedSince(size_t c) const { return HiddenIn(c) != hidden_seen_[c]; }

  // Secondary suppression and the audit of one component with `before` nodes hidden: which of its
  // nodes to hide (none when it has nothing to protect). Reads the state only, so that components
  // are solved at the same time.
  std::vector<bool> Pattern(size_t c, int before) const {
    const std::vector<int>& nodes = components_[c];
    if (before == 0 || constraints_of_[c].empty()) return {};
    std::map<int, int> local;
    sdc::TableSpec spec;
    spec.integer_values = false;
    std::vector<bool> hidden, sensitive;
    for (int n : nodes) {
      local[n] = static_cast<int>(spec.cells.size());
      sdc::TableCell cell;
      cell.label = ls_.nodes[n].label;
      cell.value = ls_.nodes[n].value;
      cell.integer = ls_.nodes[n].integer;
      cell.auxiliary = ls_.nodes[n].auxiliary;
      cell.constant = constant_[n];
      cell.sensitivity = sdc::Sensitivity::kNone;  // the engine applied the primary rule
      spec.cells.push_back(cell);
      hidden.push_back(node_hidden_[n]);
      sensitive.push_back(sensitive_[n]);
    }
    for (const sdc::Additivity* a : constraints_of_[c]) {
      sdc::Additivity l;
      l.total = local[a->total];
      for (int p : a->parts) l.parts.push_back(local[p]);
      spec.constraints.push_back(std::move(l));
    }
    std::vector<bool> result;
    if (sdc::ValidateTable(spec).ok()) {
      auto levels = sdc::ComputeLevels(spec, sensitive, sdc::ProtectionOptions{});
      auto outcome = sdc::SuppressSecondary(spec, hidden, levels, sdc::SecondaryOptions{false});
      if (!outcome.ok()) {
        // A cell that no pattern can protect (hiding every cell leaves it short of its levels:
        // a sum with a known part pins it) gets no levels; it stays hidden, and the others are
        // protected as before. Hiding the whole component would protect it no better.
        std::vector<bool> all(spec.cells.size());
        for (size_t i = 0; i < all.size(); ++i) all[i] = !spec.cells[i].constant;
        auto everything = sdc::AuditPattern(spec, all, levels);
        if (everything.ok()) {
          for (int cell : everything->UnsafeCells()) levels[cell] = sdc::ProtectionLevel{};
          outcome = sdc::SuppressSecondary(spec, hidden, levels, sdc::SecondaryOptions{false});
        }
      }
      if (outcome.ok()) result = outcome->suppressed;
    }
    // A table the library cannot take is protected by hiding every cell that could give a
    // hidden one away: all of them.
    if (result.empty()) result.assign(nodes.size(), true);
    return result;
  }

  // Hides the nodes of component `c` that `pattern` hides; true when it hid more than `before`.
  bool Apply(size_t c, int before, const std::vector<bool>& pattern) {
    hidden_seen_[c] = before;
    if (pattern.empty()) return false;
    const std::vector<int>& nodes = components_[c];
    for (size_t i = 0; i < nodes.size(); ++i) {
      if (pattern[i] && !constant_[nodes[i]]) node_hidden_[nodes[i]] = true;
    }
    hidden_seen_[c] = HiddenIn(c);
    return hidden_seen_[c] > before;
  }

  const LinkedStructure& ls_;
  std::vector<bool> value_hidden_;
  std::vector<bool> unsafe_;  // primary, or hidden by an earlier release
  std::vector<bool> node_hidden_;
  std::vector<bool> sensitive_;
  std::vector<bool> constant_;
  std::vector<std::vector<int>> components_;
  std::vector<int> component_of_;
  std::vector<std::vector<const sdc::Additivity*>> constraints_of_;
  std::vector<int> hidden_seen_;
};

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

std::string ReleasedKey(const std::string& indicator, const std::string& ministry,
                        const std::string& unit_type, const std::string& period,
                        const std::string& category) {
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", indicator, ministry, unit_type, period,
                     category);
}

Status ApplyDisclosure(const std::vector<IndicatorDef>& defs, const DisclosureSettings& settings,
                       std::vector<IndicatorValue>* values, const ReleasedPattern* released) {
  std::map<std::string, Disclosure> classes;
  for (const auto& d : defs) classes[d.id] = d.disclosure;
  // Primary: each figure by its own class; the numbers stay until the pattern is complete.
  std::vector<bool> primary(values->size(), false);
  for (size_t i = 0; i < values->size(); ++i) {
    primary[i] = PrimaryUnsafe(classes[(*values)[i].indicator], (*values)[i], settings);
  }
  // An earlier release of these figures stays in public view: what it hid stays hidden (and
  // protected), what it published unchanged is known.
  std::vector<bool> known(values->size(), false);
  std::vector<bool> hidden = primary;
  if (released != nullptr) {
    auto same = [](const std::optional<double>& a, const std::optional<double>& b) {
      return a && b && std::fabs(*a - *b) <= 1e-9 * std::max(1.0, std::fabs(*a));
    };
    for (size_t i = 0; i < values->size(); ++i) {
      const IndicatorValue& v = (*values)[i];
      auto it =
          released->find(ReleasedKey(v.indicator, v.ministry, v.unit_type, v.period, v.category));
      if (it == released->end() || v.status != "published") continue;
      if (it->second.status == "suppressed") hidden[i] = true;
      if (it->second.status == "published" && same(it->second.numerator, v.numerator) &&
          same(it->second.denominator, v.denominator)) {
        known[i] = true;
      }
    }
  }
  // Secondary: one pattern over every linked table together (docs/disclosure.md).
  const LinkedStructure ls = BuildLinkedStructure(defs, *values);
  Protector protector(ls, hidden, known);
  JBR_RETURN_IF_ERROR(protector.Run());
  for (size_t i = 0; i < values->size(); ++i) {
    if (primary[i]) {
      Suppress(&(*values)[i], "primary");
    } else if (protector.value_hidden()[i]) {
      Suppress(&(*values)[i], "secondary");
    }
  }
  return Status::Ok();
}

}  // namespace jbr
