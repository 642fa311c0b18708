// The home page, login and logout, the health endpoint and the stylesheets.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "portal/html.h"
#include "portal/portal.h"
#include "portal/security.h"

namespace jbr::portal {
namespace {

std::string SetCookie(const Call& c, const std::string& name, const std::string& value,
                      long long max_age) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", name, value, max_age,
                     c.portal.tls ? "; Secure" : "");
}

Status Home(Call& c) {
  std::string body;
  auto item = [&c](const char* href, const char* label) {
    return fmt::format("<li><a href=\"{}\">{}</a></li>\n", href, c.T(label));
  };
  if (c.who.kind == Principal::Kind::kAnonymous) {
    body = fmt::format(
        "<p>{}</p>\n<p><a href=\"/login\">{}</a></p>\n",
        c.T("Ministries deliver their data for the annual operations report here; the coordinating "
            "team reviews them. Published figures are open to everyone through the <a "
            "href=\"/api/v1/releases\">open data API</a> (described by <a "
            "href=\"/api/v1/openapi.json\">its OpenAPI document</a>)."),
        c.T("Log in to deliver or review."));
  } else if (c.who.role == "steward") {
    body = fmt::format(fmt::runtime(c.T("<p>You deliver for {}.</p>\n")), Escape(c.who.ministry)) +
           "<ul>\n" + item("/upload", "Upload a delivery") +
           item("/deliveries", "Your ministry's deliveries") +
           item("/reports", "Validation reports") + "</ul>\n";
  } else if (c.who.role == "coordinator") {
    body = "<ul>\n" + item("/matrix", "Deliveries by ministry and dataset") +
           item("/deliveries", "All deliveries") + item("/reports", "Validation reports") +
           item("/actions", "Audit log") + "</ul>\n";
  } else {
    body = "<ul>\n" + item("/users", "Users") + item("/actions", "Audit log") + "</ul>\n";
  }
  Html(c, Page(c, c.T("JBR portal"), body));
  return Status::Ok();
}

std::string LoginForm(const Call& c, const std::string& csrf, const std::string& name,
                      const std::string& message) {
  return fmt::format(
      "{}<form class=\"stack\" method=\"post\" action=\"/login\">\n"
      "<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n"
      "<label for=\"name\">{}</label>\n"
      "<input id=\"name\" name=\"name\" autocomplete=\"username\" required value=\"{}\">\n"
      "<label for=\"password\">{}</label>\n"
      "<input id=\"password\" name=\"password\" type=\"password\" "
      "autocomplete=\"current-password\" required>\n"
      "<button type=\"submit\">{}</button>\n</form>\n",
      message.empty() ? "" : Message(message, true), Escape(csrf), c.T("User name"), Escape(name),
      c.T("Password"), c.T("Log in"));
}

// The login form carries a random value that must equal its cookie (double submit): another
// site cannot log a browser in to an account of its choosing.
Status LoginPage(Call& c) {
  const std::string csrf = RandomToken(24);
  c.res.set_header("Set-Cookie", SetCookie(c, "jbr_login", csrf, 3600));
  c.res.set_header("Cache-Control", "no-store");
  Html(c, Page(c, c.T("Log in"), LoginForm(c, csrf, "", "")));
  return Status::Ok();
}

Status LoginPost(Call& c) {
  const std::string cookie = CookieValue(c.req, "jbr_login");
  const std::string name = Param(c, "name");
  if (cookie.empty() || !SecretEquals(cookie, Param(c, "csrf"))) {
    (void)LogAction(c.store, c.ctx, "csrf", "POST /login", "refused");
    return Fail(c, 403, c.T("This login form has expired. Reload the login page and try again."));
  }
  if (c.who.kind == Principal::Kind::kUser) JBR_RETURN_IF_ERROR(Logout(c.store, c.who, c.ctx));
  JBR_ASSIGN_OR_RETURN(LoginOutcome out,
                       Login(c.store, name, Param(c, "password"), c.portal.options.login, c.ctx));
  if (!out.ok) {
    const std::string csrf = RandomToken(24);
    c.res.set_header("Set-Cookie", SetCookie(c, "jbr_login", csrf, 3600));
    if (out.throttled)
      c.res.set_header("Retry-After", std::to_string(c.portal.options.login.window_seconds));
    c.who = Principal{};
    Html(c,
         Page(c, c.T("Log in"),
              LoginForm(c, csrf, name,
                        out.throttled ? c.T("Too many failed logins for this name or address; wait "
                                            "and try again.")
                                      : c.T("The user name or password is wrong."))),
         out.throttled ? 429 : 401);
    return Status::Ok();
  }
  // Always a new session id (never the one the browser brought): no session fixation.
  c.res.set_header("Set-Cookie", SetCookie(c, "jbr_session", out.session_secret,
                                           c.portal.options.login.session_seconds));
  c.res.set_redirect("/", 303);
  return Status::Ok();
}

Status LogoutPost(Call& c) {
  if (c.who.kind != Principal::Kind::kUser) return Fail(c, 401, c.T("You are not logged in."));
  if (!CsrfOk(c, Param(c, "csrf"))) return Status::Ok();
  JBR_RETURN_IF_ERROR(Logout(c.store, c.who, c.ctx));
  c.res.set_header("Set-Cookie", SetCookie(c, "jbr_session", "", 0));
  c.res.set_redirect("/login", 303);
  return Status::Ok();
}

Status Health(Call& c) {
  // A read of the store proves the connection works.
  auto users = c.store->accounts()->FindUser("-");
  const bool ok = users.ok();
  c.res.status = ok ? 200 : 503;
  c.res.set_header("Cache-Control", "no-store");
  c.res.set_content(
      nlohmann::json{{"status", ok ? "ok" : "unavailable"}, {"store", ok ? "ok" : "unavailable"}}
              .dump() +
          "\n",
      "application/json");
  return Status::Ok();
}

Status SiteCss(Call& c) {
  std::ifstream in(std::filesystem::path(c.portal.templates_dir) / "site" / "style.css",
                   std::ios::binary);
  if (!in) return Fail(c, 404, "no stylesheet");
  std::ostringstream s;
  s << in.rdbuf();
  c.res.set_header("Cache-Control", "public, max-age=3600");
  c.res.set_content(s.str(), "text/css; charset=utf-8");
  return Status::Ok();
}

Status PortalCssRoute(Call& c) {
  c.res.set_header("Cache-Control", "public, max-age=3600");
  c.res.set_content(PortalCss(), "text/css; charset=utf-8");
  return Status::Ok();
}

}  // namespace

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  const std::string key = name + "=";
  for (size_t pos = 0; pos < header.size();) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    size_t start = header.find_first_not_of(' ', pos);
    if (start != std::string::npos && start < end && header.compare(start, key.size(), key) == 0) {
      return header.substr(start + key.size(), end - start - key.size());
    }
    pos = end + 1;
  }
  return "";
}

void RegisterAuthRoutes(Router& r) {
  r.add("GET", "/", Home, false);
  r.add("GET", "/login", LoginPage, false);
  r.add("POST", "/login", LoginPost, false);
  r.add("POST", "/logout", LogoutPost, false);
  r.add("GET", "/healthz", Health, false);
  r.add("GET", "/assets/style.css", SiteCss, false);
  r.add("GET", "/assets/portal.css", PortalCssRoute, false);
}

}  // namespace jbr::portal
