#include "store/sqlite/migrations.h"

#include <fmt/format.h>

namespace jbr::sqlite {
namespace {

// Append only: never edit a migration that has shipped; add the next one.
const char* const kMigrations[] = {
    // 1: deliveries, their original bytes, their typed rows as column chunks, the audit log.
    R"sql(
CREATE TABLE deliveries (
  id            INTEGER PRIMARY KEY,
  dataset       TEXT NOT NULL,
  ministry      TEXT NOT NULL,
  year          INTEGER NOT NULL,
  received_at   TEXT NOT NULL,
  delivered_by  TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  row_count     INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('accepted', 'superseded')),
  supersedes    INTEGER REFERENCES deliveries(id),
  format        TEXT NOT NULL
);
CREATE UNIQUE INDEX deliveries_one_current ON deliveries(dataset, ministry, year)
  WHERE status = 'accepted';
CREATE INDEX deliveries_by_key ON deliveries(dataset, ministry, year);
CREATE TABLE delivery_files (
  delivery_id INTEGER PRIMARY KEY REFERENCES deliveries(id),
  bytes       BLOB NOT NULL
);
CREATE TABLE delivery_fields (
  delivery_id INTEGER NOT NULL REFERENCES deliveries(id),
  position    INTEGER NOT NULL,
  field       TEXT NOT NULL,
  type        TEXT NOT NULL,
  PRIMARY KEY (delivery_id, position)
);
CREATE TABLE delivery_chunks (
  id          INTEGER PRIMARY KEY,
  delivery_id INTEGER NOT NULL REFERENCES deliveries(id),
  field       TEXT NOT NULL,
  chunk       INTEGER NOT NULL,
  row_count   INTEGER NOT NULL,
  data        BLOB NOT NULL
);
CREATE UNIQUE INDEX delivery_chunks_key ON delivery_chunks(delivery_id, field, chunk);
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  delivery_id INTEGER REFERENCES deliveries(id),
  detail      TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER delivery_files_no_update BEFORE UPDATE ON delivery_files
  BEGIN SELECT RAISE(ABORT, 'delivered bytes are kept as received'); END;
)sql",
    // 2: computations and their values, with the disclosure decision stored beside each value.
    R"sql(
CREATE TABLE compute_runs (
  id                 INTEGER PRIMARY KEY,
  at                 TEXT NOT NULL,
  year               INTEGER NOT NULL,
  definition_version TEXT NOT NULL,
  factor_vintage     TEXT NOT NULL,
  deliveries         TEXT NOT NULL,
  options            TEXT NOT NULL
);
CREATE TABLE computed_values (
  run_id      INTEGER NOT NULL REFERENCES compute_runs(id),
  indicator   TEXT NOT NULL,
  ministry    TEXT NOT NULL,
  unit_type   TEXT NOT NULL,
  period      TEXT NOT NULL,
  category    TEXT NOT NULL,
  unit        TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('published', 'suppressed', 'missing')),
  value       REAL, numerator REAL, denominator REAL, previous REAL, change REAL,
  flag        TEXT NOT NULL,
  suppression TEXT NOT NULL,
  deliveries  TEXT NOT NULL,
  CHECK (status <> 'suppressed' OR (value IS NULL AND numerator IS NULL AND denominator IS NULL))
);
CREATE INDEX computed_values_run ON computed_values(run_id, indicator, ministry);
)sql",
    // 3: releases: a year frozen as one compute run, with the manifest of the files published.
    R"sql(
CREATE TABLE releases (
  id                 INTEGER PRIMARY KEY,
  year               INTEGER NOT NULL,
  number             INTEGER NOT NULL CHECK (number >= 1),
  run_id             INTEGER NOT NULL REFERENCES compute_runs(id),
  series_runs        TEXT NOT NULL,
  definition_version TEXT NOT NULL,
  factor_vintage     TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  manifest           TEXT NOT NULL,
  UNIQUE (year, number)
);
CREATE TRIGGER releases_no_update BEFORE UPDATE ON releases
  BEGIN SELECT RAISE(ABORT, 'a release is never changed; make a new one'); END;
CREATE TRIGGER releases_no_delete BEFORE DELETE ON releases
  BEGIN SELECT RAISE(ABORT, 'a release is never deleted'); END;
)sql",
    // 4: where last year's figure of a value came from, so that a restatement can name its cause.
    R"sql(
