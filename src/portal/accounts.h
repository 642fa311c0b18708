// Accounts of the portal: users, logins, sessions and API tokens, over the store's AccountStore,
// with every action written to the action log (who, when, from where, outcome). Used by the server
// and by `jbr user` / `jbr token`; call InitSecurity() first.
#pragma once

#include <optional>
#include <string>

#include "common/result.h"
#include "schema/ministries.h"
#include "store/store.h"

namespace jbr::portal {

// Who makes a request: nobody (anonymous), a logged-in user or a ministry's API token.
struct Principal {
  enum class Kind { kAnonymous, kUser, kToken };
  Kind kind = Kind::kAnonymous;
  std::string name;      // user or token name; "-" when anonymous
  std::string role;      // steward | coordinator | admin; "token" for an API token
  std::string ministry;  // a steward's or token's ministry
  std::string csrf;      // the session's CSRF token (users only)
  std::string session;   // the session id's hash (users only)
  bool steward_of(const std::string& m) const { return !ministry.empty() && ministry == m; }
};

// Where and when an action happens, for the action log.
struct Context {
  std::string actor = "-";
  std::string source = "cli";
  std::string now;  // ISO 8601 UTC
};

// ISO 8601 UTC `seconds` after `iso` (which must be YYYY-MM-DDTHH:MM:SSZ); empty when malformed.
std::string IsoAfter(const std::string& iso, long long seconds);

struct NewUser {
  std::string name;      // 2..64 of a-z A-Z 0-9 . _ - @
  std::string role;      // steward | coordinator | admin
  std::string ministry;  // required for a steward, refused for the others; a known ministry code
  std::string password;
};

// Usage errors say what is wrong with the name, role, ministry or password.
Result<User> AddUser(Store* store, const MinistryRegistry& ministries, const NewUser& u,
                     const Context& c);
Status ChangePassword(Store* store, const std::string& name, const std::string& password,
                      const Context& c);
Status DisableUser(Store* store, const std::string& name, const Context& c);

struct CreatedToken {
  ApiToken token;
  std::string secret;  // shown once; the store keeps its hash only
};
Result<CreatedToken> CreateToken(Store* store, const MinistryRegistry& ministries,
                                 const std::string& name, const std::string& ministry, int days,
                                 const Context& c);
Status RevokeToken(Store* store, const std::string& name, const Context& c);

struct LoginPolicy {
  int max_failures = 5;          // refused logins per name or address ...
  int window_seconds = 15 * 60;  // ... in this window, after which logins wait
  int session_seconds = 8 * 3600;
};

struct LoginOutcome {
  bool ok = false;
  bool throttled = false;      // too many failures: not even checked
  std::string session_secret;  // the cookie's value when ok
  Principal who;
};

// Checks a name and password (always one Argon2id verification, also for an unknown name, so
// that timing does not tell which names exist) and starts a session. Logged: "login" ok/refused.
Result<LoginOutcome> Login(Store* store, const std::string& name, const std::string& password,
                           const LoginPolicy& policy, const Context& c);
Status Logout(Store* store, const Principal& who, const Context& c);
// The user of a session cookie's value, if it is a live session.
Result<std::optional<Principal>> FromSession(Store* store, const std::string& secret,
                                             const std::string& now);
// The ministry of an API token, if it exists, has not expired and is not revoked.
Result<std::optional<Principal>> FromToken(Store* store, const std::string& secret,
                                           const std::string& now);

// Appends an action; `target` and `detail` (JSON) as in ActionEntry.
Status LogAction(Store* store, const Context& c, const std::string& action,
                 const std::string& target, const std::string& outcome,
                 const std::string& detail = "{}");

}  // namespace jbr::portal
