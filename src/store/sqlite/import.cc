#include "store/sqlite/import.h"
#include "store/sqlite/compute_runs.h"
#include "store/sqlite/jobs.h"
#include "store/sqlite/reports.h"

#include <fmt/format.h>

#include "common/sha256.h"

namespace jbr::sqlite {
namespace {

class SqliteImport : public StoreImport {
 public:
  SqliteImport(Database* db, Transaction tx) : db_(db), tx_(std::move(tx)) {}

  Status AddDelivery(const DeliveryRecord& d) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("INSERT INTO deliveries(id, dataset, ministry, year, "
                                              "received_at, delivered_by, file_name, sha256, "
                                              "size_bytes, row_count, status, supersedes, format) "
                                              "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    return q.Bind(1, d.id)
        .Bind(2, d.dataset)
        .Bind(3, d.ministry)
        .Bind(4, static_cast<int64_t>(d.year))
        .Bind(5, d.received_at)
        .Bind(6, d.delivered_by)
        .Bind(7, d.file_name)
        .Bind(8, d.sha256)
        .Bind(9, d.size_bytes)
        .Bind(10, d.row_count)
        .Bind(11, d.status)
        .Bind(12, d.supersedes)
        .Bind(13, d.format)
        .Run();
  }

  // Into a blob of the recorded size, hashed on the way: bytes that are not the delivery's are
  // refused.
  Status AddOriginal(const DeliveryRecord& d, Store* from) override {
    JBR_ASSIGN_OR_RETURN(
        auto ins,
        db_->Prepare("INSERT INTO delivery_files(delivery_id, bytes) VALUES (?, zeroblob(?))"));
    JBR_RETURN_IF_ERROR(ins.Bind(1, d.id).Bind(2, d.size_bytes).Run());
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db_->handle(), "main", "delivery_files", "bytes", d.id, 1, &blob) !=
        SQLITE_OK) {
      return db_->Error("open blob");
    }
    Sha256 hash;
    int64_t off = 0;
    Status st = from->ExportOriginal(d.id, [&](std::string_view piece) -> Status {
      if (off + static_cast<int64_t>(piece.size()) > d.size_bytes) {
        return StoreError(
            fmt::format("delivery {} has more bytes than its size {}", d.id, d.size_bytes));
      }
      hash.Update(piece);
      if (sqlite3_blob_write(blob, piece.data(), static_cast<int>(piece.size()),
                             static_cast<int>(off)) != SQLITE_OK) {
        return db_->Error("write blob");
      }
      off += static_cast<int64_t>(piece.size());
      return Status::Ok();
    });
    sqlite3_blob_close(blob);
    JBR_RETURN_IF_ERROR(st);
    if (off != d.size_bytes || hash.HexDigest() != d.sha256) {
      return StoreError(
          fmt::format("the bytes of delivery {} do not match its size and SHA-256", d.id));
    }
    return Status::Ok();
  }

  Status AddField(int64_t delivery_id, const DeliveryField& f) override {
    JBR_ASSIGN_OR_RETURN(
        auto q,
        db_->Prepare(
            "INSERT INTO delivery_fields(delivery_id, position, field, type) VALUES (?,?,?,?)"));
    return q.Bind(1, delivery_id).Bind(2, f.position).Bind(3, f.field).Bind(4, f.type).Run();
  }

  Status AddChunk(int64_t delivery_id, const StoredChunk& c) override {
    if (!chunk_) {
      JBR_ASSIGN_OR_RETURN(chunk_, db_->Prepare("INSERT INTO delivery_chunks(delivery_id, field, "
                                                "chunk, row_count, data) VALUES (?,?,?,?,?)"));
    }
    return chunk_->Bind(1, delivery_id)
        .Bind(2, c.field)
        .Bind(3, c.chunk)
        .Bind(4, c.row_count)
        .BindBlob(5, c.data)
        .Run();
  }

  Status AddComputeRun(const ComputeRun& run, const std::vector<StoredValue>& values) override {
    return InsertComputeRun(db_, run, run.id, values).status();
  }

