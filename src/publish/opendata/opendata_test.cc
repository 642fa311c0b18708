#include "publish/opendata/opendata.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "publish/opendata/table.h"
#include "publish/testing/test_store.h"

namespace jbr::publish {
namespace {

using nlohmann::json;

class OpenDataTest : public PublishTest {
 protected:
  Publication Load() {
    SaveRun();
    auto pub = LoadPublication(ws_->store(), TestRegistry(), 2020);
    EXPECT_TRUE(pub.ok()) << pub.status().ToString();
    return pub.ok() ? std::move(pub).value() : Publication{};
  }
};

// Worked out from TestValues(): sorted, Rijk last per indicator; the suppressed FIN headcount and
// the missing FIN hire share without figures; the suppressed cell keeps only its coverage flag.
TEST_F(OpenDataTest, IndicatorsCsvIsExactlyTheHandWorkedTable) {
  EXPECT_EQ(RenderCsv(IndicatorTable(Load())),
            "indicator,ministry,unit_type,period,category,value,numerator,denominator,unit,status,"
            "previous,change,"
            "flag\n"
            "hire.share,BZK,,2020,,5,25,500,%,published,4.5,0.5,\n"
            "hire.share,FIN,,2020,,,,,%,missing,,,\n"
            "hire.share,Rijk,,2020,,5,25,500,%,published,,,incomplete\n"
            "personnel.headcount,BZK,,2020,,1234,1234,1,persons,published,,,\n"
            "personnel.headcount,BZK,core,2020,,1000,1000,1,persons,published,,,\n"
            "personnel.headcount,FIN,,2020,,,,,persons,suppressed,,,incomplete\n"
            "personnel.headcount,Rijk,,2020,,40000,40000,1,persons,published,,,\n");
}

TEST_F(OpenDataTest, DefinitionsCsvQuotesTextsWithCommas) {
  EXPECT_EQ(RenderCsv(DefinitionTable(Load())),
            "id,title_nl,title_en,unit,definition_nl,definition_en,datasets,disclosure\n"
            "personnel.headcount,Aantal medewerkers,Headcount,persons,\"Definitie van "
            "personnel.headcount, met een "
            "komma\",Definition of personnel.headcount,personnel,none\n"
            "hire.share,Externe inhuur,External hire,%,\"Definitie van hire.share, met een "
            "komma\",Definition of "
            "hire.share,hire,none\n");
}

TEST_F(OpenDataTest, IndicatorsJsonHasNullsWhereTheCsvIsEmpty) {
  const json j = json::parse(IndicatorsJson(Load()));
  EXPECT_EQ(j["year"], 2020);
  EXPECT_EQ(j["factor_vintage"], "2020-illustrative");
  EXPECT_EQ(j["modified"], "2021-03-01");
  ASSERT_EQ(j["values"].size(), 7u);
  const json& bzk = j["values"][0];
  EXPECT_EQ(bzk["value"], 5.0);
  EXPECT_EQ(bzk["numerator"], 25.0);
  EXPECT_EQ(bzk["denominator"], 500.0);
  EXPECT_EQ(bzk["previous"], 4.5);
  const json& fin = j["values"][5];
  EXPECT_EQ(fin["ministry"], "FIN");
  EXPECT_EQ(fin["status"], "suppressed");
  EXPECT_TRUE(fin["value"].is_null());
  EXPECT_TRUE(fin["numerator"].is_null());
  EXPECT_TRUE(fin["denominator"].is_null());
  EXPECT_TRUE(fin["change"].is_null());
}

TEST_F(OpenDataTest, MetadataHasWhatDataOverheidAsksFor) {
  const json m = json::parse(MetadataJson(Load()));
  for (const char* key : {"identifier", "title", "description", "publisher", "license", "language",
                          "theme", "modified", "temporal", "distributions"}) {
    EXPECT_TRUE(m.contains(key)) << key;
  }
  EXPECT_EQ(m["license"], "http://creativecommons.org/publicdomain/zero/1.0/deed.nl");
  EXPECT_EQ(m["modified"], "2021-03-01");  // the run's day, not today
  EXPECT_EQ(m["temporal"]["start"], "2020-01-01");
  EXPECT_EQ(m["temporal"]["end"], "2020-12-31");
  EXPECT_EQ(m["distributions"].size(), 6u);
}

}  // namespace
}  // namespace jbr::publish
