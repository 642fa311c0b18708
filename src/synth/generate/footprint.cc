#include "synth/generate/footprint.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace jbr::synth {
namespace {

struct Route {
  const char* to;
  double km;
};
// One-way distances from Schiphol (great circle, rounded); classes by km per trip.
constexpr Route kShort[] = {{"LHR", 371}, {"CDG", 398}, {"FRA", 366}, {"LUX", 318},
                            {"CPH", 628}, {"ZRH", 604}, {"HAM", 366}};
constexpr Route kMedium[] = {{"FCO", 1297}, {"MAD", 1460}, {"LIS", 1848}, {"ATH", 2165},
                             {"VIE", 936},  {"WAW", 1094}, {"BCN", 1240}, {"DUB", 755},
                             {"GVA", 710},  {"HEL", 1506}};
constexpr Route kLong[] = {{"JFK", 5850}, {"IAD", 6190}, {"NBO", 6620}, {"PBM", 7350},
                           {"CUR", 7860}, {"BKK", 9180}, {"PEK", 7830}, {"JNB", 8980},
                           {"DXB", 5160}, {"NYT", 4100}};

double Tonnes(double v, const std::string& unit) {
  const auto p = unit.find("_per_");
  const std::string mass = unit.substr(0, p);
  return mass == "g" ? v * 1e-6 : mass == "kg" ? v * 1e-3 : v;
}

// Monthly weights: the pandemic emptied the skies from March 2020 and kept people at home.
std::array<double, 12> MonthWeights(int year, bool flights) {
  if (year == 2020) {
    if (flights) return {1, 1, 0.45, 0.03, 0.03, 0.05, 0.08, 0.08, 0.1, 0.08, 0.06, 0.05};
    return {1, 1, 0.7, 0.35, 0.35, 0.5, 0.5, 0.45, 0.6, 0.5, 0.45, 0.4};
  }
  if (year == 2021) {
    if (flights) return {0.1, 0.1, 0.15, 0.2, 0.3, 0.5, 0.5, 0.4, 0.9, 1.0, 0.9, 0.6};
    return {0.45, 0.45, 0.5, 0.5, 0.55, 0.7, 0.6, 0.5, 0.8, 0.85, 0.75, 0.6};
  }
  return {1, 1, 1.05, 1, 1, 1.05, 0.7, 0.6, 1.05, 1.1, 1.05, 0.85};
}

void AddRow(Table* t, int year, int month, const char* purpose, const char* mode, double km,
            int64_t trips, const std::string& origin = "", const std::string& destination = "") {
  if (km <= 0) return;
  t->AddRow() = {Date(DaysFromCivil(year, month, 1)),         purpose, mode,       Dec(km, 1),
                 std::to_string(std::max<int64_t>(1, trips)), origin,  destination};
}

// Spreads `km` of a mode over the months (and units), one row each.
void Spread(Table* t, Rng& rng, int year, const char* purpose, const char* mode, double km,
            double km_per_trip, const std::array<double, 12>& months) {
  double total = 0;
  for (double w : months) total += w;
  for (int m = 1; m <= 12; ++m) {
    const double part =
        km * months[static_cast<size_t>(m - 1)] / total * (0.97 + 0.06 * rng.Uniform());
    AddRow(t, year, m, purpose, mode, part, std::llround(part / km_per_trip));
  }
}

}  // namespace

Result<Factors> LoadFactors(const ReferenceData& ref, int year) {
  const RefTable* t = ref.Get("emission_factors");
  if (t == nullptr) return InvalidInput("data/reference/emission_factors.csv is missing");
  const int vc = t->Column("vintage"), mc = t->Column("mode"), dc = t->Column("distance_class"),
            fc = t->Column("factor_g_per_km"), uc = t->Column("unit");
  if (vc < 0 || mc < 0 || dc < 0 || fc < 0 || uc < 0)
    return InvalidInput("emission_factors.csv lacks a column");
  // The vintage the indicators compute the year with, so that the steered tonnes come out.
  JBR_ASSIGN_OR_RETURN(const std::string vintage, EmissionFactorVintage(ref, year));
  Factors f;
  for (const auto& r : t->rows) {
    if (r[static_cast<size_t>(vc)] != vintage) continue;
    auto v = ParseDecimal(r[static_cast<size_t>(fc)], DecimalMark::kPoint);
    if (!v) return InvalidInput("emission_factors.csv: a factor is not a number");
    const std::string& mode = r[static_cast<size_t>(mc)];
    const double tonnes = Tonnes(*v, r[static_cast<size_t>(uc)]);
    if (mode == "natural_gas")
      f.gas_m3 = tonnes;
    else if (mode == "grey_electricity")
      f.grey_kwh = tonnes;
    else if (mode == "district_heat")
      f.heat_gj = tonnes;
    else if (mode == "flight")
      f.per_km["flight/" + r[static_cast<size_t>(dc)]] = tonnes;
    else
      f.per_km[mode] = tonnes;
  }
  return f;
}

