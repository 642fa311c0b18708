// Store: where accepted deliveries live for good, with their original bytes, typed rows and an
// append-only audit log.
//
// Store::Open(url) gives the backend: "sqlite:PATH" or a plain path is the embedded SQLite store
// (src/store/sqlite/); "postgresql://user@host:port/db" (or postgres://) is a PostgreSQL database
// shared by many jbr processes (src/store/postgres/). Both behave the same behind this interface.
// Every method is safe against being killed midway: a delivery becomes visible in one
// transaction, with the delivery it supersedes, or not at all. A Store object is one connection:
// use it from one thread at a time; many processes may each open their own.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "schema/schema.h"
#include "store/accounts.h"
#include "store/column_codec.h"
#include "store/jobs.h"
#include "store/reports.h"
#include "validate/validator.h"

namespace jbr {

struct DeliveryRecord {
  int64_t id = 0;
  std::string dataset;
  std::string ministry;
  int year = 0;
  std::string received_at;  // ISO 8601 UTC
  std::string delivered_by;
  std::string file_name;
  std::string sha256;  // hex
  int64_t size_bytes = 0;
  int64_t row_count = 0;
  std::string status;  // accepted | superseded
  std::optional<int64_t> supersedes;
  std::optional<int64_t> superseded_by;
  std::string format;  // JSON: format, encoding, delimiter, decimal, sheet
};

struct DeliveryFilter {
  std::optional<std::string> dataset;
  std::optional<std::string> ministry;
  std::optional<int> year;
  bool current_only = false;
};

struct NewDelivery {
  std::string dataset;
  std::string ministry;
  int year = 0;
  std::string delivered_by;
  std::string file_name;
  std::string source_path;  // the file whose bytes are kept
  int64_t size_bytes = 0;   // its size; the SHA-256 is computed while its bytes are stored
  std::string format;       // JSON, as DeliveryRecord::format
  std::string received_at;  // ISO 8601 UTC
};

struct AuditEntry {
  int64_t id = 0;
  std::string at;
  std::string actor;
  std::string action;
  std::optional<int64_t> delivery_id;
  std::string detail;  // JSON
};

// Receives the rows of one new delivery inside an open transaction. Destroying it without Commit
// rolls everything back.
class DeliveryWriter : public RowConsumer {
 public:
  // The SHA-256 of the bytes stored (known once BeginDelivery returned).
  virtual const std::string& sha256() const = 0;
  // The delivery that was current when this one's transaction took the key's lock: the one it
  // supersedes on Commit. Another process's load of the same key that committed first is here.
  virtual const std::optional<DeliveryRecord>& previous() const = 0;
  // How the file was read (JSON), known only after the rows: set before Commit.
  virtual Status SetFormat(const std::string& format_json) = 0;
  // Makes the delivery current, supersedes the previous one, writes the audit entry, commits.
  virtual Result<DeliveryRecord> Commit() = 0;
};

// A stored computation: what was computed from what, and every value with its disclosure status.
struct ComputeRun {
  int64_t id = 0;
  std::string at;  // ISO 8601 UTC
  int year = 0;
  std::string definition_version;  // hash of the indicator definitions
  std::string factor_vintage;      // emission factor vintage used
  std::string deliveries;          // JSON array of delivery ids
  std::string options;             // JSON of the options
  // The vintage each year's figures were computed with, as a JSON object {"2020": "VINTAGE"}: the
  // run's year, last year (its `previous` figures) and the other years of figures derived across
  // years. "{}" in a run stored before it was kept (migration 6).
  std::string factor_vintages = "{}";
  // Where a figure read across the turn of the year (IndicatorDef::adjacent_datasets) had no
  // delivery of the adjacent year, per year computed, as a JSON array of
  // {"year", "dataset", "other_year", "ministries": [...], "indicators": [...]}. "[]" when none,
  // and in a run stored before it was kept.
  std::string adjacent_gaps = "[]";
};

struct StoredValue {
  std::string indicator, ministry, unit_type, period, category, unit, status, flag, suppression;
  std::optional<double> value, numerator, denominator, previous, change;
  std::string deliveries;  // JSON array of delivery ids
  // Last year's figure as this run computed it: its status ("" when there was no such cell) and
  // the deliveries it came from (JSON array). `previous` holds its value only when published.
  std::string previous_status;
  std::string previous_deliveries = "[]";
};

// A release: one compute run of a year frozen as a numbered publication (1, 2, ... per year).
// Rebuilding it from the store gives the same files; `manifest` lists them with their SHA-256.
struct Release {
  int64_t id = 0;
  int year = 0;
  int number = 0;
  int64_t run_id = 0;
  std::string series_runs = "[]";  // JSON array: runs of earlier years whose figures it shows
  std::string definition_version;  // copied from the run
  std::string factor_vintage;      // copied from the run
  std::string created_at;          // ISO 8601 UTC
  std::string manifest;            // manifest.json as written, byte for byte
};

struct NewRelease {
  int year = 0;
  int number = 0;  // must be the next number of the year (count of its releases + 1)
  int64_t run_id = 0;
  std::string series_runs = "[]";
  std::string created_at;
  std::string actor;
  std::string manifest;
};

// One stored column chunk of a delivery, as kept (the codec's blob).
struct StoredChunk {
  std::string field;
  int64_t chunk = 0;
  int64_t row_count = 0;
  std::string data;
};

// One field of a delivery as stored with it (the schema at the time of the load).
struct DeliveryField {
  int64_t position = 0;
  std::string field;
  std::string type;
};

class Store;

// Filling an empty store with another store's contents (jbr migrate-store), everything with its
// own id, in one transaction: destroyed without Commit, nothing is kept. Add in the order of the
// references: deliveries (by id), their bytes, fields and chunks, runs, releases, audit entries;
// then the portal's accounts (store/accounts.h): users, their sessions, API tokens, actions; then
// the upload reports (store/reports.h) by seq, each with its findings; then the jobs and review
// notes (store/jobs.h) by id.
class StoreImport {
 public:
  virtual ~StoreImport() = default;
  virtual Status AddDelivery(const DeliveryRecord& d) = 0;
  // The original bytes of delivery `d`, streamed from `from` (ExportOriginal), `d.size_bytes` long.
  virtual Status AddOriginal(const DeliveryRecord& d, Store* from) = 0;
  virtual Status AddField(int64_t delivery_id, const DeliveryField& f) = 0;
  virtual Status AddChunk(int64_t delivery_id, const StoredChunk& c) = 0;
  virtual Status AddComputeRun(const ComputeRun& run, const std::vector<StoredValue>& values) = 0;
  virtual Status AddRelease(const Release& r) = 0;
  virtual Status AddAudit(const AuditEntry& e) = 0;
  virtual Status AddUser(const User& u) = 0;
  virtual Status AddSession(const Session& s) = 0;  // with s.ended
  virtual Status AddToken(const ApiToken& t) = 0;
  virtual Status AddAction(const ActionEntry& e) = 0;
  virtual Status AddReport(const UploadReport& r,
                           const std::vector<Finding>& findings) = 0;  // with r.seq
  virtual Status AddJob(const Job& j) = 0;          // with its id and state, as it is
  virtual Status AddNote(const ReviewNote& n) = 0;  // with its id
  virtual Status Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating and migrating when needed) the store at `url`.
  static Result<std::unique_ptr<Store>> Open(const std::string& url);

