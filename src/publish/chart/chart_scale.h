// Value axes of charts: round ticks in steps of 1, 2 or 5 times a power of ten, and the mapping
// of a value to a position. Internal to the chart renderers; public for its tests.
#pragma once

#include <vector>

namespace jbr::publish {

struct AxisScale {
  double lo = 0, hi = 1, step = 1;  // lo and hi are multiples of step, lo < hi

  std::vector<double> Ticks() const;  // lo, lo+step, ..., hi
  // The position of `v` on an axis drawn from `from` (at lo) to `to` (at hi), linear. For a
  // vertical axis pass from = bottom, to = top.
  double Map(double v, double from, double to) const {
    return from + (v - lo) / (hi - lo) * (to - from);
  }
};

// The smallest round axis covering [min, max] with about five steps: the raw step (max-min)/5 is
// rounded up to 1, 2, 5 or 10 times its power of ten; lo and hi are min and max rounded out to a
// step. With `zero` (bars) the axis includes 0. A flat range (min == max) widens to one step
// around it; an all-zero one becomes 0..1.
AxisScale NiceScale(double min, double max, bool zero);

}  // namespace jbr::publish
