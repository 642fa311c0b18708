#include "publish/chart/pictures.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "publish/chart/chart_svg.h"
#include "publish/chart/palette.h"

namespace jbr::publish::pictures {
namespace {

using svg::Num;

constexpr const char* kDark = "#154273";   // logo blue: this year, filled marks
constexpr const char* kLight = "#007bc7";  // sky blue: earlier years (4.1:1 on white)
constexpr const char* kTrack = "#e8f1f8";  // the empty part of a bar (no mark: never the figure)

std::string Open(const std::string& id, const std::string& message, double w, double h,
                 const char* cls) {
  return fmt::format(
      "<svg class=\"picture {}\" role=\"img\" aria-labelledby=\"{}-t\" viewBox=\"0 0 {} {}\" "
      "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"inherit\">\n<title "
      "id=\"{}-t\">{}</title>\n",
      cls, HtmlEscape(id), Num(w), Num(h), HtmlEscape(id), HtmlEscape(message));
}

std::string Txt(double x, double y, const std::string& text, const char* anchor, int size,
                bool bold = false, const char* color = nullptr) {
  return fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{}\"{} fill=\"{}\">{}</text>\n",
      Num(x), Num(y), anchor, size, bold ? " font-weight=\"bold\"" : "",
      color ? color : std::string(kTextColor).c_str(), HtmlEscape(text));
}

std::string Rect(double x, double y, double w, double h, const char* fill) {
  return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>\n", Num(x),
                     Num(y), Num(std::max(0.0, w)), Num(std::max(0.0, h)), fill);
}

std::string Cell(const Value& v, const std::string& drawing) {
  if (v.cell.empty()) return drawing;
  return fmt::format("<g data-cell=\"{}\">\n{}</g>\n", HtmlEscape(v.cell), drawing);
}

double Clamp01(double v) { return std::clamp(v, 0.0, 1.0); }

// A person: a head and a rounded body, 10 wide and 20 high from (x, y), filled or outlined.
std::string Person(double x, double y, bool filled) {
  const char* fill = filled ? kDark : "#ffffff";
  return fmt::format(
      "<g fill=\"{0}\" stroke=\"{1}\" stroke-width=\"1.2\"><circle cx=\"{2}\" cy=\"{3}\" "
      "r=\"3.2\"/><path d=\"M{4} {5}v-5a4.5 4.5 0 0 1 9 0v5z\"/></g>\n",
      fill, kDark, Num(x + 5), Num(y + 4), Num(x + 0.5), Num(y + 19));
}

}  // namespace

std::string NormBar(const NormBarSpec& s) {
  const double w = 320, left = 4, right = 316, bar_y = 30, bar_h = 34;
  const double span = right - left;
  auto x_of = [&](double v) { return left + span * Clamp01(v / s.scale_max); };
  std::string out = Open(s.id, s.message, w, bar_y + bar_h + 32, "norm-bar");
  out += Rect(left, bar_y, span, bar_h, kTrack);
  std::string bar;
  if (s.value.value) bar = Rect(left, bar_y, x_of(*s.value.value) - left, bar_h, s.color.c_str());
  bar += Txt(left, bar_y - 8, s.value.text, "start", 20, true);
  out += Cell(s.value, bar);
  if (s.previous && s.previous->value) {
    const double px = x_of(*s.previous->value);
    out += fmt::format(
        "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\" "
        "stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\n",
        Num(px), Num(bar_y + bar_h), Num(bar_y + bar_h + 10), kTextColor);
    out += Txt(px, bar_y + bar_h + 22, fmt::format("{}: {}", s.previous_label, s.previous->text),
               px > w / 2 ? "end" : "start", 13);
  }
  if (s.norm) {
    const double nx = x_of(*s.norm);
    out += fmt::format(
        "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"{3}\" "
        "stroke-width=\"3\"/>\n",
        Num(nx), Num(bar_y - 6), Num(bar_y + bar_h + 4), kNormColor);
    out += Txt(nx, bar_y - 8, s.norm_label, nx > w * 0.55 ? "end" : "start", 13, false,
               std::string(kNormColor).c_str());
  }
  return out + "</svg>\n";
}

