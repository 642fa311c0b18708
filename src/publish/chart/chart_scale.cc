#include "publish/chart/chart_scale.h"

#include <algorithm>
#include <cmath>

namespace jbr::publish {

std::vector<double> AxisScale::Ticks() const {
  std::vector<double> ticks;
  const int n = static_cast<int>(std::lround((hi - lo) / step));
  for (int i = 0; i <= n; ++i) ticks.push_back(lo + i * step);  // no accumulated error
  return ticks;
}

AxisScale NiceScale(double min, double max, bool zero) {
  if (zero) {
    min = std::min(min, 0.0);
    max = std::max(max, 0.0);
  }
  if (max <= min) {  // with `zero` only when both are 0
    if (min == 0) return {0, 1, 0.2};
    const double pad = std::fabs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const double raw = (max - min) / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double norm = raw / magnitude;
  const double factor = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  const double step = factor * magnitude;
  // A tiny tolerance keeps 100 from rounding out to 120 when 100/20 lands at 5.000000000001.
  const double lo = std::floor(min / step + 1e-9) * step;
  const double hi = std::ceil(max / step - 1e-9) * step;
  return {lo, hi > lo ? hi : lo + step, step};
}

}  // namespace jbr::publish
