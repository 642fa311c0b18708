// What every dataset generator of one ministry and year gets: the ministry, its staff size by
// unit, its part of the Rijk-wide targets, and its own random stream.
#pragma once

#include <string>
#include <vector>

#include <fmt/format.h>

#include "common/parse.h"

#include "synth/core/profile.h"
#include "synth/core/rng.h"

namespace jbr::synth {

struct MinistryYear {
  const MinistryProfile* ministry = nullptr;
  int year = 0;
  uint64_t seed = 0;
  double scale = 1.0;
  std::vector<double> unit_fte;  // mean fte of the year per unit
  double fte = 0;                // the ministry's mean fte
  double fte_share = 0;          // of the mean fte of all generated ministries
  double Fte() const { return fte; }
  Rng RngFor(const std::string& what) const {
    return Rng::For(seed, fmt::format("{}/{}/{}", what, ministry->code, year));
  }
};

inline Days YearStart(int y) { return DaysFromCivil(y, 1, 1); }
inline Days YearEnd(int y) { return DaysFromCivil(y, 12, 31); }

}  // namespace jbr::synth
