#include "portal/server.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/paths.h"
#include "indicators/core/reference.h"
#include "indicators/engine.h"
#include "portal/html.h"
#include "portal/jobs.h"
#include "portal/portal.h"
#include "portal/security.h"
#include "serve/backlog.h"
#include "store/workspace.h"

namespace jbr::portal {
namespace fs = std::filesystem;
namespace {

constexpr const char* kCsp =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action "
    "'self'; "
    "frame-ancestors 'none'";

// What the access log needs to know of a request, kept by the thread that answers it.
thread_local std::chrono::steady_clock::time_point t_start;
thread_local std::string t_actor;

}  // namespace

Status Fail(Call& c, int status, const std::string& message) {
  c.res.status = status;
  if (c.req.path.rfind("/api/", 0) == 0 || c.who.kind == Principal::Kind::kToken) {
    c.res.set_content(nlohmann::json{{"error", message}, {"status", status}}.dump() + "\n",
                      "application/json");
  } else {
    std::string body = Message(c.T(message), true);
    if (status == 401) body += fmt::format("<p><a href=\"/login\">{}</a></p>\n", c.T("Log in"));
    c.res.set_content(Page(c, fmt::format(fmt::runtime(c.T("Error {}")), status), body),
                      "text/html; charset=utf-8");
  }
  return Status::Ok();
}

bool Allow(Call& c, std::initializer_list<const char*> roles) {
  for (const char* r : roles) {
    if (c.who.kind != Principal::Kind::kAnonymous && c.who.role == r) return true;
  }
  if (c.who.kind == Principal::Kind::kAnonymous) {
    (void)Fail(c, 401, c.T("Log in to see this page."));
  } else {
    (void)Fail(c, 403, c.T("Your account may not use this page."));
    (void)LogAction(c.store, c.ctx, "forbidden", c.req.method + " " + c.req.path, "refused");
  }
  return false;
}

bool CsrfOk(Call& c, const std::string& given) {
  if (c.who.kind == Principal::Kind::kToken) return true;
  const std::string token = given.empty() ? c.req.get_header_value("X-CSRF-Token") : given;
  if (c.who.kind == Principal::Kind::kUser && !token.empty() && SecretEquals(token, c.who.csrf))
    return true;
  (void)LogAction(c.store, c.ctx, "csrf", c.req.method + " " + c.req.path, "refused");
  (void)Fail(c, 403,
             c.T("This form has expired or did not come from this portal. Go back, reload the page "
                 "and try again."));
  return false;
}

std::string Param(const Call& c, const char* name) {
  return c.req.has_param(name) ? c.req.get_param_value(name) : "";
}

std::optional<int> YearParam(const Call& c) {
  const std::string y = Param(c, "year");
  if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(y);
}

void Html(Call& c, const std::string& page, int status) {
  c.res.status = status;
  c.res.set_content(page, "text/html; charset=utf-8");
}

namespace {

std::string QueryEncode(const std::string& s) {
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += fmt::format("%{:02X}", ch);
    }
  }
  return out;
}

}  // namespace

// This page in the other language: its path and query, with lang set to the other one.
std::string OtherLanguageHref(const httplib::Request& req, Lang lang) {
  std::string href = req.path + "?";
  for (const auto& [k, v] : req.params) {
    if (k != "lang" && k != "csrf" && k != "password")
      href += QueryEncode(k) + "=" + QueryEncode(v) + "&";
  }
  return href + "lang=" + (lang == Lang::kNl ? "en" : "nl");
}

std::string Page(const Call& c, const std::string& title, const std::string& body) {
  // A POST's page (a refused login, an error) links to the page the form came from.
  const bool get = c.req.method == "GET" || c.req.method == "HEAD";
  return Page(c.lang,
              get ? OtherLanguageHref(c.req, c.lang)
                  : std::string(c.req.path) + (c.lang == Lang::kNl ? "?lang=en" : "?lang=nl"),
              title, c.who, body);
}

