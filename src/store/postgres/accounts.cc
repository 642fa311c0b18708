#include "store/postgres/accounts.h"

#include <fmt/format.h>

namespace jbr::pg {
namespace {

constexpr const char* kUserColumns =
    "SELECT id, name, role, ministry, password_hash, disabled, created_at FROM users";
constexpr const char* kTokenColumns =
    "SELECT id, name, ministry, token_hash, created_at, expires_at, revoked_at FROM api_tokens";

User ReadUser(const Rows& q, int i) {
  return User{q.Int(i, 0),  q.Text(i, 1),     q.Text(i, 2), q.Text(i, 3),
              q.Text(i, 4), q.Int(i, 5) != 0, q.Text(i, 6)};
}

ApiToken ReadToken(const Rows& q, int i) {
  return ApiToken{q.Int(i, 0),  q.Text(i, 1), q.Text(i, 2), q.Text(i, 3),
                  q.Text(i, 4), q.Text(i, 5), q.Text(i, 6)};
}

template <typename T, typename F>
std::optional<T> One(const Rows& q, F read) {
  if (q.size() == 0) return std::nullopt;
  return read(q, 0);
}

template <typename T, typename F>
std::vector<T> All(const Rows& q, F read) {
  std::vector<T> out;
  for (int i = 0; i < q.size(); ++i) out.push_back(read(q, i));
  return out;
}

class PostgresAccounts : public AccountStore {
 public:
  explicit PostgresAccounts(Connection* c) : c_(c) {}

  Result<User> AddUser(const User& u) override {
    // ON CONFLICT: two servers adding the same name at once give one user and one usage error.
    JBR_ASSIGN_OR_RETURN(
        auto q,
        c_->Query("INSERT INTO users(name, role, ministry, password_hash, disabled, created_at) "
                  "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (name) DO NOTHING RETURNING id",
                  Params()
                      .Add(u.name)
                      .Add(u.role)
                      .Add(u.ministry)
                      .Add(u.password_hash)
                      .Add(u.disabled ? 1 : 0)
                      .Add(u.created_at)));
    if (q.size() == 0) return UsageError(fmt::format("a user named '{}' exists already", u.name));
    User out = u;
    out.id = q.Int(0, 0);
    return out;
  }

  Result<std::optional<User>> FindUser(const std::string& name) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query(fmt::format("{} WHERE name = $1", kUserColumns), Params().Add(name)));
    return One<User>(q, ReadUser);
  }

