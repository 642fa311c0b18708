// The shared store: one PostgreSQL database, used by many jbr processes at once. How concurrent
// loads, computations and releases stay correct is in docs/ARCHITECTURE.md ("The PostgreSQL
// store").
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace jbr {

// "postgresql://..." or "postgres://...": a libpq connection URI.
bool IsPostgresUrl(const std::string& url);

// Connects and migrates the schema (numbered migrations, each in one transaction).
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url);

}  // namespace jbr
