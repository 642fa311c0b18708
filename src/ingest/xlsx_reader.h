// XLSX reader on libzip and expat, streaming one sheet.
//
// Reads the named sheet or the first; shared strings, inline strings, numbers, booleans, formula
// results (the cached value). Text escapes (_x001B_, ECMA-376 part 1, 22.4.2.4), in which Excel and
// LibreOffice write control characters, are decoded, so that the validator sees the character.
// Dates stored as serial numbers arrive as kNumber cells; the validator converts them when the
// column is a date. Rows come in sheet order with their real row numbers; missing cells (sparse
// rows) are empty strings.
//
// Hostile workbooks are refused with a finding (code workbook-refused), never a crash or a hang:
// limits on total uncompressed size, per-entry compression ratio, cell count, columns, XML depth,
// and shared-string bytes; any DOCTYPE (and so any entity declaration) is refused. Other findings:
// not-a-workbook, sheet-not-found (listing the sheets there are), empty-file (no non-blank row),
// malformed-row (broken sheet XML or data while streaming, a shared-string index out of range).
// A refusal or broken data while streaming ends the rows: Next then returns false.
//
// bytes_read() counts compressed bytes, comparable to the file size: the parts read so far plus
// the sheet's compressed size in proportion to how much of it has been decompressed; at the end of
// the sheet it is the whole file size.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ingest/row_source.h"

namespace jbr {

struct XlsxOptions {
  std::string sheet;                             // empty: the first sheet
  uint64_t max_uncompressed_bytes = 2ull << 30;  // all entries read, together
  uint64_t max_compression_ratio = 200;          // per entry, uncompressed / compressed
  uint64_t max_cells = 100'000'000;
  size_t max_columns = 1024;
  int max_xml_depth = 64;
  uint64_t max_shared_string_bytes = 256ull << 20;
  size_t max_cell_bytes = 1 << 20;

  Status Validate() const;
};

Result<std::unique_ptr<RowSource>> OpenXlsx(const std::string& path,
                                            const std::string& display_name,
                                            const XlsxOptions& options, FindingSink* sink);
// The same over bytes in memory (tests, fuzzing, uploads). `data` must outlive the source.
Result<std::unique_ptr<RowSource>> OpenXlsxBuffer(std::string_view data,
                                                  const std::string& display_name,
                                                  const XlsxOptions& options, FindingSink* sink);

// Names of the sheets in workbook order (for messages and `--sheet` help).
Result<std::vector<std::string>> ListXlsxSheets(const std::string& path);

}  // namespace jbr
