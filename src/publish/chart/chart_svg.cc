#include "publish/chart/chart_svg.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "publish/chart/chart_check.h"
#include "publish/chart/palette.h"
#include "publish/core/html.h"
#include "publish/core/messages.h"

namespace jbr::publish::svg {
namespace {

// The white strokes of a hatching, drawn over the series colour in a 6x6 tile.
std::string HatchBody(Mark m) {
  const std::string w = fmt::format("stroke=\"{}\" stroke-width=\"2\"", kBackground);
  switch (m) {
    case Mark::kDiagonal:
      return fmt::format("<path d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5\" {}/>", w);
    case Mark::kDots:
      return fmt::format("<circle cx=\"3\" cy=\"3\" r=\"1.5\" fill=\"{}\"/>", kBackground);
    case Mark::kCross:
      return fmt::format("<path d=\"M0 6L6 0M0 0L6 6\" {}/>", w);
    case Mark::kHorizontal:
      return fmt::format("<path d=\"M0 3H6\" {}/>", w);
    default:
      return "";
  }
}

}  // namespace

std::string Num(double v) {
  std::string s = fmt::format("{:.1f}", v);
  return s == "-0.0" ? "0.0" : s;
}

std::string Text(double x, double y, std::string_view text, std::string_view anchor, int size) {
  return TextMarkup(x, y, HtmlEscape(text), anchor, size);
}

std::string TextMarkup(double x, double y, std::string_view markup, std::string_view anchor,
                       int size) {
  return fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{}\" fill=\"{}\">{}</text>", Num(x),
      Num(y), anchor, size, kTextColor, markup);
}

std::string CellGroup(const ChartCell& c, const std::string& drawing) {
  if (c.cell.empty()) return drawing;
  return fmt::format("<g data-cell=\"{}\">{}</g>", HtmlEscape(c.cell), drawing);
}

std::string Open(const ChartSpec& spec, double height, const std::string& desc) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"{0}-title "
      "{0}-desc\" "
      "viewBox=\"0 0 {1} {2}\" width=\"100%\" style=\"width:100%;height:auto\" "
      "font-family=\"inherit\" font-size=\"{3}\">\n"
      "<title id=\"{0}-title\">{4}</title>\n<desc id=\"{0}-desc\">{5}</desc>\n",
      spec.id, Num(kWidth), Num(height), kFontSize, HtmlEscape(spec.title), HtmlEscape(desc));
}

std::string PatternDefs(const ChartSpec& spec) {
  std::string out;
  for (size_t i = 0; i < spec.series.size(); ++i) {
    const Mark m = SeriesMark(spec, i);
    if (m == Mark::kSolid) continue;
    out += fmt::format(
        "<pattern id=\"{}-p{}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
        "<rect width=\"6\" height=\"6\" fill=\"{}\"/>{}</pattern>\n",
        spec.id, i + 1, SeriesColor(spec, i), HatchBody(m));
  }
  return out.empty() ? "" : "<defs>\n" + out + "</defs>\n";
}

std::string BarFill(const ChartSpec& spec, size_t i) {
  if (SeriesMark(spec, i) == Mark::kSolid) return SeriesColor(spec, i);
  return fmt::format("url(#{}-p{})", spec.id, i + 1);
}

std::string Marker(const ChartSpec& spec, size_t i, double x, double y) {
  const std::string c = SeriesColor(spec, i);
  const std::string cx = Num(x), cy = Num(y);
  switch (SeriesMark(spec, i)) {
    case Mark::kDiagonal:
      return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" fill=\"{}\"/>",
                         Num(x - 4.5), Num(y - 4.5), c);
    case Mark::kDots:
      return fmt::format("<path d=\"M{} {}l5.5 9.5h-11z\" fill=\"{}\"/>", cx, Num(y - 6), c);
    case Mark::kCross:
      return fmt::format("<path d=\"M{} {}l6 6l-6 6l-6 -6z\" fill=\"{}\"/>", cx, Num(y - 6), c);
    case Mark::kHorizontal:
      return fmt::format("<path d=\"M{} {}l9 9M{} {}l-9 9\" stroke=\"{}\" stroke-width=\"3\"/>",
                         Num(x - 4.5), Num(y - 4.5), Num(x + 4.5), Num(y - 4.5), c);
    default:
      return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/>", cx, cy, c);
  }
}