  Result<std::optional<User>> GetUser(int64_t id) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query(fmt::format("{} WHERE id = $1", kUserColumns), Params().Add(id)));
    return One<User>(q, ReadUser);
  }

  Result<std::vector<User>> ListUsers() override {
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query(fmt::format("{} ORDER BY name", kUserColumns)));
    return All<User>(q, ReadUser);
  }

  Status SetPassword(const std::string& name, const std::string& hash) override {
    return UpdateUser(name, "password_hash = $1", hash);
  }

  Status SetDisabled(const std::string& name, bool disabled) override {
    return UpdateUser(name, "disabled = $1::integer", disabled ? "1" : "0");
  }

  Status AddSession(const Session& s) override {
    return c_->Exec(
        "INSERT INTO sessions(id_hash, user_id, csrf, created_at, expires_at, source) VALUES "
        "($1,$2,$3,$4,$5,$6)",
        Params()
            .Add(s.id_hash)
            .Add(s.user_id)
            .Add(s.csrf)
            .Add(s.created_at)
            .Add(s.expires_at)
            .Add(s.source));
  }

  Result<std::optional<Session>> FindSession(const std::string& id_hash,
                                             const std::string& now) override {
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query("SELECT s.id_hash, s.user_id, s.csrf, s.created_at, "
                                           "s.expires_at, s.source FROM sessions s "
                                           "JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 "
                                           "AND s.ended = 0 AND s.expires_at > $2 "
                                           "AND u.disabled = 0",
                                           Params().Add(id_hash).Add(now)));
    return One<Session>(q, [](const Rows& r, int i) {
      return Session{r.Text(i, 0), r.Int(i, 1),  r.Text(i, 2),
                     r.Text(i, 3), r.Text(i, 4), r.Text(i, 5)};
    });
  }

  Status EndSession(const std::string& id_hash) override {
    return c_->Exec("UPDATE sessions SET ended = 1 WHERE id_hash = $1", Params().Add(id_hash));
  }

  Result<std::vector<Session>> ListSessions() override {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query("SELECT id_hash, user_id, csrf, created_at, expires_at, source, ended "
                          "FROM sessions ORDER BY created_at, id_hash"));
    return All<Session>(q, [](const Rows& r, int i) {
      return Session{r.Text(i, 0), r.Int(i, 1),  r.Text(i, 2),    r.Text(i, 3),
                     r.Text(i, 4), r.Text(i, 5), r.Int(i, 6) != 0};
    });
  }

  Result<ApiToken> AddToken(const ApiToken& t) override {
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query("INSERT INTO api_tokens(name, ministry, token_hash, "
                                           "created_at, expires_at) VALUES ($1,$2,$3,$4,$5) "
                                           "ON CONFLICT (name) DO NOTHING RETURNING id",
                                           Params()
                                               .Add(t.name)
                                               .Add(t.ministry)
                                               .Add(t.token_hash)
                                               .Add(t.created_at)
                                               .Add(t.expires_at)));
    if (q.size() == 0) return UsageError(fmt::format("a token named '{}' exists already", t.name));
    ApiToken out = t;
    out.id = q.Int(0, 0);
    return out;
  }

  Result<std::optional<ApiToken>> FindToken(const std::string& hash) override {
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query(fmt::format("{} WHERE token_hash = $1", kTokenColumns),
                                           Params().Add(hash)));
    return One<ApiToken>(q, ReadToken);
  }

  Result<std::vector<ApiToken>> ListTokens() override {
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query(fmt::format("{} ORDER BY name", kTokenColumns)));
    return All<ApiToken>(q, ReadToken);
  }

  Status RevokeToken(const std::string& name, const std::string& at) override {
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query("UPDATE api_tokens SET revoked_at = CASE WHEN "
                                           "revoked_at = '' THEN $1 ELSE revoked_at END "
                                           "WHERE name = $2 RETURNING id",
                                           Params().Add(at).Add(name)));
    if (q.size() == 0) return NotFound(fmt::format("no token named '{}'", name));
    return Status::Ok();
  }

  Status AppendAction(const ActionEntry& e) override {
    return c_->Exec(
        "INSERT INTO actions(at, actor, source, action, target, outcome, detail) VALUES "
        "($1,$2,$3,$4,$5,$6,$7)",
        Params()
            .Add(e.at)
            .Add(e.actor)
            .Add(e.source)
            .Add(e.action)
            .Add(e.target)
            .Add(e.outcome)
            .Add(e.detail));
  }

  Result<std::vector<ActionEntry>> Actions(const ActionFilter& f) override {
    Params p;
    f.actor ? p.Add(*f.actor) : p.AddNull();
    f.action ? p.Add(*f.action) : p.AddNull();
    f.since ? p.Add(*f.since) : p.AddNull();
    p.Add(f.limit);
    JBR_ASSIGN_OR_RETURN(
        auto q,
        c_->Query("SELECT id, at, actor, source, action, target, outcome, detail FROM actions "
                  "WHERE ($1::text IS NULL OR actor = $1) AND ($2::text IS NULL OR action = $2) "
                  "AND ($3::text IS NULL OR at >= $3) ORDER BY id DESC LIMIT $4",
                  p));
    return All<ActionEntry>(q, [](const Rows& r, int i) {
      return ActionEntry{r.Int(i, 0),  r.Text(i, 1), r.Text(i, 2), r.Text(i, 3),
                         r.Text(i, 4), r.Text(i, 5), r.Text(i, 6), r.Text(i, 7)};
    });
  }

  Result<int64_t> CountFailedLogins(const std::string& name, const std::string& source,
                                    const std::string& since) override {
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query("SELECT COUNT(*) FROM actions WHERE action = 'login' "
                                           "AND outcome = 'refused' AND at >= $1 "
                                           "AND (actor = $2 OR source = $3)",
                                           Params().Add(since).Add(name).Add(source)));
    return q.Int(0, 0);
  }

 private:
  // Changes one column of a user and ends the user's sessions, in one transaction.
  Status UpdateUser(const std::string& name, const char* set, const std::string& value) {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(c_));
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query(fmt::format("UPDATE users SET {} WHERE name = $2 RETURNING id", set),
                          Params().Add(value).Add(name)));
    if (q.size() == 0) return NotFound(fmt::format("no user named '{}'", name));
    JBR_RETURN_IF_ERROR(
        c_->Exec("UPDATE sessions SET ended = 1 WHERE user_id = $1", Params().Add(q.Int(0, 0))));
    return tx.Commit();
  }

  Connection* c_;
};

}  // namespace

std::unique_ptr<AccountStore> MakeAccountStore(Connection* c) {
  return std::make_unique<PostgresAccounts>(c);
}

}  // namespace jbr::pg
