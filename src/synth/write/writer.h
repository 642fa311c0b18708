// Writes a generated table as a delivery file in a ministry's style: CSV (UTF-8 with or without BOM
// or Windows-1252; comma, or semicolon with decimal comma; LF or CRLF) or XLSX (libxlsxwriter).
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "schema/schema.h"
#include "synth/core/style.h"
#include "synth/core/table.h"

namespace jbr::synth {

// The cell as the style writes it (Dutch enum value, decimal comma, DD-MM-YYYY, ja/nee), before
// encoding. XLSX writes dates, numbers and booleans as typed cells instead.
std::string StyledText(const FieldSchema* field, const std::string& canonical, const Style& style);

// The header of a column: the English name, or in a Dutch style the first (Dutch) alias.
std::string StyledHeader(const FieldSchema* field, const std::string& column, const Style& style);

// The CSV bytes of a table (encoded as the style says).
std::string RenderCsv(const Table& table, const DatasetSchema& schema, const Style& style);

// UTF-8 to Windows-1252; characters it cannot hold become '?'.
std::string ToCp1252(std::string_view utf8);

// The one cell of a notes sheet written before the data.
inline constexpr std::string_view kNotesSheetText = "Toelichting bij de aanlevering";

// Writes the table to `path` (CSV or XLSX as the style says). Extra sheets, when given, come first
// in the workbook (the "wrong sheet first" mistake); they hold kNotesSheetText in A1.
Status WriteTable(const Table& table, const DatasetSchema& schema, const Style& style,
                  const std::string& path, const std::vector<std::string>& sheets_before = {});

}  // namespace jbr::synth
