// The chart directive of the narrative: a chart view of one indicator built from the publication
// and drawn by chart.h (which refuses a chart that fails the contrast or colour-alone checks).
#include "publish/chart/views.h"
#include "publish/core/messages.h"

#include <algorithm>

#include <fmt/format.h>

#include "indicators/engine.h"
#include "publish/chart/chart.h"
#include "publish/core/page.h"

namespace jbr::publish {
namespace {

// A cell, keyed as in the tables so that the privacy test finds it in the chart too.
ChartCell CurrentCell(const PublishedValue* v) {
  if (v == nullptr) return Missing();
  if (v->status == "suppressed") return Suppressed(CellKey(*v));
  if (!v->value) return Missing(CellKey(*v));
  return Figure(*v->value, CellKey(*v));
}

// Last year's figure. For a year figure: last year's cell of the time series (Publication::series:
// this run's previous figure and last year's status), keyed with last year as its period like
// series.csv and the tables. A quarter's has no cell of its own in the open data: its previous
// figure, unkeyed, and "." beside a suppressed quarter.
ChartCell PreviousCell(const PublishedValue* v, const FigureIndex& ix) {
  if (v == nullptr) return Missing();
  if (v->period == std::to_string(ix.year())) {
    return CurrentCell(ix.Find(v->indicator, v->ministry, std::to_string(ix.year() - 1),
                               v->unit_type, v->category));
  }
  if (!v->previous) return v->status == "suppressed" ? Suppressed() : Missing();
  return Figure(*v->previous);
}

std::string SafeId(const std::string& s) {
  std::string out = "chart-";
  for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) ? c : '-');
  return out;
}

struct View {
  std::vector<std::string> labels;
  std::vector<const PublishedValue*> cells;
};

View Collect(const IndicatorDef& def, const std::string& view, const BlockContext& ctx) {
  const FigureIndex& ix = *ctx.index;
  const std::string year = std::to_string(ix.year());
  View v;
  auto add = [&](std::string label, const PublishedValue* cell) {
    v.labels.push_back(std::move(label));
    v.cells.push_back(cell);
  };
  if (view == "ministries") {
    // The Rijk is no bar among them (its bar would dwarf every ministry): it is the title's figure
    // and the reference line (ChartDirective).
    for (const auto& m : ix.Ministries()) {
      if (const auto* c = ix.Find(def.id, m, year)) add(m, c);
    }
  } else if (view == "categories") {
    for (const auto* c : RijkCategories(def, ix)) add(ctx.config->Label(c->category, ctx.lang), c);
  } else if (view == "quarters") {
    for (int q = 1; q <= 4; ++q) {
      if (const auto* c = ix.Find(def.id, kRijk, fmt::format("{}-Q{}", year, q))) {
        add(fmt::format("Q{}", q), c);
      }
    }
  }
  return v;
}

std::string AutoTitle(const IndicatorDef& def, const std::string& view, const BlockContext& ctx) {
  const bool nl = ctx.lang == Lang::kNl;
  const std::string title = nl ? def.title_nl : def.title_en;
  const int year = ctx.index->year();
  const PublishedValue* rijk = ctx.index->Find(def.id, kRijk, std::to_string(year));
  const std::string rijk_text =
      rijk && rijk->status == "published" && rijk->value
          ? fmt::format(", Rijk {}", FormatFigure(*rijk->value, rijk->unit, ctx.lang))
          : "";
  if (view == "ministries") {
    return fmt::format("{} {} {}{}", title, Tr(Msg::kByMinistryIn, ctx.lang), year, rijk_text);
  }
  if (view == "quarters") {
    return fmt::format("{} {} {} {} {}", title, Tr(Msg::kByQuarter, ctx.lang), year,
                       Tr(Msg::kAgainst, ctx.lang), year - 1);
  }
  return fmt::format("{}: {} {} {}", title, year, Tr(Msg::kAnd, ctx.lang), year - 1);
}

