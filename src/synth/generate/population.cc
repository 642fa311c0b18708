#include "synth/generate/population.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace jbr::synth {
namespace {

constexpr double kFullTime = 36.0;
constexpr double kJobHours = 25.5;
constexpr int kRetirementAge = 67;

// Months in which people start or leave (January and September are busy, July quiet).
constexpr std::array<double, 12> kStartMonths = {1.5, 1.0, 1.0, 1.0, 1.0, 0.9,
                                                 0.7, 0.9, 1.4, 1.1, 1.0, 0.8};
constexpr std::array<double, 12> kEndMonths = {0.9, 0.9, 1.0, 1.0, 1.0, 1.0,
                                               1.1, 1.2, 1.0, 1.0, 1.0, 1.3};

Days EndOfYear(int y) { return DaysFromCivil(y, 12, 31); }
Days StartOfYear(int y) { return DaysFromCivil(y, 1, 1); }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// The yearly chance to leave: temporary contracts end more often; 2020 kept people in place.
double ExitChance(int year, bool temporary) {
  const double base = temporary ? 0.13 : 0.042;
  return year == 2020 ? base * 0.8 : base;
}

}  // namespace

Workforce::Workforce(const MinistryProfile& profile, uint64_t seed)
    : profile_(profile),
      rng_(Rng::For(seed, "workforce/" + profile.code)),
      id_key_(Rng::For(seed, "pseudonyms/" + profile.code).Next()) {}

std::string Workforce::PersonId(uint32_t person) const {
  // A keyed bijective mix of the person's number (the splitmix64 finaliser is invertible), written
  // in an unambiguous alphabet and starting with a letter: unique, stable, and never nine digits.
  static constexpr char kAlphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  uint64_t h = id_key_ + person;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  h ^= h >> 31;
  std::string id;
  id.push_back(kAlphabet[h % 24]);
  h /= 24;
  for (int i = 0; i < 12; ++i) {
    id.push_back(kAlphabet[h % 32]);
    h /= 32;
  }
  return id;
}

std::string Workforce::EmploymentId(const Employment& e) const {
  return fmt::format("DV{:08d}", e.serial);
}

uint8_t Workforce::DrawUnit() {
  std::vector<double> w;
  for (const auto& u : profile_.units) w.push_back(u.share);
  return static_cast<uint8_t>(rng_.Pick(w));
}

double Workforce::DrawHours(Gender g, bool ja) {
  static constexpr std::array<double, 9> kHours = {36, 32, 28.8, 28, 24, 20, 18, 38, 40};
  static constexpr std::array<double, 9> kWomen = {0.44, 0.20, 0.06, 0.07, 0.10,
                                                   0.06, 0.03, 0.02, 0.02};
  static constexpr std::array<double, 9> kMen = {0.77, 0.08, 0.03, 0.02, 0.03,
                                                 0.02, 0.01, 0.02, 0.02};
  static constexpr std::array<double, 9> kJobs = {0.25, 0.15, 0.05, 0.15, 0.20,
                                                  0.15, 0.05, 0.0,  0.0};
  const auto& w = ja ? kJobs : (g == kFemale ? kWomen : kMen);
  return kHours[rng_.Pick(w)];
}

uint8_t Workforce::DrawScale(int age, bool ja) {
  if (ja) return static_cast<uint8_t>(rng_.Int(1, 6));
  static constexpr std::array<double, 18> kWeights = {0.2, 0.3, 0.5, 1,  2, 3, 5, 8, 10,
                                                      11,  13,  12,  10, 7, 4, 2, 1, 0.5};
  int s = static_cast<int>(rng_.Pick(kWeights)) + 1;
  if (age < 28 && s > 11) s -= 3;  // the young are rarely senior
  return static_cast<uint8_t>(std::clamp(s, 1, 18));
}

Days Workforce::DrawStartDay(int year) {
  const int m = static_cast<int>(rng_.Pick(kStartMonths)) + 1;
  const int d = rng_.Chance(0.65) ? 1 : static_cast<int>(rng_.Int(1, DaysInMonth(year, m)));
  return DaysFromCivil(year, m, d);
}

Days Workforce::DrawEndDay(int year) {
  const int m = static_cast<int>(rng_.Pick(kEndMonths)) + 1;
  const int d =
      rng_.Chance(0.6) ? DaysInMonth(year, m) : static_cast<int>(rng_.Int(1, DaysInMonth(year, m)));
  return DaysFromCivil(year, m, d);
}