  Status AddRelease(const Release& r) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("INSERT INTO releases(id, year, number, run_id, "
                                              "series_runs, definition_version, factor_vintage, "
                                              "created_at, manifest) VALUES (?,?,?,?,?,?,?,?,?)"));
    return q.Bind(1, r.id)
        .Bind(2, static_cast<int64_t>(r.year))
        .Bind(3, static_cast<int64_t>(r.number))
        .Bind(4, r.run_id)
        .Bind(5, r.series_runs)
        .Bind(6, r.definition_version)
        .Bind(7, r.factor_vintage)
        .Bind(8, r.created_at)
        .Bind(9, r.manifest)
        .Run();
  }

  Status AddAudit(const AuditEntry& e) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("INSERT INTO audit_log(id, at, actor, action, "
                                              "delivery_id, detail) VALUES (?,?,?,?,?,?)"));
    return q.Bind(1, e.id)
        .Bind(2, e.at)
        .Bind(3, e.actor)
        .Bind(4, e.action)
        .Bind(5, e.delivery_id)
        .Bind(6, e.detail)
        .Run();
  }

  Status AddUser(const User& u) override {
    JBR_ASSIGN_OR_RETURN(auto q,
                         db_->Prepare("INSERT INTO users(id, name, role, ministry, password_hash, "
                                      "disabled, created_at) VALUES (?,?,?,?,?,?,?)"));
    return q.Bind(1, u.id)
        .Bind(2, u.name)
        .Bind(3, u.role)
        .Bind(4, u.ministry)
        .Bind(5, u.password_hash)
        .Bind(6, static_cast<int64_t>(u.disabled ? 1 : 0))
        .Bind(7, u.created_at)
        .Run();
  }

  Status AddSession(const Session& s) override {
    JBR_ASSIGN_OR_RETURN(auto q,
                         db_->Prepare("INSERT INTO sessions(id_hash, user_id, csrf, created_at, "
                                      "expires_at, source, ended) VALUES (?,?,?,?,?,?,?)"));
    return q.Bind(1, s.id_hash)
        .Bind(2, s.user_id)
        .Bind(3, s.csrf)
        .Bind(4, s.created_at)
        .Bind(5, s.expires_at)
        .Bind(6, s.source)
        .Bind(7, static_cast<int64_t>(s.ended ? 1 : 0))
        .Run();
  }

  Status AddToken(const ApiToken& t) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("INSERT INTO api_tokens(id, name, ministry, "
                                              "token_hash, created_at, expires_at, revoked_at) "
                                              "VALUES (?,?,?,?,?,?,?)"));
    return q.Bind(1, t.id)
        .Bind(2, t.name)
        .Bind(3, t.ministry)
        .Bind(4, t.token_hash)
        .Bind(5, t.created_at)
        .Bind(6, t.expires_at)
        .Bind(7, t.revoked_at)
        .Run();
  }

  Status AddAction(const ActionEntry& e) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare("INSERT INTO actions(id, at, actor, source, action, "
                                              "target, outcome, detail) VALUES (?,?,?,?,?,?,?,?)"));
    return q.Bind(1, e.id)
        .Bind(2, e.at)
        .Bind(3, e.actor)
        .Bind(4, e.source)
        .Bind(5, e.action)
        .Bind(6, e.target)
        .Bind(7, e.outcome)
        .Bind(8, e.detail)
        .Run();
  }

  Status AddReport(const UploadReport& r, const std::vector<Finding>& findings) override {
    return InsertReport(db_, r, findings).status();
  }

  Status AddJob(const Job& j) override { return InsertJob(db_, j); }
  Status AddNote(const ReviewNote& n) override { return InsertNote(db_, n); }

  Status Commit() override { return tx_.Commit(); }

 private:
  Database* db_;
  Transaction tx_;
  std::optional<Statement> chunk_;
};

}  // namespace

Result<std::vector<ComputeRun>> SelectComputeRuns(Database* db) {
  JBR_ASSIGN_OR_RETURN(auto q, db->Prepare("SELECT id, at, year, definition_version, "
                                           "factor_vintage, deliveries, options, factor_vintages, "
                                           "adjacent_gaps FROM compute_runs ORDER BY id"));
  std::vector<ComputeRun> out;
  while (true) {
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(ComputeRun{q.Int(0), q.Text(1), static_cast<int>(q.Int(2)), q.Text(3), q.Text(4),
                             q.Text(5), q.Text(6), q.Text(7), q.Text(8)});
  }
  return out;
}

Result<std::vector<DeliveryField>> SelectDeliveryFields(Database* db, int64_t delivery_id) {
  JBR_ASSIGN_OR_RETURN(auto q, db->Prepare("SELECT position, field, type FROM delivery_fields "
                                           "WHERE delivery_id = ? ORDER BY position"));
  q.Bind(1, delivery_id);
  std::vector<DeliveryField> out;
  while (true) {
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(DeliveryField{q.Int(0), q.Text(1), q.Text(2)});
  }
  return out;
}

Status SelectChunks(Database* db, int64_t delivery_id,
                    const std::function<Status(const StoredChunk&)>& sink) {
  JBR_ASSIGN_OR_RETURN(auto q, db->Prepare("SELECT field, chunk, row_count, data FROM "
                                           "delivery_chunks WHERE delivery_id = ? ORDER BY id"));
  q.Bind(1, delivery_id);
  while (true) {
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    StoredChunk c{q.Text(0), q.Int(1), q.Int(2), std::string(q.Blob(3))};
    JBR_RETURN_IF_ERROR(sink(c));
  }
  return Status::Ok();
}

Result<std::unique_ptr<StoreImport>> BeginImport(Database* db) {
  JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db));
  JBR_ASSIGN_OR_RETURN(
      auto q,
      db->Prepare(
          "SELECT (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM compute_runs) + "
          "(SELECT count(*) FROM releases) + (SELECT count(*) FROM audit_log) + (SELECT count(*) "
          "FROM users) + "
          "(SELECT count(*) FROM sessions) + (SELECT count(*) FROM api_tokens) + (SELECT count(*) "
          "FROM actions) + "
          "(SELECT count(*) FROM upload_reports) + (SELECT count(*) FROM jobs) + (SELECT "
          "count(*) FROM review_notes)"));
  JBR_ASSIGN_OR_RETURN(bool row, q.Step());
  if (row && q.Int(0) > 0) {
    return UsageError(
        "the target store is not empty: jbr migrate-store copies into a new, empty store only");
  }
  q.Reset();
  return std::unique_ptr<StoreImport>(new SqliteImport(db, std::move(tx)));
}

}  // namespace jbr::sqlite
