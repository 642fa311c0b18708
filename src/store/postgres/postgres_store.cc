#include "store/postgres/postgres_store.h"

#include <fstream>
#include <map>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "store/postgres/accounts.h"
#include "store/postgres/import.h"
#include "store/postgres/jobs.h"
#include "store/postgres/migrations.h"
#include "store/postgres/pg.h"
#include "store/postgres/releases.h"
#include "store/postgres/reports.h"

namespace jbr {
namespace {

using pg::Connection;
using pg::Params;
using pg::Rows;
using pg::Transaction;

constexpr const char* kDeliveryColumns =
    "d.id, d.dataset, d.ministry, d.year, d.received_at, d.delivered_by, d.file_name, d.sha256, "
    "d.size_bytes, d.row_count, d.status, d.supersedes, "
    "(SELECT n.id FROM deliveries n WHERE n.supersedes = d.id), d.format";

DeliveryRecord ReadDelivery(const Rows& q, int i) {
  DeliveryRecord r;
  r.id = q.Int(i, 0);
  r.dataset = q.Text(i, 1);
  r.ministry = q.Text(i, 2);
  r.year = static_cast<int>(q.Int(i, 3));
  r.received_at = q.Text(i, 4);
  r.delivered_by = q.Text(i, 5);
  r.file_name = q.Text(i, 6);
  r.sha256 = q.Text(i, 7);
  r.size_bytes = q.Int(i, 8);
  r.row_count = q.Int(i, 9);
  r.status = q.Text(i, 10);
  r.supersedes = q.OptInt(i, 11);
  r.superseded_by = q.OptInt(i, 12);
  r.format = q.Text(i, 13);
  return r;
}

// The transaction-scoped advisory lock of one (dataset, ministry, year): loads of the same key
// wait for each other; loads of other keys do not.
Status LockDeliveryKey(Connection* c, const NewDelivery& d) {
  return c->Exec(
      "SELECT pg_advisory_xact_lock(7375002, hashtext($1 || '/' || $2 || '/' || $3::text))",
      Params().Add(d.dataset).Add(d.ministry).Add(d.year));
}

class PostgresWriter : public DeliveryWriter {
 public:
  PostgresWriter(Connection* c, Transaction tx, int64_t id, const DatasetSchema& schema,
                 NewDelivery delivery, std::string sha256, std::optional<DeliveryRecord> previous)
      : c_(c),
        tx_(std::move(tx)),
        id_(id),
        schema_(schema),
        delivery_{std::move(delivery), std::move(sha256)},
        previous_(std::move(previous)) {
    for (const auto& f : schema.fields) builders_.emplace_back(f.type);
  }

  const std::string& sha256() const override { return delivery_.sha256; }
  const std::optional<DeliveryRecord>& previous() const override { return previous_; }

  Status SetFormat(const std::string& format_json) override {
    delivery_.format = format_json;
    return c_->Exec("UPDATE deliveries SET format = $1 WHERE id = $2",
                    Params().Add(format_json).Add(id_));
  }

  Status OnRow(const TypedRow& row) override {
    for (size_t f = 0; f < builders_.size(); ++f) builders_[f].Append(row.values[f]);
    ++rows_;
    if (builders_.front().size() >= kChunkRows) return Flush();
    return Status::Ok();
  }

  Result<DeliveryRecord> Commit() override {
    JBR_RETURN_IF_ERROR(Flush());
    JBR_RETURN_IF_ERROR(c_->Exec("UPDATE deliveries SET row_count = $1 WHERE id = $2",
                                 Params().Add(rows_).Add(id_)));
    std::optional<int64_t> supersedes;
    if (previous_) supersedes = previous_->id;
    nlohmann::json detail = {{"dataset", delivery_.dataset}, {"ministry", delivery_.ministry},
                             {"year", delivery_.year},       {"file_name", delivery_.file_name},
                             {"sha256", delivery_.sha256},   {"rows", rows_}};
    if (supersedes) detail["supersedes"] = *supersedes;
    JBR_RETURN_IF_ERROR(
        c_->Exec("INSERT INTO audit_log(at, actor, action, delivery_id, detail) VALUES ($1, $2, "
                 "'load', $3, $4)",
                 Params()
                     .Add(delivery_.received_at)
                     .Add(delivery_.delivered_by)
                     .Add(id_)
                     .Add(detail.dump())));
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
    r.supersedes = supersedes;
    r.format = delivery_.format;
    return r;
  }

