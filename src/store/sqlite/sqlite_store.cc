#include "store/sqlite/sqlite_store.h"

#include <fstream>
#include <map>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "store/sqlite/accounts.h"
#include "store/sqlite/compute_runs.h"
#include "store/sqlite/db.h"
#include "store/sqlite/import.h"
#include "store/sqlite/jobs.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/releases.h"
#include "store/sqlite/reports.h"

namespace jbr {
namespace {

using sqlite::Database;
using sqlite::Statement;
using sqlite::Transaction;

constexpr const char* kDeliveryColumns =
    "d.id, d.dataset, d.ministry, d.year, d.received_at, d.delivered_by, d.file_name, d.sha256, "
    "d.size_bytes, d.row_count, d.status, d.supersedes, "
    "(SELECT n.id FROM deliveries n WHERE n.supersedes = d.id), d.format";

DeliveryRecord ReadDelivery(const Statement& q) {
  DeliveryRecord r;
  r.id = q.Int(0);
  r.dataset = q.Text(1);
  r.ministry = q.Text(2);
  r.year = static_cast<int>(q.Int(3));
  r.received_at = q.Text(4);
  r.delivered_by = q.Text(5);
  r.file_name = q.Text(6);
  r.sha256 = q.Text(7);
  r.size_bytes = q.Int(8);
  r.row_count = q.Int(9);
  r.status = q.Text(10);
  r.supersedes = q.OptInt(11);
  r.superseded_by = q.OptInt(12);
  r.format = q.Text(13);
  return r;
}

class SqliteWriter : public DeliveryWriter {
 public:
  SqliteWriter(Database* db, Transaction tx, Statement insert_chunk, int64_t id,
               const DatasetSchema& schema, NewDelivery delivery, std::string sha256,
               std::optional<DeliveryRecord> previous)
      : db_(db),
        tx_(std::move(tx)),
        insert_chunk_(std::move(insert_chunk)),
        id_(id),
        schema_(schema),
        delivery_{std::move(delivery), std::move(sha256)},
        previous_(std::move(previous)) {
    if (previous_) supersedes_ = previous_->id;
    for (const auto& f : schema.fields) builders_.emplace_back(f.type);
  }

  const std::string& sha256() const override { return delivery_.sha256; }
  const std::optional<DeliveryRecord>& previous() const override { return previous_; }

  Status SetFormat(const std::string& format_json) override {
    delivery_.format = format_json;
    JBR_ASSIGN_OR_RETURN(auto upd, db_->Prepare("UPDATE deliveries SET format = ? WHERE id = ?"));
    return upd.Bind(1, format_json).Bind(2, id_).Run();
  }

  Status OnRow(const TypedRow& row) override {
    for (size_t f = 0; f < builders_.size(); ++f) builders_[f].Append(row.values[f]);
    ++rows_;
    if (builders_.front().size() >= kChunkRows) return Flush();
    return Status::Ok();
  }

  Result<DeliveryRecord> Commit() override {
    JBR_RETURN_IF_ERROR(Flush());
    JBR_ASSIGN_OR_RETURN(auto upd,
                         db_->Prepare("UPDATE deliveries SET row_count = ? WHERE id = ?"));
    JBR_RETURN_IF_ERROR(upd.Bind(1, rows_).Bind(2, id_).Run());
    nlohmann::json detail = {{"dataset", delivery_.dataset}, {"ministry", delivery_.ministry},
                             {"year", delivery_.year},       {"file_name", delivery_.file_name},
                             {"sha256", delivery_.sha256},   {"rows", rows_}};
    if (supersedes_) detail["supersedes"] = *supersedes_;
    JBR_ASSIGN_OR_RETURN(auto audit,
                         db_->Prepare("INSERT INTO audit_log(at, actor, action, delivery_id, "
                                      "detail) VALUES (?, ?, 'load', ?, ?)"));
    JBR_RETURN_IF_ERROR(audit.Bind(1, delivery_.received_at)
                            .Bind(2, delivery_.delivered_by)
                            .Bind(3, id_)
                            .Bind(4, detail.dump())
                            .Run());
    JBR_RETURN_IF_ERROR(tx_.Commit());
    DeliveryRecord r;
    r.id = id_;
    r.dataset = delivery_.dataset;
    r.ministry = delivery_.ministry;
    r.year = delivery_.year;
    r.received_at = delivery_.received_at;
    r.delivered_by = delivery_.delivered_by;
    r.file_name = delivery_.file_name;
    r.sha256 = delivery_.sha256;
    r.size_bytes = delivery_.size_bytes;
    r.row_count = rows_;
    r.status = "accepted";
    r.supersedes = supersedes_;
    r.format = delivery_.format;
    return r;
  }

