#include "publish/core/page.h"
#include "publish/core/messages.h"

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

}  // namespace

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
  out += fmt::format("<main id=\"inhoud\">\n<h1>{}</h1>\n{}</main>\n", HtmlEscape(p.title), p.body);
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
