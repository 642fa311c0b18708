#include "store/postgres/import.h"
#include "store/postgres/jobs.h"
#include "store/postgres/reports.h"

#include <fmt/format.h>

#include "common/sha256.h"

namespace jbr::pg {
namespace {

class PostgresImport : public StoreImport {
 public:
  PostgresImport(Connection* c, Transaction tx) : c_(c), tx_(std::move(tx)) {}

  Status AddDelivery(const DeliveryRecord& d) override {
    return c_->Exec(
        "INSERT INTO deliveries(id, dataset, ministry, year, received_at, delivered_by, file_name, "
        "sha256, "
        "size_bytes, row_count, status, supersedes, format) VALUES "
        "($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)",
        Params()
            .Add(d.id)
            .Add(d.dataset)
            .Add(d.ministry)
            .Add(d.year)
            .Add(d.received_at)
            .Add(d.delivered_by)
            .Add(d.file_name)
            .Add(d.sha256)
            .Add(d.size_bytes)
            .Add(d.row_count)
            .Add(d.status)
            .Add(d.supersedes)
            .Add(d.format));
  }

  // In parts of kPartBytes, hashed on the way: bytes that are not the delivery's are refused.
  Status AddOriginal(const DeliveryRecord& d, Store* from) override {
    Sha256 hash;
    int64_t size = 0;
    int64_t part = 0;
    std::string pending;
    auto flush = [&]() -> Status {
      JBR_RETURN_IF_ERROR(
          c_->Exec("INSERT INTO delivery_files(delivery_id, part, bytes) VALUES ($1, $2, $3)",
                   Params().Add(d.id).Add(part++).AddBinary(pending)));
      pending.clear();
      return Status::Ok();
    };
    const Status copied = from->ExportOriginal(d.id, [&](std::string_view piece) -> Status {
      hash.Update(piece);
      size += static_cast<int64_t>(piece.size());
      while (!piece.empty()) {
        const size_t take = std::min(piece.size(), kPartBytes - pending.size());
        pending.append(piece.substr(0, take));
        piece.remove_prefix(take);
        if (pending.size() == kPartBytes) JBR_RETURN_IF_ERROR(flush());
      }
      return Status::Ok();
    });
    JBR_RETURN_IF_ERROR(copied);
    if (!pending.empty()) JBR_RETURN_IF_ERROR(flush());
    if (size != d.size_bytes || hash.HexDigest() != d.sha256) {
      return StoreError(
          fmt::format("the bytes of delivery {} do not match its size and SHA-256", d.id));
    }
    return Status::Ok();
  }

  Status AddField(int64_t delivery_id, const DeliveryField& f) override {
    return c_->Exec(
        "INSERT INTO delivery_fields(delivery_id, position, field, type) VALUES ($1, $2, $3, $4)",
        Params().Add(delivery_id).Add(f.position).Add(f.field).Add(f.type));
  }

  Status AddChunk(int64_t delivery_id, const StoredChunk& ch) override {
    return c_->Exec(
        "INSERT INTO delivery_chunks(delivery_id, field, chunk, row_count, data) VALUES ($1, $2, "
        "$3, $4, $5)",
        Params().Add(delivery_id).Add(ch.field).Add(ch.chunk).Add(ch.row_count).AddBinary(ch.data));
  }

  Status AddComputeRun(const ComputeRun& run, const std::vector<StoredValue>& values) override {
    JBR_RETURN_IF_ERROR(
        c_->Exec("INSERT INTO compute_runs(id, at, year, definition_version, factor_vintage, "
                 "deliveries, options, "
                 "factor_vintages, adjacent_gaps) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                 Params()
                     .Add(run.id)
                     .Add(run.at)
                     .Add(run.year)
                     .Add(run.definition_version)
                     .Add(run.factor_vintage)
                     .Add(run.deliveries)
                     .Add(run.options)
                     .Add(run.factor_vintages)
                     .Add(run.adjacent_gaps)));
    return CopyValues(c_, run.id, values);
  }

  Status AddRelease(const Release& r) override {
    return c_->Exec(
        "INSERT INTO releases(id, year, number, run_id, series_runs, definition_version, "
        "factor_vintage, "
        "created_at, manifest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        Params()
            .Add(r.id)
            .Add(r.year)
            .Add(r.number)
            .Add(r.run_id)
            .Add(r.series_runs)
            .Add(r.definition_version)
            .Add(r.factor_vintage)
            .Add(r.created_at)
            .Add(r.manifest));
  }

