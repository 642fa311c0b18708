// Deliveries with the mistakes ministries really make, on request, each with the findings jbr
// validate must give for it (the answer key).
//
// A spec file (JSON, see docs/synth-defects.md) lists defects: a kind, the dataset, ministry and
// year of the delivery to spoil, and optionally the physical data row (the header is row 1). Each
// defect is applied to a copy of the clean generated table (or to its bytes) and written as an
// extra file under defects/; the clean delivery and manifest.csv stay as they were. The expected
// findings are derived from what was changed and where, never by running the validator: the test
// that compares them with jbr validate's output can then fail.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/result.h"
#include "schema/schema.h"
#include "synth/core/style.h"
#include "synth/core/table.h"

namespace jbr::synth {

enum class DefectKind {
  kDecimalComma,     // "32,5" unquoted in a comma CSV: extra-cell on that row
  kMissingColumn,    // a required column left out: missing-column
  kRenamedColumn,    // a required column under another header: unknown-column + missing-column
  kBsnInId,          // a citizen service number in an id column: personal-identifier
  kEndBeforeStart,   // an end date the day before its start: cross-field-error
  kOutOfPeriod,      // a row that ended before the delivery year: out-of-period
  kDuplicateId,      // the previous row's id again: unique-error on the second occurrence
  kUnknownEnum,      // a value outside the allowed list: enum-error
  kWrongSheetFirst,  // a workbook with a notes sheet before the data: header-not-found
  kCp1252AsUtf8,     // a Windows-1252 file checked as UTF-8: encoding-error per non-ASCII cell
  kTruncated,        // the file cut off in the middle of a row: missing-cell on that (last) row
};

// The kind's name in the spec ("decimal-comma", ...) and back; nullopt for an unknown name.
const char* DefectKindName(DefectKind kind);
std::optional<DefectKind> DefectKindNamed(std::string_view name);
std::vector<std::string> DefectKindNames();

struct DefectRequest {
  DefectKind kind = DefectKind::kDecimalComma;
  std::string dataset;  // the schema's name (an alias in the spec is resolved)
  std::string ministry;
  int year = 0;
  std::optional<int64_t> row;  // physical row, >= 2; nullopt: chosen from the seed
};

// What a spec may ask for: the datasets (schemas), the synthetic Rijk's ministries and the years
// being generated.
struct DefectScope {
  const SchemaRegistry* schemas = nullptr;
  std::vector<std::string> ministries;
  int first_year = 0, last_year = 0;
};

// Empty when `kind` can spoil a delivery of this dataset, else why not (e.g. "personnel has no
// unique column"). The same column choices are used by ApplyDefect.
std::string DefectUnsupported(DefectKind kind, const DatasetSchema& schema);

// Parses a spec: {"defects": [{"kind", "dataset", "ministry", "year", "row"?}, ...]}. Hostile input
// gives InvalidInput naming the defect (by index) and the offending key: malformed JSON, unknown
// keys, kinds, datasets, ministries, years outside the scope, rows below 2, a row for a kind that
// spoils the whole file, a dataset without what the kind needs (e.g. no number column). Rows beyond
// the end of the generated table are refused later, by ApplyDefect.
Result<std::vector<DefectRequest>> ParseDefectSpec(std::string_view json, const DefectScope& scope);

// Reads and parses a spec file (at most 1 MiB).
Result<std::vector<DefectRequest>> ReadDefectSpec(const std::string& path,
                                                  const DefectScope& scope);

// A finding the spoilt file must give. Row and column are nullopt where not pinned.
struct ExpectedFinding {
  std::string code;
  Severity severity = Severity::kError;
  std::optional<int64_t> row;
  std::optional<std::string> column;  // as jbr reports it: the header as written, or the field name
                                      // for a missing column
};

// One entry of the answer key.
struct DefectFile {
  std::string file;  // relative to the output directory
  DefectRequest request;
  int64_t row = 0;                            // the row spoilt (0: the whole file)
  std::vector<std::string> validate_options;  // beyond --dataset/--ministry/--year
  std::vector<ExpectedFinding> expected;
};

// Applies `request` to a copy of `clean` (written by the ministry in `style`) and writes the spoilt
// file to out_dir/file_name. Errors: InvalidInput when the requested row is outside the table or
// unsuitable for the kind (the message says why), IoError when writing fails.
Result<DefectFile> ApplyDefect(const DefectRequest& request, const Table& clean,
                               const DatasetSchema& schema, const Style& style, uint64_t seed,
                               const std::string& out_dir, const std::string& file_name);

// The answer key as JSON text: {"files": [{"file", "kind", "dataset", "ministry", "year", "row",
// "validate_options", "findings": [{"code", "severity", "row", "column"}]}]}.
std::string AnswerKeyJson(const std::vector<DefectFile>& files);

}  // namespace jbr::synth
