// Opens a delivery file as a RowSource, choosing the reader by content, not by the file name:
// a ZIP archive is an ODS spreadsheet when its mimetype part says so, else an XLSX workbook;
// anything else is CSV (whose reader tells UTF-8, Windows-1252 and UTF-16 apart).
//
// Refused before any reader sees it, with one finding (old-excel-format): an old binary Excel
// workbook (.xls, BIFF in an OLE2 compound file, or a bare BIFF stream of Excel 2-4), which would
// otherwise be read as CSV and give a finding per column. A password-protected XLSX is an OLE2
// file too, and so are old Word files: the finding says which, from the OLE2 directory.
#pragma once

#include "ingest/csv_reader.h"
#include "ingest/ods_reader.h"
#include "ingest/xlsx_reader.h"

namespace jbr {

struct TableOptions {
  CsvOptions csv;
  XlsxOptions xlsx;  // the limits and --sheet of XLSX and ODS alike
};

Result<std::unique_ptr<RowSource>> OpenTable(const std::string& path,
                                             const std::string& display_name,
                                             const TableOptions& options, FindingSink* sink);

// What the first bytes of a file say about its format, for OpenTable and its tests.
enum class Magic { kZip, kOle2, kBiff, kOther };
Magic SniffMagic(std::string_view head);

}  // namespace jbr