Table MobilityTable(const MinistryYear& c, const std::map<std::string, double>& tonnes,
                    const Factors& f) {
  Rng rng = c.RngFor("mobility");
  Table t("mobility", {"date", "purpose", "mode", "distance_km", "trips", "origin", "destination"});
  auto at = [&](const char* group) {
    auto it = tonnes.find(group);
    return it == tonnes.end() ? 0.0 : it->second;
  };
  auto factor = [&](const std::string& mode) {
    auto it = f.per_km.find(mode);
    return it == f.per_km.end() || it->second <= 0 ? 0.0 : it->second;
  };
  const auto months = MonthWeights(c.year, false);
  const auto flight_months = MonthWeights(c.year, true);
  double month_total = 0;
  for (double w : flight_months) month_total += w;

  // Flights: one row per month and route, with the number of one-way trips; the distance class
  // follows the km of one trip. Trips are rounded on the running total so the tonnes add up.
  struct FlightClass {
    const char* name;
    std::span<const Route> routes;
    double share;
  };
  const bool far = c.ministry->flight_factor > 3;  // foreign affairs flies far
  const FlightClass classes[] = {{"0-700", kShort, far ? 0.08 : 0.16},
                                 {"700-2500", kMedium, far ? 0.32 : 0.46},
                                 {"2500+", kLong, far ? 0.60 : 0.38}};
  for (const auto& fc : classes) {
    const double per_km = factor(std::string("flight/") + fc.name);
    if (per_km <= 0) continue;
    const double km = at("flights") * fc.share / per_km;
    double done = 0, planned = 0;
    for (int m = 1; m <= 12; ++m) {
      const double month_km = km * flight_months[static_cast<size_t>(m - 1)] / month_total;
      for (size_t r = 0; r < fc.routes.size(); ++r) {
        planned += month_km / static_cast<double>(fc.routes.size());
        const Route& route = fc.routes[r];
        const int64_t trips = std::llround((planned - done) / route.km);
        if (trips < 1) continue;
        done += static_cast<double>(trips) * route.km;
        AddRow(&t, c.year, m, "business", "flight", static_cast<double>(trips) * route.km, trips,
               "AMS", route.to);
      }
    }
  }
  // Cars and public transport: monthly totals per mode.
  const double electric = c.year >= 2021   ? 1.6
                          : c.year == 2020 ? 1.3
                                           : 1.0;  // the fleet turns electric
  struct Part {
    const char* group;
    const char* purpose;
    const char* mode;
    double share;  // of the group's tonnes
    double km_per_trip;
  };
  const Part parts[] = {
      {"private_car_commute", "commute", "car_private_petrol", 0.56, 34},
      {"private_car_commute", "commute", "car_private_diesel", 0.24, 38},
      {"private_car_commute", "commute", "car_private_hybrid", 0.14, 34},
      {"private_car_commute", "commute", "car_private_electric", 0.06 * electric, 36},
      {"private_car_business", "business", "car_private_petrol", 0.58, 85},
      {"private_car_business", "business", "car_private_diesel", 0.27, 95},
      {"private_car_business", "business", "car_private_hybrid", 0.10, 85},
      {"private_car_business", "business", "car_private_electric", 0.05 * electric, 85},
      {"service_cars", "business", "car_service_petrol", 0.30, 70},
      {"service_cars", "business", "car_service_diesel", 0.45, 90},
      {"service_cars", "business", "car_service_hybrid", 0.13, 70},
      {"service_cars", "business", "car_service_electric", 0.12 * electric, 70},
      {"public_transport", "commute", "train", 0.27, 45},
      {"public_transport", "business", "train", 0.09, 90},
      {"public_transport", "commute", "bus_tram_metro", 0.48, 9},
      {"public_transport", "business", "bus_tram_metro", 0.16, 9},
      {"other", "business", "taxi", 0.85, 18},
      {"other", "business", "boat", 0.15, 25},
  };
  std::map<std::string, double> share_sum;
  for (const auto& p : parts) share_sum[p.group] += p.share;
  for (const auto& p : parts) {
    const double per_km = factor(p.mode);
    if (per_km <= 0) continue;
    const double km = at(p.group) * p.share / share_sum[p.group] / per_km;
    Spread(&t, rng, c.year, p.purpose, p.mode, km, p.km_per_trip, months);
  }
  // Cycling to work: no CO2, but it is travel the report shows.
  Spread(&t, rng, c.year, "commute", "bicycle", c.Fte() * 900.0, 12, months);
  return t;
}

