// Jobs agreement (banenafspraak): jobs of 25.5 hours a week held by people counted toward the jobs
// agreement, their realisation against the ministry's target, and the inflow of new jobs-agreement
// employments with their jobs (domain.md sections 5 and 7).
//
// Jobs are additive over ministries and unit types. The realisation of several ministries is the
// sum of their jobs over the sum of their targets, never a mean of their percentages.
#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::jobs_agreement_theme {
namespace {

using theme::MakePersonsCell;

constexpr const char* kDataset = "personnel";
constexpr const char* kTargets = "jobs_agreement_targets";
constexpr const char* kHoursPerJob = "jobs_agreement.hours_per_job";
constexpr const char* kRealisationMin = "jobs_agreement.realisation.min";
constexpr Days kOpen = std::numeric_limits<Days>::max();  // an empty end_date: ongoing

struct Tally {
  double jobs = 0;
  double persons = 0;  // distinct persons with a jobs-agreement employment in the year
};

struct Realisation {
  double jobs = 0, target = 0, persons = 0;
  bool any = false;  // some ministry had a target
};

// Adds one ministry's jobs, per unit type and in total (""). A unit type the ministry has
// employments in gets a figure, 0 when none of them counts toward the jobs agreement.
void AddTable(const Table& t, const Period& y, double hours_per_job,
              std::map<std::string, Tally>* tallies) {
  const Column& person = t.col("person_id");
  const Column& unit = t.col("unit_type");
  const Column& start = t.col("start_date");
  const Column& end = t.col("end_date");
  const Column& hours = t.col("weekly_hours");
  const Column& ja = t.col("jobs_agreement");
  std::map<std::string, std::set<std::string_view>> persons;  // per unit type, this ministry
  (*tallies)[""];
  persons[""];
  for (size_t i = 0; i < t.rows; ++i) {
    if (start.is_null(i) || person.is_null(i)) continue;
    const Days first = static_cast<Days>(start.ints[i]);
    const Days last = end.is_null(i) ? kOpen : static_cast<Days>(end.ints[i]);
    const int days = OverlapDays(first, last, y.first, y.last);
    if (days == 0) continue;
    const std::string u = unit.is_null(i) ? "" : std::string(unit.str(i));
    Tally* unit_tally = u.empty() ? nullptr : &(*tallies)[u];
    if (ja.is_null(i) || ja.ints[i] == 0) continue;
    const double h = hours.is_null(i) ? 0 : hours.numbers[i];
    const double jobs = h * days / y.days() / hours_per_job;
    (*tallies)[""].jobs += jobs;
    persons[""].insert(person.str(i));
    if (unit_tally != nullptr) {
      unit_tally->jobs += jobs;
      persons[u].insert(person.str(i));
    }
  }
  for (const auto& [s, who] : persons) (*tallies)[s].persons += static_cast<double>(who.size());
}

// New jobs-agreement employments: the persons whose jobs-agreement employment starts in the year
// with no jobs-agreement employment the day before (the year before's delivery read for
// 31 December), and the jobs of those starts (the weekly hours of the employments beginning on a
// start day / hours per job).
struct Inflow {
  double persons = 0, jobs = 0;
};

struct JaSpan {
  std::string_view person;
  Days first, last;
  double hours;
};

// The jobs-agreement employments of `t` in force on some day of [from, to], cut to it.
void ReadJaSpans(const Table& t, Days from, Days to, std::vector<JaSpan>* out) {
  const Column& person = t.col("person_id");
  const Column& start = t.col("start_date");
  const Column& end = t.col("end_date");
  const Column& hours = t.col("weekly_hours");
  const Column& ja = t.col("jobs_agreement");
  for (size_t i = 0; i < t.rows; ++i) {
    if (start.is_null(i) || person.is_null(i) || ja.is_null(i) || ja.ints[i] == 0) continue;
    const Days first = static_cast<Days>(start.ints[i]);
    const Days last = end.is_null(i) ? kOpen : static_cast<Days>(end.ints[i]);
    if (first > to || last < from) continue;
    out->push_back(
        {person.str(i), first, std::min(last, to), hours.is_null(i) ? 0 : hours.numbers[i]});
  }
}

Inflow JaInflow(const MinistryInputs& in, const Period& y, double hours_per_job) {
  std::vector<JaSpan> spans;
  ReadJaSpans(*in.Get(kDataset), y.first, y.last, &spans);
  if (in.year_before != nullptr && in.year_before->Get(kDataset) != nullptr) {
    ReadJaSpans(*in.year_before->Get(kDataset), y.first - 1, y.first - 1,
                &spans);  // on 31 December
  }
  std::sort(spans.begin(), spans.end(), [](const JaSpan& a, const JaSpan& b) {
    return std::tie(a.person, a.first) < std::tie(b.person, b.first);
  });
  Inflow out;
  for (size_t i = 0; i < spans.size();) {
    size_t j = i;
    bool started = false;
    Days spell_first = 0, covered = 0;  // the person's current spell without a day off
    for (; j < spans.size() && spans[j].person == spans[i].person; ++j) {
      const JaSpan& e = spans[j];
      const bool continues = j > i && (covered == kOpen || e.first <= covered + 1);
      if (!continues) spell_first = e.first;
      // A start in the year, and every employment beginning on that day, add their jobs.
      if (e.first == spell_first && spell_first >= y.first) {
        started = true;
        out.jobs += e.hours / hours_per_job;
      }
      covered = continues ? std::max(covered, e.last) : e.last;
    }
    out.persons += started ? 1 : 0;
    i = j;
  }
  return out;
}

// jobs_agreement.inflow and .inflow_jobs (domain.md section 5): the new jobs-agreement
// employments of the year, which the report says the pandemic delayed.
void AddInflowDefs(std::vector<IndicatorDef>* defs) {
  constexpr const char* kRuleNl =
      "Een dienstverband telt mee als jobs_agreement = ja. Een start is het begin van een periode "
      "van zulke dienstverbanden zonder een dag zonder (een dienstverband dat begint op of vóór de "
      "dag "
      "na het einde van het vorige zet de periode voort); de dag vóór 1 januari wordt gelezen uit "
      "de "
      "levering van het vorige jaar. Ontbreekt die, dan telt een nieuw dienstverband op 1 januari "
      "als "
      "start, ook als het vorige op 31 december eindigde; jbr explain noemt de ontbrekende "
      "levering.";
  constexpr const char* kRuleEn =
      "An employment counts when jobs_agreement = true. A start is the beginning of a spell of "
      "such "
      "employments without a day off (an employment starting on or before the day after the "
      "previous "
      "one ends continues the spell); the day before 1 January is read from the previous year's "
      "delivery. Without it, a new employment on 1 January counts as a start even when the "
      "previous "
      "one ended on 31 December; jbr explain names the missing delivery.";
  IndicatorDef persons;
  persons.id = "jobs_agreement.inflow";
  persons.title_nl = "Banenafspraak: instroom";
  persons.title_en = "Jobs agreement: inflow";
  persons.unit = "persons";
  persons.definition_nl =
      std::string(
          "Aantal personen van wie in het jaar een dienstverband voor de banenafspraak begint, "
          "zonder "
          "dienstverband voor de banenafspraak bij het ministerie op de dag ervoor. ") +
      kRuleNl;
  persons.definition_en = std::string(
                              "Persons whose jobs-agreement employment starts in the year with no "
                              "jobs-agreement employment "
                              "at the ministry the day before. ") +
                          kRuleEn;
  IndicatorDef jobs = persons;
  jobs.id = "jobs_agreement.inflow_jobs";
  jobs.title_nl = "Banenafspraak: banen van de instroom";
  jobs.title_en = "Jobs agreement: jobs of the inflow";
  jobs.unit = "jobs";
  jobs.definition_nl = std::string(
                           "De banen van die starts: som van de uren per week van de "
                           "dienstverbanden die op de dag van een "
                           "start beginnen, gedeeld door {norm:jobs_agreement.hours_per_job} "
                           "(norms.csv: jobs_agreement.hours_per_job); niet naar de "
                           "dagen in het jaar gewogen. ") +
                       kRuleNl;
  jobs.definition_en = std::string(
                           "The jobs of those starts: the sum of the weekly hours of the "
                           "employments beginning on the day "
                           "of a start, divided by {norm:jobs_agreement.hours_per_job} (norms.csv: "
                           "jobs_agreement.hours_per_job); not weighted by the "
                           "days in the year. ") +
                       kRuleEn;
  for (IndicatorDef* d : {&persons, &jobs}) {
    d->datasets = {kDataset};
    d->adjacent_datasets = {kDataset};
    d->adjacent_after = false;  // a start is read against 31 December of the year before only
    d->disclosure = Disclosure::kPersonCount;
    d->higher_is_better = true;
  }
  // The jobs of the inflow carry the inflow's persons: primary suppression treats them alike.
  defs->push_back(persons);
  defs->push_back(jobs);
}

class JobsAgreementTheme : public Theme {
 public:
  std::string name() const override { return "jobs_agreement"; }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs(2);
    IndicatorDef& jobs = defs[0];
    jobs.id = "jobs_agreement.jobs";
    jobs.title_nl = "Banenafspraak: gerealiseerde banen";
    jobs.title_en = "Jobs agreement: jobs realised";
    jobs.unit = "jobs";
    jobs.definition_nl =
        "Aantal banen van {norm:jobs_agreement.hours_per_job} uur per week (norms.csv: "
        "jobs_agreement.hours_per_job): som over "
        "de dienstverbanden die meetellen voor de banenafspraak (jobs_agreement = ja) van uren "
        "per week x het aantal kalenderdagen dat het dienstverband in het jaar liep (begin- en "
        "einddatum inbegrepen) / het aantal dagen van het jaar (365 of 366), gedeeld door "
        "{norm:jobs_agreement.hours_per_job}. Een heel jaar {norm:jobs_agreement.hours_per_job} "
        "uur is 1 "
        "baan, een heel jaar voltijd (36 uur) 36 / {norm:jobs_agreement.hours_per_job} banen; twee "
        "dienstverbanden tellen op. Dienstverbanden die niet meetellen, tellen niet mee. Per type "
        "eenheid de dienstverbanden in dat type. Het Rijk is de som van de ministeries. Het aantal "
        "personen achter het cijfer zijn de personen met zo'n dienstverband in het jaar.";
    jobs.definition_en =
        "Jobs of {norm:jobs_agreement.hours_per_job} hours a week (norms.csv: "
        "jobs_agreement.hours_per_job): sum over the "
        "employments that count toward the jobs agreement (jobs_agreement = true) of weekly_hours "
        "x the calendar days the employment was in force in the year (start and end date "
        "included) / the days of the year (365 or 366), divided by "
        "{norm:jobs_agreement.hours_per_job}. A "
        "whole year at {norm:jobs_agreement.hours_per_job} hours is 1 job, a whole year full time "
        "(36 hours) "
        "36 / {norm:jobs_agreement.hours_per_job} jobs; two employments add up. "
        "Other employments are left out. Per unit type the employments in that unit type. The "
        "Rijk is the sum of the ministries. The persons behind the figure are those with such an "
        "employment in the year.";
    jobs.breakdowns = {"unit_type"};
    IndicatorDef& real = defs[1];
    real.id = "jobs_agreement.realisation";
    real.title_nl = "Banenafspraak: realisatie van de doelstelling";
    real.title_en = "Jobs agreement: realisation of the target";
    real.unit = "%";
    real.scale = 100;
    real.definition_nl =
        "100 x gerealiseerde banen (jobs_agreement.jobs, alle eenheden) / doelstelling in banen "
        "voor het ministerie en het jaar (referentiegegevens jobs_agreement_targets.csv; de "
        "verdeling over ministeries is illustratief). Voor meer ministeries samen (het Rijk): de "
        "som van hun banen / de som van hun doelstellingen, over de ministeries met een "
        "doelstelling. Een ministerie zonder doelstelling heeft geen realisatie (wel banen). De "
        "norm is ten minste {norm}% (norms.csv: jobs_agreement.realisation.min); daaronder krijgt "
        "de waarde de vlag below_target. Het cijfer valt onder dezelfde geheimhouding als het "
        "aantal banen, omdat de doelstelling openbaar is.";
    real.definition_en =
        "100 x jobs realised (jobs_agreement.jobs, all units) / the target in jobs for the "
        "ministry and year (reference data jobs_agreement_targets.csv; the split over ministries "
        "is illustrative). For several ministries together (the Rijk): the sum of their jobs / "
        "the sum of their targets, over the ministries that have a target. A ministry without a "
        "target has no realisation (its jobs are still computed). The norm is at least {norm}% "
        "(norms.csv: jobs_agreement.realisation.min); below it the value is flagged "
        "below_target. The figure is protected like the number of jobs, since the target is "
        "public.";
    real.norm = NormFromFile(Norm::Kind::kMinimum, kRealisationMin, "below_target");
    for (auto& d : defs) {
      d.datasets = {kDataset};
      d.disclosure = Disclosure::kPersonCount;
      d.higher_is_better = true;
    }
    // The target is public, so the realisation gives the jobs away: it follows their suppression.
    for (auto& d : defs) {
      if (d.id == "jobs_agreement.realisation") d.numerator_of = "jobs_agreement.jobs";
      d.population = "jobs_agreement.jobs";
    }
    AddInflowDefs(&defs);
    return defs;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& ctx, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    std::optional<double> hours_per_job;
    if (ctx.reference != nullptr) hours_per_job = ctx.reference->Norm(kHoursPerJob);
    if (!hours_per_job || *hours_per_job <= 0) {
      return InvalidInput("norms.csv has no positive jobs_agreement.hours_per_job");
    }
    const RefTable* targets = ctx.reference->Get(kTargets);
    const Period y = YearPeriod(year);
    std::map<std::string, Tally> tallies;  // by unit type; "" = all units
    Realisation real;
    Inflow inflow;
    for (const MinistryInputs* in : inputs) {
      const Table* t = in == nullptr ? nullptr : in->Get(kDataset);
      if (t == nullptr) continue;  // not delivered: the engine reports it missing
      const Inflow own_inflow = JaInflow(*in, y, *hours_per_job);
      inflow.persons += own_inflow.persons;
      inflow.jobs += own_inflow.jobs;
      std::map<std::string, Tally> own;
      AddTable(*t, y, *hours_per_job, &own);
      for (const auto& [unit, tally] : own) {
        tallies[unit].jobs += tally.jobs;
        tallies[unit].persons += tally.persons;
      }
      std::optional<double> target;
      if (targets != nullptr) {
        target = targets->Number({{"ministry", in->ministry}, {"year", y.label}}, "target");
      }
      if (!target) continue;  // no target: no realisation for this ministry
      real.any = true;
      real.jobs += own[""].jobs;
      real.target += *target;
      real.persons += own[""].persons;
    }
    std::vector<Cell> cells;
    for (const auto& [unit, tally] : tallies) {
      cells.push_back(
          MakePersonsCell("jobs_agreement.jobs", unit, y.label, "", tally.jobs, 1, tally.persons));
    }
    if (!tallies.empty()) {
      cells.push_back(MakePersonsCell("jobs_agreement.inflow", "", y.label, "", inflow.persons, 1,
                                      inflow.persons));
      cells.push_back(MakePersonsCell("jobs_agreement.inflow_jobs", "", y.label, "", inflow.jobs, 1,
                                      inflow.persons));
    }
    if (real.any) {
      cells.push_back(MakePersonsCell("jobs_agreement.realisation", "", y.label, "", real.jobs,
                                      real.target, real.persons));
    }
    SortCells(&cells);
    return cells;
  }
};

}  // namespace
}  // namespace jbr::jobs_agreement_theme

namespace jbr {

std::unique_ptr<Theme> MakeJobsAgreementTheme() {
  return std::make_unique<jobs_agreement_theme::JobsAgreementTheme>();
}

}  // namespace jbr
