// Hostile requests over real HTTP: CSRF, session fixation, SQL-injection strings in parameters,
// path traversal, expired and revoked tokens, the login rate limit, sessions ended on logout.
#include "portal/test_portal.h"

namespace jbr::portal {
namespace {

const char* const kInjections[] = {"' OR '1'='1",
                                   "1; DROP TABLE users; --",
                                   "\" OR 1=1 --",
                                   "BZK' --",
                                   "%' UNION SELECT password_hash FROM users --",
                                   "1) OR (1=1"};

TEST_F(PortalTest, PasswordsAreStoredAsArgon2idAndLoginsCheckThem) {
  auto u = ws_->store()->accounts()->FindUser("anna");
  ASSERT_TRUE(u.ok() && u->has_value());
  EXPECT_EQ((*u)->password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_EQ((*u)->password_hash.find(kPassword), std::string::npos);
  EXPECT_FALSE(LogIn("anna").cookie.empty());
  EXPECT_TRUE(LogIn("anna", "wrong password here").cookie.empty());
  EXPECT_TRUE(LogIn("nobody").cookie.empty());
}

TEST_F(PortalTest, SessionCookieIsHttpOnlyStrictAndExpires) {
  auto page = client_->Get("/login");
  ASSERT_TRUE(page);
  auto r = client_->Post(
      "/login", {{"Cookie", CookieOf(page, "jbr_login")}},
      httplib::Params{{"csrf", CsrfOf(page->body)}, {"name", "anna"}, {"password", kPassword}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 303);
  std::string set;
  for (const auto& [k, v] : r->headers) {
    if (k == "Set-Cookie" && v.rfind("jbr_session=", 0) == 0) set = v;
  }
  EXPECT_NE(set.find("HttpOnly"), std::string::npos) << set;
  EXPECT_NE(set.find("SameSite=Strict"), std::string::npos) << set;
  EXPECT_NE(set.find("Max-Age=28800"), std::string::npos) << set;  // 8 hours, the default
  EXPECT_EQ(set.find("Secure"), std::string::npos) << "not under plain HTTP";
}

TEST_F(PortalTest, LoginWithoutItsFormTokenIsRefused) {
  auto r = client_->Post("/login", httplib::Params{{"name", "anna"}, {"password", kPassword}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_EQ(CookieOf(r, "jbr_session"), "");
}

TEST_F(PortalTest, SessionFixationIsImpossible) {
  // A session id planted in the browser before login is never the one login gives.
  Browser planted;
  planted.cookie = "jbr_session=attacker-chosen-value";
  auto page = client_->Get("/login", planted.Headers());
  ASSERT_TRUE(page);
  auto r = client_->Post(
      "/login", {{"Cookie", planted.cookie + "; " + CookieOf(page, "jbr_login")}},
      httplib::Params{{"csrf", CsrfOf(page->body)}, {"name", "anna"}, {"password", kPassword}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 303);
  const std::string given = CookieOf(r, "jbr_session");
  EXPECT_FALSE(given.empty());
  EXPECT_NE(given, planted.cookie);
  auto home = client_->Get("/upload", planted.Headers());
  EXPECT_EQ(home->status, 401) << "the planted value is no session";
}

TEST_F(PortalTest, StateChangesWithoutTheSessionsCsrfTokenAreRefused) {
  Browser anna = LogIn("anna");
  ASSERT_FALSE(anna.csrf.empty());
  const std::string good = ReadAll(Sample("personnel-BZK-2020.csv"));
  for (const std::string& csrf : {std::string(), std::string("forged"), LogIn("fiona").csrf}) {
    auto r = Upload(anna, "personnel", "2020", "personnel.csv", good, csrf);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << "csrf '" << csrf << "'";
  }
  EXPECT_EQ(DeliveryCount(), 0);
  auto out = client_->Post("/logout", anna.Headers(), httplib::Params{});
  EXPECT_EQ(out->status, 403);
  EXPECT_EQ(client_->Get("/upload", anna.Headers())->status, 200) << "still logged in";
  auto ok = client_->Post("/logout", anna.Headers(), httplib::Params{{"csrf", anna.csrf}});
  EXPECT_EQ(ok->status, 303);
  EXPECT_EQ(client_->Get("/upload", anna.Headers())->status, 401) << "the session ended";
  ActionFilter f;
  f.action = "csrf";
  auto logged = ws_->store()->accounts()->Actions(f);
  ASSERT_TRUE(logged.ok());
  EXPECT_EQ(logged->size(), 4u) << "every refusal is in the action log";
}

TEST_F(PortalTest, SqlInjectionStringsInParametersChangeNothing) {
  LoadSample("personnel-BZK-2020.csv", "personnel", "BZK");
  Browser carl = LogIn("carl");
  for (const char* bad : kInjections) {
    const std::string q = httplib::detail::encode_query_param(bad);
    for (const char* p : {"indicator", "ministry", "year"}) {
      auto r = client_->Get(("/api/v1/indicators?" + std::string(p) + "=" + q).c_str());
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 400) << p << "=" << bad;
    }
    for (const char* p : {"ministry", "dataset"}) {
      auto r = client_->Get(("/deliveries?" + std::string(p) + "=" + q).c_str(), carl.Headers());
      ASSERT_TRUE(r);
      EXPECT_EQ(r->status, 200) << p << "=" << bad;
      EXPECT_NE(r->body.find("There are no deliveries yet."), std::string::npos)
          << "matched as a plain value";
    }
    EXPECT_EQ(client_->Get(("/deliveries?year=" + q).c_str(), carl.Headers())->status, 400);
    EXPECT_EQ(client_->Get(("/matrix?year=" + q).c_str(), carl.Headers())->status, 400);
    EXPECT_EQ(
        client_->Get(("/actions?actor=" + q + "&action=" + q).c_str(), carl.Headers())->status,
        200);
    EXPECT_TRUE(LogIn(bad, bad).cookie.empty());
  }
  EXPECT_EQ(DeliveryCount(), 1);
  auto users = ws_->store()->accounts()->ListUsers();
  ASSERT_TRUE(users.ok());
  EXPECT_EQ(users->size(), 4u);
}

TEST_F(PortalTest, PathTraversalFindsNothing) {
  Browser carl = LogIn("carl");
  for (const char* path :
       {"/assets/../jbr.json", "/assets/%2e%2e/jbr.json", "/assets/..%2f..%2fjbr.json",
        "/reports/..%2f..%2fetc%2fpasswd", "/deliveries/..%2fjbr.sqlite/original",
        "/deliveries/1%2f..%2f2/original", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        "/assets/style.css/../../jbr.json"}) {
    auto r = client_->Get(path, carl.Headers());
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 404 || r->status == 400) << path << ": " << r->status;
    EXPECT_EQ(r->body.find("\"store\""), std::string::npos) << path;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(PortalTest, ExpiredAndRevokedTokensAreRefused) {
  Context past{"tester", "cli", "2020-01-01T00:00:00Z"};
  auto expired = CreateToken(ws_->store(), ws_->ministries(), "old-hr", "BZK", 1, past);
  ASSERT_TRUE(expired.ok());
  auto revoked = CreateToken(ws_->store(), ws_->ministries(), "gone-hr", "BZK", 30, Now());
  ASSERT_TRUE(revoked.ok());
  ASSERT_TRUE(RevokeToken(ws_->store(), "gone-hr", Now()).ok());
  const std::string good = ReadAll(Sample("personnel-BZK-2020.csv"));
  httplib::MultipartFormDataItems items = {{"dataset", "personnel", "", ""},
                                           {"year", "2020", "", ""},
                                           {"file", good, "personnel.csv", "text/csv"}};
  for (const std::string& t :
       {expired->secret, revoked->secret, std::string("jbr_not-a-token"), token_ + "x"}) {
    auto r = client_->Post("/api/v1/deliveries", {{"Authorization", "Bearer " + t}}, items);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401);
    EXPECT_NE(r->body.find("expired or revoked"), std::string::npos);
    EXPECT_EQ(client_->Get("/api/v1/releases", {{"Authorization", "Bearer " + t}})->status, 401);
  }
  EXPECT_EQ(DeliveryCount(), 0);
  auto ok = client_->Post("/api/v1/deliveries", {{"Authorization", "Bearer " + token_}}, items);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  EXPECT_EQ(DeliveryCount(), 1);
}

TEST_F(PortalTest, LoginsAreRateLimited) {
  for (int i = 0; i < 5; ++i)
    EXPECT_TRUE(LogIn("anna", "not the password " + std::to_string(i)).cookie.empty());
  auto page = client_->Get("/login");
  auto r = client_->Post(
      "/login", {{"Cookie", CookieOf(page, "jbr_login")}},
      httplib::Params{{"csrf", CsrfOf(page->body)}, {"name", "anna"}, {"password", kPassword}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 429) << "the right password after five failures still waits";
  EXPECT_EQ(CookieOf(r, "jbr_session"), "");
  EXPECT_FALSE(r->get_header_value("Retry-After").empty());
}

TEST_F(PortalTest, DisabledUsersLoseTheirSessions) {
  Browser anna = LogIn("anna");
  ASSERT_EQ(client_->Get("/upload", anna.Headers())->status, 200);
  ASSERT_TRUE(DisableUser(ws_->store(), "anna", Now()).ok());
  EXPECT_EQ(client_->Get("/upload", anna.Headers())->status, 401);
  EXPECT_TRUE(LogIn("anna").cookie.empty());
}

}  // namespace
}  // namespace jbr::portal
