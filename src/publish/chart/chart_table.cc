#include <fmt/format.h>

#include "publish/chart/chart.h"
#include "publish/core/html.h"

namespace jbr::publish {
namespace {

// Through CellText, so that a chart's table shows a cell exactly as every other output does.
std::string CellOf(const ChartSpec& spec, const ChartCell& c) {
  PublishedValue v;
  v.unit = spec.unit;
  v.value = c.value;
  v.status = c.state == CellState::kPublished    ? "published"
             : c.state == CellState::kSuppressed ? "suppressed"
                                                 : "missing";
  return CellText(v, spec.lang);
}

}  // namespace

// Rows are the categories (ministries, years) and columns the series, except for small multiples,
// where every series is a ministry: there the rows are the series, as the panels are.
std::string RenderDataTable(const ChartSpec& spec) {
  const bool by_series = spec.kind == ChartKind::kSmallMultiples;
  const size_t rows = by_series ? spec.series.size() : spec.categories.size();
  const size_t cols = by_series ? spec.categories.size() : spec.series.size();
  auto col_head = [&](size_t c) { return by_series ? spec.categories[c] : spec.series[c].label; };
  auto row_head = [&](size_t r) { return by_series ? spec.series[r].label : spec.categories[r]; };
  // A cell of the open data carries its key, as every HTML table cell does (site_blocks.h).
  auto cell = [&](size_t r, size_t c) {
    const ChartSeries& s = spec.series[by_series ? r : c];
    const size_t i = by_series ? c : r;
    if (i >= s.cells.size()) return std::string("<td></td>");
    const ChartCell& x = s.cells[i];
    return fmt::format("<td{}>{}</td>",
                       x.cell.empty() ? "" : fmt::format(" data-cell=\"{}\"", HtmlEscape(x.cell)),
                       HtmlEscape(CellOf(spec, x)));
  };
  std::string out =
      fmt::format("<table class=\"chart-data\">\n<caption>{}</caption>\n", HtmlEscape(spec.title));
  out += fmt::format("<thead><tr><th scope=\"col\">{}</th>",
                     HtmlEscape(by_series ? spec.series_heading : spec.category_heading));
  for (size_t c = 0; c < cols; ++c)
    out += fmt::format("<th scope=\"col\">{}</th>", HtmlEscape(col_head(c)));
  out += "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < rows; ++r) {
    out += fmt::format("<tr><th scope=\"row\">{}</th>", HtmlEscape(row_head(r)));
    for (size_t c = 0; c < cols; ++c) out += cell(r, c);
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace jbr::publish
