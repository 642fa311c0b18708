// Reporting periods: the year and its quarters, as inclusive day ranges.
#pragma once

#include <string>
#include <vector>

#include "common/parse.h"

namespace jbr {

struct Period {
  std::string label;  // "2020" or "2020-Q2"
  Days first = 0;     // inclusive
  Days last = 0;      // inclusive
  int days() const { return last - first + 1; }
  int quarter = 0;  // 0 for the year, else 1-4
};

Period YearPeriod(int year);
Period QuarterPeriod(int year, int quarter);  // 1-4
std::vector<Period> Quarters(int year);

// Days of [a_first, a_last] inside [b_first, b_last]; 0 when they do not meet.
inline int OverlapDays(Days a_first, Days a_last, Days b_first, Days b_last) {
  Days f = a_first > b_first ? a_first : b_first;
  Days l = a_last < b_last ? a_last : b_last;
  return l >= f ? l - f + 1 : 0;
}

}  // namespace jbr