std::string Gauge(const NormBarSpec& s) {
  const double cx = 160, cy = 138, r = 110, thick = 30;
  const double pi = std::numbers::pi;
  auto point = [&](double frac, double radius) {
    const double a = pi * (1 - frac);  // 0 at the left end, 1 at the right end
    return std::make_pair(cx + radius * std::cos(a), cy - radius * std::sin(a));
  };
  auto arc = [&](double from, double to, const char* color) {
    const auto [x0, y0] = point(from, r - thick / 2);
    const auto [x1, y1] = point(to, r - thick / 2);
    return fmt::format(
        "<path d=\"M{} {}A{} {} 0 0 1 {} {}\" fill=\"none\" stroke=\"{}\" "
        "stroke-width=\"{}\"/>\n",
        Num(x0), Num(y0), Num(r - thick / 2), Num(r - thick / 2), Num(x1), Num(y1), color,
        Num(thick));
  };
  std::string out = Open(s.id, s.message, 320, 180, "gauge");
  out += arc(0, 1, kTrack);
  std::string mark;
  if (s.value.value) {
    const double f = Clamp01(*s.value.value / s.scale_max);
    if (f > 0) mark += arc(0, f, s.color.c_str());
  }
  mark += Txt(cx, cy - 8, s.value.text, "middle", 30, true);
  out += Cell(s.value, mark);
  if (s.norm) {
    const double f = Clamp01(*s.norm / s.scale_max);
    const auto [x0, y0] = point(f, r - thick - 6);
    const auto [x1, y1] = point(f, r + 6);
    out += fmt::format(
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
        "stroke-width=\"4\"/>\n",
        Num(x0), Num(y0), Num(x1), Num(y1), kNormColor);
    const auto [lx, ly] = point(f, r + 12);
    out += Txt(lx, ly, s.norm_label, f > 0.5 ? "start" : "end", 14, true,
               std::string(kNormColor).c_str());
  }
  out += Txt(cx - r + thick / 2, cy + 18, "0", "middle", 14);
  out += Txt(cx + r - thick / 2, cy + 18, s.max_label, "middle", 14);
  if (s.previous && s.previous->text.size()) {
    out +=
        Txt(cx, cy + 30, fmt::format("{}: {}", s.previous_label, s.previous->text), "middle", 15);
  }
  return out + "</svg>\n";
}

std::string YearBars(const YearBarsSpec& s) {
  const double w = 320, top = 26, h = s.height, bottom = h - 22;
  double max = s.norm.value_or(0);
  for (const auto& v : s.values) {
    if (v.value) max = std::max(max, *v.value);
  }
  if (max <= 0) max = 1;
  const size_t n = s.years.size();
  const double band = (w - 8) / std::max<size_t>(n, 1);
  std::string out = Open(s.id, s.message, w, h, "year-bars");
  for (size_t i = 0; i < n; ++i) {
    const Value& v = s.values[i];
    const double x = 4 + band * i + band * 0.15, bw = band * 0.7;
    const bool last = s.highlight_last && i + 1 == n;  // drawn dark and bold
    const bool dark = last || !s.highlight_last;
    std::string g;
    double y = bottom;
    if (v.value && *v.value > 0) {
      y = bottom - (bottom - top) * (*v.value / max);
      g += Rect(x, y, bw, bottom - y, dark ? kDark : kLight);
    }
    g += Txt(x + bw / 2, y - 6, v.text, "middle", last ? 16 : 14, last);
    out += Cell(v, g);
    out += Txt(x + bw / 2, bottom + 16, s.years[i], "middle", 14, last);
  }
  out += fmt::format(
      "<line x1=\"2\" x2=\"{}\" y1=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>\n",
      Num(w - 2), Num(bottom), Num(bottom), kAxisColor);
  if (s.norm) {
    const double ny = bottom - (bottom - top) * (*s.norm / max);
    out += fmt::format(
        "<line x1=\"2\" x2=\"{0}\" y1=\"{1}\" y2=\"{1}\" stroke=\"{2}\" "
        "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n",
        Num(w - 2), Num(ny), kNormColor);
    out += Txt(w - 2, ny - 4, s.norm_label, "end", 13, false, std::string(kNormColor).c_str());
  }
  return out + "</svg>\n";
}

int MarkCount(double count, double unit) {
  if (unit <= 0 || !std::isfinite(count) || count <= 0) return 0;
  return static_cast<int>(std::lround(count / unit));
}

