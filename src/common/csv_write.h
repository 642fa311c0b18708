// Writing CSV (RFC 4180): a field quoted only when it must be, a record ended by LF. Every CSV jbr
// writes (open data, the ICT dashboard's layout, the deliveries an importer makes or the synthetic
// Rijk writes, jbr compute --format csv, the portal's downloads) quotes its fields with these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jbr {

// One CSV field: quoted when it holds the delimiter, a quote, CR or LF, with its quotes doubled.
std::string CsvField(std::string_view s, char delimiter = ',');
// The same, appended to `out`.
void AppendCsvField(std::string* out, std::string_view s, char delimiter = ',');
// One CSV record of already formatted fields, ended by LF.
std::string CsvRecord(const std::vector<std::string>& fields);

}  // namespace jbr
