#include "publish/publish.h"

#include "common/paths.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "ingest/xlsx_reader.h"
#include "publish/testing/test_store.h"
#include "publish/testing/test_templates.h"

namespace jbr::publish {
namespace {

PublishOptions Options(const Workspace& ws, int year, std::string dir) {
  PublishOptions o;
  o.year = year;
  o.out_dir = std::move(dir);
  // The narrative of the small test run: the default one names figures this run does not have.
  o.template_dirs = TestTemplateDirs();
  o.schemas = &ws.schemas();
  o.ministries = &ws.ministries();
  o.pdf = false;  // printing: pdf_test.cc, pdf_toc_test.cc and tests/site/run.sh
  return o;
}

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

const std::vector<std::string> kFiles = {
    "annex/jbr-2020-tabellen.xlsx", "opendata/datapackage.json", "opendata/definitions.csv",
    "opendata/indicators.csv",      "opendata/indicators.json",  "opendata/metadata.json",
    "opendata/restatements.csv"};

class PublishRunTest : public PublishTest {
 protected:
  PublishSummary PublishTo(const fs::path& out) {
    auto s = Publish(ws_->store(), TestRegistry(), Options(*ws_, 2020, out.string()));
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(s).value() : PublishSummary{};
  }
};

TEST_F(PublishRunTest, ManifestListsEveryFileWithItsHashAndSize) {
  SaveRun();
  const auto summary = PublishTo(dir_ / "out");
  const json m = json::parse(Slurp(dir_ / "out" / "manifest.json"));
  EXPECT_EQ(m["year"], 2020);
  EXPECT_EQ(m["computed_at"], "2021-03-01T12:00:00Z");
  std::vector<std::string> paths;
  for (const auto& f : m["files"]) {
    paths.push_back(f["path"]);
    auto d = DigestFile((dir_ / "out" / f["path"].get<std::string>()).string());
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(f["sha256"], d->sha256);
    EXPECT_EQ(f["bytes"], d->size);
  }
  EXPECT_THAT(paths, ::testing::IsSupersetOf(kFiles));
  EXPECT_THAT(paths, ::testing::IsSupersetOf({"index.html", "assets/style.css", "nl/index.html",
                                              "nl/werkgever.html", "en/werkgever.html",
                                              "nl/ministeries/BZK.html", "nl/tabellen.html",
                                              "nl/verantwoording.html", "nl/hoofdlijnen.html"}));
  EXPECT_TRUE(std::is_sorted(paths.begin(), paths.end()));
  EXPECT_EQ(summary.files.size(), paths.size());
}

// The chapter page of the small run, worked by hand from TestValues: the Rijk 40,000 persons
// (Dutch grouping 40.000), BZK 1,234 (1.234), FIN suppressed (.; * as not every ministry
// delivered).
TEST_F(PublishRunTest, ChapterPageShowsTheRunsFiguresInBothLanguages) {
  SaveRun();
  PublishTo(dir_ / "out");
  const std::string nl = Slurp(dir_ / "out" / "nl" / "werkgever.html");
  EXPECT_THAT(nl, HasSubstr("<html lang=\"nl\">"));
  EXPECT_THAT(nl, HasSubstr("Het Rijk had eind 2020 <strong>40.000</strong> medewerkers."));
  EXPECT_THAT(nl, HasSubstr("<tr><th scope=\"row\">BZK</th><td "
                            "data-cell=\"personnel.headcount|BZK|2020||\">1.234</td>"));
  EXPECT_THAT(nl, HasSubstr("<tr><th scope=\"row\">FIN</th><td "
                            "data-cell=\"personnel.headcount|FIN|2020||\">.*</td>"));
  EXPECT_THAT(nl, HasSubstr("href=\"../en/werkgever.html\" hreflang=\"en\""));
  const std::string en = Slurp(dir_ / "out" / "en" / "werkgever.html");
  EXPECT_THAT(en, HasSubstr("At the end of 2020 the Rijk had <strong>40,000</strong> staff."));
  const std::string bzk = Slurp(dir_ / "out" / "nl" / "ministeries" / "BZK.html");
  EXPECT_THAT(bzk, HasSubstr(">1.234</td>"));
}

// Every table of every page is built in a scroll region of its own (ScrollTable, or the ICT
// appendix's ScrollRegion) that holds nothing else, on screen and in print.
TEST_F(PublishRunTest, EveryTableIsInAScrollRegionOfItsOwn) {
  SaveRun();
  PublishTo(dir_ / "out");
  const std::string open = "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"";
  int tables = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir_ / "out")) {
    if (e.path().extension() != ".html") continue;
    const std::string html = Slurp(e.path());
    for (size_t t = html.find("<table"); t != std::string::npos; t = html.find("<table", t + 1)) {
      ++tables;
      const size_t region = html.rfind(open, t);
      ASSERT_NE(region, std::string::npos) << e.path() << ": a table outside a region";
      const size_t label_end = html.find("\">", region + open.size());
      EXPECT_TRUE(label_end + 2 == t || (label_end + 3 == t && html[label_end + 2] == '\n'))
          << e.path() << ": " << html.substr(region, t - region + 40);
      EXPECT_GT(label_end, region + open.size()) << e.path() << ": a region without a label";
      const size_t end = html.find("</table>", t);
      ASSERT_NE(end, std::string::npos);
      EXPECT_TRUE(html.compare(end + 8, 6, "</div>") == 0 ||
                  html.compare(end + 8, 7, "\n</div>") == 0)
          << e.path() << ": " << html.substr(t, 40);
    }
  }
  EXPECT_GT(tables, 20);
}