std::string UnitChart(const UnitChartSpec& s) {
  const int filled = MarkCount(s.count, s.unit);
  const int total = std::max(filled, s.target ? MarkCount(*s.target, s.unit) : 0);
  // Marks 1.75 times as high as wide: columns = sqrt(3 n) makes it about twice as wide as high,
  // so that a crowd is not drawn so tall that its legend shrinks. Squares are as high as wide:
  // then about four times as wide as high.
  const double ratio = s.person ? 1.75 : 1.0;
  const int columns =
      std::clamp(static_cast<int>(std::ceil(std::sqrt((s.person ? 3.0 : 4.0) * total))), 1, 25);
  const int rows = std::max(1, (total + columns - 1) / columns);
  const double w = 320, cell_w = std::min(40.0, (w - 8) / columns), cell_h = cell_w * ratio;
  const double k = cell_w / 13;  // a mark is drawn 13 by 23 and scaled to its cell
  const double h = rows * cell_h + (s.legend2.empty() ? 26 : 44);
  std::string out = Open(s.id, s.message, w, h, "unit-chart");
  for (int i = 0; i < total; ++i) {
    const double x = 4 + (i % columns) * cell_w, y = 2 + (i / columns) * cell_h;
    out += fmt::format("<g transform=\"translate({} {}) scale({})\">", Num(x), Num(y), Num(k));
    if (s.person) {
      out += Person(0, 0, i < filled);
    } else {
      out += fmt::format(
          "<rect x=\"1.5\" y=\"1.5\" width=\"9.5\" height=\"9.5\" fill=\"{}\" "
          "stroke=\"{}\" stroke-width=\"1.2\"/>",
          i < filled ? kDark : "#ffffff", kDark);
    }
    out += "</g>\n";
  }
  const double legend_y = rows * cell_h + 20;
  out += Txt(4, legend_y, s.legend, "start", 14);
  if (!s.legend2.empty()) out += Txt(4, legend_y + 18, s.legend2, "start", 14);
  return out + "</svg>\n";
}

std::string StackedYears(const StackedYearsSpec& s) {
  const double w = 380, top = 22, bottom = 196, h = 216, label_x = 274;
  const size_t n = s.years.size();
  double max = 0;
  for (size_t i = 0; i < n; ++i) {
    double sum = 0;
    for (const auto& p : s.parts) sum += p.values[i].value.value_or(0);
    max = std::max(max, sum);
  }
  if (max <= 0) max = 1;
  const double band = (label_x - 8) / std::max<size_t>(n, 1);
  std::string out = Open(s.id, s.message, w, h, "stacked-years");
  std::vector<double> last_mid(s.parts.size(), bottom);
  for (size_t i = 0; i < n; ++i) {
    const double x = 4 + band * i + band * 0.15, bw = band * 0.7;
    double y = bottom;
    for (size_t p = 0; p < s.parts.size(); ++p) {
      const Value& v = s.parts[p].values[i];
      if (!v.value || *v.value <= 0) continue;
      const double bh = (bottom - top) * (*v.value / max);
      // A white line between segments, so neighbouring colours need not contrast with each other.
      out += Cell(v, fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" "
                                 "stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n",
                                 Num(x), Num(y - bh), Num(bw), Num(bh), s.parts[p].color));
      last_mid[p] = y - bh / 2;
      y -= bh;
    }
    out += Txt(x + bw / 2, y - 6, i < s.totals.size() ? s.totals[i] : "", "middle", 14, i + 1 == n);
    out += Txt(x + bw / 2, bottom + 16, s.years[i], "middle", 14, i + 1 == n);
  }
  out += fmt::format(
      "<line x1=\"2\" x2=\"{0}\" y1=\"{1}\" y2=\"{1}\" stroke=\"{2}\" stroke-width=\"1.5\"/>\n",
      Num(label_x - 4), Num(bottom), kAxisColor);
  // Direct labels beside the last bar, pushed apart so that they never overlap.
  double next_free = bottom + 4;
  for (size_t p = 0; p < s.parts.size(); ++p) {
    const double y = std::min(last_mid[p] + 4, next_free - 2);
    next_free = y - 16;
    out += Rect(label_x, y - 9, 9, 9, s.parts[p].color.c_str());
    out += Txt(label_x + 13, y, s.parts[p].label, "start", 13);
  }
  return out + "</svg>\n";
}

