// The portal's accounts in the store (migration 5 of both backends): users with a role, login
// sessions, API tokens for ministries' HR systems, and the append-only log of every portal action
// (who, when, from where, what, with what outcome).
//
// Secrets are never stored: a password as its Argon2id string (portal/security.h), a session id and
// an API token as the hex SHA-256 of their random bytes. Times are ISO 8601 UTC text
// ("2026-03-01T12:00:00Z"), which sort as they compare. An AccountStore belongs to its Store (the
// same connection): use it from the Store's thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace jbr {

// Roles: "steward" (one ministry: uploads, sees only its own), "coordinator" (everything),
// "admin" (accounts).
struct User {
  int64_t id = 0;
  std::string name;
  std::string role;
  std::string ministry;       // the steward's ministry code; empty for the other roles
  std::string password_hash;  // crypto_pwhash_str (Argon2id)
  bool disabled = false;
  std::string created_at;
};

struct Session {
  std::string id_hash;  // SHA-256 of the cookie's value
  int64_t user_id = 0;
  std::string csrf;  // the session's CSRF token (random, shown in forms)
  std::string created_at;
  std::string expires_at;
  std::string source;  // the address it was made from
  bool ended = false;  // logged out, or ended by a new password or by disabling its user
};

struct ApiToken {
  int64_t id = 0;
  std::string name;  // unique, e.g. "bzk-hr"
  std::string ministry;
  std::string token_hash;  // SHA-256 of the token
  std::string created_at;
  std::string expires_at;
  std::string revoked_at;  // empty while valid
};

struct ActionEntry {
  int64_t id = 0;
  std::string at;
  std::string actor;    // user or token name; "-" for anonymous
  std::string source;   // remote address, or "cli"
  std::string action;   // login, logout, upload, user-add, token-create, ...
  std::string target;   // what it was about (a delivery id, a user, a path)
  std::string outcome;  // ok, refused, rejected, failed
  std::string detail;   // JSON
};

struct ActionFilter {
  std::optional<std::string> actor;
  std::optional<std::string> action;
  std::optional<std::string> since;  // at >= since
  int64_t limit = 1000;              // the newest first
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Adds a user; usage error when the name is taken. Returns it with its id.
  virtual Result<User> AddUser(const User& u) = 0;
  virtual Result<std::optional<User>> FindUser(const std::string& name) = 0;
  virtual Result<std::optional<User>> GetUser(int64_t id) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  // NotFound for an unknown user. Both end the user's sessions.
  virtual Status SetPassword(const std::string& name, const std::string& password_hash) = 0;
  virtual Status SetDisabled(const std::string& name, bool disabled) = 0;

  virtual Status AddSession(const Session& s) = 0;
  // The session with this id hash when it has not expired at `now`, was not ended, and its user is
  // not disabled.
  virtual Result<std::optional<Session>> FindSession(const std::string& id_hash,
                                                     const std::string& now) = 0;
  virtual Status EndSession(const std::string& id_hash) = 0;
  // Every session, ended and expired ones too, by creation time (for jbr migrate-store).
  virtual Result<std::vector<Session>> ListSessions() = 0;

  // Usage error when the name is taken.
  virtual Result<ApiToken> AddToken(const ApiToken& t) = 0;
  // The token with this hash, valid or not (the caller checks expiry and revocation).
  virtual Result<std::optional<ApiToken>> FindToken(const std::string& token_hash) = 0;
  virtual Result<std::vector<ApiToken>> ListTokens() = 0;
  // NotFound for an unknown name; revoking twice keeps the first time.
  virtual Status RevokeToken(const std::string& name, const std::string& at) = 0;

  virtual Status AppendAction(const ActionEntry& e) = 0;
  virtual Result<std::vector<ActionEntry>> Actions(const ActionFilter& f) = 0;
  // Failed logins since `since` for this user name or from this address (the rate limit).
  virtual Result<int64_t> CountFailedLogins(const std::string& name, const std::string& source,
                                            const std::string& since) = 0;
};

}  // namespace jbr
