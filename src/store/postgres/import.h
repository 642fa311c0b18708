// Copying a whole store in and out of PostgreSQL (jbr migrate-store): the reads of everything and
// the StoreImport that fills an empty store, as functions over a connection. Contracts as in
// store/store.h.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "store/postgres/pg.h"
#include "store/store.h"

namespace jbr::pg {

Result<std::vector<ComputeRun>> SelectComputeRuns(Connection* c);
Result<std::vector<DeliveryField>> SelectDeliveryFields(Connection* c, int64_t delivery_id);
Status SelectChunks(Connection* c, int64_t delivery_id,
                    const std::function<Status(const StoredChunk&)>& sink);
Result<std::unique_ptr<StoreImport>> BeginImport(Connection* c);

// The original bytes are kept in parts of this size: streamed in and out, never held whole.
inline constexpr size_t kPartBytes = 1 << 20;

// Writes `values` of run `run_id` in one COPY (a run has thousands; an INSERT each would be a
// round trip each), numbered in their order.
Status CopyValues(Connection* c, int64_t run_id, const std::vector<StoredValue>& values);

}  // namespace jbr::pg