// "quarters-by-ministry": a small chart per ministry of its quarters, all on one scale.
Result<std::string> QuartersByMinistry(const IndicatorDef& def, const BlockContext& ctx,
                                       ChartSpec spec) {
  const FigureIndex& ix = *ctx.index;
  const bool nl = ctx.lang == Lang::kNl;
  spec.kind = ChartKind::kSmallMultiples;
  spec.panel_kind = ChartKind::kTimeSeries;
  spec.category_heading = Tr(Msg::kQuarter, ctx.lang);
  spec.series_heading = Tr(Msg::kMinistry, ctx.lang);
  for (int q = 1; q <= 4; ++q) spec.categories.push_back(fmt::format("Q{}", q));
  for (const auto& m : ix.Ministries()) {
    ChartSeries s{m, {}, "", Mark::kAuto};
    bool any = false;
    for (int q = 1; q <= 4; ++q) {
      const PublishedValue* v = ix.Find(def.id, m, fmt::format("{}-Q{}", ix.year(), q));
      any = any || v != nullptr;
      s.cells.push_back(CurrentCell(v));
    }
    if (any) spec.series.push_back(std::move(s));
  }
  if (spec.series.empty()) return UsageError(fmt::format("{} has no quarters by ministry", def.id));
  const std::string title = nl ? def.title_nl : def.title_en;
  if (spec.title.empty()) {
    spec.title =
        fmt::format("{} {} {}", title, Tr(Msg::kByQuarterAndMinistry, ctx.lang), ix.year());
  }
  spec.description =
      fmt::format(fmt::runtime(Tr(Msg::kSmallLineChartsOnePer, ctx.lang)), title, ix.year());
  return RenderChart(spec);
}

// "years": the Rijk's figure over the time series' years, or, for a figure given by category
// only, a line per category (at most five).
Result<std::string> Years(const IndicatorDef& def, const BlockContext& ctx, ChartSpec spec) {
  const FigureIndex& ix = *ctx.index;
  const bool nl = ctx.lang == Lang::kNl;
  const std::string year = std::to_string(ix.year());
  spec.kind = ChartKind::kTimeSeries;
  spec.category_heading = Tr(Msg::kYear, ctx.lang);
  for (int y : ix.SeriesYears()) spec.categories.push_back(std::to_string(y));
  std::vector<std::pair<std::string, std::string>> lines;  // label, category
  if (ix.Find(def.id, kRijk, year) != nullptr) {
    lines.emplace_back(kRijk, "");
  } else {
    for (const auto* c : RijkCategories(def, ix))
      lines.emplace_back(ctx.config->Label(c->category, ctx.lang), c->category);
  }
  if (lines.empty()) return UsageError(fmt::format("{} has no Rijk figure by year", def.id));
  if (lines.size() > 5) {
    return UsageError(fmt::format(
        "{} has {} categories, too many lines for one chart: use ::: table", def.id, lines.size()));
  }
  for (const auto& [label, category] : lines) {
    ChartSeries s{label, {}, "", Mark::kAuto};
    for (int y : ix.SeriesYears())
      s.cells.push_back(CurrentCell(ix.Find(def.id, kRijk, std::to_string(y), "", category)));
    spec.series.push_back(std::move(s));
  }
  if (def.norm) spec.norm = NormLine{def.norm->value, NormText(def, ctx.lang)};
  const std::string title = nl ? def.title_nl : def.title_en;
  const std::string span = fmt::format("{}–{}", spec.categories.front(), spec.categories.back());
  if (spec.title.empty()) {
    spec.title = fmt::format("{}, Rijk, {}", title, span);
  }
  spec.description =
      fmt::format(fmt::runtime(Tr(Msg::kLineChartForTheRijk, ctx.lang)), title, span);
  return RenderChart(spec);
}

}  // namespace

