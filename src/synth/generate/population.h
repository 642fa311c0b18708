// The staff of one ministry over the years: people who persist (stable pseudonyms, ageing), join
// and leave, work part-time, are promoted, move between units, leave and come back, and now and
// then hold two employments at once. Each year is steered to the ministry's fte on 31 December and
// its jobs-agreement jobs; everything else is drawn.
#pragma once

#include <climits>
#include <cstdint>
#include <string>
#include <vector>

#include "common/parse.h"
#include "synth/core/profile.h"
#include "synth/core/rng.h"
#include "synth/core/table.h"

namespace jbr::synth {

constexpr Days kOpen = INT32_MAX;

enum Gender : uint8_t { kFemale, kMale, kOther, kUnknown };

struct Person {
  int16_t birth_year = 1980;
  Gender gender = kFemale;
  bool ja = false;      // in the jobs-agreement target group
  bool active = false;  // has an employment in force at the end of the simulated time
  bool retired = false;
};

struct Employment {
  uint32_t person = 0;
  uint32_t serial = 0;
  Days start = 0;
  Days end = kOpen;  // last day in force
  double hours = 36;
  uint8_t unit = 0;
  uint8_t scale = 10;
  bool temporary = false;
  bool ja = false;
  bool InForce(Days d) const { return start <= d && d <= end; }
};

// Days an employment is in force within [from, to].
inline int64_t OverlapDays(Days start, Days end, Days from, Days to) {
  const Days a = std::max(start, from), b = std::min(end, to);
  return b < a ? 0 : static_cast<int64_t>(b) - a + 1;
}

struct YearTargets {
  double fte = 0;      // sum of weekly_hours/36 over employments in force on 31 December
  double ja_jobs = 0;  // jobs-agreement jobs of 25.5 hours, year mean
};

class Workforce {
 public:
  Workforce(const MinistryProfile& profile, uint64_t seed);

  // The staff in force at the end of `year`, with fte as given and ja_jobs jobs-agreement jobs.
  void Start(int year, const YearTargets& t);
  // One year of change, ending at the targets.
  void Simulate(int year, const YearTargets& t);

  const std::vector<Employment>& employments() const { return employments_; }
  const std::vector<Person>& persons() const { return persons_; }
  const MinistryProfile& profile() const { return profile_; }
  // The pseudonym of a person: stable over the years, never a nine-digit number.
  std::string PersonId(uint32_t person) const;
  std::string EmploymentId(const Employment& e) const;
  // Indices of the employments in force at some moment of `year`.
  std::vector<uint32_t> InYear(int year) const;
  // The personnel delivery of `year`: every employment in force at some moment of it; an end date
  // after the year is not known yet and stays empty.
  Table PersonnelTable(int year) const;
  // Jobs-agreement jobs of the year as jbr defines them (hours x days in force / days / 25.5).
  double JobsAgreementJobs(int year) const;
  double FteAt(Days day) const;
  // Mean fte of the year per unit (for spend, housing and mobility).
  std::vector<double> MeanFteByUnit(int year) const;

 private:
  uint32_t NewPerson(int year, bool hire, bool ja);
  uint32_t AddEmployment(uint32_t person, Days start, bool ja, uint8_t unit);
  uint8_t DrawUnit();
  double DrawHours(Gender g, bool ja);
  uint8_t DrawScale(int age, bool ja);
  Days DrawStartDay(int year);
  Days DrawEndDay(int year);
  void ChangeAttributes(int year);
  void Leave(int year);
  void HireJobsAgreement(int year, double target);
  void HireToFte(int year, double target);

  MinistryProfile profile_;
  Rng rng_;
  uint64_t id_key_;
  std::vector<Person> persons_;
  std::vector<Employment> employments_;
  std::vector<uint32_t> former_;  // persons who left and may return
  uint32_t next_serial_ = 1;
};

}  // namespace jbr::synth
