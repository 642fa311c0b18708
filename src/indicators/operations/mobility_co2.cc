// Emission factors (data/reference/emission_factors.csv, flight_distance_classes.csv) and the CO2
// of mobility by group, for the sustainability theme (sustainability.cc, which declares these
// functions: only that theme uses them, so they have no header).
//
// The factor table has one row per (vintage, mode, distance_class). The value column is named
// factor_g_per_km for the travel modes, but the `unit` column is what counts: "g_per_km" and
// "g_per_passenger_km" for travel, "kg_per_m3", "kg_per_kwh", "kg_per_gj" for the energy carriers
// kept in the same file. Replacing the illustrative values by an official list is an edit of the
// file: a new vintage is added next to the old one, and emission_factor_vintages.csv says from
// which reporting year on it is used (EmissionFactorVintage): each year keeps its own factors, so
// that a new list changes no earlier year unless that year is deliberately assigned the new one.
#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "common/parse.h"
#include "indicators/core/inputs.h"
#include "indicators/core/period.h"
#include "indicators/core/reference.h"

namespace jbr::sustainability_detail {
namespace {

constexpr const char* kFactors = "emission_factors";
constexpr const char* kFlightClasses = "flight_distance_classes";

// The cell of `column` in `row`, or "" when the row is short or the column absent.
std::string_view CellOf(const RefTable& t, const std::vector<std::string>& row,
                        const char* column) {
  int c = t.Column(column);
  return c < 0 || static_cast<size_t>(c) >= row.size() ? std::string_view() : row[c];
}

// Tonnes per unit of a factor given in `unit` ("g_per_km", "kg_per_m3", ...), or an error when
// the unit's mass is not g, kg or t, or it is per something else than `per` expects.
Result<double> TonnesPerUnit(double value, std::string_view unit, std::string_view per,
                             std::string_view what) {
  size_t p = unit.find("_per_");
  std::string_view mass = p == std::string_view::npos ? unit : unit.substr(0, p);
  std::string_view denominator = p == std::string_view::npos ? "" : unit.substr(p + 5);
  double to_tonnes = mass == "g" ? 1e-6 : mass == "kg" ? 1e-3 : mass == "t" ? 1.0 : -1.0;
  // Travel factors may be per km or per passenger-km: distance_km is already per traveller.
  bool per_ok = per == "km"
                    ? denominator.size() >= 2 && denominator.substr(denominator.size() - 2) == "km"
                    : denominator == per;
  if (to_tonnes < 0 || !per_ok) {
    return InvalidInput(
        fmt::format("emission_factors: {} has unit '{}', expected a mass (g, kg, "
                    "t) per {}",
                    what, unit, per));
  }
  return value * to_tonnes;
}

// The row of `mode` (and `distance_class`) in `vintage`, as tonnes per unit of `per`.
Result<double> FactorTonnes(const RefTable& t, const std::string& vintage, const std::string& mode,
                            const std::string& distance_class, std::string_view per) {
  auto rows = t.Find({{"vintage", vintage}, {"mode", mode}, {"distance_class", distance_class}});
  std::string what = distance_class.empty() ? fmt::format("mode {} (vintage {})", mode, vintage)
                                            : fmt::format("mode {} class {} (vintage {})", mode,
                                                          distance_class, vintage);
  if (rows.size() != 1) {
    return InvalidInput(
        fmt::format("emission_factors: {} rows for {}, expected exactly one", rows.size(), what));
  }
  auto value = ParseDecimal(CellOf(t, *rows[0], "factor_g_per_km"), DecimalMark::kPoint);
  if (!value) return InvalidInput(fmt::format("emission_factors: no number for {}", what));
  return TonnesPerUnit(*value, CellOf(t, *rows[0], "unit"), per, what);
}

Result<const RefTable*> FactorTable(const ReferenceData& ref) {
  const RefTable* t = ref.Get(kFactors);
  if (t == nullptr || t->Column("vintage") < 0 || t->Column("mode") < 0 ||
      t->Column("distance_class") < 0 || t->Column("factor_g_per_km") < 0 ||
      t->Column("unit") < 0) {
    return InvalidInput(
        "reference data emission_factors.csv is missing or lacks the columns "
        "vintage, mode, distance_class, factor_g_per_km, unit");
  }
  return t;
}

// The flight distance class of a trip of `km` (per trip): min_km_exclusive < km <=
// max_km_inclusive, an empty maximum being open-ended. "" when no class fits.
std::string FlightClass(const RefTable& classes, double km) {
  for (const auto& row : classes.rows) {
    auto min = ParseDecimal(CellOf(classes, row, "min_km_exclusive"), DecimalMark::kPoint);
    std::string_view max_text = Trim(CellOf(classes, row, "max_km_inclusive"));
    auto max = ParseDecimal(max_text, DecimalMark::kPoint);
    if (!min || (!max_text.empty() && !max)) continue;
    if (km > *min && (max_text.empty() || km <= *max)) {
      return std::string(CellOf(classes, row, "class"));
    }
  }
  return "";
}

// The reporting group of a mode and purpose (domain.md section 5, co2.mobility).
std::string GroupOf(std::string_view mode, std::string_view purpose) {
  if (mode == "flight") return "flights";
  if (mode.starts_with("car_private_")) {
    return purpose == "commute" ? "private_car_commute" : "private_car_business";
  }
  if (mode.starts_with("car_service_")) return "service_cars";
  if (mode == "train" || mode == "bus_tram_metro") return "public_transport";
  return "other";  // taxi, boat, bicycle
}

// Factors are looked up once per (mode, class); a delivery has many rows and few modes.
class FactorCache {
 public:
  FactorCache(const RefTable& factors, std::string vintage)
      : factors_(factors), vintage_(std::move(vintage)) {}
  Result<double> Get(const std::string& mode, const std::string& distance_class) {
    auto key = std::make_pair(mode, distance_class);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    auto f = FactorTonnes(factors_, vintage_, mode, distance_class, "km");
    if (f.ok()) cache_[key] = *f;
    return f;
  }

