// ODS reader (OpenDocument spreadsheet, ISO/IEC 26300) on libzip and expat, streaming one sheet.
//
// Reads content.xml as it is decompressed, like the XLSX reader, with the same limits against
// hostile archives (XlsxOptions: total and per-entry size, compression ratio, cells, columns, XML
// depth, DOCTYPE refused). The sheet is the one named by `sheet` (case-insensitively), else the
// first; sheets before it are parsed and skipped, never held.
//
// Cells by office:value-type: float, percentage and currency give their office:value as kNumber
// (a percentage 25% is 0.25, as in XLSX); date gives the date of office:date-value as YYYY-MM-DD
// text; boolean gives "1" or "0" (kBool); string and time give the cell's text (paragraphs joined
// by a line feed, <text:s/> as spaces, annotations left out). A formula gives its calculated value;
// a formula without one (a file written by a program that does not calculate) is the finding
// formula-without-value and a kUnread cell. An error result (#DIV/0!) is its text.
//
// Repeated rows and columns (table:number-rows-repeated, table:number-columns-repeated) cost no
// memory: empty runs are skipped, a repeated non-empty row is handed out copy by copy. They count
// toward max_cells and max_columns as the cells they stand for, so a claim of millions of filled
// cells is refused (workbook-refused), while the millions of empty formatted cells LibreOffice
// writes after the data are not. Covered cells (hidden under a merged cell) are empty: the merged
// value sits in the first cell only, as in XLSX.
//
// Findings: those of the XLSX reader, plus not-a-workbook for an OpenDocument file that is not a
// spreadsheet (a text document, say).
#pragma once

#include <memory>
#include <string>

#include "ingest/row_source.h"
#include "ingest/xlsx_reader.h"

namespace jbr {

// What a ZIP archive holds, told from its parts.
enum class ZipKind { kOds, kOtherOpenDocument, kOther };

// Looks inside the ZIP archive at `path`: an ODF "mimetype" part naming a spreadsheet (or, without
// one, a content.xml and no [Content_Types].xml) is kOds. Sets *mimetype for kOtherOpenDocument.
// Anything it cannot read is kOther, left to the XLSX reader to report.
ZipKind SniffZipKind(const std::string& path, std::string* mimetype);
ZipKind SniffZipKindBuffer(std::string_view data, std::string* mimetype);

Result<std::unique_ptr<RowSource>> OpenOds(const std::string& path, const std::string& display_name,
                                           const XlsxOptions& options, FindingSink* sink);
// The same over bytes in memory (tests, fuzzing, uploads). `data` must outlive the source.
Result<std::unique_ptr<RowSource>> OpenOdsBuffer(std::string_view data,
                                                 const std::string& display_name,
                                                 const XlsxOptions& options, FindingSink* sink);

}  // namespace jbr