Table BuildingsTable(const MinistryYear& c, double tonnes, double occupancy_pct, const Factors& f) {
  static constexpr const char* kStreets[] = {"Rijnstraat",       "Turfmarkt",
                                             "Korte Voorhout",   "Bezuidenhoutseweg",
                                             "Parnassusplein",   "Stationsplein",
                                             "Koningskade",      "Croeselaan",
                                             "Europaweg",        "Laan van Westenenk",
                                             "Catharijnesingel", "Griffioenlaan",
                                             "Muzenstraat",      "Wilhelmina van Pruisenweg",
                                             "Kennedyplein"};
  static constexpr const char* kLabels[] = {"A++++", "A+++", "A++", "A+", "A", "B",
                                            "C",     "D",    "E",   "F",  "G"};
  static constexpr std::array<double, 11> kLabelWeights = {0.02, 0.03, 0.05, 0.10, 0.25, 0.17,
                                                           0.18, 0.09, 0.05, 0.03, 0.03};
  Rng pool = Rng::For(c.seed, "buildings/" + c.ministry->code);  // the same buildings every year
  Rng rng = c.RngFor("buildings");
  const size_t n = std::max<size_t>(1, static_cast<size_t>(std::lround(c.Fte() / 450.0)));
  struct Building {
    std::string id, name, municipality, label;
    double weight, m2_per_fte, kwh_per_m2, gas_per_m2, heat_per_m2, nl_share, eu_share;
  };
  std::vector<Building> b;
  for (size_t i = 0; i < n; ++i) {
    const Unit& u = c.ministry->units[pool.Next() % c.ministry->units.size()];
    Building x;
    x.id = fmt::format("RVB-{}-{:04d}", c.ministry->code, i + 1);
    x.name = fmt::format("{} {}", kStreets[pool.Next() % 15], 1 + pool.Next() % 180);
    x.municipality = u.municipality;
    x.label = kLabels[pool.Pick(kLabelWeights)];
    x.weight = pool.LogNormal(1.0, 0.5);
    x.m2_per_fte = pool.LogNormal(21.0, 0.15);
    x.kwh_per_m2 = pool.LogNormal(95.0, 0.25);
    x.gas_per_m2 = pool.Chance(0.2) ? 0.0 : pool.LogNormal(9.0, 0.35);
    x.heat_per_m2 = x.gas_per_m2 == 0 ? pool.LogNormal(0.25, 0.2) : 0.0;
    x.nl_share = 0.35 + 0.3 * pool.Uniform();
    x.eu_share = 0.25 * pool.Uniform();
    b.push_back(std::move(x));
  }
  double weights = 0;
  for (const auto& x : b) weights += x.weight;
  // Energy as drawn, then scaled by one factor so that the tonnes come out as steered.
  double raw = 0;
  std::vector<double> housed(n), area(n);
  for (size_t i = 0; i < n; ++i) {
    housed[i] = c.Fte() * b[i].weight / weights;
    area[i] = housed[i] * b[i].m2_per_fte;
    const double grey = area[i] * b[i].kwh_per_m2 * (1 - b[i].nl_share - b[i].eu_share);
    raw += area[i] * b[i].gas_per_m2 * f.gas_m3 + grey * f.grey_kwh +
           area[i] * b[i].heat_per_m2 * f.heat_gj;
  }
  const double k = raw > 0 ? tonnes / raw : 0;
  // Fewer workplaces per fte as hybrid working settles in.
  const double factor = c.year <= 2019 ? 0.78 : c.year == 2020 ? 0.76 : 0.72;
  Table t("buildings",
          {"building_id", "name", "municipality", "floor_area_m2", "workplaces", "fte_housed",
           "electricity_kwh", "electricity_renewable_nl_kwh", "electricity_renewable_eu_kwh",
           "gas_m3", "district_heat_gj", "energy_label", "occupancy_pct", "occupancy_q1_pct",
           "occupancy_q2_pct", "occupancy_q3_pct", "occupancy_q4_pct"});
  // The quarters around the year's mean (chosen): 2020 falls away in the second quarter, the
  // first lockdown, and stays low; other years vary a little with the seasons.
  const std::array<double, 4> season = c.year == 2020 ? std::array<double, 4>{1.9, 0.45, 0.9, 0.75}
                                       : c.year == 2021
                                           ? std::array<double, 4>{0.8, 0.9, 1.1, 1.2}
                                           : std::array<double, 4>{1.05, 0.95, 0.92, 1.08};
  for (size_t i = 0; i < n; ++i) {
    const Building& x = b[i];
    const double kwh = area[i] * x.kwh_per_m2 * k;
    const double occupancy = std::clamp(occupancy_pct * rng.LogNormal(1.0, 0.12), 1.0, 100.0);
    // Drawn in the order the row has always drawn them: workplaces, then whether it is measured.
    const long workplaces = std::lround(housed[i] * factor * rng.LogNormal(1.0, 0.06));
    const bool measured = rng.Chance(0.8);
    auto quarter = [&](int q) {
      return measured ? Dec(std::clamp(occupancy * season[q], 1.0, 100.0), 1) : std::string();
    };
    t.AddRow() = {x.id,
                  x.name,
                  x.municipality,
                  Dec(area[i], 1),
                  std::to_string(workplaces),
                  Dec(housed[i], 1),
                  Dec(kwh, 1),
                  Dec(kwh * x.nl_share, 1),
                  Dec(kwh * x.eu_share, 1),
                  Dec(area[i] * x.gas_per_m2 * k, 1),
                  x.heat_per_m2 > 0 ? Dec(area[i] * x.heat_per_m2 * k, 1) : std::string(),
                  x.label,
                  measured ? Dec(occupancy, 1) : std::string(),
                  quarter(0),
                  quarter(1),
                  quarter(2),
                  quarter(3)};
  }
  return t;
}

}  // namespace jbr::synth
