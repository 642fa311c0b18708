// The upload reports of the SQLite store (migration 6); contracts in store/reports.h.
#pragma once

#include <memory>
#include <vector>

#include "store/reports.h"
#include "store/sqlite/db.h"

namespace jbr::sqlite {

// A ReportStore over `db`, which must outlive it.
std::unique_ptr<ReportStore> MakeReportStore(Database* db);

// Inserts a report (with r.seq when it is not 0) and its findings, in the caller's transaction.
// Returns the report's seq.
Result<int64_t> InsertReport(Database* db, const UploadReport& r,
                             const std::vector<Finding>& findings);

}  // namespace jbr::sqlite
