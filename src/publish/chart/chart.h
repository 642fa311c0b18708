// Charts of the report and the site: one ChartSpec in, one HTML fragment out (no JavaScript).
//
// The fragment is a <figure class="chart chart-KIND" id="ID"> holding
//   <figcaption> with the message title;
//   <svg role="img" aria-labelledby="ID-title ID-desc" viewBox="0 0 640 H"> with <title> and <desc>
//     (key figures: a <ul class="key-figures"> of tiles instead);
//   <details><summary>Tabel|Table</summary> RenderDataTable </details>;
//   <p class="chart-opendata"><a href="...">Open data (CSV)</a></p>.
// It is well-formed XML (one root, every text escaped), and the same spec gives the same bytes.
//
// Geometry of vertical bar charts (single, grouped, stacked), for whoever checks a drawing: the
// plot runs from x=80 to x=624 and from y=224 (the axis minimum) up to y=24 (its maximum, see
// chart_scale.h: 0 is always on the axis). A bar of value v >= 0 on an axis 0..max is
// 200 * v / max high and stands on y=224. Categories share the width equally; in a band of width
// b the bars of a category take 0.7 b (single series: 0.6 b), centred, 2 units apart.
// A suppressed cell draws no bar but "." at the baseline, a missing one "n.g." ("n.a."): in a stack
// the marks stand above it, in a time series in a strip below the period labels, with the series'
// marker. The text alternative then says what the marks mean.
#pragma once

#include <string>

#include "common/result.h"
#include "publish/chart/chart_spec.h"

namespace jbr::publish {

// Renders `spec` after CheckChart (chart_check.h); its errors are returned as they are.
Result<std::string> RenderChart(const ChartSpec& spec);

// The data of `spec` as an HTML table: <caption> the title, a row per category with
// <th scope="row">, a column per series with <th scope="col"> (small multiples: a row per series,
// a column per category), cells as CellText (html.h) shows them: the figure with its unit,
// "." suppressed, "n.g."/"n.a." missing. Does not check the spec.
std::string RenderDataTable(const ChartSpec& spec);

// The text alternative as RenderChart writes it into <desc>: the description, and when a cell is
// suppressed or missing, a sentence saying which mark means what.
std::string ChartDescription(const ChartSpec& spec);

}  // namespace jbr::publish
