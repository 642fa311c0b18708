// What a chart shows: the data and texts of one chart, independent of how it is drawn. A spec is
// built by the page that places the chart (from a Publication) and rendered by chart.h.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "publish/core/html.h"

namespace jbr::publish {

enum class ChartKind {
  kBars,            // vertical bars, one series
  kHorizontalBars,  // horizontal bars, one series (long category names: ministries)
  kGroupedBars,     // vertical bars, 2..5 series side by side per category
  kStackedBars,     // vertical bars, 2..5 series stacked per category
  kTimeSeries,      // lines with markers; categories are periods ("2018".."2021", "2021-Q1"..)
  kKeyFigures,      // tiles: one per series, the last category's figure and the change since the
                    // category before it ("2020", "2021")
  kSmallMultiples,  // one small chart per series (a ministry), all on one scale
};

// A cell as published (publish/publication.h): a figure, or suppressed ("."), or missing ("n.g.").
enum class CellState { kPublished, kSuppressed, kMissing };

struct ChartCell {
  std::optional<double> value;  // set exactly when state is kPublished
  CellState state = CellState::kPublished;
  // The published cell it shows, keyed as the HTML tables' data-cell ("indicator|ministry|period|
  // unit type|category"); empty when it is no cell of the open data (ICT portfolio figures, last
  // year's figure). The chart's table and SVG carry it, so the privacy test can find the cell.
  std::string cell;
};

inline ChartCell Figure(double v, std::string cell = {}) {
  return {v, CellState::kPublished, std::move(cell)};
}
inline ChartCell Suppressed(std::string cell = {}) {
  return {std::nullopt, CellState::kSuppressed, std::move(cell)};
}
inline ChartCell Missing(std::string cell = {}) {
  return {std::nullopt, CellState::kMissing, std::move(cell)};
}

// What tells a series apart besides its colour. Bars fill with the pattern (white hatching over
// the series colour); lines carry the marker shape at every point; the legend shows the same.
//   kSolid      plain fill          circle
//   kDiagonal   diagonal hatching   square
//   kDots       dots                triangle
//   kCross      cross hatching      diamond
//   kHorizontal horizontal lines    cross (x)
// kAuto takes the series' position in that order.
enum class Mark { kAuto, kSolid, kDiagonal, kDots, kCross, kHorizontal };

struct ChartSeries {
  std::string label;             // legend, line-end label, table column, small-multiple title
  std::vector<ChartCell> cells;  // one per category, in category order
  std::string color;             // "#rrggbb"; empty: kSeriesColors by position (palette.h)
  Mark mark = Mark::kAuto;
};

// A horizontal reference line (the 10% hire norm), dark and dashed, with its label as text.
struct NormLine {
  double value = 0;
  std::string label;
};

struct ChartSpec {
  ChartKind kind = ChartKind::kBars;
  // Element ids derive from it ("ID-title", "ID-desc", "ID-p1"): letters, digits, '-' and '_',
  // starting with a letter, unique on its page.
  std::string id;
  std::string title;        // the message title: "Ziekteverzuim stijgt naar 5,2%"
  std::string description;  // the text alternative: what the chart shows, in a few sentences
  std::string unit;         // as in html.h: "%", "persons", "fte", "EUR", "t CO2", ...
  Lang lang = Lang::kNl;
  std::string category_heading;  // the table's corner heading ("Ministerie", "Jaar")
  std::string series_heading;    // small multiples: the corner, as their rows are the series
  std::vector<std::string> categories;
  std::vector<ChartSeries> series;
  std::optional<NormLine> norm;
  // Bars only: a reference line for a figure that is no category, such as the Rijk's on a chart
  // of ministries (dark, dotted, labelled "Rijk 5,2%"). The Rijk as a bar among the ministries
  // would stretch the axis so that every ministry looks tiny, so CheckChart refuses that.
  std::optional<NormLine> reference;
  std::string opendata_href;  // the open data file of the figures; required
  // Stacked bars only: draw a 2px white gap between segments. With it, each colour is checked
  // against white alone (the gap is the neighbour); without it, neighbouring segment colours must
  // also reach 3:1 against each other.
  bool stack_gap = true;
  // Small multiples only: each panel is drawn as bars (kBars) or as a line (kTimeSeries).
  ChartKind panel_kind = ChartKind::kBars;
};

}  // namespace jbr::publish
