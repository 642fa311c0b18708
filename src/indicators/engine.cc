#include "indicators/engine.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "common/sha256.h"
#include "common/text.h"
#include "indicators/disclosure_step.h"
#include "indicators/themes.h"

namespace jbr {
namespace {

using CellKey = std::tuple<std::string, std::string, std::string, std::string>;  // ind, unit, period, cat

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
  return std::all_of(datasets.begin(), datasets.end(), [&](const std::string& d) { return in.Get(d) != nullptr; });
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

// The inputs of one year: every ministry existing that year, the datasets the asked indicators read.
struct YearInputs {
  std::vector<MinistryInputs> ministries;
};

Result<YearInputs> LoadYear(const ComputeEnv& env, int year, const std::vector<std::string>& datasets) {
  YearInputs y;
  for (const Ministry* m : env.ministries->InYear(year)) {
    JBR_ASSIGN_OR_RETURN(auto in, LoadInputs(env.store, *env.schemas, m->code, year, datasets));
    y.ministries.push_back(std::move(in));
  }
  return y;
}

constexpr const char* kRolling = "absence.rate_rolling";
constexpr const char* kQuarterRate = "absence.rate";

// Cells of one theme for one group of indicators (same Rijk scope), per ministry and for the Rijk.
struct GroupCells {
  std::map<std::string, std::map<CellKey, Cell>> by_ministry;  // ministry or "Rijk" -> cells
  std::map<std::string, std::vector<int64_t>> deliveries;
};

Result<GroupCells> ComputeGroup(const Theme& theme, const ThemeContext& ctx, int year, const YearInputs& y,
                                const std::vector<IndicatorDef>& defs, const std::set<std::string>& excluded) {
  std::set<std::string> ids;
  std::vector<std::string> datasets;
  for (const auto& d : defs) {
    ids.insert(d.id);
    datasets.insert(datasets.end(), d.datasets.begin(), d.datasets.end());
    datasets.insert(datasets.end(), d.optional_datasets.begin(), d.optional_datasets.end());
  }
  // The rolling absence rate of Q1-Q3 is derived from the quarterly rates of this year and the
  // last (see AddRollingAbsence), so their cells are kept whenever the rolling rate is asked for.
  if (ids.count(kRolling)) ids.insert(kQuarterRate);
  GroupCells out;
  auto keep = [&](const std::vector<Cell>& cells, std::map<CellKey, Cell>* into) {
    for (const auto& c : cells) {
      if (ids.count(c.indicator)) (*into)[{c.indicator, c.unit_type, c.period, c.category}] = c;
    }
  };
  std::vector<const MinistryInputs*> counted;
  for (const auto& in : y.ministries) {
    if (in.tables.empty()) continue;
    JBR_ASSIGN_OR_RETURN(auto cells, theme.Compute(ctx, year, {&in}));
    keep(cells, &out.by_ministry[in.ministry]);
    out.deliveries[in.ministry] = DeliveryIds({&in}, datasets);
    if (!excluded.count(in.ministry)) counted.push_back(&in);
  }
  if (!counted.empty()) {
    JBR_ASSIGN_OR_RETURN(auto cells, theme.Compute(ctx, year, counted));
    keep(cells, &out.by_ministry[kRijk]);
    out.deliveries[kRijk] = DeliveryIds(counted, datasets);
  }
  return out;
}

// absence.rate_rolling for Q1-Q3: the rate over the four quarters ending at Q, from the fte-days
// of those quarters (this year's Q1..Q, last year's Q+1..Q4), never from rounded quarter rates.
// The theme gives Q4 (the year itself); without last year's quarters there is no Q1-Q3 figure.
void AddRollingAbsence(GroupCells* now, const GroupCells& before, int year) {
  for (auto& [ministry, cells] : now->by_ministry) {
    auto prev = before.by_ministry.find(ministry);
    if (prev == before.by_ministry.end()) continue;
    std::set<std::string> unit_types;
    for (const auto& [key, c] : cells) {
      if (c.indicator == kQuarterRate) unit_types.insert(c.unit_type);
    }
    for (const auto& unit : unit_types) {
      for (int q = 1; q <= 3; ++q) {
        Cell rolling{kRolling, unit, fmt::format("{}-Q{}", year, q), "", 0, 0, -1};
        bool complete = true;
        for (int k = 1; k <= 4 && complete; ++k) {
          bool this_year = k <= q;
          const auto& source = this_year ? cells : prev->second;
          auto it = source.find({kQuarterRate, unit, fmt::format("{}-Q{}", this_year ? year : year - 1, k), ""});
          if (it == source.end()) {
            complete = false;
            break;
          }
          rolling.numerator += it->second.numerator;
          rolling.denominator += it->second.denominator;
          if (this_year && k == q) rolling.persons = it->second.persons;
        }
        if (complete) cells[{kRolling, unit, rolling.period, ""}] = rolling;
      }
    }
  }
}

// Drops the cells kept only to derive others.
void DropAuxiliary(GroupCells* g, const std::vector<IndicatorDef>& defs) {
  std::set<std::string> ids;
  for (const auto& d : defs) ids.insert(d.id);
  for (auto& [ministry, cells] : g->by_ministry) {
    std::erase_if(cells, [&](const auto& kv) { return !ids.count(std::get<0>(kv.first)); });
  }
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

// Values of one year for one group: ministries (missing where they did not deliver) and the Rijk.
std::vector<IndicatorValue> GroupValues(const std::vector<IndicatorDef>& defs, const GroupCells& cells,
                                        const YearInputs& y, const std::set<std::string>& excluded, int year) {
  std::vector<IndicatorValue> out;
  for (const auto& def : defs) {
    std::vector<std::string> missing;
    for (const auto& in : y.ministries) {
      if (!HasAll(in, def.datasets)) {
        out.push_back(MissingValue(def, in.ministry, year));
        if (!excluded.count(in.ministry)) missing.push_back(in.ministry);
        continue;
      }
      auto it = cells.by_ministry.find(in.ministry);
      if (it == cells.by_ministry.end()) continue;
      for (const auto& [key, c] : it->second) {
        if (std::get<0>(key) != def.id) continue;
        IndicatorValue v = ToValue(def, in.ministry, c);
        v.deliveries = cells.deliveries.at(in.ministry);
        v.in_rijk = !excluded.count(in.ministry);
        out.push_back(std::move(v));
      }
    }
    if (!def.rijk) continue;
    auto rijk = cells.by_ministry.find(kRijk);
    bool any = false;
    if (rijk != cells.by_ministry.end()) {
      for (const auto& [key, c] : rijk->second) {
        if (std::get<0>(key) != def.id) continue;
        IndicatorValue v = ToValue(def, kRijk, c);
        v.deliveries = cells.deliveries.at(kRijk);
        if (!missing.empty()) AddFlag(&v.flag, "incomplete");
        out.push_back(std::move(v));
        any = true;
      }
    }
    if (!any) out.push_back(MissingValue(def, kRijk, year));
  }
  return out;
}

std::string ValueKey(const IndicatorValue& v, const std::string& period) {
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", v.indicator, v.ministry, v.unit_type, period, v.category);
}

void AttachPrevious(std::vector<IndicatorValue>* current, const std::vector<IndicatorValue>& previous) {
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
  std::stable_sort(values->begin(), values->end(), [](const IndicatorValue& a, const IndicatorValue& b) {
    auto key = [](const IndicatorValue& v) {
      return std::make_tuple(v.indicator, v.ministry == kRijk ? 1 : 0, v.ministry, v.unit_type, v.period, v.category);
    };
    return key(a) < key(b);
  });
}

std::string FactorVintage(const ReferenceData& ref) {
  const RefTable* f = ref.Get("emission_factors");
  int c = f == nullptr ? -1 : f->Column("vintage");
  std::string newest;
  if (c >= 0) {
    for (const auto& row : f->rows) newest = std::max(newest, row[c]);
  }
  return newest;
}

constexpr const char* kMobility = "co2.mobility";
constexpr const char* kMobilityChange = "co2.mobility_change";

int MobilityBaseYear(const ReferenceData& reference) {
  return static_cast<int>(reference.Norm("co2.mobility.base_year").value_or(2016));
}

IndicatorDef MobilityChangeDef(int base_year) {
  IndicatorDef d;
  d.id = kMobilityChange;
  d.title_nl = "CO2-uitstoot mobiliteit ten opzichte van het basisjaar";
  d.title_en = "Mobility CO2 against the base year";
  d.unit = "%";
  d.definition_nl = fmt::format(
      "100 x (CO2-uitstoot van mobiliteit in het jaar - die in het basisjaar {0}) / die in het "
      "basisjaar {0}, beide berekend met dezelfde emissiefactoren (de nieuwste versie). Het "
      "basisjaar staat in norms.csv (co2.mobility.base_year); het doel is een halvering in 2030.",
      base_year);
  d.definition_en = fmt::format(
      "100 x (mobility CO2 in the year - that in the base year {0}) / that in the base year {0}, "
      "both computed with the same (newest) emission factors. The base year is in norms.csv "
      "(co2.mobility.base_year); the aim is to halve it by 2030.",
      base_year);
  d.datasets = {"mobility"};
  d.disclosure = Disclosure::kNone;
  d.scale = 100;
  return d;
}

// co2.mobility_change: the year's mobility CO2 against the base year's, per ministry and Rijk,
// from the cells of co2.mobility (category "" = all groups) of both years.
// `now` holds the year's inputs (mobility among them); the base year's mobility is read here.
Result<std::vector<IndicatorValue>> MobilityChange(const ComputeEnv& env, const ThemeContext& ctx,
                                                   const Theme& theme, const IndicatorDef& mobility,
                                                   const IndicatorDef& change, int year, int base_year,
                                                   const YearInputs& now) {
  auto excluded = Excluded(*env.reference, mobility.datasets);
  JBR_ASSIGN_OR_RETURN(YearInputs base, LoadYear(env, base_year, mobility.datasets));
  JBR_ASSIGN_OR_RETURN(auto cells_now, ComputeGroup(theme, ctx, year, now, {mobility}, excluded));
  JBR_ASSIGN_OR_RETURN(auto cells_base, ComputeGroup(theme, ctx, base_year, base, {mobility}, excluded));
  GroupCells derived;
  for (const auto& [ministry, cells] : cells_now.by_ministry) {
    auto b = cells_base.by_ministry.find(ministry);
    auto n = cells.find({kMobility, "", std::to_string(year), ""});
    if (n == cells.end()) continue;
    if (b == cells_base.by_ministry.end()) continue;
    auto bc = b->second.find({kMobility, "", std::to_string(base_year), ""});
    if (bc == b->second.end()) continue;
    Cell c{kMobilityChange, "", std::to_string(year), "", n->second.numerator - bc->second.numerator,
           bc->second.numerator, -1};
    derived.by_ministry[ministry][{kMobilityChange, "", c.period, ""}] = c;
    auto ids = cells_now.deliveries[ministry];
    auto more = cells_base.deliveries[ministry];
    ids.insert(ids.end(), more.begin(), more.end());
    std::sort(ids.begin(), ids.end());
    derived.deliveries[ministry] = ids;
  }
  // A ministry without the base year is missing for this figure, as one without this year.
  YearInputs both;
  for (const auto& in : now.ministries) {
    MinistryInputs m = in;
    bool has_base = std::any_of(base.ministries.begin(), base.ministries.end(), [&](const MinistryInputs& x) {
      return x.ministry == in.ministry && x.Get("mobility") != nullptr;
    });
    if (!has_base) m.tables.erase("mobility");
    both.ministries.push_back(std::move(m));
  }
  return GroupValues({change}, derived, both, excluded, year);
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
      if (hidden_before.count(ReleasedKey(it->second, v.ministry, v.unit_type, quarter, v.category))) {
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
      auto [it, fresh] = out.try_emplace(
          ReleasedKey(v.indicator, v.ministry, v.unit_type, v.period, v.category),
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
  result.factor_vintage = FactorVintage(*env.reference);
  ThemeContext ctx{env.reference};
  // Only the datasets that the asked indicators read are decoded: a store holds many.
  std::set<std::string> needed;
  for (const auto& theme : AllThemes()) {
    for (const auto& def : theme->Indicators()) {
      const bool change = def.id == kMobility && MatchesPattern(kMobilityChange, options.indicator_pattern);
      if (!change && !MatchesPattern(def.id, options.indicator_pattern)) continue;
      needed.insert(def.datasets.begin(), def.datasets.end());
      needed.insert(def.optional_datasets.begin(), def.optional_datasets.end());
    }
  }
  const std::vector<std::string> datasets(needed.begin(), needed.end());
  JBR_ASSIGN_OR_RETURN(YearInputs now, LoadYear(env, options.year, datasets));
  JBR_ASSIGN_OR_RETURN(YearInputs before, LoadYear(env, options.year - 1, datasets));
  std::vector<IndicatorValue> current, previous;
  for (const auto& theme : AllThemes()) {
    std::map<std::set<std::string>, std::vector<IndicatorDef>> groups;  // by Rijk scope
    for (auto& def : theme->Indicators()) {
      if (!MatchesPattern(def.id, options.indicator_pattern)) continue;
      result.definitions.push_back(def);
      groups[Excluded(*env.reference, def.datasets)].push_back(def);
    }
    for (const auto& [excluded, defs] : groups) {
      JBR_ASSIGN_OR_RETURN(auto cells_now, ComputeGroup(*theme, ctx, options.year, now, defs, excluded));
      JBR_ASSIGN_OR_RETURN(auto cells_before, ComputeGroup(*theme, ctx, options.year - 1, before, defs, excluded));
      AddRollingAbsence(&cells_now, cells_before, options.year);
      DropAuxiliary(&cells_now, defs);
      DropAuxiliary(&cells_before, defs);
      auto v_now = GroupValues(defs, cells_now, now, excluded, options.year);
      auto v_before = GroupValues(defs, cells_before, before, excluded, options.year - 1);
      current.insert(current.end(), v_now.begin(), v_now.end());
      previous.insert(previous.end(), v_before.begin(), v_before.end());
    }
  }
  // Derived across years: mobility CO2 against the configured base year.
  if (MatchesPattern(kMobilityChange, options.indicator_pattern)) {
    const int base_year = MobilityBaseYear(*env.reference);
    for (const auto& theme : AllThemes()) {
      for (const auto& def : theme->Indicators()) {
        if (def.id != kMobility) continue;
        IndicatorDef change = MobilityChangeDef(base_year);
        result.definitions.push_back(change);
        JBR_ASSIGN_OR_RETURN(auto now_values,
                             MobilityChange(env, ctx, *theme, def, change, options.year, base_year, now));
        JBR_ASSIGN_OR_RETURN(auto before_values,
                             MobilityChange(env, ctx, *theme, def, change, options.year - 1, base_year, before));
        current.insert(current.end(), now_values.begin(), now_values.end());
        previous.insert(previous.end(), before_values.begin(), before_values.end());
      }
    }
  }
  DisclosureSettings settings{options.person_threshold, options.integrity_threshold};
  JBR_ASSIGN_OR_RETURN(const ReleasedPattern released_before, Released(env.store, options.year - 1));
  JBR_ASSIGN_OR_RETURN(ReleasedPattern released_now, Released(env.store, options.year));
  JBR_RETURN_IF_ERROR(ApplyDisclosure(result.definitions, settings, &previous, &released_before));
  HideRollingOverHiddenQuarters(result.definitions, previous, current, &released_now);
  JBR_RETURN_IF_ERROR(ApplyDisclosure(result.definitions, settings, &current, &released_now));
  AttachPrevious(&current, previous);
  if (!options.ministries.empty()) {
    std::set<std::string> wanted;
    for (const auto& m : options.ministries) wanted.insert(AsciiLower(m));
    wanted.insert(AsciiLower(kRijk));
    std::erase_if(current, [&](const IndicatorValue& v) { return !wanted.count(AsciiLower(v.ministry)); });
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

std::vector<IndicatorDef> AllDefinitions(const ReferenceData& reference) {
  std::vector<IndicatorDef> out;
  for (const auto& theme : AllThemes()) {
    for (auto& def : theme->Indicators()) out.push_back(std::move(def));
  }
  const bool has_mobility =
      std::any_of(out.begin(), out.end(), [](const IndicatorDef& d) { return d.id == kMobility; });
  if (has_mobility) out.push_back(MobilityChangeDef(MobilityBaseYear(reference)));
  return out;
}

Result<int64_t> SaveComputation(Store* store, const ComputeResult& result, const std::string& at,
                                const std::string& options_json) {
  ComputeRun run;
  run.at = at;
  run.year = result.year;
  run.definition_version = DefinitionVersion(result.definitions);
  run.factor_vintage = result.factor_vintage;
  std::string ids;
  for (const auto& d : result.deliveries_used) ids += (ids.empty() ? "" : ",") + std::to_string(d.id);
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
    values.push_back({v.indicator, v.ministry, v.unit_type, v.period, v.category, v.unit, v.status, v.flag,
                      v.suppression, v.value, v.numerator, v.denominator, v.previous, v.change,
                      ids_json(v.deliveries), v.previous_status, ids_json(v.previous_deliveries)});
  }
  return store->SaveComputeRun(run, values);
}

}  // namespace jbr
