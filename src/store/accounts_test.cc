// The portal's accounts in a real store (SQLite, or PostgreSQL under jbr_store_tests_postgres):
// unique names, sessions that expire and end, tokens revoked once, the append-only action log and
// the failed-login count the rate limit reads.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>

#include "common/testing/temp_dir.h"
#include "common/text.h"
#include "store/store.h"
#include "store/testing/backend.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

class AccountStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-accounts-"));
    dir_ = tmp_->path();
    auto backend = testing::TestBackend::Make(dir_.string());
    ASSERT_TRUE(backend.ok()) << backend.status().ToString();
    backend_ = std::move(backend).value();
    auto s = Store::Open(backend_->url());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    a_ = store_->accounts();
  }
  void TearDown() override {
    store_.reset();
    backend_.reset();
    tmp_.reset();
  }
  User Add(const std::string& name, const std::string& role, const std::string& ministry) {
    auto u =
        a_->AddUser(User{0, name, role, ministry, "$argon2id$x", false, "2026-01-01T00:00:00Z"});
    EXPECT_TRUE(u.ok()) << u.status().ToString();
    return u.ok() ? *u : User{};
  }
  Session NewSession(int64_t user, const std::string& id, const std::string& expires) {
    return Session{id, user, "csrf-" + id, "2026-01-01T10:00:00Z", expires, "127.0.0.1"};
  }

  fs::path dir_;
  std::optional<TempDir> tmp_;
  std::unique_ptr<testing::TestBackend> backend_;
  std::unique_ptr<Store> store_;
  AccountStore* a_ = nullptr;
};

TEST_F(AccountStoreTest, UsersHaveUniqueNamesAndStewardsAMinistry) {
  const User s = Add("anna", "steward", "BZK");
  EXPECT_GT(s.id, 0);
  Add("carl", "coordinator", "");
  auto again = a_->AddUser(User{0, "anna", "admin", "", "h", false, "2026-01-01T00:00:00Z"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kUsage);
  // The schema itself refuses a steward without a ministry and an unknown role.
  // (SQLite says "CHECK constraint failed", PostgreSQL "violates check constraint".)
  for (const User& bad : {User{0, "bob", "steward", "", "h", false, "t"},
                          User{0, "eve", "root", "", "h", false, "t"}}) {
    auto refused = a_->AddUser(bad);
    ASSERT_FALSE(refused.ok()) << bad.name;
    EXPECT_EQ(refused.status().code(), StatusCode::kStore) << bad.name;
    EXPECT_NE(AsciiLower(refused.status().message()).find("check constraint"), std::string::npos)
        << refused.status().message();
  }
  auto found = a_->FindUser("anna");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->ministry, "BZK");
  EXPECT_EQ((*found)->role, "steward");
  auto list = a_->ListUsers();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[1].name, "carl");
}

TEST_F(AccountStoreTest, SessionsExpireEndAndDieWithTheUsersPasswordOrAccount) {
  const User u = Add("anna", "steward", "BZK");
  ASSERT_TRUE(a_->AddSession(NewSession(u.id, "s1", "2026-01-01T12:00:00Z")).ok());
  auto before = a_->FindSession("s1", "2026-01-01T11:59:59Z");
  ASSERT_TRUE(before.ok() && before->has_value());
  EXPECT_EQ((*before)->csrf, "csrf-s1");
  auto after = a_->FindSession("s1", "2026-01-01T12:00:00Z");
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->has_value()) << "a session is gone at its expiry time";

  ASSERT_TRUE(a_->AddSession(NewSession(u.id, "s2", "2027-01-01T00:00:00Z")).ok());
  ASSERT_TRUE(a_->EndSession("s2").ok());
  EXPECT_FALSE(a_->FindSession("s2", "2026-01-01T11:00:00Z")->has_value());

  ASSERT_TRUE(a_->AddSession(NewSession(u.id, "s3", "2027-01-01T00:00:00Z")).ok());
  ASSERT_TRUE(a_->SetPassword("anna", "$argon2id$new").ok());
  EXPECT_FALSE(a_->FindSession("s3", "2026-01-01T11:00:00Z")->has_value())
      << "a new password ends sessions";
  EXPECT_EQ((*a_->FindUser("anna"))->password_hash, "$argon2id$new");

  ASSERT_TRUE(a_->AddSession(NewSession(u.id, "s4", "2027-01-01T00:00:00Z")).ok());
  ASSERT_TRUE(a_->SetDisabled("anna", true).ok());
  EXPECT_FALSE(a_->FindSession("s4", "2026-01-01T11:00:00Z")->has_value());
  EXPECT_TRUE((*a_->FindUser("anna"))->disabled);
  EXPECT_EQ(a_->SetDisabled("nobody", true).code(), StatusCode::kNotFound);
  EXPECT_EQ(a_->SetPassword("nobody", "h").code(), StatusCode::kNotFound);
}

