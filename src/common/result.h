// Status and Result<T>: the error type at every module boundary.
//
// A Status is either OK or an error with a code and a message. Result<T> holds a value or an
// error Status. Both are [[nodiscard]]: an ignored error is a compile warning (an error in CI).
// Use JBR_RETURN_IF_ERROR and JBR_ASSIGN_OR_RETURN to propagate.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace jbr {

enum class StatusCode {
  kOk = 0,
  kInvalidInput,  // outside input rejected: a file, a value, a request body
  kUsage,         // the caller asked for something that cannot be: unknown option, ministry
  kNotFound,      // a named thing does not exist (delivery id, workspace)
  kIo,            // the file system failed
  kStore,         // the database failed
  kInternal,      // a bug
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidInput(std::string m) { return {StatusCode::kInvalidInput, std::move(m)}; }
inline Status UsageError(std::string m) { return {StatusCode::kUsage, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIo, std::move(m)}; }
inline Status StoreError(std::string m) { return {StatusCode::kStore, std::move(m)}; }
inline Status InternalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }  // *std::move(r) moves, not copies

 private:
  std::variant<T, Status> v_;
};

}  // namespace jbr

#define JBR_CONCAT_INNER(a, b) a##b
#define JBR_CONCAT(a, b) JBR_CONCAT_INNER(a, b)

#define JBR_RETURN_IF_ERROR(expr)              \
  do {                                         \
    ::jbr::Status jbr_status_ = (expr);        \
    if (!jbr_status_.ok()) return jbr_status_; \
  } while (0)

// `lhs` may be a declaration ("auto x") and `tmp` is a name, so neither can be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define JBR_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)

#define JBR_ASSIGN_OR_RETURN(lhs, expr) \
  JBR_ASSIGN_OR_RETURN_IMPL(JBR_CONCAT(jbr_result_, __LINE__), lhs, expr)
