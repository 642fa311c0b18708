// The data a theme reads: the current deliveries of one ministry for one year, column by column.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "common/result.h"
#include "schema/schema.h"
#include "store/column_codec.h"
#include "store/store.h"

namespace jbr {

// One current delivery, its columns decoded.
struct Table {
  const DatasetSchema* schema = nullptr;
  DeliveryRecord delivery;
  std::map<std::string, Column> columns;
  size_t rows = 0;

  // The column of `field`; the schema guarantees it exists (nulls where the file had none).
  const Column& col(const std::string& field) const;
};

struct MinistryInputs {
  std::string ministry;
  int year = 0;
  std::map<std::string, Table> tables;  // by dataset name; absent = not delivered
  // The same ministry's inputs of the years before and after (their adjacent datasets only,
  // IndicatorDef::adjacent_datasets); null when not loaded. Owned by the engine.
  const MinistryInputs* year_before = nullptr;
  const MinistryInputs* year_after = nullptr;

  const Table* Get(const std::string& dataset) const;
};

// Reads every column of the stored delivery `delivery` (of dataset `schema`) into a table.
Result<Table> LoadTable(Store* store, const DatasetSchema& schema, const DeliveryRecord& delivery);

// Reads the current deliveries of `datasets` for a ministry and year from the store.
Result<MinistryInputs> LoadInputs(Store* store, const SchemaRegistry& schemas,
                                  const std::string& ministry, int year,
                                  const std::vector<std::string>& datasets);

// Builds a table in memory (tests, benchmarks): columns given by field name.
Table MakeTable(const DatasetSchema* schema, std::map<std::string, Column> columns);

}  // namespace jbr
