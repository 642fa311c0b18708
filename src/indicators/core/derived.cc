// Figures derived across years that any theme can declare (indicator.h: DerivedFigure).
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "indicators/core/indicator.h"

namespace jbr {

DerivedFigure RelativeChange(const IndicatorDef& source, const std::string& id,
                             const std::string& title_nl, const std::string& title_en) {
  DerivedFigure f;
  IndicatorDef& d = f.def;
  d.id = id;
  d.title_nl = title_nl;
  d.title_en = title_en;
  d.unit = "%";
  d.scale = 100;
  d.datasets = source.datasets;
  if (std::count(source.breakdowns.begin(), source.breakdowns.end(), "unit_type"))
    d.breakdowns = {"unit_type"};
  d.definition_nl = fmt::format(
      "Relatieve verandering van {} ({}) ten opzichte van het jaar ervoor, in procenten: 100 x ({} "
      "in het "
      "jaar - {} in het jaar ervoor) / {} in het jaar ervoor, elk jaar berekend uit zijn eigen "
      "leveringen. Geen cijfer zonder leveringen van het jaar ervoor of als het cijfer van dat "
      "jaar 0 is.",
      source.title_nl, source.id, source.id, source.id, source.id);
  d.definition_en = fmt::format(
      "Relative change of {} ({}) against the year before, in percent: 100 x ({} in the year - {} "
      "in the "
      "year before) / {} in the year before, each year computed from its own deliveries. No figure "
      "without the year before's deliveries or when that year's figure is 0.",
      source.title_en, source.id, source.id, source.id, source.id);
  // About persons when the source is: it gives the source away together with last year's figure,
  // so it follows the source's suppression (numerator_of) and is a statistic over its persons.
  if (source.disclosure != Disclosure::kNone) {
    d.disclosure = Disclosure::kPersonStatistic;
    d.numerator_of = source.id;
    // One status with its source in every population cell (docs/disclosure.md).
    d.population = source.population.empty() ? source.id : source.population;
  }
  d.higher_is_better = source.higher_is_better;
  f.source = source.id;
  f.other_year = [](int year) { return year - 1; };
  f.combine = [src = source.id](int year, const CellMap& now, const CellMap& before) {
    std::vector<Cell> out;
    const std::string period = std::to_string(year), last = std::to_string(year - 1);
    for (const auto& [key, c] : now) {
      const auto& [indicator, unit, p, category] = key;
      if (indicator != src || p != period || !category.empty() || c.denominator == 0) continue;
      auto b = before.find({src, unit, last, ""});
      if (b == before.end() || b->second.denominator == 0) continue;
      const double v_now = c.numerator / c.denominator;
      const double v_before = b->second.numerator / b->second.denominator;
      if (v_before == 0) continue;
      Cell change{src, unit, period, "", v_now - v_before, v_before, -1};
      if (c.persons >= 0 && b->second.persons >= 0)
        change.persons = std::min(c.persons, b->second.persons);
      out.push_back(change);
    }
    return out;
  };
  return f;
}

}  // namespace jbr
