// Sickness absence (verzuim): rate, rolling rate, frequency, duration, duration classes and zero
// absence, after the CBS definitions ("Ziekteverzuim overheid", "Meldingsfrequentie",
// "Verzuimduur") and Vernet's, as domain.md section 5 states them. This file holds the
// definitions; the computation is in absence_episodes.cc.
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "indicators/core/theme_util.h"
#include "indicators/core/themes.h"

namespace jbr {
namespace absence_detail {

// Defined in absence_episodes.cc.
Result<std::vector<Cell>> ComputeAbsenceCells(int year, double fulltime_hours,
                                              const std::vector<const MinistryInputs*>& inputs);
Result<EachAndPooled> ComputeAbsenceCellsEach(int year, double fulltime_hours,
                                              const std::vector<const MinistryInputs*>& inputs,
                                              const std::vector<bool>& pool);

}  // namespace absence_detail

namespace {

constexpr double kDefaultFulltimeHours = 36;

// Said once, used in every definition: who counts and what is left out.
constexpr const char* kCommonNl =
    " De deeltijdfactor van een medewerker op een dag is de som van weekuren/36 over zijn of haar "
    "dienstverbanden bij het ministerie die dag (twee halve banen maken 1,0). Verzuim wegens "
    "zwangerschap en bevalling telt niet mee (een verzuimgeval met zo'n deel telt in zijn geheel "
    "niet mee), evenmin verzuim op een dag zonder dienstverband.";
constexpr const char* kCommonEn =
    " A person's part-time factor on a day is the sum of weekly hours/36 over their employments "
    "at the ministry in force that day (two half-time jobs make 1.0). Pregnancy- and "
    "childbirth-related absence is left out (an episode with any such segment is left out "
    "whole), and so is absence on a day without an employment.";

IndicatorDef Def(std::string id, std::string title_nl, std::string title_en, std::string unit,
                 std::string def_nl, std::string def_en, std::vector<std::string> breakdowns,
                 Disclosure disclosure, double scale, bool higher_is_better = false) {
  IndicatorDef d = theme::Def(std::move(id), std::move(title_nl), std::move(title_en),
                              std::move(unit), std::move(def_nl) + kCommonNl,
                              std::move(def_en) + kCommonEn, {"personnel", "absence"}, disclosure);
  d.breakdowns = std::move(breakdowns);
  d.scale = scale;
  d.higher_is_better = higher_is_better;
  return d;
}

std::vector<IndicatorDef> Definitions() {
  return {
      Def("absence.rate", "Ziekteverzuimpercentage", "Sickness absence rate", "%",
          "100 x de som over medewerkers en kalenderdagen van de periode van (ziek x "
          "deeltijdfactor x verzuimpercentage/100), gedeeld door de som over medewerkers en "
          "kalenderdagen van (in dienst x deeltijdfactor). Kalenderdagen, weekenden inbegrepen; "
          "verzuim langer dan een jaar telt mee; verzuim wordt afgekapt op de periode; verzuim "
          "zonder einddatum loopt tot het einde van het jaar. Per type eenheid telt een dag bij "
          "de eenheid van elk lopend dienstverband, naar zijn eigen deeltijdfactor.",
          "100 x the sum over persons and calendar days of the period of (sick x part-time factor "
          "x degree/100), divided by the sum over persons and calendar days of (employed x "
          "part-time factor). Calendar days, weekends included; absence longer than a year "
          "included; absence clipped to the period; absence without an end date runs to the end "
          "of the year. Per unit type a day counts with the unit of each employment in force, at "
          "that employment's own part-time factor.",
          {"unit_type", "quarter"}, Disclosure::kPersonStatistic, 100),
      Def("absence.frequency", "Verzuimfrequentie", "Absence frequency", "episodes per person-year",
          "Het aantal verzuimgevallen dat in de periode begint (een verzuimgeval begint op de "
          "begindatum van zijn eerste deel; de levering bevat ook de delen van vóór 1 januari van "
          "een geval dat in het jaar doorloopt, dus een geval dat vorig jaar begon telt niet als "
          "begonnen in het jaar), gedeeld door de gemiddelde bezetting: de som over "
          "de dagen van de periode van het aantal medewerkers in dienst, gedeeld door het aantal "
          "dagen. Kwartaalcijfers x4, naar jaarbasis. Een verzuimgeval telt bij de eenheid met "
          "de grootste deeltijdfactor op zijn eerste dag; een medewerker met dienstverbanden in "
          "twee eenheden telt in de bezetting naar rato van de deeltijdfactoren.",
          "The number of absence episodes starting in the period (an episode starts on the start "
          "date of its first segment; the delivery holds the segments before 1 January of an "
          "episode that goes on in the year, so an episode begun last year does not count as "
          "started in the year), divided by the mean headcount: the sum over the days of "
          "the period of the persons employed that day, divided by the days. Quarterly figures "
          "x4, to a year basis. An episode counts in the unit type with the largest part-time "
          "factor on its first day; a person employed in two unit types counts in the headcount "
          "in proportion to the part-time factors.",
          {"unit_type", "quarter"}, Disclosure::kPersonStatistic, 1),
      Def("absence.duration_mean", "Gemiddelde verzuimduur", "Mean absence duration", "days",
          "Het gemiddelde aantal kalenderdagen, van de eerste tot en met de laatste dag, van de "
          "verzuimgevallen die in het jaar eindigden (op de einddatum van hun laatste deel); "
          "dagen voor het jaar tellen mee, vanaf de eerste dag van het geval (uit zijn delen van "
          "vóór 1 januari, die met de levering van het jaar worden aangeleverd). Gevallen die aan "
          "het eind van het jaar nog lopen zijn "
          "niet geëindigd. Alleen gevallen die begonnen op een dag met een dienstverband, in de "
          "eenheid met de grootste deeltijdfactor op die dag (voor een geval van vóór het jaar: op "
          "1 "
          "januari).",
          "The mean number of calendar days, first to last day inclusive, of the absence episodes "
          "that ended in the year (at the end date of their last segment); days before the year "
          "count, from the episode's first day (from its segments before 1 January, delivered "
          "with the year's file). Episodes still open at the end of the year have not ended. Only "
          "episodes that "
          "started on a day with an employment, in the unit type with the largest part-time "
          "factor that day (for an episode begun before the year: on 1 January).",
          {"unit_type"}, Disclosure::kPersonStatistic, 1),
      Def("absence.duration_class", "Verzuimgevallen naar duur", "Absence episodes by duration",
          "episodes",
          "Het aantal verzuimgevallen dat in het jaar eindigde, naar duur in kalenderdagen (van "
          "de eerste tot en met de laatste dag, dagen voor het jaar inbegrepen): 1-7, 8-42, "
          "43-365 en meer dan 365 dagen. Zelfde gevallen als de gemiddelde verzuimduur.",
          "The number of absence episodes that ended in the year, by length in calendar days "
          "(first to last day inclusive, days before the year included): 1-7, 8-42, 43-365 and "
          "over 365 days. The same episodes as the mean duration.",
          {"unit_type", "duration_class"}, Disclosure::kPersonCount, 1),
      Def("absence.zero_share", "Nulverzuim", "Zero absence", "%",
          "100 x het aantal medewerkers dat het hele jaar in dienst was (elke dag een "
          "dienstverband, ook via opeenvolgende dienstverbanden) en in het jaar geen verzuimdag "
          "had, gedeeld door het aantal medewerkers dat het hele jaar in dienst was. Per type "
          "eenheid: de eenheid met de grootste deeltijdfactor op 31 december.",
          "100 x the persons employed all year (an employment every day, also through "
          "consecutive employments) with no absence day in the year, divided by the persons "
          "employed all year. Per unit type: the unit type with the largest part-time factor on "
          "31 December.",
          {"unit_type"}, Disclosure::kPersonStatistic, 100, /*higher_is_better=*/true),
  };
}

// Disclosure links (docs/disclosure.md): rate, rolling rate, frequency and zero absence describe
// the staff, as the personnel figures do; the mean duration and the duration classes describe the
// episodes that ended, whose classes add up to the mean's denominator. (The rolling rate, derived
// across years below, covers the quarters of the year up to its own.)
std::vector<IndicatorDef> LinkedDefinitions() {
  std::vector<IndicatorDef> defs = Definitions();
  for (auto& d : defs) {
    const bool episodes = d.id == "absence.duration_mean" || d.id == "absence.duration_class";
    d.population = episodes ? "absence.episodes_ended" : "staff";
    if (d.id == "absence.duration_class") d.total_of = "absence.duration_mean";
  }
  return defs;
}

// absence.rate_rolling, derived across years (AbsenceTheme::Derived).
IndicatorDef RollingDef() {
  return Def(
      "absence.rate_rolling", "Ziekteverzuimpercentage voortschrijdend",
      "Sickness absence rate, rolling year", "%",
      "Het ziekteverzuimpercentage over de vier kwartalen tot en met het kwartaal, berekend "
      "uit de verzuimde en de beschikbare fte-dagen van die kwartalen (niet uit afgeronde "
      "kwartaalpercentages). Voor het eerste tot en met derde kwartaal tellen de kwartalen "
      "van het vorige jaar mee; zonder leveringen van het vorige jaar is er geen cijfer.",
      "The absence rate over the four quarters ending at the quarter, computed from the days "
      "from the sick and the employed fte-days of those quarters (not from rounded quarterly "
      "rates). For the first to third quarter the previous year's quarters count; without "
      "the previous year's deliveries there is no figure.",
      {"unit_type", "quarter"}, Disclosure::kPersonStatistic, 100);
}

// The rolling rate of each quarter Q of `year`: the rate over the four quarters ending at Q, from
// the sick and employed fte-days of absence.rate of those quarters (this year's Q1..Q and last
// year's Q+1..Q4), never from rounded quarter rates. Q4 is the year itself. A quarter without all
// four has no figure.
std::vector<Cell> Rolling(int year, const CellMap& now, const CellMap& before) {
  std::vector<Cell> out;
  for (const auto& [key, year_cell] : now) {
    const auto& [indicator, unit, period, category] = key;
    if (indicator != "absence.rate" || period != std::to_string(year) || !category.empty())
      continue;
    for (int q = 1; q <= 3; ++q) {
      Cell rolling{"", unit, fmt::format("{}-Q{}", year, q), "", 0, 0, -1};
      bool complete = true;
      for (int k = 1; k <= 4 && complete; ++k) {
        const bool this_year = k <= q;
        const CellMap& source = this_year ? now : before;
        auto it = source.find(
            {"absence.rate", unit, fmt::format("{}-Q{}", this_year ? year : year - 1, k), ""});
        complete = it != source.end();
        if (!complete) break;
        rolling.numerator += it->second.numerator;
        rolling.denominator += it->second.denominator;
        if (this_year && k == q) rolling.persons = it->second.persons;
      }
      if (complete) out.push_back(rolling);
    }
    Cell q4 = year_cell;
    q4.period = fmt::format("{}-Q4", year);
    out.push_back(q4);
  }
  return out;
}

class AbsenceTheme : public Theme {
 public:
  std::string name() const override { return "absence"; }
  std::vector<IndicatorDef> Indicators() const override { return LinkedDefinitions(); }

