// Indicators: definitions (the registry) and the figures a theme computes.
//
// A Theme computes the indicators of one chapter of the report (personnel, absence, hire, ...)
// from the current deliveries of one or more ministries. Every figure keeps its numerator and
// denominator, so that totals are sums of parts and any table can be re-aggregated; the engine
// (engine.h) adds the Rijk, last year's value, the change, flags, traceability and disclosure.
#pragma once

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "common/result.h"
#include "indicators/inputs.h"
#include "indicators/reference.h"

namespace jbr {

// How a figure is protected before publication (domain.md section 6).
enum class Disclosure {
  kNone,             // not about persons: amounts, emissions, floor area
  kPersonCount,      // a count of persons: unsafe when 0 < n < threshold
  kPersonStatistic,  // a rate, share or mean over persons: unsafe when persons < threshold
  kIntegrityCount,   // integrity cases: unsafe when 0 < n < the integrity threshold
};
const char* DisclosureName(Disclosure d);

// A norm or target the value is held against; the engine sets the flag.
struct Norm {
  enum class Kind { kMaximum, kMinimum };
  Kind kind = Kind::kMaximum;
  double value = 0;
  std::string flag;    // the flag when broken, e.g. "above_norm", "below_target"
  std::string source;  // where the norm comes from
};

struct IndicatorDef {
  std::string id;             // e.g. "absence.rate"
  std::string title_nl, title_en;
  std::string unit;           // "%", "persons", "fte", "days", "EUR", "t CO2", "jobs", ...
  std::string definition_nl, definition_en;  // the text the method page shows
  std::vector<std::string> datasets;         // what it reads
  // Read when delivered, not needed for a value (decisions that adjust it); when delivered they are
  // among the value's deliveries.
  std::vector<std::string> optional_datasets;
  std::vector<std::string> breakdowns;       // "unit_type", "quarter", or a category name
  Disclosure disclosure = Disclosure::kNone;
  bool higher_is_better = false;
  double scale = 1;           // value = numerator / denominator * scale (100 for percentages)
  std::optional<Norm> norm;
  bool rijk = true;           // has a Rijk figure (false for per-ministry-only figures)
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
};

// One figure as a theme computes it, for the ministries it was given.
struct Cell {
  std::string indicator;
  std::string unit_type;  // empty: all units together
  std::string period;     // "2020" or "2020-Q2"
  std::string category;   // empty, or the breakdown's category ("25-34", "flights", ...)
  double numerator = 0;
  double denominator = 1; // 1 for counts and sums
  int64_t persons = -1;   // persons behind the figure, for disclosure; -1 when not about persons
};

struct ThemeContext {
  const ReferenceData* reference = nullptr;
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
  virtual Result<std::vector<Cell>> Compute(const ThemeContext& ctx, int year,
                                            const std::vector<const MinistryInputs*>& inputs) const = 0;
};

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
