// Finding the header row: spreadsheets often have a title, a date and an empty row above the
// column names. The header is the row among the first kHeaderSearchRows that names the most of
// the schema's fields (the earliest on a tie); the rows above it are a title and are skipped.
//
// Findings: header-row (warning) when the header is not the file's first row, naming the row used;
// header-not-found (error) when no row names at least half of the required fields or half of all
// fields, naming the best candidate and the required fields it lacks, instead of one
// missing-column per field.
#pragma once

#include <deque>

#include "common/finding.h"
#include "common/result.h"
#include "ingest/row_source.h"
#include "schema/schema.h"

namespace jbr {

inline constexpr int kHeaderSearchRows = 20;

struct HeaderChoice {
  RawRow header;
  std::deque<RawRow> ahead;  // rows after the header already read: the first data rows
  bool found = true;         // false: header-not-found was reported; read no data
};

// Reads up to kHeaderSearchRows rows from `source` (its header() first) to choose the header.
Result<HeaderChoice> FindHeader(const DatasetSchema& schema, RowSource* source, const Finding& base,
                                FindingSink* sink);

}  // namespace jbr
