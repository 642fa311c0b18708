#include "portal/html.h"

#include <fmt/format.h>

#include "common/csv_write.h"
#include "publish/core/html.h"

namespace jbr::portal {

// The publication's escaping: the portal's pages and the published site escape alike.
std::string Escape(std::string_view s) { return publish::HtmlEscape(s); }

namespace {

std::string Nav(Lang lang, const Principal& who) {
  std::vector<std::pair<const char*, const char*>> links = {{"/", "Home"}};
  if (who.role == "steward") {
    links.insert(links.end(), {{"/upload", "Upload"},
                               {"/deliveries", "Deliveries"},
                               {"/reports", "Reports"},
                               {"/preview", "Preview"}});
  } else if (who.role == "coordinator") {
    links.insert(links.end(), {{"/matrix", "Matrix"},
                               {"/deliveries", "Deliveries"},
                               {"/reports", "Reports"},
                               {"/anomalies", "Anomalies"},
                               {"/jobs", "Jobs"},
                               {"/actions", "Audit log"}});
  } else if (who.role == "admin") {
    links.insert(links.end(), {{"/users", "Users"}, {"/actions", "Audit log"}});
  }
  links.push_back({"/releases", "Published reports"});
  links.push_back({"/api/v1/releases", "Open data API"});
  std::string n = fmt::format("<nav aria-label=\"{}\">\n<ul>\n", Tr(lang, "Portal"));
  for (const auto& [href, label] : links)
    n += fmt::format("<li><a href=\"{}\">{}</a></li>\n", href, Tr(lang, label));
  return n + "</ul>\n</nav>\n";
}

std::string Account(Lang lang, const Principal& who) {
  if (who.kind != Principal::Kind::kUser)
    return fmt::format("<p class=\"login\"><a href=\"/login\">{}</a></p>\n", Tr(lang, "Log in"));
  return fmt::format(
      "<form class=\"account\" method=\"post\" action=\"/logout\"><p>{} ({}{}) {}"
      "<button type=\"submit\">{}</button></p></form>\n",
      Escape(who.name), Tr(lang, who.role), who.ministry.empty() ? "" : ", " + Escape(who.ministry),
      CsrfField(who), Tr(lang, "Log out"));
}

// The same page in the other language, as the published site links it.
std::string OtherLanguage(Lang lang, const std::string& href) {
  const bool nl = lang == Lang::kNl;
  return fmt::format("<p class=\"lang\"><a href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a></p>\n",
                     Escape(href), nl ? "en" : "nl", nl ? "en" : "nl",
                     nl ? "English" : "Nederlands");
}

}  // namespace

std::string Page(Lang lang, const std::string& other_href, const std::string& title,
                 const Principal& who, const std::string& body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{} - {}</title>\n<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
      "<link rel=\"stylesheet\" href=\"/assets/portal.css\">\n</head>\n<body>\n"
      "<a class=\"skip\" href=\"#content\">{}</a>\n<header class=\"site\">\n"
      "<p class=\"name\"><a href=\"/\">{}</a></p>\n{}{}</header>\n{}"
      "<main id=\"content\">\n<h1>{}</h1>\n{}</main>\n"
      "<footer class=\"site\">\n<p>{}</p>\n"
      "</footer>\n</body>\n</html>\n",
      LangCode(lang), Escape(title), Tr(lang, "JBR portal"), Tr(lang, "Skip to content"),
      Tr(lang, "JBR portal"), OtherLanguage(lang, other_href), Account(lang, who), Nav(lang, who),
      Escape(title), body,
      Tr(lang, "Jaarrapportage Bedrijfsvoering Rijk: deliveries, review and open data."));
}

std::string CsrfField(const Principal& who) {
  return fmt::format("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", Escape(who.csrf));
}

std::string Table(const std::string& caption, const std::vector<std::string>& headers,
                  const std::vector<std::vector<std::string>>& rows) {
  // The scroll region takes the keyboard focus (arrow keys scroll a table wider than the screen)
  // and is named by the caption, as the published site's tables are (publish/core/page.h).
  std::string t = fmt::format(
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table>\n"
      "<caption>{}</caption>\n<thead><tr>",
      Escape(caption), Escape(caption));
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
/* The portal's tables are text (messages, hints, names): left-aligned, unlike the report's figures. */
main .scroll th, main .scroll td { text-align: left; }
:focus-visible { outline: 3px solid #01689b; outline-offset: 2px; }
form.stack label.inline { display: inline; font-weight: normal; }
form.stack input[type=checkbox] { width: auto; }
ul.notes { margin: 0 0 .5rem; padding-left: 1rem; }
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
