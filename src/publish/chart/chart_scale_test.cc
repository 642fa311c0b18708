#include "publish/chart/chart_scale.h"

#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

// Expected axes worked out by hand: raw step (max-min)/5 rounded up to 1, 2 or 5 x 10^k.
TEST(ChartScale, RoundsToOneTwoFiveSteps) {
  AxisScale s = NiceScale(0, 100, true);  // raw 20 -> 20
  EXPECT_DOUBLE_EQ(s.lo, 0);
  EXPECT_DOUBLE_EQ(s.hi, 100);
  EXPECT_DOUBLE_EQ(s.step, 20);
  s = NiceScale(0, 5.2, true);  // raw 1.04 -> 2, 5.2 rounds out to 6
  EXPECT_DOUBLE_EQ(s.hi, 6);
  EXPECT_DOUBLE_EQ(s.step, 2);
  s = NiceScale(0, 142677, true);  // raw 28535 -> 50000
  EXPECT_DOUBLE_EQ(s.hi, 150000);
  EXPECT_DOUBLE_EQ(s.step, 50000);
  s = NiceScale(4.9, 5.4, false);  // raw 0.1 -> 0.1, no zero for lines
  EXPECT_NEAR(s.lo, 4.9, 1e-12);
  EXPECT_NEAR(s.hi, 5.4, 1e-12);
  EXPECT_NEAR(s.step, 0.1, 1e-12);
}

TEST(ChartScale, BarsAlwaysIncludeZero) {
  AxisScale s = NiceScale(30, 80, true);  // 0..80, raw 16 -> 20
  EXPECT_DOUBLE_EQ(s.lo, 0);
  EXPECT_DOUBLE_EQ(s.hi, 80);
  s = NiceScale(-12, 30, true);  // raw 8.4 -> 10
  EXPECT_DOUBLE_EQ(s.lo, -20);
  EXPECT_DOUBLE_EQ(s.hi, 30);
}

TEST(ChartScale, FlatRangesStillHaveAnAxis) {
  AxisScale s = NiceScale(0, 0, true);
  EXPECT_DOUBLE_EQ(s.lo, 0);
  EXPECT_DOUBLE_EQ(s.hi, 1);
  s = NiceScale(5, 5, false);  // widened by 10%: 4.5..5.5, raw 0.2
  EXPECT_LT(s.lo, 5);
  EXPECT_GT(s.hi, 5);
}

TEST(ChartScale, TicksAndMapping) {
  const AxisScale s{0, 100, 20};
  const std::vector<double> ticks = s.Ticks();
  ASSERT_EQ(ticks.size(), 6u);
  EXPECT_DOUBLE_EQ(ticks[5], 100);
  EXPECT_DOUBLE_EQ(s.Map(50, 224, 24), 124);  // halfway up a 200-unit plot
  EXPECT_DOUBLE_EQ(s.Map(0, 224, 24), 224);
}

}  // namespace
}  // namespace jbr::publish
