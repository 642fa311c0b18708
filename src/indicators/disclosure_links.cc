#include "indicators/disclosure_links.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include <fmt/format.h>

namespace jbr {
namespace {

// Sums of fte-days and euros carry floating-point noise; the same tolerance as sdc::ValidateTable.
bool SumsTo(double sum, double total) {
  return std::fabs(sum - total) <= 1e-6 * std::max(1.0, std::fabs(total));
}
// Parts that nearly meet their total: a person with employments in two unit types is in both and
// once in all units. An intruder gets the hidden part nearly right from such a sum, so it is linked
// as if the gap were known (stricter than the intruder).
bool NearlySumsTo(double sum, double total) {
  return std::fabs(sum - total) <= std::max(2.0, 0.02 * std::fabs(total));
}
bool Same(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

bool IsQuarter(const std::string& period) { return period.size() == 7 && period[5] == 'Q'; }

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Unite(int a, int b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<int> parent_;
};

// One published quantity before identical ones are merged.
struct Raw {
  int value = -1;
  int q = 0;  // 0 numerator, 1 denominator
  double x = 0;
};

std::string Join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts) {
    out += p;
    out += '\x1f';
  }
  return out;
}

// The sub-population a figure is about, within its population: "" for all of it; a figure over
// the people of another figure's category ("personnel.scale_band/15+") is about that category.
std::string PopulationCategory(const IndicatorDef& def, const IndicatorValue& v) {
  for (const std::string* link : {&def.denominator_of, &def.numerator_of}) {
    auto slash = link->find('/');
    if (slash != std::string::npos) return link->substr(0, slash) + "|" + link->substr(slash + 1);
  }
  return v.category.empty() ? "" : def.id + "|" + v.category;
}

std::string Population(const IndicatorDef& def) {
  return def.population.empty() ? def.id : def.population;
}

class Builder {
 public:
  Builder(const std::vector<IndicatorDef>& defs, const std::vector<IndicatorValue>& values)
      : values_(values) {
    for (const auto& d : defs) by_id_[d.id] = &d;
  }

  LinkedStructure Build() {
    CollectQuantities();
    UnionFind uf(raw_.size());
    MergeIdentities(uf);
    std::vector<std::pair<int, std::vector<int>>> raw_constraints = Hierarchies();
    AddTotalOf(&raw_constraints);
    MakeNodes(uf, raw_constraints);
    StatusLinks();
    return std::move(out_);
  }

 private:
  const IndicatorDef* Def(const IndicatorValue& v) const {
    auto it = by_id_.find(v.indicator);
    return it == by_id_.end() ? nullptr : it->second;
  }

  void CollectQuantities() {
    out_.value_nodes.assign(values_.size(), {-1, -1});
    for (size_t i = 0; i < values_.size(); ++i) {
      const IndicatorValue& v = values_[i];
      const IndicatorDef* def = Def(v);
      if (def == nullptr || def->disclosure == Disclosure::kNone || v.status == "missing" ||
          !v.numerator || !v.denominator) {
        continue;
      }
      const bool ratio = def->disclosure == Disclosure::kPersonStatistic;
      for (int q = 0; q < (ratio ? 2 : 1); ++q) {
        const double x = q == 0 ? *v.numerator : *v.denominator;
        const int r = static_cast<int>(raw_.size());
        raw_.push_back({static_cast<int>(i), q, x});
        out_.value_nodes[i][q] = r;
        auto [it, fresh] = whole_.try_emplace({v.indicator, q}, true);
        it->second = it->second && x == std::floor(x);
        (void)fresh;
      }
    }
  }

  bool Whole(const Raw& r) const { return whole_.at({values_[r.value].indicator, r.q}); }

  // The same quantity published twice is one node: within one population cell, equal numbers are
  // taken to be the same people (which is also what an intruder would try). Magnitudes that are
  // not whole (fte-days) are compared across the periods of one year too (the rolling rate of the
  // fourth quarter is the year's rate); equal whole numbers there could be chance.
  void MergeIdentities(UnionFind& uf) {
    std::map<std::string, std::vector<int>> cells;
    for (size_t r = 0; r < raw_.size(); ++r) {
      const IndicatorValue& v = values_[raw_[r].value];
      const IndicatorDef& def = *Def(v);
      const std::string pop = Population(def);
      const std::string cat = PopulationCategory(def, v);
      cells[Join({pop, v.ministry, v.unit_type, v.period, cat})].push_back(static_cast<int>(r));
      if (!Whole(raw_[r])) {
        cells[Join({"year", pop, v.ministry, v.unit_type, v.period.substr(0, 4), cat})].push_back(
            static_cast<int>(r));
      }
    }
    for (const auto& [key, members] : cells) {
      for (size_t a = 0; a < members.size(); ++a) {
        for (size_t b = a + 1; b < members.size(); ++b) {
          const bool year_cell = key.rfind("year\x1f", 0) == 0;
          if (year_cell && (Whole(raw_[members[a]]) || Whole(raw_[members[b]]))) continue;
          // Zeros are equal by chance, not the same people: merging them would tie unrelated
          // tables together.
          if (raw_[members[a]].x == 0) continue;
          if (Same(raw_[members[a]].x, raw_[members[b]].x)) uf.Unite(members[a], members[b]);
        }
      }
    }
  }

