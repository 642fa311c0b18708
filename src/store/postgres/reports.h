// The upload reports of the PostgreSQL store (migration 6); contracts in store/reports.h.
#pragma once

#include <memory>
#include <vector>

#include "store/postgres/pg.h"
#include "store/reports.h"

namespace jbr::pg {

// A ReportStore over `c`, which must outlive it.
std::unique_ptr<ReportStore> MakeReportStore(Connection* c);

// Inserts a report (with r.seq when it is not 0) and its findings (by COPY), in the caller's
// transaction. Returns the report's seq.
Result<int64_t> InsertReport(Connection* c, const UploadReport& r,
                             const std::vector<Finding>& findings);

}  // namespace jbr::pg
