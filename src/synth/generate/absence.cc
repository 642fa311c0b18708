#include "synth/generate/absence.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace jbr::synth {
namespace {

constexpr double kFullTime = 36.0;
// More episodes start in winter (CBS quarterly figures peak in the first and fourth quarter).
constexpr std::array<double, 12> kMonths = {1.35, 1.3,  1.2,  0.95, 0.9, 0.85,
                                            0.75, 0.75, 0.95, 1.05, 1.1, 1.15};

Days StartOfYear(int y) { return DaysFromCivil(y, 1, 1); }
Days EndOfYear(int y) { return DaysFromCivil(y, 12, 31); }

}  // namespace

AbsenceModel::AbsenceModel(const Workforce& staff, uint64_t seed)
    : staff_(staff), rng_(Rng::For(seed, "absence/" + staff.profile().code)) {}

void AbsenceModel::Index(int year) {
  if (indexed_year_ == year && employments_of_.size() == staff_.persons().size()) return;
  employments_of_.assign(staff_.persons().size(), {});
  for (uint32_t i : staff_.InYear(year))
    employments_of_[staff_.employments()[i].person].push_back(i);
  busy_until_.resize(staff_.persons().size(), 0);
  indexed_year_ = year;
}

double AbsenceModel::EmployedDays(int year) const {
  const Days a = StartOfYear(year), b = EndOfYear(year);
  double sum = 0;
  for (const auto& e : staff_.employments())
    sum += static_cast<double>(OverlapDays(e.start, e.end, a, b)) * e.hours / kFullTime;
  return sum;
}

double AbsenceModel::SickDays(const Episode& ep, int year) const {
  if (ep.pregnancy) return 0;  // left out of every absence indicator
  const Days a = StartOfYear(year), b = EndOfYear(year);
  double sum = 0;
  for (const auto& s : ep.segments) {
    const Days from = std::max(s.start, a), to = std::min(s.end, b);
    if (to < from) continue;
    // The part-time factor on a day is the sum over the person's employments in force that day.
    for (uint32_t i : employments_of_[ep.person]) {
      const Employment& e = staff_.employments()[i];
      sum += static_cast<double>(OverlapDays(e.start, e.end, from, to)) * e.hours / kFullTime *
             s.degree / 100.0;
    }
  }
  return sum;
}

double AbsenceModel::SickDays(int year) const {
  double sum = 0;
  for (const auto& ep : episodes_) {
    if (ep.last() >= StartOfYear(year) && ep.first() <= EndOfYear(year)) sum += SickDays(ep, year);
  }
  return sum;
}

Episode AbsenceModel::Draw(uint32_t person, Days from, Days to, Days start) {
  Episode ep;
  ep.person = person;
  ep.serial = next_serial_++;
  // Length in calendar days: mostly short, a long tail, some over a year.
  const double u = rng_.Uniform();
  int days;
  if (u < 0.66) {
    days = 1 + std::min(6, static_cast<int>(rng_.Exponential(2.2)));
  } else if (u < 0.92) {
    days = static_cast<int>(8 + rng_.Exponential(9.0));
    days = std::min(days, 42);
  } else if (u < 0.99) {
    days = static_cast<int>(std::exp(std::log(43.0) + rng_.Uniform() * std::log(365.0 / 43.0)));
  } else {
    days = static_cast<int>(rng_.Int(366, 730));
  }
  Days end = start + days - 1;
  end = std::min(end, to);  // an episode ends with the employment at the latest
  (void)from;
  if (end - start >= 28 && rng_.Chance(0.6)) {
    // Partial recovery: back at half the hours for the last part, sometimes relapsing fully.
    const Days split = start + static_cast<Days>((end - start) * (0.55 + 0.25 * rng_.Uniform()));
    ep.segments.push_back({start, split, 100});
    if (end - split > 60 && rng_.Chance(0.3)) {
      const Days relapse = split + (end - split) / 2;
      ep.segments.push_back({split + 1, relapse, 50});
      ep.segments.push_back({relapse + 1, end, 100});
    } else {
      ep.segments.push_back({split + 1, end, rng_.Chance(0.8) ? 50.0 : 40.0});
    }
  } else {
    ep.segments.push_back({start, end, 100});
  }
  return ep;
}