  Status AddAudit(const AuditEntry& e) override {
    return c_->Exec(
        "INSERT INTO audit_log(id, at, actor, action, delivery_id, detail) VALUES "
        "($1,$2,$3,$4,$5,$6)",
        Params().Add(e.id).Add(e.at).Add(e.actor).Add(e.action).Add(e.delivery_id).Add(e.detail));
  }

  Status AddUser(const User& u) override {
    return c_->Exec(
        "INSERT INTO users(id, name, role, ministry, password_hash, disabled, created_at) VALUES "
        "($1,$2,$3,$4,$5,$6,$7)",
        Params()
            .Add(u.id)
            .Add(u.name)
            .Add(u.role)
            .Add(u.ministry)
            .Add(u.password_hash)
            .Add(u.disabled ? 1 : 0)
            .Add(u.created_at));
  }

  Status AddSession(const Session& s) override {
    return c_->Exec(
        "INSERT INTO sessions(id_hash, user_id, csrf, created_at, expires_at, source, ended) "
        "VALUES ($1,$2,$3,$4,$5,$6,$7)",
        Params()
            .Add(s.id_hash)
            .Add(s.user_id)
            .Add(s.csrf)
            .Add(s.created_at)
            .Add(s.expires_at)
            .Add(s.source)
            .Add(s.ended ? 1 : 0));
  }

  Status AddToken(const ApiToken& t) override {
    return c_->Exec(
        "INSERT INTO api_tokens(id, name, ministry, token_hash, created_at, expires_at, "
        "revoked_at) "
        "VALUES ($1,$2,$3,$4,$5,$6,$7)",
        Params()
            .Add(t.id)
            .Add(t.name)
            .Add(t.ministry)
            .Add(t.token_hash)
            .Add(t.created_at)
            .Add(t.expires_at)
            .Add(t.revoked_at));
  }

  Status AddAction(const ActionEntry& e) override {
    return c_->Exec(
        "INSERT INTO actions(id, at, actor, source, action, target, outcome, detail) VALUES "
        "($1,$2,$3,$4,$5,$6,$7,$8)",
        Params()
            .Add(e.id)
            .Add(e.at)
            .Add(e.actor)
            .Add(e.source)
            .Add(e.action)
            .Add(e.target)
            .Add(e.outcome)
            .Add(e.detail));
  }

  Status AddReport(const UploadReport& r, const std::vector<Finding>& findings) override {
    return InsertReport(c_, r, findings).status();
  }

  Status AddJob(const Job& j) override { return InsertJob(c_, j); }
  Status AddNote(const ReviewNote& n) override { return InsertNote(c_, n); }

  // The identity sequences continue after the copied ids, so that the next load gets a new one.
  Status Commit() override {
    for (const char* table :
         {"deliveries", "delivery_chunks", "audit_log", "compute_runs", "releases", "users",
          "api_tokens", "actions", "jobs", "review_notes"}) {
      JBR_RETURN_IF_ERROR(
          c_->Exec(fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), "
                               "COALESCE((SELECT max(id) FROM {0}), 1), "
                               "(SELECT max(id) FROM {0}) IS NOT NULL)",
                               table)));
    }
    JBR_RETURN_IF_ERROR(
        c_->Exec("SELECT setval(pg_get_serial_sequence('upload_reports', 'seq'), "
                 "COALESCE((SELECT max(seq) FROM upload_reports), 1), (SELECT max(seq) FROM "
                 "upload_reports) IS NOT NULL)"));
    return tx_.Commit();
  }

 private:
  Connection* c_;
  Transaction tx_;
};

}  // namespace

Result<std::vector<ComputeRun>> SelectComputeRuns(Connection* c) {
  JBR_ASSIGN_OR_RETURN(auto q, c->Query("SELECT id, at, year, definition_version, factor_vintage, "
                                        "deliveries, options, factor_vintages, "
                                        "adjacent_gaps FROM compute_runs ORDER BY id"));
  std::vector<ComputeRun> out;
  for (int i = 0; i < q.size(); ++i) {
    out.push_back(ComputeRun{q.Int(i, 0), q.Text(i, 1), static_cast<int>(q.Int(i, 2)), q.Text(i, 3),
                             q.Text(i, 4), q.Text(i, 5), q.Text(i, 6), q.Text(i, 7), q.Text(i, 8)});
  }
  return out;
}

