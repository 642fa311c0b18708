#include "store/testing/backend.h"

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "store/postgres/pg.h"

namespace jbr::testing {
namespace {

// The URL of database `db` on the server of `url` (its path replaced).
std::string WithDatabase(const std::string& url, const std::string& db) {
  const size_t scheme = url.find("://");
  const size_t slash = url.find('/', scheme + 3);
  const size_t query = url.find('?', scheme + 3);
  std::string base = url.substr(0, std::min(slash, query));
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + db + rest;
}

}  // namespace

Result<std::string> PostgresServerUrl() {
  const char* file = std::getenv("JBR_TEST_POSTGRES");
  if (file == nullptr || *file == '\0') return std::string();
  std::ifstream in(file);
  std::string url;
  std::getline(in, url);
  if (url.empty()) {
    return StoreError(
        fmt::format("JBR_TEST_POSTGRES names {}, which holds no server URL: the PostgreSQL "
                    "server did not start (see the pg_server_start test)",
                    file));
  }
  return url;
}

Result<std::unique_ptr<TestBackend>> TestBackend::Make(const std::string& dir) {
  JBR_ASSIGN_OR_RETURN(std::string server, PostgresServerUrl());
  std::unique_ptr<TestBackend> b(new TestBackend());
  if (server.empty()) {
    b->sqlite_path_ = dir + "/jbr.sqlite";
    b->url_ = "sqlite:" + b->sqlite_path_;
    return b;
  }
  static std::atomic<int> counter{0};
  b->admin_url_ = server;
  b->database_ = fmt::format("jbr_test_{}_{}", ::getpid(), counter++);
  JBR_ASSIGN_OR_RETURN(auto admin, pg::Connection::Open(server));
  JBR_RETURN_IF_ERROR(
      admin->Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", b->database_)));
  JBR_RETURN_IF_ERROR(admin->Exec(fmt::format("CREATE DATABASE {}", b->database_)));
  b->url_ = WithDatabase(server, b->database_);
  return b;
}

TestBackend::~TestBackend() {
  if (database_.empty()) return;
  auto admin = pg::Connection::Open(admin_url_);
  if (admin.ok())
    (void)(*admin)->Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", database_));
}

Status TestBackend::Exec(const std::string& sql) const {
  if (postgres()) {
    JBR_ASSIGN_OR_RETURN(auto c, pg::Connection::Open(url_));
    return c->ExecScript(sql);
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(sqlite_path_.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    return StoreError("cannot open " + sqlite_path_);
  }
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string msg = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) return StoreError("sqlite: " + msg);
  return Status::Ok();
}

}  // namespace jbr::testing