ALTER TABLE computed_values ADD COLUMN previous_status TEXT NOT NULL DEFAULT '';
ALTER TABLE computed_values ADD COLUMN previous_deliveries TEXT NOT NULL DEFAULT '[]';
)sql",
    // 5: the portal's accounts (store/accounts.h): users, sessions, API tokens, the action log.
    R"sql(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('steward', 'coordinator', 'admin')),
  ministry      TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  CHECK ((role = 'steward') = (ministry <> ''))
);
CREATE TABLE sessions (
  id_hash    TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  source     TEXT NOT NULL,
  ended      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_by_user ON sessions(user_id);
CREATE TABLE api_tokens (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  ministry   TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE actions (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  source  TEXT NOT NULL,
  action  TEXT NOT NULL,
  target  TEXT NOT NULL,
  outcome TEXT NOT NULL,
  detail  TEXT NOT NULL
);
CREATE INDEX actions_by_action ON actions(action, at);
CREATE TRIGGER actions_no_update BEFORE UPDATE ON actions
  BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;
CREATE TRIGGER actions_no_delete BEFORE DELETE ON actions
  BEGIN SELECT RAISE(ABORT, 'the action log is append-only'); END;
)sql",
    // 6: the validation reports of portal uploads (store/reports.h), rejected ones too.
    R"sql(
CREATE TABLE upload_reports (
  seq         INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  at          TEXT NOT NULL,
  owner       TEXT NOT NULL,
  ministry    TEXT NOT NULL,
  dataset     TEXT NOT NULL,
  year        INTEGER NOT NULL,
  file_name   TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('accepted', 'identical', 'rejected')),
  delivery_id INTEGER REFERENCES deliveries(id),
  sha256      TEXT NOT NULL,
  errors      INTEGER NOT NULL,
  warnings    INTEGER NOT NULL,
  kept        INTEGER NOT NULL,
  CHECK ((outcome = 'rejected') = (delivery_id IS NULL))
);
CREATE INDEX upload_reports_by_ministry ON upload_reports(ministry, seq);
CREATE INDEX upload_reports_by_delivery ON upload_reports(delivery_id);
CREATE TABLE report_findings (
  report_seq  INTEGER NOT NULL REFERENCES upload_reports(seq),
  position    INTEGER NOT NULL,
  code        TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  file        TEXT NOT NULL,
  sheet       TEXT NOT NULL,
  row_number  INTEGER NOT NULL,
  column_name TEXT NOT NULL,
  value       TEXT NOT NULL,
  message     TEXT NOT NULL,
  hint        TEXT NOT NULL,
  PRIMARY KEY (report_seq, position)
);
CREATE TRIGGER upload_reports_no_update BEFORE UPDATE ON upload_reports
  BEGIN SELECT RAISE(ABORT, 'a validation report is never changed'); END;
CREATE TRIGGER upload_reports_no_delete BEFORE DELETE ON upload_reports
  BEGIN SELECT RAISE(ABORT, 'a validation report is never deleted'); END;
CREATE TRIGGER report_findings_no_update BEFORE UPDATE ON report_findings
  BEGIN SELECT RAISE(ABORT, 'a validation report is never changed'); END;
CREATE TRIGGER report_findings_no_delete BEFORE DELETE ON report_findings
  BEGIN SELECT RAISE(ABORT, 'a validation report is never deleted'); END;
)sql",
    // 7: per compute run, the emission-factor vintage of each year's figures (so that a restatement
    // blames the factors only when those of the restated year changed) and the adjacent years'
    // deliveries its figures read across the turn of the year without (named on the method page).
    R"sql(
ALTER TABLE compute_runs ADD COLUMN factor_vintages TEXT NOT NULL DEFAULT '{}';
ALTER TABLE compute_runs ADD COLUMN adjacent_gaps TEXT NOT NULL DEFAULT '[]';
)sql",
    // 8: the portal's background jobs (store/jobs.h: compute, publish, release, claimed by one
    // server under a lease) and the coordinators' review notes on anomalies, append-only.
    R"sql(
CREATE TABLE jobs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('compute', 'publish', 'release')),
  params      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  progress    TEXT NOT NULL DEFAULT '',
  percent     INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
  created_at  TEXT NOT NULL,
  started_at  TEXT NOT NULL DEFAULT '',
  finished_at TEXT NOT NULL DEFAULT '',
  result      TEXT NOT NULL DEFAULT '',
  error       TEXT NOT NULL DEFAULT '',
  worker      TEXT NOT NULL DEFAULT '',
  lease_until TEXT NOT NULL DEFAULT ''
);
CREATE INDEX jobs_by_state ON jobs(state, id);
CREATE TABLE review_notes (
  id        INTEGER PRIMARY KEY,
  year      INTEGER NOT NULL,
  ministry  TEXT NOT NULL,
  indicator TEXT NOT NULL,
  note      TEXT NOT NULL CHECK (note <> ''),
  actor     TEXT NOT NULL,
  at        TEXT NOT NULL
);
CREATE INDEX review_notes_by_year ON review_notes(year, id);
CREATE TRIGGER review_notes_no_update BEFORE UPDATE ON review_notes
  BEGIN SELECT RAISE(ABORT, 'review notes are append-only'); END;
CREATE TRIGGER review_notes_no_delete BEFORE DELETE ON review_notes
  BEGIN SELECT RAISE(ABORT, 'review notes are append-only'); END;
)sql",
};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

Status Migrate(Database* db) {
  JBR_RETURN_IF_ERROR(
      db->Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
               "applied_at TEXT NOT NULL)"));
  JBR_ASSIGN_OR_RETURN(auto q,
                       db->Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  JBR_ASSIGN_OR_RETURN(bool row, q.Step());
  int current = row ? static_cast<int>(q.Int(0)) : 0;
  q.Reset();
  if (current > LatestSchemaVersion()) {
    return StoreError(
        fmt::format("the store has schema version {}, newer than this jbr ({}); upgrade jbr",
                    current, LatestSchemaVersion()));
  }
  for (int v = current + 1; v <= LatestSchemaVersion(); ++v) {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db));
    // Another process may have migrated between our read and our write lock.
    q.Reset();
    JBR_ASSIGN_OR_RETURN(bool again, q.Step());
    if (again && q.Int(0) >= v) continue;
    q.Reset();
    JBR_RETURN_IF_ERROR(db->Exec(kMigrations[v - 1]));
    JBR_ASSIGN_OR_RETURN(auto ins, db->Prepare("INSERT INTO schema_migrations(version, applied_at) "
                                               "VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))"));
    JBR_RETURN_IF_ERROR(ins.Bind(1, static_cast<int64_t>(v)).Run());
    JBR_RETURN_IF_ERROR(tx.Commit());
  }
  return Status::Ok();
}

}  // namespace jbr::sqlite