  // The hierarchies, wherever the numbers add up: the Rijk and the ministries counted in it, all
  // units and the unit types, the year and its quarters, the total and its categories.
  std::vector<std::pair<int, std::vector<int>>> Hierarchies() {
    enum Dim { kMinistry, kUnit, kPeriod, kCategory };
    std::vector<std::pair<int, std::vector<int>>> found;
    for (Dim dim : {kMinistry, kUnit, kPeriod, kCategory}) {
      // Key without `dim` (the year of a quarter stands for its period) -> totals and parts.
      std::map<std::string, std::pair<std::vector<int>, std::vector<int>>> groups;
      for (size_t r = 0; r < raw_.size(); ++r) {
        const IndicatorValue& v = values_[raw_[r].value];
        const std::string q = std::to_string(raw_[r].q);
        bool total = false;
        bool part = false;
        std::string key;
        switch (dim) {
          case kMinistry:
            total = v.ministry == kRijk;
            part = !total && v.in_rijk;
            key = Join({v.indicator, q, v.unit_type, v.period, v.category});
            break;
          case kUnit:
            total = v.unit_type.empty();
            part = !total;
            key = Join({v.indicator, q, v.ministry, v.period, v.category});
            break;
          case kPeriod:
            total = !IsQuarter(v.period);
            part = !total;
            key =
                Join({v.indicator, q, v.ministry, v.unit_type, v.period.substr(0, 4), v.category});
            break;
          case kCategory:
            total = v.category.empty();
            part = !total;
            key = Join({v.indicator, q, v.ministry, v.unit_type, v.period});
            break;
        }
        auto& g = groups[key];
        if (total) g.first.push_back(static_cast<int>(r));
        if (part) g.second.push_back(static_cast<int>(r));
      }
      for (const auto& [key, g] : groups) {
        if (g.first.size() != 1 || g.second.empty()) continue;
        double sum = 0;
        for (int p : g.second) sum += raw_[p].x;
        if (SumsTo(sum, raw_[g.first[0]].x)) {
          found.push_back({g.first[0], g.second});
        } else if (NearlySumsTo(sum, raw_[g.first[0]].x)) {
          near_.push_back({g.first[0], g.second});
        }
      }
    }
    return found;
  }

  // One indicator's categories adding up to another's numerator or denominator
  // (IndicatorDef::total_of: the age bands and the headcount, the episodes by duration class and
  // the mean duration's episodes).
  void AddTotalOf(std::vector<std::pair<int, std::vector<int>>>* found) const {
    std::map<std::string, int> at;
    for (size_t r = 0; r < raw_.size(); ++r) {
      const IndicatorValue& v = values_[raw_[r].value];
      at[Join({v.indicator, std::to_string(raw_[r].q), v.ministry, v.unit_type, v.period,
               v.category})] = static_cast<int>(r);
    }
    // Per breakdown and ministry, unit type and period: its category nodes, and where the
    // target's figure would be (its key without the quantity).
    std::map<std::string, std::pair<std::vector<int>, std::array<std::string, 2>>> sums;
    for (size_t r = 0; r < raw_.size(); ++r) {
      const IndicatorValue& v = values_[raw_[r].value];
      const IndicatorDef& def = *Def(v);
      if (def.total_of.empty() || v.category.empty() || raw_[r].q != 0) continue;
      auto& s = sums[Join({v.indicator, v.ministry, v.unit_type, v.period})];
      s.first.push_back(static_cast<int>(r));
      s.second = {def.total_of, Join({v.ministry, v.unit_type, v.period, ""})};
    }
    for (const auto& [key, s] : sums) {
      double sum = 0;
      for (int p : s.first) sum += raw_[p].x;
      // The target's numerator, else its denominator.
      for (const char* q : {"0", "1"}) {
        auto it = at.find(Join({s.second[0], q}) + s.second[1]);
        if (it != at.end() && SumsTo(sum, raw_[it->second].x)) {
          found->push_back({it->second, s.first});
          break;
        }
      }
    }
  }

