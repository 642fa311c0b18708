#include "synth/generate/fleet.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "common/parse.h"
#include "synth/core/rng.h"

namespace jbr::synth {
namespace {

// The chance that a vehicle entering service in `year` is zero-emission (chosen): rare before
// 2016, rising to most new cars by 2022, as the norms ask.
double ZeroEmissionChance(int year) {
  if (year <= 2015) return 0.02;
  if (year >= 2023) return 0.9;
  static constexpr double kByYear[] = {0.08, 0.12, 0.2, 0.3, 0.45, 0.6, 0.75};  // 2016-2022
  return kByYear[year - 2016];
}

}  // namespace

Table FleetTable(const MinistryYear& c) {
  Table t("fleet", {"vehicle_id", "kind", "fuel", "in_service_from", "in_service_to", "km_year"});
  const Days first = YearStart(c.year), last = YearEnd(c.year);
  // About one vehicle per 60 fte (chosen); the places are the ministry's, the same every year.
  const int places = std::max(1, static_cast<int>(std::lround(c.Fte() / 60.0)));
  Rng km = c.RngFor("fleet");
  for (int p = 0; p < places; ++p) {
    Rng place = Rng::For(c.seed, fmt::format("fleet/{}/{}", c.ministry->code, p));
    const double kind_draw = place.Uniform();
    const char* kind = kind_draw < 0.8 ? "passenger_car" : kind_draw < 0.95 ? "van" : "other";
    // A sequence of vehicles from 2008 on, each four to six years, without a day between them.
    Days from = DaysFromCivil(2008, 1, 1) + static_cast<Days>(place.Next() % 1800);
    for (int v = 0; from <= last; ++v) {
      const int years = 4 + static_cast<int>(place.Next() % 3);
      const Days to = from + years * 365 - 1;
      int from_year = 0, month = 0, day = 0;
      CivilFromDays(from, &from_year, &month, &day);
      const double draw = place.Uniform();
      const bool zero = draw < ZeroEmissionChance(from_year);
      const double fuel_draw = place.Uniform();
      const char* fuel = zero               ? (fuel_draw < 0.97 ? "electric" : "hydrogen")
                         : fuel_draw < 0.45 ? "diesel"
                         : fuel_draw < 0.75 ? "petrol"
                         : fuel_draw < 0.92 ? "hybrid"
                                            : "plugin_hybrid";
      if (to >= first) {
        t.AddRow() = {fmt::format("V-{}-{:04d}-{:02d}", c.ministry->code, p + 1, v + 1),
                      kind,
                      fuel,
                      FormatDate(from),
                      to > last ? std::string() : FormatDate(to),
                      fmt::format("{}", std::lround(km.LogNormal(22000, 0.4)))};
      }
      from = to + 1;
    }
  }
  return t;
}

}  // namespace jbr::synth
