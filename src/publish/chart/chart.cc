#include "publish/chart/chart.h"
#include "publish/core/messages.h"

#include <fmt/format.h>

#include "publish/chart/chart_check.h"
#include "publish/chart/chart_svg.h"
#include "publish/core/html.h"

namespace jbr::publish {
namespace {

const char* KindClass(ChartKind k) {
  switch (k) {
    case ChartKind::kBars:
      return "bars";
    case ChartKind::kHorizontalBars:
      return "hbars";
    case ChartKind::kGroupedBars:
      return "grouped";
    case ChartKind::kStackedBars:
      return "stacked";
    case ChartKind::kTimeSeries:
      return "timeseries";
    case ChartKind::kKeyFigures:
      return "keyfigures";
    case ChartKind::kSmallMultiples:
      return "multiples";
  }
  return "bars";
}

bool Has(const ChartSpec& spec, CellState state) {
  for (const ChartSeries& s : spec.series) {
    for (const ChartCell& c : s.cells) {
      if (c.state == state) return true;
    }
  }
  return false;
}

std::string Drawing(const ChartSpec& spec, const std::string& desc) {
  switch (spec.kind) {
    case ChartKind::kHorizontalBars:
      return svg::HorizontalBars(spec, desc);
    case ChartKind::kTimeSeries:
      return svg::TimeSeries(spec, desc);
    case ChartKind::kSmallMultiples:
      return svg::SmallMultiples(spec, desc);
    case ChartKind::kKeyFigures:
      return svg::KeyFigureTiles(spec);
    default:
      return svg::VerticalBars(spec, desc);
  }
}

}  // namespace

std::string ChartDescription(const ChartSpec& spec) {
  std::string desc = spec.description;
  if (Has(spec, CellState::kSuppressed)) {
    desc += Tr(Msg::kADotMeansNotPublished, spec.lang);
  }
  if (Has(spec, CellState::kMissing)) {
    desc += Tr(Msg::kNAMeansNotAvailable, spec.lang);
  }
  if (spec.kind != ChartKind::kKeyFigures) {
    const AxisScale s = ValueScale(spec);
    if (OmitsZero(s)) desc += " " + svg::AxisNote(spec, s);
  }
  return desc;
}

Result<std::string> RenderChart(const ChartSpec& spec) {
  JBR_RETURN_IF_ERROR(CheckChart(spec));
  std::string out = fmt::format("<figure class=\"chart chart-{}\" id=\"{}\" lang=\"{}\">\n",
                                KindClass(spec.kind), spec.id, LangCode(spec.lang));
  out += fmt::format("<figcaption>{}</figcaption>\n", HtmlEscape(spec.title));
  out += Drawing(spec, ChartDescription(spec));
  out += fmt::format("<details><summary>{}</summary>\n{}</details>\n", Tr(Msg::kTable, spec.lang),
                     ScrollTable(RenderDataTable(spec), HtmlEscape(spec.title)));
  out += fmt::format("<p class=\"chart-opendata\"><a href=\"{}\">Open data (CSV)</a></p>\n",
                     HtmlEscape(spec.opendata_href));
  return out + "</figure>\n";
}

}  // namespace jbr::publish
