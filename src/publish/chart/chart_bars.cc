// Vertical bars (one series, grouped, stacked) and horizontal bars. Geometry: chart.h.
#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "publish/chart/chart_check.h"
#include "publish/chart/chart_svg.h"
#include "publish/chart/palette.h"
#include "publish/core/html.h"

namespace jbr::publish::svg {
namespace {

constexpr double kLeft = 80, kRight = 624, kTop = 24, kBottom = 224;

struct Band {
  double x, width;  // the bar's left edge and width
};

std::string Bar(const ChartSpec& spec, size_t i, double x, double y0, double y1, double width) {
  const double top = std::min(y0, y1);
  // Stacked segments get a white outline: the 2px gap that separates neighbours (chart_spec.h).
  const bool gap = spec.kind == ChartKind::kStackedBars && spec.stack_gap;
  return fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"{}\"{}/>", Num(x),
      Num(top), Num(width), Num(std::max(y0, y1) - top), BarFill(spec, i),
      gap ? kBackground : SeriesColor(spec, i), gap ? " stroke-width=\"2\"" : "");
}

// The mark of a suppressed or missing cell, standing on the baseline.
std::string CellMarkAt(const ChartSpec& spec, const ChartCell& c, double cx, double base) {
  return Text(cx, base - 5, CellMark(c, spec.lang), "middle");
}

AxisScale ScaleOf(const ChartSpec& spec) { return ValueScale(spec); }

// Category labels under vertical bars are wrapped at spaces into lines that fit their band at the
// largest size the site draws chart text (22 units on phones, style.css), so that neighbours
// never overlap: "(Geen kosten bekend)" under one of eight bands is three lines. A word of more
// than one and a half times the letters a line holds would reach into its neighbour's label (a
// shorter one only into the room beside it) and is broken into lines that fit: after a hyphen of
// its own that falls within the line, else with a hyphen added ("(dienstreizen)" under one of six
// bands: "(dien-", "strei-", "zen)"). Estimated, not measured (no font metrics at build time):
// Open Sans' letters average under 0.58 em.
constexpr double kLargestFont = 22, kCharWidth = 0.58, kLineEm = 1.15;
constexpr size_t kMaxLabelLines = 6;

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The bytes of the first n code points of s.
size_t PrefixBytes(std::string_view s, size_t n) {
  size_t at = 0;
  for (size_t seen = 0; at < s.size(); ++at) {
    if ((s[at] & 0xC0) != 0x80 && seen++ == n) break;
  }
  return at;
}

// A word in pieces of at most `fit` code points (at least one letter and its hyphen each), when
// it has more than one and a half times that; else whole.
std::vector<std::string> WordPieces(std::string_view word, size_t fit) {
  if (CodePoints(word) * 2 <= fit * 3) return {std::string(word)};
  std::vector<std::string> pieces;
  while (CodePoints(word) > fit) {
    const size_t hyphen = word.substr(0, PrefixBytes(word, fit)).rfind('-');
    if (hyphen != std::string_view::npos && hyphen > 0) {
      pieces.emplace_back(word.substr(0, hyphen + 1));
      word.remove_prefix(hyphen + 1);
    } else {
      const size_t cut = PrefixBytes(word, std::max<size_t>(1, fit - 1));
      pieces.push_back(std::string(word.substr(0, cut)) + "-");
      word.remove_prefix(cut);
    }
  }
  pieces.emplace_back(word);
  return pieces;
}

struct LabelLine {
  std::string text;
  bool continues = false;  // the rest of the word on the line above: no space between them
};

std::vector<LabelLine> WrapLabel(std::string_view label, double width) {
  const size_t fit = std::max<size_t>(1, static_cast<size_t>(width / (kLargestFont * kCharWidth)));
  std::vector<LabelLine> lines;
  size_t at = 0;
  while (at < label.size()) {
    const size_t space = label.find(' ', at);
    const std::string_view word =
        label.substr(at, space == std::string_view::npos ? std::string_view::npos : space - at);
    at = space == std::string_view::npos ? label.size() : space + 1;
    if (word.empty()) continue;
    const std::vector<std::string> pieces = WordPieces(word, fit);
    for (size_t k = 0; k < pieces.size(); ++k) {
      const bool full = lines.size() == kMaxLabelLines;
      if (k > 0 && full) {
        lines.back().text += pieces[k];
      } else if (k > 0) {
        lines.push_back({pieces[k], true});
      } else if (!lines.empty() &&
                 (full || CodePoints(lines.back().text) + 1 + CodePoints(pieces[k]) <= fit)) {
        lines.back().text += " " + pieces[k];
      } else {
        lines.push_back({pieces[k], false});
      }
    }
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

// A wrapped label: the first line at y, each next one a line lower (in em, so it follows the
// font size the page gives). The spaces between words stay in the text, which reads as the whole
// label.
std::string LabelText(double x, double y, const std::vector<LabelLine>& lines) {
  std::string markup = HtmlEscape(lines[0].text);
  for (size_t i = 1; i < lines.size(); ++i) {
    markup += fmt::format("<tspan x=\"{}\" dy=\"{}em\">{}{}</tspan>", Num(x), Num(kLineEm),
                          lines[i].continues ? "" : " ", HtmlEscape(lines[i].text));
  }
  return TextMarkup(x, y, markup, "middle");
}

std::string SideBySide(const ChartSpec& spec, const AxisScale& s, size_t c, double band_x,
                       double band) {
  const size_t n = spec.series.size();
  const double group = band * (n == 1 ? 0.6 : 0.7);
  const double w = group / n - (n == 1 ? 0 : 2);
  const double base = s.Map(0, kBottom, kTop);
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    const double x = band_x + (band - group) / 2 + i * (w + (n == 1 ? 0 : 2));
    const ChartCell& cell = spec.series[i].cells[c];
    if (!cell.value) {
      out += CellGroup(cell, CellMarkAt(spec, cell, x + w / 2, base)) + "\n";
      continue;
    }
    const double y = s.Map(*cell.value, kBottom, kTop);
    std::string drawn = Bar(spec, i, x, base, y, w);
    if (n == 1) {  // one series: the figure on the bar is its direct label
      const double ly = *cell.value >= 0 ? y - 6 : y + kFontSize + 4;
      drawn += Text(x + w / 2, ly, ValueText(spec, *cell.value), "middle");
    }
    out += CellGroup(cell, drawn) + "\n";
  }
  return out;
}

std::string Stack(const ChartSpec& spec, const AxisScale& s, size_t c, double band_x, double band) {
  const double w = band * 0.6, x = band_x + band * 0.2;
  double up = 0, down = 0;
  std::string out, marks;
  int n_marks = 0;
  for (size_t i = 0; i < spec.series.size(); ++i) {
    const ChartCell& cell = spec.series[i].cells[c];
    if (!cell.value) {  // a <tspan> per mark, so that a keyed cell's mark is found by its key
      const std::string mark = HtmlEscape(CellMark(cell, spec.lang));
      marks += (cell.cell.empty() ? mark
                                  : fmt::format("<tspan data-cell=\"{}\">{}</tspan>",
                                                HtmlEscape(cell.cell), mark)) +
               " ";
      ++n_marks;
      continue;
    }
    double& end = *cell.value >= 0 ? up : down;
    out += CellGroup(cell, Bar(spec, i, x, s.Map(end, kBottom, kTop),
                               s.Map(end + *cell.value, kBottom, kTop), w)) +
           "\n";
    end += *cell.value;
  }
  // The marks of the segments that are not drawn, above the stack (a bar cannot show a gap).
  if (n_marks > 0) {
    marks.pop_back();
    out += TextMarkup(x + w / 2, s.Map(up, kBottom, kTop) - 6, marks, "middle") + "\n";
  }
  return out;
}

}  // namespace

std::string VerticalBars(const ChartSpec& spec, const std::string& desc) {
  const AxisScale s = ScaleOf(spec);
  const double band = (kRight - kLeft) / spec.categories.size();
  std::string body = PatternDefs(spec) + ValueAxisY(spec, s, kLeft, kRight, kBottom, kTop);
  body += "<g class=\"bars\">\n";
  size_t label_lines = 1;
  for (size_t c = 0; c < spec.categories.size(); ++c) {
    const double x = kLeft + c * band;
    body += spec.kind == ChartKind::kStackedBars ? Stack(spec, s, c, x, band)
                                                 : SideBySide(spec, s, c, x, band);
    const std::vector<LabelLine> lines = WrapLabel(spec.categories[c], band * 0.95);
    label_lines = std::max(label_lines, lines.size());
    body += LabelText(x + band / 2, kBottom + 20, lines) + "\n";
  }
  body += "</g>\n" + BaselineY(s, kLeft, kRight, kBottom, kTop);
  if (spec.norm) body += NormY(spec, kLeft, kRight, s.Map(spec.norm->value, kBottom, kTop));
  // Room for the extra label lines at the largest font size.
  double height = kBottom + 32 + static_cast<double>(label_lines - 1) * kLineEm * kLargestFont;
  if (spec.series.size() > 1) {
    double legend_height = 0;
    body += Legend(spec, height + 8, true, &legend_height);
    height += legend_height + 8;
  }
  return Open(spec, height, desc) + body + "</svg>\n";
}

namespace {

// Horizontal bars: category labels end at x=176, the plot runs 184..540 (value labels after the
// bar ends need the rest), a row of 32 per category from y=8, bars 20 high, 6 into their row.
constexpr double kLabelEnd = 176, kPlotLeft = 184, kPlotRight = 540, kRow = 32, kTopH = 8;

std::string HorizontalAxis(const ChartSpec& spec, const AxisScale& s, double bottom) {
  std::string out = "<g class=\"axis\">\n";
  for (double t : s.Ticks()) {
    const double x = s.Map(t, kPlotLeft, kPlotRight);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\"/>", Num(x),
                       Num(kTopH), Num(bottom), kGridColor);
    out += Text(x, bottom + 20, TickText(t, s.step, spec.unit, spec.lang), "middle") + "\n";
  }
  if (spec.unit == "EUR") out += Text(kPlotRight + 30, bottom + 20, "€ mln", "start") + "\n";
  const double base = s.Map(0, kPlotLeft, kPlotRight);
  return out + fmt::format(
                   "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" "
                   "stroke-width=\"1.5\"/>\n</g>\n",
                   Num(base), Num(kTopH), Num(bottom), kAxisColor);
}

// The norm as a vertical dashed line, its label under the tick labels.
std::string HorizontalNorm(const ChartSpec& spec, const AxisScale& s, double bottom) {
  if (!spec.norm) return "";
  const double x = s.Map(spec.norm->value, kPlotLeft, kPlotRight);
  return fmt::format(
             "<g class=\"norm\"><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" "
             "stroke=\"{3}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
             Num(x), Num(kTopH), Num(bottom), kNormColor) +
         fmt::format(
             "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{} {}</text></g>\n",
             Num(x), Num(bottom + 40), kNormColor, HtmlEscape(spec.norm->label),
             HtmlEscape(ValueText(spec, spec.norm->value)));
}

// The reference line (the Rijk's figure on a chart of ministries): dark and dotted, its label
// above the plot so that it never collides with the norm's label under it.
std::string HorizontalReference(const ChartSpec& spec, const AxisScale& s, double bottom) {
  if (!spec.reference) return "";
  const double x = s.Map(spec.reference->value, kPlotLeft, kPlotRight);
  return fmt::format(
             "<g class=\"reference\"><line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" "
             "stroke=\"{3}\" stroke-width=\"2.5\" stroke-dasharray=\"2 3\"/>",
             Num(x), Num(kTopH + 14), Num(bottom), kTextColor) +
         Text(x, kTopH + 10, spec.reference->label + " " + ValueText(spec, spec.reference->value),
              x > (kPlotLeft + kPlotRight) / 2 ? "end" : "start") +
         "</g>\n";
}

}  // namespace

