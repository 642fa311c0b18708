// Inside the portal: the state every route shares (Portal) and one request being answered (Call).
// Routes are registered by group (Register*Routes); server.cc wraps each handler so that it gets a
// store connection and the caller's Principal, and so that a Status error becomes a 500 page in
// one place.
#pragma once

#include <httplib.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/finding.h"
#include "indicators/core/indicator.h"
#include "portal/accounts.h"
#include "portal/i18n.h"
#include "portal/server.h"
#include "portal/store_pool.h"
#include "publish/core/publication.h"
#include "schema/ministries.h"
#include "schema/schema.h"

namespace jbr::portal {

// The published cells of compute runs (publish::Disclose), read once: a stored run never changes.
class RunCache {
 public:
  using Cells = std::vector<publish::PublishedValue>;
  Result<std::shared_ptr<const Cells>> Get(Store* store, int64_t run);

 private:
  std::mutex mu_;
  std::map<int64_t, std::shared_ptr<const Cells>> runs_;
};

// Answers of the open data API by request and the releases they came from: a release never
// changes, so an answer is made once (bench/portal_wrk.sh: the JSON of one ministry's year took
// about 16 ms of CPU a request). At most kMax answers; emptied when full.
class ApiCache {
 public:
  static constexpr size_t kMax = 256;
  std::shared_ptr<const std::string> Find(const std::string& key);
  void Put(const std::string& key, std::shared_ptr<const std::string> body);

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const std::string>> answers_;
};

struct Portal {
  PortalOptions options;
  bool tls = false;
  std::string workspace_dir;
  std::string data_dir;
  std::string templates_dir;  // the site's stylesheet comes from here
  std::string upload_dir;     // uploads are streamed here, removed after the load
  SchemaRegistry schemas;
  MinistryRegistry ministries;
  std::vector<IndicatorDef> definitions;
  std::unique_ptr<StorePool> pool;
  RunCache runs;
  ApiCache api;
};

struct Call {
  const httplib::Request& req;
  httplib::Response& res;
  Portal& portal;
  Store* store = nullptr;
  Principal who;
  Context ctx;  // actor, source address, now
  // The content reader of a streamed POST (uploads); null otherwise.
  Lang lang = Lang::kNl;  // the visitor's (i18n.h)
  const httplib::ContentReader* reader = nullptr;
  // `en` in the visitor's language (i18n.h).
  const char* T(const char* en) const { return Tr(lang, en); }
  std::string T(const std::string& en) const { return Tr(lang, en); }
};

using Handler = std::function<Status(Call&)>;

// Adds a route; `method` is GET or POST; `streamed` POSTs get a content reader instead of a body.
struct Router {
  std::function<void(const std::string& method, const std::string& pattern, Handler h,
                     bool streamed)>
      add;
};

void RegisterAuthRoutes(Router& r);    // /, /login, /logout, /healthz, /assets/*
void RegisterUploadRoutes(Router& r);  // /upload, /reports, /reports/*, /api/v1/deliveries (POST)
void RegisterHistoryRoutes(
    Router& r);  // /deliveries, /deliveries/N/original, /matrix, /actions, /users
void RegisterApiRoutes(Router& r);      // /api/v1/* (public)
void RegisterReleaseRoutes(Router& r);  // /releases, /releases/YEAR-N/* (public, read-only)
void RegisterJobRoutes(Router& r);      // /jobs, /jobs/N (coordinator)
void RegisterReviewRoutes(Router& r);   // /anomalies (coordinator), /preview (steward)

// Answers with an error: an HTML page, or JSON under /api/. Always returns Ok (the answer is made).
// `message` is translated (i18n.h) when the catalogue has it.
Status Fail(Call& c, int status, const std::string& message);
// True when the caller has one of `roles` ("steward", "coordinator", "admin", "token");
// otherwise answers 401 (anonymous) or 403 and returns false.
bool Allow(Call& c, std::initializer_list<const char*> roles);
// True when a state-changing request made with a session carries its CSRF token (form field or
// X-CSRF-Token header); otherwise answers 403 and returns false. Token callers pass.
bool CsrfOk(Call& c, const std::string& given);
// The ?year= of a request: four digits, or nothing.
std::optional<int> YearParam(const Call& c);
// A query or form parameter, "" when absent.
std::string Param(const Call& c, const char* name);
void Html(Call& c, const std::string& page, int status = 200);
// A whole page (html.h) in the visitor's language, linking to this page in the other language.
std::string Page(const Call& c, const std::string& title, const std::string& body);
// The request's page in the other language than `lang` (?lang=...), its other parameters kept.
std::string OtherLanguageHref(const httplib::Request& req, Lang lang);
// The value of cookie `name` in the request, "" when absent.
std::string CookieValue(const httplib::Request& req, const std::string& name);
// A CSV field: quoted when needed, and a leading = + - @ made harmless for spreadsheets.
std::string CsvField(const std::string& s);

}  // namespace jbr::portal