void AbsenceModel::Generate(int year, double rate) {
  Index(year);
  EndWithEmployment(year);
  const Days a = StartOfYear(year), b = EndOfYear(year);
  const auto& persons = staff_.persons();
  const auto& emps = staff_.employments();
  // Last day in force of each person this year, or an open end: episodes end with the employment.
  const double target = rate / 100.0 * EmployedDays(year);
  const double carried = SickDays(year);  // episodes from earlier years running into this one
  const size_t first_new = episodes_.size();
  const double frequency = 1.0 * rate / 5.2 * staff_.profile().absence_factor;

  for (uint32_t p = 0; p < persons.size(); ++p) {
    const auto& mine = employments_of_[p];
    if (mine.empty()) continue;
    Days from = b, to = a;
    for (uint32_t i : mine) {
      from = std::min(from, std::max(emps[i].start, a));
      to = std::max(to, emps[i].end == kOpen ? b + 800 : emps[i].end);
    }
    const Days last_in_year = std::min(to, b);
    const double exposure = static_cast<double>(last_in_year - from + 1) / DaysInYear(year);
    // Some people are rarely ill, some often.
    const double proneness = rng_.LogNormal(0.85, 0.75);
    const int n = rng_.Poisson(frequency * exposure * proneness);
    std::vector<Days> starts;
    for (int k = 0; k < n; ++k) {
      const int m = static_cast<int>(rng_.Pick(kMonths)) + 1;
      const Days d = DaysFromCivil(year, m, 1) + static_cast<Days>(rng_.Int(0, 27));
      if (d >= from && d <= last_in_year) starts.push_back(d);
    }
    // Pregnancy and childbirth: about sixteen weeks, left out of the indicators.
    const int age = year - persons[p].birth_year;
    if (persons[p].gender == kFemale && age >= 25 && age <= 42 && rng_.Chance(0.03)) {
      const Days d = from + static_cast<Days>(rng_.Int(0, std::max(0, last_in_year - from)));
      if (d > busy_until_[p]) {
        Episode ep;
        ep.person = p;
        ep.serial = next_serial_++;
        ep.pregnancy = true;
        ep.segments.push_back({d, std::min<Days>(d + 111, to)});
        busy_until_[p] = ep.last();
        episodes_.push_back(std::move(ep));
        continue;  // no other episodes for her this year
      }
    }
    std::sort(starts.begin(), starts.end());
    for (Days d : starts) {
      if (d <= busy_until_[p]) continue;
      Episode ep = Draw(p, from, to, d);
      busy_until_[p] = ep.last();
      episodes_.push_back(std::move(ep));
    }
  }

  // Steer to the target: drop drawn episodes that lie within the year, or add short and medium
  // ones, until the year's sick days match. Only episodes inside the year are touched, so the
  // years already generated keep their figures.
  double sick = carried;
  for (size_t i = first_new; i < episodes_.size(); ++i) sick += SickDays(episodes_[i], year);
  std::vector<size_t> removable;
  for (size_t i = first_new; i < episodes_.size(); ++i) {
    if (!episodes_[i].pregnancy && episodes_[i].last() <= b) removable.push_back(i);
  }
  std::vector<bool> drop(episodes_.size(), false);
  while (sick > target && !removable.empty()) {
    const size_t k = static_cast<size_t>(rng_.Int(0, static_cast<int64_t>(removable.size()) - 1));
    const size_t i = removable[k];
    removable[k] = removable.back();
    removable.pop_back();
    const double s = SickDays(episodes_[i], year);
    if (sick - s < target - s / 2) continue;  // would overshoot below more than it helps
    sick -= s;
    drop[i] = true;
  }
  if (std::find(drop.begin(), drop.end(), true) != drop.end()) {
    std::vector<Episode> kept;
    kept.reserve(episodes_.size());
    for (size_t i = 0; i < episodes_.size(); ++i) {
      if (!drop[i]) kept.push_back(std::move(episodes_[i]));
    }
    episodes_ = std::move(kept);
    // Free the days of dropped episodes again (recomputed from what is left).
    std::fill(busy_until_.begin(), busy_until_.end(), 0);
    for (const auto& ep : episodes_)
      busy_until_[ep.person] = std::max(busy_until_[ep.person], ep.last());
  }
  int attempts = 0;
  while (sick < target && attempts++ < 10'000'000) {
    const auto p = static_cast<uint32_t>(rng_.Int(0, static_cast<int64_t>(persons.size()) - 1));
    if (employments_of_[p].empty()) continue;
    const Employment& e = emps[employments_of_[p].front()];
    const Days from = std::max({e.start, a, busy_until_[p] + 1});
    const Days to = std::min(e.end, b);
    if (to - from < 50) continue;
    const Days d = from + static_cast<Days>(rng_.Int(0, to - from - 45));
    Episode ep;
    ep.person = p;
    ep.serial = next_serial_++;
    const Days len = static_cast<Days>(rng_.Chance(0.7) ? rng_.Int(1, 7) : rng_.Int(8, 42));
    ep.segments.push_back({d, std::min(d + len - 1, to)});
    const double s = SickDays(ep, year);
    if (sick + s > target + s / 2) continue;
    sick += s;
    busy_until_[p] = ep.last();
    episodes_.push_back(std::move(ep));
  }
  // Episodes are listed in the order they began.
  std::stable_sort(episodes_.begin() + static_cast<std::ptrdiff_t>(first_new), episodes_.end(),
                   [](const Episode& x, const Episode& y) { return x.first() < y.first(); });
}

void AbsenceModel::EndWithEmployment(int year) {
  // An episode of someone whose last employment ended this year stops on that day.
  const Days b = EndOfYear(year);
  for (auto& ep : episodes_) {
    if (ep.last() < StartOfYear(year) || ep.first() > b) continue;
    const auto& mine = employments_of_[ep.person];
    Days last = 0;
    for (uint32_t i : mine) last = std::max(last, staff_.employments()[i].end);
    if (mine.empty() || last >= ep.last()) continue;
    while (!ep.segments.empty() && ep.segments.back().start > last) ep.segments.pop_back();
    if (!ep.segments.empty()) ep.segments.back().end = std::min(ep.segments.back().end, last);
  }
  std::erase_if(episodes_, [](const Episode& ep) { return ep.segments.empty(); });
}

Table AbsenceModel::AbsenceTable(int year) const {
  Table t("absence", {"episode_id", "person_id", "start_date", "end_date", "degree", "pregnancy"});
  const Days a = StartOfYear(year), b = EndOfYear(year);
  for (const auto& ep : episodes_) {
    if (ep.last() < a || ep.first() > b) continue;
    // The episode is the unit: its segments before 1 January go with it (docs/schemas.md), so
    // that it begins on its first day; those after the year do not.
    for (const auto& s : ep.segments) {
      if (s.start > b) continue;
      auto& r = t.AddRow();
      r.push_back(fmt::format("VZ{:08d}", ep.serial));
      r.push_back(staff_.PersonId(ep.person));
      r.push_back(Date(s.start));
      r.push_back(s.end <= b ? Date(s.end) : std::string());
      r.push_back(Num(s.degree));
      r.push_back(Bool(ep.pregnancy));
    }
  }
  return t;
}

}  // namespace jbr::synth
