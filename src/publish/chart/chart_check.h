// The accessibility and data rules every chart meets before it is drawn (publication.md).
#pragma once

#include <string>

#include "common/result.h"
#include "publish/chart/chart_spec.h"

namespace jbr::publish {

// The colour and mark a series is drawn with: its own, or the default of its position.
std::string SeriesColor(const ChartSpec& spec, size_t i);
Mark SeriesMark(const ChartSpec& spec, size_t i);

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
// The text colours of palette.h are checked for 4.5:1 as well (they are constants, so this fails
// only when someone edits them).
Status CheckChart(const ChartSpec& spec);

}  // namespace jbr::publish