std::string Legend(const ChartSpec& spec, double y, bool bars, double* rows_height) {
  constexpr double kRow = 24;
  std::string out = "<g class=\"legend\">\n";
  double x = 16, row_y = y;
  for (size_t i = 0; i < spec.series.size(); ++i) {
    // Width of label: about 0.6 em a character; a new row when it would pass the right edge.
    const double w = 28 + 0.6 * kFontSize * spec.series[i].label.size() + 16;
    if (x > 16 && x + w > kWidth) x = 16, row_y += kRow;
    if (bars) {
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"14\" fill=\"{}\" stroke=\"{}\"/>", Num(x),
          Num(row_y - 11), BarFill(spec, i), SeriesColor(spec, i));
    } else {
      out += Marker(spec, i, x + 9, row_y - 4);
    }
    out += Text(x + 24, row_y, spec.series[i].label, "start") + "\n";
    x += w;
  }
  *rows_height = row_y - y + kRow;
  return out + "</g>\n";
}

std::string ValueAxisY(const ChartSpec& spec, const AxisScale& s, double left, double right,
                       double bottom, double top, int size) {
  std::string out = "<g class=\"axis\">\n";
  for (double t : s.Ticks()) {
    const double y = s.Map(t, bottom, top);
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>", Num(left),
                       Num(y), Num(right), Num(y), kGridColor);
    out += Text(left - 6, y + size * 0.35, TickText(t, s.step, spec.unit, spec.lang), "end", size) +
           "\n";
  }
  // Amounts are ticked in millions; the unit stands once above the axis, not on every tick.
  if (spec.unit == "EUR") out += Text(left - 6, top - 10, "€ mln", "end", size) + "\n";
  return out + "</g>\n";
}

std::string BaselineY(const AxisScale& s, double left, double right, double bottom, double top) {
  const double base = s.Map(std::clamp(0.0, s.lo, s.hi), bottom, top);
  return fmt::format(
      "<line class=\"baseline\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
      "stroke-width=\"1.5\"/>\n",
      Num(left), Num(base), Num(right), Num(base), kAxisColor);
}

std::string NormY(const ChartSpec& spec, double left, double right, double y) {
  if (!spec.norm) return "";
  return fmt::format(
             "<g class=\"norm\"><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
             "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
             Num(left), Num(y), Num(right), Num(y), kNormColor) +
         // A white halo keeps the label legible where it crosses a bar or a line.
         fmt::format(
             "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\" stroke=\"{}\" "
             "stroke-width=\"4\" paint-order=\"stroke\">{} {}</text></g>\n",
             Num(right), Num(y - 6), kNormColor, kBackground, HtmlEscape(spec.norm->label),
             HtmlEscape(ValueText(spec, spec.norm->value)));
}

std::string TickText(double v, double step, std::string_view unit, Lang lang) {
  const double scale = unit == "EUR" ? 1e6 : 1;
  const double st = step / scale;
  const int decimals = st >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(st) - 1e-9));
  const std::string n = FormatDecimal(v / scale, decimals, lang);
  if (unit == "%") return n + "%";
  return n;
}

std::string ValueText(const ChartSpec& spec, double v) {
  return FormatFigure(v, spec.unit, spec.lang);
}

std::string CellMark(const ChartCell& c, Lang lang) {
  return c.state == CellState::kSuppressed ? std::string(kSuppressedMark) : MissingMark(lang);
}

void ValueRange(const ChartSpec& spec, double* min, double* max) {
  bool any = false;
  *min = *max = 0;
  for (const ChartSeries& s : spec.series) {
    for (const ChartCell& c : s.cells) {
      if (!c.value) continue;
      *min = any ? std::min(*min, *c.value) : *c.value;
      *max = any ? std::max(*max, *c.value) : *c.value;
      any = true;
    }
  }
}

}  // namespace jbr::publish::svg

namespace jbr::publish::svg {

std::string AxisNote(const ChartSpec& spec, const AxisScale& s) {
  if (s.hi < 0) {
    const std::string at = TickText(s.hi, s.step, spec.unit, spec.lang);
    return fmt::format(fmt::runtime(Tr(Msg::kAxisEndsAtNotAtZero, spec.lang)), at);
  }
  const std::string at = TickText(s.lo, s.step, spec.unit, spec.lang);
  return fmt::format(fmt::runtime(Tr(Msg::kAxisStartsAtNotAtZero, spec.lang)), at);
}

}  // namespace jbr::publish::svg
