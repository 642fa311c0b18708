#include "synth/generate/flows.h"

#include <algorithm>
#include <array>

namespace jbr::synth {

void VacancyModel::Open(const MinistryYear& c, int count) {
  Rng rng = c.RngFor("vacancies");
  // Quarter weights; in 2020 the second quarter sank (hiring froze in the first lockdown).
  std::array<double, 4> quarters = {1.05, 1.0, 0.85, 1.1};
  if (c.year == 2020) quarters = {1.15, 0.55, 0.95, 1.2};
  for (int i = 0; i < count; ++i) {
    Vacancy v;
    v.serial = static_cast<uint32_t>(all_.size() + 1);
    const int q = static_cast<int>(rng.Pick(quarters));
    v.opened = DaysFromCivil(c.year, q * 3 + 1, 1) + static_cast<Days>(rng.Int(0, 89));
    v.opened = std::min(v.opened, YearEnd(c.year));
    v.closed = v.opened + static_cast<Days>(std::clamp(rng.LogNormal(55, 0.6), 7.0, 400.0));
    v.filled = rng.Chance(0.84);
    v.external = rng.Chance(c.year == 2020 ? 0.48 : 0.55);
    static constexpr std::array<double, 12> kScales = {0.5, 1, 2, 4, 6, 9, 10, 12, 14, 13, 9, 6};
    v.scale = static_cast<int>(rng.Pick(kScales)) + 4 + (rng.Chance(0.05) ? 4 : 0);
    v.scale = std::min(v.scale, 18);
    v.fte = rng.Chance(0.8) ? 1.0 : (rng.Chance(0.5) ? 0.8 : 0.5);
    all_.push_back(v);
  }
}

Table VacancyModel::VacancyTable(int year) const {
  Table t("vacancies", {"vacancy_id", "opened_date", "closed_date", "outcome", "filled_by",
                        "salary_scale", "fte"});
  const Days a = YearStart(year), b = YearEnd(year);
  for (const auto& v : all_) {
    if (v.opened > b || v.closed < a) continue;
    auto& r = t.AddRow();
    r.push_back(fmt::format("VAC-{}-{:06d}", YearOf(v.opened), v.serial));
    r.push_back(Date(v.opened));
    const bool still_open = v.closed > b;  // not yet known at the end of this year
    r.push_back(still_open ? std::string() : Date(v.closed));
    r.push_back(still_open ? "open" : (v.filled ? "filled" : "withdrawn"));
    r.push_back(!still_open && v.filled ? (v.external ? "external" : "internal") : std::string());
    r.push_back(std::to_string(v.scale));
    r.push_back(Num(v.fte));
  }
  return t;
}

void InternshipModel::Start(const MinistryYear& c, int count) {
  Rng rng = c.RngFor("internships");
  static constexpr const char* kKinds[] = {"afstudeer", "werk", "meeloop", "snuffel", "other"};
  static constexpr std::array<double, 5> kKindWeights = {0.30, 0.36, 0.15, 0.11, 0.08};
  static constexpr const char* kLevels[] = {"vmbo", "mbo", "hbo", "wo", "other"};
  static constexpr std::array<double, 5> kLevelWeights = {0.04, 0.30, 0.38, 0.26, 0.02};
  // Starts follow the school year: February and September are the busy months.
  static constexpr std::array<double, 12> kMonths = {0.9, 1.6, 0.9, 0.7, 0.6, 0.5,
                                                     0.3, 0.6, 1.9, 0.9, 0.7, 0.4};
  for (int i = 0; i < count; ++i) {
    Internship s;
    s.serial = static_cast<uint32_t>(all_.size() + 1);
    const size_t k = rng.Pick(kKindWeights);
    s.kind = kKinds[k];
    s.level = kLevels[rng.Pick(kLevelWeights)];
    const int m = static_cast<int>(rng.Pick(kMonths)) + 1;
    s.start = DaysFromCivil(c.year, m, 1) + static_cast<Days>(rng.Int(0, 27));
    int days;
    switch (k) {
      case 0:
        days = static_cast<int>(rng.Int(100, 180));
        break;  // graduation: a semester
      case 1:
        days = static_cast<int>(rng.Int(60, 300));
        break;  // work placement
      case 2:
        days = static_cast<int>(rng.Int(1, 10));
        break;  // shadowing
      case 3:
        days = static_cast<int>(rng.Int(1, 5));
        break;  // taster
      default:
        days = static_cast<int>(rng.Int(20, 120));
        break;
    }
    s.end = s.start + days - 1;
    s.paid = k <= 1 ? rng.Chance(0.93) : rng.Chance(0.1);
    all_.push_back(s);
  }
}

Table InternshipModel::InternshipTable(int year) const {
  Table t("internships",
          {"internship_id", "start_date", "end_date", "kind", "education_level", "paid"});
  const Days a = YearStart(year), b = YearEnd(year);
  for (const auto& s : all_) {
    if (s.start > b || s.end < a) continue;
    auto& r = t.AddRow();
    r.push_back(fmt::format("ST-{}-{:05d}", YearOf(s.start), s.serial));
    r.push_back(Date(s.start));
    r.push_back(Date(s.end));
    r.push_back(s.kind);
    r.push_back(s.level);
    r.push_back(Bool(s.paid));
  }
  return t;
}

}  // namespace jbr::synth
