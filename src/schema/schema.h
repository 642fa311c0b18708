// Dataset definitions as data: a schema per dataset, loaded from data/schemas/<name>.json.
//
// The JSON follows the Frictionless Table Schema in spirit: fields with a name, Dutch and other
// aliases, a type and constraints (required, enum, minimum, maximum, unique, pattern, maxLength),
// plus jbr's own parts: enum aliases ("V" -> "female"), defaults, list separators, the dataset's
// reporting-period columns, cross-field rules, and references to other datasets. Adding a column
// is an edit to a JSON file. See docs/schemas.md for the format.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "common/finding.h"
#include "common/result.h"

namespace jbr {

enum class FieldType { kString, kInteger, kNumber, kDate, kBoolean };
const char* FieldTypeName(FieldType t);

struct FieldSchema {
  std::string name;                  // English name, the canonical one
  std::vector<std::string> aliases;  // Dutch and other accepted header names
  FieldType type = FieldType::kString;
  std::string description;
  bool required = false;
  bool unique = false;
  std::vector<std::string> enum_values;             // empty: no enum
  std::map<std::string, std::string> enum_aliases;  // lower-case alias -> canonical value
  std::optional<double> minimum;
  std::optional<double> maximum;
  std::optional<size_t> max_length;  // in bytes of UTF-8
  std::string pattern_text;          // whole-value match
  std::shared_ptr<const std::regex> pattern;
  std::string default_text;  // applied when the cell is empty (and the column optional)
  std::string separators;    // non-empty: the value is a list split on these characters

  // Canonical enum value for `text` (exact, then case-insensitive, then alias), or nullopt.
  std::optional<std::string_view> CanonicalEnum(std::string_view text) const;
};

// A rule across fields of one row, or across rows.
struct RuleSchema {
  std::string kind;   // not-before, not-above, sum-not-above, required-if, empty-if, no-overlap,
                      // equals-ministry
  std::string field;  // not-before, not-above, required-if, empty-if, equals-ministry
  std::vector<std::string> fields;  // sum-not-above
  std::string reference;            // the field compared against
  std::string when;                 // required-if / empty-if: the condition field
  std::vector<std::string> in;      // ... and the values that trigger it
  std::string group, start, end;    // no-overlap
  std::string message, hint;
};

struct ForeignKeySchema {
  std::string field;
  std::string dataset;  // referenced dataset (same ministry and year)
  std::string target_field;
  Severity severity = Severity::kError;
  std::string message, hint;
};

struct DatasetSchema {
  std::string name;
  std::string title, title_nl;
  std::vector<std::string> aliases;
  std::string description;
  bool personal = false;  // rows describe persons: never published, only aggregated
  std::vector<FieldSchema> fields;
  std::vector<std::string> primary_key;  // composite uniqueness, in addition to field.unique
  std::vector<RuleSchema> rules;
  std::vector<ForeignKeySchema> foreign_keys;
  // Reporting period: rows must touch the delivery's year. Either an interval (start, end) or a
  // single date; all empty when the dataset has no dates that place rows in a year.
  std::string period_start, period_end, period_date;
  // With an interval, optionally the field that groups rows into one unit (absence: episode_id):
  // a row that ended before the year is accepted when another row of its group touches the year,
  // so that an episode still open in the year is delivered whole, from its first day.
  std::string period_group;
  std::optional<int64_t> max_rows;

  int FieldIndex(std::string_view name) const;  // -1 when absent
};

// Parses one schema from JSON text. Errors name the schema and the offending key.
Result<DatasetSchema> ParseDatasetSchema(std::string_view json_text, const std::string& origin);

// All schemas in a directory (*.json), keyed by dataset name.
class SchemaRegistry {
 public:
  static Result<SchemaRegistry> LoadDirectory(const std::string& dir);

  // By name or alias, case-insensitive. nullptr when unknown.
  const DatasetSchema* Find(std::string_view name) const;
  std::vector<std::string> Names() const;

 private:
  std::map<std::string, DatasetSchema> schemas_;
};

// Header normalisation for matching: trimmed, lower-case (ASCII), blanks and '-' as '_'.
std::string NormaliseHeader(std::string_view header);

}  // namespace jbr
