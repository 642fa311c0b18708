// Copying a whole store into a new, empty one (jbr migrate-store): deliveries with their original
// bytes, fields and column chunks, compute runs with their values, releases and the audit log, and
// the portal's accounts (users, sessions, API tokens, the action log), upload reports, jobs and
// review notes, every row
// with its id, so that the JSON that names deliveries and runs stays true.
#pragma once

#include <cstdint>

#include "store/store.h"

namespace jbr {

struct CopyCounts {
  int64_t deliveries = 0;
  int64_t bytes = 0;  // original bytes of the deliveries
  int64_t chunks = 0;
  int64_t runs = 0;
  int64_t values = 0;
  int64_t releases = 0;
  int64_t audit = 0;
  int64_t users = 0;
  int64_t sessions = 0;
  int64_t tokens = 0;
  int64_t actions = 0;
  int64_t reports = 0;  // upload reports (store/reports.h)
  int64_t findings = 0;
  int64_t jobs = 0;   // the portal's background jobs (store/jobs.h)
  int64_t notes = 0;  // review notes
};

// Reads `from` in one read snapshot and writes `to` in one transaction: `to` has everything or,
// after any error, nothing. `to` must be empty, accounts included (usage error otherwise). Every
// delivery's bytes are checked against its size and SHA-256 on the way.
Result<CopyCounts> CopyStore(Store* from, Store* to);

}  // namespace jbr