std::string ShareBars(const ShareBarsSpec& s) {
  const double w = 320, row_h = 38;
  const double h = row_h * static_cast<double>(s.rows.size()) + 4;
  std::string out = Open(s.id, s.message, w, h, "share-bars");
  for (size_t i = 0; i < s.rows.size(); ++i) {
    const ShareRow& r = s.rows[i];
    const double y = 4 + row_h * i;
    out += Txt(4, y + 12, r.label, "start", 14);
    std::string g = Rect(4, y + 17, 240, 13, kTrack);
    if (r.value.value) g += Rect(4, y + 17, 240 * Clamp01(*r.value.value / 100), 13, kDark);
    g += Txt(316, y + 29, r.value.text, "end", 17, true);
    out += Cell(r.value, g);
  }
  return out + "</svg>\n";
}

std::string GoalPath(const GoalPathSpec& s) {
  const double w = 320, left = 30, right = 300, top = 24, bottom = 118, h = 156;
  auto x_of = [&](double year) {
    return left + (right - left) * (year - s.base_year) / std::max(1, s.goal_year - s.base_year);
  };
  auto y_of = [&](double index) { return bottom - (bottom - top) * index / 100.0; };
  std::string out = Open(s.id, s.message, w, h, "goal-path");
  out += fmt::format(
      "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1.5\"/>\n",
      Num(left), Num(right), Num(bottom), kAxisColor);
  out += fmt::format(
      "<path d=\"M{} {}L{} {}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\" "
      "stroke-dasharray=\"7 5\"/>\n",
      Num(x_of(s.base_year)), Num(y_of(100)), Num(x_of(s.goal_year)), Num(y_of(s.goal)),
      kNormColor);
  out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"{}\"/>\n", Num(x_of(s.base_year)),
                     Num(y_of(100)), kNormColor);
  out += fmt::format(
      "<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"#ffffff\" stroke=\"{}\" "
      "stroke-width=\"2.5\"/>\n",
      Num(x_of(s.goal_year)), Num(y_of(s.goal)), kNormColor);
  out += Txt(x_of(s.base_year), y_of(100) - 9, s.base_label, "start", 14);
  out += Txt(x_of(s.goal_year), y_of(s.goal) + 24, s.goal_label, "end", 14, true,
             std::string(kNormColor).c_str());
  out += Txt(x_of(s.base_year), bottom + 16, std::to_string(s.base_year), "middle", 14);
  out += Txt(x_of(s.goal_year), bottom + 16, std::to_string(s.goal_year), "middle", 14);
  // The measured years as dots joined by a line; the latest is labelled with its index and its year
  // (years a year apart would run into each other); the text alternative gives every one.
  std::string missing, line;
  const std::pair<int, Value>* last = nullptr;
  for (const auto& point : s.points) {
    const auto& [year, v] = point;
    if (!v.value) {
      missing += fmt::format("{}{}: {}", missing.empty() ? "" : ", ", year, v.text);
      continue;
    }
    line += fmt::format("{}{} {}", line.empty() ? "M" : "L", Num(x_of(year)), Num(y_of(*v.value)));
    out += Cell(v, fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{}\"/>\n",
                               Num(x_of(year)), Num(y_of(*v.value)), kDark));
    last = &point;
  }
  if (!line.empty()) {
    out += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>\n", line,
                       kDark);
  }
  if (last != nullptr) {
    const double x = x_of(last->first), y = y_of(*last->second.value);
    out += Txt(x, y + 20, last->second.text, "middle", 15, true);
    // The year under the axis, unless it would run into the base year's or the goal year's.
    if (x - x_of(s.base_year) > 40 && x_of(s.goal_year) - x > 40) {
      out += Txt(x, bottom + 16, std::to_string(last->first), "middle", 14, true);
    }
  }
  // Years without a measured index (the base year not delivered) are named once, not drawn.
  if (!missing.empty()) out += Txt((left + right) / 2, bottom + 34, missing, "middle", 13);
  if (!s.note.empty())
    out += Txt((left + right) / 2, bottom + (missing.empty() ? 34 : 50), s.note, "middle", 13);
  return out + "</svg>\n";
}

}  // namespace jbr::publish::pictures
