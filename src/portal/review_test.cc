// Review before publication, on a hand-worked example of two years (SQLite, or PostgreSQL under
// jbr_portal_tests_postgres). Personnel at the end of the year, every person employed from 2010
// with no end date:
//   BZK  2020: 40 persons, born 1980      2021: 47 born 1980 + 3 born 2000 = 50 -> +10, +25.0%
//   FIN  2020: 30 persons                 2021: 30 persons                      -> unchanged
//   AZ   2020: 20 persons                 2021: no delivery                     -> a break
// computed for 2021 by a compute job. /anomalies lists BZK's headcount with 40, 50, +10 and +25%,
// not FIN's, and AZ's as a break with its missing delivery; a review note on it is kept with who
// and when. /preview shows a steward their own ministry beside the Rijk (50 + 30 = 80 persons in
// 2021), the 3 persons under 25 as "." that will be suppressed, and refuses another ministry.
#include "portal/anomalies.h"
#include "portal/test_portal.h"

namespace jbr::portal {
namespace {

std::string Personnel(int first, int count, const std::string& unit_type, int born = 1980) {
  std::string s =
      "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,"
      "birth_year,gender,salary_scale,contract,jobs_agreement\n";
  for (int i = first; i < first + count; ++i) {
    s += fmt::format("P{:05},E{:06},Directie {},{},2010-01-01,,36,{},female,10,permanent,nee\n", i,
                     i, unit_type, unit_type, born);
  }
  return s;
}

// The table row (<tr>...</tr>) of `body` that holds every one of `parts`, or "".
std::string RowWith(const std::string& body, std::initializer_list<std::string> parts) {
  size_t at = 0;
  while ((at = body.find("<tr>", at)) != std::string::npos) {
    const size_t end = body.find("</tr>", at);
    std::string row = body.substr(at, end - at);
    bool all = true;
    for (const auto& p : parts) all = all && row.find(p) != std::string::npos;
    if (all) return row;
    at = end;
  }
  return "";
}

class ReviewTest : public PortalTest {
 protected:
  void SetUp() override {
    PortalTest::SetUp();
    LoadText("personnel", "BZK", 2020, Personnel(1, 40, "core"));
    std::string bzk = Personnel(1, 47, "core");
    bzk += Personnel(48, 3, "core", 2000).substr(bzk.find('\n') + 1);
    LoadText("personnel", "BZK", 2021, bzk);
    LoadText("personnel", "FIN", 2020, Personnel(101, 30, "core"));
    LoadText("personnel", "FIN", 2021, Personnel(101, 30, "core"));
    LoadText("personnel", "AZ", 2020, Personnel(201, 20, "core"));
    carl_ = LogIn("carl");
    const Job j = WaitForJob(StartJob(carl_, "compute", 2021));
    ASSERT_EQ(j.state, "done") << j.error;
  }
  Browser carl_;
};

TEST_F(ReviewTest, AnomaliesListTheChangeBeyondTheThresholdWithItsFigures) {
  auto page = client_->Get("/anomalies?year=2021", carl_.Headers());
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string& b = page->body;
  const std::string bzk = RowWith(b, {">BZK<", "<code>personnel.headcount</code>"});
  ASSERT_FALSE(bzk.empty()) << b;
  EXPECT_NE(bzk.find("<td>40</td><td>50</td><td>+10</td><td>+25.0%</td>"), std::string::npos)
      << bzk;
  EXPECT_NE(bzk.find("change of more than 10.0%"), std::string::npos) << bzk;
  // FIN's headcount did not change: not an anomaly.
  EXPECT_EQ(RowWith(b, {">FIN<", "<code>personnel.headcount</code>"}), "");
  // AZ did not deliver for 2021: its series breaks, and its delivery is listed as missing.
  const std::string az = RowWith(b, {">AZ<", "<code>personnel.headcount</code>"});
  EXPECT_NE(az.find("break: a figure last year, none this year"), std::string::npos) << az;
  EXPECT_NE(az.find("<td>20</td>"), std::string::npos) << az;
  EXPECT_NE(RowWith(b, {"<th scope=\"row\">AZ</th><td>personnel</td>"}), "") << b;
  EXPECT_EQ(RowWith(b, {"<th scope=\"row\">BZK</th><td>personnel</td>"}), "");
}

TEST_F(ReviewTest, AReviewNoteIsKeptWithWhoAndWhen) {
  auto page = client_->Get("/anomalies?year=2021", carl_.Headers());
  ASSERT_TRUE(page);
  auto r = client_->Post("/anomalies", carl_.Headers(),
                         httplib::Params{{"csrf", CsrfOf(page->body)},
                                         {"year", "2021"},
                                         {"ministry", "BZK"},
                                         {"indicator", "personnel.headcount"},
                                         {"note", "  explained by reorganisation <b>  "}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 303) << r->body;
  EXPECT_EQ(r->get_header_value("Location"), "/anomalies?year=2021");
  auto notes = ws_->store()->jobs()->Notes(2021);
  ASSERT_TRUE(notes.ok());
  ASSERT_EQ(notes->size(), 1u);
  EXPECT_EQ((*notes)[0].note, "explained by reorganisation <b>");
  EXPECT_EQ((*notes)[0].actor, "carl");
  EXPECT_EQ((*notes)[0].ministry, "BZK");
  EXPECT_FALSE((*notes)[0].at.empty());
  page = client_->Get("/anomalies?year=2021", carl_.Headers());
  const std::string bzk = RowWith(page->body, {">BZK<", "<code>personnel.headcount</code>"});
  EXPECT_NE(bzk.find("explained by reorganisation &lt;b&gt; <span class=\"who\">(carl, "),
            std::string::npos)
      << bzk;
  EXPECT_EQ(CountActions("review-note"), 1);
  // Refused: an unknown ministry or indicator, an empty note, no CSRF token, a steward.
  for (auto [ministry, indicator, note] :
       {std::tuple{"XYZ", "personnel.headcount", "x"}, std::tuple{"BZK", "no.such", "x"},
        std::tuple{"BZK", "personnel.headcount", "   "}}) {
    auto bad = client_->Post("/anomalies", carl_.Headers(),
                             httplib::Params{{"csrf", carl_.csrf},
                                             {"year", "2021"},
                                             {"ministry", ministry},
                                             {"indicator", indicator},
                                             {"note", note}});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400) << ministry << " " << indicator;
  }
  auto forged = client_->Post("/anomalies", carl_.Headers(),
                              httplib::Params{{"year", "2021"},
                                              {"ministry", "BZK"},
                                              {"indicator", "personnel.headcount"},
                                              {"note", "x"}});
  EXPECT_EQ(forged->status, 403);
  const Browser anna = LogIn("anna");
  auto steward = client_->Post("/anomalies", anna.Headers(),
                               httplib::Params{{"csrf", anna.csrf},
                                               {"year", "2021"},
                                               {"ministry", "BZK"},
                                               {"indicator", "personnel.headcount"},
                                               {"note", "x"}});
  EXPECT_EQ(steward->status, 403);
  EXPECT_EQ(ws_->store()->jobs()->Notes(2021)->size(), 1u);
}

TEST_F(ReviewTest, AStewardPreviewsTheirOwnFiguresAsTheyWillBePublished) {
  const Browser anna = LogIn("anna");  // BZK
  auto page = client_->Get("/preview?year=2021", anna.Headers());
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const std::string& b = page->body;
  // BZK's headcount beside last year, the change and the Rijk (50 + 30; AZ did not deliver).
  const std::string total = RowWith(b, {"<code>personnel.headcount</code></th><td></td><td></td>"});
  EXPECT_NE(total.find("<td>50</td><td>40</td><td>+10</td><td>80</td><td>published</td>"),
            std::string::npos)
      << total;
  // The 3 persons under 25 (a cell of fewer than 10): "." and why, never the 3.
  const std::string insp =
      RowWith(b, {"<code>personnel.age_band</code></th><td></td><td>&lt;25</td>"});
  ASSERT_FALSE(insp.empty()) << b;
  EXPECT_NE(insp.find("<td>.</td>"), std::string::npos) << insp;
  EXPECT_NE(insp.find("will be suppressed (&quot;.&quot;): too few persons"), std::string::npos)
      << insp;
  EXPECT_EQ(insp.find("<td>3</td>"), std::string::npos) << insp;
  // Only BZK's own figures.
  EXPECT_EQ(b.find(">FIN<"), std::string::npos);
  auto other = client_->Get("/preview?year=2021&ministry=FIN", anna.Headers());
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 403);
  EXPECT_EQ(other->body.find("<td>30</td>"), std::string::npos);
  // A coordinator may look at any ministry's.
  auto fin = client_->Get("/preview?year=2021&ministry=FIN", carl_.Headers());
  ASSERT_TRUE(fin);
  EXPECT_EQ(fin->status, 200);
  EXPECT_NE(RowWith(fin->body, {"<code>personnel.headcount</code></th><td></td><td></td>",
                                "<td>30</td><td>30</td>"}),
            "")
      << fin->body;
}

// FindAnomalies on hand-made cells: the threshold is strict, either way; 0 -> something counts;
// breaks both ways; the Rijk, unit types, categories and quarters are not looked at.
TEST(FindAnomalies, ChangesBeyondTheThresholdAndBreaks) {
  auto cell = [](const std::string& ministry, const std::string& indicator,
                 std::optional<double> prev, std::optional<double> now) {
    StoredValue v;
    v.indicator = indicator;
    v.ministry = ministry;
    v.period = "2021";
    v.unit = "persons";
    v.status = now ? "published" : "missing";
    v.value = now;
    v.previous_status = prev ? "published" : "missing";
    v.previous = prev;
    return v;
  };
  std::vector<StoredValue> values = {
      cell("BZK", "a", 100, 110),    // +10%: not beyond 10
      cell("BZK", "b", 100, 110.5),  // +10.5%
      cell("FIN", "a", 50, 44),      // -12%
      cell("FIN", "b", 0, 5),        // from zero
      cell("FIN", "c", 0, 0),        // zero both years
      cell("AZ", "a", 20, std::nullopt),
      cell("AZ", "b", std::nullopt, 7),
      cell("AZ", "c", std::nullopt, std::nullopt),
      cell("Rijk", "a", 100, 200),
  };
  StoredValue unit = cell("BZK", "a", 10, 99);
  unit.unit_type = "core";
  StoredValue quarter = cell("BZK", "a", 10, 99);
  quarter.period = "2021-Q1";
  StoredValue category = cell("BZK", "a", 10, 99);
  category.category = "<25";
  values.insert(values.end(), {unit, quarter, category});
  const auto found = FindAnomalies(values, 2021, 10);
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].ministry + found[0].indicator, "AZa");
  EXPECT_EQ(found[0].kind, Anomaly::Kind::kGone);
  EXPECT_EQ(found[1].ministry + found[1].indicator, "AZb");
  EXPECT_EQ(found[1].kind, Anomaly::Kind::kNew);
  EXPECT_EQ(found[2].ministry + found[2].indicator, "BZKb");
  EXPECT_NEAR(*found[2].change_percent, 10.5, 1e-9);
  EXPECT_EQ(found[3].ministry + found[3].indicator, "FINa");
  EXPECT_NEAR(*found[3].change_percent, -12, 1e-9);
  EXPECT_EQ(found[4].ministry + found[4].indicator, "FINb");
  EXPECT_FALSE(found[4].change_percent.has_value());
  EXPECT_EQ(FindAnomalies(values, 2021, 11).size(), 4u) << "10.5% is within 11%";
}

}  // namespace
}  // namespace jbr::portal