Result<std::string> ChartDirective(const IndicatorDef& def, const std::vector<std::string>& args,
                                   const BlockContext& ctx) {
  const std::string view = args.size() > 1 ? args[1] : "ministries";
  if (view != "ministries" && view != "categories" && view != "quarters" &&
      view != "quarters-by-ministry" && view != "years") {
    return UsageError(fmt::format(
        "unknown chart view '{}' (ministries, categories, quarters, quarters-by-ministry, years)",
        view));
  }
  if (view == "quarters-by-ministry" || view == "years") {
    ChartSpec spec;
    spec.id = SafeId(def.id + "-" + view);
    spec.lang = ctx.lang;
    spec.unit = def.unit;
    // Earlier years are in series.csv, the report year in indicators.csv.
    spec.opendata_href =
        RelativeLink(ctx.page, view == "years" ? "opendata/series.csv" : "opendata/indicators.csv");
    for (size_t i = 2; i < args.size(); ++i)
      spec.title += (spec.title.empty() ? "" : " ") + args[i];
    if (spec.title.find_first_of("0123456789") != std::string::npos) {
      return UsageError(
          "a typed number in the chart title: leave the title out for one with figures");
    }
    if (view == "years") return Years(def, ctx, std::move(spec));
    return QuartersByMinistry(def, ctx, std::move(spec));
  }
  const View data = Collect(def, view, ctx);
  if (data.labels.empty()) return UsageError(fmt::format("{} has no values by {}", def.id, view));
  const bool nl = ctx.lang == Lang::kNl;
  const int year = ctx.index->year();
  ChartSpec spec;
  spec.id = SafeId(def.id + "-" + view);
  spec.lang = ctx.lang;
  spec.unit = def.unit;
  spec.categories = data.labels;
  spec.opendata_href = RelativeLink(ctx.page, "opendata/indicators.csv");
  std::string custom;
  for (size_t i = 2; i < args.size(); ++i) custom += (custom.empty() ? "" : " ") + args[i];
  if (custom.find_first_of("0123456789") != std::string::npos) {
    return UsageError(
        "a typed number in the chart title: leave the title out for one with figures");
  }
  spec.title = custom.empty() ? AutoTitle(def, view, ctx) : custom;
  ChartSeries now{std::to_string(year), {}, "", Mark::kAuto};
  ChartSeries before{std::to_string(year - 1), {}, "", Mark::kAuto};
  for (const auto* c : data.cells) {
    now.cells.push_back(CurrentCell(c));
    before.cells.push_back(PreviousCell(c, *ctx.index));
  }
  const std::string title = nl ? def.title_nl : def.title_en;
  if (view == "ministries") {
    spec.kind = ChartKind::kHorizontalBars;
    spec.category_heading = Tr(Msg::kMinistry, ctx.lang);
    spec.series = {now};
    if (def.norm) spec.norm = NormLine{def.norm->value, NormText(def, ctx.lang)};
    // The Rijk as a line where it is a rate or an average, which lies among the ministries'
    // figures; a total (the sum of them) is the title's figure only, as a line it would dwarf
    // the ministries just as its bar did.
    const PublishedValue* rijk = ctx.index->Find(def.id, kRijk, std::to_string(year));
    double lo = 0, hi = 0;
    bool any = false;
    for (const auto& c : now.cells) {
      if (!c.value) continue;
      lo = any ? std::min(lo, *c.value) : *c.value;
      hi = any ? std::max(hi, *c.value) : *c.value;
      any = true;
    }
    const bool rijk_line = rijk && rijk->status == "published" && rijk->value && any &&
                           *rijk->value >= lo && *rijk->value <= hi;
    if (rijk_line) spec.reference = NormLine{*rijk->value, kRijk};
    spec.description =
        fmt::format(fmt::runtime(Tr(Msg::kBarChartByMinistry, ctx.lang)), title, year,
                    rijk_line ? Tr(Msg::kDottedLineIsTheRijk, ctx.lang) : std::string());
  } else {
    spec.kind = view == "quarters" ? ChartKind::kTimeSeries : ChartKind::kGroupedBars;
    spec.category_heading =
        view == "quarters" ? Tr(Msg::kQuarter, ctx.lang) : Tr(Msg::kKind2, ctx.lang);
    spec.series = {now, before};
    const std::string& kind =
        view == "quarters" ? Tr(Msg::kLineChart, ctx.lang) : Tr(Msg::kBarChart, ctx.lang);
    spec.description = fmt::format(fmt::runtime(Tr(Msg::kForTheRijkNextTo, ctx.lang)), kind, title,
                                   year, year - 1);
  }
  return RenderChart(spec);
}

}  // namespace jbr::publish