uint32_t Workforce::NewPerson(int year, bool hire, bool ja) {
  Person p;
  int age;
  if (hire) {
    age = std::min(64, 21 + static_cast<int>(rng_.Exponential(11.0)));
  } else {
    age = std::clamp(static_cast<int>(std::lround(rng_.Normal(46.0, 11.5))), 19, 66);
  }
  p.birth_year = static_cast<int16_t>(year - age);
  const double u = rng_.Uniform();
  p.gender = u < 0.004 ? kOther : u < 0.01 ? kUnknown : u < 0.505 ? kFemale : kMale;
  p.ja = ja;
  p.active = true;
  persons_.push_back(p);
  return static_cast<uint32_t>(persons_.size() - 1);
}

uint32_t Workforce::AddEmployment(uint32_t person, Days start, bool ja, uint8_t unit) {
  Employment e;
  e.person = person;
  e.serial = next_serial_++;
  e.start = start;
  e.unit = unit;
  e.ja = ja;
  const Person& p = persons_[person];
  int year = YearOf(start);
  e.hours = DrawHours(p.gender, ja);
  e.scale = DrawScale(year - p.birth_year, ja);
  // Senior posts go to women somewhat less often (the report's women_share_senior).
  if (e.scale >= 15 && p.gender == kFemale && rng_.Chance(0.2)) e.scale = 14;
  employments_.push_back(e);
  return static_cast<uint32_t>(employments_.size() - 1);
}

void Workforce::Start(int year, const YearTargets& t) {
  const Days eoy = EndOfYear(year);
  auto add = [&](bool ja) {
    const uint32_t p = NewPerson(year, false, ja);
    const int age = year - persons_[p].birth_year;
    const double tenure_years = std::min(rng_.Exponential(11.0), std::max(0.1, age - 18.0));
    const Days start = eoy - static_cast<Days>(std::max(30.0, tenure_years * 365.25));
    const uint32_t e = AddEmployment(p, start, ja, DrawUnit());
    employments_[e].temporary = tenure_years < 2 ? rng_.Chance(0.4) : rng_.Chance(0.02);
    return employments_[e].hours;
  };
  double jobs = 0;
  while (jobs < t.ja_jobs) jobs += add(true) / kJobHours;
  double fte = jobs * kJobHours / kFullTime;
  while (fte < t.fte) fte += add(false) / kFullTime;
}

void Workforce::ChangeAttributes(int year) {
  for (auto& e : employments_) {
    if (e.end != kOpen || e.start > EndOfYear(year - 1)) continue;
    if (rng_.Chance(e.ja ? 0.03 : 0.07) && e.scale < (e.ja ? 8 : 18)) ++e.scale;
    if (rng_.Chance(0.03)) e.hours = DrawHours(persons_[e.person].gender, e.ja);
    if (e.temporary && rng_.Chance(0.45)) e.temporary = false;
  }
}

void Workforce::Leave(int year) {
  const Days eoy = EndOfYear(year);
  const size_t n = employments_.size();
  for (size_t i = 0; i < n; ++i) {
    Employment& e = employments_[i];
    if (e.end != kOpen) continue;
    Person& p = persons_[e.person];
    const int age = year - p.birth_year;
    if (age >= kRetirementAge) {
      e.end = std::max(e.start, DrawEndDay(year));
      p.retired = true;
      continue;
    }
    if (rng_.Chance(ExitChance(year, e.temporary))) {
      e.end = std::max(e.start, DrawEndDay(year));
      const Days back = e.end + static_cast<Days>(rng_.Int(30, 150));
      if (e.end < DaysFromCivil(year, 7, 1) && back <= eoy && rng_.Chance(0.05)) {
        // Leaves and comes back within the year: a new employment, the same person.
        const uint32_t ne = AddEmployment(e.person, back, e.ja, DrawUnit());
        employments_[ne].temporary = true;
      } else if (age < 60) {
        former_.push_back(e.person);
      }
      continue;
    }
    if (rng_.Chance(0.025) && profile_.units.size() > 1) {
      // Moves to another unit: a new employment from the next day; not in- or outflow.
      const Days end = std::min<Days>(DrawEndDay(year), eoy - 1);
      if (end < e.start) continue;
      e.end = end;
      Employment moved = e;  // same hours, scale, contract and person
      moved.serial = next_serial_++;
      moved.start = end + 1;
      moved.end = kOpen;
      moved.unit = static_cast<uint8_t>(
          (e.unit + 1 + rng_.Int(0, static_cast<int64_t>(profile_.units.size()) - 2)) %
          profile_.units.size());
      employments_.push_back(moved);
      continue;
    }
    if (rng_.Chance(0.004) && e.hours <= 32 && profile_.units.size() > 1) {
      // A second employment alongside the first (two part-time posts).
      const Days start = std::max(e.start, DrawStartDay(year));
      const uint32_t ne = AddEmployment(e.person, start, false,
                                        static_cast<uint8_t>((e.unit + 1) % profile_.units.size()));
      employments_[ne].hours =
          std::min<double>(static_cast<double>(rng_.Int(4, 16)), 40.0 - employments_[i].hours);
      employments_[ne].temporary = true;
    }
  }
}

