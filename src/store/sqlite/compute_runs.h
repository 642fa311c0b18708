// Writing a compute run and its values into a SQLite store: one statement for a new run
// (SqliteStore::SaveComputeRun) and for a copied one that keeps its id (the store copy's import).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/result.h"
#include "store/sqlite/db.h"
#include "store/store.h"

namespace jbr::sqlite {

// Inserts `run` (with `id` when given, else a new one) and its `values`; returns the run's id. The
// caller holds the transaction.
Result<int64_t> InsertComputeRun(Database* db, const ComputeRun& run, std::optional<int64_t> id,
                                 const std::vector<StoredValue>& values);

}  // namespace jbr::sqlite
