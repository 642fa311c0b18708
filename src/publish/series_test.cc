// The time series by year, with a real store and the real engine: each earlier year comes from its
// own latest compute run (or from the runs a release recorded), under its own suppression pattern;
// last year from the report's run itself. Every count is the number of persons delivered.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "publish/core/figures.h"
#include "publish/core/publication.h"
#include "publish/opendata/table.h"
#include "publish/release.h"
#include "publish/testing/compute_fixture.h"

namespace jbr::publish {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class SeriesTest : public ComputeFixture {
 protected:
  // BZK delivers 11, 12, 13, 14, 15 persons for 2017..2021; each year is computed once.
  void FiveYears() {
    for (int y = 2017; y <= 2021; ++y) {
      Personnel("BZK", y, 11 + (y - 2017), fmt::format("{}-02-01T10:00:00Z", y + 1));
      runs_[y] = Compute(y, fmt::format("{}-03-01T12:00:00Z", y + 1));
    }
  }
  static std::optional<double> ValueOf(const FigureIndex& ix, const std::string& ministry,
                                       int year) {
    const PublishedValue* v = ix.Find("personnel.headcount", ministry, std::to_string(year));
    return v == nullptr ? std::nullopt : v->value;
  }
  std::map<int, int64_t> runs_;
};

TEST_F(SeriesTest, EachEarlierYearComesFromItsOwnRun) {
  FiveYears();
  auto pub = LoadPublication(ws_->store(), Registry(), 2021);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  ASSERT_EQ(pub->series.size(), 4u);  // 2017, 2018, 2019 from their runs; 2020 from this run
  EXPECT_EQ(pub->series[0].year, 2017);
  EXPECT_EQ(pub->series[0].run_id, runs_[2017]);
  EXPECT_EQ(pub->series[3].year, 2020);
  EXPECT_EQ(pub->series[3].run_id, runs_[2021]);
  EXPECT_EQ(SeriesRunIds(*pub), (std::vector<int64_t>{runs_[2017], runs_[2018], runs_[2019]}));
  EXPECT_TRUE(pub->series_gaps.empty());
  const FigureIndex ix(*pub);
  EXPECT_EQ(ix.SeriesYears(), (std::vector<int>{2017, 2018, 2019, 2020, 2021}));
  for (int y = 2017; y <= 2020; ++y) {
    EXPECT_EQ(ValueOf(ix, "BZK", y), 11 + (y - 2017)) << y;
    EXPECT_EQ(ValueOf(ix, kRijk, y), 11 + (y - 2017)) << y;  // BZK is the only ministry
  }
  EXPECT_EQ(ValueOf(ix, "BZK", 2021), 15);
  // A sentence may name an earlier year's figure.
  auto ref = ParseFigureRef("personnel.headcount BZK 2018", ix);
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  auto text = FigureText(*ref, ix, Lang::kNl);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "12");
  // Of an earlier year only the value, and only of the years the series has.
  auto change = ParseFigureRef("personnel.headcount 2018 change", ix);
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(change.status().code(), StatusCode::kUsage);
  EXPECT_EQ(change.status().message(), "an earlier year's figure: only its value");
  auto too_early = ParseFigureRef("personnel.headcount 2015", ix);
  ASSERT_FALSE(too_early.ok());
  EXPECT_EQ(too_early.status().code(), StatusCode::kUsage);
  EXPECT_THAT(too_early.status().message(), HasSubstr("year 2015 is not in this report"));
  // The open data's series.csv: the earlier years with the run each comes from.
  const std::string csv = RenderCsv(SeriesTable(*pub));
  EXPECT_THAT(csv, HasSubstr(fmt::format("personnel.headcount,BZK,,2018,,persons,published,12,{}\n",
                                         runs_[2018])));
  EXPECT_THAT(csv, HasSubstr(fmt::format(
                       "personnel.headcount,Rijk,,2020,,persons,published,14,{}\n", runs_[2021])));
}