 private:
  Status Flush() {
    if (builders_.front().size() == 0) return Status::Ok();
    for (size_t f = 0; f < builders_.size(); ++f) {
      const int64_t n = static_cast<int64_t>(builders_[f].size());
      const std::string blob = builders_[f].Finish();
      JBR_RETURN_IF_ERROR(c_->Exec(
          "INSERT INTO delivery_chunks(delivery_id, field, chunk, row_count, data) VALUES ($1, $2, "
          "$3, $4, $5)",
          Params().Add(id_).Add(schema_.fields[f].name).Add(chunk_).Add(n).AddBinary(blob)));
    }
    ++chunk_;
    return Status::Ok();
  }

  Connection* c_;
  Transaction tx_;
  int64_t id_;
  const DatasetSchema& schema_;
  struct Stored : NewDelivery {
    std::string sha256;
  } delivery_;
  std::optional<DeliveryRecord> previous_;
  std::vector<ColumnBuilder> builders_;
  int64_t rows_ = 0;
  int64_t chunk_ = 0;
};

class PostgresStore : public Store {
 public:
  explicit PostgresStore(std::unique_ptr<Connection> c)
      : c_(std::move(c)),
        accounts_(pg::MakeAccountStore(c_.get())),
        reports_(pg::MakeReportStore(c_.get())),
        jobs_(pg::MakeJobStore(c_.get())) {}

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
    JBR_ASSIGN_OR_RETURN(
        auto q,
        c_->Query(fmt::format("SELECT {} FROM deliveries d WHERE d.id = $1", kDeliveryColumns),
                  Params().Add(id)));
    if (q.size() == 0) return std::optional<DeliveryRecord>();
    return std::optional<DeliveryRecord>(ReadDelivery(q, 0));
  }

  Result<std::vector<DeliveryRecord>> ListDeliveries(const DeliveryFilter& filter) override {
    const std::string sql = fmt::format(
        "SELECT {} FROM deliveries d WHERE ($1::text IS NULL OR d.dataset = $1) "
        "AND ($2::text IS NULL OR d.ministry = $2) AND ($3::integer IS NULL OR d.year = $3) "
        "AND ($4::integer = 0 OR d.status = 'accepted') ORDER BY d.dataset, d.ministry, d.year, "
        "d.id",
        kDeliveryColumns);
    Params p;
    filter.dataset ? p.Add(*filter.dataset) : p.AddNull();
    filter.ministry ? p.Add(*filter.ministry) : p.AddNull();
    filter.year ? p.Add(*filter.year) : p.AddNull();
    p.Add(filter.current_only ? 1 : 0);
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query(sql, p));
    std::vector<DeliveryRecord> out;
    for (int i = 0; i < q.size(); ++i) out.push_back(ReadDelivery(q, i));
    return out;
  }

  Result<std::unique_ptr<DeliveryWriter>> BeginDelivery(const NewDelivery& d,
                                                        const DatasetSchema& schema) override {
    JBR_RETURN_IF_ERROR(NotInSnapshot());
    cached_ = {};  // only committed deliveries are kept, never one being written
    // READ COMMITTED: after the key's lock every statement sees the loads committed before it.
    JBR_ASSIGN_OR_RETURN(auto tx,
                         Transaction::Begin(c_.get(), "BEGIN ISOLATION LEVEL READ COMMITTED"));
    JBR_RETURN_IF_ERROR(LockDeliveryKey(c_.get(), d));
    JBR_ASSIGN_OR_RETURN(auto current, CurrentDelivery(d.dataset, d.ministry, d.year));
    std::optional<int64_t> supersedes;
    if (current) {
      supersedes = current->id;
      JBR_RETURN_IF_ERROR(c_->Exec("UPDATE deliveries SET status = 'superseded' WHERE id = $1",
                                   Params().Add(current->id)));
    }
    JBR_ASSIGN_OR_RETURN(
        auto ins,
        c_->Query("INSERT INTO deliveries(dataset, ministry, year, received_at, delivered_by, "
                  "file_name, sha256, "
                  "size_bytes, row_count, status, supersedes, format) "
                  "VALUES ($1, $2, $3, $4, $5, $6, '', $7, 0, 'accepted', $8, $9) RETURNING id",
                  Params()
                      .Add(d.dataset)
                      .Add(d.ministry)
                      .Add(d.year)
                      .Add(d.received_at)
                      .Add(d.delivered_by)
                      .Add(d.file_name)
                      .Add(d.size_bytes)
                      .Add(supersedes)
                      .Add(d.format)));
    const int64_t id = ins.Int(0, 0);
    // The fields in one statement: one round trip, not one per field.
    std::string sql = "INSERT INTO delivery_fields(delivery_id, position, field, type) VALUES ";
    Params fields;
    for (size_t i = 0; i < schema.fields.size(); ++i) {
      sql += fmt::format("{}(${}, ${}, ${}, ${})", i == 0 ? "" : ", ", 4 * i + 1, 4 * i + 2,
                         4 * i + 3, 4 * i + 4);
      fields.Add(id)
          .Add(static_cast<int64_t>(i))
          .Add(schema.fields[i].name)
          .Add(std::string_view(FieldTypeName(schema.fields[i].type)));
    }
    if (!schema.fields.empty()) JBR_RETURN_IF_ERROR(c_->Exec(sql, fields));
    JBR_ASSIGN_OR_RETURN(std::string sha256, StoreOriginal(id, d));
    JBR_RETURN_IF_ERROR(
        c_->Exec("UPDATE deliveries SET sha256 = $1 WHERE id = $2", Params().Add(sha256).Add(id)));
    return std::unique_ptr<DeliveryWriter>(
        new PostgresWriter(c_.get(), std::move(tx), id, schema, d, sha256, std::move(current)));
  }

