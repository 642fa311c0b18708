// The releases table of the PostgreSQL store (migration 3), as functions over a connection; the
// PostgresStore methods of the same names call them. Contracts as in store/store.h.
#pragma once

#include <optional>
#include <vector>

#include "store/postgres/pg.h"
#include "store/store.h"

namespace jbr::pg {

Result<Release> InsertRelease(Connection* c, const NewRelease& r);
Result<std::vector<Release>> SelectReleases(Connection* c, std::optional<int> year);
Result<std::optional<Release>> SelectRelease(Connection* c, int64_t id);

}  // namespace jbr::pg
