#include "indicators/core/period.h"

#include <fmt/format.h>

namespace jbr {

Period YearPeriod(int year) {
  return {std::to_string(year), DaysFromCivil(year, 1, 1), DaysFromCivil(year, 12, 31), 0};
}

Period QuarterPeriod(int year, int quarter) {
  int first_month = 3 * (quarter - 1) + 1;
  Days first = DaysFromCivil(year, first_month, 1);
  Days last =
      quarter == 4 ? DaysFromCivil(year, 12, 31) : DaysFromCivil(year, first_month + 3, 1) - 1;
  return {fmt::format("{}-Q{}", year, quarter), first, last, quarter};
}

std::vector<Period> Quarters(int year) {
  return {QuarterPeriod(year, 1), QuarterPeriod(year, 2), QuarterPeriod(year, 3),
          QuarterPeriod(year, 4)};
}

}  // namespace jbr