TEST_F(AccountStoreTest, TokensAreFoundByHashAndRevokedOnce) {
  ApiToken t{0, "bzk-hr", "BZK", "abc123", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", ""};
  auto added = a_->AddToken(t);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(a_->AddToken(t).status().code(), StatusCode::kUsage);
  auto found = a_->FindToken("abc123");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->ministry, "BZK");
  EXPECT_EQ((*found)->revoked_at, "");
  EXPECT_FALSE(a_->FindToken("abc124")->has_value());
  ASSERT_TRUE(a_->RevokeToken("bzk-hr", "2026-02-01T00:00:00Z").ok());
  ASSERT_TRUE(a_->RevokeToken("bzk-hr", "2026-03-01T00:00:00Z").ok());
  EXPECT_EQ((*a_->FindToken("abc123"))->revoked_at, "2026-02-01T00:00:00Z");
  EXPECT_EQ(a_->RevokeToken("other", "2026-02-01T00:00:00Z").code(), StatusCode::kNotFound);
}

TEST_F(AccountStoreTest, TheActionLogIsAppendOnlyAndCountsFailedLogins) {
  auto act = [&](const char* at, const char* actor, const char* source, const char* outcome) {
    ASSERT_TRUE(
        a_->AppendAction(ActionEntry{0, at, actor, source, "login", actor, outcome, "{}"}).ok());
  };
  act("2026-01-01T10:00:00Z", "anna", "10.0.0.1", "refused");
  act("2026-01-01T10:01:00Z", "anna", "10.0.0.2", "refused");
  act("2026-01-01T10:02:00Z", "bert", "10.0.0.1", "refused");
  act("2026-01-01T10:03:00Z", "anna", "10.0.0.3", "ok");
  act("2026-01-01T09:00:00Z", "anna", "10.0.0.9", "refused");  // before the window
  // By name: anna's three refusals in the window; by address 10.0.0.1: anna's and bert's.
  EXPECT_EQ(*a_->CountFailedLogins("anna", "10.9.9.9", "2026-01-01T09:30:00Z"), 2);
  EXPECT_EQ(*a_->CountFailedLogins("zed", "10.0.0.1", "2026-01-01T09:30:00Z"), 2);
  EXPECT_EQ(*a_->CountFailedLogins("anna", "10.0.0.1", "2026-01-01T09:30:00Z"), 3);
  ActionFilter f;
  f.actor = "anna";
  auto mine = a_->Actions(f);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->size(), 4u);
  EXPECT_EQ(mine->front().outcome, "refused") << "newest first: the last appended";
  EXPECT_EQ(mine->front().source, "10.0.0.9");
  for (const char* sql : {"UPDATE actions SET outcome = 'ok'", "DELETE FROM actions"}) {
    const Status s = backend_->Exec(sql);
    EXPECT_EQ(s.code(), StatusCode::kStore) << sql;
    EXPECT_NE(s.message().find("the action log is append-only"), std::string::npos)
        << sql << ": " << s.message();
  }
}

}  // namespace
}  // namespace jbr