std::string HorizontalBars(const ChartSpec& spec, const std::string& desc) {
  const AxisScale s = ScaleOf(spec);
  // A reference line's label takes a row above the bars.
  const double top = spec.reference ? kTopH + 20 : kTopH;
  const double bottom = top + kRow * spec.categories.size();
  const double base = s.Map(0, kPlotLeft, kPlotRight);
  // The reference line behind the bars, so that a bar crossing it stays whole.
  std::string body = PatternDefs(spec) + HorizontalAxis(spec, s, bottom) +
                     HorizontalReference(spec, s, bottom) + "<g class=\"bars\">\n";
  for (size_t c = 0; c < spec.categories.size(); ++c) {
    const double y = top + c * kRow + 6, text_y = y + 15;
    body += Text(kLabelEnd, text_y, spec.categories[c], "end");
    const ChartCell& cell = spec.series[0].cells[c];
    if (!cell.value) {
      body += CellGroup(cell, Text(base + 6, text_y, CellMark(cell, spec.lang), "start")) + "\n";
      continue;
    }
    const double x = s.Map(*cell.value, kPlotLeft, kPlotRight);
    body +=
        CellGroup(cell,
                  fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"20\" fill=\"{}\" "
                              "stroke=\"{}\"/>",
                              Num(std::min(x, base)), Num(y), Num(std::fabs(x - base)),
                              BarFill(spec, 0), SeriesColor(spec, 0)) +
                      Text(std::max(x, base) + 6, text_y, ValueText(spec, *cell.value), "start")) +
        "\n";
  }
  body += "</g>\n" + HorizontalNorm(spec, s, bottom);
  return Open(spec, bottom + 48, desc) + body + "</svg>\n";
}

}  // namespace jbr::publish::svg
