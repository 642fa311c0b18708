// Matching a file's header to a schema: case-insensitively, by English name or Dutch alias, in any
// order. Reports missing-column, unknown-column and duplicate-column.
#pragma once

#include <string>
#include <vector>

#include "common/finding.h"
#include "ingest/row_source.h"
#include "schema/schema.h"

namespace jbr {

struct HeaderMap {
  std::vector<int> field_of_column;  // per file column: schema field index, or -1
  std::vector<int> column_of_field;  // per schema field: file column, or -1 when absent
  std::vector<std::string> names;    // per schema field: the header the file used, else its name
  bool missing_required = false;
};

HeaderMap MapHeader(const DatasetSchema& schema, const RawRow& header, const Finding& base,
                    FindingSink* sink);

// How well `row` works as the header: the schema fields it names (each counted once), the
// required fields it does not name, in schema order, and its non-empty cells that name no field.
struct HeaderScore {
  size_t fields = 0;
  size_t required = 0;               // required fields named
  std::vector<std::string> missing;  // required fields not named
  std::vector<std::string> unknown;  // cells naming no field, trimmed, in row order
};
HeaderScore ScoreHeader(const DatasetSchema& schema, const RawRow& row);

}  // namespace jbr
