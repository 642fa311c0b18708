#include "publish/core/page.h"
#include "publish/core/messages.h"

#include <algorithm>

#include <fmt/format.h>

namespace jbr::publish {

std::string RootPrefix(const std::string& path) {
  std::string prefix;
  for (char c : path) {
    if (c == '/') prefix += "../";
  }
  return prefix;
}

std::string RelativeLink(const std::string& from, const std::string& to) {
  return RootPrefix(from) + to;
}

namespace {

std::string Header(const PageSpec& p) {
  std::string h = fmt::format(
      "<a class=\"skip\" href=\"#inhoud\">{}</a>\n<header class=\"site\">\n<p class=\"name\"><a "
      "href=\"{}\">{}</a></p>\n",
      Tr(Msg::kSkipToContent, p.lang),
      HtmlEscape(RelativeLink(p.path, std::string(LangCode(p.lang)) + "/index.html")),
      HtmlEscape(p.site_name));
  if (!p.alternate.empty()) {
    h += fmt::format("<p class=\"lang\"><a href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a></p>\n",
                     HtmlEscape(RelativeLink(p.path, p.alternate)), Tr(Msg::kNl, p.lang),
                     Tr(Msg::kNl, p.lang), Tr(Msg::kNederlands, p.lang));
  }
  return h + "</header>\n";
}

std::string Nav(const PageSpec& p) {
  if (p.nav.empty()) return "";
  std::string n = fmt::format("<nav aria-label=\"{}\">\n<ul>\n", Tr(Msg::kChapters, p.lang));
  for (const auto& link : p.nav) {
    const bool here = link.path == p.path;
    n += fmt::format("<li><a href=\"{}\"{}>{}</a></li>\n",
                     HtmlEscape(RelativeLink(p.path, link.path)),
                     here ? " aria-current=\"page\"" : "", HtmlEscape(link.label));
  }
  return n + "</ul>\n</nav>\n";
}

// The text of a table's caption, tags dropped (it is escaped HTML already), for its region's label.
std::string CaptionOf(const std::string& html, size_t table) {
  const size_t open = html.find("<caption>", table);
  const size_t end = html.find("</table>", table);
  if (open == std::string::npos || open > end) return "";
  const size_t close = html.find("</caption>", open);
  std::string text;
  bool tag = false;
  for (size_t i = open + 9; i < close; ++i) {
    if (html[i] == '<') tag = true;
    if (!tag) text += html[i] == '"' ? '\'' : html[i];
    if (html[i] == '>') tag = false;
  }
  return text;
}

}  // namespace

std::string WrapTables(const std::string& body, Lang lang) {
  std::string out;
  size_t at = 0;
  for (size_t t = body.find("<table", at); t != std::string::npos; t = body.find("<table", at)) {
    const size_t end = body.find("</table>", t);
    if (end == std::string::npos) break;
    // Already in a scroll region: the last region opened before it holds no table yet.
    const size_t region = body.rfind("<div class=\"scroll\"", t);
    const size_t previous = body.rfind("</table>", t);
    const bool wrapped =
        region != std::string::npos && (previous == std::string::npos || previous < region);
    out += body.substr(at, t - at);
    const std::string table = body.substr(t, end + 8 - t);
    if (wrapped) {
      out += table;
    } else {
      std::string label = CaptionOf(body, t);
      if (label.empty()) label = Tr(Msg::kTable, lang);
      out += "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + label +
             "\">\n" + table + "\n</div>";
    }
    at = end + 8;
  }
  return out + body.substr(at);
}

std::string RenderPage(const PageSpec& p) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}{}</title>\n<link rel=\"stylesheet\" href=\"{}assets/style.css\">\n"
      "<link rel=\"stylesheet\" href=\"{}assets/print.css\" media=\"print\">\n",
      LangCode(p.lang), HtmlEscape(p.title),
      p.title == p.site_name ? "" : " - " + HtmlEscape(p.site_name), RootPrefix(p.path),
      RootPrefix(p.path));
  if (!p.alternate.empty()) {
    out += fmt::format("<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
                       Tr(Msg::kNl, p.lang), HtmlEscape(RelativeLink(p.path, p.alternate)));
  }
  out += fmt::format("</head>\n<body{}>\n", p.print ? " class=\"print\"" : "");
  if (!p.print) out += Header(p) + Nav(p);
  out += fmt::format("<main id=\"inhoud\">\n<h1>{}</h1>\n{}</main>\n", HtmlEscape(p.title),
                     WrapTables(p.body, p.lang));
  if (!p.print) {
    out += fmt::format("<footer class=\"site\">\n<p>{}</p>\n</footer>\n",
                       Tr(Msg::kMadeWithJbrFromThe, p.lang));
  }
  return out + "</body>\n</html>\n";
}

std::string SitePath(Lang lang, const std::string& page) {
  return std::string(LangCode(lang)) + "/" + page;
}

std::string SiteName(int year, Lang lang) {
  return fmt::format("{} {}", Tr(Msg::kAnnualReportOnCentralGovernment, lang), year);
}

}  // namespace jbr::publish
