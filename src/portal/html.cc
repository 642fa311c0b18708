#include "portal/html.h"

#include <fmt/format.h>

#include "common/csv_write.h"

namespace jbr::portal {

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

std::string Nav(const Principal& who) {
  std::vector<std::pair<const char*, const char*>> links = {{"/", "Home"}};
  if (who.role == "steward") {
    links.insert(links.end(), {{"/upload", "Upload"}, {"/deliveries", "Deliveries"}});
  } else if (who.role == "coordinator") {
    links.insert(links.end(),
                 {{"/matrix", "Matrix"}, {"/deliveries", "Deliveries"}, {"/actions", "Audit log"}});
  } else if (who.role == "admin") {
    links.insert(links.end(), {{"/users", "Users"}, {"/actions", "Audit log"}});
  }
  links.push_back({"/api/v1/releases", "Open data API"});
  std::string n = "<nav aria-label=\"Portal\">\n<ul>\n";
  for (const auto& [href, label] : links)
    n += fmt::format("<li><a href=\"{}\">{}</a></li>\n", href, label);
  return n + "</ul>\n</nav>\n";
}

std::string Account(const Principal& who) {
  if (who.kind != Principal::Kind::kUser)
    return "<p class=\"lang\"><a href=\"/login\">Log in</a></p>\n";
  return fmt::format(
      "<form class=\"account\" method=\"post\" action=\"/logout\"><p>{} ({}{}) {}"
      "<button type=\"submit\">Log out</button></p></form>\n",
      Escape(who.name), Escape(who.role), who.ministry.empty() ? "" : ", " + Escape(who.ministry),
      CsrfField(who));
}

}  // namespace

std::string Page(const std::string& title, const Principal& who, const std::string& body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{} - JBR portal</title>\n<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
      "<link rel=\"stylesheet\" href=\"/assets/portal.css\">\n</head>\n<body>\n"
      "<a class=\"skip\" href=\"#content\">Skip to content</a>\n<header class=\"site\">\n"
      "<p class=\"name\"><a href=\"/\">JBR portal</a></p>\n{}</header>\n{}"
      "<main id=\"content\">\n<h1>{}</h1>\n{}</main>\n"
      "<footer class=\"site\">\n<p>Jaarrapportage Bedrijfsvoering Rijk: deliveries, review and "
      "open data.</p>\n"
      "</footer>\n</body>\n</html>\n",
      Escape(title), Account(who), Nav(who), Escape(title), body);
}

std::string CsrfField(const Principal& who) {
  return fmt::format("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", Escape(who.csrf));
}

std::string Table(const std::string& caption, const std::vector<std::string>& headers,
                  const std::vector<std::vector<std::string>>& rows) {
  std::string t = fmt::format("<div class=\"scroll\"><table>\n<caption>{}</caption>\n<thead><tr>",
                              Escape(caption));
  for (const auto& h : headers) t += fmt::format("<th scope=\"col\">{}</th>", Escape(h));
  t += "</tr></thead>\n<tbody>\n";
  for (const auto& r : rows) {
    t += "<tr>";
    for (size_t i = 0; i < r.size(); ++i)
      t += i == 0 ? "<th scope=\"row\">" + r[i] + "</th>" : "<td>" + r[i] + "</td>";
    t += "</tr>\n";
  }
  return t + "</tbody>\n</table></div>\n";
}

std::string Message(const std::string& text, bool error) {
  return fmt::format("<p class=\"message{}\" role=\"{}\">{}</p>\n", error ? " error" : "",
                     error ? "alert" : "status", Escape(text));
}

const char* PortalCss() {
  return R"css(form.account p { margin: 0; display: flex; gap: .5rem; align-items: center; }
form.account button { font: inherit; }
form.stack { max-width: 30rem; }
form.stack label { display: block; font-weight: bold; margin-top: 1rem; }
form.stack input, form.stack select { font: inherit; padding: .3rem; width: 100%; box-sizing: border-box; }
form.stack button { font: inherit; margin-top: 1rem; padding: .4rem 1rem; }
.message { border-left: 4px solid #01689b; padding: .5rem 1rem; background: #f3f3f3; }
.message.error { border-left-color: #d52b1e; }
td.text, th.text { text-align: left; }
:focus-visible { outline: 3px solid #01689b; outline-offset: 2px; }
)css";
}

}  // namespace jbr::portal

namespace jbr::portal {

std::string CsvField(const std::string& s) {
  std::string v = s;
  // A spreadsheet would run a cell that starts with = + - @ as a formula.
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  return jbr::CsvField(v);
}

}  // namespace jbr::portal
