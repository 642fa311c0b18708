#include "common/result.h"

namespace jbr {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidInput:
      return "invalid input";
    case StatusCode::kUsage:
      return "usage error";
    case StatusCode::kNotFound:
      return "not found";
    case StatusCode::kIo:
      return "I/O error";
    case StatusCode::kStore:
      return "store error";
    case StatusCode::kInternal:
      return "internal error";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

}  // namespace jbr
