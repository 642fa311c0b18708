// The public API over real HTTP: only the cells of stored releases, in their published form; a
// run never released is never served; ETag and Cache-Control; CSV on request; OpenAPI document.
#include "portal/test_portal.h"

namespace jbr::portal {
namespace {

StoredValue Value(const std::string& ministry, const std::string& status,
                  std::optional<double> value, std::optional<double> change,
                  const std::string& flag) {
  StoredValue v;
  v.indicator = "hire.share";
  v.ministry = ministry;
  v.period = "2020";
  v.unit = "%";
  v.status = status;
  v.value = value;
  v.numerator = value ? std::optional<double>(*value * 10) : std::nullopt;
  v.denominator = value ? std::optional<double>(1000) : std::nullopt;
  v.change = change;
  v.flag = flag;
  v.deliveries = "[]";
  return v;
}

class ApiTest : public PortalTest {
 protected:
  void Release(int year, int number, const std::vector<StoredValue>& values) {
    auto run = ws_->store()->SaveComputeRun(
        ComputeRun{0, "2021-03-01T12:00:00Z", year, "def", "v", "[]", "{}"}, values);
    ASSERT_TRUE(run.ok());
    NewRelease r{year, number, *run, "[]", "2021-04-01T09:00:00Z", "tester", "{}"};
    ASSERT_TRUE(ws_->store()->CreateRelease(r).ok());
  }
  void Unreleased(int year, const std::vector<StoredValue>& values) {
    ASSERT_TRUE(ws_->store()
                    ->SaveComputeRun(
                        ComputeRun{0, "2021-05-01T12:00:00Z", year, "def", "v", "[]", "{}"}, values)
                    .ok());
  }
  nlohmann::json Get(const std::string& path) {
    auto r = client_->Get(path.c_str());
    EXPECT_TRUE(r && r->status == 200) << path;
    return r && r->status == 200 ? nlohmann::json::parse(r->body) : nlohmann::json();
  }
};

// The answers are kept in memory (ApiCache): a new release of the year must be answered at once,
// in JSON and in CSV, for the very same request.
TEST_F(ApiTest, ANewReleaseIsServedAtOnceDespiteTheCache) {
  Release(2020, 1, {Value("BZK", "published", 12.5, std::nullopt, "")});
  const std::string q = "/api/v1/indicators?ministry=BZK&year=2020";
  ASSERT_EQ(Get(q)["cells"][0]["value"], 12.5);
  ASSERT_EQ(Get(q)["cells"][0]["release"], "2020-1");  // the second time from the cache
  auto csv = client_->Get((q + "&format=csv").c_str());
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->body.find("\n2020-1,hire.share,BZK,,2020,,12.5,"), std::string::npos) << csv->body;
  Release(2020, 2, {Value("BZK", "published", 14, std::nullopt, "")});
  auto now = Get(q);
  ASSERT_EQ(now["count"], 1);
  EXPECT_EQ(now["cells"][0]["value"], 14);
  EXPECT_EQ(now["cells"][0]["release"], "2020-2");
  csv = client_->Get((q + "&format=csv").c_str());
  ASSERT_TRUE(csv);
  EXPECT_NE(csv->body.find("\n2020-2,hire.share,BZK,,2020,,14,"), std::string::npos) << csv->body;
  EXPECT_EQ(csv->body.find("12.5"), std::string::npos) << csv->body;
}

TEST_F(ApiTest, OnlyReleasedCellsAndNeverASuppressedValue) {
  // Release 2020-1: BZK published at 12.5; FIN suppressed (its change and norm flag must not
  // leak: a flag bounds the hidden value); the Rijk missing.
  Release(2020, 1,
          {Value("BZK", "published", 12.5, 1.5, "above_norm"),
           Value("FIN", "suppressed", std::nullopt, 3.25, "above_norm"),
           Value("Rijk", "missing", std::nullopt, std::nullopt, "incomplete")});
  // Later runs never released: 2020 recomputed with 77, and 2021 with 99.
  Unreleased(2020, {Value("BZK", "published", 77, std::nullopt, "")});
  Unreleased(2021, {Value("BZK", "published", 99, std::nullopt, "")});

  auto all = Get("/api/v1/indicators");
  ASSERT_EQ(all["count"], 3);
  for (const auto& cell : all["cells"]) {
    EXPECT_EQ(cell["release"], "2020-1");
    EXPECT_NE(cell["value"], 77);
    EXPECT_NE(cell["value"], 99);
  }
  auto bzk = Get("/api/v1/indicators?indicator=hire.share&ministry=BZK&year=2020");
  ASSERT_EQ(bzk["count"], 1);
  EXPECT_EQ(bzk["cells"][0]["value"], 12.5);
  EXPECT_EQ(bzk["cells"][0]["numerator"], 125);
  EXPECT_EQ(bzk["cells"][0]["flag"], "above_norm");
  auto fin = Get("/api/v1/indicators?ministry=FIN");
  ASSERT_EQ(fin["count"], 1);
  EXPECT_EQ(fin["cells"][0]["status"], "suppressed");
  EXPECT_TRUE(fin["cells"][0]["value"].is_null());
  EXPECT_TRUE(fin["cells"][0]["change"].is_null());
  EXPECT_EQ(fin["cells"][0]["flag"], "");
  EXPECT_EQ(client_->Get("/api/v1/indicators?ministry=FIN")->body.find("3.25"), std::string::npos);
  EXPECT_EQ(Get("/api/v1/indicators?year=2021")["count"], 0) << "2021 was never released";

  // A second release of 2020 takes over from the first.
  Release(2020, 2, {Value("BZK", "published", 13, std::nullopt, "")});
  auto latest = Get("/api/v1/indicators?ministry=BZK");
  ASSERT_EQ(latest["count"], 1);
  EXPECT_EQ(latest["cells"][0]["release"], "2020-2");
  EXPECT_EQ(latest["cells"][0]["value"], 13);
  auto releases = Get("/api/v1/releases");
  ASSERT_EQ(releases["releases"].size(), 2u);
}

TEST_F(ApiTest, CsvEtagsAndTheOpenApiDocument) {
  Release(2020, 1,
          {Value("BZK", "published", 12.5, std::nullopt, ""),
           Value("FIN", "suppressed", std::nullopt, 2, "")});
  auto csv = client_->Get("/api/v1/indicators?format=csv");
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->body,
            "release,indicator,ministry,unit_type,period,category,value,numerator,denominator,unit,"
            "status,previous,change,flag\n"
            "2020-1,hire.share,BZK,,2020,,12.5,125,1000,%,published,,,\n"
            "2020-1,hire.share,FIN,,2020,,,,,%,suppressed,,,\n");
  auto accept = client_->Get("/api/v1/indicators", {{"Accept", "text/csv"}});
  EXPECT_EQ(accept->body, csv->body);
  auto first = client_->Get("/api/v1/releases");
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_NE(first->get_header_value("Cache-Control").find("max-age"), std::string::npos);
  auto again = client_->Get("/api/v1/releases", {{"If-None-Match", etag}});
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto doc = Get("/api/v1/openapi.json");
  EXPECT_EQ(doc["openapi"], "3.0.3");
  for (const char* p :
       {"/api/v1/indicators", "/api/v1/releases", "/api/v1/definitions", "/api/v1/openapi.json"}) {
    EXPECT_TRUE(doc["paths"].contains(p)) << p;
  }
  auto defs = Get("/api/v1/definitions");
  bool found = false;
  for (const auto& d : defs["definitions"]) found |= d["id"] == "hire.share";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace jbr::portal
