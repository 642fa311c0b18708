// The portal's accounts in the PostgreSQL store (migration 5); contracts in store/accounts.h.
#pragma once

#include <memory>

#include "store/accounts.h"
#include "store/postgres/pg.h"

namespace jbr::pg {

// An AccountStore over `c`, which must outlive it.
std::unique_ptr<AccountStore> MakeAccountStore(Connection* c);

}  // namespace jbr::pg
