// Reading a publication: what jbr publish writes is read back; anything else is a clear error
// with file, line and column, never a crash.
#include "audit/publication.h"

#include <gtest/gtest.h>

#include "audit/test_publication.h"

namespace jbr::audit {
namespace {

using testing::PubDir;
using testing::TempDir;

PubDir Small(const std::string& name) {
  PubDir p(TempDir(name));
  p.Def("personnel.headcount", "person-count")
      .Pub("personnel.headcount", "BZK", "", "2021", "", 100, 1, "98")
      .Hide("personnel.headcount", "BZK", "zbo", "2021-Q2", "")
      .Series("personnel.headcount", "BZK", "", "2019", "", "97");
  return p;
}

TEST(ReadPublication, ReadsWhatPublishWrites) {
  auto r = ReadPublication(Small("read").Write());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->year, 2021);
  ASSERT_EQ(r->indicators.size(), 2u);
  EXPECT_EQ(r->indicators[0].status, CellStatus::kPublished);
  EXPECT_EQ(*r->indicators[0].numerator, 100);
  EXPECT_EQ(*r->indicators[0].previous, 98);
  EXPECT_EQ(r->indicators[1].status, CellStatus::kSuppressed);
  EXPECT_FALSE(r->indicators[1].numerator.has_value());
  EXPECT_EQ(r->indicators[1].key.period, "2021-Q2");
  ASSERT_EQ(r->series.size(), 1u);
  EXPECT_EQ(*r->series[0].value, 97);
  EXPECT_EQ(r->definitions.at("personnel.headcount").disclosure, "person-count");
}

void ExpectError(const Status& s, StatusCode code, const std::string& part) {
  EXPECT_EQ(s.code(), code) << s.ToString();
  EXPECT_NE(s.message().find(part), std::string::npos) << s.message();
}

TEST(ReadPublication, MissingDirectoryOrFileIsNotFound) {
  ExpectError(ReadPublication("/nonexistent/pub").status(), StatusCode::kNotFound,
              "opendata/indicators.csv");
  const auto dir = TempDir("nodefs");
  PubDir p(dir);
  p.Write();
  std::filesystem::remove(dir / "opendata" / "definitions.csv");
  ExpectError(ReadPublication(dir.string()).status(), StatusCode::kNotFound, "definitions.csv");
}

TEST(ReadPublication, MalformedFilesAreClearErrors) {
  const std::string header =
      "indicator,ministry,unit_type,period,category,value,numerator,denominator,unit,status,"
      "previous,change,flag\n";
  auto bad = [&](const std::string& name, const std::string& text, const std::string& part) {
    PubDir p(TempDir(name));
    p.Def("x", "person-count");
    const std::string dir = p.Write();
    p.Put("indicators.csv", text);
    ExpectError(ReadPublication(dir).status(), StatusCode::kInvalidInput, part);
  };
  bad("nostatus", "indicator,ministry,unit_type,period,category,value,numerator,denominator\n",
      "no column 'status'");
  bad("badnum", header + "x,BZK,,2021,,1,1e,1,p,published,,,\n", "indicators.csv:2:numerator");
  bad("nan", header + "x,BZK,,2021,,1,nan,1,p,published,,,\n", "not a number");
  bad("badstatus", header + "x,BZK,,2021,,1,1,1,p,hidden,,,\n", "status is not");
  bad("badperiod", header + "x,BZK,,2021-Q5,,1,1,1,p,published,,,\n", "period is not");
  bad("nonumbers", header + "x,BZK,,2021,,,,,p,published,,,\n", "without its numerator");
  bad("quote", header + "x,BZK,,2021,\"open,1,1,1,p,published,,,\n", "indicators.csv");
  bad("empty", "", "indicators.csv");
  bad("short", header + "x\n", "empty ministry");
}

TEST(ReadPublication, BadDefinitionIsAClearError) {
  PubDir p(TempDir("baddef"));
  const std::string dir = p.Write();
  p.Put("definitions.csv", "id,disclosure\nx,secret\n");
  ExpectError(ReadPublication(dir).status(), StatusCode::kInvalidInput, "definitions.csv:2");
}

TEST(ReleaseNames, OnlyYearDashNumber) {
  EXPECT_EQ(ParseReleaseName("2021-2"), std::make_pair(2021, 2));
  EXPECT_FALSE(ParseReleaseName("2021-0"));
  EXPECT_FALSE(ParseReleaseName("2021-x"));
  EXPECT_FALSE(ParseReleaseName("site"));
  EXPECT_FALSE(ParseReleaseName("20211-1"));
  EXPECT_FALSE(ParseReleaseName("2021-+1"));
}

TEST(ReleaseNames, DiscoversOnlyEarlierSiblings) {
  const auto root = TempDir("discover");
  for (const char* n : {"2019-1", "2020-1", "2020-2", "2021-1", "2022-1"}) {
    PubDir(root / n).Def("x", "none").Write();
  }
  std::filesystem::create_directories(root / "2018-1");  // not a publication
  EXPECT_EQ(DiscoverEarlierReleases((root / "2020-2").string()),
            (std::vector<std::string>{(root / "2019-1").string(), (root / "2020-1").string()}));
  EXPECT_TRUE(DiscoverEarlierReleases((root / "2019-1").string()).empty());
  EXPECT_TRUE(DiscoverEarlierReleases(root.string()).empty());
}

}  // namespace
}  // namespace jbr::audit
