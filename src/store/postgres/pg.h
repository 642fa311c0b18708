// Thin RAII wrappers over libpq: a connection, results, parameters, with errors as Status. Only
// what the store needs. Parameters go as text, except bytea, which goes and comes back binary.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace jbr::pg {

// Query parameters: each a text value, a binary value (bytea) or NULL.
class Params {
 public:
  Params& Add(std::string_view text);
  Params& Add(const char* text) { return Add(std::string_view(text)); }
  Params& Add(const std::string& text) { return Add(std::string_view(text)); }
  Params& Add(int64_t v);
  Params& Add(int v) { return Add(static_cast<int64_t>(v)); }
  Params& Add(const std::optional<int64_t>& v);
  Params& Add(const std::optional<double>& v);
  Params& AddBinary(std::string_view bytes);  // not copied: must outlive the query
  Params& AddNull();

  int size() const { return static_cast<int>(kinds_.size()); }
  std::vector<const char*> Values() const;
  const std::vector<int>& Lengths() const { return lengths_; }
  const std::vector<int>& Formats() const { return formats_; }

 private:
  enum Kind { kText, kBinary, kNull };
  std::vector<Kind> kinds_;
  std::vector<std::string> text_;         // by index; empty unless kText
  std::vector<std::string_view> binary_;  // by index; empty unless kBinary
  std::vector<int> lengths_;
  std::vector<int> formats_;
};

// The result of one statement.
class Rows {
 public:
  explicit Rows(PGresult* r) : r_(r, PQclear) {}
  int size() const { return PQntuples(r_.get()); }
  std::string CommandStatus() const;  // "INSERT 0 1", "COMMIT", "ROLLBACK", ...
  PGresult* get() const { return r_.get(); }
  bool IsNull(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
  std::string Text(int row, int col) const;
  std::string_view Bytes(int row, int col) const;  // binary results only
  int64_t Int(int row, int col) const;
  std::optional<int64_t> OptInt(int row, int col) const;
  std::optional<double> OptDouble(int row, int col) const;

 private:
  std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

class Connection {
 public:
  // `url` is a libpq connection URI (postgresql://user@host:port/db?param=value).
  static Result<std::unique_ptr<Connection>> Open(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // One statement; results as text, or binary when `binary_result` (for bytea).
  Result<Rows> Query(std::string_view sql, const Params& params = {}, bool binary_result = false);
  Status Exec(std::string_view sql, const Params& params = {});
  // Several statements, no parameters, no results (migrations).
  Status ExecScript(const std::string& sql);
  // COPY ... FROM STDIN with rows in text format, given whole (already escaped).
  Status CopyIn(const std::string& copy_sql, std::string_view data);

  // Escapes a value for COPY's text format (backslash, tab, newline, carriage return).
  static void AppendCopyText(std::string* out, std::string_view v);

 private:
  explicit Connection(PGconn* c) : c_(c) {}
  Status Error(std::string_view what) const;
  PGconn* c_;
  std::map<std::string, std::string> prepared_;  // SQL -> name of its prepared statement
};

// A transaction: rolled back when destroyed without Commit. `begin` names the isolation level.
class Transaction {
 public:
  static Result<Transaction> Begin(Connection* c, const char* begin = "BEGIN");
  Transaction(Transaction&& o) noexcept : c_(o.c_) { o.c_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Connection* c) : c_(c) {}
  Connection* c_;
};

}  // namespace jbr::pg
