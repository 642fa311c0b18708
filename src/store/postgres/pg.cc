#include "store/postgres/pg.h"

#include <cstdlib>

#include <fmt/format.h>

namespace jbr::pg {
namespace {

void IgnoreNotice(void*, const char*) {}

}  // namespace

Params& Params::Add(std::string_view text) {
  kinds_.push_back(kText);
  text_.emplace_back(text);
  binary_.emplace_back();
  lengths_.push_back(static_cast<int>(text.size()));
  formats_.push_back(0);
  return *this;
}

Params& Params::Add(int64_t v) { return Add(std::to_string(v)); }

Params& Params::Add(const std::optional<int64_t>& v) { return v ? Add(*v) : AddNull(); }

Params& Params::Add(const std::optional<double>& v) {
  // The shortest text that reads back as the same double: float8 input is exact.
  return v ? Add(fmt::format("{}", *v)) : AddNull();
}

Params& Params::AddBinary(std::string_view bytes) {
  kinds_.push_back(kBinary);
  text_.emplace_back();
  binary_.push_back(bytes);
  lengths_.push_back(static_cast<int>(bytes.size()));
  formats_.push_back(1);
  return *this;
}

Params& Params::AddNull() {
  kinds_.push_back(kNull);
  text_.emplace_back();
  binary_.emplace_back();
  lengths_.push_back(0);
  formats_.push_back(0);
  return *this;
}

std::vector<const char*> Params::Values() const {
  std::vector<const char*> out(kinds_.size(), nullptr);
  for (size_t i = 0; i < kinds_.size(); ++i) {
    if (kinds_[i] == kText) out[i] = text_[i].c_str();
    // libpq wants a non-null pointer for a zero-length binary value.
    if (kinds_[i] == kBinary) out[i] = binary_[i].empty() ? "" : binary_[i].data();
  }
  return out;
}

std::string Rows::Text(int row, int col) const {
  return std::string(PQgetvalue(r_.get(), row, col), PQgetlength(r_.get(), row, col));
}

std::string_view Rows::Bytes(int row, int col) const {
  return std::string_view(PQgetvalue(r_.get(), row, col), PQgetlength(r_.get(), row, col));
}

std::string Rows::CommandStatus() const { return PQcmdStatus(r_.get()); }

int64_t Rows::Int(int row, int col) const {
  return std::strtoll(PQgetvalue(r_.get(), row, col), nullptr, 10);
}

std::optional<int64_t> Rows::OptInt(int row, int col) const {
  if (IsNull(row, col)) return std::nullopt;
  return Int(row, col);
}

std::optional<double> Rows::OptDouble(int row, int col) const {
  if (IsNull(row, col)) return std::nullopt;
  return std::strtod(PQgetvalue(r_.get(), row, col), nullptr);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  if (c == nullptr) return StoreError("postgresql: out of memory");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return StoreError(fmt::format("cannot connect to the PostgreSQL store: {}", msg));
  }
  PQsetNoticeProcessor(c, IgnoreNotice, nullptr);
  std::unique_ptr<Connection> conn(new Connection(c));
  // Text results as the store expects them: UTC, ISO dates, shortest exact doubles.
  JBR_RETURN_IF_ERROR(conn->ExecScript(
      "SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET extra_float_digits = 1; "
      "SET client_min_messages = warning"));
  return conn;
}

Connection::~Connection() { PQfinish(c_); }

Status Connection::Error(std::string_view what) const {
  std::string msg = PQerrorMessage(c_);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  return StoreError(fmt::format("postgresql: {} ({})", msg, what.substr(0, 80)));
}

Result<Rows> Connection::Query(std::string_view sql, const Params& params, bool binary_result) {
  const std::string text(sql);
  const std::vector<const char*> values = params.Values();
  if (params.size() == 0) {
    Rows rows(PQexecParams(c_, text.c_str(), 0, nullptr, nullptr, nullptr, nullptr,
                           binary_result ? 1 : 0));
    const ExecStatusType st = PQresultStatus(rows.get());
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) return Error(sql);
    return rows;
  }
  // A statement with parameters is prepared once per connection: compute repeats a few queries
  // thousands of times, and parsing and planning each would cost as much as running it.
  auto it = prepared_.find(text);
  if (it == prepared_.end()) {
    const std::string name = "jbr_" + std::to_string(prepared_.size() + 1);
    Rows prepared(PQprepare(c_, name.c_str(), text.c_str(), params.size(), nullptr));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) return Error(sql);
    it = prepared_.emplace(text, name).first;
  }
  PGresult* r =
      PQexecPrepared(c_, it->second.c_str(), params.size(), values.data(), params.Lengths().data(),
                     params.Formats().data(), binary_result ? 1 : 0);
  Rows rows(r);
  const ExecStatusType st = PQresultStatus(r);
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) return Error(sql);
  return rows;
}

Status Connection::Exec(std::string_view sql, const Params& params) {
  JBR_ASSIGN_OR_RETURN(auto rows, Query(sql, params));
  (void)rows;
  return Status::Ok();
}

Status Connection::ExecScript(const std::string& sql) {
  // PQexec returns the last statement's result; an error stops the script and is that result.
  PGresult* r = PQexec(c_, sql.c_str());
  Rows rows(r);
  const ExecStatusType st = PQresultStatus(r);
  if (r == nullptr || st == PGRES_FATAL_ERROR || st == PGRES_BAD_RESPONSE) return Error(sql);
  return Status::Ok();
}

Status Connection::CopyIn(const std::string& copy_sql, std::string_view data) {
  {
    PGresult* r = PQexec(c_, copy_sql.c_str());
    Rows start(r);
    if (PQresultStatus(r) != PGRES_COPY_IN) return Error(copy_sql);
  }
  if (PQputCopyData(c_, data.data(), static_cast<int>(data.size())) != 1) return Error("COPY data");
  if (PQputCopyEnd(c_, nullptr) != 1) return Error("COPY end");
  Status st;
  while (PGresult* r = PQgetResult(c_)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && st.ok()) st = Error(copy_sql);
    PQclear(r);
  }
  return st;
}

void Connection::AppendCopyText(std::string* out, std::string_view v) {
  for (char ch : v) {
    switch (ch) {
      case '\\':
        *out += "\\\\";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        *out += ch;
    }
  }
}

Result<Transaction> Transaction::Begin(Connection* c, const char* begin) {
  JBR_RETURN_IF_ERROR(c->Exec(begin));
  return Transaction(c);
}

Transaction::~Transaction() {
  if (c_ != nullptr) (void)c_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  // COMMIT of a transaction that failed earlier answers ROLLBACK without an error.
  auto r = c_->Query("COMMIT");
  Status st = r.ok() && r->CommandStatus() == "ROLLBACK"
                  ? StoreError("postgresql: the transaction was rolled back")
                  : r.status();
  if (st.ok()) c_ = nullptr;
  return st;
}

}  // namespace jbr::pg
