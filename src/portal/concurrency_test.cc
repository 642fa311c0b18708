// Two servers on one store (as several `jbr serve` processes on one PostgreSQL database, or on one
// SQLite file), twelve ministries' HR systems uploading at once, and two uploads of the same
// dataset, ministry and year racing on the two servers: every upload stored exactly once, exactly
// one current delivery per key.
#include <set>

#include "portal/test_portal.h"

namespace jbr::portal {
namespace {

TEST_F(PortalTest, TwoServersTakeConcurrentUploadsWithoutLosingOne) {
  PortalOptions o;
  o.workspace = (dir_ / "ws").string();
  o.port = 0;
  o.threads = 4;
  auto second = PortalServer::Start(o);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  std::thread second_thread([&] { (void)(*second)->Run(); });
  const int ports[2] = {server_->port(), (*second)->port()};

  std::vector<std::string> ministries, tokens;
  for (const Ministry* m : ws_->ministries().InYear(2020)) {
    if (ministries.size() == 12) break;
    auto t = CreateToken(ws_->store(), ws_->ministries(), "hr-" + m->code, m->code, 30, Now());
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    ministries.push_back(m->code);
    tokens.push_back(t->secret);
  }
  ASSERT_EQ(ministries.size(), 12u);
  const std::string file = ReadAll(Sample("personnel-BZK-2020.csv"));
  // The race on one key: a second version of BZK's file, sent to the other server at the same time.
  std::string other = file;
  other.replace(other.find(",36,"), 4, ",32,");
  struct Job {
    int port;
    std::string token, content, ministry;
    int status = 0;
    std::string outcome;
  };
  std::vector<Job> jobs;
  for (size_t i = 0; i < ministries.size(); ++i)
    jobs.push_back({ports[i % 2], tokens[i], file, ministries[i], 0, ""});
  const size_t bzk = std::find(ministries.begin(), ministries.end(), "BZK") - ministries.begin();
  ASSERT_LT(bzk, ministries.size());
  jobs.push_back({ports[(bzk + 1) % 2], tokens[bzk], other, "BZK", 0, ""});
  std::vector<std::thread> threads;
  for (Job& j : jobs) {
    threads.emplace_back([&j] {
      httplib::Client cli("127.0.0.1", j.port);
      cli.set_read_timeout(120, 0);
      httplib::MultipartFormDataItems items = {{"dataset", "personnel", "", ""},
                                               {"year", "2020", "", ""},
                                               {"file", j.content, "personnel.csv", "text/csv"}};
      auto r = cli.Post("/api/v1/deliveries", {{"Authorization", "Bearer " + j.token}}, items);
      if (!r) return;
      j.status = r->status;
      j.outcome = nlohmann::json::parse(r->body).value("outcome", "");
    });
  }
  for (auto& t : threads) t.join();
  (*second)->Stop();
  second_thread.join();

  for (const Job& j : jobs) {
    EXPECT_EQ(j.status, 200) << j.ministry;
    EXPECT_EQ(j.outcome, "accepted") << j.ministry;
  }
  auto all = ws_->store()->ListDeliveries({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 13u) << "each upload stored once";
  DeliveryFilter current;
  current.current_only = true;
  auto cur = ws_->store()->ListDeliveries(current);
  ASSERT_TRUE(cur.ok());
  std::set<std::string> seen;
  for (const auto& d : *cur)
    EXPECT_TRUE(seen.insert(d.ministry).second) << d.ministry << " twice current";
  EXPECT_EQ(seen.size(), 12u);
  int bzk_superseded = 0;
  for (const auto& d : *all) bzk_superseded += d.ministry == "BZK" && d.status == "superseded";
  EXPECT_EQ(bzk_superseded, 1) << "of the two racing BZK uploads one supersedes the other";
  ActionFilter f;
  f.action = "upload";
  EXPECT_EQ(ws_->store()->accounts()->Actions(f)->size(), 13u);
}

}  // namespace
}  // namespace jbr::portal
