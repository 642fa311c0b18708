#include "publish/chart/pictures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jbr::publish::pictures {
namespace {

using ::testing::HasSubstr;

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(Pictures, UnitChartDrawsOneMarkPerUnitAndOutlinesTheTargetNotReached) {
  // 298 jobs against a target of 4,606, one square per 100: 3 filled (298/100 rounds to 3) and
  // 46 in all (4,606/100 rounds to 46), so 43 outlined.
  EXPECT_EQ(MarkCount(298, 100), 3);
  EXPECT_EQ(MarkCount(4606, 100), 46);
  EXPECT_EQ(MarkCount(14309, 1000), 14);
  EXPECT_EQ(MarkCount(-5, 100), 0);
  UnitChartSpec s;
  s.id = "jobs";
  s.message = "3 gevulde blokjes";
  s.count = 298;
  s.unit = 100;
  s.target = 4606;
  s.person = false;
  const std::string svg = UnitChart(s);
  EXPECT_EQ(Count(svg, "fill=\"#154273\" stroke"), 3u);
  EXPECT_EQ(Count(svg, "fill=\"#ffffff\" stroke"), 43u);
  EXPECT_THAT(svg, HasSubstr("role=\"img\" aria-labelledby=\"jobs-t\""));
  EXPECT_THAT(svg, HasSubstr("<title id=\"jobs-t\">3 gevulde blokjes</title>"));
}

TEST(Pictures, BarsStartAtZeroAndAFigureWithoutValueDrawsNoBar) {
  // Two years, 5.0 and 5.2 on a scale from 0: the plot runs from y=148 (0, the height 170 less
  // 22) to y=26 (the largest, 5.2), so 5.0 is 122 * 5.0 / 5.2 = 117.3 high and 5.2 the full 122.
  YearBarsSpec s;
  s.id = "abs";
  s.message = "m";
  s.years = {"2020", "2021", "2019"};
  s.values = {{5.0, "5,0%", ""}, {5.2, "5,2%", ""}, {std::nullopt, ".", ""}};
  const std::string svg = YearBars(s);
  EXPECT_THAT(svg, HasSubstr("height=\"117.3\""));
  EXPECT_THAT(svg, HasSubstr("height=\"122.0\""));
  EXPECT_EQ(Count(svg, "<rect"), 2u);  // the suppressed year: its mark only
  EXPECT_THAT(svg, HasSubstr(">.</text>"));
}

TEST(Pictures, GaugeAndNormBarFillToTheirShareOfTheScale) {
  // 13.3% on a bar of 312 units from 0 to 20%: 312 * 13.3 / 20 = 207.5 wide; the norm (10%) at
  // 4 + 156 = 160.
  NormBarSpec s;
  s.id = "hire";
  s.message = "m";
  s.value = {13.3, "13,3%", "hire.share|Rijk|2021||"};
  s.scale_max = 20;
  s.norm = 10;
  s.norm_label = "norm";
  const std::string bar = NormBar(s);
  EXPECT_THAT(bar, HasSubstr("width=\"207.5\""));
  EXPECT_THAT(bar, HasSubstr("x1=\"160.0\" x2=\"160.0\""));
  EXPECT_THAT(bar, HasSubstr("data-cell=\"hire.share|Rijk|2021||\""));
  // The gauge's arc of 13.3/20 of a half circle (radius 95 around 160,138) ends at angle
  // pi * (1 - 0.665) = 1.0524: x = 160 + 95 cos(1.0524) = 207.07, y = 138 - 95 sin(1.0524) = 55.48.
  EXPECT_THAT(Gauge(s), HasSubstr("207.1 55.5"));
}

}  // namespace
}  // namespace jbr::publish::pictures
