// Uploading over real HTTP: a defective file shows its findings (paged, and as CSV) and stores
// nothing; a good one is accepted and appears, with its SHA-256 and original bytes, only in its
// own ministry's history; hostile uploads get clear 4xx answers and store nothing.
#include "common/sha256.h"
#include "portal/test_portal.h"

namespace jbr::portal {
namespace {

std::string Sha(const std::string& bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.HexDigest();
}

// The sample personnel file with every person's weekly hours set to `hours` on `rows` rows.
std::string Personnel(int rows, const char* hours) {
  std::string out =
      "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,birth_"
      "year,gender,"
      "salary_scale,contract,jobs_agreement\n";
  for (int i = 1; i <= rows; ++i) {
    out += fmt::format(
        "P{:05},E{:06},DG Overheidsorganisatie,core,2018-07-03,,{},1961,female,7,permanent,nee\n",
        i, i, hours);
  }
  return out;
}

int CountRows(const std::string& html) {
  int n = 0;
  for (size_t p = html.find("<tr><th scope=\"row\">"); p != std::string::npos;
       p = html.find("<tr><th scope=\"row\">", p + 1))
    ++n;
  return n;
}

TEST_F(PortalTest, ADefectiveFileShowsItsFindingsAndStoresNothing) {
  Browser anna = LogIn("anna");
  // 120 rows, each with 44 hours a week: one error per row (the maximum is 40, data/schemas).
  auto r = Upload(anna, "personnel", "2020", "personeel.csv", Personnel(120, "44"), anna.csrf);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 303);
  const std::string report = r->get_header_value("Location");
  auto page1 = client_->Get(report.c_str(), anna.Headers());
  ASSERT_EQ(page1->status, 200);
  EXPECT_NE(page1->body.find("Rejected"), std::string::npos);
  EXPECT_NE(page1->body.find("120 errors"), std::string::npos);
  EXPECT_NE(page1->body.find("weekly_hours"), std::string::npos);
  EXPECT_NE(page1->body.find("<td>44</td>"), std::string::npos);
  EXPECT_EQ(CountRows(page1->body), 50);
  EXPECT_NE(page1->body.find("page 1 of 3"), std::string::npos);
  EXPECT_EQ(CountRows(client_->Get((report + "?page=3").c_str(), anna.Headers())->body), 20);
  EXPECT_EQ(client_->Get((report + "?page=4").c_str(), anna.Headers())->status, 404);
  auto csv = client_->Get((report + "/findings.csv").c_str(), anna.Headers());
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 121);
  EXPECT_NE(csv->body.find("personeel.csv,,2,weekly_hours,44,error,"), std::string::npos);
  // Another steward cannot read it.
  Browser fiona = LogIn("fiona");
  EXPECT_EQ(client_->Get(report.c_str(), fiona.Headers())->status, 404);
  EXPECT_EQ(DeliveryCount(), 0);
}

TEST_F(PortalTest, AGoodFileIsAcceptedAndOnlyItsMinistrySeesIt) {
  Browser anna = LogIn("anna");
  const std::string good = ReadAll(Sample("personnel-BZK-2020.csv"));
  auto r = Upload(anna, "personnel", "2020", "personeel.csv", good, anna.csrf);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 303);
  auto report = client_->Get(r->get_header_value("Location").c_str(), anna.Headers());
  EXPECT_NE(report->body.find("Accepted"), std::string::npos) << report->body;
  auto list = ws_->store()->ListDeliveries({});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  const DeliveryRecord& d = list->front();
  EXPECT_EQ(d.ministry, "BZK") << "the ministry comes from the account";
  EXPECT_EQ(d.delivered_by, "anna");
  EXPECT_EQ(d.sha256, Sha(good));
  EXPECT_EQ(d.row_count, 40);  // the sample's 41 lines less the header
  auto history = client_->Get("/deliveries", anna.Headers());
  EXPECT_NE(history->body.find(Sha(good)), std::string::npos);
  auto original =
      client_->Get(fmt::format("/deliveries/{}/original", d.id).c_str(), anna.Headers());
  ASSERT_EQ(original->status, 200);
  EXPECT_EQ(original->body, good);
  // The same file again: identical, nothing new.
  auto again = Upload(anna, "personnel", "2020", "personeel.csv", good, anna.csrf);
  EXPECT_NE(client_->Get(again->get_header_value("Location").c_str(), anna.Headers())
                ->body.find("identical"),
            std::string::npos);
  EXPECT_EQ(DeliveryCount(), 1);
  Browser fiona = LogIn("fiona");
  auto theirs = client_->Get("/deliveries?ministry=BZK", fiona.Headers());
  EXPECT_EQ(theirs->body.find(Sha(good)), std::string::npos)
      << "a steward sees only their own ministry";
  EXPECT_EQ(
      client_->Get(fmt::format("/deliveries/{}/original", d.id).c_str(), fiona.Headers())->status,
      404);
  // The coordinator's matrix shows it.
  auto matrix = client_->Get("/matrix?year=2020", LogIn("carl").Headers());
  EXPECT_NE(matrix->body.find("accepted "), std::string::npos);
  ActionFilter f;
  f.action = "upload";
  auto logged = ws_->store()->accounts()->Actions(f);
  ASSERT_EQ(logged->size(), 2u);
  EXPECT_EQ(logged->back().actor, "anna");
  EXPECT_EQ(logged->back().source, "127.0.0.1");
  EXPECT_EQ(logged->back().outcome, "accepted");
}

