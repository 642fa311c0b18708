#include "publish/chart/chart_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

using ::testing::HasSubstr;

ChartSeries Series(std::string label, std::vector<double> values, std::string color = "") {
  ChartSeries s;
  s.label = std::move(label);
  for (double v : values) s.cells.push_back(Figure(v));
  s.color = std::move(color);
  return s;
}

ChartSpec Base(ChartKind kind, size_t n_series) {
  ChartSpec spec;
  spec.kind = kind;
  spec.id = "verzuim";
  spec.title = "Ziekteverzuim stijgt naar 5,2%";
  spec.description = "Ziekteverzuim per jaar.";
  spec.unit = "%";
  spec.categories = {"2020", "2021"};
  spec.opendata_href = "opendata/indicators.csv";
  for (size_t i = 0; i < n_series; ++i)
    spec.series.push_back(Series("S" + std::to_string(i + 1), {5.0, 5.2}));
  return spec;
}

void ExpectUsage(const Status& st, const std::string& part) {
  EXPECT_EQ(st.code(), StatusCode::kUsage) << st.ToString();
  EXPECT_THAT(st.message(), HasSubstr("chart verzuim: "));
  EXPECT_THAT(st.message(), HasSubstr(part));
}

TEST(ChartCheck, AcceptsTheDefaults) {
  for (ChartKind k : {ChartKind::kGroupedBars, ChartKind::kStackedBars, ChartKind::kTimeSeries}) {
    EXPECT_TRUE(CheckChart(Base(k, 5)).ok()) << CheckChart(Base(k, 5)).ToString();
  }
  EXPECT_TRUE(CheckChart(Base(ChartKind::kBars, 1)).ok());
  EXPECT_TRUE(CheckChart(Base(ChartKind::kSmallMultiples, 12)).ok());
}

// Gold #ffd700 reaches 1.40:1 on white (WebAIM), far below the 3:1 of marks.
TEST(ChartCheck, RejectsATooLightColour) {
  ChartSpec spec = Base(ChartKind::kBars, 1);
  spec.series[0].color = "#ffd700";
  const Status st = CheckChart(spec);
  ExpectUsage(st, "#ffd700");
  EXPECT_THAT(st.message(), HasSubstr("1.40:1"));
}

TEST(ChartCheck, RejectsAColourItCannotMeasure) {
  ChartSpec spec = Base(ChartKind::kBars, 1);
  spec.series[0].color = "navy";
  ExpectUsage(CheckChart(spec), "not #rrggbb");
}

TEST(ChartCheck, RejectsSixSeries) {
  ExpectUsage(CheckChart(Base(ChartKind::kGroupedBars, 6)), "use small multiples");
  ExpectUsage(CheckChart(Base(ChartKind::kTimeSeries, 6)), "use small multiples");
  ExpectUsage(CheckChart(Base(ChartKind::kStackedBars, 6)), "use small multiples");
}

TEST(ChartCheck, RejectsTwoSeriesWithTheSameMark) {
  ChartSpec spec = Base(ChartKind::kGroupedBars, 2);
  spec.series[0].mark = Mark::kDots;
  spec.series[1].mark = Mark::kDots;
  ExpectUsage(CheckChart(spec), "same mark");
  // An explicit mark may not collide with the default of another position either: series 2's
  // default is kDiagonal.
  spec.series[0].mark = Mark::kDiagonal;
  spec.series[1].mark = Mark::kAuto;
  ExpectUsage(CheckChart(spec), "same mark");
}

// Sky blue #007bc7 and green #39870c each reach 4.5:1 on white but only 1.0:1 against each other.
TEST(ChartCheck, StackedNeighboursNeedContrastOrTheGap) {
  ChartSpec spec = Base(ChartKind::kStackedBars, 2);
  spec.series[0].color = "#007bc7";
  spec.series[1].color = "#39870c";
  EXPECT_TRUE(CheckChart(spec).ok());  // stack_gap (default): checked against white only
  spec.stack_gap = false;
  ExpectUsage(CheckChart(spec), "set stack_gap");
  spec.series[1].color = "#42145f";  // purple: 3.1:1 against sky blue
  EXPECT_TRUE(CheckChart(spec).ok());
}

