// The jobs and review notes of the PostgreSQL store (migration 8); contracts in store/jobs.h.
#pragma once

#include <memory>

#include "store/jobs.h"
#include "store/postgres/pg.h"

namespace jbr::pg {

// A JobStore over `c`, which must outlive it.
std::unique_ptr<JobStore> MakeJobStore(Connection* c);

// Inserts a job or a note with its id, as it is (jbr migrate-store), in the caller's transaction.
Status InsertJob(Connection* c, const Job& j);
Status InsertNote(Connection* c, const ReviewNote& n);

}  // namespace jbr::pg
