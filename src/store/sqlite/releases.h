// The releases table of the SQLite store (migration 3), as functions over a connection; the
// SqliteStore methods of the same names call them. Contracts as in store/store.h.
#pragma once

#include <optional>
#include <vector>

#include "store/sqlite/db.h"
#include "store/store.h"

namespace jbr::sqlite {

Result<Release> InsertRelease(Database* db, const NewRelease& r);
Result<std::vector<Release>> SelectReleases(Database* db, std::optional<int> year);
Result<std::optional<Release>> SelectRelease(Database* db, int64_t id);

}  // namespace jbr::sqlite