TEST(ChartCheck, RejectsASuppressedCellThatCarriesAValue) {
  ChartSpec spec = Base(ChartKind::kBars, 1);
  spec.series[0].cells[1] = ChartCell{4.9, CellState::kSuppressed, {}};
  ExpectUsage(CheckChart(spec), "cannot leak");
  spec.series[0].cells[1] = ChartCell{std::nullopt, CellState::kPublished, {}};
  ExpectUsage(CheckChart(spec), "without a finite value");
}

TEST(ChartCheck, RejectsMissingTextsAndBadShapes) {
  ChartSpec spec = Base(ChartKind::kBars, 1);
  spec.description.clear();
  ExpectUsage(CheckChart(spec), "text alternative");
  spec = Base(ChartKind::kBars, 1);
  spec.opendata_href.clear();
  ExpectUsage(CheckChart(spec), "opendata_href");
  spec = Base(ChartKind::kBars, 1);
  spec.series[0].cells.pop_back();
  ExpectUsage(CheckChart(spec), "1 cells for 2 categories");
  spec = Base(ChartKind::kBars, 2);
  ExpectUsage(CheckChart(spec), "use grouped bars");
  spec = Base(ChartKind::kBars, 1);
  spec.id = "9 bad id";
  EXPECT_EQ(CheckChart(spec).code(), StatusCode::kUsage);
}

// The Rijk is no bar beside the ministries (its bar would dwarf them): the reference line instead.
TEST(ChartCheck, RefusesTheRijkAsABarBesideTheMinistries) {
  ChartSpec spec = Base(ChartKind::kHorizontalBars, 1);
  spec.categories = {"BZK", "Rijk"};
  ExpectUsage(CheckChart(spec), "give the Rijk as the reference line or in the title");
  spec.categories = {"BZK", "FIN"};
  spec.reference = NormLine{5.1, "Rijk"};
  EXPECT_TRUE(CheckChart(spec).ok());
  // A chart of the Rijk alone, or a line of the Rijk among others, is fine.
  ChartSpec alone = Base(ChartKind::kBars, 1);
  alone.categories = {"Rijk"};
  alone.series[0].cells.resize(1);
  EXPECT_TRUE(CheckChart(alone).ok());
  ChartSpec line = Base(ChartKind::kTimeSeries, 1);
  line.reference = NormLine{5.1, "Rijk"};
  ExpectUsage(CheckChart(line), "reference line is drawn on single bars only");
}

// Bars start at zero: values 95 and 105 give an axis from 0; a line of the same values starts at
// 94 (the raw step (105 - 95) / 5 = 2 is already round: 94..106), which it must say.
TEST(ChartCheck, BarsStartAtZeroAndALineThatDoesNotSaysSo) {
  ChartSpec bars = Base(ChartKind::kBars, 1);
  bars.series[0] = Series("S1", {95, 105});
  const AxisScale b = ValueScale(bars);
  EXPECT_EQ(b.lo, 0);
  EXPECT_FALSE(OmitsZero(b));
  EXPECT_TRUE(CheckChart(bars).ok());
  ChartSpec stacked = Base(ChartKind::kStackedBars, 2);
  EXPECT_EQ(ValueScale(stacked).lo, 0);
  ChartSpec line = Base(ChartKind::kTimeSeries, 1);
  line.series[0] = Series("S1", {95, 105});
  const AxisScale l = ValueScale(line);
  EXPECT_EQ(l.lo, 94);
  EXPECT_EQ(l.hi, 106);
  EXPECT_TRUE(OmitsZero(l));
  // A norm or reference below the data pulls the axis down with it.
  line.norm = NormLine{10, "norm"};
  EXPECT_EQ(ValueScale(line).lo, 0);
}

}  // namespace
}  // namespace jbr::publish