  std::vector<DerivedFigure> Derived(const ReferenceData& /*reference*/) const override {
    DerivedFigure rolling;
    rolling.def = RollingDef();
    rolling.def.population = "staff";
    rolling.def.rolling_of = "absence.rate";
    rolling.source = "absence.rate";
    rolling.other_year = [](int year) { return year - 1; };
    rolling.combine = Rolling;
    return {rolling};
  }

  Result<std::vector<Cell>> Compute(
      const ThemeContext& ctx, int year,
      const std::vector<const MinistryInputs*>& inputs) const override {
    const double fulltime = FulltimeHours(ctx);
    // Both datasets are required: a ministry missing either is skipped (the engine reports it).
    std::vector<const MinistryInputs*> usable;
    for (const MinistryInputs* in : inputs) {
      if (in != nullptr && in->Get("personnel") != nullptr && in->Get("absence") != nullptr) {
        usable.push_back(in);
      }
    }
    if (usable.empty()) return std::vector<Cell>{};
    return absence_detail::ComputeAbsenceCells(year, fulltime, usable);
  }

  // Each ministry's rows read once, for its own sums and the Rijk's (a ministry missing either
  // dataset adds nothing, as in Compute).
  Result<EachAndPooled> ComputeEach(const ThemeContext& ctx, int year,
                                    const std::vector<const MinistryInputs*>& inputs,
                                    const std::vector<bool>& pool) const override {
    return absence_detail::ComputeAbsenceCellsEach(year, FulltimeHours(ctx), inputs, pool);
  }

 private:
  // Full time is reference data (norms.csv: personnel.fulltime_hours), 36 hours in the Rijk CAO.
  static double FulltimeHours(const ThemeContext& ctx) {
    double fulltime = kDefaultFulltimeHours;
    if (ctx.reference != nullptr) {
      if (auto v = ctx.reference->Norm("personnel.fulltime_hours"); v && *v > 0) fulltime = *v;
    }
    return fulltime;
  }
};

}  // namespace

std::unique_ptr<Theme> MakeAbsenceTheme() { return std::make_unique<AbsenceTheme>(); }

}  // namespace jbr
