#include "synth/generate/ict.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "synth/core/context.h"

namespace jbr::synth {
namespace {

constexpr const char* kReasons[] = {
    "Aanpassing (business)doelen of eisen",  "Implementatie in organisatie",
    "Overnemen aanbeveling extern advies",   "Prijsontwikkeling",
    "Project-endogene scopewijzigingen",     "Tegenvallers binnen project",
    "Wens van de Tweede Kamer/Eerste Kamer", "Wetswijziging"};
constexpr std::array<double, 8> kReasonWeights = {0.2, 0.12, 0.06, 0.1, 0.2, 0.22, 0.04, 0.06};
constexpr const char* kKinds[] = {"Ontwikkeling nieuw systeem", "Vervanging bestaand systeem",
                                  "Aanpassing bestaand systeem", "Migratie naar de cloud",
                                  "Infrastructuur"};
constexpr const char* kMethods[] = {"Agile (Scrum)", "Agile (SAFe)", "Standaardproduct", "Waterval",
                                    "Hybride"};
constexpr const char* kSubjects[] = {
    "Belastingen", "Toeslagen",   "Werkplek",        "Identiteit", "Zaakgericht werken",
    "Archivering", "Beveiliging", "Data en analyse", "Netwerk",    "Financiën"};
constexpr const char* kWhat[] = {"Vernieuwing", "Modernisering", "Vervanging", "Programma",
                                 "Migratie"};
constexpr const char* kOf[] = {
    "kernregistratie", "zaaksysteem",      "werkplekomgeving",      "portaal", "inningssysteem",
    "datacentrum",     "berichtenverkeer", "informatievoorziening", "netwerk", "archief"};

Days AddMonths(Days d, int months) {
  int y, m, day;
  CivilFromDays(d, &y, &m, &day);
  int total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  return DaysFromCivil(y, m, std::min(day, 28));
}

}  // namespace

IctPortfolio::IctPortfolio(const Profiles& profiles, int first_year, int last_year,
                           const IctTargets& t, double scale, uint64_t seed) {
  Rng rng = Rng::For(seed, "ict");
  std::vector<double> shares;
  std::vector<const MinistryProfile*> ministries;
  for (const auto& m : profiles.ministries()) {
    shares.push_back(m.ict_share);
    ministries.push_back(&m);
  }
  // More activities start than the report holds (they stay in it about five years); Steer() then
  // takes out activities at random until the last year has the target number.
  const double per_year = t.active * scale / 3.8;
  std::map<std::string, int> serial;
  for (int y = first_year - 9; y <= last_year; ++y) {
    const int n = rng.Poisson(per_year);
    for (int i = 0; i < n; ++i) {
      const MinistryProfile& m = *ministries[rng.Pick(shares)];
      Activity a;
      a.ministry = m.code;
      a.id = fmt::format("{}-{:03d}", m.code, ++serial[m.code]);
      a.organisation = m.units[rng.Next() % m.units.size()].name;
      a.name = fmt::format("{} {}", kWhat[rng.Next() % 5], kOf[rng.Next() % 10]);
      a.kind = kKinds[rng.Next() % 5];
      a.method = kMethods[rng.Next() % 5];
      a.subjects = kSubjects[rng.Next() % 10];
      if (rng.Chance(0.4)) a.subjects += fmt::format(";{}", kSubjects[rng.Next() % 10]);
      a.start = DaysFromCivil(y, static_cast<int>(rng.Int(1, 12)), 1);
      double cost = std::max(5.2e6, rng.LogNormal(24e6, 0.95));
      Days end = AddMonths(a.start, static_cast<int>(rng.Int(18, 72)));
      double spend = 0;
      a.records.push_back({a.start, "initial", end, cost, 0, ""});
      // Yearly: a report in December; sometimes a reassessment first; now and then cancellation.
      for (int ry = y; ry <= last_year; ++ry) {
        const Days dec = DaysFromCivil(ry, 12, 15);
        if (dec < a.start) continue;
        if (ry > y && rng.Chance(0.25) && YearOf(end) >= ry) {
          cost *= 1.0 + std::clamp(rng.LogNormal(0.22, 0.6), 0.03, 1.5);
          if (end != 0)
            end = rng.Chance(0.04) ? 0 : AddMonths(end, static_cast<int>(rng.Int(2, 20)));
          std::string reasons = kReasons[rng.Pick(kReasonWeights)];
          if (rng.Chance(0.35)) {
            const char* second = kReasons[rng.Pick(kReasonWeights)];
            if (reasons != second)
              reasons += fmt::format("{}{}", rng.Chance(0.8) ? ";" : ", ", second);
          }
          a.records.push_back({DaysFromCivil(ry, static_cast<int>(rng.Int(2, 10)), 10),
                               "reassessment", end, cost, spend, reasons});
        }
        const bool done = end != 0 && YearOf(end) < ry;
        if (done) break;
        spend = std::min(cost,
                         spend + cost / std::max(1.0, (end == 0 ? 5.0 : (end - a.start) / 365.25)));
        a.records.push_back({dec, "report", end, cost, spend, ""});
        if (a.cancelled == 0 && rng.Chance(0.015)) {
          a.cancelled = dec;
          break;
        }
      }
      a.acict = cost > 20e6 && rng.Chance(0.4);
      if (a.acict || rng.Chance(0.2))
        a.review_date = AddMonths(a.start, static_cast<int>(rng.Int(3, 18)));
      activities_.push_back(std::move(a));
    }
  }
  Steer(last_year, t);
}

const IctPortfolio::Record* IctPortfolio::Current(const Activity& a, int year) const {
  const Record* cur = nullptr;
  for (const auto& r : a.records) {
    if (YearOf(r.date) <= year) cur = &r;
  }
  return cur;
}

bool IctPortfolio::Delivered(const Activity& a, int year) const {
  // In a ministry's delivery from its start until the year after it ended.
  const Record* cur = Current(a, year);
  if (cur == nullptr || YearOf(a.start) > year) return false;
  if (a.cancelled != 0 && YearOf(a.cancelled) < year) return false;
  return cur->end == 0 || YearOf(cur->end) >= year - 1;
}

std::string IctPortfolio::Status(const Activity& a, int year) const {
  const Record* cur = Current(a, year);
  if (a.cancelled != 0 && YearOf(a.cancelled) <= year) return "cancelled";
  if (cur != nullptr && cur->end != 0 && YearOf(cur->end) <= year) return "completed";
  return YearOf(a.start) == year && a.start > DaysFromCivil(year, 10, 1) ? "not_started"
                                                                         : "in_progress";
}

bool IctPortfolio::Included(const Activity& a, int year) const {
  if (!Delivered(a, year) || Status(a, year) == "not_started") return false;
  const Record* cur = Current(a, year);
  return cur != nullptr &&
         (cur->end == 0 || YearOf(cur->end) >= year);  // the reference date is in the year
}

size_t IctPortfolio::IncludedCount(int year) const {
  return static_cast<size_t>(std::count_if(activities_.begin(), activities_.end(),
                                           [&](const Activity& a) { return Included(a, year); }));
}

void IctPortfolio::Steer(int year, const IctTargets& t) {
  Rng rng = Rng::For(static_cast<uint64_t>(activities_.size()), "ict/steer");
  std::vector<size_t> included;
  for (size_t i = 0; i < activities_.size(); ++i) {
    if (Included(activities_[i], year)) included.push_back(i);
  }
  std::vector<bool> drop(activities_.size(), false);
  while (included.size() > static_cast<size_t>(std::lround(t.active))) {
    const size_t k = static_cast<size_t>(rng.Int(0, static_cast<int64_t>(included.size()) - 1));
    drop[included[k]] = true;
    included[k] = included.back();
    included.pop_back();
  }
  std::vector<Activity> kept;
  for (size_t i = 0; i < activities_.size(); ++i) {
    if (!drop[i]) kept.push_back(std::move(activities_[i]));
  }
  activities_ = std::move(kept);
  // The cost change: scale every increase over the initial estimate by one factor; then the level.
  double initial = 0, current = 0;
  for (const auto& a : activities_) {
    if (!Included(a, year)) continue;
    initial += a.records.front().cost;
    current += Current(a, year)->cost;
  }
  if (initial <= 0) return;
  const double alpha =
      current > initial ? (t.cost_change_pct / 100.0) * initial / (current - initial) : 1.0;
  for (auto& a : activities_) {
    const double base = a.records.front().cost;
    for (auto& r : a.records) {
      r.cost = base + alpha * (r.cost - base);
      r.spend = std::min(r.spend, r.cost);
    }
  }
  const double k = t.cost_current / (initial * (1 + t.cost_change_pct / 100.0));
  for (auto& a : activities_) {
    for (auto& r : a.records) {
      r.cost *= k;
      r.spend *= k;
    }
  }
}

std::vector<Table> IctPortfolio::Tables(const std::string& ministry, int year) const {
  Table acts("ict_activities",
             {"activity_id", "name", "ministry", "organisation", "status", "start_date", "kind",
              "method", "subjects", "description", "reference_date"});
  Table recs(
      "ict_records",
      {"activity_id", "date", "action", "end_date_estimate", "cost_estimate_eur",
       "spend_to_date_eur", "internal_staff_estimate_eur", "external_staff_estimate_eur",
       "other_material_estimate_eur", "reasons", "cost_change_note", "end_date_change_note"});
  Table reviews("ict_reviews", {"activity_id", "date", "party", "kind"});
  Table papers("ict_papers", {"activity_id", "date", "number", "title", "link", "acict_advice"});
  Table milestones("ict_milestones",
                   {"activity_id", "description", "expected_date", "realised_date", "achieved"});
  const Days eoy = YearEnd(year);
  for (const auto& a : activities_) {
    if (a.ministry != ministry || !Delivered(a, year)) continue;
    acts.AddRow() = {a.id,
                     a.name,
                     a.ministry,
                     a.organisation,
                     Status(a, year),
                     Date(a.start),
                     a.kind,
                     a.method,
                     a.subjects,
                     fmt::format("{}: {} bij {}.", a.name, a.kind, a.organisation),
                     Date(eoy)};
    const Record* prev = nullptr;
    for (const auto& r : a.records) {
      if (r.date > eoy) break;
      const bool re = std::string_view(r.action) == "reassessment";
      recs.AddRow() = {
          a.id,
          Date(r.date),
          r.action,
          r.end == 0 ? std::string() : Date(r.end),
          Money(r.cost),
          Money(r.spend),
          Money(r.cost * 0.25),
          Money(r.cost * 0.45),
          Money(r.cost * 0.30),
          r.reasons,
          re && prev != nullptr && r.cost > prev->cost ? "Hogere kosten na herijking." : "",
          re && prev != nullptr && r.end != prev->end ? "Einddatum aangepast na herijking." : ""};
      prev = &r;
    }
    if (a.review_date != 0 && a.review_date <= eoy) {
      reviews.AddRow() = {a.id, Date(a.review_date),
                          a.acict ? "Adviescollege ICT-toetsing" : "Auditdienst Rijk",
                          a.acict ? "acict" : "audit"};
      if (a.acict) {
        papers.AddRow() = {a.id,
                           Date(a.review_date + 40),
                           fmt::format("26643-{}", 600 + (a.review_date % 300)),
                           fmt::format("Advies AcICT over {}", a.name),
                           "https://www.tweedekamer.nl/kamerstukken",
                           Bool(true)};
      }
    }
    const Days initial_end = a.records.front().end;
    for (int k = 1; k <= 3; ++k) {
      const Days expected = a.start + (initial_end - a.start) * k / 3;
      if (expected > eoy + 365) break;
      const bool realised = expected <= eoy;
      milestones.AddRow() = {
          a.id, fmt::format("Mijlpaal {}: {}", k, k == 3 ? "oplevering" : "deellevering"),
          Date(expected), realised ? Date(expected + 20 * k) : std::string(), Bool(realised)};
    }
  }
  std::vector<Table> out;
  out.push_back(std::move(acts));
  out.push_back(std::move(recs));
  out.push_back(std::move(reviews));
  out.push_back(std::move(papers));
  out.push_back(std::move(milestones));
  return out;
}

}  // namespace jbr::synth
