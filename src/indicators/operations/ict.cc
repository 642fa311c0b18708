// Large ICT activities (grote ICT-activiteiten): the key figures of the ICT appendix
// (ict-projects.md, "Key figures and views"), aggregated from the per-activity derived figures
// of ict_records.cc. Activities are not persons: nothing is suppressed.
//
// Not computed: activities with AcICT advice (ict.acict_advice). The delivery model has no quality
// reviews or parliamentary papers yet, so whether an activity had AcICT advice is unknown.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "indicators/core/ict_derived.h"
#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::ict_theme {
namespace {

using theme::MakeCell;

constexpr const char* kActivities = "ict_activities";
constexpr const char* kRecords = "ict_records";
constexpr const char* kInclusion = "ict_inclusion";

// The enum values of a field of `t`'s schema, or `fallback` when there is no schema.
std::vector<std::string> EnumOf(const Table& t, const char* field,
                                std::vector<std::string> fallback) {
  if (t.schema == nullptr) return fallback;
  int i = t.schema->FieldIndex(field);
  if (i < 0 || t.schema->fields[i].enum_values.empty()) return fallback;
  return t.schema->fields[i].enum_values;
}

// Counts and sums over the activities of one or more ministries; all additive.
struct Tally {
  std::map<std::string, double> by_status, by_cost, by_slip, by_duration, by_reason;
  double cost_initial = 0, cost_current = 0, cost_actual = 0;
  double reassessments = 0, started = 0, completed = 0, cancelled = 0, stale = 0;
  double duration_sum = 0, duration_n = 0;
};

// Zero for every category a table shows, so that a table has the same rows for every ministry.
void InitCategories(const Table& activities, const Table& records, Tally* t) {
  for (const auto& s :
       EnumOf(activities, "status", {"in_progress", "reorientation", "completed", "cancelled"})) {
    if (s != "not_started") t->by_status.emplace(s, 0);  // never included: no row for it
  }
  for (const char* c : kCostClasses) t->by_cost.emplace(c, 0);
  for (const char* c : kSlipClasses) t->by_slip.emplace(c, 0);
  for (const char* c : kDurationClasses) t->by_duration.emplace(c, 0);
  for (const auto& r : EnumOf(records, "reasons", {})) t->by_reason.emplace(r, 0);
}

// Year-events (started, completed, cancelled) and staleness look at every activity, included in
// the report or not: a completed activity whose end lies before Y is not in the report for Y but
// was completed in it, and a stale activity is typically one without a record in Y.
void AddEvents(const IctActivityFigures& f, int year, Tally* t) {
  if (f.status == "not_started") return;
  if (YearOf(f.start_date) == year) t->started += 1;
  if (f.status == "completed" && YearOf(f.reference_date) == year) t->completed += 1;
  if (f.status == "cancelled" && YearOf(f.reference_date) == year) t->cancelled += 1;
  if (f.stale && (f.status == "in_progress" || f.status == "reorientation")) t->stale += 1;
}

void AddIncluded(const IctActivityFigures& f, Tally* t) {
  t->by_status[f.status] += 1;
  if (f.initial) t->cost_initial += f.initial->cost_eur.value_or(0);
  if (f.current) {
    t->cost_current += f.current->cost_eur.value_or(0);
    t->cost_actual += f.current->spend_eur.value_or(0);
  }
  t->by_cost[f.cost_class] += 1;
  if (f.slip_class != kSlipUnknown) t->by_slip[f.slip_class] += 1;
  if (!f.duration_class.empty()) t->by_duration[f.duration_class] += 1;
  for (const auto& r : f.reassessments) {
    t->reassessments += 1;
    for (const auto& reason : r.reasons) t->by_reason[reason] += 1;
  }
  if (f.current_duration_years) {
    t->duration_sum += *f.current_duration_years;
    t->duration_n += 1;
  }
}

// A cell per category and the total over them (category "").
void Breakdown(const char* indicator, const std::string& y, const std::map<std::string, double>& m,
               std::vector<Cell>* cells) {
  double total = 0;
  for (const auto& [category, n] : m) {
    cells->push_back(MakeCell(indicator, y, category, n));
    total += n;
  }
  cells->push_back(MakeCell(indicator, y, "", total));
}

std::vector<Cell> CellsOf(const Tally& t, int year) {
  std::vector<Cell> cells;
  const std::string y = YearPeriod(year).label;
  Breakdown("ict.activities", y, t.by_status, &cells);
  cells.push_back(MakeCell("ict.cost_initial", y, "", t.cost_initial));
  cells.push_back(MakeCell("ict.cost_current", y, "", t.cost_current));
  cells.push_back(MakeCell("ict.cost_actual", y, "", t.cost_actual));
  // A change against nothing is no figure: no cell rather than x/0.
  if (t.cost_initial > 0) {
    cells.push_back(
        MakeCell("ict.cost_change", y, "", t.cost_current - t.cost_initial, t.cost_initial));
  }
  Breakdown("ict.by_cost_class", y, t.by_cost, &cells);
  Breakdown("ict.by_slip_class", y, t.by_slip, &cells);
  Breakdown("ict.by_duration_class", y, t.by_duration, &cells);
  cells.push_back(MakeCell("ict.reassessments", y, "", t.reassessments));
  Breakdown("ict.reassessment_reasons", y, t.by_reason, &cells);
  cells.push_back(MakeCell("ict.started", y, "", t.started));
  cells.push_back(MakeCell("ict.completed", y, "", t.completed));
  cells.push_back(MakeCell("ict.cancelled", y, "", t.cancelled));
  if (t.duration_n > 0) {
    cells.push_back(MakeCell("ict.duration_mean", y, "", t.duration_sum, t.duration_n));
  }
  cells.push_back(MakeCell("ict.stale", y, "", t.stale));
  return cells;
}

// "Included" in every definition below: in the report for year Y (ict-projects.md): (a record
// dated in or after Y, or reference date in Y) and (current end year at least Y, or end unknown),
// status not "Nog niet gestart".
constexpr const char* kIncludedNl =
    " Over de activiteiten in de rapportage over jaar J: met een registratie gedateerd in of na J "
    "of een peildatum in J, en met een actueel eindjaar van ten minste J of een onbekende "
    "einddatum; activiteiten met status 'Nog niet gestart' tellen niet mee. Een vastgelegd besluit "
    "(ict_inclusion: reden, wie, wanneer) neemt een activiteit op of laat haar weg, tegen deze "
    "regel in.";
constexpr const char* kIncludedEn =
    " Over the activities in the report for year Y: with a record dated in or after Y or a "
    "reference date in Y, and with a current end year of at least Y or an unknown end date; "
    "activities with status 'Nog niet gestart' (not started) are left out. A recorded decision "
    "(ict_inclusion: reason, by whom, when) includes or leaves out an activity against this rule.";
constexpr const char* kRecordsNl =
    " Initiële registratie: die met actie 'Initieel' (bij meer de eerste naar datum; bij geen de "
    "oudste registratie). Actuele registratie: de nieuwste gedateerd in of voor J.";
constexpr const char* kRecordsEn =
    " Initial record: the one with action 'Initieel' (of several the first by date; of none the "
    "oldest record). Current record: the newest dated in or before Y.";

// What a definition text says besides its own words: which records it reads, which activities.
enum Notes { kOwnTextOnly = 0, kIncluded = 1, kRecordsAndIncluded = 3 };

IndicatorDef Def(const char* id, const char* title_nl, const char* title_en, const char* unit,
                 Notes notes, const char* def_nl, const char* def_en) {
  IndicatorDef d =
      theme::Def(id, title_nl, title_en, unit, def_nl, def_en, {kActivities, kRecords});
  if (notes & 2) {
    d.definition_nl += kRecordsNl;
    d.definition_en += kRecordsEn;
  }
  if (notes & 1) {
    d.definition_nl += kIncludedNl;
    d.definition_en += kIncludedEn;
  }
  if (notes & 1) d.optional_datasets = {kInclusion};
  return d;
}

// Definitions of activity counts, costs and classes; events and means in MoreDefs.
void CostDefs(std::vector<IndicatorDef>* defs) {
  defs->push_back(Def("ict.activities", "Grote ICT-activiteiten", "Large ICT activities", "count",
                      kIncluded, "Aantal activiteiten naar status.",
                      "Number of activities by status."));
  defs->back().breakdowns = {"status"};
  defs->push_back(Def("ict.cost_initial", "Initieel geschatte meerjarige kosten",
                      "Initial whole-life estimate", "EUR", kRecordsAndIncluded,
                      "Som van de geschatte meerjarige kosten van de initiële registratie.",
                      "Sum of the whole-life cost estimates of the initial record."));
  defs->push_back(Def("ict.cost_current", "Actueel geschatte meerjarige kosten",
                      "Current whole-life estimate", "EUR", kRecordsAndIncluded,
                      "Som van de geschatte meerjarige kosten van de actuele registratie.",
                      "Sum of the whole-life cost estimates of the current record."));
  defs->push_back(Def(
      "ict.cost_actual", "Daadwerkelijke uitgaven tot nu toe", "Actual spend to date", "EUR",
      kRecordsAndIncluded,
      "Som van de cumulatieve werkelijke uitgaven van de actuele registratie (leeg telt als 0).",
      "Sum of the cumulative actual spend of the current record (empty counts as 0)."));
  defs->push_back(Def(
      "ict.cost_change", "Verschil actuele en initiële kostenschatting", "Cost change", "%",
      kRecordsAndIncluded,
      "100 x (som actuele schattingen - som initiële schattingen) / som initiële schattingen; "
      "teller het verschil, noemer de som van de initiële schattingen. Geen waarde als die som 0 "
      "is.",
      "100 x (sum of current estimates - sum of initial estimates) / sum of initial estimates; "
      "numerator the difference, denominator the sum of initial estimates. No value when that sum "
      "is 0."));
  defs->back().scale = 100;
  defs->push_back(Def(
      "ict.by_cost_class", "Activiteiten naar kostencategorie", "Activities by cost class", "count",
      kRecordsAndIncluded,
      "Aantal activiteiten naar actuele kostenschatting in miljoen euro, rechts gesloten klassen: "
      "0-10 mln. (meer dan 0 tot en met 10), 10-20, 20-30, 30-40, 40-50, 50-100, 100+ mln.; geen "
      "of nul: '(Geen kosten bekend)'.",
      "Number of activities by current cost estimate in EUR million, right-closed classes: "
      "0-10 mln. (above 0 up to and including 10), 10-20, 20-30, 30-40, 40-50, 50-100, 100+ mln.; "
      "missing or zero: '(Geen kosten bekend)'."));
  defs->back().breakdowns = {"cost_class"};
  defs->push_back(Def(
      "ict.by_slip_class", "Activiteiten naar aanpassing einddatum", "Activities by end-date slip",
      "count", kRecordsAndIncluded,
      "Aantal activiteiten naar het verschil in jaren tussen initiële en actuele geschatte "
      "einddatum (hele jaren + maanden/12 + dagen/365): onder 0 'Eerder', 0 'Ongewijzigd', boven 0 "
      "tot en met 1 'Later ≤1 jaar', boven 1 'Later >1 jaar'. Activiteiten met een onbekende "
      "einddatum ('Doorlooptijd onbekend') tellen niet mee, ook niet in het totaal.",
      "Number of activities by the difference in years between the initial and current end-date "
      "estimate (whole years + months/12 + days/365): below 0 'Eerder', 0 'Ongewijzigd', above 0 "
      "up to 1 'Later ≤1 jaar', above 1 'Later >1 jaar'. Activities with an unknown end date "
      "('Doorlooptijd onbekend') are left out, of the total too."));
  defs->back().breakdowns = {"slip_class"};
  defs->push_back(Def(
      "ict.by_duration_class", "Activiteiten naar verandering doorlooptijd",
      "Activities by duration change", "count", kRecordsAndIncluded,
      "Aantal activiteiten naar (actuele - initiële doorlooptijd) / initiële doorlooptijd, "
      "doorlooptijd van startdatum tot geschatte einddatum in jaren: onder 0 'Eerder', 0 "
      "'Ongewijzigd', onder 0,5 'Later < 50%', 0,5 tot 1 'Later 50-100%', 1 en meer 'Later >= "
      "100%'. Activiteiten met een onbekende einddatum of initiële doorlooptijd 0 tellen niet mee.",
      "Number of activities by (current - initial duration) / initial duration, the duration from "
      "start date to estimated end date in years: below 0 'Eerder', 0 'Ongewijzigd', below 0.5 "
      "'Later < 50%', 0.5 to below 1 'Later 50-100%', 1 and more 'Later >= 100%'. Activities with "
      "an unknown end date or an initial duration of 0 are left out."));
  defs->back().breakdowns = {"duration_class"};
}

void MoreDefs(std::vector<IndicatorDef>* defs) {
  defs->push_back(Def("ict.reassessments", "Herijkingen", "Reassessments", "count", kIncluded,
                      "Aantal registraties met actie 'Herijking' gedateerd in het jaar.",
                      "Number of records with action 'Herijking' (reassessment) dated in the "
                      "year."));
  defs->push_back(Def(
      "ict.reassessment_reasons", "Herijkingen naar reden", "Reassessments by reason", "count",
      kIncluded,
      "Aantal keer dat een reden is genoemd bij herijkingen gedateerd in het jaar; een herijking "
      "met meer redenen telt bij elke reden. Het totaal is het aantal genoemde redenen.",
      "Number of times a reason is given for reassessments dated in the year; a reassessment with "
      "several reasons counts for each. The total is the number of reasons given."));
  defs->back().breakdowns = {"reason"};
  defs->push_back(Def("ict.started", "Gestarte activiteiten", "Activities started", "count",
                      kOwnTextOnly,
                      "Aantal activiteiten met een startdatum in het jaar, over alle aangeleverde "
                      "activiteiten behalve 'Nog niet gestart'.",
                      "Number of activities with a start date in the year, over all delivered "
                      "activities except 'Nog niet gestart' (not started)."));
  defs->push_back(Def("ict.completed", "Afgeronde activiteiten", "Activities completed", "count",
                      kOwnTextOnly,
                      "Aantal aangeleverde activiteiten met status 'Afgerond' en een peildatum in "
                      "het jaar.",
                      "Number of delivered activities with status 'Afgerond' (completed) and a "
                      "reference date in the year."));
  defs->push_back(Def("ict.cancelled", "Geannuleerde activiteiten", "Activities cancelled", "count",
                      kOwnTextOnly,
                      "Aantal aangeleverde activiteiten met status 'Geannuleerd' en een peildatum "
                      "in het jaar.",
                      "Number of delivered activities with status 'Geannuleerd' (cancelled) and a "
                      "reference date in the year."));
  defs->push_back(Def(
      "ict.duration_mean", "Gemiddelde actuele doorlooptijd", "Mean current duration", "years",
      kRecordsAndIncluded,
      "Gemiddelde doorlooptijd in jaren van startdatum tot actuele geschatte einddatum (hele jaren "
      "+ maanden/12 + dagen/365); teller de som, noemer het aantal activiteiten met een bekende "
      "einddatum.",
      "Mean duration in years from start date to current estimated end date (whole years + "
      "months/12 + days/365); numerator the sum, denominator the number of activities with a known "
      "end date."));
  defs->push_back(Def(
      "ict.stale", "Activiteiten zonder actuele registratie", "Stale activities", "count",
      kOwnTextOnly,
      "Aantal aangeleverde activiteiten met status 'In uitvoering' of 'In heroriëntatie' zonder "
      "registratie, of waarvan de nieuwste registratie gedateerd is voor het jaar.",
      "Number of delivered activities with status 'In uitvoering' (in progress) or 'In "
      "heroriëntatie' (reorientation) without a record, or whose newest record is dated before "
      "the year."));
}

void AcictDef(std::vector<IndicatorDef>* defs) {
  IndicatorDef d = Def(
      "ict.acict_advice", "Activiteiten met AcICT-advies", "Activities with AcICT advice", "count",
      kIncluded,
      "Aantal activiteiten in de rapportage met een toets van het Adviescollege ICT-toetsing "
      "(AcICT, "
      "voorheen BIT) of een Kamerstuk dat als AcICT-advies is gemarkeerd.",
      "Number of activities in the report with a review by the Advisory Board for ICT Assessment "
      "(AcICT, formerly BIT) or a parliamentary paper marked as AcICT advice.");
  d.datasets = {kActivities, kRecords, "ict_reviews"};
  d.optional_datasets = {kInclusion, "ict_papers"};
  defs->push_back(std::move(d));
}

class IctTheme : public Theme {
 public:
  std::string name() const override { return "ict"; }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs;
    CostDefs(&defs);
    MoreDefs(&defs);
    AcictDef(&defs);
    return defs;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& /*ctx*/, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    Tally t;
    bool any = false;
    bool reviews = false;
    double acict = 0;
    for (const MinistryInputs* in : inputs) {
      const Table* activities = in == nullptr ? nullptr : in->Get(kActivities);
      const Table* records = in == nullptr ? nullptr : in->Get(kRecords);
      if (activities == nullptr || records == nullptr) continue;  // the engine reports it missing
      if (!any) InitCategories(*activities, *records, &t);
      any = true;
      // Only ministries that delivered their reviews count toward the AcICT figure.
      bool has_reviews = in->Get("ict_reviews") != nullptr;
      reviews = reviews || has_reviews;
      std::set<std::string> advised =
          has_reviews ? IctWithAcictAdvice(in->Get("ict_reviews"), in->Get("ict_papers"))
                      : std::set<std::string>{};
      std::vector<IctActivityFigures> figures = DeriveIctFigures(*activities, *records, year);
      if (const Table* inclusion = in->Get(kInclusion)) {
        ApplyIctInclusion(IctInclusionDecisions(*inclusion), &figures);
      }
      for (const auto& f : figures) {
        AddEvents(f, year, &t);
        if (f.included) AddIncluded(f, &t);
        if (f.included && advised.count(f.activity_id)) acict += 1;
      }
    }
    if (!any) return std::vector<Cell>{};
    std::vector<Cell> cells = CellsOf(t, year);
    if (reviews) cells.push_back(MakeCell("ict.acict_advice", YearPeriod(year).label, "", acict));
    SortCells(&cells);
    return cells;
  }
};

}  // namespace
}  // namespace jbr::ict_theme

namespace jbr {

std::unique_ptr<Theme> MakeIctTheme() { return std::make_unique<ict_theme::IctTheme>(); }

}  // namespace jbr
