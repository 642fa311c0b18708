// Test support: a hand-made ICT portfolio for 2024, two ministries and four activities, with the
// figures worked out by hand below (DurationYears counts whole years, then months, then days/365).
//
// BZK-1 "Burgerzaken & Identiteit" (BZK), in progress, start 01-01-2020, reference 31-12-2024.
//   Initial 01-01-2020: end 31-12-2023, EUR 40 mln. Reassessment 30-06-2024 for
//   "Prijsontwikkeling" and "Tegenvallers binnen project": end 30-06-2025, EUR 55 mln, spent 30.
//   Slip 31-12-2023 -> 30-06-2025: 18 months = 1.5 years: "Later >1 jaar".
//   Initial duration 3 y 11 m 30 d = 3.9989; current 5 y 5 m 29 d = 5.4961; change 0.374:
//   "Later < 50%". Cost 55 mln: "50-100 mln.". Remaining 25 mln.
// BZK-2 "Digitale post" (BZK), in progress, start 01-03-2022, reference 31-12-2024, end unknown.
//   Initial 01-03-2022: EUR 8 mln; report 31-12-2024: EUR 9.5 mln, spent 4. "Doorlooptijd
//   onbekend", no duration class, "0-10 mln.".
// FIN-7 "Belastingkern" (FIN), in progress, start 01-07-2021, reference 31-12-2024. Initial
//   01-07-2021: end 30-06-2026, EUR 120 mln; report 31-12-2024: end 30-06-2026, EUR 110 mln,
//   spent 70. "Ongewijzigd" twice, "100+ mln.". An AcICT review (24-01-2023).
// FIN/8 "Oud systeem" (FIN), in progress, start 01-01-2018, reference 31-12-2023. Initial
//   01-01-2018: end 31-12-2025, EUR 20 mln; report 31-12-2023: same end, EUR 20 mln, spent 15.
//   "Ongewijzigd", "10-20 mln.". No record in 2024: stale, and by the rule not in the report; an
//   inclusion decision puts it in (included = true here).
//
// Key figures over the four included: 4 in progress; initial 40 + 8 + 120 + 20 = 188 mln,
// current 55 + 9.5 + 110 + 20 = 194.5 mln, spent 30 + 4 + 70 + 15 = 119 mln; cost change
// (194.5 - 188) / 188 x 100 = +3.457%; 1 reassessment, each reason once; 1 with AcICT advice;
// 1 stale.
#pragma once

#include <string>
#include <vector>

#include "publish/core/ict_portfolio.h"

