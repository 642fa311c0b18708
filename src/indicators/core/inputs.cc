#include "indicators/core/inputs.h"

#include <fmt/format.h>

namespace jbr {

const Column& Table::col(const std::string& field) const {
  auto it = columns.find(field);
  if (it == columns.end()) {
    // Programming error: a theme asked for a field its dataset's schema does not have.
    static const Column kEmpty;
    return kEmpty;
  }
  return it->second;
}

const Table* MinistryInputs::Get(const std::string& dataset) const {
  auto it = tables.find(dataset);
  return it == tables.end() ? nullptr : &it->second;
}

namespace {

// An all-null column of `rows` values of type `type`.
Column NullColumn(FieldType type, size_t rows) {
  Column c;
  c.type = type;
  c.null.assign(rows, 1);
  c.ints.assign(type == FieldType::kString || type == FieldType::kNumber ? 0 : rows, 0);
  c.numbers.assign(type == FieldType::kNumber ? rows : 0, 0);
  if (type == FieldType::kString) c.offsets.assign(rows + 1, 0);
  return c;
}

}  // namespace

Result<Table> LoadTable(Store* store, const DatasetSchema& schema, const DeliveryRecord& delivery) {
  Table t;
  t.schema = &schema;
  t.delivery = delivery;
  // An optional field added to the schema after the delivery was stored (buildings'
  // occupancy_q1_pct ..) was simply not delivered: all null. A required one is an error.
  std::vector<const FieldSchema*> absent;
  for (const auto& f : schema.fields) {
    Result<Column> c = store->ReadColumn(delivery.id, f.name, f.type);
    if (!c.ok() && c.status().code() == StatusCode::kNotFound && !f.required) {
      absent.push_back(&f);
      continue;
    }
    JBR_ASSIGN_OR_RETURN(Column col, std::move(c));
    t.rows = col.size();
    t.columns.emplace(f.name, std::move(col));
  }
  for (const FieldSchema* f : absent) t.columns.emplace(f->name, NullColumn(f->type, t.rows));
  return t;
}

Result<MinistryInputs> LoadInputs(Store* store, const SchemaRegistry& schemas,
                                  const std::string& ministry, int year,
                                  const std::vector<std::string>& datasets) {
  MinistryInputs in;
  in.ministry = ministry;
  in.year = year;
  for (const auto& name : datasets) {
    const DatasetSchema* schema = schemas.Find(name);
    if (schema == nullptr) return InternalError(fmt::format("unknown dataset {}", name));
    JBR_ASSIGN_OR_RETURN(auto current, store->CurrentDelivery(schema->name, ministry, year));
    if (!current) continue;
    JBR_ASSIGN_OR_RETURN(Table t, LoadTable(store, *schema, *current));
    in.tables.emplace(schema->name, std::move(t));
  }
  return in;
}

Table MakeTable(const DatasetSchema* schema, std::map<std::string, Column> columns) {
  Table t;
  t.schema = schema;
  t.columns = std::move(columns);
  t.rows = t.columns.empty() ? 0 : t.columns.begin()->second.size();
  for (const auto& f : schema->fields) {
    if (t.columns.count(f.name) == 0) t.columns.emplace(f.name, NullColumn(f.type, t.rows));
  }
  return t;
}

}  // namespace jbr
