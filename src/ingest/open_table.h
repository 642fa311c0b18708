// Opens a delivery file as a RowSource, choosing the reader by content (a ZIP signature means
// XLSX), not by the file name.
#pragma once

#include "ingest/csv_reader.h"
#include "ingest/xlsx_reader.h"

namespace jbr {

struct TableOptions {
  CsvOptions csv;
  XlsxOptions xlsx;
};

Result<std::unique_ptr<RowSource>> OpenTable(const std::string& path,
                                             const std::string& display_name,
                                             const TableOptions& options, FindingSink* sink);

}  // namespace jbr