double Workforce::JobsAgreementJobs(int year) const {
  const Days a = StartOfYear(year), b = EndOfYear(year);
  double sum = 0;
  for (const auto& e : employments_) {
    if (e.ja) sum += e.hours * static_cast<double>(OverlapDays(e.start, e.end, a, b));
  }
  return sum / DaysInYear(year) / kJobHours;
}

double Workforce::FteAt(Days day) const {
  double sum = 0;
  for (const auto& e : employments_) {
    if (e.InForce(day)) sum += e.hours / kFullTime;
  }
  return sum;
}

void Workforce::HireJobsAgreement(int year, double target) {
  double jobs = JobsAgreementJobs(year);
  const Days eoy = EndOfYear(year);
  while (jobs < target) {
    const uint32_t p = NewPerson(year, true, true);
    // Jobs-agreement hires come early in the year more often than not (so that the year mean
    // counts).
    const Days start = rng_.Chance(0.5) ? DaysFromCivil(year, static_cast<int>(rng_.Int(1, 6)), 1)
                                        : DrawStartDay(year);
    const uint32_t e = AddEmployment(p, start, true, DrawUnit());
    employments_[e].temporary = true;
    jobs +=
        employments_[e].hours * static_cast<double>(eoy - start + 1) / DaysInYear(year) / kJobHours;
  }
}

void Workforce::HireToFte(int year, double target) {
  double fte = FteAt(EndOfYear(year));
  while (fte < target) {
    uint32_t p;
    if (!former_.empty() && rng_.Chance(0.05)) {
      const size_t k = static_cast<size_t>(rng_.Int(0, static_cast<int64_t>(former_.size()) - 1));
      p = former_[k];
      former_[k] = former_.back();
      former_.pop_back();
    } else {
      p = NewPerson(year, true, false);
    }
    const uint32_t e = AddEmployment(p, DrawStartDay(year), persons_[p].ja, DrawUnit());
    employments_[e].temporary = rng_.Chance(0.6);
    fte += employments_[e].hours / kFullTime;
  }
}

void Workforce::Simulate(int year, const YearTargets& t) {
  ChangeAttributes(year);
  Leave(year);
  HireJobsAgreement(year, t.ja_jobs);
  HireToFte(year, t.fte);
}

std::vector<uint32_t> Workforce::InYear(int year) const {
  const Days a = StartOfYear(year), b = EndOfYear(year);
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < employments_.size(); ++i) {
    if (employments_[i].start <= b && employments_[i].end >= a) out.push_back(i);
  }
  return out;
}

std::vector<double> Workforce::MeanFteByUnit(int year) const {
  const Days a = StartOfYear(year), b = EndOfYear(year);
  std::vector<double> out(profile_.units.size(), 0.0);
  for (const auto& e : employments_) {
    out[e.unit] += e.hours / kFullTime * static_cast<double>(OverlapDays(e.start, e.end, a, b)) /
                   DaysInYear(year);
  }
  return out;
}

Table Workforce::PersonnelTable(int year) const {
  static const char* kGender[] = {"female", "male", "other", "unknown"};
  Table t("personnel",
          {"person_id", "employment_id", "organisation_unit", "unit_type", "start_date", "end_date",
           "weekly_hours", "birth_year", "gender", "salary_scale", "contract", "jobs_agreement"});
  const Days eoy = EndOfYear(year);
  for (uint32_t i : InYear(year)) {
    const Employment& e = employments_[i];
    const Person& p = persons_[e.person];
    const Unit& u = profile_.units[e.unit];
    auto& r = t.AddRow();
    r.push_back(PersonId(e.person));
    r.push_back(EmploymentId(e));
    r.push_back(u.name);
    r.push_back(u.type);
    r.push_back(Date(e.start));
    r.push_back(e.end <= eoy ? Date(e.end) : std::string());
    r.push_back(Num(e.hours));
    r.push_back(std::to_string(p.birth_year));
    r.push_back(kGender[p.gender]);
    r.push_back(std::to_string(e.scale));
    r.push_back(e.temporary ? "temporary" : "permanent");
    r.push_back(Bool(e.ja));
  }
  return t;
}

}  // namespace jbr::synth
