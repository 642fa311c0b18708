// The portal's accounts in the SQLite store (migration 5); contracts in store/accounts.h.
#pragma once

#include <memory>

#include "store/accounts.h"
#include "store/sqlite/db.h"

namespace jbr::sqlite {

// An AccountStore over `db`, which must outlive it.
std::unique_ptr<AccountStore> MakeAccountStore(Database* db);

}  // namespace jbr::sqlite
