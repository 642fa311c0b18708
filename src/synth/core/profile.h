// The synthetic Rijk's settings as data (data/synth/): per ministry its size and character, its
// organisation units, and the yearly figures to reproduce, each marked published or chosen.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "indicators/core/reference.h"

namespace jbr::synth {

struct Unit {
  std::string name, type, municipality;
  double share = 0;  // of the ministry's staff
};

struct MinistryProfile {
  std::string code;
  double fte_share = 0;  // of the Rijk (the ministries outside the Rijk scope add on top)
  double absence_factor = 1, hire_factor = 1, flight_factor = 1, service_car_factor = 1,
         ict_share = 0;
  std::string style;
  bool dutch = false;
  // The ministry that did its work before it existed (EZ for EZK and LNV): a year before its
  // first delivers under that code.
  std::string predecessor;
  std::vector<Unit> units;
};

class Profiles {
 public:
  // Reads data/synth/{ministries,units,targets}.csv under `data_dir`.
  static Result<Profiles> Load(const std::string& data_dir);

  const std::vector<MinistryProfile>& ministries() const { return ministries_; }
  const MinistryProfile* Find(const std::string& code) const;
  // The target for a measure and year; when the year is not listed, the nearest listed year's.
  // Year 0 rows hold values for every year. nullopt when the measure is unknown.
  std::optional<double> Target(const std::string& measure, int year) const;
  // The exact year only.
  std::optional<double> TargetExact(const std::string& measure, int year) const;

 private:
  std::vector<MinistryProfile> ministries_;
  std::map<std::string, std::map<int, double>> targets_;
};

}  // namespace jbr::synth