  virtual Result<std::optional<DeliveryRecord>> CurrentDelivery(const std::string& dataset,
                                                                const std::string& ministry,
                                                                int year) = 0;
  virtual Result<std::optional<DeliveryRecord>> GetDelivery(int64_t id) = 0;
  virtual Result<std::vector<DeliveryRecord>> ListDeliveries(const DeliveryFilter& filter) = 0;

  // Starts a delivery: one write transaction until Commit (or rollback when dropped). Stores the
  // file's bytes first, hashing them; the rows follow through the writer.
  virtual Result<std::unique_ptr<DeliveryWriter>> BeginDelivery(const NewDelivery& delivery,
                                                                const DatasetSchema& schema) = 0;

  // Writes the original bytes of a delivery to `sink`, in pieces.
  virtual Status ExportOriginal(int64_t id,
                                const std::function<Status(std::string_view)>& sink) = 0;

  // The stored chunks of one field of a delivery, in order, each handed to `chunk` (the bytes are
  // valid during the call only). NotFound when the delivery or field is not there.
  virtual Status ReadColumnChunks(int64_t delivery_id, const std::string& field,
                                  const std::function<Status(std::string_view)>& chunk) = 0;
  // One stored column of a delivery: its chunks decoded (DecodeChunk). A caller that serialises
  // the store's use across threads may copy the chunks under its lock and decode them after.
  Result<Column> ReadColumn(int64_t delivery_id, const std::string& field, FieldType type);

