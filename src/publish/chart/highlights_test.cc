#include "publish/chart/highlights.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace jbr::publish {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

PublishedValue Rijk(const std::string& indicator, const std::string& period,
                    std::optional<double> value, const std::string& unit) {
  PublishedValue v;
  v.indicator = indicator;
  v.ministry = "Rijk";
  v.period = period;
  v.unit = unit;
  v.status = value ? "published" : "missing";
  v.value = value;
  return v;
}

// Mobility CO2 of 2020 and 2021, and its change against the base year when `base_delivered`:
// -40% in 2020 and -45% in 2021 (indices 60 and 55), worked by hand.
Publication Co2(const Goal& goal, bool base_delivered) {
  Publication p;
  p.run.year = 2021;
  IndicatorDef mobility;
  mobility.id = "co2.mobility";
  mobility.unit = "t CO2";
  IndicatorDef change;
  change.id = "co2.mobility_change";
  change.unit = "%";
  change.goal = goal;
  p.definitions = {mobility, change};
  SeriesYear last{2020, 1, {}};
  last.values = {Rijk("co2.mobility", "2020", 1200, "t CO2"),
                 Rijk("co2.mobility_change", "2020",
                      base_delivered ? std::optional(-40.0) : std::nullopt, "%")};
  p.series = {last};
  p.values = {Rijk("co2.mobility", "2021", 1100, "t CO2"),
              Rijk("co2.mobility_change", "2021",
                   base_delivered ? std::optional(-45.0) : std::nullopt, "%")};
  return p;
}

std::string Path(const Publication& pub, Lang lang) {
  const FigureIndex index(pub);
  BlockContext ctx{&index, nullptr, lang, "nl/hoofdlijnen.html"};
  auto html = HighlightPicture("co2", ctx);
  EXPECT_TRUE(html.ok()) << html.status().ToString();
  if (!html.ok()) return "";
  const size_t at = html->find("aria-labelledby=\"hl-co2-goal-t\"");
  EXPECT_NE(at, std::string::npos) << *html;
  return at == std::string::npos ? "" : html->substr(at);
}

TEST(HighlightPicture, Co2PathFollowsTheGoalOfTheDefinition) {
  // Half of 2016 by 2030 (norms.csv): the goal at index 50, the measured years at 60 and 55.
  const std::string nl = Path(Co2({2016, 2030, -50}, true), Lang::kNl);
  EXPECT_THAT(
      nl,
      HasSubstr(
          "Pad naar het doel: de CO2 van mobiliteit moet in 2030 de helft zijn van die in 2016. "
          "Gemeten, met 2016 als 100: 2020: 60, 2021: 55."));
  EXPECT_THAT(nl, HasSubstr(">doel: de helft</text>"));
  EXPECT_THAT(nl, HasSubstr(">100 = mobiliteit 2016</text>"));
  EXPECT_THAT(nl, Not(HasSubstr("n.g.")));
  // The goal's circle: index 50 on the scale from y=118 (0) to y=24 (100) is y=71, at the right
  // end.
  EXPECT_THAT(nl, HasSubstr("<circle cx=\"300.0\" cy=\"71.0\" r=\"6\""));
  // Another goal in the reference data moves the path, with no change in code: 55.5% less by 2035
  // against 2019 puts the goal at index 44.5, y = 118 - 94 x 0.445 = 76.2.
  const std::string other = Path(Co2({2019, 2035, -55.5}, true), Lang::kEn);
  EXPECT_THAT(other, HasSubstr("mobility CO2 in 2035 is to be 55.5% below that of 2019."));
  EXPECT_THAT(other, HasSubstr(">goal: 55.5% lower</text>"));
  EXPECT_THAT(other, HasSubstr("<circle cx=\"300.0\" cy=\"76.2\" r=\"6\""));
  EXPECT_THAT(other, HasSubstr("with 2019 as 100"));
}

TEST(HighlightPicture, Co2PathSaysSoWhenTheBaseYearWasNotDelivered) {
  // Mobility measured in 2020 and 2021, but no 2016 to measure it against: no "n.g." per year,
  // one sentence why.
  const std::string nl = Path(Co2({2016, 2030, -50}, false), Lang::kNl);
  EXPECT_THAT(nl, HasSubstr("Basisjaar 2016 niet geleverd: geen meting."));
  EXPECT_THAT(nl, Not(HasSubstr("n.g.")));
  EXPECT_THAT(nl, Not(HasSubstr("Gemeten")));
  const std::string en = Path(Co2({2016, 2030, -50}, false), Lang::kEn);
  EXPECT_THAT(en, HasSubstr("Base year 2016 not delivered: no measure."));
}

TEST(HighlightPicture, Co2WithoutAGoalDrawsNoPath) {
  Publication pub = Co2({2016, 2030, -50}, true);
  pub.definitions[1].goal.reset();
  const FigureIndex index(pub);
  BlockContext ctx{&index, nullptr, Lang::kNl, "nl/hoofdlijnen.html"};
  auto html = HighlightPicture("co2", ctx);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_THAT(*html, HasSubstr("aria-labelledby=\"hl-co2-sources-t\""));
  EXPECT_THAT(*html, Not(HasSubstr("hl-co2-goal")));
}

}  // namespace
}  // namespace jbr::publish
