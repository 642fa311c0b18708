// Reading a publication: what jbr publish writes is read back; anything else is a clear error
// with file, line and column, never a crash.
#include "audit/publication.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "audit/intruder.h"
#include "audit/test_publication.h"

namespace jbr::audit {
namespace {

using testing::AuditDir;
using testing::PubDir;

PubDir Small(const std::string& name) {
  auto p = PubDir::Temporary(name);
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
  const TempDir tmp = AuditDir("nodefs");
  const std::filesystem::path dir = tmp.path();
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
    auto p = PubDir::Temporary(name);
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
  auto p = PubDir::Temporary("baddef");
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
  const TempDir tmp = AuditDir("discover");
  const std::filesystem::path root = tmp.path();
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

namespace jbr::audit {
namespace {

// Robustness, not a fuzzer: seeded mutations of a valid publication (bytes flipped, deleted,
// duplicated, cut) are read and, when readable, audited. Each must end in a result or a clear
// error, never a crash (run under ASan and UBSan by the debug preset).
TEST(ReadPublication, MutatedFilesNeverCrash) {
  auto p = PubDir::Temporary("mutate");
  p.Def("personnel.headcount", "person-count")
      .Def("absence.rate", "person-statistic", 100)
      .Pub("personnel.headcount", "FIN", "", "2021", "", 50, 1, "48")
      .Pub("personnel.headcount", "FIN", "kern", "2021", "", 30)
      .Hide("personnel.headcount", "FIN", "zbo", "2021", "")
      .Pub("personnel.headcount", "Rijk", "", "2021", "", 80)
      .Hide("personnel.headcount", "BZK", "", "2021", "")
      .Pub("absence.rate", "FIN", "", "2021", "", 200, 4000)
      .Pub("absence.rate", "FIN", "", "2021-Q1", "", 50, 1000)
      .Hide("absence.rate", "FIN", "", "2021-Q2", "")
      .Series("personnel.headcount", "FIN", "", "2020", "", "48")
      .Series("absence.rate", "FIN", "", "2020", "", "4.5");
  const std::string dir = p.Write();
  std::string original;
  {
    std::ifstream in(std::filesystem::path(dir) / "opendata" / "indicators.csv", std::ios::binary);
    original.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string alphabet = ",\"\n\r-.0123456789eEQ abcinfNaN\xff\xc3";
  uint64_t state = 12345;
  auto next = [&]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  int read_ok = 0, audited = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text = original;
    for (int k = 0; k < 1 + static_cast<int>(next() % 4); ++k) {
      const size_t at = next() % (text.size() + 1);
      switch (next() % 4) {
        case 0:
          if (at < text.size()) text[at] = alphabet[next() % alphabet.size()];
          break;
        case 1:
          if (at < text.size()) text.erase(at, 1 + next() % 8);
          break;
        case 2:
          text.insert(at, text.substr(next() % text.size(), next() % 40));
          break;
        case 3:
          text.resize(at);
          break;
      }
    }
    p.Put("indicators.csv", text);
    auto r = ReadPublication(dir);
    if (!r.ok()) {
      EXPECT_TRUE(r.status().code() == StatusCode::kInvalidInput ||
                  r.status().code() == StatusCode::kNotFound)
          << r.status().ToString();
      EXPECT_FALSE(r.status().message().empty());
      continue;
    }
    ++read_ok;
    auto rep = AuditPublication({}, *r, IntruderOptions{});
    ASSERT_TRUE(rep.ok()) << rep.status().ToString() << "\n" << text;
    ++audited;
  }
  EXPECT_GT(read_ok, 0);  // some mutations stay readable, so the audit itself is exercised
  EXPECT_EQ(audited, read_ok);
}

}  // namespace
}  // namespace jbr::audit
