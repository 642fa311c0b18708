// The time as jbr records it: ISO 8601 UTC to the second ("2021-03-01T12:00:00Z"). Code below the
// CLI takes the time as a value (a delivery's received_at, a release's created_at), so that tests
// and reproducible runs can fix it; the CLI decides where it comes from ($JBR_NOW or this clock).
#pragma once

#include <ctime>
#include <string>

namespace jbr {

// `t` (seconds since 1970-01-01 UTC) as "YYYY-MM-DDTHH:MM:SSZ".
std::string FormatUtc(std::time_t t);
// The system clock's time now, as FormatUtc.
std::string SystemNowUtc();

}  // namespace jbr
