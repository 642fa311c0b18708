#include "indicators/core/inputs.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

namespace jbr {

// The fields of a table read on first use. The map is filled when the table is made and never
// changes after; each slot is filled once (std::call_once), so readers on several threads are safe.
struct LazyColumns {
  struct Slot {
    const FieldSchema* field = nullptr;
    std::once_flag once;
    Column column;
  };
  Store* store = nullptr;
  std::mutex* store_mutex = nullptr;
  int64_t delivery_id = 0;
  size_t rows = 0;
  std::map<std::string, std::unique_ptr<Slot>> slots;
  mutable std::mutex error_mutex;
  Status error;  // the first read that failed

  void Fail(Status st) {
    std::lock_guard lock(error_mutex);
    if (error.ok()) error = std::move(st);
  }
};

namespace {

// An all-null column of `rows` values of type `type`.
Column NullColumn(FieldType type, size_t rows) {
  Column c;
  c.type = type;
  c.null.assign(rows, 1);
  c.ints.assign(type == FieldType::kString || type == FieldType::kNumber ? 0 : rows, 0);
  c.numbers.assign(type == FieldType::kNumber ? rows : 0, 0);
  if (type == FieldType::kString) c.strs.assign(rows, {});
  return c;
}

// Reads one field of a table read on first use (LoadTableOnRead): what LoadTable reads at once. A
// required field the delivery lacks is an error here too, but only once a theme reads it.
void ReadSlot(LazyColumns* lazy, LazyColumns::Slot* slot) {
  const FieldSchema& f = *slot->field;
  // Only the store's reads are serialised: the chunks are copied under the lock and decoded after
  // it, so that threads reading two fields decode them at the same time.
  std::vector<std::string> chunks;
  size_t bytes = 0;
  Status read = [&] {
    std::lock_guard lock(*lazy->store_mutex);
    return lazy->store->ReadColumnChunks(lazy->delivery_id, f.name, [&](std::string_view blob) {
      chunks.emplace_back(blob);
      bytes += blob.size();
      return Status::Ok();
    });
  }();
  Column decoded;
  decoded.type = f.type;
  // The column's size is known: one allocation each, not a chunk's worth of growth at a time. A
  // string column's bytes are at most its chunks'. The rows reserved are at most what the chunks
  // can hold (a row takes a bit of a null bitmap at least), whatever the delivery's record says.
  const size_t rows = std::min(lazy->rows, 8 * bytes);
  decoded.null.reserve(rows);
  if (f.type == FieldType::kString) {
    decoded.strs.reserve(rows);
    decoded.bytes.reserve(bytes);
  } else if (f.type == FieldType::kNumber) {
    decoded.numbers.reserve(rows);
  } else {
    decoded.ints.reserve(rows);
  }
  Result<Column> c = read.ok() ? Result<Column>(std::move(decoded)) : Result<Column>(read);
  for (size_t i = 0; i < chunks.size() && c.ok(); ++i) {
    if (Status st = DecodeChunk(chunks[i], &*c); !st.ok()) c = st;
  }
  if (!c.ok() && c.status().code() == StatusCode::kNotFound && !f.required) {
    slot->column = NullColumn(f.type, lazy->rows);  // added to the schema after the delivery
    return;
  }
  if (c.ok() && c->size() != lazy->rows) {
    c = StoreError(fmt::format("field {} of delivery {} has {} rows, the delivery {}", f.name,
                               lazy->delivery_id, c->size(), lazy->rows));
  }
  if (!c.ok()) {
    lazy->Fail(c.status());
    slot->column = NullColumn(f.type, lazy->rows);  // safe to index; the figures are refused
    return;
  }
  slot->column = *std::move(c);
}

}  // namespace

const Column& Table::col(const std::string& field) const {
  if (lazy) {
    auto it = lazy->slots.find(field);
    if (it != lazy->slots.end()) {
      LazyColumns::Slot* slot = it->second.get();
      std::call_once(slot->once, [&] { ReadSlot(lazy.get(), slot); });
      return slot->column;
    }
  }
  auto it = columns.find(field);
  if (it == columns.end()) {
    // Programming error: a theme asked for a field its dataset's schema does not have.
    static const Column kEmpty;
    return kEmpty;
  }
  return it->second;
}

TableMemo::Entry* TableMemo::Find(std::type_index type) {
  std::lock_guard lock(mutex_);
  std::unique_ptr<Entry>& e = entries_[type];
  if (!e) e = std::make_unique<Entry>();
  return e.get();
}

Status Table::ReadStatus() const {
  if (!lazy) return Status::Ok();
  std::lock_guard lock(lazy->error_mutex);
  return lazy->error;
}

const Table* MinistryInputs::Get(const std::string& dataset) const {
  auto it = tables.find(dataset);
  return it == tables.end() ? nullptr : &it->second;
}

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

Table LoadTableOnRead(Store* store, std::mutex* store_mutex, const DatasetSchema& schema,
                      const DeliveryRecord& delivery) {
  Table t;
  t.schema = &schema;
  t.delivery = delivery;
  t.rows = static_cast<size_t>(std::max<int64_t>(delivery.row_count, 0));
  t.lazy = std::make_shared<LazyColumns>();
  t.lazy->store = store;
  t.lazy->store_mutex = store_mutex;
  t.lazy->delivery_id = delivery.id;
  t.lazy->rows = t.rows;
  for (const auto& f : schema.fields) {
    auto slot = std::make_unique<LazyColumns::Slot>();
    slot->field = &f;
    t.lazy->slots.emplace(f.name, std::move(slot));
  }
  return t;
}

Result<MinistryInputs> LoadInputs(Store* store, const SchemaRegistry& schemas,
                                  const std::string& ministry, int year,
                                  const std::vector<std::string>& datasets,
                                  std::mutex* store_mutex) {
  MinistryInputs in;
  in.ministry = ministry;
  in.year = year;
  for (const auto& name : datasets) {
    const DatasetSchema* schema = schemas.Find(name);
    if (schema == nullptr) return InternalError(fmt::format("unknown dataset {}", name));
    std::optional<DeliveryRecord> current;
    {
      std::unique_lock<std::mutex> lock;
      if (store_mutex != nullptr) lock = std::unique_lock(*store_mutex);
      JBR_ASSIGN_OR_RETURN(current, store->CurrentDelivery(schema->name, ministry, year));
    }
    if (!current) continue;
    if (store_mutex != nullptr) {
      in.tables.emplace(schema->name, LoadTableOnRead(store, store_mutex, *schema, *current));
      continue;
    }
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
