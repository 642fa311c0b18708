// Store::Open: the URL picks the backend, so that callers never name one.
#include "store/store.h"

#include <fmt/format.h>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace jbr {

Result<std::unique_ptr<Store>> Store::Open(const std::string& url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.rfind(kSqlite, 0) == 0) return OpenSqliteStore(url.substr(kSqlite.size()));
  if (IsPostgresUrl(url)) return OpenPostgresStore(url);
  if (url.find("://") != std::string::npos) {
    return UsageError(fmt::format(
        "unsupported store URL '{}': use sqlite:PATH or postgresql://user@host:port/database", url));
  }
  return OpenSqliteStore(url);
}

}  // namespace jbr
