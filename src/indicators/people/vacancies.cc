// Vacancies (vacatures): vacancies opened and filled, the fill rate, the external share and the
// median time to fill (domain.md section 5). Vacancies are not persons: nothing is suppressed.
#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>

#include "indicators/core/period.h"
#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

// The theme's helpers have a namespace of their own: other themes use the same names (Tally,
// kDataset, Def), and a unity build compiles several themes as one unit.
namespace jbr::vacancies_theme {
namespace {

using theme::MakeCell;
using theme::StrOrEmpty;

constexpr const char* kDataset = "vacancies";

// Index 0 is the year, 1-4 the quarters.
using PerPeriod = std::array<double, 5>;

// What the rows of one or more ministries add up to. Everything but `days` is additive.
struct Tally {
  PerPeriod opened{};
  PerPeriod filled{};
  double closed = 0;         // year: filled + withdrawn vacancies closed in the year
  double filled_known = 0;   // year: filled vacancies closed in the year with filled_by given
  double external = 0;       // year: ... of which filled externally
  std::vector<double> days;  // year: closed - opened of each filled vacancy closed in the year
};

// 0 outside the year, else the quarter (1-4) of `day`.
int QuarterOf(Days day, const std::vector<Period>& quarters) {
  for (const auto& q : quarters) {
    if (day >= q.first && day <= q.last) return q.quarter;
  }
  return 0;
}

void AddTable(const Table& t, const std::vector<Period>& quarters, Tally* tally) {
  const Column& opened = t.col("opened_date");
  const Column& closed = t.col("closed_date");
  const Column& outcome = t.col("outcome");
  const Column& filled_by = t.col("filled_by");
  for (size_t i = 0; i < t.rows; ++i) {
    if (!opened.is_null(i)) {
      if (int q = QuarterOf(static_cast<Days>(opened.ints[i]), quarters); q > 0) {
        tally->opened[0] += 1;
        tally->opened[q] += 1;
      }
    }
    // Only closed vacancies say anything about filling; an "open" one has no closed_date.
    if (closed.is_null(i)) continue;
    int q = QuarterOf(static_cast<Days>(closed.ints[i]), quarters);
    if (q == 0) continue;
    std::string_view out = StrOrEmpty(outcome, i);
    if (out == "withdrawn") tally->closed += 1;
    if (out != "filled") continue;
    tally->closed += 1;
    tally->filled[0] += 1;
    tally->filled[q] += 1;
    std::string_view by = StrOrEmpty(filled_by, i);
    if (!by.empty()) {
      tally->filled_known += 1;
      if (by == "external") tally->external += 1;
    }
    if (!opened.is_null(i)) {
      tally->days.push_back(static_cast<double>(closed.ints[i] - opened.ints[i]));
    }
  }
}

// The median; of an even count the mean of the two middle values. Precondition: not empty.
double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

std::vector<Cell> CellsOf(const Tally& t, int year) {
  std::vector<Cell> cells;
  const std::string y = YearPeriod(year).label;
  std::vector<std::string> labels = {y};
  for (const auto& q : Quarters(year)) labels.push_back(q.label);
  for (size_t p = 0; p < labels.size(); ++p) {
    cells.push_back(MakeCell("vacancies.opened", labels[p], "", t.opened[p]));
    cells.push_back(MakeCell("vacancies.filled", labels[p], "", t.filled[p]));
  }
  // A ratio over nothing is no figure: no cell rather than 0/0.
  if (t.closed > 0) cells.push_back(MakeCell("vacancies.fill_rate", y, "", t.filled[0], t.closed));
  if (t.filled_known > 0) {
    cells.push_back(MakeCell("vacancies.external_share", y, "", t.external, t.filled_known));
  }
  if (!t.days.empty()) cells.push_back(MakeCell("vacancies.days_to_fill", y, "", Median(t.days)));
  SortCells(&cells);
  return cells;
}

IndicatorDef Def(const char* id, const char* title_nl, const char* title_en, const char* unit,
                 const char* def_nl, const char* def_en) {
  IndicatorDef d =
      theme::Def(id, title_nl, title_en, unit, def_nl, def_en, std::vector<std::string>{kDataset});
  return d;
}

class VacanciesTheme : public Theme {
 public:
  std::string name() const override { return "vacancies"; }

