#include "publish/chart/chart_check.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "indicators/engine.h"
#include "publish/chart/palette.h"

namespace jbr::publish {
namespace {

constexpr size_t kMaxSeries = 5;
constexpr size_t kMaxTiles = 12;

Status Fail(const ChartSpec& spec, const std::string& why) {
  return UsageError(fmt::format("chart {}: {}", spec.id.empty() ? "(no id)" : spec.id, why));
}

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

bool ValidId(const std::string& id) {
  if (id.empty() || !((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) {
    return false;
  }
  for (char c : id) {
    if (!IsIdChar(c)) return false;
  }
  return true;
}

// Series drawn side by side in one plot, where marks must differ.
bool SharesOnePlot(ChartKind k) {
  return k == ChartKind::kGroupedBars || k == ChartKind::kStackedBars ||
         k == ChartKind::kTimeSeries;
}

Status CheckTexts(const ChartSpec& spec) {
  if (!ValidId(spec.id)) {
    return Fail(spec, "the id must start with a letter and hold only letters, digits, - and _");
  }
  if (spec.title.empty()) return Fail(spec, "no title: give the message of the chart");
  if (spec.description.empty()) return Fail(spec, "no description: give a text alternative");
  if (spec.opendata_href.empty()) return Fail(spec, "no opendata_href: link the open data file");
  return Status::Ok();
}

Status CheckSeriesCount(const ChartSpec& spec) {
  const size_t n = spec.series.size();
  switch (spec.kind) {
    case ChartKind::kBars:
    case ChartKind::kHorizontalBars:
      if (n != 1) return Fail(spec, fmt::format("bars show 1 series, not {}: use grouped bars", n));
      break;
    case ChartKind::kGroupedBars:
    case ChartKind::kStackedBars:
    case ChartKind::kTimeSeries:
      if (n < (spec.kind == ChartKind::kTimeSeries ? 1u : 2u)) {
        return Fail(spec, fmt::format("{} series is too few for this kind of chart", n));
      }
      if (n > kMaxSeries) {
        return Fail(spec, fmt::format("{} series, at most {}: use small multiples", n, kMaxSeries));
      }
      break;
    case ChartKind::kKeyFigures:
      if (n < 1 || n > kMaxTiles) {
        return Fail(spec, fmt::format("{} key figures, give 1 to {}", n, kMaxTiles));
      }
      break;
    case ChartKind::kSmallMultiples:
      if (n < 1) return Fail(spec, "no series: small multiples need one per panel");
      break;
  }
  return Status::Ok();
}

Status CheckCells(const ChartSpec& spec) {
  if (spec.categories.empty()) return Fail(spec, "no categories");
  for (const ChartSeries& s : spec.series) {
    if (s.cells.size() != spec.categories.size()) {
      return Fail(spec, fmt::format("series '{}' has {} cells for {} categories", s.label,
                                    s.cells.size(), spec.categories.size()));
    }
    for (size_t i = 0; i < s.cells.size(); ++i) {
      const ChartCell& c = s.cells[i];
      const bool published = c.state == CellState::kPublished;
      if (published && !(c.value && std::isfinite(*c.value))) {
        return Fail(spec, fmt::format("series '{}', {}: a published cell without a finite value",
                                      s.label, spec.categories[i]));
      }
      if (!published && c.value) {
        return Fail(spec, fmt::format("series '{}', {}: a suppressed or missing cell carries a "
                                      "value; drop it so it cannot leak",
                                      s.label, spec.categories[i]));
      }
    }
  }
  return Status::Ok();
}

Status CheckColors(const ChartSpec& spec) {
  const Rgb white = *ParseHexColor(kBackground);
  std::optional<Rgb> previous;
  for (size_t i = 0; i < spec.series.size(); ++i) {
    const std::string color = SeriesColor(spec, i);
    const auto rgb = ParseHexColor(color);
    if (!rgb) return Fail(spec, fmt::format("colour '{}' is not #rrggbb", color));
    const double on_white = ContrastRatio(*rgb, white);
    if (on_white < kMinMarkContrast) {
      return Fail(spec, fmt::format("colour {} of series '{}' reaches {:.2f}:1 on white, needs "
                                    "3:1: take a darker colour",
                                    color, spec.series[i].label, on_white));
    }
    if (spec.kind == ChartKind::kStackedBars && !spec.stack_gap && previous &&
        ContrastRatio(*rgb, *previous) < kMinMarkContrast) {
      return Fail(spec,
                  fmt::format("stacked colours {} and {} reach {:.2f}:1 against each other, "
                              "need 3:1: set stack_gap or change a colour",
                              SeriesColor(spec, i - 1), color, ContrastRatio(*rgb, *previous)));
    }
    previous = rgb;
  }
  for (auto text : {kTextColor, kAxisColor, kNormColor}) {
    if (ContrastRatio(*ParseHexColor(text), white) < kMinTextContrast) {
      return InternalError(fmt::format("text colour {} below 4.5:1 on white", text));
    }
  }
  return Status::Ok();
}

Status CheckMarks(const ChartSpec& spec) {
  if (!SharesOnePlot(spec.kind) || spec.series.size() < 2) return Status::Ok();
  std::set<Mark> seen;
  for (size_t i = 0; i < spec.series.size(); ++i) {
    if (spec.series[i].label.empty())
      return Fail(spec, fmt::format("series {} has no label", i + 1));
    if (!seen.insert(SeriesMark(spec, i)).second) {
      return Fail(spec, fmt::format("series '{}' has the same mark (pattern or marker) as another: "
                                    "colour alone must not tell series apart",
                                    spec.series[i].label));
    }
  }
  return Status::Ok();
}

bool IsBars(const ChartSpec& spec) {
  return spec.kind == ChartKind::kBars || spec.kind == ChartKind::kHorizontalBars ||
         spec.kind == ChartKind::kGroupedBars || spec.kind == ChartKind::kStackedBars ||
         (spec.kind == ChartKind::kSmallMultiples && spec.panel_kind == ChartKind::kBars);
}

Status CheckAxis(const ChartSpec& spec) {
  const bool bars = IsBars(spec) && spec.kind != ChartKind::kSmallMultiples;
  if (spec.reference &&
      !(spec.kind == ChartKind::kBars || spec.kind == ChartKind::kHorizontalBars)) {
    return Fail(spec, "a reference line is drawn on single bars only");
  }
  if (bars && spec.categories.size() > 1) {
    for (const auto& c : spec.categories) {
      if (c == kRijk) {
        return Fail(spec,
                    "the Rijk is a bar beside the ministries, which makes every ministry look "
                    "tiny: give the Rijk as the reference line or in the title");
      }
    }
  }
  if (IsBars(spec)) {
    const AxisScale s = ValueScale(spec);
    if (s.lo > 0 || s.hi < 0) return Fail(spec, "a bar chart's axis must start at zero");
  }
  return Status::Ok();
}

}  // namespace

AxisScale ValueScale(const ChartSpec& spec) {
  double lo = 0, hi = 0;
  bool first = true;
  auto take = [&](double v) {
    lo = first ? v : std::min(lo, v);
    hi = first ? v : std::max(hi, v);
    first = false;
  };
  if (spec.kind == ChartKind::kStackedBars) {
    for (size_t c = 0; c < spec.categories.size(); ++c) {
      double up = 0, down = 0;
      for (const ChartSeries& s : spec.series) {
        const double v = c < s.cells.size() ? s.cells[c].value.value_or(0) : 0;
        (v >= 0 ? up : down) += v;
      }
      take(up);
      take(down);
    }
  } else {
    for (const ChartSeries& s : spec.series) {
      for (const ChartCell& c : s.cells) {
        if (c.value) take(*c.value);
      }
    }
  }
  if (spec.norm) take(spec.norm->value);
  if (spec.reference) take(spec.reference->value);
  if (first) lo = hi = 0;
  return NiceScale(lo, hi, IsBars(spec));
}

bool OmitsZero(const AxisScale& s) { return s.lo > 0 || s.hi < 0; }

std::string SeriesColor(const ChartSpec& spec, size_t i) {
  if (!spec.series[i].color.empty()) return spec.series[i].color;
  if (spec.kind == ChartKind::kSmallMultiples) return std::string(kSeriesColors[0]);
  return std::string(kSeriesColors[i % kSeriesColors.size()]);
}

Mark SeriesMark(const ChartSpec& spec, size_t i) {
  if (spec.series[i].mark != Mark::kAuto) return spec.series[i].mark;
  if (spec.kind == ChartKind::kSmallMultiples) return Mark::kSolid;  // one series per panel
  return static_cast<Mark>(1 + i % 5);
}

Status CheckChart(const ChartSpec& spec) {
  JBR_RETURN_IF_ERROR(CheckTexts(spec));
  JBR_RETURN_IF_ERROR(CheckSeriesCount(spec));
  JBR_RETURN_IF_ERROR(CheckCells(spec));
  JBR_RETURN_IF_ERROR(CheckColors(spec));
  JBR_RETURN_IF_ERROR(CheckAxis(spec));
  return CheckMarks(spec);
}

}  // namespace jbr::publish
