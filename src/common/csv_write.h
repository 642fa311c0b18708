// Writing CSV (RFC 4180): a field quoted only when it must be, a record ended by LF. Every CSV jbr
// writes (open data, the ICT dashboard's layout, the deliveries an importer makes) uses these.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jbr {

// One CSV field: quoted when it holds a comma, quote, CR or LF, with its quotes doubled.
std::string CsvField(std::string_view s);
// One CSV record of already formatted fields, ended by LF.
std::string CsvRecord(const std::vector<std::string>& fields);

}  // namespace jbr
