// The embedded store: one SQLite file in WAL mode.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace jbr {

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace jbr