  // Stores a computation and its values in one transaction; returns the run id.
  virtual Result<int64_t> SaveComputeRun(const ComputeRun& run,
                                         const std::vector<StoredValue>& values) = 0;
  // The newest run for a year, if any.
  virtual Result<std::optional<ComputeRun>> LatestComputeRun(int year) = 0;
  virtual Result<std::vector<StoredValue>> ComputeRunValues(int64_t run_id) = 0;
  virtual Result<std::optional<ComputeRun>> GetComputeRun(int64_t run_id) = 0;

  // Records a release of run `r.run_id` (its year must be `r.year`), copying the run's definition
  // version and factor vintage, with an audit entry "release", in one transaction. Errors: NotFound
  // for an unknown run; usage when the run is of another year or `r.number` is not the next
  // number of the year (another release was made meanwhile).
  virtual Result<Release> CreateRelease(const NewRelease& r) = 0;
  // The releases of `year` (all years when empty), by year then number.
  virtual Result<std::vector<Release>> ListReleases(std::optional<int> year) = 0;
  virtual Result<std::optional<Release>> GetRelease(int64_t id) = 0;

  // Every compute run, by id.
  virtual Result<std::vector<ComputeRun>> ListComputeRuns() = 0;
  // The fields stored with a delivery, by position.
  virtual Result<std::vector<DeliveryField>> DeliveryFields(int64_t delivery_id) = 0;
  // Every column chunk of a delivery as stored, in the order they were written, one at a time.
  virtual Status ReadChunks(int64_t delivery_id,
                            const std::function<Status(const StoredChunk&)>& sink) = 0;
  // Starts filling this store with another's contents. Usage error when it holds anything already.
  virtual Result<std::unique_ptr<StoreImport>> BeginImport() = 0;

  virtual Status AppendAudit(const AuditEntry& entry) = 0;
  virtual Result<std::vector<AuditEntry>> AuditLog(std::optional<int64_t> delivery_id) = 0;

  // A read snapshot: from BeginReadSnapshot until EndReadSnapshot every read of this Store sees
  // one consistent state of the store (other processes' commits in the meantime are not seen).
  // No writes in between. Use ReadSnapshot below rather than the pair.
  virtual Status BeginReadSnapshot() = 0;
  virtual Status EndReadSnapshot() = 0;

  // The portal's users, sessions, API tokens and action log (accounts.h), on this connection.
  virtual AccountStore* accounts() = 0;
  // The validation reports of portal uploads (reports.h), on this connection.
  virtual ReportStore* reports() = 0;
  // The portal's background jobs and review notes (jobs.h), on this connection.
  virtual JobStore* jobs() = 0;
};

// `url` fit to print: a password in it ("postgresql://user:secret@host/db") shown as "***".
std::string RedactStoreUrl(const std::string& url);

// Holds a read snapshot of `store` for its lifetime (see Store::BeginReadSnapshot).
class ReadSnapshot {
 public:
  static Result<std::unique_ptr<ReadSnapshot>> Begin(Store* store) {
    Status st = store->BeginReadSnapshot();
    if (!st.ok()) return st;
    return std::unique_ptr<ReadSnapshot>(new ReadSnapshot(store));
  }
  ~ReadSnapshot() { (void)store_->EndReadSnapshot(); }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  explicit ReadSnapshot(Store* store) : store_(store) {}
  Store* store_;
};

}  // namespace jbr