// The method page names, in both languages, the ministries whose figures were read without an
// adjacent year's delivery, as the run recorded them; a run without such gaps has no such table.
TEST_F(PublishRunTest, MethodPageNamesTheMinistriesReadWithoutAnAdjacentYear) {
  SaveRun(
      R"([{"year":2020,"dataset":"personnel","other_year":2021,"ministries":["BZK","FIN"],)"
      R"("indicators":["personnel.headcount"]},{"year":2019,"dataset":"personnel","other_year":2018,)"
      R"("ministries":["FIN"],"indicators":["personnel.headcount"]}])");
  PublishTo(dir_ / "out");
  const std::string nl = Slurp(dir_ / "out" / "nl" / "verantwoording.html");
  EXPECT_THAT(nl,
              HasSubstr("<caption>Gelezen zonder de levering van een aangrenzend jaar</caption>"));
  EXPECT_THAT(nl, HasSubstr("<tr><td>2020</td><td>personnel 2021</td><td>Binnenlandse Zaken en "
                            "Koninkrijksrelaties, Financiën</td><td>Aantal medewerkers</td></tr>"));
  EXPECT_THAT(nl, HasSubstr("<tr><td>2019</td><td>personnel 2018</td><td>Financiën</td><td>Aantal "
                            "medewerkers</td></tr>"));
  const std::string en = Slurp(dir_ / "out" / "en" / "verantwoording.html");
  EXPECT_THAT(en, HasSubstr("<caption>Read without the delivery of an adjacent year</caption>"));
  EXPECT_THAT(en, HasSubstr("<tr><td>2020</td><td>personnel 2021</td><td>Interior and Kingdom "
                            "Relations, Finance</td><td>Headcount</td></tr>"));
  EXPECT_THAT(
      en,
      HasSubstr("<tr><td>2019</td><td>personnel 2018</td><td>Finance</td><td>Headcount</td></tr>"));
}

TEST_F(PublishRunTest, MethodPageWithoutAdjacentGapsHasNoSuchTable) {
  SaveRun();
  PublishTo(dir_ / "out");
  EXPECT_THAT(Slurp(dir_ / "out" / "nl" / "verantwoording.html"),
              Not(HasSubstr("aangrenzend jaar")));
  EXPECT_THAT(Slurp(dir_ / "out" / "en" / "verantwoording.html"), Not(HasSubstr("adjacent year")));
}

