// Indicators: definitions (the registry) and the figures a theme computes.
//
// A Theme computes the indicators of one chapter of the report (personnel, absence, hire, ...)
// from the current deliveries of one or more ministries. Every figure keeps its numerator and
// denominator, so that totals are sums of parts and any table can be re-aggregated; the engine
// (engine.h) adds the Rijk, last year's value, the change, flags, traceability and disclosure.
#pragma once

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "common/result.h"
#include "indicators/core/inputs.h"
#include "indicators/core/reference.h"

namespace jbr {

// How a figure is protected before publication (domain.md section 6).
enum class Disclosure {
  kNone,             // not about persons: amounts, emissions, floor area
  kPersonCount,      // a count of persons: unsafe when 0 < n < threshold
  kPersonStatistic,  // a rate, share or mean over persons: unsafe when persons < threshold
  kIntegrityCount,   // integrity cases: unsafe when 0 < n < the integrity threshold
};
const char* DisclosureName(Disclosure d);

// A norm or target the value is held against; the engine sets the flag. Its value is data: the
// row `id` of norms.csv, filled in by ResolveNorms (engine.h) before any value is flagged.
struct Norm {
  enum class Kind { kMaximum, kMinimum };
  Norm() = default;
  // A norm with its value given (tests); the registry's norms come from NormFromFile.
  Norm(Kind k, double v, std::string f, std::string s)
      : kind(k), value(v), flag(std::move(f)), source(std::move(s)) {}
  Kind kind = Kind::kMaximum;
  double value = std::numeric_limits<double>::quiet_NaN();  // NaN until resolved: flags nothing
  std::string flag;    // the flag when broken, e.g. "above_norm", "below_target"
  std::string source;  // where the norm comes from: "norms.csv:ID"
  std::string id;      // its row in norms.csv, e.g. "hire.share.max"
};

// A norm read from norms.csv row `id`.
inline Norm NormFromFile(Norm::Kind kind, const std::string& id, const std::string& flag) {
  Norm n;
  n.kind = kind;
  n.flag = flag;
  n.source = "norms.csv:" + id;
  n.id = id;
  return n;
}

// A goal a figure is to reach in a later year (co2.mobility_change: half the base year's CO2 by
// 2030), drawn as the path to it; unlike a norm it flags no year. From norms.csv.
struct Goal {
  int base_year = 0;  // the year the figure is measured against (the path's 100)
  int year = 0;       // the year the goal is to be reached
  double value = 0;  // the figure's value to reach by then, in its unit (-50: half the base year's)
};

struct IndicatorDef {
  std::string id;  // e.g. "absence.rate"
  std::string title_nl, title_en;
  std::string unit;  // "%", "persons", "fte", "days", "EUR", "t CO2", "jobs", ...
  std::string definition_nl, definition_en;  // the text the method page shows
  std::vector<std::string> datasets;         // what it reads
  // Read when delivered, not needed for a value (decisions that adjust it); when delivered they are
  // among the value's deliveries.
  std::vector<std::string> optional_datasets;
  std::vector<std::string> breakdowns;  // "unit_type", "quarter", or a category name
  Disclosure disclosure = Disclosure::kNone;
  bool higher_is_better = false;
  double scale = 1;  // value = numerator / denominator * scale (100 for percentages)
  std::optional<Norm> norm;
  std::optional<Goal> goal;
  bool rijk = true;  // has a Rijk figure (false for per-ministry-only figures)
  // Links to other figures that disclosure control must see together with this one:
  //   total_of:       this indicator's categories add up to that indicator's figure
  //                   (personnel.age_band -> personnel.headcount): protected as one table;
  //   denominator_of: the denominator is that figure ("indicator" or "indicator/category"),
  //   numerator_of:   the numerator is that figure (jobs_agreement.realisation -> jobs);
  //                   when that figure is suppressed, this one is too (it would give it away).
  std::string total_of, denominator_of, numerator_of;
  // The people the figure describes (docs/disclosure.md): every figure of one population shares
  // one suppression status per population cell (ministry x unit type x period x sub-population),
  // so that two tables about the same people never show a cell that the other hides. Empty: the
  // indicator is a population of its own. "staff" is the ministry's employees.
  std::string population;
  // A figure per quarter that covers that indicator's quarters of the year up to its own (the
  // rolling absence rate covers the quarterly rate's): hidden when any of them is.
  std::string rolling_of;
  // Datasets also read from the years before and after, where delivered (MinistryInputs::
  // year_before / year_after): personnel, so that a renewal on 1 January is no inflow or outflow.
  std::vector<std::string> adjacent_datasets;
  // Which of the two adjacent years the figure reads: inflow only the year before (an employment
  // on 31 December), outflow only the year after (on 1 January). jbr explain, the method page and
  // the figure's deliveries name only the years it reads.
  bool adjacent_before = true;
  bool adjacent_after = true;
};

// One figure as a theme computes it, for the ministries it was given.
struct Cell {
  std::string indicator;
  std::string unit_type;  // empty: all units together
  std::string period;     // "2020" or "2020-Q2"
  std::string category;   // empty, or the breakdown's category ("25-34", "flights", ...)
  double numerator = 0;
  double denominator = 1;  // 1 for counts and sums
  int64_t persons = -1;    // persons behind the figure, for disclosure; -1 when not about persons
};

struct ThemeContext {
  const ReferenceData* reference = nullptr;
};

// A theme's cells of one ministry (or the Rijk) by indicator, unit type, period and category.
using CellKey = std::tuple<std::string, std::string, std::string, std::string>;
using CellMap = std::map<CellKey, Cell>;

// A figure derived across years from one of the theme's own figures (a rolling rate, a change
// against a base year, a relative change against last year). The engine computes the source's
// cells of the year and of `other_year(year)` per ministry and for the Rijk, and `combine` makes
// the derived cells of one ministry from them; `other` is empty when that year was not delivered.
// A ministry that delivered but gets no cell is missing for the figure. Its deliveries are those
// of both years.
struct DerivedFigure {
  IndicatorDef def;
  std::string source;  // an indicator of the same theme
  std::function<int(int year)> other_year;
  std::function<std::vector<Cell>(int year, const CellMap& now, const CellMap& other)> combine;
};

// The cells of each of several ministries alone and of some of them pooled (the Rijk), from one
// call: Theme::ComputeEach.
struct EachAndPooled {
  std::vector<std::vector<Cell>> each;  // per input, in the order given
  std::vector<Cell> pooled;             // of the inputs marked to pool; empty when none is
};

class Theme {
 public:
  virtual ~Theme() = default;
  virtual std::string name() const = 0;
  virtual std::vector<IndicatorDef> Indicators() const = 0;
  // Computes every cell of the theme's indicators for `year`, pooling the given ministries (one
  // for a ministry's figures; all counted ones for the Rijk). A person is (ministry, person_id):
  // pseudonyms are only unique within a ministry. Inputs without a needed dataset are skipped by
  // the engine before the call (it reports them missing), so every input has what Datasets()
  // lists as required.
  virtual Result<std::vector<Cell>> Compute(
      const ThemeContext& ctx, int year,
      const std::vector<const MinistryInputs*>& inputs) const = 0;
  // The cells of each input alone and of the inputs marked in `pool` together: the same cells as
  // Compute({inputs[i]}) for each i and Compute(the marked inputs), which is what this default
  // does. A theme over person-level rows overrides it to read each ministry's rows once, adding
  // each person to the ministry's sums and to the pooled sums in the order Compute would, so that
  // every figure is the same to the last bit (docs/ARCHITECTURE.md, "Compute in one pass").
  virtual Result<EachAndPooled> ComputeEach(const ThemeContext& ctx, int year,
                                            const std::vector<const MinistryInputs*>& inputs,
                                            const std::vector<bool>& pool) const;
  // The theme's figures derived across years; their texts may name reference data (a base year).
  virtual std::vector<DerivedFigure> Derived(const ReferenceData& /*reference*/) const {
    return {};
  }
};

// The relative change against last year of `source`'s cells with the given category (all unit
// types): 100 x (now - last year) / last year, as numerator now - last and denominator last year.
// Persons behind it: the fewer of the two years'. For a DerivedFigure of any theme.
DerivedFigure RelativeChange(const IndicatorDef& source, const std::string& id,
                             const std::string& title_nl, const std::string& title_en);

// The order a theme returns its cells in: indicator, unit type, period, category.
inline void SortCells(std::vector<Cell>* cells) {
  std::sort(cells->begin(), cells->end(), [](const Cell& a, const Cell& b) {
    return std::tie(a.indicator, a.unit_type, a.period, a.category) <
           std::tie(b.indicator, b.unit_type, b.period, b.category);
  });
}

// Every theme jbr has, in report order.
std::vector<std::unique_ptr<Theme>> AllThemes();

}  // namespace jbr