 private:
  const RefTable& factors_;
  std::string vintage_;
  std::map<std::pair<std::string, std::string>, double> cache_;
};

}  // namespace

// Tonnes CO2 per unit of an energy carrier in the vintage assigned to `year`: `mode` natural_gas
// per "m3", grey_electricity per "kwh", district_heat per "gj".
Result<double> EnergyFactorTonnes(const ReferenceData& ref, const std::string& mode,
                                  std::string_view per, int year) {
  JBR_ASSIGN_OR_RETURN(const RefTable* t, FactorTable(ref));
  JBR_ASSIGN_OR_RETURN(std::string vintage, EmissionFactorVintage(ref, year));
  return FactorTonnes(*t, vintage, mode, "", per);
}

// Tonnes CO2 of the mobility rows dated in `year`, by group (all six groups, zero included):
// distance_km x factor(mode, flight class of distance_km / trips). Errors name a missing factor.
Result<std::map<std::string, double>> MobilityTonnes(const ReferenceData& ref,
                                                     const Table& mobility, int year) {
  JBR_ASSIGN_OR_RETURN(const RefTable* factors, FactorTable(ref));
  const RefTable* classes = ref.Get(kFlightClasses);
  if (classes == nullptr) {
    return InvalidInput("reference data flight_distance_classes.csv is missing");
  }
  JBR_ASSIGN_OR_RETURN(std::string vintage, EmissionFactorVintage(ref, year));
  FactorCache cache(*factors, vintage);
  std::map<std::string, double> tonnes = {
      {"flights", 0},      {"private_car_commute", 0}, {"private_car_business", 0},
      {"service_cars", 0}, {"public_transport", 0},    {"other", 0}};
  const Period y = YearPeriod(year);
  const Column& date = mobility.col("date");
  const Column& purpose = mobility.col("purpose");
  const Column& mode = mobility.col("mode");
  const Column& km = mobility.col("distance_km");
  const Column& trips = mobility.col("trips");
  for (size_t i = 0; i < mobility.rows; ++i) {
    if (date.is_null(i) || date.ints[i] < y.first || date.ints[i] > y.last) continue;
    if (mode.is_null(i) || km.is_null(i) || km.numbers[i] <= 0) continue;  // nothing travelled
    std::string m(mode.str(i));
    std::string distance_class;
    if (m == "flight") {
      // The class follows the length of one trip: a row may total several trips.
      int64_t n = trips.is_null(i) || trips.ints[i] < 1 ? 1 : trips.ints[i];
      distance_class = FlightClass(*classes, km.numbers[i] / static_cast<double>(n));
      if (distance_class.empty()) {
        return InvalidInput(fmt::format("flight_distance_classes: no class for a trip of {} km",
                                        km.numbers[i] / static_cast<double>(n)));
      }
    }
    JBR_ASSIGN_OR_RETURN(double per_km, cache.Get(m, distance_class));
    tonnes[GroupOf(m, purpose.is_null(i) ? "" : purpose.str(i))] += km.numbers[i] * per_km;
  }
  return tonnes;
}

}  // namespace jbr::sustainability_detail
