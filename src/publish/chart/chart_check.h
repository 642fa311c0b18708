// The accessibility and data rules every chart meets before it is drawn (publication.md).
#pragma once

#include <string>

#include "common/result.h"
#include "publish/chart/chart_scale.h"
#include "publish/chart/chart_spec.h"

namespace jbr::publish {

// The colour and mark a series is drawn with: its own, or the default of its position.
std::string SeriesColor(const ChartSpec& spec, size_t i);
Mark SeriesMark(const ChartSpec& spec, size_t i);

// The value axis every renderer draws `spec` on: it covers every published value, the norm and the
// reference line; for bars (single, horizontal, grouped, stacked by their sums, and small
// multiples of bars) it always includes 0, for lines it may start above 0 (or end below it), and
// the drawing then says so in words under the axis and in its text alternative.
AxisScale ValueScale(const ChartSpec& spec);
// Whether a line drawn on `s` leaves 0 off its axis (what the drawing must say).
bool OmitsZero(const AxisScale& s);

// Checks `spec`; RenderChart calls it first. A usage error whose message starts with
// "chart ID: " and says what to change, for:
// - an id that cannot make element ids, an empty title, description or opendata_href;
// - no categories, or a series whose cell count differs from the categories; a published cell
//   without a finite value, or a suppressed or missing cell that carries one (it must not leak);
// - a series count out of range: kBars, kHorizontalBars exactly 1; grouped and stacked 2..5;
//   time series 1..5 (more: "use small multiples"); key figures 1..12 tiles; small multiples any;
// - a series colour that is not "#rrggbb" or below 3:1 against white; in stacked bars without
//   stack_gap, neighbouring colours below 3:1 against each other;
// - with more than one series drawn in one chart, two series with the same mark (colour alone
//   would tell them apart), and an empty series label.
// - a bar chart whose categories hold the Rijk beside others (kRijk: "Rijk"): give the Rijk as
//   the reference line or in the title instead; a reference line on a chart other than bars;
// - a bar chart whose value axis (ValueScale) does not include 0.
// The text colours of palette.h are checked for 4.5:1 as well (they are constants, so this fails
// only when someone edits them).
Status CheckChart(const ChartSpec& spec);

}  // namespace jbr::publish
