// Pieces of SVG shared by the chart renderers (internal to src/publish; chart.h is the API).
//
// Charts are hand-written SVG strings rather than a library's output: no C++ library in Debian
// draws SVG charts with role="img", <title>/<desc>, patterns instead of colour alone and
// byte-reproducible numbers, and a JavaScript library would break "works without JavaScript".
// Coordinates are user units of the viewBox (640 wide); the SVG is 100% of its column wide, so a
// 14-unit label is 14px at a 640px column and grows with zoom.
#pragma once

#include <string>
#include <string_view>

#include "publish/chart/chart_scale.h"
#include "publish/chart/chart_spec.h"

namespace jbr::publish::svg {

inline constexpr double kWidth = 640;
inline constexpr int kFontSize = 14;       // labels, ticks
inline constexpr int kSmallFontSize = 12;  // small multiples: the floor publication.md allows

// A coordinate with one decimal, "-0.0" written "0.0": the same bytes on every machine.
std::string Num(double v);

// <text> at (x, y) in the text colour; `anchor` start|middle|end; `text` is escaped here.
std::string Text(double x, double y, std::string_view text, std::string_view anchor,
                 int size = kFontSize);
// The same with `markup` as the element's content, not escaped (<tspan>s).
std::string TextMarkup(double x, double y, std::string_view markup, std::string_view anchor,
                       int size = kFontSize);

// The drawing of one cell (its bar or point and its figure, or its mark "."), inside
// <g data-cell="KEY"> when the cell has a key: the privacy test finds the cell in the SVG by it.
std::string CellGroup(const ChartCell& c, const std::string& drawing);

// The opening <svg ...> with role, aria-labelledby, viewBox and fonts, <title> and <desc>.
std::string Open(const ChartSpec& spec, double height, const std::string& desc);

// <defs> with one <pattern id="ID-pN"> per series whose mark is a hatching (bars).
std::string PatternDefs(const ChartSpec& spec);
// The fill of series i's bars: its colour, or url(#ID-pN) for a hatched mark.
std::string BarFill(const ChartSpec& spec, size_t i);
// Series i's marker shape centred on (x, y) for lines and legends.
std::string Marker(const ChartSpec& spec, size_t i, double x, double y);

// A legend row from (x, y): per series a swatch (bar pattern or line marker) and its label,
// wrapping at the viewBox width. Returns its height in `rows_height`.
std::string Legend(const ChartSpec& spec, double y, bool bars, double* rows_height);

// Gridlines and tick labels of a vertical value axis over x in [left, right], y from bottom (lo)
// to top (hi).
std::string ValueAxisY(const ChartSpec& spec, const AxisScale& s, double left, double right,
                       double bottom, double top, int size = kFontSize);
// The dark baseline at 0 (at lo when 0 is outside the axis): drawn after the marks, so that the
// white gaps of stacked bars do not cut it.
std::string BaselineY(const AxisScale& s, double left, double right, double bottom, double top);

// The dashed norm line across [left, right] at y with its label above the right end.
std::string NormY(const ChartSpec& spec, double left, double right, double y);

// A tick label: the value with the decimals its step needs ("2%", "0,5%"); amounts in millions
// without their unit ("200"), which ValueAxisY writes once above the axis ("€ mln").
std::string TickText(double v, double step, std::string_view unit, Lang lang);
// The figure a reader sees on a bar or point (FormatFigure of html.h).
std::string ValueText(const ChartSpec& spec, double v);
// "." for a suppressed cell, "n.g."/"n.a." for a missing one.
std::string CellMark(const ChartCell& c, Lang lang);

// "De as begint bij 95, niet bij 0." / "The axis starts at 95, not at 0." (ends below 0: says
// where it ends) for a line chart whose axis leaves 0 off.
std::string AxisNote(const ChartSpec& spec, const AxisScale& s);

// The smallest and largest published value of all series (0, 0 when none).
void ValueRange(const ChartSpec& spec, double* min, double* max);

// The drawing of each kind, `desc` the full text alternative (chart.cc adds the marks sentence).
std::string VerticalBars(const ChartSpec& spec,
                         const std::string& desc);  // single, grouped, stacked
std::string HorizontalBars(const ChartSpec& spec, const std::string& desc);
std::string TimeSeries(const ChartSpec& spec, const std::string& desc);
std::string SmallMultiples(const ChartSpec& spec, const std::string& desc);
// Key figures are HTML, not SVG: a big number as real text is read and zoomed as text.
std::string KeyFigureTiles(const ChartSpec& spec);

}  // namespace jbr::publish::svg