Status PortalOptions::Validate() const {
  std::error_code ec;
  if (workspace.empty() || !fs::is_directory(workspace, ec)) {
    return UsageError(fmt::format("'{}' is not a workspace directory", workspace));
  }
  if (port < 0 || port > 65535) return UsageError(fmt::format("port {} is out of range", port));
  if (host.empty()) return UsageError("no address to listen on");
  if (cert.empty() != key.empty()) return UsageError("give both --cert and --key, or neither");
  for (const auto& f : {cert, key}) {
    if (!f.empty() && !fs::is_regular_file(f, ec))
      return UsageError(fmt::format("no file '{}'", f));
  }
  if (max_upload_bytes < 1024) return UsageError("the upload limit must be at least 1 KiB");
  if (threads < 1 || threads > 256) return UsageError("threads must be 1 to 256");
  if (jobs.lease_seconds < 4 || jobs.lease_seconds > 3600)
    return UsageError("the job lease must be 4 to 3600 seconds");
  if (jobs.poll_ms < 10 || jobs.poll_ms > 60000)
    return UsageError("the job poll interval must be 10 ms to 60 s");
  if (!(anomaly_percent > 0 && anomaly_percent <= 1000))
    return UsageError("the anomaly threshold must be above 0 and at most 1000 percent");
  return Status::Ok();
}

struct PortalServer::Impl {
  Portal portal;
  std::unique_ptr<httplib::Server> server;
  std::unique_ptr<JobRunner> jobs;
  int port = 0;
  SystemClock system_clock;
  serve::ListenBacklog backlog;  // raised after the bind (serve/backlog.h)

  std::string NowIso() const {
    return (portal.options.clock != nullptr ? *portal.options.clock : system_clock).NowUtc();
  }

  void Dispatch(const Handler& h, const httplib::Request& req, httplib::Response& res,
                const httplib::ContentReader* reader) {
    auto lease = portal.pool->Borrow();
    if (!lease.ok()) {
      std::cerr << "jbr serve: " << lease.status().message() << "\n";
      res.status = 503;
      res.set_content("the store is not available\n", "text/plain");
      return;
    }
    Call c{req,          res,         portal,
           lease->get(), Principal{}, Context{"-", req.remote_addr, NowIso()},
           Lang::kNl,    reader};
    c.who.name = "-";
    c.lang = RequestLang(req, res);
    Status st = Authenticate(c);
    if (st.ok() && c.res.status != 401) {
      t_actor = c.who.name;
      c.ctx.actor = c.who.name;
      try {
        st = h(c);
      } catch (const std::exception& e) {
        st = InternalError(e.what());
      }
    }
    if (!st.ok()) {
      std::cerr << "jbr serve: " << req.method << " " << req.path << ": " << st.message() << "\n";
      (void)Fail(c, 500, "Something went wrong on the server; it has been logged.");
    }
  }

  // The visitor's language (i18n.h); a ?lang= choice is remembered in a cookie for a year.
  Lang RequestLang(const httplib::Request& req, httplib::Response& res) const {
    const std::string query = req.has_param("lang") ? req.get_param_value("lang") : "";
    const Lang lang =
        ChooseLang(query, CookieValue(req, "jbr_lang"), req.get_header_value("Accept-Language"));
    if (query == "nl" || query == "en") {
      res.set_header(
          "Set-Cookie",
          fmt::format("jbr_lang={}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict{}", query,
                      portal.tls ? "; Secure" : ""));
    }
    res.set_header("Content-Language", LangCode(lang));
    res.set_header("Vary", "Accept-Language, Cookie");
    return lang;
  }

