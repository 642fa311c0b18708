// The derived figures of large ICT activities (ict_derived.h): initial, current and previous
// records, durations, classes, inclusion in the report for a year, staleness and reassessments.
// The rules are those of ict-projects.md, which follows the Rijks ICT-dashboard's public code so
// that the product reproduces the dashboard's figures.
#include "indicators/core/ict_derived.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <map>
#include <string>

#include <fmt/format.h>

#include "common/text.h"

namespace jbr {
namespace {

int DaysInMonth(int year, int month) {
  int next_year = month == 12 ? year + 1 : year;
  int next_month = month == 12 ? 1 : month + 1;
  return DaysFromCivil(next_year, next_month, 1) - DaysFromCivil(year, month, 1);
}

// `from` plus `months` calendar months, the day clipped to the end of the month (31 January plus
// one month is 28 or 29 February), as dateutil's relativedelta adds months.
Days AddMonths(Days from, int months) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(from, &y, &m, &d);
  int total = y * 12 + (m - 1) + months;
  int ny = total >= 0 ? total / 12 : -((-total + 11) / 12);  // floor division
  int nm = total - ny * 12 + 1;
  return DaysFromCivil(ny, nm, std::min(d, DaysInMonth(ny, nm)));
}

std::string StrOf(const Column& c, size_t i) {
  return c.size() > i && !c.is_null(i) ? std::string(c.str(i)) : std::string();
}

std::optional<double> NumOf(const Column& c, size_t i) {
  if (c.size() <= i || c.is_null(i)) return std::nullopt;
  return c.numbers[i];
}

std::optional<Days> DateOf(const Column& c, size_t i) {
  if (c.size() <= i || c.is_null(i)) return std::nullopt;
  return static_cast<Days>(c.ints[i]);
}

// Records by activity id, each list in row order.
std::map<std::string, std::vector<IctRecord>> RecordsByActivity(const Table& records) {
  std::map<std::string, std::vector<IctRecord>> out;
  const Column& id = records.col("activity_id");
  const Column& date = records.col("date");
  for (size_t i = 0; i < records.rows; ++i) {
    auto d = DateOf(date, i);
    if (!d || id.size() <= i || id.is_null(i)) continue;  // the validator requires both
    IctRecord r;
    r.row = i;
    r.date = *d;
    r.action = StrOf(records.col("action"), i);
    r.end_date = DateOf(records.col("end_date_estimate"), i);
    r.cost_eur = NumOf(records.col("cost_estimate_eur"), i);
    r.spend_eur = NumOf(records.col("spend_to_date_eur"), i);
    r.reasons = SplitReasons(StrOf(records.col("reasons"), i));
    out[std::string(id.str(i))].push_back(std::move(r));
  }
  return out;
}

// The newest record dated on or before `limit`; of records on the same date the last delivered.
const IctRecord* Newest(const std::vector<IctRecord>& records, Days limit) {
  const IctRecord* best = nullptr;
  for (const auto& r : records) {
    if (r.date <= limit && (best == nullptr || r.date >= best->date)) best = &r;
  }
  return best;
}

// The oldest record (with action `action`, or any when empty); of the same date the first.
const IctRecord* Oldest(const std::vector<IctRecord>& records, const std::string& action) {
  const IctRecord* best = nullptr;
  for (const auto& r : records) {
    if (!action.empty() && r.action != action) continue;
    if (best == nullptr || r.date < best->date) best = &r;
  }
  return best;
}

std::optional<IctRecord> Copy(const IctRecord* r) {
  return r == nullptr ? std::nullopt : std::optional<IctRecord>(*r);
}

void PickRecords(const std::vector<IctRecord>& records, int year, IctActivityFigures* f) {
  f->record_count = records.size();
  if (records.empty()) {
    f->findings.push_back("no cost and schedule records");
    return;
  }
  auto initials = std::count_if(records.begin(), records.end(),
                                [](const IctRecord& r) { return r.action == "initial"; });
  f->initial = Copy(Oldest(records, initials > 0 ? "initial" : ""));
  if (initials > 1) {
    f->findings.push_back(fmt::format("{} initial records: the first by date ({}) is used",
                                      initials, FormatDate(f->initial->date)));
  } else if (initials == 0) {
    f->findings.push_back(fmt::format("no initial record: the oldest record ({}) is used",
                                      FormatDate(f->initial->date)));
  }
  f->current = Copy(Newest(records, DaysFromCivil(year, 12, 31)));
  f->previous = Copy(Newest(records, DaysFromCivil(year - 1, 12, 31)));
  f->latest = Copy(Newest(records, std::numeric_limits<Days>::max()));
  if (!f->current) {
    f->findings.push_back(fmt::format("no record dated in or before {}", year));
  }
  for (const auto& r : records) {
    if (r.action == "reassessment" && YearOf(r.date) == year) f->reassessments.push_back(r);
  }
}

// The end-date estimate of a record, if both are known. (A plain pointer rather than a copied
// std::optional: GCC 12 at -O2 warns falsely that a copied optional<int> may be uninitialised.)
const Days* EndOf(const std::optional<IctRecord>& r) {
  return r && r->end_date ? &*r->end_date : nullptr;
}

void Classify(IctActivityFigures* f) {
  const Days* initial_end = EndOf(f->initial);
  const Days* current_end = EndOf(f->current);
  if (initial_end) f->initial_duration_years = DurationYears(f->start_date, *initial_end);
  if (current_end) f->current_duration_years = DurationYears(f->start_date, *current_end);
  if (f->initial_duration_years && f->current_duration_years && *f->initial_duration_years != 0) {
    f->duration_change =
        (*f->current_duration_years - *f->initial_duration_years) / *f->initial_duration_years;
  }
  if (initial_end && current_end) f->end_slip_years = DurationYears(*initial_end, *current_end);
  f->slip_class = SlipClass(f->end_slip_years);
  f->duration_class = DurationChangeClass(f->duration_change);
  f->cost_class = CostClass(f->current ? f->current->cost_eur : std::nullopt);
  if (f->current && f->current->cost_eur) {
    f->remaining_cost_eur = *f->current->cost_eur - f->current->spend_eur.value_or(0);
  }
}

void Include(const std::vector<IctRecord>& records, int year, IctActivityFigures* f) {
  bool recent = YearOf(f->reference_date) == year ||
                std::any_of(records.begin(), records.end(),
                            [&](const IctRecord& r) { return YearOf(r.date) >= year; });
  const Days* end = EndOf(f->current);
  bool running = end == nullptr || YearOf(*end) >= year;
  f->included = recent && running && f->status != "not_started";
  f->stale = !f->latest || YearOf(f->latest->date) < year;
}

}  // namespace