// Reports are kept in the store: a steward comes back to a rejected upload's report after the
// server has restarted, finds it in the list of their ministry's reports, and reaches an accepted
// delivery's report from the delivery history. Another ministry's steward, the administrator and
// anonymous visitors see none of it; the coordinator and the ministry's own HR token do.
TEST_F(PortalTest, ReportsAreKeptInTheStoreForTheirMinistryOnly) {
  Browser anna = LogIn("anna");
  auto bad = Upload(anna, "personnel", "2020", "personeel.csv", Personnel(60, "44"), anna.csrf);
  ASSERT_TRUE(bad && bad->status == 303);
  const std::string rejected = bad->get_header_value("Location");
  auto good = Upload(anna, "personnel", "2020", "goed.csv", Personnel(3, "36"), anna.csrf);
  ASSERT_TRUE(good && good->status == 303);
  const std::string accepted = good->get_header_value("Location");
  ReportFilter all;
  auto stored = ws_->store()->reports()->ListReports(all);
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ((*stored)[1].outcome, "rejected");
  EXPECT_EQ((*stored)[1].errors, 60);  // one per row: 44 hours is over the maximum of 40
  EXPECT_EQ((*stored)[1].kept, 60);
  EXPECT_EQ((*stored)[0].outcome, "accepted");
  EXPECT_EQ("/reports/" + (*stored)[1].id, rejected);
  EXPECT_EQ(DeliveryCount(), 1) << "the rejected upload stored its report and nothing else";

  RestartServer();
  anna = LogIn("anna");
  auto page2 = client_->Get((rejected + "?page=2").c_str(), anna.Headers());
  ASSERT_TRUE(page2);
  ASSERT_EQ(page2->status, 200);
  EXPECT_NE(page2->body.find("60 errors"), std::string::npos);
  EXPECT_EQ(CountRows(page2->body), 10);  // findings 51..60
  EXPECT_NE(page2->body.find("<th scope=\"row\">61</th>"), std::string::npos)
      << "the last finding is about row 61 (60 rows after the header)";
  auto csv = client_->Get((rejected + "/findings.csv").c_str(), anna.Headers());
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 61);
  auto list = client_->Get("/reports", anna.Headers());
  ASSERT_EQ(list->status, 200);
  EXPECT_NE(list->body.find(rejected.substr(9)), std::string::npos);
  EXPECT_NE(list->body.find(accepted.substr(9)), std::string::npos);
  EXPECT_NE(list->body.find("<td>rejected</td>"), std::string::npos);
  auto history = client_->Get("/deliveries", anna.Headers());
  EXPECT_NE(history->body.find("href=\"" + accepted + "\""), std::string::npos)
      << "the delivery links to its report";

  Browser fiona = LogIn("fiona");
  Browser carl = LogIn("carl");
  Browser ada = LogIn("ada");
  const httplib::Headers bzk_token = {{"Authorization", "Bearer " + token_}};
  for (const std::string& path : {rejected, rejected + "/findings.csv", accepted}) {
    EXPECT_EQ(client_->Get(path.c_str(), fiona.Headers())->status, 404) << path;
    EXPECT_EQ(client_->Get(path.c_str())->status, 401) << path;
    EXPECT_EQ(client_->Get(path.c_str(), ada.Headers())->status, 403) << path;
    EXPECT_EQ(client_->Get(path.c_str(), carl.Headers())->status, 200) << path;
    EXPECT_EQ(client_->Get(path.c_str(), bzk_token)->status, 200) << path;
  }
  auto theirs = client_->Get("/reports?ministry=BZK", fiona.Headers());
  ASSERT_EQ(theirs->status, 200);
  EXPECT_EQ(theirs->body.find(rejected.substr(9)), std::string::npos)
      << "a steward's list is their own ministry's, whatever the query says";
  EXPECT_EQ(client_->Get("/deliveries", fiona.Headers())->body.find(accepted), std::string::npos);
  EXPECT_NE(client_->Get("/reports", carl.Headers())->body.find(rejected.substr(9)),
            std::string::npos);
  EXPECT_EQ(client_->Get("/reports")->status, 401);
  EXPECT_EQ(client_->Get("/reports", ada.Headers())->status, 403);
}