  void MakeNodes(UnionFind& uf,
                 const std::vector<std::pair<int, std::vector<int>>>& raw_constraints) {
    std::vector<int> node_of(raw_.size(), -1);
    std::map<int, int> node_of_root;
    for (size_t r = 0; r < raw_.size(); ++r) {
      const int root = uf.Find(static_cast<int>(r));
      auto [it, fresh] = node_of_root.try_emplace(root, static_cast<int>(out_.nodes.size()));
      if (fresh) {
        const IndicatorValue& v = values_[raw_[r].value];
        out_.nodes.push_back({raw_[r].x, Whole(raw_[r]),
                              fmt::format("{}{}/{}/{}/{}/{}", v.indicator, raw_[r].q ? "#den" : "",
                                          v.ministry, v.unit_type, v.period, v.category)});
      } else {
        ++out_.merged_quantities;
        out_.nodes[it->second].integer = out_.nodes[it->second].integer && Whole(raw_[r]);
      }
      node_of[r] = it->second;
    }
    for (auto& vn : out_.value_nodes) {
      for (int& n : vn) {
        if (n >= 0) n = node_of[n];
      }
    }
    AddNearSums(node_of);
    std::set<std::pair<int, std::vector<int>>> seen;
    for (const auto& [total, parts] : raw_constraints) {
      sdc::Additivity a;
      a.total = node_of[total];
      std::set<int> distinct;
      bool usable = out_.nodes[a.total].value >= 0;
      for (int p : parts) {
        const int n = node_of[p];
        usable = usable && n != a.total && distinct.insert(n).second && out_.nodes[n].value >= 0;
        a.parts.push_back(n);
      }
      if (!usable) continue;  // merged into itself, or a negative correction: no sum to publish
      std::vector<int> key = a.parts;
      std::sort(key.begin(), key.end());
      if (!seen.insert({a.total, key}).second) continue;
      out_.constraints.push_back(std::move(a));
    }
  }

  // A near sum with gap g = sum - total: total = parts + (-g) when the parts fall short, else
  // V = parts and V = total + g, with V auxiliary (the intruder does not know it) and the gap a
  // known constant.
  void AddNearSums(const std::vector<int>& node_of) {
    for (const auto& [raw_total, raw_parts] : near_) {
      sdc::Additivity sum;
      std::set<int> distinct;
      const int total = node_of[raw_total];
      bool usable = out_.nodes[total].value >= 0;
      double parts_value = 0;
      bool whole = out_.nodes[total].integer;
      for (int p : raw_parts) {
        const int n = node_of[p];
        usable = usable && n != total && distinct.insert(n).second && out_.nodes[n].value >= 0;
        sum.parts.push_back(n);
        parts_value += out_.nodes[n].value;
        whole = whole && out_.nodes[n].integer;
      }
      if (!usable) continue;
      const double gap = parts_value - out_.nodes[total].value;
      const int gap_node = static_cast<int>(out_.nodes.size());
      out_.nodes.push_back({std::fabs(gap), whole, out_.nodes[total].label + "#gap", false, true});
      if (gap < 0) {
        sum.total = total;
        sum.parts.push_back(gap_node);
        out_.constraints.push_back(std::move(sum));
      } else {
        const int v = static_cast<int>(out_.nodes.size());
        out_.nodes.push_back({parts_value, whole, out_.nodes[total].label + "#parts", true, false});
        sum.total = v;
        out_.constraints.push_back(std::move(sum));
        out_.constraints.push_back(sdc::Additivity{v, {total, gap_node}});
      }
      ++out_.near_sums;
    }
  }

  // Figures that share a status: a population cell's; a rolling figure and its quarters.
  void StatusLinks() {
    std::map<std::string, std::vector<int>> cells;
    std::map<std::string, int> by_key;  // indicator, ministry, unit, period, category -> value
    for (size_t i = 0; i < values_.size(); ++i) {
      const IndicatorValue& v = values_[i];
      if (out_.value_nodes[i][0] < 0) continue;
      const IndicatorDef& def = *Def(v);
      cells[Join({Population(def), v.ministry, v.unit_type, v.period, PopulationCategory(def, v)})]
          .push_back(static_cast<int>(i));
      by_key[Join({v.indicator, v.ministry, v.unit_type, v.period, v.category})] =
          static_cast<int>(i);
    }
    for (auto& [key, members] : cells) {
      if (members.size() > 1) out_.groups.push_back(members);
    }
    for (size_t i = 0; i < values_.size(); ++i) {
      const IndicatorValue& w = values_[i];
      if (out_.value_nodes[i][0] < 0 || !IsQuarter(w.period)) continue;
      const IndicatorDef& def = *Def(w);
      if (def.rolling_of.empty()) continue;
      const int k = w.period[6] - '0';
      const std::string year = w.period.substr(0, 4);
      for (int j = 1; j <= 4; ++j) {
        auto it = by_key.find(Join(
            {def.rolling_of, w.ministry, w.unit_type, fmt::format("{}-Q{}", year, j), w.category}));
        if (it == by_key.end()) continue;
        if (j <= k) out_.implies.push_back({it->second, static_cast<int>(i)});
        if (j == k) out_.implies.push_back({static_cast<int>(i), it->second});
      }
    }
  }

  const std::vector<IndicatorValue>& values_;
  std::map<std::string, const IndicatorDef*> by_id_;
  std::vector<Raw> raw_;
  std::vector<std::pair<int, std::vector<int>>> near_;  // raw total, raw parts
  std::map<std::pair<std::string, int>, bool> whole_;
  LinkedStructure out_;
};

}  // namespace

LinkedStructure BuildLinkedStructure(const std::vector<IndicatorDef>& defs,
                                     const std::vector<IndicatorValue>& values) {
  return Builder(defs, values).Build();
}

}  // namespace jbr
