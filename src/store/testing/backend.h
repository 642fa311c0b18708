// The backend the store's tests run against: the same test binary runs on SQLite, and on
// PostgreSQL when $JBR_TEST_POSTGRES names a file holding a server's URL (tests/pg/server.sh
// writes it; ctest passes it). Each test gets a store of its own: a new SQLite file in its
// directory, or a new database on the server, dropped afterwards.
#pragma once

#include <memory>
#include <string>

#include "common/result.h"

namespace jbr::testing {

class TestBackend {
 public:
  // A fresh, empty store location for one test; `dir` is the test's own temporary directory.
  static Result<std::unique_ptr<TestBackend>> Make(const std::string& dir);
  ~TestBackend();

  bool postgres() const { return !database_.empty(); }
  // The store URL for Store::Open and jbr.json.
  const std::string& url() const { return url_; }
  // Runs SQL on the store directly, outside the Store interface (to tamper with it).
  Status Exec(const std::string& sql) const;

 private:
  TestBackend() = default;
  std::string url_;
  std::string admin_url_;  // PostgreSQL: the server's maintenance database
  std::string database_;   // PostgreSQL: the database made for this test
  std::string sqlite_path_;
};

// The PostgreSQL server's URL when the tests run against one ("" for SQLite); an error when
// $JBR_TEST_POSTGRES is set but names no URL: a PostgreSQL run never falls back to SQLite.
Result<std::string> PostgresServerUrl();

}  // namespace jbr::testing
