// RowSource: a delivery file as a stream of rows of text cells, whatever its format.
//
// Readers decode to UTF-8 and keep memory bounded: rows are produced one at a time, never the whole
// file. Problems in the input (bad encoding, a broken quote, a hostile workbook) are reported as
// findings to the FindingSink given when the source was opened; only failures of the machine
// itself (I/O) are returned as a Status.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/finding.h"
#include "common/result.h"

namespace jbr {

// How a cell was typed in the file. CSV cells are always kText; XLSX and ODS cells say what the
// workbook stored (a number may be a date serial; a boolean is "1" or "0"). kUnread: the cell has
// a value the reader could not give (a formula never calculated) and has reported why; its text is
// empty, and the validator adds nothing about it. kCovered: an empty cell hidden under a merged
// cell (ODS), whose value sits in the merge's first cell only; rows end at their last non-empty
// cell all the same for IsBlank.
enum class CellKind : uint8_t { kText, kNumber, kBool, kUnread, kCovered };

struct RawRow {
  int64_t row_number = 0;          // physical row: CSV line where the record starts, XLSX row
  std::vector<std::string> cells;  // UTF-8
  std::vector<CellKind> kinds;     // same size as cells
  // A blank row only: how many consecutive blank rows it stands for, from row_number on. A
  // spreadsheet's run of empty rows comes as one row, however long (an ODS file can claim 2^40).
  int64_t blank_run = 1;

  void Clear() {
    cells.clear();
    kinds.clear();
    blank_run = 1;
  }
  bool IsBlank() const;  // every cell empty or only blanks
};

enum class Encoding { kUtf8, kWindows1252, kUtf16Le, kUtf16Be };
const char* EncodingName(Encoding e);
// "utf-8", "windows-1252", "cp1252", "latin1", "utf-16le", "utf-16be"
std::optional<Encoding> ParseEncodingName(std::string_view name);

struct SourceInfo {
  std::string format;  // "csv", "xlsx" or "ods"
  Encoding encoding = Encoding::kUtf8;
  bool bom = false;
  char delimiter = ',';   // CSV only
  std::string sheet;      // XLSX and ODS only
  bool date1904 = false;  // XLSX only: serial dates count from 1904-01-01 (old Mac workbooks)
};

class RowSource {
 public:
  virtual ~RowSource() = default;
  // The header: the first row of the file (CSV) or the first non-empty row (XLSX).
  virtual const RawRow& header() const = 0;
  // Tells the reader that `header` (a later row: title rows were above it) is the header, so that
  // its findings from here on name columns by it; header() then returns it.
  virtual void UseHeader(const RawRow& header) = 0;
  // Reads the next data row into *row (reusing its storage). Returns false at the end of the input.
  // Blank rows are returned too, so that the validator can report them (consecutive ones of a
  // workbook as one run, see RawRow::blank_run); blank rows at the very end of a file are skipped.
  virtual Result<bool> Next(RawRow* row) = 0;
  virtual const SourceInfo& info() const = 0;
  // Bytes of the file consumed so far, for progress reports.
  virtual uint64_t bytes_read() const = 0;
};

}  // namespace jbr