namespace jbr::publish::testing {

inline Days D(int y, int m, int d) { return DaysFromCivil(y, m, d); }

inline IctRecord Rec(Days date, const char* action, std::optional<Days> end, double cost_mln,
                     std::optional<double> spend_mln, std::vector<std::string> reasons = {}) {
  IctRecord r;
  r.date = date;
  r.action = action;
  r.end_date = end;
  r.cost_eur = cost_mln * 1e6;
  if (spend_mln) r.spend_eur = *spend_mln * 1e6;
  r.reasons = std::move(reasons);
  return r;
}

inline IctActivity Activity(const char* id, const char* name, const char* ministry, Days start,
                            Days reference, IctRecord initial, IctRecord current) {
  IctActivity a;
  IctActivityFigures& f = a.figures;
  f.activity_id = id;
  f.name = name;
  f.ministry = ministry;
  f.organisation = std::string("Ministerie ") + ministry;
  f.status = "in_progress";
  f.start_date = start;
  f.reference_date = reference;
  f.record_count = 2;
  f.initial = initial;
  f.current = current;
  f.latest = current;
  f.previous = YearOf(current.date) < 2024 ? current : initial;
  if (current.cost_eur) f.remaining_cost_eur = *current.cost_eur - current.spend_eur.value_or(0);
  f.included = true;
  a.kind = "Ontwikkeling";
  return a;
}

inline IctPortfolio HandMadePortfolio() {
  IctPortfolio p;
  p.year = 2024;
  p.run_at = "2025-03-01T12:00:00Z";
  p.ministry_names = {{"BZK", "Binnenlandse Zaken en Koninkrijksrelaties"}, {"FIN", "Financiën"}};
  const std::vector<std::string> reasons = {"Prijsontwikkeling", "Tegenvallers binnen project"};

  IctActivity a = Activity("BZK-1", "Burgerzaken & Identiteit", "BZK", D(2020, 1, 1),
                           D(2024, 12, 31), Rec(D(2020, 1, 1), "initial", D(2023, 12, 31), 40, {}),
                           Rec(D(2024, 6, 30), "reassessment", D(2025, 6, 30), 55, 30, reasons));
  a.figures.reassessments = {*a.figures.current};
  a.figures.initial_duration_years = 3 + 11 / 12.0 + 30 / 365.0;
  a.figures.current_duration_years = 5 + 5 / 12.0 + 29 / 365.0;
  a.figures.end_slip_years = 1.5;
  a.figures.duration_change =
      (*a.figures.current_duration_years - *a.figures.initial_duration_years) /
      *a.figures.initial_duration_years;
  a.figures.slip_class = "Later >1 jaar";
  a.figures.duration_class = "Later < 50%";
  a.figures.cost_class = "50-100 mln.";
  a.current_categories.internal_staff_estimate = 15e6;
  a.current_categories.external_staff_estimate = 30e6;
  a.current_categories.other_material_estimate = 10e6;
  a.milestones = {{"Pilot <gemeente>", D(2024, 3, 1), D(2024, 4, 15), true}};
  a.papers = {{D(2024, 7, 1), "26643-1200", "Brief over herijking", "https://example.org/k?a=1&b=2",
               false}};
  p.activities.push_back(a);

  IctActivity b = Activity("BZK-2", "Digitale post", "BZK", D(2022, 3, 1), D(2024, 12, 31),
                           Rec(D(2022, 3, 1), "initial", std::nullopt, 8, {}),
                           Rec(D(2024, 12, 31), "report", std::nullopt, 9.5, 4));
  b.figures.slip_class = "Doorlooptijd onbekend";
  b.figures.cost_class = "0-10 mln.";
  p.activities.push_back(b);

  IctActivity c = Activity("FIN-7", "Belastingkern", "FIN", D(2021, 7, 1), D(2024, 12, 31),
                           Rec(D(2021, 7, 1), "initial", D(2026, 6, 30), 120, {}),
                           Rec(D(2024, 12, 31), "report", D(2026, 6, 30), 110, 70));
  c.figures.end_slip_years = 0;
  c.figures.duration_change = 0;
  c.figures.initial_duration_years = c.figures.current_duration_years = 4 + 11 / 12.0 + 29 / 365.0;
  c.figures.slip_class = "Ongewijzigd";
  c.figures.duration_class = "Ongewijzigd";
  c.figures.cost_class = "100+ mln.";
  c.acict_advice = true;
  c.reviews = {{D(2023, 1, 24), "AcICT", "acict"}};
  p.activities.push_back(c);

  IctActivity d = Activity("FIN/8", "Oud systeem", "FIN", D(2018, 1, 1), D(2023, 12, 31),
                           Rec(D(2018, 1, 1), "initial", D(2025, 12, 31), 20, {}),
                           Rec(D(2023, 12, 31), "report", D(2025, 12, 31), 20, 15));
  d.figures.end_slip_years = 0;
  d.figures.duration_change = 0;
  d.figures.slip_class = "Ongewijzigd";
  d.figures.duration_class = "Ongewijzigd";
  d.figures.cost_class = "10-20 mln.";
  d.figures.stale = true;
  p.activities.push_back(d);
  return p;
}

}  // namespace jbr::publish::testing