TEST_F(SeriesTest, ALaterRunOfAnEarlierYearIsUsedUnlessTheRunsAreNamed) {
  FiveYears();
  Personnel("BZK", 2018, 20, "2022-05-01T10:00:00Z");  // a corrected delivery for 2018
  const int64_t rerun = Compute(2018, "2022-05-02T12:00:00Z");
  auto now = LoadPublication(ws_->store(), Registry(), 2021);
  ASSERT_TRUE(now.ok()) << now.status().ToString();
  EXPECT_EQ(ValueOf(FigureIndex(*now), "BZK", 2018), 20);
  EXPECT_EQ(now->series[1].run_id, rerun);
  const std::vector<int64_t> then = {runs_[2017], runs_[2018], runs_[2019]};
  auto named = LoadPublication(ws_->store(), Registry(), 2021, std::nullopt, then);
  ASSERT_TRUE(named.ok()) << named.status().ToString();
  EXPECT_EQ(ValueOf(FigureIndex(*named), "BZK", 2018), 12);
  // A named run that is not of an earlier year of the series is refused.
  auto wrong = LoadPublication(ws_->store(), Registry(), 2021, std::nullopt,
                               std::vector<int64_t>{runs_[2021]});
  ASSERT_FALSE(wrong.ok());
  EXPECT_THAT(wrong.status().message(), HasSubstr("not of a year from 2017 to 2019"));
}

TEST_F(SeriesTest, AnEarlierYearKeepsItsOwnSuppressionPattern) {
  // 2019 computed with the real threshold of 10 persons: FIN's 3 persons are hidden.
  Personnel("BZK", 2019, 12, "2020-02-01T10:00:00Z");
  Personnel("FIN", 2019, 3, "2020-02-01T10:00:00Z");
  const int64_t run2019 = Compute(2019, "2020-03-01T12:00:00Z", 10);
  Personnel("BZK", 2021, 15, "2022-02-01T10:00:00Z");
  Personnel("FIN", 2021, 4, "2022-02-01T10:00:00Z");
  Compute(2021, "2022-03-01T12:00:00Z");
  auto pub = LoadPublication(ws_->store(), Registry(), 2021);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  const FigureIndex ix(*pub);
  const PublishedValue* fin = ix.Find("personnel.headcount", "FIN", "2019");
  ASSERT_NE(fin, nullptr);
  EXPECT_EQ(fin->status, "suppressed");
  EXPECT_FALSE(fin->value);
  const std::string csv = RenderCsv(SeriesTable(*pub));
  EXPECT_THAT(csv, HasSubstr(fmt::format("personnel.headcount,FIN,,2019,,persons,suppressed,,{}\n",
                                         run2019)));
  EXPECT_THAT(csv, Not(HasSubstr(",FIN,,2019,,persons,suppressed,3")));
  // 2020 has no deliveries: the 2021 run knows last year's cells as missing.
  const PublishedValue* bzk2020 = ix.Find("personnel.headcount", "BZK", "2020");
  if (bzk2020 != nullptr) {
    EXPECT_NE(bzk2020->status, "published");
    EXPECT_FALSE(bzk2020->value);
  }
}

TEST_F(SeriesTest, AYearComputedUnderOtherDefinitionsIsLeftOutAndNamed) {
  Personnel("BZK", 2019, 12, "2020-02-01T10:00:00Z");
  const int64_t run2019 = Compute(2019, "2020-03-01T12:00:00Z", 1, "personnel.*");
  Personnel("BZK", 2021, 15, "2022-02-01T10:00:00Z");
  Compute(2021, "2022-03-01T12:00:00Z");
  auto registry = Registry();
  bool changed = false;
  for (auto& d : registry) {
    if (d.id.rfind("personnel.", 0) == 0 && d.id != "personnel.headcount") {
      d.definition_en += " (revised)";
      changed = true;
      break;
    }
  }
  ASSERT_TRUE(changed);
  auto pub = LoadPublication(ws_->store(), registry, 2021);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  ASSERT_EQ(pub->series_gaps.size(), 1u);
  EXPECT_EQ(pub->series_gaps[0], std::make_pair(2019, run2019));
  for (const auto& y : pub->series) EXPECT_NE(y.year, 2019);
}

