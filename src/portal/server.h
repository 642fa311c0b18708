// jbr serve: the delivery portal and the public API over HTTP(S), on the workspace's store.
//
// Pages (server-rendered, no JavaScript): login; a steward's upload with the validation report
// (paged, downloadable as CSV) and their ministry's delivery history with the original files; a
// coordinator's matrix of ministries by datasets; the action log. The public JSON API serves only
// the cells of stored releases (api.h). Every request borrows its own store connection, so the
// server is safe under concurrent use; several servers may share one PostgreSQL store. Every
// upload's validation report, rejected ones too, is kept in the store (store/reports.h).
//
// Security: sessions in HttpOnly SameSite=Strict cookies (Secure under TLS) that expire; a CSRF
// token in every form and state-changing request made with a session (API tokens in an
// Authorization header need none: a browser never sends them by itself); logins rate-limited per
// name and address through the action log; every action logged with who, when and from where.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "portal/accounts.h"
#include "store/jobs.h"

namespace jbr::portal {

// The background jobs (portal/jobs.h).
struct JobOptions {
  bool run = true;         // run a worker in this server; false: only queue and show jobs
  int lease_seconds = 60;  // a running job is this server's until then, renewed every quarter
  int poll_ms = 1000;      // how often an idle worker looks for a queued job
  // Called in the worker after a job is claimed and logged, before its work; `stopping` turns
  // true when the server is being stopped. For tests that stop a server while a job runs.
  std::function<void(const Job&, const std::atomic<bool>& stopping)> before_work;
};

struct PortalOptions {
  std::string workspace;  // an existing workspace directory
  std::string store_url;  // empty: the store the workspace names
  std::string data_dir;   // reference data when the workspace names none; empty: DefaultDataDir()
  std::string
      templates_dir;  // the default templates (the portal's style); empty: DefaultTemplatesDir()
  const Clock* clock =
      nullptr;  // the time of every request (its action, upload, session); null: the system's
  std::string host = "127.0.0.1";
  int port = 8080;        // 0: any free port (see PortalServer::port)
  std::string cert, key;  // both or neither: HTTPS with this PEM certificate and key
  int64_t max_upload_bytes = 200LL << 20;  // larger uploads are refused (413), never held whole
  LoginPolicy login;
  int threads = 8;                     // worker threads
  std::ostream* access_log = nullptr;  // one JSON object per request; null: none
  JobOptions jobs;
  // /anomalies lists a year-on-year change of a ministry's figure beyond this many percent of last
  // year's figure (either way).
  double anomaly_percent = 10;
  Status Validate() const;
};

class PortalServer {
 public:
  // Opens the workspace and its store (migrating it), and binds the socket. Errors: usage for
  // invalid options; I/O when the address cannot be bound.
  static Result<std::unique_ptr<PortalServer>> Start(const PortalOptions& options);
  ~PortalServer();
  PortalServer(const PortalServer&) = delete;
  PortalServer& operator=(const PortalServer&) = delete;

  int port() const;
  std::string address() const;  // "http://host:port/" or https
  // Serves until Stop(); requests in flight when Stop() is called are finished first.
  Status Run();
  void Stop();

  struct Impl;

 private:
  explicit PortalServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace jbr::portal
