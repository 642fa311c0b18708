// Copying a whole store in and out of SQLite (jbr migrate-store): the reads of everything and
// the StoreImport that fills an empty store, as functions over a connection. Contracts as in
// store/store.h.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "store/sqlite/db.h"
#include "store/store.h"

namespace jbr::sqlite {

Result<std::vector<ComputeRun>> SelectComputeRuns(Database* db);
Result<std::vector<DeliveryField>> SelectDeliveryFields(Database* db, int64_t delivery_id);
Status SelectChunks(Database* db, int64_t delivery_id,
                    const std::function<Status(const StoredChunk&)>& sink);
Result<std::unique_ptr<StoreImport>> BeginImport(Database* db);

}  // namespace jbr::sqlite
