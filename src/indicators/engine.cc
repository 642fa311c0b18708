#include "indicators/engine.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "common/text.h"
#include "indicators/core/parallel.h"
#include "indicators/core/themes.h"
#include "indicators/disclosure_step.h"

namespace jbr {
namespace {

std::string PreviousPeriod(const std::string& period) {
  // "2020" -> "2019", "2020-Q2" -> "2019-Q2"
  int year = std::stoi(period.substr(0, 4));
  return std::to_string(year - 1) + period.substr(4);
}

std::set<std::string> Excluded(const ReferenceData& ref, const std::vector<std::string>& datasets) {
  std::set<std::string> out;
  const RefTable* scope = ref.Get("rijk_scope");
  if (scope == nullptr) return out;
  for (const auto& d : datasets) {
    for (const auto* row : scope->Find({{"dataset", d}})) {
      for (auto code : Split((*row)[scope->Column("exclude")], ";")) {
        if (!Trim(code).empty()) out.insert(std::string(Trim(code)));
      }
    }
  }
  return out;
}

bool HasAll(const MinistryInputs& in, const std::vector<std::string>& datasets) {
  return std::all_of(datasets.begin(), datasets.end(),
                     [&](const std::string& d) { return in.Get(d) != nullptr; });
}

std::vector<int64_t> DeliveryIds(const std::vector<const MinistryInputs*>& inputs,
                                 const std::vector<std::string>& datasets) {
  std::vector<int64_t> ids;
  for (const auto* in : inputs) {
    for (const auto& d : datasets) {
      if (const Table* t = in->Get(d)) ids.push_back(t->delivery.id);
    }
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// `ids` and the deliveries of `def`'s adjacent datasets of the years before and after, where read.
std::vector<int64_t> WithAdjacent(std::vector<int64_t> ids, const IndicatorDef& def,
                                  const std::vector<const MinistryInputs*>& inputs) {
  if (def.adjacent_datasets.empty()) return ids;
  for (const auto* in : inputs) {
    for (const MinistryInputs* next : {def.adjacent_before ? in->year_before : nullptr,
                                       def.adjacent_after ? in->year_after : nullptr}) {
      if (next == nullptr) continue;
      for (const auto& d : def.adjacent_datasets) {
        if (const Table* t = next->Get(d)) ids.push_back(t->delivery.id);
      }
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// The inputs of one year: every ministry existing that year, the datasets loaded so far.
struct YearInputs {
  std::vector<MinistryInputs> ministries;
  std::set<std::string> loaded;
};

// Every year's inputs, loaded once and only with the datasets asked for; the adjacent datasets
// of the years before and after are linked to each ministry's inputs (MinistryInputs::year_before,
// year_after). Pointers into it stay valid while it lives.
class InputCache {
 public:
  InputCache(const ComputeEnv& env, std::vector<std::string> adjacent)
      : env_(env), adjacent_(std::move(adjacent)) {}

  Result<const YearInputs*> Get(int year, const std::vector<std::string>& datasets) {
    JBR_ASSIGN_OR_RETURN(YearInputs * y, Ensure(year, datasets));
    if (adjacent_.empty()) return y;
    JBR_ASSIGN_OR_RETURN(YearInputs * before, Ensure(year - 1, adjacent_));
    JBR_ASSIGN_OR_RETURN(YearInputs * after, Ensure(year + 1, adjacent_));
    for (auto& in : y->ministries) {
      in.year_before = Find(*before, in.ministry);
      in.year_after = Find(*after, in.ministry);
    }
    return y;
  }

  // The first field that could not be read (Table::ReadStatus): its figures must not be used.
  Status ReadStatus() const {
    for (const auto& [year, y] : years_) {
      for (const auto& in : y->ministries) {
        for (const auto& [name, table] : in.tables) JBR_RETURN_IF_ERROR(table.ReadStatus());
      }
    }
    return Status::Ok();
  }

 private:
  static const MinistryInputs* Find(const YearInputs& y, const std::string& ministry) {
    for (const auto& in : y.ministries) {
      if (in.ministry == ministry) return &in;
    }
    return nullptr;
  }

  Result<YearInputs*> Ensure(int year, const std::vector<std::string>& datasets) {
    auto& slot = years_[year];
    if (!slot) {
      slot = std::make_unique<YearInputs>();
      for (const Ministry* m : env_.ministries->InYear(year)) {
        MinistryInputs in;
        in.ministry = m->code;
        in.year = year;
        slot->ministries.push_back(std::move(in));
      }
    }
    std::vector<std::string> missing;
    for (const auto& d : datasets) {
      if (!slot->loaded.count(d)) missing.push_back(d);
    }
    if (missing.empty()) return slot.get();
    for (auto& in : slot->ministries) {
      JBR_ASSIGN_OR_RETURN(auto more, LoadInputs(env_.store, *env_.schemas, in.ministry, year,
                                                 missing, &store_mutex_));
      for (auto& [name, table] : more.tables) in.tables.emplace(name, std::move(table));
    }
    slot->loaded.insert(missing.begin(), missing.end());
    return slot.get();
  }

  const ComputeEnv& env_;
  std::vector<std::string> adjacent_;
  std::mutex store_mutex_;  // the store, for the fields read on first use from several threads
  std::map<int, std::unique_ptr<YearInputs>> years_;
};

// Cells of one theme for one group of indicators (same Rijk scope), per ministry and for the Rijk.
struct GroupCells {
  std::map<std::string, CellMap> by_ministry;  // ministry or "Rijk" -> cells
  std::map<std::string, std::vector<int64_t>> deliveries;
};

Result<GroupCells> ComputeGroup(const Theme& theme, const ThemeContext& ctx, int year,
                                const YearInputs& y, const std::vector<IndicatorDef>& defs,
                                const std::set<std::string>& excluded) {
  std::set<std::string> ids;
  std::vector<std::string> datasets;
  for (const auto& d : defs) {
    ids.insert(d.id);
    datasets.insert(datasets.end(), d.datasets.begin(), d.datasets.end());
    datasets.insert(datasets.end(), d.optional_datasets.begin(), d.optional_datasets.end());
  }
  GroupCells out;
  auto keep = [&](const std::vector<Cell>& cells, CellMap* into) {
    for (const auto& c : cells) {
      if (ids.count(c.indicator)) (*into)[{c.indicator, c.unit_type, c.period, c.category}] = c;
    }
  };
  // Every ministry that delivered anything, and which of them the Rijk pools: one pass.
  std::vector<const MinistryInputs*> delivered, counted;
  std::vector<bool> pool;
  for (const auto& in : y.ministries) {
    if (in.tables.empty()) continue;
    delivered.push_back(&in);
    pool.push_back(!excluded.count(in.ministry));
    if (pool.back()) counted.push_back(&in);
  }
  JBR_ASSIGN_OR_RETURN(auto cells, theme.ComputeEach(ctx, year, delivered, pool));
  for (size_t i = 0; i < delivered.size(); ++i) {
    keep(cells.each[i], &out.by_ministry[delivered[i]->ministry]);
    out.deliveries[delivered[i]->ministry] = DeliveryIds({delivered[i]}, datasets);
  }
  if (!counted.empty()) {
    keep(cells.pooled, &out.by_ministry[kRijk]);
    out.deliveries[kRijk] = DeliveryIds(counted, datasets);
  }
  return out;
}

std::string NormFlag(const IndicatorDef& def, double value) {
  if (!def.norm) return "";
  const Norm& n = *def.norm;
  if (n.kind == Norm::Kind::kMaximum && value > n.value) return n.flag;
  if (n.kind == Norm::Kind::kMinimum && value < n.value) return n.flag;
  return "";
}

void AddFlag(std::string* flags, const std::string& flag) {
  if (flag.empty()) return;
  if (!flags->empty()) *flags += ";";
  *flags += flag;
}

IndicatorValue ToValue(const IndicatorDef& def, const std::string& ministry, const Cell& c) {
  IndicatorValue v;
  v.indicator = def.id;
  v.ministry = ministry;
  v.unit_type = c.unit_type;
  v.period = c.period;
  v.category = c.category;
  v.unit = def.unit;
  v.status = "published";
  v.numerator = c.numerator;
  v.denominator = c.denominator;
  v.persons = c.persons;
  if (c.denominator != 0 && std::isfinite(c.numerator)) {
    v.value = c.numerator / c.denominator * def.scale;
    AddFlag(&v.flag, NormFlag(def, *v.value));
  } else {
    v.status = "missing";  // no population: there is no figure (never 0/0 as zero)
    v.numerator.reset();
    v.denominator.reset();
  }
  return v;
}

IndicatorValue MissingValue(const IndicatorDef& def, const std::string& ministry, int year) {
  IndicatorValue v;
  v.indicator = def.id;
  v.ministry = ministry;
  v.period = std::to_string(year);
  v.unit = def.unit;
  v.status = "missing";
  return v;
}

// What a figure read without an adjacent year's delivery cannot see, for jbr explain; "" when
// every adjacent delivery is there. `inputs` are the ministries behind the figure.
std::string AdjacentNote(const IndicatorDef& def, const std::vector<const MinistryInputs*>& inputs,
                         int year) {
  std::string note;
  for (const auto& d : def.adjacent_datasets) {
    for (int side = 0; side < 2; ++side) {
      if (!(side == 0 ? def.adjacent_before : def.adjacent_after)) continue;
      std::vector<std::string> without;
      for (const auto* in : inputs) {
        const MinistryInputs* next = side == 0 ? in->year_before : in->year_after;
        if (next == nullptr || next->Get(d) == nullptr) without.push_back(in->ministry);
      }
      if (without.empty()) continue;
      const int other = side == 0 ? year - 1 : year + 1;
      note += fmt::format(
          "{}no current {} delivery of {} ({}): {} is read from the {} delivery alone{}",
          note.empty() ? "" : "; ", d, other, fmt::join(without, ", "),
          side == 0 ? fmt::format("whether a person had an employment on 31 December {}", other)
                    : fmt::format("whether a person has an employment on 1 January {}", other),
          year,
          side == 0 ? fmt::format(", so a renewal on 1 January {} may count as a start", year)
                    : fmt::format(", so a renewal after 31 December {} may count as an end", year));
    }
  }
  return note;
}

// Where the figures of `year` of `defs` read across the turn of the year without an adjacent
// year's delivery: per dataset read across and side, the ministries with a figure of the year
// (every dataset of one of the definitions that read it) but no such delivery. The stored form of
// what AdjacentNote tells jbr explain, for the method page.
std::vector<AdjacentGap> AdjacentGaps(const std::vector<IndicatorDef>& defs, const YearInputs& y,
                                      int year) {
  // Per dataset and side (0: the year before, 1: the year after), the definitions reading it.
  std::map<std::string, std::array<std::vector<const IndicatorDef*>, 2>> readers;
  for (const auto& def : defs) {
    for (const auto& d : def.adjacent_datasets) {
      if (def.adjacent_before) readers[d][0].push_back(&def);
      if (def.adjacent_after) readers[d][1].push_back(&def);
    }
  }
  std::vector<AdjacentGap> out;
  for (const auto& [dataset, sides] : readers) {
    for (int side = 0; side < 2; ++side) {
      const std::vector<const IndicatorDef*>& reading = sides[side];
      if (reading.empty()) continue;
      AdjacentGap gap{year, dataset, side == 0 ? year - 1 : year + 1, {}, {}};
      for (const IndicatorDef* def : reading) gap.indicators.push_back(def->id);
      for (const auto& in : y.ministries) {
        const bool has_figure =
            std::any_of(reading.begin(), reading.end(),
                        [&](const IndicatorDef* def) { return HasAll(in, def->datasets); });
        const MinistryInputs* next = side == 0 ? in.year_before : in.year_after;
        if (has_figure && (next == nullptr || next->Get(dataset) == nullptr))
          gap.ministries.push_back(in.ministry);
      }
      if (!gap.ministries.empty()) out.push_back(std::move(gap));
    }
  }
  return out;
}

// A run of cells, for a range-for (std::ranges::subrange would do, but clang-tidy's clang 14
// cannot read libstdc++ 12's ranges, and jbr_tidy checks this file).
struct CellRun {
  CellMap::const_iterator first, last;
  CellMap::const_iterator begin() const { return first; }
  CellMap::const_iterator end() const { return last; }
};

// The cells of `indicator` in `cells`: one run, since the key begins with the indicator.
CellRun OfIndicator(const CellMap& cells, const std::string& indicator) {
  auto first = cells.lower_bound(CellKey{indicator, "", "", ""});
  auto last = first;
  while (last != cells.end() && std::get<0>(last->first) == indicator) ++last;
  return {first, last};
}

// Values of one year for one group: ministries (missing where they did not deliver) and the Rijk.
// With `missing_without_cells`, a ministry that delivered but has no cell of a figure is missing
// for it (a derived figure without the other year).
std::vector<IndicatorValue> GroupValues(const std::vector<IndicatorDef>& defs,
                                        const GroupCells& cells, const YearInputs& y,
                                        const std::set<std::string>& excluded, int year,
                                        bool missing_without_cells = false) {
  std::vector<IndicatorValue> out;
  for (const auto& def : defs) {
    std::vector<std::string> missing;
    std::vector<const MinistryInputs*> counted;
    for (const auto& in : y.ministries) {
      if (!HasAll(in, def.datasets)) {
        out.push_back(MissingValue(def, in.ministry, year));
        if (!excluded.count(in.ministry)) missing.push_back(in.ministry);
        continue;
      }
      if (!excluded.count(in.ministry)) counted.push_back(&in);
      auto it = cells.by_ministry.find(in.ministry);
      bool any = false;
      const std::string note = AdjacentNote(def, {&in}, year);
      if (it != cells.by_ministry.end()) {
        const std::vector<int64_t> ids = WithAdjacent(cells.deliveries.at(in.ministry), def, {&in});
        for (const auto& [key, c] : OfIndicator(it->second, def.id)) {
          IndicatorValue v = ToValue(def, in.ministry, c);
          v.deliveries = ids;
          v.in_rijk = !excluded.count(in.ministry);
          v.note = note;
          out.push_back(std::move(v));
          any = true;
        }
      }
      if (!any && missing_without_cells) out.push_back(MissingValue(def, in.ministry, year));
    }
    if (!def.rijk) continue;
    auto rijk = cells.by_ministry.find(kRijk);
    bool any = false;
    const std::string note = AdjacentNote(def, counted, year);
    if (rijk != cells.by_ministry.end()) {
      const std::vector<int64_t> ids = WithAdjacent(cells.deliveries.at(kRijk), def, counted);
      for (const auto& [key, c] : OfIndicator(rijk->second, def.id)) {
        IndicatorValue v = ToValue(def, kRijk, c);
        v.deliveries = ids;
        if (!missing.empty()) AddFlag(&v.flag, "incomplete");
        v.note = note;
        out.push_back(std::move(v));
        any = true;
      }
    }
    if (!any) out.push_back(MissingValue(def, kRijk, year));
  }
  return out;
}

std::string ValueKey(const IndicatorValue& v, const std::string& period) {
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", v.indicator, v.ministry, v.unit_type, period,
                     v.category);
}

void AttachPrevious(std::vector<IndicatorValue>* current,
                    const std::vector<IndicatorValue>& previous) {
  std::map<std::string, const IndicatorValue*> prev;
  for (const auto& p : previous) prev[ValueKey(p, p.period)] = &p;
  for (auto& v : *current) {
    auto it = prev.find(ValueKey(v, PreviousPeriod(v.period)));
    if (it == prev.end()) continue;
    v.previous_status = it->second->status;
    v.previous_deliveries = it->second->deliveries;
    if (it->second->status != "published" || !it->second->value) continue;
    v.previous = it->second->value;
    if (v.status == "published" && v.value) v.change = *v.value - *v.previous;
  }
}

void SortValues(std::vector<IndicatorValue>* values) {
  std::stable_sort(
      values->begin(), values->end(), [](const IndicatorValue& a, const IndicatorValue& b) {
        const int rijk_a = a.ministry == kRijk ? 1 : 0, rijk_b = b.ministry == kRijk ? 1 : 0;
        return std::tie(a.indicator, rijk_a, a.ministry, a.unit_type, a.period, a.category) <
               std::tie(b.indicator, rijk_b, b.ministry, b.unit_type, b.period, b.category);
      });
}

// The cells of a theme's indicators per year, computed once: the engine's own groups, and the
// sources of derived figures for the other years they need.
class CellCache {
 public:
  CellCache(InputCache* inputs, const ThemeContext& ctx, const ReferenceData& ref)
      : inputs_(inputs), ctx_(ctx), ref_(ref) {}

  void Put(const Theme& theme, int year, const std::vector<IndicatorDef>& defs,
           const GroupCells& cells) {
    auto shared = std::make_shared<GroupCells>(cells);  // one copy for the group's indicators
    for (const auto& d : defs) entries_[{theme.name(), d.id, year}] = shared;
  }

  // The cells of `def` of `theme` in `year` (computed when not yet there).
  Result<std::shared_ptr<const GroupCells>> Get(const Theme& theme, const IndicatorDef& def,
                                                int year) {
    auto key = std::make_tuple(theme.name(), def.id, year);
    auto it = entries_.find(key);
    if (it != entries_.end()) return std::shared_ptr<const GroupCells>(it->second);
    std::vector<std::string> datasets = def.datasets;
    datasets.insert(datasets.end(), def.optional_datasets.begin(), def.optional_datasets.end());
    JBR_ASSIGN_OR_RETURN(const YearInputs* y, inputs_->Get(year, datasets));
    JBR_ASSIGN_OR_RETURN(auto cells,
                         ComputeGroup(theme, ctx_, year, *y, {def}, Excluded(ref_, def.datasets)));
    auto shared = std::make_shared<GroupCells>(std::move(cells));
    entries_[key] = shared;
    return std::shared_ptr<const GroupCells>(shared);
  }

 private:
  InputCache* inputs_;
  ThemeContext ctx_;
  const ReferenceData& ref_;
  std::map<std::tuple<std::string, std::string, int>, std::shared_ptr<GroupCells>> entries_;
};

// The values of a derived figure in `year`: the theme's combination of its source's cells of
// `year` and of the other year, per ministry and for the Rijk.
Result<std::vector<IndicatorValue>> DerivedValues(InputCache* inputs, CellCache* cache,
                                                  const Theme& theme, const IndicatorDef& source,
                                                  const DerivedFigure& figure,
                                                  const std::set<std::string>& excluded, int year) {
  JBR_ASSIGN_OR_RETURN(auto now, cache->Get(theme, source, year));
  JBR_ASSIGN_OR_RETURN(auto other, cache->Get(theme, source, figure.other_year(year)));
  static const CellMap kNone;
  GroupCells derived;
  for (const auto& [ministry, cells] : now->by_ministry) {
    auto o = other->by_ministry.find(ministry);
    const bool has_other = o != other->by_ministry.end();
    CellMap& into = derived.by_ministry[ministry];
    for (Cell c : figure.combine(year, cells, has_other ? o->second : kNone)) {
      c.indicator = figure.def.id;
      into[{c.indicator, c.unit_type, c.period, c.category}] = c;
    }
    auto ids = now->deliveries.at(ministry);
    if (has_other) {
      const auto& more = other->deliveries.at(ministry);
      ids.insert(ids.end(), more.begin(), more.end());
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    derived.deliveries[ministry] = std::move(ids);
  }
  JBR_ASSIGN_OR_RETURN(const YearInputs* y, inputs->Get(year, source.datasets));
  return GroupValues({figure.def}, derived, *y, excluded, year, /*missing_without_cells=*/true);
}

std::string FactorVintage(const ReferenceData& ref, int year) {
  auto v = EmissionFactorVintage(ref, year);
  return v.ok() ? *v : "";
}

// Whether any figure derived from `source` is asked for.
bool SourceOfAsked(const std::vector<DerivedFigure>& derived, const std::string& source,
                   const std::string& pattern) {
  return std::any_of(derived.begin(), derived.end(), [&](const DerivedFigure& f) {
    return f.source == source && MatchesPattern(f.def.id, pattern);
  });
}

// A rolling figure of the first three quarters covers last year's later quarters too: rolling Q1
// minus this year's Q1 is last year's Q2-Q4, and last year's total minus that is its Q1. So a
// rolling figure over a quarter of last year that is hidden must be hidden as well: it is put in
// `pattern` as hidden, which ApplyDisclosure keeps hidden and protects.
void HideRollingOverHiddenQuarters(const std::vector<IndicatorDef>& defs,
                                   const std::vector<IndicatorValue>& previous,
                                   const std::vector<IndicatorValue>& current,
                                   ReleasedPattern* pattern) {
  std::map<std::string, std::string> rolling_of;
  for (const auto& d : defs) {
    if (!d.rolling_of.empty()) rolling_of[d.id] = d.rolling_of;
  }
  if (rolling_of.empty()) return;
  std::set<std::string> hidden_before;
  for (const auto& v : previous) {
    if (v.status == "suppressed") {
      hidden_before.insert(ReleasedKey(v.indicator, v.ministry, v.unit_type, v.period, v.category));
    }
  }
  for (const auto& v : current) {
    auto it = rolling_of.find(v.indicator);
    if (it == rolling_of.end() || v.period.size() != 7 || v.period[5] != 'Q') continue;
    const int k = v.period[6] - '0';
    const int last_year = std::stoi(v.period.substr(0, 4)) - 1;
    for (int j = k + 1; j <= 4; ++j) {
      const std::string quarter = fmt::format("{}-Q{}", last_year, j);
      if (hidden_before.count(
              ReleasedKey(it->second, v.ministry, v.unit_type, quarter, v.category))) {
        (*pattern)[ReleasedKey(v.indicator, v.ministry, v.unit_type, v.period, v.category)] =
            ReleasedCell{"suppressed", {}, {}};
      }
    }
  }
}

// What the releases of `year` showed: a cell hidden by any of them is hidden; the numbers are the
// first release's, the one restatements compare with (docs/disclosure.md, "Over time").
Result<ReleasedPattern> Released(Store* store, int year) {
  ReleasedPattern out;
  if (store == nullptr) return out;
  JBR_ASSIGN_OR_RETURN(std::vector<Release> releases, store->ListReleases(year));
  std::sort(releases.begin(), releases.end(),
            [](const Release& a, const Release& b) { return a.number < b.number; });
  for (const Release& r : releases) {
    JBR_ASSIGN_OR_RETURN(std::vector<StoredValue> values, store->ComputeRunValues(r.run_id));
    for (const StoredValue& v : values) {
      auto [it, fresh] =
          out.try_emplace(ReleasedKey(v.indicator, v.ministry, v.unit_type, v.period, v.category),
                          ReleasedCell{v.status, v.numerator, v.denominator});
      if (!fresh && v.status == "suppressed") it->second.status = "suppressed";
    }
  }
  return out;
}

}  // namespace

bool MatchesPattern(const std::string& id, const std::string& pattern) {
  if (pattern.empty() || pattern == "*") return true;
  if (pattern.back() == '*') {
    std::string prefix = pattern.substr(0, pattern.size() - 1);
    return id.compare(0, prefix.size(), prefix) == 0;
  }
  return id == pattern;
}

Result<ComputeResult> ComputeYear(const ComputeEnv& env, const ComputeOptions& options) {
  ComputeResult result;
  result.year = options.year;
  result.factor_vintage = FactorVintage(*env.reference, options.year);
  ThemeContext ctx{env.reference};
  const auto themes = AllThemes();
  // Only the datasets that the asked indicators (and the sources of asked derived figures) read
  // are decoded: a store holds many.
  std::set<std::string> needed, adjacent;
  for (const auto& theme : themes) {
    const auto derived = theme->Derived(*env.reference);
    for (const auto& def : theme->Indicators()) {
      if (!MatchesPattern(def.id, options.indicator_pattern) &&
          !SourceOfAsked(derived, def.id, options.indicator_pattern)) {
        continue;
      }
      needed.insert(def.datasets.begin(), def.datasets.end());
      needed.insert(def.optional_datasets.begin(), def.optional_datasets.end());
      adjacent.insert(def.adjacent_datasets.begin(), def.adjacent_datasets.end());
    }
  }
  const std::vector<std::string> datasets(needed.begin(), needed.end());
  std::set<int> years{options.year, options.year - 1};  // whose figures the run computes
  InputCache inputs(env, std::vector<std::string>(adjacent.begin(), adjacent.end()));
  CellCache cache(&inputs, ctx, *env.reference);
  JBR_ASSIGN_OR_RETURN(const YearInputs* now, inputs.Get(options.year, datasets));
  JBR_ASSIGN_OR_RETURN(const YearInputs* before, inputs.Get(options.year - 1, datasets));
  std::vector<IndicatorValue> current, previous;
  // Every theme's groups of indicators (by Rijk scope), each computed for both years.
  struct Group {
    const Theme* theme;
    std::set<std::string> excluded;
    std::vector<IndicatorDef> defs;
  };
  std::vector<std::vector<IndicatorDef>> own_defs;  // per theme, its norms resolved
  std::vector<std::vector<IndicatorDef>> asked;     // per theme, those of own_defs asked for
  std::vector<Group> groups;
  std::vector<size_t> groups_end;  // per theme, the end of its groups in `groups`
  for (const auto& theme : themes) {
    std::map<std::set<std::string>, std::vector<IndicatorDef>> by_scope;
    std::vector<IndicatorDef> own = theme->Indicators();
    JBR_RETURN_IF_ERROR(ResolveNorms(*env.reference, &own));
    asked.emplace_back();
    for (const auto& def : own) {
      if (!MatchesPattern(def.id, options.indicator_pattern)) continue;
      asked.back().push_back(def);
      by_scope[Excluded(*env.reference, def.datasets)].push_back(def);
    }
    for (auto& [excluded, defs] : by_scope) groups.push_back({theme.get(), excluded, defs});
    groups_end.push_back(groups.size());
    own_defs.push_back(std::move(own));
  }
  // The groups of both years are jobs for a few threads, taken in order (the largest themes
  // come first): themes keep no state and only read their loaded inputs, whose fields are read
  // on first use once whatever thread asks; each job adds its sums in the same order as on one
  // thread, so the figures do not depend on which thread computed them.
  const size_t jobs = 2 * groups.size();
  std::vector<std::optional<Result<GroupCells>>> done(jobs);
  ForEachOnThreads(jobs, [&](size_t j) {
    const Group& g = groups[j / 2];
    const bool now_year = j % 2 == 0;
    done[j] = ComputeGroup(*g.theme, ctx, now_year ? options.year : options.year - 1,
                           now_year ? *now : *before, g.defs, g.excluded);
  });
  for (size_t t = 0, g = 0; t < themes.size(); ++t) {
    const auto& theme = themes[t];
    const std::vector<IndicatorDef>& own = own_defs[t];
    // The definitions in the order of before: each theme's own, then its derived figures (the
    // definition version of a run is a hash over them in this order, as AllDefinitions lists them).
    result.definitions.insert(result.definitions.end(), asked[t].begin(), asked[t].end());
    for (; g < groups_end[t]; ++g) {
      const std::set<std::string>& excluded = groups[g].excluded;
      const std::vector<IndicatorDef>& defs = groups[g].defs;
      Result<GroupCells>& this_year = *done[2 * g];
      Result<GroupCells>& last_year_cells = *done[2 * g + 1];
      // A theme that failed over a field that could not be read (all null to it): say why.
      if (!this_year.ok() || !last_year_cells.ok()) JBR_RETURN_IF_ERROR(inputs.ReadStatus());
      JBR_ASSIGN_OR_RETURN(auto cells_now, std::move(this_year));
      JBR_ASSIGN_OR_RETURN(auto cells_before, std::move(last_year_cells));
      cache.Put(*theme, options.year, defs, cells_now);
      cache.Put(*theme, options.year - 1, defs, cells_before);
      auto v_now = GroupValues(defs, cells_now, *now, excluded, options.year);
      auto v_before = GroupValues(defs, cells_before, *before, excluded, options.year - 1);
      current.insert(current.end(), v_now.begin(), v_now.end());
      previous.insert(previous.end(), v_before.begin(), v_before.end());
    }
    // Figures derived across years (rolling, against a base year, relative change): the theme
    // says how, the engine only computes the years they need.
    for (auto& figure : theme->Derived(*env.reference)) {
      if (!MatchesPattern(figure.def.id, options.indicator_pattern)) continue;
      std::vector<IndicatorDef> one{figure.def};
      JBR_RETURN_IF_ERROR(ResolveNorms(*env.reference, &one));
      figure.def = std::move(one.front());
      auto source = std::find_if(own.begin(), own.end(),
                                 [&](const IndicatorDef& d) { return d.id == figure.source; });
      if (source == own.end()) {
        return InternalError(fmt::format("derived figure {} names {}, not an indicator of theme {}",
                                         figure.def.id, figure.source, theme->name()));
      }
      result.definitions.push_back(figure.def);
      years.insert({figure.other_year(options.year), figure.other_year(options.year - 1)});
      const auto excluded = Excluded(*env.reference, source->datasets);
      auto derived_now =
          DerivedValues(&inputs, &cache, *theme, *source, figure, excluded, options.year);
      auto derived_before =
          DerivedValues(&inputs, &cache, *theme, *source, figure, excluded, options.year - 1);
      if (!derived_now.ok() || !derived_before.ok()) JBR_RETURN_IF_ERROR(inputs.ReadStatus());
      JBR_ASSIGN_OR_RETURN(auto v_now, std::move(derived_now));
      JBR_ASSIGN_OR_RETURN(auto v_before, std::move(derived_before));
      current.insert(current.end(), v_now.begin(), v_now.end());
      previous.insert(previous.end(), v_before.begin(), v_before.end());
    }
  }
  // Fields are read on first use: one that could not be read was all null to the themes.
  JBR_RETURN_IF_ERROR(inputs.ReadStatus());
  for (int y : years) result.factor_vintages[y] = FactorVintage(*env.reference, y);
  for (const auto& [year, in] :
       {std::pair{options.year, now}, std::pair{options.year - 1, before}}) {
    auto gaps = AdjacentGaps(result.definitions, *in, year);
    result.adjacent_gaps.insert(result.adjacent_gaps.end(), gaps.begin(), gaps.end());
  }
  DisclosureSettings settings{options.person_threshold, options.integrity_threshold};
  JBR_ASSIGN_OR_RETURN(const ReleasedPattern released_before,
                       Released(env.store, options.year - 1));
  JBR_ASSIGN_OR_RETURN(ReleasedPattern released_now, Released(env.store, options.year));
  JBR_RETURN_IF_ERROR(ApplyDisclosure(result.definitions, settings, &previous, &released_before));
  HideRollingOverHiddenQuarters(result.definitions, previous, current, &released_now);
  JBR_RETURN_IF_ERROR(ApplyDisclosure(result.definitions, settings, &current, &released_now));
  AttachPrevious(&current, previous);
  if (!options.ministries.empty()) {
    std::set<std::string> wanted;
    for (const auto& m : options.ministries) wanted.insert(AsciiLower(m));
    wanted.insert(AsciiLower(kRijk));
    std::erase_if(current,
                  [&](const IndicatorValue& v) { return !wanted.count(AsciiLower(v.ministry)); });
  }
  SortValues(&current);
  result.values = std::move(current);
  std::set<int64_t> used;
  for (const auto& v : result.values) used.insert(v.deliveries.begin(), v.deliveries.end());
  for (int64_t id : used) {
    JBR_ASSIGN_OR_RETURN(auto d, env.store->GetDelivery(id));
    if (d) result.deliveries_used.push_back(*d);
  }
  return result;
}

}  // namespace jbr

namespace jbr {

std::string FactorVintagesJson(const std::map<int, std::string>& vintages) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [year, vintage] : vintages) j[std::to_string(year)] = vintage;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string AdjacentGapsJson(const std::vector<AdjacentGap>& gaps) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& g : gaps) {
    j.push_back({{"year", g.year},
                 {"dataset", g.dataset},
                 {"other_year", g.other_year},
                 {"ministries", g.ministries},
                 {"indicators", g.indicators}});
  }
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string DefinitionVersion(const std::vector<IndicatorDef>& defs) {
  Sha256 h;
  for (const auto& d : defs) {
    h.Update(d.id);
    h.Update(d.unit);
    h.Update(d.definition_nl);
    h.Update(d.definition_en);
    h.Update(fmt::format("{}|{}", d.scale, d.norm ? d.norm->value : 0.0));
  }
  return "def-" + h.HexDigest().substr(0, 12);
}

namespace {

// A norm as a method text writes it: "10", "0.7", "25.5" (shortest form); a decimal comma in Dutch.
std::string NormText(double value, bool dutch) {
  std::string s = fmt::format("{}", value);
  if (dutch) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// Replaces "{norm}" and "{norm:ID}" in the definition's texts (engine.h: ResolveNorms).
Status FillNormTexts(const ReferenceData& reference, IndicatorDef* d) {
  for (auto [text, dutch] :
       {std::pair{&d->definition_nl, true}, std::pair{&d->definition_en, false}}) {
    std::string out;
    size_t pos = 0;
    for (size_t open; (open = text->find("{norm", pos)) != std::string::npos;) {
      const size_t close = text->find('}', open);
      const std::string name =
          close == std::string::npos ? "" : text->substr(open + 1, close - open - 1);
      double value = 0;
      if (name == "norm") {
        if (!d->norm)
          return InternalError(
              fmt::format("the definition of {} names {{norm}}, but it has no norm", d->id));
        value = d->norm->value;
      } else if (name.rfind("norm:", 0) == 0) {
        auto v = reference.Norm(name.substr(5));
        if (!v) {
          return InvalidInput(fmt::format(
              "norms.csv has no norm {} (named in the definition of {})", name.substr(5), d->id));
        }
        value = *v;
      } else {
        out.append(*text, pos, open + 1 - pos);  // not a norm: "{" as it stands
        pos = open + 1;
        continue;
      }
      out.append(*text, pos, open - pos);
      out += NormText(value, dutch);
      pos = close + 1;
    }
    out.append(*text, pos, std::string::npos);
    *text = std::move(out);
  }
  return Status::Ok();
}

}  // namespace

Status ResolveNorms(const ReferenceData& reference, std::vector<IndicatorDef>* defs) {
  for (auto& d : *defs) {
    if (d.norm && !d.norm->id.empty()) {
      auto v = reference.Norm(d.norm->id);
      if (!v)
        return InvalidInput(
            fmt::format("norms.csv has no norm {} (the norm of {})", d.norm->id, d.id));
      d.norm->value = *v;
    }
    JBR_RETURN_IF_ERROR(FillNormTexts(reference, &d));
  }
  return Status::Ok();
}

std::vector<IndicatorDef> AllDefinitions(const ReferenceData& reference) {
  std::vector<IndicatorDef> out;
  for (const auto& theme : AllThemes()) {
    for (auto& def : theme->Indicators()) out.push_back(std::move(def));
    for (auto& figure : theme->Derived(reference)) out.push_back(std::move(figure.def));
  }
  for (auto& d : out) {
    std::vector<IndicatorDef> one{d};
    if (ResolveNorms(reference, &one).ok()) d = std::move(one.front());
  }
  return out;
}

Result<int64_t> SaveComputation(Store* store, const ComputeResult& result, const std::string& at,
                                const std::string& options_json) {
  ComputeRun run;
  run.at = at;
  run.year = result.year;
  run.definition_version = DefinitionVersion(result.definitions);
  run.factor_vintage = result.factor_vintage;
  run.factor_vintages = FactorVintagesJson(result.factor_vintages);
  run.adjacent_gaps = AdjacentGapsJson(result.adjacent_gaps);
  std::string ids;
  for (const auto& d : result.deliveries_used)
    ids += (ids.empty() ? "" : ",") + std::to_string(d.id);
  run.deliveries = "[" + ids + "]";
  run.options = options_json;
  auto ids_json = [](const std::vector<int64_t>& list) {
    std::string dl;
    for (int64_t id : list) dl += (dl.empty() ? "" : ",") + std::to_string(id);
    return "[" + dl + "]";
  };
  std::vector<StoredValue> values;
  values.reserve(result.values.size());
  for (const auto& v : result.values) {
    values.push_back({v.indicator, v.ministry, v.unit_type, v.period, v.category, v.unit, v.status,
                      v.flag, v.suppression, v.value, v.numerator, v.denominator, v.previous,
                      v.change, ids_json(v.deliveries), v.previous_status,
                      ids_json(v.previous_deliveries)});
  }
  return store->SaveComputeRun(run, values);
}

}  // namespace jbr
