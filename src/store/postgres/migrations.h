// Versioned schema migrations of the PostgreSQL store, numbered as the SQLite store's (the same
// version is the same tables). Each runs once, in its own transaction, under an advisory lock so
// that processes opening a new database at the same moment migrate it once; recorded in
// schema_migrations; a store newer than this binary is refused.
#pragma once

#include "store/postgres/pg.h"

namespace jbr::pg {

Status Migrate(Connection* c);
int LatestSchemaVersion();

}  // namespace jbr::pg
