// CSV reader: RFC 4180 and what ministries really send.
//
// UTF-8 with or without BOM, or Windows-1252 (detected on the first 1 MiB: valid UTF-8 is UTF-8,
// anything else Windows-1252; or stated), or UTF-16 LE or BE (by its BOM, or stated: Excel's
// "Unicode text"; transcoded to a temporary file first, see utf16.h, findings with byte offsets);
// delimiter ',', ';' or tab (sniffed from the first line that has any, so that a title line above
// the header does not decide; or stated); quoted fields with embedded delimiters, doubled quotes
// and newlines; CRLF, LF or CR; trailing empty lines ignored. Findings it reports: encoding-error
// (invalid UTF-8 in a UTF-8 file; the cell is decoded with U+FFFD), malformed-row (a quote that
// never closes: the file was cut off), field-too-long, too-many-columns, empty-file.
//
// Details a caller may rely on:
// - A UTF-8 BOM is always skipped (info().bom), even when the encoding is stated as windows-1252.
//   A UTF-16 BOM always means UTF-16, whatever encoding is stated.
// - Windows-1252 bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D, which the code page leaves undefined,
//   become the C1 controls U+0081... (as the WHATWG Encoding Standard decodes them): no finding.
// - Quotes count only at the start of a field: `5" inch` is read as is; text after a closing quote
//   is appended (`"ab"cd` gives abcd). Embedded line ends are kept as they are in the file.
// - An empty line is a row with one empty cell. Blank rows (every cell empty or blanks) are
//   returned, except those after the last non-blank row, which are no rows at all. A row that gave
//   a finding (say an unclosed quote) is never skipped as blank.
// - Header cells are trimmed; data cells are not. Every finding has severity error and, for a
//   cell, the column's header name ("column N" past the header or for an empty header cell).
// - max_field_bytes counts bytes in the file; a cut never splits a UTF-8 character.
// - OpenCsv reads the file through a buffer of buffer_bytes (plus 1 MiB once, for detection).
//   Blank rows are looked past and then re-read, which seeks when they span more than a buffer.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "ingest/row_source.h"

namespace jbr {

struct CsvOptions {
  std::optional<Encoding> encoding;  // nullopt: detect
  std::optional<char> delimiter;     // nullopt: sniff
  size_t max_field_bytes = 1 << 20;  // a longer field is cut and reported
  size_t max_columns = 1024;         // more cells in a row are dropped and reported
  size_t buffer_bytes = 1 << 20;     // read size

  Status Validate() const;
};

// Opens `path`. `display_name` is used in findings (the name the user knows). On input that
// cannot be read as CSV at all (empty file), adds an error finding and returns kInvalidInput.
Result<std::unique_ptr<RowSource>> OpenCsv(const std::string& path, const std::string& display_name,
                                           const CsvOptions& options, FindingSink* sink);

// The same, over bytes in memory (tests, fuzzing, uploads). `data` must outlive the source.
Result<std::unique_ptr<RowSource>> OpenCsvBuffer(std::string_view data,
                                                 const std::string& display_name,
                                                 const CsvOptions& options, FindingSink* sink);

}  // namespace jbr