 private:
  Status Flush() {
    if (builders_.front().size() == 0) return Status::Ok();
    for (size_t f = 0; f < builders_.size(); ++f) {
      int64_t n = static_cast<int64_t>(builders_[f].size());
      std::string blob = builders_[f].Finish();
      insert_chunk_.Bind(1, id_)
          .Bind(2, schema_.fields[f].name)
          .Bind(3, chunk_)
          .Bind(4, n)
          .BindBlob(5, blob);
      JBR_RETURN_IF_ERROR(insert_chunk_.Run());
    }
    ++chunk_;
    return Status::Ok();
  }

  Database* db_;
  Transaction tx_;
  Statement insert_chunk_;
  int64_t id_;
  const DatasetSchema& schema_;
  struct Stored : NewDelivery {
    std::string sha256;
  } delivery_;
  std::optional<DeliveryRecord> previous_;
  std::optional<int64_t> supersedes_;
  std::vector<ColumnBuilder> builders_;
  int64_t rows_ = 0;
  int64_t chunk_ = 0;
};

// A statement of SqliteStore's cache, reset when the guard goes: its bindings cleared and, if it
// stopped before its last row, its read of the database ended.
class Reused {
 public:
  explicit Reused(Statement* s) : s_(s) {}
  Reused(Reused&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
  Reused& operator=(Reused&&) = delete;
  Reused(const Reused&) = delete;
  Reused& operator=(const Reused&) = delete;
  ~Reused() {
    if (s_ != nullptr) s_->Reset();
  }
  Statement& operator*() const { return *s_; }
  Statement* operator->() const { return s_; }

 private:
  Statement* s_;
};

class SqliteStore : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<Database> db)
      : db_(std::move(db)),
        accounts_(sqlite::MakeAccountStore(db_.get())),
        reports_(sqlite::MakeReportStore(db_.get())),
        jobs_(sqlite::MakeJobStore(db_.get())) {}

  AccountStore* accounts() override { return accounts_.get(); }
  ReportStore* reports() override { return reports_.get(); }
  JobStore* jobs() override { return jobs_.get(); }

  Result<std::optional<DeliveryRecord>> CurrentDelivery(const std::string& dataset,
                                                        const std::string& ministry,
                                                        int year) override {
    DeliveryFilter f;
    f.dataset = dataset;
    f.ministry = ministry;
    f.year = year;
    f.current_only = true;
    JBR_ASSIGN_OR_RETURN(auto list, ListDeliveries(f));
    if (list.empty()) return std::optional<DeliveryRecord>();
    return std::optional<DeliveryRecord>(list.front());
  }

  Result<std::optional<DeliveryRecord>> GetDelivery(int64_t id) override {
    static const std::string kSql =
        fmt::format("SELECT {} FROM deliveries d WHERE d.id = ?", kDeliveryColumns);
    JBR_ASSIGN_OR_RETURN(Reused q, Cached(kSql));
    q->Bind(1, id);
    JBR_ASSIGN_OR_RETURN(bool row, q->Step());
    if (!row) return std::optional<DeliveryRecord>();
    return std::optional<DeliveryRecord>(ReadDelivery(*q));
  }

  Result<std::vector<DeliveryRecord>> ListDeliveries(const DeliveryFilter& filter) override {
    static const std::string kSql = fmt::format(
        "SELECT {} FROM deliveries d WHERE (?1 IS NULL OR d.dataset = ?1) AND (?2 IS NULL OR "
        "d.ministry = ?2) "
        "AND (?3 IS NULL OR d.year = ?3) AND (?4 = 0 OR d.status = 'accepted') "
        "ORDER BY d.dataset, d.ministry, d.year, d.id",
        kDeliveryColumns);
    JBR_ASSIGN_OR_RETURN(Reused q, Cached(kSql));
    if (filter.dataset) q->Bind(1, *filter.dataset);
    if (filter.ministry) q->Bind(2, *filter.ministry);
    if (filter.year) q->Bind(3, static_cast<int64_t>(*filter.year));
    q->Bind(4, static_cast<int64_t>(filter.current_only ? 1 : 0));
    std::vector<DeliveryRecord> out;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      out.push_back(ReadDelivery(*q));
    }
    return out;
  }

