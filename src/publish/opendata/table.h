// The published tables (indicators, definitions) as data: each column once, with its Table Schema
// type and description, so that the CSV, the JSON and datapackage.json cannot disagree on them.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "publish/core/publication.h"

namespace jbr::publish {

// A cell: absent, text or number. Absent is "" in CSV (the schema's missing value), null in JSON.
using TableCell = std::variant<std::monostate, std::string, double>;

struct FieldSpec {
  std::string name;
  std::string type;                      // Table Schema type: string, number, integer
  std::string description;               // English, for the data package
  nlohmann::json constraints = nullptr;  // Table Schema constraints, or null
};

struct Table {
  std::string name;  // the resource name; the CSV is NAME.csv
  std::string title, description;
  std::vector<FieldSpec> fields;
  std::vector<std::vector<TableCell>> rows;  // one cell per field, in field order
};

// Every value of the run: indicator, ministry, unit_type, period, category, value, numerator,
// denominator, unit, status, previous, change, flag (the columns of jbr compute --format csv).
Table IndicatorTable(const Publication& pub);
// Every definition of the run: id, titles, unit, definition texts, datasets, disclosure class.
Table DefinitionTable(const Publication& pub);
// Every restatement of the publication: indicator, ministry, unit_type, period, category,
// old_value, new_value, old_status, new_status, first_release, cause (values empty unless
// published).
Table RestatementTable(const Publication& pub);

// The time series' earlier years (Publication::series): indicator, ministry, unit_type, period,
// category, unit, status, value (empty unless published), run (the compute run it comes from).
Table SeriesTable(const Publication& pub);

std::string RenderCsv(const Table& t);       // header, then one record a row
nlohmann::json RenderRows(const Table& t);   // an array of objects keyed by field name
nlohmann::json TableSchema(const Table& t);  // fields, missingValues

}  // namespace jbr::publish