TEST_F(SeriesTest, AReleaseRebuildsWithTheSeriesItWasMadeWith) {
  FiveYears();
  ReleaseOptions o;
  o.year = 2021;
  o.releases_root = (dir_ / "ws" / "releases").string();
  o.created_at = "2022-04-01T09:00:00Z";
  o.actor = "tester";
  o.template_dirs = TestTemplateDirs();
  o.schemas = &ws_->schemas();
  o.ministries = &ws_->ministries();
  o.pdf = false;
  auto made = MakeRelease(ws_->store(), Registry(), o);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_EQ(made->release.series_runs,
            fmt::format("[{},{},{}]", runs_[2017], runs_[2018], runs_[2019]));
  Personnel("BZK", 2018, 20, "2022-05-01T10:00:00Z");
  Compute(2018, "2022-05-02T12:00:00Z");
  o.number = 1;
  o.out_dir = (dir_ / "rebuilt").string();
  auto rebuilt = RebuildRelease(ws_->store(), Registry(), o);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_THAT(Slurp(dir_ / "rebuilt" / "opendata" / "series.csv"),
              HasSubstr("personnel.headcount,BZK,,2018,,persons,published,12,"));
  // A publication now shows the corrected 2018.
  PublishOptions p;
  p.year = 2021;
  p.out_dir = (dir_ / "now").string();
  p.template_dirs = TestTemplateDirs();
  p.schemas = &ws_->schemas();
  p.ministries = &ws_->ministries();
  p.pdf = false;
  auto now = Publish(ws_->store(), Registry(), p);
  ASSERT_TRUE(now.ok()) << now.status().ToString();
  EXPECT_THAT(Slurp(dir_ / "now" / "opendata" / "series.csv"),
              HasSubstr("personnel.headcount,BZK,,2018,,persons,published,20,"));
}

// The site: a years chart and a sentence naming an earlier year (a workspace's own narrative), and
// the series table of the indicator's block, all with the counts delivered.
TEST_F(SeriesTest, TheSiteShowsTheSeriesInChartsTablesAndSentences) {
  FiveYears();
  const fs::path own = dir_ / "own" / "report" / "nl";
  fs::create_directories(own);
  std::ofstream(own / "werkgever.md")
      << "In {{personnel.headcount 2017}} waren het er {{personnel.headcount 2017}}.\n\n"
         "::: chart personnel.headcount years\n";
  PublishOptions p;
  p.year = 2021;
  p.out_dir = (dir_ / "site").string();
  p.template_dirs = {(dir_ / "own").string()};
  p.schemas = &ws_->schemas();
  p.ministries = &ws_->ministries();
  for (const auto& d : TestTemplateDirs()) p.template_dirs.push_back(d);
  p.pdf = false;
  auto done = Publish(ws_->store(), Registry(), p);
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  const std::string page = Slurp(dir_ / "site" / "nl" / "werkgever.html");
  EXPECT_THAT(page, HasSubstr("In 11 waren het er 11."));
  EXPECT_THAT(page, HasSubstr("id=\"chart-personnel-headcount-years\""));
  EXPECT_THAT(page, HasSubstr("href=\"../opendata/series.csv\""));
  for (int y = 2017; y <= 2021; ++y) {
    // "15" or "15*" (the Rijk's figure is marked: not every ministry delivered).
    const std::string cell =
        fmt::format("<td data-cell=\"personnel.headcount|Rijk|{}||\">{}", y, 11 + (y - 2017));
    // In the chart's table and the block's series table; 2020 also as the block's last year, 2021
    // as its this year.
    size_t n = 0;
    for (size_t at = page.find(cell); at != std::string::npos; at = page.find(cell, at + 1)) ++n;
    EXPECT_EQ(n, y >= 2020 ? 3u : 2u) << cell;
    EXPECT_THAT(page, HasSubstr(fmt::format("<g data-cell=\"personnel.headcount|Rijk|{}||\">", y)));
  }
  // The block's summary: this year, last year and the change (14 -> 15).
  EXPECT_THAT(page, HasSubstr("Rijk 2021: <strong>15*</strong> (in 2020: 14; verschil +1)."));
  // The block's "last year" column is the series' 2020 cell.
  EXPECT_THAT(page, HasSubstr("<td data-cell=\"personnel.headcount|BZK|2020||\">14</td>"));
}

}  // namespace
}  // namespace jbr::publish
