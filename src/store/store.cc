// Store::Open: the URL picks the backend, so that callers never name one.
#include "store/store.h"

#include <algorithm>

#include <fmt/format.h>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace jbr {

Result<Column> Store::ReadColumn(int64_t delivery_id, const std::string& field, FieldType type) {
  Column column;
  column.type = type;
  JBR_RETURN_IF_ERROR(ReadColumnChunks(
      delivery_id, field, [&](std::string_view blob) { return DecodeChunk(blob, &column); }));
  return column;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& url) {
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.rfind(kSqlite, 0) == 0) return OpenSqliteStore(url.substr(kSqlite.size()));
  if (IsPostgresUrl(url)) return OpenPostgresStore(url);
  if (url.find("://") != std::string::npos) {
    return UsageError(fmt::format(
        "unsupported store URL '{}': use sqlite:PATH or postgresql://user@host:port/database",
        url));
  }
  return OpenSqliteStore(url);
}

std::string RedactStoreUrl(const std::string& url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const size_t start = scheme + 3;
  const size_t end = std::min(url.find('/', start), url.find('?', start));
  const std::string authority =
      url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  const size_t at = authority.rfind('@');
  if (at == std::string::npos) return url;
  const size_t colon = authority.find(':');
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, start + colon + 1) + "***" + url.substr(start + at);
}

}  // namespace jbr
