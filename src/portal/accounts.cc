#include "portal/accounts.h"

#include <ctime>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "portal/security.h"

namespace jbr::portal {
namespace {

Status CheckName(const std::string& name, const char* what) {
  if (name.size() < 2 || name.size() > 64)
    return UsageError(fmt::format("a {} name has 2 to 64 characters", what));
  for (char ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-' || ch == '@';
    if (!ok) {
      return UsageError(
          fmt::format("'{}' is not a {} name: use letters, digits and . _ - @", name, what));
    }
  }
  return Status::Ok();
}

Status CheckMinistry(const MinistryRegistry& ministries, const std::string& code) {
  if (ministries.FindAnyYear(code) == nullptr) {
    return UsageError(fmt::format("'{}' is not a ministry code (see data/ministries.csv)", code));
  }
  return Status::Ok();
}

}  // namespace

std::string IsoAfter(const std::string& iso, long long seconds) {
  std::tm tm{};
  const char* end = strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (end == nullptr || *end != '\0') return "";
  const std::time_t t = timegm(&tm) + static_cast<std::time_t>(seconds);
  std::tm out{};
  gmtime_r(&t, &out);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &out);
  return buf;
}

Status LogAction(Store* store, const Context& c, const std::string& action,
                 const std::string& target, const std::string& outcome, const std::string& detail) {
  return store->accounts()->AppendAction(
      ActionEntry{0, c.now, c.actor, c.source, action, target, outcome, detail});
}

Result<User> AddUser(Store* store, const MinistryRegistry& ministries, const NewUser& u,
                     const Context& c) {
  JBR_RETURN_IF_ERROR(CheckName(u.name, "user"));
  if (u.role != "steward" && u.role != "coordinator" && u.role != "admin") {
    return UsageError(fmt::format("'{}' is not a role: steward, coordinator or admin", u.role));
  }
  if (u.role == "steward") {
    if (u.ministry.empty())
      return UsageError("a steward needs --ministry: the ministry they deliver for");
    JBR_RETURN_IF_ERROR(CheckMinistry(ministries, u.ministry));
  } else if (!u.ministry.empty()) {
    return UsageError(fmt::format("a {} sees every ministry: leave out --ministry", u.role));
  }
  JBR_ASSIGN_OR_RETURN(std::string hash, HashPassword(u.password));
  JBR_ASSIGN_OR_RETURN(User added, store->accounts()->AddUser(
                                       User{0, u.name, u.role, u.ministry, hash, false, c.now}));
  JBR_RETURN_IF_ERROR(LogAction(store, c, "user-add", u.name, "ok",
                                nlohmann::json{{"role", u.role}, {"ministry", u.ministry}}.dump()));
  return added;
}

Status ChangePassword(Store* store, const std::string& name, const std::string& password,
                      const Context& c) {
  JBR_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  JBR_RETURN_IF_ERROR(store->accounts()->SetPassword(name, hash));
  return LogAction(store, c, "user-passwd", name, "ok");
}

Status DisableUser(Store* store, const std::string& name, const Context& c) {
  JBR_RETURN_IF_ERROR(store->accounts()->SetDisabled(name, true));
  return LogAction(store, c, "user-disable", name, "ok");
}

Result<CreatedToken> CreateToken(Store* store, const MinistryRegistry& ministries,
                                 const std::string& name, const std::string& ministry, int days,
                                 const Context& c) {
  JBR_RETURN_IF_ERROR(CheckName(name, "token"));
  JBR_RETURN_IF_ERROR(CheckMinistry(ministries, ministry));
  if (days < 1 || days > 3660) return UsageError("a token is valid for 1 to 3660 days");
  CreatedToken out;
  out.secret = "jbr_" + RandomToken();
  const std::string expires = IsoAfter(c.now, static_cast<long long>(days) * 86400);
  if (expires.empty())
    return UsageError(fmt::format("'{}' is not a time YYYY-MM-DDTHH:MM:SSZ", c.now));
  JBR_ASSIGN_OR_RETURN(
      out.token, store->accounts()->AddToken(
                     ApiToken{0, name, ministry, HashSecret(out.secret), c.now, expires, ""}));
  JBR_RETURN_IF_ERROR(
      LogAction(store, c, "token-create", name, "ok",
                nlohmann::json{{"ministry", ministry}, {"expires", expires}}.dump()));
  return out;
}

Status RevokeToken(Store* store, const std::string& name, const Context& c) {
  JBR_RETURN_IF_ERROR(store->accounts()->RevokeToken(name, c.now));
  return LogAction(store, c, "token-revoke", name, "ok");
}

Result<LoginOutcome> Login(Store* store, const std::string& name, const std::string& password,
                           const LoginPolicy& policy, const Context& c) {
  LoginOutcome out;
  Context as = c;
  as.actor = name.substr(0, 64);
  const std::string since = IsoAfter(c.now, -policy.window_seconds);
  JBR_ASSIGN_OR_RETURN(int64_t failures,
                       store->accounts()->CountFailedLogins(as.actor, c.source, since));
  if (failures >= policy.max_failures) {
    out.throttled = true;
    JBR_RETURN_IF_ERROR(LogAction(store, as, "login", as.actor, "throttled"));
    return out;
  }
  JBR_ASSIGN_OR_RETURN(auto user, store->accounts()->FindUser(name));
  const bool match = VerifyPassword(password, user ? user->password_hash : DummyHash());
  if (!user || !match || user->disabled) {
    JBR_RETURN_IF_ERROR(LogAction(store, as, "login", as.actor, "refused"));
    return out;
  }
  out.session_secret = RandomToken();
  Session s{HashSecret(out.session_secret),          user->id, RandomToken(), c.now,
            IsoAfter(c.now, policy.session_seconds), c.source};
  JBR_RETURN_IF_ERROR(store->accounts()->AddSession(s));
  JBR_RETURN_IF_ERROR(LogAction(store, as, "login", as.actor, "ok"));
  out.ok = true;
  out.who =
      Principal{Principal::Kind::kUser, user->name, user->role, user->ministry, s.csrf, s.id_hash};
  return out;
}

Status Logout(Store* store, const Principal& who, const Context& c) {
  JBR_RETURN_IF_ERROR(store->accounts()->EndSession(who.session));
  return LogAction(store, c, "logout", who.name, "ok");
}

Result<std::optional<Principal>> FromSession(Store* store, const std::string& secret,
                                             const std::string& now) {
  if (secret.empty() || secret.size() > 128) return std::optional<Principal>();
  JBR_ASSIGN_OR_RETURN(auto s, store->accounts()->FindSession(HashSecret(secret), now));
  if (!s) return std::optional<Principal>();
  JBR_ASSIGN_OR_RETURN(auto user, store->accounts()->GetUser(s->user_id));
  if (!user || user->disabled) return std::optional<Principal>();
  return std::optional<Principal>(Principal{Principal::Kind::kUser, user->name, user->role,
                                            user->ministry, s->csrf, s->id_hash});
}

Result<std::optional<Principal>> FromToken(Store* store, const std::string& secret,
                                           const std::string& now) {
  if (secret.empty() || secret.size() > 128) return std::optional<Principal>();
  JBR_ASSIGN_OR_RETURN(auto t, store->accounts()->FindToken(HashSecret(secret)));
  if (!t || !t->revoked_at.empty() || t->expires_at <= now) return std::optional<Principal>();
  return std::optional<Principal>(
      Principal{Principal::Kind::kToken, t->name, "token", t->ministry, "", ""});
}

}  // namespace jbr::portal