  std::vector<IndicatorDef> Indicators() const override {
    std::vector<IndicatorDef> defs;
    defs.push_back(Def(
        "vacancies.opened", "Opengestelde vacatures", "Vacancies opened", "vacancies",
        "Aantal vacatures met een openingsdatum (opened_date) in de periode, ongeacht de uitkomst. "
        "Per jaar en per kwartaal.",
        "Number of vacancies whose opened_date falls in the period, whatever their outcome. Per "
        "year and per quarter."));
    defs.back().breakdowns = {"quarter"};
    defs.push_back(Def(
        "vacancies.filled", "Vervulde vacatures", "Vacancies filled", "vacancies",
        "Aantal vacatures met uitkomst 'vervuld' en een sluitingsdatum (closed_date) in de "
        "periode. "
        "Per jaar en per kwartaal.",
        "Number of vacancies with outcome 'filled' whose closed_date falls in the period. Per year "
        "and per quarter."));
    defs.back().breakdowns = {"quarter"};
    defs.back().higher_is_better = true;
    defs.push_back(Def(
        "vacancies.fill_rate", "Vervullingsgraad", "Fill rate", "%",
        "100 x vervulde vacatures / gesloten vacatures. Teller: vacatures met uitkomst 'vervuld' "
        "en "
        "sluitingsdatum in het jaar. Noemer: vacatures met uitkomst 'vervuld' of 'ingetrokken' en "
        "sluitingsdatum in het jaar. Nog openstaande vacatures tellen niet mee. Geen waarde als in "
        "het jaar geen vacature is gesloten.",
        "100 x filled vacancies / closed vacancies. Numerator: vacancies with outcome 'filled' and "
        "closed_date in the year. Denominator: vacancies with outcome 'filled' or 'withdrawn' and "
        "closed_date in the year. Vacancies still open are left out. No value when no vacancy "
        "closed in the year."));
    defs.back().higher_is_better = true;
    defs.back().scale = 100;
    defs.push_back(Def(
        "vacancies.external_share", "Aandeel extern vervuld", "Share filled externally", "%",
        "100 x extern vervulde vacatures / vervulde vacatures, over vacatures met uitkomst "
        "'vervuld' en sluitingsdatum in het jaar waarvoor is opgegeven of zij intern of extern "
        "zijn "
        "vervuld. Geen waarde als er geen zijn.",
        "100 x vacancies filled externally / vacancies filled, over vacancies with outcome "
        "'filled' and closed_date in the year whose filled_by (internal or external) is given. No "
        "value when there are none."));
    defs.back().scale = 100;
    defs.push_back(Def(
        "vacancies.days_to_fill", "Doorlooptijd vervulling (mediaan)", "Days to fill (median)",
        "days",
        "Mediaan van het aantal dagen van openingsdatum tot sluitingsdatum (sluitingsdatum min "
        "openingsdatum) van vacatures met uitkomst 'vervuld' en sluitingsdatum in het jaar; bij "
        "een even aantal het gemiddelde van de twee middelste waarden. Een mediaan is niet "
        "optelbaar: voor het Rijk is het de mediaan over alle vacatures van de ministeries samen, "
        "niet een combinatie van hun medianen. De teller is de mediaan, de noemer 1. Geen waarde "
        "als geen vacature is vervuld.",
        "Median number of days from opened_date to closed_date (closed_date minus opened_date) of "
        "vacancies with outcome 'filled' and closed_date in the year; of an even count the mean of "
        "the two middle values. A median is not additive: for the Rijk it is the median over all "
        "the ministries' vacancies pooled, not a combination of their medians. The numerator is "
        "the "
        "median, the denominator 1. No value when no vacancy was filled."));
    return defs;
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& /*ctx*/, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    const std::vector<Period> quarters = Quarters(year);
    Tally tally;
    bool any = false;
    for (const MinistryInputs* in : inputs) {
      const Table* t = in == nullptr ? nullptr : in->Get(kDataset);
      if (t == nullptr) continue;  // not delivered: the engine reports it missing
      any = true;
      AddTable(*t, quarters, &tally);
    }
    if (!any) return std::vector<Cell>{};
    return CellsOf(tally, year);
  }
};

}  // namespace
}  // namespace jbr::vacancies_theme

namespace jbr {

std::unique_ptr<Theme> MakeVacanciesTheme() {
  return std::make_unique<vacancies_theme::VacanciesTheme>();
}

}  // namespace jbr
