// Conversion of one cell to its field's type, with the field's constraints checked.
#pragma once

#include <optional>
#include <string>

#include "ingest/row_source.h"
#include "schema/schema.h"
#include "validate/typed_row.h"

namespace jbr {

struct CellIssue {
  const char* code;  // type-error, enum-error, constraint-error
  std::string message;
  std::string hint;
};

// Converts `text` (a cell of `kind`) for `field` into *out. An empty cell gives a null value (or
// the field's default); requiredness is checked by the caller, which knows whether the column is
// there at all. `scratch` holds text the value points to (canonical list values). Returns the
// first problem, or nullopt when the cell is valid.
// `date1904`: the workbook counts serial dates from 1904-01-01 instead of 1900.
std::optional<CellIssue> ConvertCell(const FieldSchema& field, std::string_view text, CellKind kind,
                                     DecimalMark mark, std::string* scratch, Value* out,
                                     bool date1904 = false);

}  // namespace jbr
