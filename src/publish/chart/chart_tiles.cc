// Key-figure tiles: the figure of the last category in large type, its label, and the change since
// the category before it. The direction is an arrow and words ("▲ +0,2 pt hoger dan in 2020"),
// never colour alone; the arrow is hidden from screen readers, which read the words.
#include <cmath>

#include <fmt/format.h>

#include "publish/chart/chart.h"
#include "publish/chart/chart_svg.h"
#include "publish/core/html.h"
#include "publish/core/messages.h"

namespace jbr::publish::svg {
namespace {

// Percentages change in points ("+0,2 pt"); other units in percent of last year ("+3,1%").
std::string Change(const ChartSpec& spec, double now, double before) {
  const bool points = spec.unit == "%";
  const double delta =
      points ? now - before : (before != 0 ? (now - before) / std::fabs(before) * 100 : 0);
  const int decimals = points ? DisplayDecimals(spec.unit) : 1;
  // Compare what the reader sees, so "+0,0" is never called a rise.
  const std::string shown = FormatSigned(delta, decimals, spec.lang);
  const bool flat = shown.find_first_not_of("+-0.,") == std::string::npos;
  const std::string& prev = spec.categories[spec.categories.size() - 2];
  const char* arrow = flat ? "=" : delta > 0 ? "▲" : "▼";
  std::string words = flat ? (Tr(Msg::kSameAsIn, spec.lang)) + prev
                           : (delta > 0 ? (Tr(Msg::kHigherThanIn, spec.lang))
                                        : (Tr(Msg::kLowerThanIn, spec.lang))) +
                                 prev;
  return fmt::format(
      "<span aria-hidden=\"true\">{}</span> {}{} <span class=\"kf-change-text\">{}</span>", arrow,
      HtmlEscape(shown), points ? " pt" : "%", HtmlEscape(words));
}

std::string Tile(const ChartSpec& spec, const ChartSeries& s) {
  const size_t last = spec.categories.size() - 1;
  const ChartCell& now = s.cells[last];
  std::string out = "<li class=\"key-figure\">";
  out +=
      fmt::format("<p class=\"kf-value\"{}>{}</p>",
                  now.cell.empty() ? "" : fmt::format(" data-cell=\"{}\"", HtmlEscape(now.cell)),
                  HtmlEscape(now.value ? ValueText(spec, *now.value) : CellMark(now, spec.lang)));
  out += fmt::format("<p class=\"kf-label\">{}, {}</p>", HtmlEscape(s.label),
                     HtmlEscape(spec.categories[last]));
  if (last > 0 && now.value && s.cells[last - 1].value) {
    out += fmt::format("<p class=\"kf-change\">{}</p>",
                       Change(spec, *now.value, *s.cells[last - 1].value));
  }
  return out + "</li>\n";
}

}  // namespace

std::string KeyFigureTiles(const ChartSpec& spec) {
  std::string out = "<ul class=\"key-figures\">\n";
  for (const ChartSeries& s : spec.series) out += Tile(spec, s);
  return out + "</ul>\n";
}

}  // namespace jbr::publish::svg
