// Fleet (wagenpark): the zero-emission share of the service passenger cars on 31 December against
// the norm of at least 20% from 2020, and of the passenger cars that entered service in the year
// against the goal that from 2028 every new one is zero-emission (domain.md sections 5 and 7).
// Vehicles are not persons: nothing is suppressed.
#include <memory>
#include <string>
#include <vector>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::fleet_theme {
namespace {

constexpr const char* kDataset = "fleet";

struct Tally {
  double cars = 0, zero = 0;          // passenger cars in service on 31 December
  double new_cars = 0, new_zero = 0;  // passenger cars entering service in the year
  bool delivered = false;
};

bool ZeroEmission(std::string_view fuel) { return fuel == "electric" || fuel == "hydrogen"; }

void AddTable(const Table& t, const Period& y, Tally* tally) {
  tally->delivered = true;
  const Column& kind = t.col("kind");
  const Column& fuel = t.col("fuel");
  const Column& from = t.col("in_service_from");
  const Column& to = t.col("in_service_to");
  for (size_t i = 0; i < t.rows; ++i) {
    if (kind.is_null(i) || from.is_null(i) || kind.str(i) != "passenger_car") continue;
    const bool zero = !fuel.is_null(i) && ZeroEmission(fuel.str(i));
    const Days first = static_cast<Days>(from.ints[i]);
    const bool on_31_dec = first <= y.last && (to.is_null(i) || to.ints[i] >= y.last);
    if (on_31_dec) {
      tally->cars += 1;
      tally->zero += zero ? 1 : 0;
    }
    if (first >= y.first && first <= y.last) {
      tally->new_cars += 1;
      tally->new_zero += zero ? 1 : 0;
    }
  }
}

IndicatorDef Def(const char* id, const char* title_nl, const char* title_en, const char* unit,
                 const char* def_nl, const char* def_en) {
  IndicatorDef d =
      theme::Def(id, title_nl, title_en, unit, def_nl, def_en, std::vector<std::string>{kDataset});
  return d;
}

class FleetTheme : public Theme {
 public:
  std::string name() const override { return "fleet"; }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs;
    defs.push_back(
        Def("fleet.zero_emission_share", "Aandeel emissievrije dienstauto's",
            "Zero-emission service cars", "%",
            "100 x het aantal personenauto's van het wagenpark dat op 31 december in gebruik is en "
            "emissievrij "
            "rijdt (elektrisch of waterstof), gedeeld door het aantal personenauto's dat op 31 "
            "december in "
            "gebruik is. Bestelauto's, vrachtauto's, motoren en overige voertuigen tellen niet "
            "mee. De norm is "
            "ten minste {norm}% vanaf 2020 (norms.csv: fleet.zero_emission_share.min); daaronder "
            "krijgt de waarde "
            "de vlag below_norm. In 2028 moet het hele wagenpark emissievrij zijn.",
            "100 x the passenger cars of the fleet in service on 31 December that are "
            "zero-emission (electric "
            "or hydrogen), divided by the passenger cars in service on 31 December. Vans, trucks, "
            "motorcycles "
            "and other vehicles are left out. The norm is at least {norm}% from 2020 (norms.csv: "
            "fleet.zero_emission_share.min); below it the value is flagged below_norm. By 2028 the "
            "whole fleet "
            "must be zero-emission."));
    defs.back().scale = 100;
    defs.back().higher_is_better = true;
    defs.back().norm =
        NormFromFile(Norm::Kind::kMinimum, "fleet.zero_emission_share.min", "below_norm");
    defs.push_back(
        Def("fleet.zero_emission_share_new", "Aandeel emissievrij bij nieuwe dienstauto's",
            "Zero-emission share of new service cars", "%",
            "100 x het aantal personenauto's dat in het jaar in gebruik is genomen en emissievrij "
            "rijdt, gedeeld "
            "door het aantal personenauto's dat in het jaar in gebruik is genomen. Het doel is "
            "{norm:fleet.zero_emission_share_new.goal_2028}% vanaf 2028 "
            "(norms.csv: fleet.zero_emission_share_new.goal_2028): het cijfer toont hoe ver de "
            "nieuwe auto's "
            "daarvan af zijn. Geen cijfer als er geen personenauto in gebruik is genomen.",
            "100 x the passenger cars that entered service in the year and are zero-emission, "
            "divided by the "
            "passenger cars that entered service in the year. The goal is "
            "{norm:fleet.zero_emission_share_new.goal_2028}% from 2028 (norms.csv: "
            "fleet.zero_emission_share_new.goal_2028): the figure shows how far the new cars are "
            "from it. No "
            "figure when no passenger car entered service."));
    defs.back().scale = 100;
    defs.back().higher_is_better = true;
    defs.push_back(Def(
        "fleet.passenger_cars", "Dienstauto's (personenauto's)", "Service cars (passenger cars)",
        "cars", "Het aantal personenauto's van het wagenpark dat op 31 december in gebruik is.",
        "The passenger cars of the fleet in service on 31 December."));
    return defs;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& /*ctx*/, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    const Period y = YearPeriod(year);
    Tally t;
    for (const MinistryInputs* in : inputs) {
      const Table* fleet = in == nullptr ? nullptr : in->Get(kDataset);
      if (fleet != nullptr) AddTable(*fleet, y, &t);
    }
    std::vector<Cell> cells;
    if (!t.delivered) return cells;
    cells.push_back(Cell{"fleet.passenger_cars", "", y.label, "", t.cars, 1, -1});
    // A share of no cars is no figure: no cell rather than 0/0.
    if (t.cars > 0)
      cells.push_back(Cell{"fleet.zero_emission_share", "", y.label, "", t.zero, t.cars, -1});
    if (t.new_cars > 0) {
      cells.push_back(
          Cell{"fleet.zero_emission_share_new", "", y.label, "", t.new_zero, t.new_cars, -1});
    }
    SortCells(&cells);
    return cells;
  }
};

}  // namespace
}  // namespace jbr::fleet_theme

namespace jbr {

std::unique_ptr<Theme> MakeFleetTheme() { return std::make_unique<fleet_theme::FleetTheme>(); }

}  // namespace jbr
