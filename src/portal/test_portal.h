// A real portal for the tests: a workspace on the test's store backend (SQLite, or PostgreSQL
// under jbr_portal_tests_postgres), users of every role, API tokens, and a server on a free
// loopback port, spoken to over real HTTP with cpp-httplib's client.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <optional>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/clock.h"
#include "common/testing/temp_dir.h"
#include "portal/accounts.h"
#include "portal/security.h"
#include "portal/server.h"
#include "store/load.h"
#include "store/testing/backend.h"
#include "store/workspace.h"

namespace jbr::portal {

inline constexpr const char* kPassword = "correct horse battery staple";

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string Sample(const std::string& name) {
  return std::string(JBR_SOURCE_DIR) + "/tests/data/sample/" + name;
}

// A browser: keeps the session cookie and the CSRF token of the last page.
struct Browser {
  std::string cookie;  // "jbr_session=..."
  std::string csrf;
  httplib::Headers Headers() const {
    return cookie.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", cookie}};
  }
};

class PortalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitSecurity().ok());
    tmp_.emplace(::jbr::testing::TestDir("jbr-portal-"));
    dir_ = tmp_->path();
    auto backend = jbr::testing::TestBackend::Make(dir_.string());
    ASSERT_TRUE(backend.ok()) << backend.status().ToString();
    backend_ = std::move(backend).value();
    auto ws = Workspace::Create((dir_ / "ws").string(), backend_->url());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
    const Context cli{"tester", "cli", "2026-01-01T00:00:00Z"};
    for (auto [name, role, ministry] :
         {std::tuple{"anna", "steward", "BZK"}, std::tuple{"fiona", "steward", "FIN"},
          std::tuple{"carl", "coordinator", ""}, std::tuple{"ada", "admin", ""}}) {
      auto u = AddUser(ws_->store(), ws_->ministries(), {name, role, ministry, kPassword}, cli);
      ASSERT_TRUE(u.ok()) << u.status().ToString();
    }
    auto token = CreateToken(ws_->store(), ws_->ministries(), "bzk-hr", "BZK", 30, Now());
    ASSERT_TRUE(token.ok()) << token.status().ToString();
    token_ = token->secret;
    PortalOptions o;
    o.workspace = (dir_ / "ws").string();
    o.port = 0;
    o.max_upload_bytes = 1 << 20;
    o.threads = 4;
    o.jobs.poll_ms = 20;
    options_ = o;
    StartServer();
  }

  void StartServer() {
    auto server = PortalServer::Start(options_);
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value();
    thread_ = std::thread([this] { (void)server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(30, 0);
    // The tests read the English pages; i18n_test.cc reads the Dutch (the default) too.
    client_->set_default_headers({{"Accept-Language", "en"}});
    for (int i = 0; i < 100 && !client_->Get("/healthz"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  // A new server process in all but name: nothing held in the old one's memory survives.
  void RestartServer() {
    server_->Stop();
    thread_.join();
    server_.reset();
    StartServer();
  }

  void TearDown() override {
    if (server_) {
      server_->Stop();
      thread_.join();
    }
    server_.reset();
    ws_.reset();
    backend_.reset();
    tmp_.reset();
  }

  static Context Now() { return Context{"tester", "cli", SystemNowUtc()}; }

  static std::string CsrfOf(const std::string& body) {
    std::smatch m;
    static const std::regex kCsrf("name=\"csrf\" value=\"([^\"]+)\"");
    return std::regex_search(body, m, kCsrf) ? m[1].str() : "";
  }

  static std::string CookieOf(const httplib::Result& r, const std::string& name) {
    for (const auto& [k, v] : r->headers) {
      if (k == "Set-Cookie" && v.rfind(name + "=", 0) == 0) return v.substr(0, v.find(';'));
    }
    return "";
  }

  // Logs in through the form, as a browser does: the login page's cookie and field, then the post.
  Browser LogIn(const std::string& name, const std::string& password = kPassword) {
    Browser b;
    auto page = client_->Get("/login");
    EXPECT_TRUE(page && page->status == 200);
    if (!page) return b;
    const std::string login_cookie = CookieOf(page, "jbr_login");
    auto r = client_->Post(
        "/login", {{"Cookie", login_cookie}},
        httplib::Params{{"csrf", CsrfOf(page->body)}, {"name", name}, {"password", password}});
    EXPECT_TRUE(r);
    if (!r || r->status != 303) return b;
    b.cookie = CookieOf(r, "jbr_session");
    auto home = client_->Get("/", b.Headers());
    if (home) b.csrf = CsrfOf(home->body);
    return b;
  }

  // A multipart upload as the upload form sends it: csrf, dataset, year, then the file.
  httplib::Result Upload(const Browser& b, const std::string& dataset, const std::string& year,
                         const std::string& file_name, const std::string& content,
                         const std::string& csrf) {
    httplib::MultipartFormDataItems items = {{"csrf", csrf, "", ""},
                                             {"dataset", dataset, "", ""},
                                             {"year", year, "", ""},
                                             {"file", content, file_name, "text/csv"}};
    return client_->Post("/upload", b.Headers(), items);
  }

  // Sends `head` as it is on a new connection and returns what the server answers before closing.
  std::string RawRequest(const std::string& head) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(server_->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string out;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0 &&
        ::send(fd, head.data(), head.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(head.size())) {
      timeval tv{10, 0};
      setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
      char buf[4096];
      for (ssize_t n; (n = ::recv(fd, buf, sizeof(buf), 0)) > 0;)
        out.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return out;
  }

  int64_t DeliveryCount() {
    auto list = ws_->store()->ListDeliveries({});
    EXPECT_TRUE(list.ok());
    return list.ok() ? static_cast<int64_t>(list->size()) : -1;
  }

  // Loads a sample file as `jbr load` does; returns the delivery id.
  int64_t LoadSample(const std::string& file, const std::string& dataset,
                     const std::string& ministry) {
    LoadRequest req{dataset, ministry, 2020, "tester", Sample(file), file, "2026-01-01T00:00:00Z",
                    {}};
    CollectingSink sink;
    auto r = LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find(dataset), req, &sink);
    EXPECT_TRUE(r.ok() && r->outcome == LoadOutcome::kAccepted)
        << (r.ok() ? "" : r.status().ToString());
    return r.ok() ? r->delivery.id : 0;
  }

  // Loads `text` as a delivery of `dataset`, `ministry` and `year`, as `jbr load` does.
  int64_t LoadText(const std::string& dataset, const std::string& ministry, int year,
                   const std::string& text) {
    const std::string name = fmt::format("{}-{}-{}.csv", dataset, ministry, year);
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    LoadRequest req{dataset, ministry, year, "tester", path, name, "2026-01-01T00:00:00Z", {}};
    CollectingSink sink;
    auto r = LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find(dataset), req, &sink);
    EXPECT_TRUE(r.ok() && r->outcome == LoadOutcome::kAccepted)
        << (r.ok() ? (sink.findings().empty() ? std::string("no findings")
                                              : sink.findings().front().message)
                   : r.status().ToString());
    return r.ok() ? r->delivery.id : 0;
  }

  // Starts a job through the form at /jobs as `b`; returns its id (0 when refused).
  int64_t StartJob(const Browser& b, const std::string& kind, int year) {
    auto page = client_->Get("/jobs", b.Headers());
    EXPECT_TRUE(page && page->status == 200);
    if (!page) return 0;
    auto r = client_->Post(
        "/jobs", b.Headers(),
        httplib::Params{
            {"csrf", CsrfOf(page->body)}, {"kind", kind}, {"year", std::to_string(year)}});
    EXPECT_TRUE(r && r->status == 303) << (r ? r->body : "no answer");
    if (!r || r->status != 303) return 0;
    const std::string at = r->get_header_value("Location");
    EXPECT_EQ(at.rfind("/jobs/", 0), 0u) << at;
    return std::stoll(at.substr(6));
  }

  // Waits until job `id` has ended (a worker of some server runs it); returns it as stored.
  // The worker finishes the job in the store and then logs its "job-end": the job has ended
  // for a test once both are there (counting the log right after the state raced on PostgreSQL).
  Job WaitForJob(int64_t id) {
    for (int i = 0; i < 6000; ++i) {
      auto j = ws_->store()->jobs()->GetJob(id);
      EXPECT_TRUE(j.ok() && *j);
      if (!j.ok() || !*j) return Job{};
      if (((*j)->state == "done" || (*j)->state == "failed") && JobEndLogged(id)) return **j;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "job " << id << " did not end";
    return Job{};
  }

  bool JobEndLogged(int64_t id) {
    ActionFilter f;
    f.action = "job-end";
    f.limit = 1000000;
    auto list = ws_->store()->accounts()->Actions(f);
    if (!list.ok()) return false;
    const std::string target = "job " + std::to_string(id);
    return std::any_of(list->begin(), list->end(),
                       [&](const ActionEntry& a) { return a.target == target; });
  }

  // The number of actions `action` in the store's action log.
  int64_t CountActions(const std::string& action) {
    ActionFilter f;
    f.action = action;
    f.limit = 1000000;
    auto list = ws_->store()->accounts()->Actions(f);
    EXPECT_TRUE(list.ok());
    return list.ok() ? static_cast<int64_t>(list->size()) : -1;
  }

  std::optional<TempDir> tmp_;
  std::filesystem::path dir_;
  std::unique_ptr<jbr::testing::TestBackend> backend_;
  std::unique_ptr<Workspace> ws_;
  PortalOptions options_;
  std::unique_ptr<PortalServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  std::string token_;
};

}  // namespace jbr::portal