double DurationYears(Days from, Days to) {
  int fy = 0, fm = 0, fd = 0, ty = 0, tm = 0, td = 0;
  CivilFromDays(from, &fy, &fm, &fd);
  CivilFromDays(to, &ty, &tm, &td);
  // Whole months first, then step back (or forward, going backwards) while they overshoot.
  int months = (ty - fy) * 12 + (tm - fm);
  Days at = AddMonths(from, months);
  if (to < from) {
    while (to > at) at = AddMonths(from, ++months);
  } else {
    while (to < at) at = AddMonths(from, --months);
  }
  int days = to - at;
  int years = (months < 0 ? -1 : 1) * (std::abs(months) / 12);
  int rest = months - 12 * years;
  return years + rest / 12.0 + days / 365.0;
}

std::string SlipClass(std::optional<double> years) {
  if (!years) return kSlipUnknown;
  if (*years < 0) return kSlipEarlier;
  if (*years == 0) return kSlipUnchanged;
  return *years <= 1 ? kSlipUpToOneYear : kSlipOverOneYear;
}

std::string DurationChangeClass(std::optional<double> change) {
  if (!change) return "";
  if (*change < 0) return kDurationClasses[0];
  if (*change == 0) return kDurationClasses[1];
  if (*change < 0.5) return kDurationClasses[2];
  return *change < 1 ? kDurationClasses[3] : kDurationClasses[4];
}

std::string CostClass(std::optional<double> cost_eur) {
  if (!cost_eur || *cost_eur <= 0) return kCostUnknown;
  // Right-closed bins in EUR million: (0, 10], (10, 20], ..., (50, 100], (100, inf).
  static constexpr double kUpper[] = {10, 20, 30, 40, 50, 100};
  double mln = *cost_eur / 1e6;
  for (size_t i = 0; i < std::size(kUpper); ++i) {
    if (mln <= kUpper[i]) return kCostClasses[i];
  }
  return kCostClasses[6];
}

std::vector<std::string> SplitReasons(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view part : Split(text, ";,")) {
    part = Trim(part);
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

std::vector<IctActivityFigures> DeriveIctFigures(const Table& activities, const Table& records,
                                                 int year) {
  const auto by_activity = RecordsByActivity(records);
  static const std::vector<IctRecord> kNone;
  std::vector<IctActivityFigures> out;
  for (size_t i = 0; i < activities.rows; ++i) {
    IctActivityFigures f;
    f.row = i;
    f.activity_id = StrOf(activities.col("activity_id"), i);
    f.name = StrOf(activities.col("name"), i);
    f.ministry = StrOf(activities.col("ministry"), i);
    f.organisation = StrOf(activities.col("organisation"), i);
    f.status = StrOf(activities.col("status"), i);
    f.start_date = DateOf(activities.col("start_date"), i).value_or(0);
    f.reference_date = DateOf(activities.col("reference_date"), i).value_or(0);
    auto it = by_activity.find(f.activity_id);
    const auto& recs = it == by_activity.end() ? kNone : it->second;
    PickRecords(recs, year, &f);
    Classify(&f);
    Include(recs, year, &f);
    out.push_back(std::move(f));
  }
  return out;
}

std::map<std::string, bool> IctInclusionDecisions(const Table& inclusion) {
  std::map<std::string, bool> out;
  const Column& id = inclusion.col("activity_id");
  const Column& include = inclusion.col("include");
  for (size_t i = 0; i < inclusion.rows; ++i) {
    if (!id.is_null(i) && !include.is_null(i)) out[std::string(id.str(i))] = include.ints[i] != 0;
  }
  return out;
}

void ApplyIctInclusion(const std::map<std::string, bool>& decided,
                       std::vector<IctActivityFigures>* figures) {
  for (auto& f : *figures) {
    if (auto d = decided.find(f.activity_id); d != decided.end()) f.included = d->second;
  }
}

std::set<std::string> IctWithAcictAdvice(const Table* reviews, const Table* papers) {
  std::set<std::string> out;
  if (reviews != nullptr) {
    const Column& id = reviews->col("activity_id");
    const Column& kind = reviews->col("kind");
    for (size_t i = 0; i < reviews->rows; ++i) {
      if (!kind.is_null(i) && kind.str(i) == "acict") out.insert(std::string(id.str(i)));
    }
  }
  if (papers != nullptr) {
    const Column& id = papers->col("activity_id");
    const Column& advice = papers->col("acict_advice");
    for (size_t i = 0; i < papers->rows; ++i) {
      if (!advice.is_null(i) && advice.ints[i] == 1) out.insert(std::string(id.str(i)));
    }
  }
  return out;
}

}  // namespace jbr
