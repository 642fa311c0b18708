// Sustainable operations (duurzame bedrijfsvoering): CO2 of mobility and buildings, energy and
// housing (domain.md sections 5 and 7). None of it is about persons: nothing is suppressed.
//
// Emission factors are reference data (emission_factors.csv, mobility_co2.cc); each year is
// computed with the vintage emission_factor_vintages.csv assigns to it (domain.md section 7).
// The figures derived across years (the change against the base year of norms.csv
// co2.mobility.base_year, the relative changes against last year) are declared in Derived().
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

namespace jbr {
namespace sustainability_detail {
// Defined in mobility_co2.cc (no header: only this theme uses them).
Result<double> EnergyFactorTonnes(const ReferenceData& ref, const std::string& mode,
                                  std::string_view per, int year);
Result<std::map<std::string, double>> MobilityTonnes(const ReferenceData& ref,
                                                     const Table& mobility, int year);
}  // namespace sustainability_detail

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace sustainability_theme {
namespace {

using theme::MakeCell;

using sustainability_detail::EnergyFactorTonnes;
using sustainability_detail::MobilityTonnes;

// Tonnes CO2 per m3 gas, per kWh grey electricity, per GJ district heat.
struct EnergyFactors {
  double gas = 0, grey = 0, heat = 0;
};

Result<EnergyFactors> LoadEnergyFactors(const ReferenceData& ref, int year) {
  EnergyFactors f;
  JBR_ASSIGN_OR_RETURN(f.gas, EnergyFactorTonnes(ref, "natural_gas", "m3", year));
  JBR_ASSIGN_OR_RETURN(f.grey, EnergyFactorTonnes(ref, "grey_electricity", "kwh", year));
  JBR_ASSIGN_OR_RETURN(f.heat, EnergyFactorTonnes(ref, "district_heat", "gj", year));
  return f;
}

// The sums over buildings of one or more ministries; everything is additive.
struct Buildings {
  double floor = 0, workplaces = 0, fte_housed = 0;
  double electricity = 0, renewable_nl = 0, renewable_eu = 0, gas = 0, heat = 0;
  // Per period (0 the year, 1-4 the quarters), over the buildings measured in it: occupancy % x
  // workplaces, their workplaces and the fte they house.
  std::array<double, 5> occupancy_weighted{}, measured_workplaces{}, measured_fte{};

  // Grey electricity: what is not renewable from the Netherlands or Europe (never negative: the
  // validator rejects renewable above the total, but a pooled rounding must not go below 0).
  double grey() const { return std::max(0.0, electricity - renewable_nl - renewable_eu); }
  double Tonnes(const EnergyFactors& f) const {
    return gas * f.gas + grey() * f.grey + heat * f.heat;
  }
  void Add(const Buildings& o) {
    floor += o.floor;
    workplaces += o.workplaces;
    fte_housed += o.fte_housed;
    electricity += o.electricity;
    renewable_nl += o.renewable_nl;
    renewable_eu += o.renewable_eu;
    gas += o.gas;
    heat += o.heat;
    for (size_t p = 0; p < occupancy_weighted.size(); ++p) {
      occupancy_weighted[p] += o.occupancy_weighted[p];
      measured_workplaces[p] += o.measured_workplaces[p];
      measured_fte[p] += o.measured_fte[p];
    }
  }
};

double NumOr0(const Column& c, size_t i) { return c.is_null(i) ? 0 : c.numbers[i]; }

Buildings SumBuildings(const Table& t) {
  Buildings b;
  const Column& workplaces = t.col("workplaces");
  const Column* occupancy[5] = {&t.col("occupancy_pct"), &t.col("occupancy_q1_pct"),
                                &t.col("occupancy_q2_pct"), &t.col("occupancy_q3_pct"),
                                &t.col("occupancy_q4_pct")};
  for (size_t i = 0; i < t.rows; ++i) {
    double wp = workplaces.is_null(i) ? 0 : static_cast<double>(workplaces.ints[i]);
    b.floor += NumOr0(t.col("floor_area_m2"), i);
    b.workplaces += wp;
    b.fte_housed += NumOr0(t.col("fte_housed"), i);
    b.electricity += NumOr0(t.col("electricity_kwh"), i);
    b.renewable_nl += NumOr0(t.col("electricity_renewable_nl_kwh"), i);
    b.renewable_eu += NumOr0(t.col("electricity_renewable_eu_kwh"), i);
    b.gas += NumOr0(t.col("gas_m3"), i);
    b.heat += NumOr0(t.col("district_heat_gj"), i);
    for (size_t p = 0; p < 5; ++p) {
      if (occupancy[p]->is_null(i)) continue;
      b.occupancy_weighted[p] += occupancy[p]->numbers[i] * wp;
      b.measured_workplaces[p] += wp;
      b.measured_fte[p] += NumOr0(t.col("fte_housed"), i);
    }
  }
  return b;
}

// personnel.fte_mean: sum of weekly_hours / full time x days in force in the year / days in year.
double FteMean(const Table& personnel, int year, double fulltime_hours) {
  const Period y = YearPeriod(year);
  const Column& start = personnel.col("start_date");
  const Column& end = personnel.col("end_date");
  const Column& hours = personnel.col("weekly_hours");
  double fte = 0;
  for (size_t i = 0; i < personnel.rows; ++i) {
    if (start.is_null(i) || hours.is_null(i)) continue;
    Days last = end.is_null(i) ? y.last : static_cast<Days>(end.ints[i]);
    int days = OverlapDays(static_cast<Days>(start.ints[i]), last, y.first, y.last);
    fte += hours.numbers[i] / fulltime_hours * days / y.days();
  }
  return fte;
}

// What the inputs add up to. A per-fte or total figure pools only the ministries that delivered
// every dataset it needs, so that its numerator and denominator come from the same ministries.
struct Tally {
  bool mobility = false, per_fte = false, buildings = false, total = false;
  std::map<std::string, double> mobility_t;  // by group
  double per_fte_t = 0, fte_mean = 0, total_t = 0;
  Buildings b;
};

void MobilityCells(const Tally& t, const std::string& y, std::vector<Cell>* cells) {
  if (!t.mobility) return;
  double sum = 0;
  for (const auto& [group, tonnes] : t.mobility_t) {
    cells->push_back(MakeCell("co2.mobility", y, group, tonnes));
    sum += tonnes;
  }
  cells->push_back(MakeCell("co2.mobility", y, "", sum));
  if (t.per_fte && t.fte_mean > 0) {
    cells->push_back(MakeCell("co2.mobility_per_fte", y, "", t.per_fte_t, t.fte_mean));
  }
}

void BuildingCells(const Tally& t, const EnergyFactors& f, const std::string& y,
                   std::vector<Cell>* cells) {
  if (t.total) cells->push_back(MakeCell("co2.total", y, "", t.total_t));
  if (!t.buildings) return;
  const Buildings& b = t.b;
  cells->push_back(MakeCell("co2.buildings", y, "gas", b.gas * f.gas));
  cells->push_back(MakeCell("co2.buildings", y, "grey_electricity", b.grey() * f.grey));
  cells->push_back(MakeCell("co2.buildings", y, "district_heat", b.heat * f.heat));
  cells->push_back(MakeCell("co2.buildings", y, "", b.Tonnes(f)));
  cells->push_back(MakeCell("energy.gas_m3", y, "", b.gas));
  // A ratio over nothing is no figure: no cell rather than 0/0.
  if (b.electricity > 0) {
    cells->push_back(
        MakeCell("energy.renewable_share", y, "", b.renewable_nl + b.renewable_eu, b.electricity));
    cells->push_back(MakeCell("energy.nl_wind_share", y, "", b.renewable_nl, b.electricity));
  }
  if (b.fte_housed > 0) {
    cells->push_back(MakeCell("housing.m2_per_fte", y, "", b.floor, b.fte_housed));
    cells->push_back(MakeCell("housing.workplace_factor", y, "", b.workplaces, b.fte_housed));
  }
  for (int p = 0; p < 5; ++p) {
    const std::string period = p == 0 ? y : fmt::format("{}-Q{}", y, p);
    if (b.measured_workplaces[p] > 0) {
      cells->push_back(MakeCell("housing.occupancy", period, "", b.occupancy_weighted[p],
                                b.measured_workplaces[p]));
    }
    // Workplaces in use on a mean working day (occupancy x workplaces) per fte housed.
    if (b.measured_fte[p] > 0) {
      cells->push_back(MakeCell("housing.office_share", period, "", b.occupancy_weighted[p] / 100,
                                b.measured_fte[p]));
    }
  }
}

IndicatorDef Def(const char* id, const char* title_nl, const char* title_en, const char* unit,
                 std::vector<std::string> datasets, const char* def_nl, const char* def_en) {
  return theme::Def(id, title_nl, title_en, unit, def_nl, def_en, std::move(datasets));
}

// The CO2 definitions; the energy and housing ones follow in EnergyHousingDefs.
void Co2Defs(std::vector<IndicatorDef>* defs) {
  defs->push_back(Def(
      "co2.mobility", "CO2-uitstoot mobiliteit", "CO2 emissions of mobility", "t CO2", {"mobility"},
      "Ton CO2 van zakelijk verkeer en woon-werkverkeer: per regel afstand (km per reiziger) x "
      "emissiefactor van de vervoerwijze, voor vluchten de factor van de afstandsklasse van een "
      "enkele reis (afstand / aantal reizen; klassen tot en met 700 km, 700 tot en met 2.500 km en "
      "boven 2.500 km, uit flight_distance_classes.csv). Emissiefactoren uit emission_factors.csv, "
      "in de versie (vintage) die emission_factor_vintages.csv aan het jaar toekent; de "
      "meegeleverde waarden zijn illustratief. "
      "Groepen: vliegreizen; privéauto woon-werk; privéauto zakelijk; dienstauto's; openbaar "
      "vervoer (trein, bus/tram/metro); overig (taxi, boot, fiets). Alleen regels gedateerd in het "
      "jaar. Het totaal is de som van de groepen.",
      "Tonnes CO2 of business travel and commuting: per row distance (km per traveller) x the "
      "mode's emission factor, for flights the factor of the distance class of a single trip "
      "(distance / trips; classes up to 700 km, above 700 up to 2,500 km and above 2,500 km, from "
      "flight_distance_classes.csv). Emission factors from emission_factors.csv, in the "
      "vintage that emission_factor_vintages.csv assigns to the year; the shipped values are "
      "illustrative. Groups: flights; private car commuting; "
      "private car business; service cars; public transport (train, bus/tram/metro); other (taxi, "
      "boat, bicycle). Only rows dated in the year. The total is the sum of the groups."));
  defs->back().breakdowns = {"group"};
  defs->push_back(Def(
      "co2.mobility_per_fte", "CO2-uitstoot mobiliteit per fte", "Mobility CO2 per fte",
      "t CO2/fte", {"mobility", "personnel"},
      "Ton CO2 van mobiliteit (co2.mobility, totaal) / gemiddeld aantal fte in het jaar "
      "(personnel.fte_mean: som van uren per week / 36 x dagen in dienst in het jaar / dagen in "
      "het jaar). Alleen ministeries die zowel mobiliteit als personeel hebben aangeleverd tellen "
      "mee, in teller en noemer.",
      "Tonnes CO2 of mobility (co2.mobility, total) / mean fte of the year (personnel.fte_mean: "
      "sum of weekly hours / 36 x days in force in the year / days in the year). Only ministries "
      "that delivered both mobility and personnel count, in numerator and denominator."));
  defs->push_back(Def(
      "co2.buildings", "CO2-uitstoot gebouwen", "CO2 emissions of buildings", "t CO2",
      {"buildings"},
      "Ton CO2 van het energiegebruik van gebouwen: aardgas (m3) x factor aardgas + grijze "
      "stroom x factor grijze stroom + stadswarmte (GJ) x factor stadswarmte. Grijze stroom = "
      "elektriciteit - groene stroom uit Nederland - groene stroom uit Europa (kWh). Factoren uit "
      "emission_factors.csv (de versie die emission_factor_vintages.csv aan het jaar toekent; "
      "illustratief). Uitgesplitst naar bron; het totaal is "
      "de som.",
      "Tonnes CO2 of the energy use of buildings: natural gas (m3) x the gas factor + grey "
      "electricity x the grey electricity factor + district heat (GJ) x the district heat factor. "
      "Grey electricity = electricity - renewable electricity from the Netherlands - renewable "
      "electricity from Europe (kWh). Factors from emission_factors.csv (the vintage "
      "emission_factor_vintages.csv assigns to the year; illustrative). Broken down by source; the "
      "total is the sum."));
  defs->back().breakdowns = {"source"};
  defs->push_back(Def(
      "co2.total", "CO2-uitstoot bedrijfsvoering", "CO2 emissions of operations", "t CO2",
      {"mobility", "buildings"},
      "co2.mobility (totaal) + co2.buildings (totaal), in ton CO2. Alleen ministeries die zowel "
      "mobiliteit als gebouwen hebben aangeleverd tellen mee.",
      "co2.mobility (total) + co2.buildings (total), in tonnes CO2. Only ministries that delivered "
      "both mobility and buildings count."));
}

void EnergyHousingDefs(std::vector<IndicatorDef>* defs) {
  defs->push_back(Def(
      "energy.renewable_share", "Aandeel groene stroom", "Renewable electricity share", "%",
      {"buildings"},
      "100 x (groene stroom uit Nederland + groene stroom uit Europa) / elektriciteitsgebruik, in "
      "kWh over alle gebouwen. Geen waarde als het elektriciteitsgebruik 0 is.",
      "100 x (renewable electricity from the Netherlands + from Europe) / electricity use, in kWh "
      "over all buildings. No value when electricity use is 0."));
  defs->back().higher_is_better = true;
  defs->back().scale = 100;
  defs->push_back(Def(
      "energy.nl_wind_share", "Aandeel Nederlandse groene stroom", "Dutch renewable share", "%",
      {"buildings"},
      "100 x groene stroom uit Nederland / elektriciteitsgebruik, in kWh over alle gebouwen. De "
      "aanlevering onderscheidt geen windstroom: Nederlandse groene stroom geldt als de maat voor "
      "Nederlandse wind.",
      "100 x renewable electricity from the Netherlands / electricity use, in kWh over all "
      "buildings. Deliveries do not single out wind power: Dutch renewable electricity is taken "
      "as the measure of Dutch wind."));
  defs->back().higher_is_better = true;
  defs->back().scale = 100;
  defs->push_back(Def("energy.gas_m3", "Gasverbruik", "Gas use", "m3", {"buildings"},
                      "Som van het aardgasverbruik (m3) van alle gebouwen.",
                      "Sum of the natural gas use (m3) of all buildings."));
  defs->push_back(Def(
      "housing.m2_per_fte", "Vloeroppervlak per fte", "Floor area per fte", "m2/fte", {"buildings"},
      "Som van het vloeroppervlak (m2) / som van de gehuisveste fte, over alle gebouwen.",
      "Sum of floor area (m2) / sum of fte housed, over all buildings."));
  defs->push_back(
      Def("housing.workplace_factor", "Werkplekfactor", "Workplace factor", "workplaces/fte",
          {"buildings"},
          "Som van de werkplekken / som van de gehuisveste fte, over alle gebouwen. De norm is ten "
          "hoogste {norm} werkplek per fte (norms.csv: housing.workplace_factor.max); daarboven "
          "wordt de "
          "waarde gemarkeerd.",
          "Sum of workplaces / sum of fte housed, over all buildings. The norm is at most {norm} "
          "workplaces per fte (norms.csv: housing.workplace_factor.max); above it the value is "
          "flagged."));
  defs->back().norm =
      NormFromFile(Norm::Kind::kMaximum, "housing.workplace_factor.max", "above_norm");
  defs->push_back(Def(
      "housing.occupancy", "Bezettingsgraad werkplekken", "Workplace occupancy", "%", {"buildings"},
      "Naar werkplekken gewogen gemiddelde gemeten bezetting: som(bezetting % x werkplekken) / "
      "som(werkplekken), alleen over gebouwen waarvan de bezetting is gemeten. Geen waarde als "
      "geen gebouw is gemeten.",
      "Workplace-weighted mean measured occupancy: sum(occupancy % x workplaces) / "
      "sum(workplaces), over the buildings whose occupancy was measured only. No value when no "
      "building was measured. Per quarter from the quarterly measurements (occupancy_q1_pct .. "
      "occupancy_q4_pct)."));
  defs->back().higher_is_better = true;
  defs->back().breakdowns = {"quarter"};
  defs->push_back(Def(
      "housing.office_share", "Aandeel medewerkers op kantoor", "Share of staff at the office", "%",
      {"buildings"},
      "100 x som(bezetting % / 100 x werkplekken) / som(gehuisveste fte), over de gebouwen waarvan "
      "de "
      "bezetting in de periode is gemeten: de gebruikte werkplekken op een gemiddelde werkdag per "
      "fte, "
      "het aandeel van de medewerkers dat op kantoor werkt. Te lezen tegen de werkplekfactor: bij "
      "de "
      "norm van {norm:housing.workplace_factor.max} werkplek per fte (norms.csv: "
      "housing.workplace_factor.max) en volle bezetting is dat 100 x die factor procent; wat "
      "ontbreekt "
      "tot 100% werkt elders. Het cijfer laat zien hoeveel van de medewerkers "
      "op een gemiddelde werkdag op kantoor zijn en hoe ver de bezetting onder de werkplekken van "
      "de "
      "norm blijft. Het kan thuiswerken niet onderscheiden van verlof, ziekte, reizen of vrije "
      "deeltijddagen, en zegt niets over gebouwen zonder meting. Per kwartaal uit de "
      "kwartaalmetingen.",
      "100 x sum(occupancy % / 100 x workplaces) / sum(fte housed), over the buildings whose "
      "occupancy was measured in the period: the workplaces in use on a mean working day per fte, "
      "the share of staff working at the office. Read against the workplace factor: at the norm of "
      "{norm:housing.workplace_factor.max} workplaces per fte (norms.csv: "
      "housing.workplace_factor.max) "
      "fully used it is 100 x that factor percent; what is missing to 100% works elsewhere. It "
      "shows how many staff are at the office on a mean working "
      "day and how far use stays below the workplaces of the norm. It cannot tell working from "
      "home "
      "from leave, sickness, travel or part-time days off, and says nothing of buildings without a "
      "measurement. Per quarter from the quarterly measurements."));
  defs->back().scale = 100;
  defs->back().breakdowns = {"quarter"};
}

// co2.mobility_change: the year's mobility CO2 against the base year's (norms.csv
// co2.mobility.base_year), from the totals (category "") of co2.mobility of both years; with the
// goal when norms.csv names one (co2.mobility.goal_year and goal_reduction).
DerivedFigure MobilityAgainstBaseYear(int base_year, std::optional<Goal> goal) {
  DerivedFigure f;
  IndicatorDef& d = f.def;
  d.id = "co2.mobility_change";
  d.title_nl = "CO2-uitstoot mobiliteit ten opzichte van het basisjaar";
  d.title_en = "Mobility CO2 against the base year";
  d.unit = "%";
  // The goal's figures as norms.csv has them (ResolveNorms writes them in).
  const std::string goal_nl =
      goal ? " Het doel is {norm:co2.mobility.goal_reduction}% minder in "
             "{norm:co2.mobility.goal_year} "
             "(norms.csv: co2.mobility.goal_reduction en co2.mobility.goal_year)."
           : "";
  const std::string goal_en =
      goal ? " The goal is {norm:co2.mobility.goal_reduction}% less by "
             "{norm:co2.mobility.goal_year} "
             "(norms.csv: co2.mobility.goal_reduction and co2.mobility.goal_year)."
           : "";
  d.definition_nl = fmt::format(
      "100 x (CO2-uitstoot van mobiliteit in het jaar - die in het basisjaar {0}) / die in het "
      "basisjaar {0}, elk jaar berekend met de emissiefactoren die emission_factor_vintages.csv "
      "aan "
      "dat jaar toekent. Het basisjaar staat in norms.csv (co2.mobility.base_year).{1}",
      base_year, goal_nl);
  d.definition_en = fmt::format(
      "100 x (mobility CO2 in the year - that in the base year {0}) / that in the base year {0}, "
      "each year computed with the emission factors emission_factor_vintages.csv assigns to it. "
      "The "
      "base year is in norms.csv (co2.mobility.base_year).{1}",
      base_year, goal_en);
  d.goal = goal;
  d.datasets = {"mobility"};
  d.disclosure = Disclosure::kNone;
  d.scale = 100;
  f.source = "co2.mobility";
  f.other_year = [base_year](int) { return base_year; };
  f.combine = [base_year](int year, const CellMap& now, const CellMap& base) {
    std::vector<Cell> out;
    auto n = now.find({"co2.mobility", "", std::to_string(year), ""});
    auto b = base.find({"co2.mobility", "", std::to_string(base_year), ""});
    if (n == now.end() || b == base.end() || b->second.numerator == 0) return out;
    out.push_back(Cell{"", "", std::to_string(year), "", n->second.numerator - b->second.numerator,
                       b->second.numerator, -1});
    return out;
  };
  return f;
}

class SustainabilityTheme : public Theme {
 public:
  std::string name() const override { return "sustainability"; }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs;
    Co2Defs(&defs);
    EnergyHousingDefs(&defs);
    return defs;
  }

  // Against the base year (when norms.csv names one) and the relative change of mobility and
  // total CO2 against last year.
  std::vector<DerivedFigure> Derived(const ReferenceData& reference) const override {
    std::vector<DerivedFigure> out;
    if (auto base = reference.Norm("co2.mobility.base_year")) {
      std::optional<Goal> goal;
      auto year = reference.Norm("co2.mobility.goal_year");
      auto reduction = reference.Norm("co2.mobility.goal_reduction");
      if (year && reduction)
        goal = Goal{static_cast<int>(*base), static_cast<int>(*year), -*reduction};
      out.push_back(MobilityAgainstBaseYear(static_cast<int>(*base), goal));
    }
    for (const auto& def : Indicators()) {
      if (def.id == "co2.mobility") {
        out.push_back(RelativeChange(def, "co2.mobility_growth",
                                     "Verandering CO2-uitstoot mobiliteit",
                                     "Change in mobility CO2"));
      } else if (def.id == "co2.total") {
        out.push_back(RelativeChange(def, "co2.total_growth",
                                     "Verandering CO2-uitstoot bedrijfsvoering",
                                     "Change in CO2 of operations"));
      }
    }
    return out;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& ctx, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    bool needed = std::any_of(inputs.begin(), inputs.end(), [](const MinistryInputs* in) {
      return in != nullptr && (in->Get("mobility") != nullptr || in->Get("buildings") != nullptr);
    });
    if (!needed) return std::vector<Cell>{};
    if (ctx.reference == nullptr) return InvalidInput("sustainability needs reference data");
    const ReferenceData& ref = *ctx.reference;
    EnergyFactors factors;
    Tally t;
    for (const MinistryInputs* in : inputs) {
      if (in == nullptr) continue;
      const Table* mobility = in->Get("mobility");
      const Table* buildings = in->Get("buildings");
      const Table* personnel = in->Get("personnel");
      double mobility_t = 0;
      if (mobility != nullptr) {
        JBR_ASSIGN_OR_RETURN(auto groups, MobilityTonnes(ref, *mobility, year));
        for (const auto& [group, tonnes] : groups) {
          t.mobility_t[group] += tonnes;
          mobility_t += tonnes;
        }
        t.mobility = true;
      }
      if (mobility != nullptr && personnel != nullptr) {
        t.per_fte = true;
        t.per_fte_t += mobility_t;
        t.fte_mean += FteMean(*personnel, year, ref.Norm("personnel.fulltime_hours").value_or(36));
      }
      if (buildings == nullptr) continue;
      if (!t.buildings) {
        JBR_ASSIGN_OR_RETURN(factors, LoadEnergyFactors(ref, year));
      }
      t.buildings = true;
      Buildings b = SumBuildings(*buildings);
      t.b.Add(b);
      if (mobility != nullptr) {
        t.total = true;
        t.total_t += mobility_t + b.Tonnes(factors);
      }
    }
    std::vector<Cell> cells;
    const std::string y = YearPeriod(year).label;
    MobilityCells(t, y, &cells);
    BuildingCells(t, factors, y, &cells);
    SortCells(&cells);
    return cells;
  }
};

}  // namespace
}  // namespace sustainability_theme

std::unique_ptr<Theme> MakeSustainabilityTheme() {
  return std::make_unique<sustainability_theme::SustainabilityTheme>();
}

}  // namespace jbr
