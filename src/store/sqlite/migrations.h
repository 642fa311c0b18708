// Versioned schema migrations of the SQLite store. Each migration runs once, in its own
// transaction, recorded in schema_migrations; a store newer than this binary is refused.
#pragma once

#include "store/sqlite/db.h"

namespace jbr::sqlite {

Status Migrate(Database* db);
int LatestSchemaVersion();

}  // namespace jbr::sqlite