  Result<std::unique_ptr<DeliveryWriter>> BeginDelivery(const NewDelivery& d,
                                                        const DatasetSchema& schema) override {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db_.get()));
    JBR_ASSIGN_OR_RETURN(auto current, CurrentDelivery(d.dataset, d.ministry, d.year));
    std::optional<int64_t> supersedes;
    if (current) {
      supersedes = current->id;
      JBR_ASSIGN_OR_RETURN(
          auto up, db_->Prepare("UPDATE deliveries SET status = 'superseded' WHERE id = ?"));
      JBR_RETURN_IF_ERROR(up.Bind(1, current->id).Run());
    }
    JBR_ASSIGN_OR_RETURN(auto ins,
                         db_->Prepare("INSERT INTO deliveries(dataset, ministry, year, "
                                      "received_at, delivered_by, file_name, sha256, "
                                      "size_bytes, row_count, status, supersedes, format) VALUES "
                                      "(?,?,?,?,?,?,'',?,0,'accepted',?,?)"));
    ins.Bind(1, d.dataset)
        .Bind(2, d.ministry)
        .Bind(3, static_cast<int64_t>(d.year))
        .Bind(4, d.received_at)
        .Bind(5, d.delivered_by)
        .Bind(6, d.file_name)
        .Bind(7, d.size_bytes)
        .Bind(8, supersedes)
        .Bind(9, d.format);
    JBR_RETURN_IF_ERROR(ins.Run());
    int64_t id = db_->LastInsertId();
    JBR_ASSIGN_OR_RETURN(
        auto fields,
        db_->Prepare(
            "INSERT INTO delivery_fields(delivery_id, position, field, type) VALUES (?,?,?,?)"));
    for (size_t i = 0; i < schema.fields.size(); ++i) {
      fields.Bind(1, id)
          .Bind(2, static_cast<int64_t>(i))
          .Bind(3, schema.fields[i].name)
          .Bind(4, std::string_view(FieldTypeName(schema.fields[i].type)));
      JBR_RETURN_IF_ERROR(fields.Run());
    }
    JBR_ASSIGN_OR_RETURN(std::string sha256, StoreOriginal(id, d));
    JBR_ASSIGN_OR_RETURN(auto hash, db_->Prepare("UPDATE deliveries SET sha256 = ? WHERE id = ?"));
    JBR_RETURN_IF_ERROR(hash.Bind(1, sha256).Bind(2, id).Run());
    JBR_ASSIGN_OR_RETURN(auto chunk, db_->Prepare("INSERT INTO delivery_chunks(delivery_id, field, "
                                                  "chunk, row_count, data) VALUES (?,?,?,?,?)"));
    return std::unique_ptr<DeliveryWriter>(new SqliteWriter(
        db_.get(), std::move(tx), std::move(chunk), id, schema, d, sha256, std::move(current)));
  }

  Status ExportOriginal(int64_t id, const std::function<Status(std::string_view)>& sink) override {
    JBR_ASSIGN_OR_RETURN(auto q,
                         db_->Prepare("SELECT rowid FROM delivery_files WHERE delivery_id = ?"));
    q.Bind(1, id);
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return NotFound(fmt::format("no delivery {}", id));
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db_->handle(), "main", "delivery_files", "bytes", q.Int(0), 0, &blob) !=
        SQLITE_OK) {
      return db_->Error("open blob");
    }
    const int size = sqlite3_blob_bytes(blob);
    std::string buf(1 << 20, '\0');
    Status st;
    for (int off = 0; off < size && st.ok(); off += static_cast<int>(buf.size())) {
      int n = std::min<int>(static_cast<int>(buf.size()), size - off);
      if (sqlite3_blob_read(blob, buf.data(), n, off) != SQLITE_OK) {
        st = db_->Error("read blob");
      } else {
        st = sink(std::string_view(buf.data(), n));
      }
    }
    sqlite3_blob_close(blob);
    return st;
  }

  Status ReadColumnChunks(int64_t delivery_id, const std::string& field,
                          const std::function<Status(std::string_view)>& chunk) override {
    JBR_ASSIGN_OR_RETURN(
        Reused q,
        Cached(
            "SELECT data FROM delivery_chunks WHERE delivery_id = ? AND field = ? ORDER BY chunk"));
    q->Bind(1, delivery_id).Bind(2, field);
    bool any = false;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool row, q->Step());
      if (!row) break;
      any = true;
      JBR_RETURN_IF_ERROR(chunk(q->Blob(0)));
    }
    if (!any) {
      JBR_ASSIGN_OR_RETURN(
          auto known,
          db_->Prepare("SELECT 1 FROM delivery_fields WHERE delivery_id = ? AND field = ?"));
      known.Bind(1, delivery_id).Bind(2, field);
      JBR_ASSIGN_OR_RETURN(bool exists, known.Step());
      if (!exists) return NotFound(fmt::format("delivery {} has no field {}", delivery_id, field));
    }
    return Status::Ok();
  }

  Result<int64_t> SaveComputeRun(const ComputeRun& run,
                                 const std::vector<StoredValue>& values) override {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db_.get()));
    JBR_ASSIGN_OR_RETURN(int64_t id, InsertComputeRun(db_.get(), run, std::nullopt, values));
    JBR_ASSIGN_OR_RETURN(auto audit,
                         db_->Prepare("INSERT INTO audit_log(at, actor, action, delivery_id, "
                                      "detail) VALUES (?, 'jbr', 'compute', NULL, ?)"));
    JBR_RETURN_IF_ERROR(audit.Bind(1, run.at)
                            .Bind(2, fmt::format(R"({{"run":{},"year":{},"values":{}}})", id,
                                                 run.year, values.size()))
                            .Run());
    JBR_RETURN_IF_ERROR(tx.Commit());
    return id;
  }

  Result<std::optional<ComputeRun>> LatestComputeRun(int year) override {
    return SelectRun("WHERE year = ? ORDER BY id DESC LIMIT 1", year);
  }

  Result<std::optional<ComputeRun>> GetComputeRun(int64_t run_id) override {
    return SelectRun("WHERE id = ?", run_id);
  }

  Result<std::vector<StoredValue>> ComputeRunValues(int64_t run_id) override {
    JBR_ASSIGN_OR_RETURN(auto q,
                         db_->Prepare("SELECT indicator, ministry, unit_type, period, category, "
                                      "unit, status, flag, suppression, value, "
                                      "numerator, denominator, previous, change, deliveries, "
                                      "previous_status, previous_deliveries "
                                      "FROM computed_values WHERE run_id = ? ORDER BY rowid"));
    q.Bind(1, run_id);
    std::vector<StoredValue> out;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      StoredValue v{q.Text(0),       q.Text(1),       q.Text(2),       q.Text(3),
                    q.Text(4),       q.Text(5),       q.Text(6),       q.Text(7),
                    q.Text(8),       q.OptDouble(9),  q.OptDouble(10), q.OptDouble(11),
                    q.OptDouble(12), q.OptDouble(13), q.Text(14),      q.Text(15),
                    q.Text(16)};
      out.push_back(std::move(v));
    }
    return out;
  }

  Status AppendAudit(const AuditEntry& e) override {
    JBR_ASSIGN_OR_RETURN(
        auto q,
        db_->Prepare(
            "INSERT INTO audit_log(at, actor, action, delivery_id, detail) VALUES (?,?,?,?,?)"));
    return q.Bind(1, e.at)
        .Bind(2, e.actor)
        .Bind(3, e.action)
        .Bind(4, e.delivery_id)
        .Bind(5, e.detail)
        .Run();
  }

  Result<std::vector<AuditEntry>> AuditLog(std::optional<int64_t> delivery_id) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, db_->Prepare("SELECT id, at, actor, action, delivery_id, detail FROM audit_log "
                             "WHERE ?1 IS NULL OR delivery_id = ?1 ORDER BY id"));
    q.Bind(1, delivery_id);
    std::vector<AuditEntry> out;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out.push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.OptInt(4), q.Text(5)});
    }
    return out;
  }

  Result<std::vector<ComputeRun>> ListComputeRuns() override {
    return sqlite::SelectComputeRuns(db_.get());
  }
  Result<std::vector<DeliveryField>> DeliveryFields(int64_t id) override {
    return sqlite::SelectDeliveryFields(db_.get(), id);
  }
  Status ReadChunks(int64_t id, const std::function<Status(const StoredChunk&)>& sink) override {
    return sqlite::SelectChunks(db_.get(), id, sink);
  }
  Result<std::unique_ptr<StoreImport>> BeginImport() override {
    return sqlite::BeginImport(db_.get());
  }

  // A deferred transaction reads from one WAL snapshot, fixed at its first read.
  Status BeginReadSnapshot() override { return db_->Exec("BEGIN DEFERRED"); }
  Status EndReadSnapshot() override { return db_->Exec("COMMIT"); }

  Result<Release> CreateRelease(const NewRelease& r) override {
    return sqlite::InsertRelease(db_.get(), r);
  }
  Result<std::vector<Release>> ListReleases(std::optional<int> year) override {
    return sqlite::SelectReleases(db_.get(), year);
  }
  Result<std::optional<Release>> GetRelease(int64_t id) override {
    return sqlite::SelectRelease(db_.get(), id);
  }

 private:
  // A statement prepared once per store: compute repeats a few queries hundreds of times (a
  // delivery's columns one by one, the current delivery of every dataset and ministry).
  Result<Reused> Cached(const std::string& sql) {
    auto it = cached_.find(sql);
    if (it == cached_.end()) {
      JBR_ASSIGN_OR_RETURN(Statement q, db_->Prepare(sql));
      it = cached_.emplace(sql, std::move(q)).first;
    }
    return Reused(&it->second);
  }

  Result<std::optional<ComputeRun>> SelectRun(const char* where, int64_t key) {
    JBR_ASSIGN_OR_RETURN(
        auto q, db_->Prepare(fmt::format("SELECT id, at, year, definition_version, factor_vintage, "
                                         "deliveries, options, factor_vintages, "
                                         "adjacent_gaps FROM compute_runs {}",
                                         where)));
    q.Bind(1, key);
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return std::optional<ComputeRun>();
    return std::optional<ComputeRun>(ComputeRun{q.Int(0), q.Text(1), static_cast<int>(q.Int(2)),
                                                q.Text(3), q.Text(4), q.Text(5), q.Text(6),
                                                q.Text(7), q.Text(8)});
  }

  // Streams the file into a blob of its size, hashing it on the way; a file whose size changed
  // since it was measured is refused. Returns the hex SHA-256.
  Result<std::string> StoreOriginal(int64_t id, const NewDelivery& d) {
    JBR_ASSIGN_OR_RETURN(
        auto ins,
        db_->Prepare("INSERT INTO delivery_files(delivery_id, bytes) VALUES (?, zeroblob(?))"));
    JBR_RETURN_IF_ERROR(ins.Bind(1, id).Bind(2, d.size_bytes).Run());
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db_->handle(), "main", "delivery_files", "bytes", id, 1, &blob) !=
        SQLITE_OK) {
      return db_->Error("open blob");
    }
    std::ifstream in(d.source_path, std::ios::binary);
    Sha256 hash;
    std::string buf(1 << 20, '\0');
    int64_t off = 0;
    Status st;
    while (st.ok() && in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      std::streamsize n = in.gcount();
      if (n <= 0) break;
      if (off + n > d.size_bytes) {
        st = InvalidInput(fmt::format("{} grew while it was being loaded", d.file_name));
        break;
      }
      hash.Update(std::string_view(buf.data(), static_cast<size_t>(n)));
      if (sqlite3_blob_write(blob, buf.data(), static_cast<int>(n), static_cast<int>(off)) !=
          SQLITE_OK) {
        st = db_->Error("write blob");
      }
      off += n;
    }
    sqlite3_blob_close(blob);
    JBR_RETURN_IF_ERROR(st);
    if (off != d.size_bytes) {
      return InvalidInput(
          fmt::format("{} changed while it was being loaded; load it again", d.file_name));
    }
    return hash.HexDigest();
  }

  std::unique_ptr<Database> db_;
  std::map<std::string, Statement> cached_;  // finalised before db_ closes (declared after it)
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<ReportStore> reports_;
  std::unique_ptr<JobStore> jobs_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  JBR_ASSIGN_OR_RETURN(auto db, Database::Open(path));
  // Large pages: a delivery is kept as a few large blobs (original bytes, column chunks), which
  // 64 KiB pages store with a sixteenth of the page chains of the default 4 KiB. Only takes effect
  // when the database is created.
  JBR_RETURN_IF_ERROR(db->Exec("PRAGMA page_size=65536"));
  JBR_RETURN_IF_ERROR(
      db->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"));
  JBR_RETURN_IF_ERROR(sqlite::Migrate(db.get()));
  return std::unique_ptr<Store>(new SqliteStore(std::move(db)));
}

}  // namespace jbr
