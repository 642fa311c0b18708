// The data a theme reads: the current deliveries of one ministry for one year, column by column.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <typeindex>
#include <vector>

#include "common/result.h"
#include "schema/schema.h"
#include "store/column_codec.h"
#include "store/store.h"

namespace jbr {

struct LazyColumns;

// What a theme derives from a table's columns (its rows sorted by person, say), made once however
// many threads ask: a compute reads the same delivery for two years (as the year's own, and as the
// year before or after of the other), and both use one copy. One value per type, so each theme
// names its own struct.
class TableMemo {
 public:
  template <typename T, typename Make>
  const T& Get(Make make) {
    Entry* e = Find(std::type_index(typeid(T)));
    std::call_once(e->once, [&] { e->value = std::make_shared<const T>(make()); });
    return *static_cast<const T*>(e->value.get());
  }

 private:
  struct Entry {
    std::once_flag once;
    std::shared_ptr<const void> value;
  };
  Entry* Find(std::type_index type);

  std::mutex mutex_;
  std::map<std::type_index, std::unique_ptr<Entry>> entries_;
};

// One current delivery, its columns decoded: all at once (LoadTable, MakeTable), or each on its
// first read (LoadTableOnRead), so that a compute decodes only the fields its themes read.
struct Table {
  const DatasetSchema* schema = nullptr;
  DeliveryRecord delivery;
  std::map<std::string, Column> columns;
  size_t rows = 0;
  std::shared_ptr<LazyColumns> lazy;  // set by LoadTableOnRead: the fields not yet read
  std::shared_ptr<TableMemo> memo = std::make_shared<TableMemo>();  // shared by copies

  // The column of `field`; the schema guarantees it exists (nulls where the file had none). Safe to
  // call from several threads at once.
  const Column& col(const std::string& field) const;
  // The first error of reading a field on first use (Ok for a table loaded at once). A field that
  // could not be read reads as all null, so a caller must check this before using any figure
  // computed from the table.
  Status ReadStatus() const;
  // The theme's value of type T made from this table by `make` (called once, on first use).
  template <typename T, typename Make>
  const T& Memo(Make make) const {
    return memo->Get<T>(make);
  }
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

// A table whose fields are read from the store and decoded on first use, each once, however many
// threads ask; `store_mutex` serialises every use of `store` by those reads (the caller holds it
// too while it uses the store while such tables are being read). The row count is the
// delivery's; a field that decodes to another count is an error (ReadStatus).
Table LoadTableOnRead(Store* store, std::mutex* store_mutex, const DatasetSchema& schema,
                      const DeliveryRecord& delivery);

// Reads the current deliveries of `datasets` for a ministry and year from the store: every column
// at once, or, with `store_mutex`, each on first use (LoadTableOnRead).
Result<MinistryInputs> LoadInputs(Store* store, const SchemaRegistry& schemas,
                                  const std::string& ministry, int year,
                                  const std::vector<std::string>& datasets,
                                  std::mutex* store_mutex = nullptr);

// Builds a table in memory (tests, benchmarks): columns given by field name.
Table MakeTable(const DatasetSchema* schema, std::map<std::string, Column> columns);

}  // namespace jbr
