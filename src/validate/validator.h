// Validation of one delivery file against its dataset schema.
//
// ValidateFile streams the file once, converts every cell to its field's type and reports every
// problem as a Finding: header problems (missing-column, unknown-column, duplicate-column), row
// shape (blank-row, missing-cell, extra-cell), cell problems (type-error, constraint-error,
// enum-error, unique-error, personal-identifier), cross-field-error, out-of-period, and
// foreign-key-error against other datasets of the same ministry and year. The reader's own findings
// (encoding-error, malformed-row, workbook-refused, ...) go to the same sink. See docs/findings.md.
//
// The same function serves loading: with a RowConsumer it hands over every converted row.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "common/finding.h"
#include "common/parse.h"
#include "common/result.h"
#include "ingest/open_table.h"
#include "schema/schema.h"
#include "validate/key_set.h"
#include "validate/typed_row.h"

namespace jbr {

// Who delivers and for when. An empty ministry or absent year skips the checks that need them.
struct DeliveryContext {
  std::string ministry;
  std::optional<int> year;
};

struct ValidateOptions {
  TableOptions table;
  // nullopt: decimal comma when the CSV delimiter is ';', else decimal point.
  std::optional<DecimalMark> decimal;
  // Checks (true) or conversion only (false: the file was validated already; used by load).
  bool checks = true;
};

// Values of another dataset's field for the same ministry and year, as key hashes.
class ReferenceProvider {
 public:
  virtual ~ReferenceProvider() = default;
  // nullptr when that dataset has no current delivery for the ministry and year.
  virtual Result<std::shared_ptr<const KeyMap>> Keys(const std::string& dataset,
                                                     const std::string& field) = 0;
};

class RowConsumer {
 public:
  virtual ~RowConsumer() = default;
  virtual Status OnRow(const TypedRow& row) = 0;
};

struct ValidationSummary {
  SourceInfo source;
  DecimalMark decimal = DecimalMark::kPoint;
  int64_t rows = 0;    // data rows, blank rows not counted
  uint64_t bytes = 0;  // bytes of the file read
};

// Called now and then with bytes read so far; may be empty.
using ProgressFn = std::function<void(uint64_t bytes_read)>;

// Returns the summary whether or not there were findings (count the errors in the sink). A non-OK
// status means the file could not be read at all: an I/O failure, or input so broken that the
// reader refused it (then the sink holds the finding that says why).
Result<ValidationSummary> ValidateFile(const DatasetSchema& schema, const std::string& path,
                                       const std::string& display_name,
                                       const DeliveryContext& context,
                                       const ValidateOptions& options, ReferenceProvider* refs,
                                       FindingSink* sink, RowConsumer* consumer = nullptr,
                                       const ProgressFn& progress = {});

}  // namespace jbr