// The suppressed cell's change, stored carelessly in the run, is in no byte of any output, nor in
// any cell of the workbook (whose sheets are compressed, so they are read back).
TEST_F(PublishRunTest, TheSuppressedValueAppearsNowhere) {
  SaveRun();
  PublishTo(dir_ / "out");
  for (const auto& entry : fs::recursive_directory_iterator(dir_ / "out")) {
    if (!entry.is_regular_file()) continue;
    EXPECT_EQ(Slurp(entry.path()).find(kSecretText), std::string::npos) << entry.path();
  }
  const std::string xlsx = (dir_ / "out" / kFiles[0]).string();
  auto sheets = ListXlsxSheets(xlsx);
  ASSERT_TRUE(sheets.ok());
  for (const auto& sheet : *sheets) {
    XlsxOptions o;
    o.sheet = sheet;
    CollectingSink sink;
    auto src = OpenXlsx(xlsx, "annex", o, &sink);
    ASSERT_TRUE(src.ok()) << src.status().ToString();
    RawRow row;
    for (auto more = (*src)->Next(&row); more.ok() && *more; more = (*src)->Next(&row)) {
      for (const auto& cell : row.cells)
        EXPECT_EQ(cell.find(kSecretText), std::string::npos) << sheet << ": " << cell;
    }
  }
}

TEST_F(PublishRunTest, TwoPublishesGiveIdenticalBytes) {
  SaveRun();
  PublishTo(dir_ / "a");
  PublishTo(dir_ / "b");
  PublishTo(dir_ / "a");  // again into the same directory: the earlier publication is replaced
  for (const auto& f : kFiles) {
    const std::string a = Slurp(dir_ / "a" / f);
    EXPECT_FALSE(a.empty()) << f;
    EXPECT_EQ(a, Slurp(dir_ / "b" / f)) << f;
  }
  EXPECT_EQ(Slurp(dir_ / "a" / "manifest.json"), Slurp(dir_ / "b" / "manifest.json"));
}

TEST_F(PublishRunTest, DataPackageSchemaListsEveryCsvColumn) {
  SaveRun();
  PublishTo(dir_ / "out");
  const json pkg = json::parse(Slurp(dir_ / "out" / "opendata" / "datapackage.json"));
  int csvs = 0;
  for (const auto& r : pkg["resources"]) {
    if (r["format"] != "csv") continue;
    ++csvs;
    const std::string csv = Slurp(dir_ / "out" / "opendata" / r["path"].get<std::string>());
    std::vector<std::string> header;
    std::stringstream line(csv.substr(0, csv.find('\n')));
    for (std::string name; std::getline(line, name, ',');) header.push_back(name);
    std::vector<std::string> fields;
    for (const auto& f : r["schema"]["fields"]) {
      fields.push_back(f["name"]);
      EXPECT_FALSE(f["description"].get<std::string>().empty()) << f["name"];
    }
    EXPECT_EQ(fields, header) << r["path"];
    EXPECT_EQ(r["bytes"], csv.size());
    Sha256 h;
    h.Update(csv);
    EXPECT_EQ(r["hash"], "sha256:" + h.HexDigest());
  }
  EXPECT_EQ(csvs, 4);  // indicators, definitions, restatements, series
  EXPECT_EQ(pkg["licenses"][0]["name"], "CC0-1.0");
}

TEST_F(PublishRunTest, RefusesADirectoryWithOtherFiles) {
  SaveRun();
  fs::create_directories(dir_ / "busy");
  std::ofstream(dir_ / "busy" / "notes.txt") << "mine";
  auto s = Publish(ws_->store(), TestRegistry(), Options(*ws_, 2020, (dir_ / "busy").string()));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUsage);
  EXPECT_THAT(s.status().message(), HasSubstr("not empty"));
  EXPECT_EQ(Slurp(dir_ / "busy" / "notes.txt"), "mine");
}

}  // namespace
}  // namespace jbr::publish
