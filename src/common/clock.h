// The time as jbr records it: ISO 8601 UTC to the second ("2021-03-01T12:00:00Z").
//
// Code below the CLI never asks the system for the time itself: it takes a Clock (an importer's
// received_at) or the time as a value (a delivery's received_at, a release's created_at), so that
// tests and reproducible runs can fix it. The CLI decides which clock: a FixedClock at $JBR_NOW, or
// the SystemClock.
#pragma once

#include <ctime>
#include <string>
#include <utility>

namespace jbr {

// `t` (seconds since 1970-01-01 UTC) as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatUtc(std::time_t t);
// The system clock's time now, as FormatUtc.
std::string SystemNowUtc();

// What "now" is, for code that records a time. Implementations are immutable and thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  // The time now as "YYYY-MM-DDTHH:MM:SSZ".
  virtual std::string NowUtc() const = 0;
};

// The system clock.
class SystemClock final : public Clock {
 public:
  std::string NowUtc() const override { return SystemNowUtc(); }
};

// A clock that always says the same time, taken as given (an ISO 8601 text).
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::string now) : now_(std::move(now)) {}
  std::string NowUtc() const override { return now_; }

 private:
  std::string now_;
};

}  // namespace jbr
