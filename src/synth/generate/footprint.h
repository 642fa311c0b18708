// Mobility and buildings of a ministry: the CO2 footprint. Each year's rows are steered to the
// ministry's part of the Rijk's published tonnes per mode group and per buildings, through the
// emission factors jbr ships (data/reference/emission_factors.csv, the vintage of each year), so
// that jbr's own co2.mobility and co2.buildings give back the published figures.
#pragma once

#include <map>
#include <string>

#include "common/result.h"
#include "indicators/core/reference.h"
#include "synth/core/context.h"
#include "synth/core/table.h"

namespace jbr::synth {

// Tonnes CO2 per km (travel modes; flights per distance class) and per unit of energy.
struct Factors {
  std::map<std::string, double> per_km;  // "train", "flight/0-700", ...
  double gas_m3 = 0, grey_kwh = 0, heat_gj = 0;
};
// The factors of the vintage emission_factor_vintages.csv assigns to `year`.
Result<Factors> LoadFactors(const ReferenceData& ref, int year);

// The six groups of co2.mobility, in the report's order.
inline constexpr const char* kMobilityGroups[] = {
    "flights",      "private_car_commute", "private_car_business",
    "service_cars", "public_transport",    "other"};

// `tonnes` holds this ministry's tonnes per group for the year.
Table MobilityTable(const MinistryYear& c, const std::map<std::string, double>& tonnes,
                    const Factors& f);
// Buildings with `tonnes` CO2 from gas, grey electricity and district heat, and the year's
// mean occupancy near `occupancy_pct`.
Table BuildingsTable(const MinistryYear& c, double tonnes, double occupancy_pct, const Factors& f);

}  // namespace jbr::synth
