// The jobs and review notes of the SQLite store (migration 8); contracts in store/jobs.h.
#pragma once

#include <memory>

#include "store/jobs.h"
#include "store/sqlite/db.h"

namespace jbr::sqlite {

// A JobStore over `db`, which must outlive it.
std::unique_ptr<JobStore> MakeJobStore(Database* db);

// Inserts a job or a note with its id, as it is (jbr migrate-store), in the caller's transaction.
Status InsertJob(Database* db, const Job& j);
Status InsertNote(Database* db, const ReviewNote& n);

}  // namespace jbr::sqlite
