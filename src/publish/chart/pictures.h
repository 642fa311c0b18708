// The pictures of the public version ("hoofdlijnen"): small SVG drawings that each carry one
// figure, for a reader who looks rather than reads. Every picture is an
// <svg role="img" aria-labelledby="ID-t"> whose <title> is its message in a sentence (the text
// alternative), drawn in user units of its viewBox and scaled to its box by the stylesheet.
//
// A figure without a value (suppressed or not delivered) draws no mark but its text ("." or
// "n.g."), as the charts do (chart.h). Bars start at zero; a scale never hides a figure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "publish/core/html.h"

namespace jbr::publish::pictures {

struct Value {
  std::optional<double> value;  // empty: suppressed or missing
  std::string text;             // as the reader sees it: "5,2%", "." or "n.g."
  std::string cell;             // the open-data cell key (data-cell), empty when none
};

// A horizontal bar from 0 to `scale_max` filled to the value, with the norm as a dark tick that
// carries `norm_label`, and last year's value as a thin outline mark when given.
struct NormBarSpec {
  std::string id, message;
  Value value;
  std::optional<Value> previous;
  std::string previous_label;  // "2020"
  double scale_max = 100;
  std::string max_label;  // the gauge's right end: "20%"
  std::optional<double> norm;
  std::string norm_label;  // "norm: maximaal 10%"
  std::string color = "#01689b";
};
std::string NormBar(const NormBarSpec& s);

// A half-circle gauge from 0 to `scale_max` with the value as the filled arc and the norm as a
// radial tick, the figure in large type under the arc.
std::string Gauge(const NormBarSpec& s);

// A small multiple of the years: one bar per year (the last one dark, the others light), the
// figure over each bar (also used for a few categories, with highlight_last off), all on one scale
// from 0; the norm as a dashed line when given.
struct YearBarsSpec {
  std::string id, message;
  std::vector<std::string> years;
  std::vector<Value> values;  // one per year
  std::optional<double> norm;
  std::string norm_label;
  bool highlight_last = true;  // false: bars of categories (age bands), all alike
  double height = 170;         // of the viewBox (320 wide); lower for a wide, flat picture
};
std::string YearBars(const YearBarsSpec& s);

// A unit chart: one mark per `unit` (1.000 employees, 100 jobs), rounded to whole marks. With a
// target, the marks up to the target that the count does not reach are drawn as outlines.
// MarkCount is the number of filled marks drawn: round(count / unit).
struct UnitChartSpec {
  std::string id, message;
  double count = 0;
  double unit = 1000;
  std::optional<double> target;
  std::string legend;   // "1 poppetje = 1.000 medewerkers"
  std::string legend2;  // a second line, under it ("open blokje: nog niet gehaald"), or empty
  bool person = true;   // a person shape, else a square
};
int MarkCount(double count, double unit);
std::string UnitChart(const UnitChartSpec& s);

// Stacked bars per year of the parts of a whole (CO2 by source), 2..5 parts, each with its colour
// and its label once beside the last bar, the year's total over each bar.
struct StackPart {
  std::string label, color;
  std::vector<Value> values;  // one per year
};
struct StackedYearsSpec {
  std::string id, message;
  std::vector<std::string> years;
  std::vector<StackPart> parts;
  std::vector<std::string> totals;  // the text over each bar
};
std::string StackedYears(const StackedYearsSpec& s);

// Horizontal bars of shares (0-100%), one a row with its label and figure.
struct ShareRow {
  std::string label;
  Value value;
};
struct ShareBarsSpec {
  std::string id, message;
  std::vector<ShareRow> rows;
};
std::string ShareBars(const ShareBarsSpec& s);

// The path to a goal: a line from the base year's 100 to the goal (e.g. 50 in 2030), dashed, and
// the measured years as points on it, with their index. Points without a value are left out.
struct GoalPathSpec {
  std::string id, message;
  int base_year = 0, goal_year = 0;
  double goal = 50;                           // the goal as an index (base year = 100)
  std::vector<std::pair<int, Value>> points;  // year, index
  std::string base_label, goal_label;
  std::string note;  // said under the path instead of the points, e.g. why nothing is measured
};
std::string GoalPath(const GoalPathSpec& s);

}  // namespace jbr::publish::pictures
