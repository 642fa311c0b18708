// Time series: a line per series with its marker at every published point, broken where a cell is
// suppressed or missing, and the series label at the end of the line (a direct label).
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "publish/chart/chart_check.h"
#include "publish/chart/chart_svg.h"
#include "publish/chart/palette.h"

namespace jbr::publish::svg {
namespace {

// The plot leaves 124 units on the right for the labels at the line ends.
constexpr double kLeft = 80, kRight = 500, kTop = 24, kBottom = 224, kLabelGap = 18;

double XOf(const ChartSpec& spec, size_t c) {
  const double band = (kRight - kLeft) / spec.categories.size();
  return kLeft + (c + 0.5) * band;
}

AxisScale ScaleOf(const ChartSpec& spec) { return ValueScale(spec); }

// The path of one series: a new sub-path after every gap.
std::string LinePath(const ChartSpec& spec, size_t i, const AxisScale& s) {
  std::string d;
  bool pen_down = false;
  for (size_t c = 0; c < spec.categories.size(); ++c) {
    const ChartCell& cell = spec.series[i].cells[c];
    if (!cell.value) {
      pen_down = false;
      continue;
    }
    d += fmt::format("{}{} {}", pen_down ? "L" : "M", Num(XOf(spec, c)),
                     Num(s.Map(*cell.value, kBottom, kTop)));
    pen_down = true;
  }
  return fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>\n", d,
                     SeriesColor(spec, i));
}

struct EndLabel {
  size_t series;
  double y;
};

// Labels at the last published point of each series, pushed apart to kLabelGap so none overlap.
std::vector<EndLabel> EndLabels(const ChartSpec& spec, const AxisScale& s) {
  std::vector<EndLabel> labels;
  for (size_t i = 0; i < spec.series.size(); ++i) {
    const auto& cells = spec.series[i].cells;
    for (size_t c = cells.size(); c-- > 0;) {
      if (cells[c].value) {
        labels.push_back({i, s.Map(*cells[c].value, kBottom, kTop)});
        break;
      }
    }
  }
  std::stable_sort(labels.begin(), labels.end(), [](auto& a, auto& b) { return a.y < b.y; });
  for (size_t k = 1; k < labels.size(); ++k) {
    labels[k].y = std::max(labels[k].y, labels[k - 1].y + kLabelGap);
  }
  return labels;
}

// The marks of suppressed and missing points, in a strip below the category labels: a row per
// series that has any, its marker and the mark under the period. Inside the plot a mark would
// stand at some height and read as a value.
std::string GapStrip(const ChartSpec& spec, double* height) {
  std::string out;
  double y = kBottom + 44;
  for (size_t i = 0; i < spec.series.size(); ++i) {
    bool any = false;
    for (size_t c = 0; c < spec.categories.size(); ++c) {
      const ChartCell& cell = spec.series[i].cells[c];
      if (cell.value) continue;
      out += Marker(spec, i, XOf(spec, c) - 10, y - 5) +
             CellGroup(cell, Text(XOf(spec, c) + 2, y, CellMark(cell, spec.lang), "start"));
      any = true;
    }
    if (any) out += "\n", y += 20;
  }
  *height = y - (kBottom + 44);
  return out.empty() ? "" : "<g class=\"gaps\">\n" + out + "</g>\n";
}

}  // namespace

std::string TimeSeries(const ChartSpec& spec, const std::string& desc) {
  const AxisScale s = ScaleOf(spec);
  std::string body = ValueAxisY(spec, s, kLeft, kRight, kBottom, kTop) +
                     BaselineY(s, kLeft, kRight, kBottom, kTop);
  for (size_t c = 0; c < spec.categories.size(); ++c) {
    body += Text(XOf(spec, c), kBottom + 20, spec.categories[c], "middle") + "\n";
  }
  if (spec.norm) body += NormY(spec, kLeft, kRight, s.Map(spec.norm->value, kBottom, kTop));
  for (size_t i = 0; i < spec.series.size(); ++i) {
    body += fmt::format("<g class=\"series\">\n{}", LinePath(spec, i, s));
    for (size_t c = 0; c < spec.categories.size(); ++c) {
      const ChartCell& cell = spec.series[i].cells[c];
      if (cell.value) {
        body += CellGroup(cell, Marker(spec, i, XOf(spec, c), s.Map(*cell.value, kBottom, kTop)));
      }
    }
    body += "\n</g>\n";
  }
  for (const EndLabel& l : EndLabels(spec, s)) {
    body += Marker(spec, l.series, kRight + 16, l.y) +
            Text(kRight + 26, l.y + 5, spec.series[l.series].label, "start") + "\n";
  }
  double strip = 0;
  body += GapStrip(spec, &strip);
  if (OmitsZero(s)) {  // said in words, and a break mark on the axis where 0 would be
    body += fmt::format(
        "<path class=\"axis-break\" d=\"M{0} {1}l6 -4l-12 -6l6 -4\" fill=\"none\" "
        "stroke=\"{2}\" stroke-width=\"2\"/>\n",
        Num(kLeft), Num(kBottom + 2), kAxisColor);
    body += Text(kLeft, kBottom + 56 + strip, AxisNote(spec, s), "start") + "\n";
    strip += 26;
  }
  return Open(spec, kBottom + 36 + strip, desc) + body + "</svg>\n";
}

}  // namespace jbr::publish::svg
