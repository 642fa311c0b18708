#include "store/sqlite/accounts.h"

#include <fmt/format.h>

namespace jbr::sqlite {
namespace {

constexpr const char* kUserColumns =
    "SELECT id, name, role, ministry, password_hash, disabled, created_at FROM users";
constexpr const char* kTokenColumns =
    "SELECT id, name, ministry, token_hash, created_at, expires_at, revoked_at FROM api_tokens";

User ReadUser(const Statement& q) {
  return User{q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Int(5) != 0, q.Text(6)};
}

ApiToken ReadToken(const Statement& q) {
  return ApiToken{q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Text(6)};
}

class SqliteAccounts : public AccountStore {
 public:
  explicit SqliteAccounts(Database* db) : db_(db) {}

  Result<User> AddUser(const User& u) override {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db_));
    JBR_ASSIGN_OR_RETURN(auto existing, FindUser(u.name));
    if (existing) return UsageError(fmt::format("a user named '{}' exists already", u.name));
    JBR_ASSIGN_OR_RETURN(auto q,
                         db_->Prepare("INSERT INTO users(name, role, ministry, password_hash, "
                                      "disabled, created_at) VALUES (?,?,?,?,?,?)"));
    JBR_RETURN_IF_ERROR(q.Bind(1, u.name)
                            .Bind(2, u.role)
                            .Bind(3, u.ministry)
                            .Bind(4, u.password_hash)
                            .Bind(5, static_cast<int64_t>(u.disabled ? 1 : 0))
                            .Bind(6, u.created_at)
                            .Run());
    User out = u;
    out.id = db_->LastInsertId();
    JBR_RETURN_IF_ERROR(tx.Commit());
    return out;
  }