  // A bearer token when the request has one (refused with 401 when it is not valid), else the
  // session of the cookie, else anonymous.
  Status Authenticate(Call& c) {
    const std::string auth = c.req.get_header_value("Authorization");
    if (!auth.empty()) {
      std::optional<Principal> who;
      if (auth.rfind("Bearer ", 0) == 0) {
        JBR_ASSIGN_OR_RETURN(who, FromToken(c.store, auth.substr(7), c.ctx.now));
      }
      if (!who) {
        c.who.kind = Principal::Kind::kToken;  // answer in JSON
        (void)LogAction(c.store, c.ctx, "token", c.req.path, "refused");
        return Fail(c, 401, "the API token is unknown, expired or revoked");
      }
      c.who = *who;
      return Status::Ok();
    }
    JBR_ASSIGN_OR_RETURN(auto who,
                         FromSession(c.store, CookieValue(c.req, "jbr_session"), c.ctx.now));
    if (who) c.who = *who;
    return Status::Ok();
  }

  void Add(const std::string& method, const std::string& pattern, Handler h, bool streamed) {
    if (method == "GET") {
      server->Get(pattern, [this, h](const httplib::Request& req, httplib::Response& res) {
        Dispatch(h, req, res, nullptr);
      });
    } else if (streamed) {
      server->Post(pattern, [this, h](const httplib::Request& req, httplib::Response& res,
                                      const httplib::ContentReader& reader) {
        Dispatch(h, req, res, &reader);
      });
    } else {
      server->Post(pattern, [this, h](const httplib::Request& req, httplib::Response& res) {
        Dispatch(h, req, res, nullptr);
      });
    }
  }

  void Log(const httplib::Request& req, const httplib::Response& res) const {
    if (portal.options.access_log == nullptr) return;
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_start)
            .count();
    nlohmann::json line = {{"at", NowIso()},
                           {"remote", req.remote_addr},
                           {"method", req.method},
                           {"path", req.path},
                           {"status", res.status},
                           {"bytes", res.body.size()},
                           {"ms", std::round(ms * 10) / 10},
                           {"user", t_actor.empty() ? "-" : t_actor}};
    static std::mutex mu;
    std::lock_guard<std::mutex> lock(mu);
    *portal.options.access_log << line.dump() << std::endl;
  }

  void Configure() {
    const PortalOptions& o = portal.options;
    server->new_task_queue = [n = o.threads] {
      return new httplib::ThreadPool(static_cast<size_t>(n));
    };
    // The body may be a little larger than the file (multipart headers and the other fields).
    server->set_payload_max_length(static_cast<size_t>(o.max_upload_bytes) + (64 << 10));
    server->set_read_timeout(10, 0);  // a client that stops sending loses its thread after 10 s
    server->set_write_timeout(10, 0);
    server->set_keep_alive_max_count(100);
    backlog.Watch(*server);
    server->set_keep_alive_timeout(5);
    server->set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
      t_start = std::chrono::steady_clock::now();
      t_actor.clear();
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Content-Security-Policy", kCsp);
      res.set_header("Referrer-Policy", "no-referrer");
      res.set_header("X-Frame-Options", "DENY");
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      const Lang lang =
          ChooseLang(req.has_param("lang") ? req.get_param_value("lang") : "",
                     CookieValue(req, "jbr_lang"), req.get_header_value("Accept-Language"));
      const std::string what =
          Tr(lang, res.status == 404   ? "There is no such page."
                   : res.status == 405 ? "That method is not allowed here."
                   : res.status == 413 ? "The upload is larger than the portal accepts."
                   : res.status == 400 ? "The request could not be read."
                                       : "The request could not be answered.");
      if (req.path.rfind("/api/", 0) == 0) {
        res.set_content(nlohmann::json{{"error", what}, {"status", res.status}}.dump() + "\n",
                        "application/json");
      } else {
        res.set_content(Page(lang, OtherLanguageHref(req, lang),
                             fmt::format(fmt::runtime(Tr(lang, "Error {}")), res.status),
                             Principal{}, Message(what, true)),
                        "text/html; charset=utf-8");
      }
    });
    server->set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          res.status = 500;
          res.set_content("internal error\n", "text/plain");
        });
    // Methods the portal does not use: 405 with what is allowed, never a silent 404.
    auto not_allowed = [](const httplib::Request&, httplib::Response& res) {
      res.status = 405;
      res.set_header("Allow", "GET, HEAD, POST");
    };
    server->Put(".*", not_allowed);
    server->Patch(".*", not_allowed);
    server->Delete(".*", not_allowed);
    server->set_logger(
        [this](const httplib::Request& req, const httplib::Response& res) { Log(req, res); });
    Router router{
        [this](const std::string& m, const std::string& p, Handler h, bool s) { Add(m, p, h, s); }};
    RegisterAuthRoutes(router);
    RegisterUploadRoutes(router);
    RegisterHistoryRoutes(router);
    RegisterApiRoutes(router);
    RegisterReleaseRoutes(router);
    RegisterJobRoutes(router);
    RegisterReviewRoutes(router);
  }
};