  Status ExportOriginal(int64_t id, const std::function<Status(std::string_view)>& sink) override {
    JBR_ASSIGN_OR_RETURN(
        auto parts,
        c_->Query("SELECT count(*) FROM delivery_files WHERE delivery_id = $1", Params().Add(id)));
    const int64_t n = parts.Int(0, 0);
    if (n == 0) {
      JBR_ASSIGN_OR_RETURN(auto d, GetDelivery(id));
      if (!d) return NotFound(fmt::format("no delivery {}", id));
    }
    for (int64_t part = 0; part < n; ++part) {
      JBR_ASSIGN_OR_RETURN(
          auto q, c_->Query("SELECT bytes FROM delivery_files WHERE delivery_id = $1 AND part = $2",
                            Params().Add(id).Add(part), /*binary_result=*/true));
      if (q.size() != 1)
        return StoreError(fmt::format("delivery {} misses part {} of its bytes", id, part));
      JBR_RETURN_IF_ERROR(sink(q.Bytes(0, 0)));
    }
    return Status::Ok();
  }

  // One round trip: no row when the delivery has no such field, one NULL when it has no rows.
  // A second field of the same delivery fetches all its fields at once (LoadTable reads them all,
  // one after the other); a committed delivery's chunks never change, so they may be kept.
  Status ReadColumnChunks(int64_t delivery_id, const std::string& field,
                          const std::function<Status(std::string_view)>& chunk) override {
    if (cached_.id != delivery_id && last_read_ == delivery_id)
      JBR_RETURN_IF_ERROR(FetchDelivery(delivery_id));
    last_read_ = delivery_id;
    if (cached_.id == delivery_id) {
      auto it = cached_.by_field.find(field);
      if (it == cached_.by_field.end())
        return NotFound(fmt::format("delivery {} has no field {}", delivery_id, field));
      for (int row : it->second) JBR_RETURN_IF_ERROR(chunk(cached_.rows->Bytes(row, 1)));
      return Status::Ok();
    }
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query("SELECT c.data FROM delivery_fields f LEFT JOIN delivery_chunks c "
                          "ON c.delivery_id = f.delivery_id AND c.field = f.field "
                          "WHERE f.delivery_id = $1 AND f.field = $2 ORDER BY c.chunk",
                          Params().Add(delivery_id).Add(field), /*binary_result=*/true));
    if (q.size() == 0)
      return NotFound(fmt::format("delivery {} has no field {}", delivery_id, field));
    for (int i = 0; i < q.size(); ++i) {
      if (!q.IsNull(i, 0)) JBR_RETURN_IF_ERROR(chunk(q.Bytes(i, 0)));
    }
    return Status::Ok();
  }

  Result<int64_t> SaveComputeRun(const ComputeRun& run,
                                 const std::vector<StoredValue>& values) override {
    JBR_RETURN_IF_ERROR(NotInSnapshot());
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(c_.get()));
    JBR_ASSIGN_OR_RETURN(
        auto ins,
        c_->Query(
            "INSERT INTO compute_runs(at, year, definition_version, factor_vintage, deliveries, "
            "options, "
            "factor_vintages, adjacent_gaps) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            Params()
                .Add(run.at)
                .Add(run.year)
                .Add(run.definition_version)
                .Add(run.factor_vintage)
                .Add(run.deliveries)
                .Add(run.options)
                .Add(run.factor_vintages)
                .Add(run.adjacent_gaps)));
    const int64_t id = ins.Int(0, 0);
    JBR_RETURN_IF_ERROR(pg::CopyValues(c_.get(), id, values));
    JBR_RETURN_IF_ERROR(
        c_->Exec("INSERT INTO audit_log(at, actor, action, delivery_id, detail) VALUES ($1, 'jbr', "
                 "'compute', NULL, $2)",
                 Params().Add(run.at).Add(fmt::format(R"({{"run":{},"year":{},"values":{}}})", id,
                                                      run.year, values.size()))));
    JBR_RETURN_IF_ERROR(tx.Commit());
    return id;
  }

  Result<std::optional<ComputeRun>> LatestComputeRun(int year) override {
    return SelectRun("WHERE year = $1 ORDER BY id DESC LIMIT 1", year);
  }

  Result<std::optional<ComputeRun>> GetComputeRun(int64_t run_id) override {
    return SelectRun("WHERE id = $1", run_id);
  }

  Result<std::vector<StoredValue>> ComputeRunValues(int64_t run_id) override {
    JBR_ASSIGN_OR_RETURN(auto q, c_->Query("SELECT indicator, ministry, unit_type, period, "
                                           "category, unit, status, flag, suppression, value, "
                                           "numerator, denominator, previous, change, deliveries, "
                                           "previous_status, previous_deliveries "
                                           "FROM computed_values WHERE run_id = $1 ORDER BY seq",
                                           Params().Add(run_id)));
    std::vector<StoredValue> out;
    out.reserve(q.size());
    for (int i = 0; i < q.size(); ++i) {
      out.push_back(StoredValue{q.Text(i, 0), q.Text(i, 1), q.Text(i, 2), q.Text(i, 3),
                                q.Text(i, 4), q.Text(i, 5), q.Text(i, 6), q.Text(i, 7),
                                q.Text(i, 8), q.OptDouble(i, 9), q.OptDouble(i, 10),
                                q.OptDouble(i, 11), q.OptDouble(i, 12), q.OptDouble(i, 13),
                                q.Text(i, 14), q.Text(i, 15), q.Text(i, 16)});
    }
    return out;
  }

  Status AppendAudit(const AuditEntry& e) override {
    return c_->Exec(
        "INSERT INTO audit_log(at, actor, action, delivery_id, detail) VALUES ($1, $2, $3, $4, $5)",
        Params().Add(e.at).Add(e.actor).Add(e.action).Add(e.delivery_id).Add(e.detail));
  }

  Result<std::vector<AuditEntry>> AuditLog(std::optional<int64_t> delivery_id) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query("SELECT id, at, actor, action, delivery_id, detail FROM audit_log "
                          "WHERE $1::bigint IS NULL OR delivery_id = $1 ORDER BY id",
                          Params().Add(delivery_id)));
    std::vector<AuditEntry> out;
    for (int i = 0; i < q.size(); ++i) {
      out.push_back(
          {q.Int(i, 0), q.Text(i, 1), q.Text(i, 2), q.Text(i, 3), q.OptInt(i, 4), q.Text(i, 5)});
    }
    return out;
  }

  Result<Release> CreateRelease(const NewRelease& r) override {
    JBR_RETURN_IF_ERROR(NotInSnapshot());
    return pg::InsertRelease(c_.get(), r);
  }
  Result<std::vector<Release>> ListReleases(std::optional<int> year) override {
    return pg::SelectReleases(c_.get(), year);
  }
  Result<std::optional<Release>> GetRelease(int64_t id) override {
    return pg::SelectRelease(c_.get(), id);
  }

  Result<std::vector<ComputeRun>> ListComputeRuns() override {
    return pg::SelectComputeRuns(c_.get());
  }
  Result<std::vector<DeliveryField>> DeliveryFields(int64_t id) override {
    return pg::SelectDeliveryFields(c_.get(), id);
  }
  Status ReadChunks(int64_t id, const std::function<Status(const StoredChunk&)>& sink) override {
    return pg::SelectChunks(c_.get(), id, sink);
  }
  Result<std::unique_ptr<StoreImport>> BeginImport() override {
    JBR_RETURN_IF_ERROR(NotInSnapshot());
    return pg::BeginImport(c_.get());
  }

  // REPEATABLE READ: one snapshot, taken at the first statement, for the whole transaction.
  Status BeginReadSnapshot() override {
    JBR_RETURN_IF_ERROR(NotInSnapshot());
    JBR_RETURN_IF_ERROR(c_->Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    in_snapshot_ = true;
    return Status::Ok();
  }
  Status EndReadSnapshot() override {
    if (!in_snapshot_) return Status::Ok();
    in_snapshot_ = false;
    return c_->Exec("COMMIT");
  }

 private:
  Status NotInSnapshot() const {
    if (in_snapshot_) return InternalError("a write was asked for inside a read snapshot");
    return Status::Ok();
  }

  // Every field's chunks of a committed delivery in one query, kept until another is fetched.
  Status FetchDelivery(int64_t delivery_id) {
    cached_ = {};
    JBR_ASSIGN_OR_RETURN(
        auto q,
        c_->Query("SELECT f.field, c.data FROM delivery_fields f LEFT JOIN delivery_chunks c "
                  "ON c.delivery_id = f.delivery_id AND c.field = f.field "
                  "WHERE f.delivery_id = $1 ORDER BY f.position, c.chunk",
                  Params().Add(delivery_id), /*binary_result=*/true));
    if (q.size() == 0) return Status::Ok();  // not there (or not committed yet): nothing kept
    for (int i = 0; i < q.size(); ++i) {
      auto& rows = cached_.by_field[q.Text(i, 0)];
      if (!q.IsNull(i, 1)) rows.push_back(i);
    }
    cached_.id = delivery_id;
    cached_.rows.emplace(std::move(q));
    return Status::Ok();
  }

  Result<std::optional<ComputeRun>> SelectRun(const char* where, int64_t key) {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query(fmt::format("SELECT id, at, year, definition_version, factor_vintage, "
                                      "deliveries, options, factor_vintages, "
                                      "adjacent_gaps FROM compute_runs {}",
                                      where),
                          Params().Add(key)));
    if (q.size() == 0) return std::optional<ComputeRun>();
    return std::optional<ComputeRun>(
        ComputeRun{q.Int(0, 0), q.Text(0, 1), static_cast<int>(q.Int(0, 2)), q.Text(0, 3),
                   q.Text(0, 4), q.Text(0, 5), q.Text(0, 6), q.Text(0, 7), q.Text(0, 8)});
  }

  // Streams the file into parts of kPartBytes, hashing it on the way; a file whose size changed
  // since it was measured is refused. Returns the hex SHA-256.
  Result<std::string> StoreOriginal(int64_t id, const NewDelivery& d) {
    std::ifstream in(d.source_path, std::ios::binary);
    if (!in) return IoError(fmt::format("cannot read {}", d.source_path));
    Sha256 hash;
    std::string buf(pg::kPartBytes, '\0');
    int64_t off = 0;
    int64_t part = 0;
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      const std::streamsize n = in.gcount();
      if (n <= 0) break;
      if (off + n > d.size_bytes)
        return InvalidInput(fmt::format("{} grew while it was being loaded", d.file_name));
      const std::string_view piece(buf.data(), static_cast<size_t>(n));
      hash.Update(piece);
      JBR_RETURN_IF_ERROR(
          c_->Exec("INSERT INTO delivery_files(delivery_id, part, bytes) VALUES ($1, $2, $3)",
                   Params().Add(id).Add(part).AddBinary(piece)));
      off += n;
      ++part;
    }
    if (off != d.size_bytes) {
      return InvalidInput(
          fmt::format("{} changed while it was being loaded; load it again", d.file_name));
    }
    return hash.HexDigest();
  }

  std::unique_ptr<Connection> c_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<ReportStore> reports_;
  std::unique_ptr<JobStore> jobs_;
  bool in_snapshot_ = false;
  struct CachedDelivery {
    int64_t id = 0;
    std::optional<Rows> rows;
    std::map<std::string, std::vector<int>> by_field;  // rows of each field's chunks, in order
  } cached_;
  int64_t last_read_ = 0;  // the delivery of the last ReadColumn
};

}  // namespace

bool IsPostgresUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url) {
  JBR_ASSIGN_OR_RETURN(auto c, Connection::Open(url));
  JBR_RETURN_IF_ERROR(pg::Migrate(c.get()));
  return std::unique_ptr<Store>(new PostgresStore(std::move(c)));
}

}  // namespace jbr