  Result<std::optional<User>> FindUser(const std::string& name) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare(fmt::format("{} WHERE name = ?", kUserColumns)));
    q.Bind(1, name);
    return One<User>(q, ReadUser);
  }

  Result<std::optional<User>> GetUser(int64_t id) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare(fmt::format("{} WHERE id = ?", kUserColumns)));
    q.Bind(1, id);
    return One<User>(q, ReadUser);
  }

  Result<std::vector<User>> ListUsers() override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare(fmt::format("{} ORDER BY name", kUserColumns)));
    return All<User>(q, ReadUser);
  }

  Status SetPassword(const std::string& name, const std::string& hash) override {
    return UpdateUser(name, "password_hash = ?", hash);
  }

  Status SetDisabled(const std::string& name, bool disabled) override {
    return UpdateUser(name, "disabled = ?", disabled ? "1" : "0");
  }

  Status AddSession(const Session& s) override {
    JBR_ASSIGN_OR_RETURN(auto q,
                         db_->Prepare("INSERT INTO sessions(id_hash, user_id, csrf, created_at, "
                                      "expires_at, source) VALUES (?,?,?,?,?,?)"));
    return q.Bind(1, s.id_hash)
        .Bind(2, s.user_id)
        .Bind(3, s.csrf)
        .Bind(4, s.created_at)
        .Bind(5, s.expires_at)
        .Bind(6, s.source)
        .Run();
  }

  Result<std::optional<Session>> FindSession(const std::string& id_hash,
                                             const std::string& now) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("SELECT s.id_hash, s.user_id, s.csrf, s.created_at, "
                                              "s.expires_at, s.source FROM sessions s "
                                              "JOIN users u ON u.id = s.user_id WHERE s.id_hash = "
                                              "? AND s.ended = 0 AND s.expires_at > ? "
                                              "AND u.disabled = 0"));
    q.Bind(1, id_hash).Bind(2, now);
    return One<Session>(q, [](const Statement& r) {
      return Session{r.Text(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5)};
    });
  }

  Status EndSession(const std::string& id_hash) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("UPDATE sessions SET ended = 1 WHERE id_hash = ?"));
    return q.Bind(1, id_hash).Run();
  }

  Result<std::vector<Session>> ListSessions() override {
    JBR_ASSIGN_OR_RETURN(
        auto q, db_->Prepare("SELECT id_hash, user_id, csrf, created_at, expires_at, source, "
                             "ended FROM sessions ORDER BY created_at, id_hash"));
    std::vector<Session> out;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out.push_back(
          Session{q.Text(0), q.Int(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Int(6) != 0});
    }
    return out;
  }

  Result<ApiToken> AddToken(const ApiToken& t) override {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db_));
    JBR_ASSIGN_OR_RETURN(auto named, db_->Prepare("SELECT 1 FROM api_tokens WHERE name = ?"));
    named.Bind(1, t.name);
    JBR_ASSIGN_OR_RETURN(bool taken, named.Step());
    if (taken) return UsageError(fmt::format("a token named '{}' exists already", t.name));
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("INSERT INTO api_tokens(name, ministry, token_hash, "
                                              "created_at, expires_at) VALUES (?,?,?,?,?)"));
    JBR_RETURN_IF_ERROR(q.Bind(1, t.name)
                            .Bind(2, t.ministry)
                            .Bind(3, t.token_hash)
                            .Bind(4, t.created_at)
                            .Bind(5, t.expires_at)
                            .Run());
    ApiToken out = t;
    out.id = db_->LastInsertId();
    JBR_RETURN_IF_ERROR(tx.Commit());
    return out;
  }

  Result<std::optional<ApiToken>> FindToken(const std::string& hash) override {
    JBR_ASSIGN_OR_RETURN(auto q,
                         db_->Prepare(fmt::format("{} WHERE token_hash = ?", kTokenColumns)));
    q.Bind(1, hash);
    return One<ApiToken>(q, ReadToken);
  }

  Result<std::vector<ApiToken>> ListTokens() override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare(fmt::format("{} ORDER BY name", kTokenColumns)));
    return All<ApiToken>(q, ReadToken);
  }

  Status RevokeToken(const std::string& name, const std::string& at) override {
    JBR_ASSIGN_OR_RETURN(auto q,
                         db_->Prepare("UPDATE api_tokens SET revoked_at = CASE WHEN revoked_at = "
                                      "'' THEN ? ELSE revoked_at END WHERE name = ?"));
    JBR_RETURN_IF_ERROR(q.Bind(1, at).Bind(2, name).Run());
    if (sqlite3_changes(db_->handle()) == 0)
      return NotFound(fmt::format("no token named '{}'", name));
    return Status::Ok();
  }

  Status AppendAction(const ActionEntry& e) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("INSERT INTO actions(at, actor, source, action, "
                                              "target, outcome, detail) VALUES (?,?,?,?,?,?,?)"));
    return q.Bind(1, e.at)
        .Bind(2, e.actor)
        .Bind(3, e.source)
        .Bind(4, e.action)
        .Bind(5, e.target)
        .Bind(6, e.outcome)
        .Bind(7, e.detail)
        .Run();
  }

  Result<std::vector<ActionEntry>> Actions(const ActionFilter& f) override {
    JBR_ASSIGN_OR_RETURN(
        auto q,
        db_->Prepare("SELECT id, at, actor, source, action, target, outcome, detail FROM actions "
                     "WHERE (?1 IS NULL OR actor = ?1) AND (?2 IS NULL OR action = ?2) AND (?3 IS "
                     "NULL OR at >= ?3) "
                     "ORDER BY id DESC LIMIT ?4"));
    if (f.actor) q.Bind(1, *f.actor);
    if (f.action) q.Bind(2, *f.action);
    if (f.since) q.Bind(3, *f.since);
    q.Bind(4, f.limit);
    return All<ActionEntry>(q, [](const Statement& r) {
      return ActionEntry{r.Int(0),  r.Text(1), r.Text(2), r.Text(3),
                         r.Text(4), r.Text(5), r.Text(6), r.Text(7)};
    });
  }

  Result<int64_t> CountFailedLogins(const std::string& name, const std::string& source,
                                    const std::string& since) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("SELECT COUNT(*) FROM actions WHERE action = 'login' "
                                              "AND outcome = 'refused' AND at >= ? "
                                              "AND (actor = ? OR source = ?)"));
    q.Bind(1, since).Bind(2, name).Bind(3, source);
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    return row ? q.Int(0) : 0;
  }

 private:
  template <typename T, typename F>
  static Result<std::optional<T>> One(Statement& q, F read) {
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return std::optional<T>();
    return std::optional<T>(read(q));
  }
  template <typename T, typename F>
  static Result<std::vector<T>> All(Statement& q, F read) {
    std::vector<T> out;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out.push_back(read(q));
    }
    return out;
  }

  // Changes one column of a user and ends the user's sessions, in one transaction.
  Status UpdateUser(const std::string& name, const char* set, const std::string& value) {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db_));
    JBR_ASSIGN_OR_RETURN(auto q,
                         db_->Prepare(fmt::format("UPDATE users SET {} WHERE name = ?", set)));
    JBR_RETURN_IF_ERROR(q.Bind(1, value).Bind(2, name).Run());
    if (sqlite3_changes(db_->handle()) == 0)
      return NotFound(fmt::format("no user named '{}'", name));
    JBR_ASSIGN_OR_RETURN(
        auto end,
        db_->Prepare(
            "UPDATE sessions SET ended = 1 WHERE user_id = (SELECT id FROM users WHERE name = ?)"));
    JBR_RETURN_IF_ERROR(end.Bind(1, name).Run());
    return tx.Commit();
  }

  Database* db_;
};

}  // namespace

std::unique_ptr<AccountStore> MakeAccountStore(Database* db) {
  return std::make_unique<SqliteAccounts>(db);
}

}  // namespace jbr::sqlite