PortalServer::PortalServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PortalServer::~PortalServer() = default;

Result<std::unique_ptr<PortalServer>> PortalServer::Start(const PortalOptions& options) {
  JBR_RETURN_IF_ERROR(options.Validate());
  JBR_RETURN_IF_ERROR(InitSecurity());
  auto impl = std::make_unique<Impl>();
  Portal& p = impl->portal;
  p.options = options;
  JBR_ASSIGN_OR_RETURN(auto ws,
                       Workspace::Open(options.workspace, options.store_url, options.data_dir));
  JBR_ASSIGN_OR_RETURN(std::string url, Workspace::StoreUrl(options.workspace, options.store_url));
  p.workspace_dir = ws->dir();
  p.data_dir = ws->data_dir();
  p.schemas = ws->schemas();
  p.ministries = ws->ministries();
  JBR_ASSIGN_OR_RETURN(auto ref,
                       ReferenceData::Load((fs::path(p.data_dir) / "reference").string()));
  p.definitions = AllDefinitions(ref);
  const fs::path own = fs::path(p.workspace_dir) / "templates" / "site" / "style.css";
  std::error_code ec;
  p.templates_dir = fs::exists(own, ec) ? (fs::path(p.workspace_dir) / "templates").string()
                    : options.templates_dir.empty() ? DefaultTemplatesDir()
                                                    : options.templates_dir;
  p.upload_dir = (fs::path(p.workspace_dir) / "portal-uploads").string();
  fs::create_directories(p.upload_dir, ec);
  if (ec) return IoError(fmt::format("cannot create {}: {}", p.upload_dir, ec.message()));
  p.pool = std::make_unique<StorePool>(url, static_cast<size_t>(options.threads) + 2);
  p.tls = !options.cert.empty();
  if (p.tls) {
    auto ssl = std::make_unique<httplib::SSLServer>(options.cert.c_str(), options.key.c_str());
    if (!ssl->is_valid())
      return UsageError("the certificate or key could not be read (PEM files expected)");
    impl->server = std::move(ssl);
  } else {
    impl->server = std::make_unique<httplib::Server>();
  }
  impl->Configure();
  impl->port = options.port == 0
                   ? impl->server->bind_to_any_port(options.host)
                   : (impl->server->bind_to_port(options.host, options.port) ? options.port : -1);
  if (impl->port < 0)
    return IoError(fmt::format("cannot listen on {}:{}", options.host, options.port));
  impl->backlog.Raise();
  if (options.jobs.run) {
    impl->jobs = std::make_unique<JobRunner>(&impl->portal);
    impl->jobs->Start();
  }
  return std::unique_ptr<PortalServer>(new PortalServer(std::move(impl)));
}

int PortalServer::port() const { return impl_->port; }

std::string PortalServer::address() const {
  return fmt::format("{}://{}:{}/", impl_->portal.tls ? "https" : "http",
                     impl_->portal.options.host, impl_->port);
}

Status PortalServer::Run() {
  if (!impl_->server->listen_after_bind()) return IoError("the server stopped with an error");
  return Status::Ok();
}

// Requests in flight finish; then the running job, if any, finishes too (jobs.h).
void PortalServer::Stop() {
  impl_->server->stop();
  if (impl_->jobs) impl_->jobs->Stop();
}

}  // namespace jbr::portal
