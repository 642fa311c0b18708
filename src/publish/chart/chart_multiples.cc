// Small multiples: one small chart per series (a ministry), three to a row, every panel on the same
// value scale so that panels compare at a glance; the ministry label heads each panel.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "publish/chart/chart_check.h"
#include "publish/chart/chart_svg.h"

namespace jbr::publish::svg {
namespace {

constexpr int kColumns = 3;
constexpr double kPanelW = kWidth / kColumns, kPanelH = 150;
// Inside a panel: title baseline, plot box, category labels.
constexpr double kTitleY = 18, kPlotTop = 30, kPlotBottom = 120, kPlotLeft = 52, kPlotRight = 200;

std::string PanelMarks(const ChartSpec& spec, size_t i, const AxisScale& s, double band) {
  const ChartSeries& series = spec.series[i];
  const bool bars = spec.panel_kind != ChartKind::kTimeSeries;
  const double base = s.Map(std::clamp(0.0, s.lo, s.hi), kPlotBottom, kPlotTop);
  std::string out, path;
  for (size_t c = 0; c < series.cells.size(); ++c) {
    const ChartCell& cell = series.cells[c];
    const double cx = kPlotLeft + (c + 0.5) * band;
    if (!cell.value) {
      out +=
          CellGroup(cell, Text(cx, base - 4, CellMark(cell, spec.lang), "middle", kSmallFontSize));
      path += " ";  // a gap breaks the line
      continue;
    }
    const double y = s.Map(*cell.value, kPlotBottom, kPlotTop);
    if (bars) {
      out += CellGroup(
          cell, fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                            Num(cx - band * 0.3), Num(std::min(y, base)), Num(band * 0.6),
                            Num(std::fabs(base - y)), SeriesColor(spec, i)));
    } else {
      path +=
          fmt::format("{}{} {}", path.empty() || path.back() == ' ' ? "M" : "L", Num(cx), Num(y));
      out += CellGroup(cell, Marker(spec, i, cx, y));
    }
  }
  if (!bars) {
    out = fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>", path,
                      SeriesColor(spec, i)) +
          out;
  }
  return out;
}

std::string Panel(const ChartSpec& spec, size_t i, const AxisScale& s) {
  const double band = (kPlotRight - kPlotLeft) / spec.categories.size();
  std::string out = fmt::format("<g class=\"panel\" transform=\"translate({} {})\">\n",
                                Num((i % kColumns) * kPanelW), Num((i / kColumns) * kPanelH));
  out += Text(kPlotLeft, kTitleY, spec.series[i].label, "start", kFontSize) + "\n";
  out += ValueAxisY(spec, s, kPlotLeft, kPlotRight, kPlotBottom, kPlotTop, kSmallFontSize);
  out += PanelMarks(spec, i, s, band) + "\n";
  out += BaselineY(s, kPlotLeft, kPlotRight, kPlotBottom, kPlotTop);
  // First and last category only: the panels are small and every panel has the same ones.
  const size_t last = spec.categories.size() - 1;
  out +=
      Text(kPlotLeft + 0.5 * band, kPlotBottom + 16, spec.categories[0], "middle", kSmallFontSize);
  if (last > 0) {
    out += Text(kPlotLeft + (last + 0.5) * band, kPlotBottom + 16, spec.categories[last], "middle",
                kSmallFontSize);
  }
  return out + "\n</g>\n";
}

}  // namespace

std::string SmallMultiples(const ChartSpec& spec, const std::string& desc) {
  const AxisScale s = ValueScale(spec);
  std::string body;
  for (size_t i = 0; i < spec.series.size(); ++i) body += Panel(spec, i, s);
  const size_t rows = (spec.series.size() + kColumns - 1) / kColumns;
  double height = rows * kPanelH;
  if (OmitsZero(s)) {
    body += Text(8, height + 14, AxisNote(spec, s), "start", kSmallFontSize) + "\n";
    height += 22;
  }
  return Open(spec, height, desc) + body + "</svg>\n";
}

}  // namespace jbr::publish::svg