TEST_F(PortalTest, HostileUploadsGetClearAnswersAndStoreNothing) {
  Browser anna = LogIn("anna");
  const std::string good = ReadAll(Sample("personnel-BZK-2020.csv"));
  for (const char* name : {"../../evil.csv", "dir/personnel.csv", "..\\x.csv", ".hidden.csv", ""}) {
    auto r = Upload(anna, "personnel", "2020", name, good, anna.csrf);
    ASSERT_TRUE(r) << name;
    EXPECT_EQ(r->status, 400) << name;
  }
  EXPECT_EQ(Upload(anna, "personnel", "2020", "personnel.exe", good, anna.csrf)->status, 415);
  // An old Excel file by its name: refused as the reader refuses its bytes, saying how to save it.
  auto xls = Upload(anna, "personnel", "2020", "personeel.XLS", good, anna.csrf);
  ASSERT_TRUE(xls);
  EXPECT_EQ(xls->status, 415);
  EXPECT_NE(xls->body.find("old Excel workbook (.xls"), std::string::npos) << xls->body;
  EXPECT_NE(xls->body.find("save it as Excel Workbook (.xlsx), OpenDocument Spreadsheet (.ods) or "
                           "CSV UTF-8"),
            std::string::npos);
  EXPECT_EQ(Upload(anna, "nosuch", "2020", "p.csv", good, anna.csrf)->status, 400);
  EXPECT_EQ(Upload(anna, "personnel", "20x0", "p.csv", good, anna.csrf)->status, 400);
  // Larger than the server's limit (1 MiB in these tests): 413 before the body is read.
  const std::string big = RawRequest(fmt::format(
      "POST /upload HTTP/1.1\r\nHost: x\r\nCookie: {}\r\nContent-Type: multipart/form-data; "
      "boundary=b\r\nContent-Length: {}\r\n\r\n",
      anna.cookie, 2 << 20));
  EXPECT_EQ(big.substr(0, 12), "HTTP/1.1 413") << big.substr(0, 200);
  EXPECT_NE(big.find("larger than the 1 MiB"), std::string::npos);
  // Malformed multipart and the wrong content type.
  auto bad = client_->Post("/upload", anna.Headers(), "--nothing\r\ngarbage",
                           "multipart/form-data; boundary=xyz");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(client_->Post("/upload", anna.Headers(), good, "text/csv")->status, 415);
  // Headers larger than any browser sends.
  httplib::Headers huge = anna.Headers();
  huge.emplace("X-Padding", std::string(64 << 10, 'a'));
  auto h = client_->Get("/upload", huge);
  EXPECT_TRUE(!h || (h->status >= 400 && h->status < 500)) << (h ? h->status : 0);
  EXPECT_EQ(DeliveryCount(), 0);
  // Nothing left behind in the upload directory either.
  EXPECT_TRUE(std::filesystem::is_empty(dir_ / "ws" / "portal-uploads"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "evil.csv"));
  EXPECT_EQ(client_->Get("/healthz")->status, 200) << "the server is still there";
}

TEST_F(PortalTest, AnHrSystemUploadsWithItsTokenAndGetsJson) {
  httplib::MultipartFormDataItems items = {
      {"dataset", "personnel", "", ""},
      {"year", "2020", "", ""},
      {"file", Personnel(3, "45"), "hr-export.csv", "text/csv"}};
  auto r = client_->Post("/api/v1/deliveries", {{"Authorization", "Bearer " + token_}}, items);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);
  auto j = nlohmann::json::parse(r->body);
  EXPECT_EQ(j["outcome"], "rejected");
  EXPECT_EQ(j["errors"], 3);
  EXPECT_EQ(j["findings"][0]["column"], "weekly_hours");
  EXPECT_EQ(j["findings"][0]["row"], 2);
  EXPECT_EQ(DeliveryCount(), 0);
}

}  // namespace
}  // namespace jbr::portal