Result<std::vector<DeliveryField>> SelectDeliveryFields(Connection* c, int64_t delivery_id) {
  JBR_ASSIGN_OR_RETURN(auto q, c->Query("SELECT position, field, type FROM delivery_fields WHERE "
                                        "delivery_id = $1 ORDER BY position",
                                        Params().Add(delivery_id)));
  std::vector<DeliveryField> out;
  for (int i = 0; i < q.size(); ++i)
    out.push_back(DeliveryField{q.Int(i, 0), q.Text(i, 1), q.Text(i, 2)});
  return out;
}

// One chunk at a time: a delivery's chunks together may be large.
Status SelectChunks(Connection* c, int64_t delivery_id,
                    const std::function<Status(const StoredChunk&)>& sink) {
  JBR_ASSIGN_OR_RETURN(auto ids,
                       c->Query("SELECT id FROM delivery_chunks WHERE delivery_id = $1 ORDER BY id",
                                Params().Add(delivery_id)));
  for (int i = 0; i < ids.size(); ++i) {
    JBR_ASSIGN_OR_RETURN(
        auto q,
        c->Query("SELECT field, chunk::bigint, row_count, data FROM delivery_chunks WHERE id = $1",
                 Params().Add(ids.Int(i, 0)), /*binary_result=*/true));
    if (q.size() != 1)
      return StoreError(
          fmt::format("chunk {} of delivery {} went missing", ids.Int(i, 0), delivery_id));
    // Binary results: text as is, bigint as 8 bytes big-endian.
    auto be64 = [&q](int col) {
      const std::string_view b = q.Bytes(0, col);
      uint64_t v = 0;
      for (unsigned char ch : b) v = (v << 8) | ch;
      return static_cast<int64_t>(v);
    };
    StoredChunk chunk{std::string(q.Bytes(0, 0)), be64(1), be64(2), std::string(q.Bytes(0, 3))};
    JBR_RETURN_IF_ERROR(sink(chunk));
  }
  return Status::Ok();
}

Result<std::unique_ptr<StoreImport>> BeginImport(Connection* c) {
  JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(c));
  // No load, computation or release may start in this store until the copy is committed.
  JBR_RETURN_IF_ERROR(
      c->Exec("LOCK TABLE deliveries, compute_runs, releases, audit_log, users, sessions, "
              "api_tokens, actions, upload_reports, jobs, review_notes IN EXCLUSIVE MODE"));
  JBR_ASSIGN_OR_RETURN(
      auto q,
      c->Query("SELECT (SELECT count(*) FROM deliveries) + (SELECT count(*) FROM compute_runs) + "
               "(SELECT count(*) FROM releases) + (SELECT count(*) FROM audit_log) + (SELECT "
               "count(*) FROM users) + "
               "(SELECT count(*) FROM sessions) + (SELECT count(*) FROM api_tokens) + (SELECT "
               "count(*) FROM actions) + "
               "(SELECT count(*) FROM upload_reports) + (SELECT count(*) FROM jobs) + "
               "(SELECT count(*) FROM review_notes)"));
  if (q.Int(0, 0) > 0) {
    return UsageError(
        "the target store is not empty: jbr migrate-store copies into a new, empty store only");
  }
  return std::unique_ptr<StoreImport>(new PostgresImport(c, std::move(tx)));
}

Status CopyValues(Connection* c, int64_t run_id, const std::vector<StoredValue>& values) {
  if (values.empty()) return Status::Ok();
  std::string data;
  auto text = [&data](std::string_view v) {
    Connection::AppendCopyText(&data, v);
    data += '\t';
  };
  auto num = [&data](const std::optional<double>& v) {
    data += v ? fmt::format("{}", *v) : std::string("\\N");
    data += '\t';
  };
  int64_t seq = 0;
  for (const auto& v : values) {
    data += fmt::format("{}\t{}\t", run_id, seq++);
    for (const auto* s :
         {&v.indicator, &v.ministry, &v.unit_type, &v.period, &v.category, &v.unit, &v.status}) {
      text(*s);
    }
    for (const auto* d : {&v.value, &v.numerator, &v.denominator, &v.previous, &v.change}) num(*d);
    for (const auto* s : {&v.flag, &v.suppression, &v.deliveries, &v.previous_status}) text(*s);
    Connection::AppendCopyText(&data, v.previous_deliveries);
    data += '\n';
  }
  return c->CopyIn(
      "COPY computed_values(run_id, seq, indicator, ministry, unit_type, period, category, unit, "
      "status, value, "
      "numerator, denominator, previous, change, flag, suppression, deliveries, previous_status, "
      "previous_deliveries) FROM STDIN",
      data);
}

}  // namespace jbr::pg
