#include "publish/print/site_print.h"
#include <fmt/format.h>
#include <future>
#include "publish/core/messages.h"
#include "publish/core/page.h"
#include "publish/print/pdf_toc.h"
#include "publish/print/print_tables.h"

namespace jbr::publish {
namespace {

const SitePage* FindPage(const std::vector<SitePage>& pages, Lang lang, const std::string& page) {
  const std::string path = SitePath(lang, page);
  for (const auto& p : pages) {
    if (p.path == path) return &p;
  }
  return nullptr;
}

// A page's body one heading level down, to sit under a chapter heading of the print page.
std::string Demote(std::string body) {
  for (const char* level : {"5", "4", "3", "2"}) {
    const std::string from = std::string("h") + level, to = std::string("h") + char(level[0] + 1);
    for (const char* form : {"<", "</"}) {
      const std::string a = form + from, b = form + to;
      for (size_t at = body.find(a); at != std::string::npos; at = body.find(a, at + b.size())) {
        body.replace(at, a.size(), b);
      }
    }
  }
  return body;
}

// Links to other files are dropped from a print page: in a PDF they would become file:// addresses
// of the directory it was printed in (useless to a reader, and different in every directory, so
// the bytes would not repeat). Links within the page (#id) stay.
std::string LocalLinksOnly(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  size_t at = 0;
  for (size_t a = html.find("<a href=\"", at); a != std::string::npos;
       a = html.find("<a href=\"", at)) {
    const size_t start = a + 9;
    const size_t end = html.find('"', start);
    if (end == std::string::npos) break;
    out += html.substr(at, a - at);
    out += html[start] == '#' ? html.substr(a, end + 1 - a) : std::string("<a");
    at = end + 1;
  }
  return out + html.substr(at);
}

std::string PrintDocument(Lang lang, const std::string& path, const std::string& title,
                          const Publication& /*pub*/, const std::string& body) {
  PageSpec spec;
  spec.lang = lang;
  spec.path = path;
  spec.title = title;
  spec.site_name = title;  // the PDF's title is the page's own (the shell adds no site name then)
  spec.body = SplitWideTables(LocalLinksOnly(body), lang);
  spec.print = true;
  return RenderPage(spec);
}

struct Part {
  std::string id, title, body;
};

std::string TocHtml(const std::vector<TocEntry>& entries, Lang lang) {
  std::string toc = fmt::format("<nav class=\"toc\" aria-label=\"{0}\">\n<h2>{0}</h2>\n<ol>\n",
                                Tr(Msg::kContents, lang));
  for (const auto& e : entries) {
    toc += fmt::format(
        "<li><a href=\"#{}\">{}</a><span class=\"toc-leader\"></span><span "
        "class=\"toc-page\">{}</span></li>\n",
        HtmlEscape(e.id), HtmlEscape(e.heading), TocPageLabel(e.page));
  }
  return toc + "</ol>\n</nav>\n";
}

Status PrintReport(const std::vector<SitePage>& pages, const Publication& pub,
                   const SiteConfig& config, Lang lang, const PdfOptions& options, OutputDir* out) {
  std::vector<Part> parts;
  for (const auto& ch : config.chapters()) {
    if (const SitePage* p = FindPage(pages, lang, ch.slug + ".html")) {
      parts.push_back({"h-" + ch.slug, p->title, p->body});
    }
  }
  for (const char* name : {"tabellen.html", "verantwoording.html"}) {
    if (const SitePage* p = FindPage(pages, lang, name)) {
      parts.push_back({std::string("h-") + name, p->title, p->body});
    }
  }
  std::vector<TocEntry> entries;
  for (const auto& part : parts) entries.push_back({part.id, part.title, 0});
  const std::string path = SitePath(lang, "print-rapport.html");
  const std::string title = SiteName(pub.run.year, lang);
  auto render = [&](const std::vector<TocEntry>& numbered) {
    std::string body = TocHtml(numbered, lang);
    for (const auto& part : parts) {
      body += fmt::format("<section class=\"chapter\">\n<h2 id=\"{}\">{}</h2>\n{}</section>\n",
                          HtmlEscape(part.id), HtmlEscape(part.title), Demote(part.body));
    }
    return PrintDocument(lang, path, title, pub, body);
  };
  const std::string pdf = fmt::format("pdf/jbr-{}-{}.pdf", pub.run.year, LangCode(lang));
  JBR_ASSIGN_OR_RETURN(std::string html_file, out->PathFor(path));
  JBR_ASSIGN_OR_RETURN(std::string pdf_file, out->PathFor(pdf));
  JBR_RETURN_IF_ERROR(PrintWithToc(entries, render, html_file, pdf_file, options).status());
  JBR_RETURN_IF_ERROR(out->Record(path));
  return out->Record(pdf);
}

Status PrintOne(const std::string& path, const std::string& title, const std::string& body,
                const std::string& pdf, const Publication& pub, Lang lang,
                const PdfOptions& options, OutputDir* out) {
  JBR_RETURN_IF_ERROR(out->Write(path, PrintDocument(lang, path, title, pub, body)));
  JBR_ASSIGN_OR_RETURN(std::string html_file, out->PathFor(path));
  JBR_ASSIGN_OR_RETURN(std::string pdf_file, out->PathFor(pdf));
  JBR_RETURN_IF_ERROR(PrintPdf(html_file, pdf_file, options));
  return out->Record(pdf);
}

// The ICT appendix: the overview, then every activity page, in one print page beside them.
std::string IctBody(const std::vector<SitePage>& pages, Lang lang) {
  std::string body;
  const std::string prefix = SitePath(lang, "ict/");
  for (const auto& p : pages) {
    if (p.lang != lang || p.path.rfind(prefix, 0) != 0) continue;
    const bool overview = p.path == prefix + "index.html";
    const std::string part =
        fmt::format("<section{}>\n<h2>{}</h2>\n{}</section>\n",
                    overview ? "" : " class=\"chapter\"", HtmlEscape(p.title), Demote(p.body));
    body = overview ? part + body : body + part;
  }
  return body;
}

}  // namespace

Status WritePdfs(const std::vector<SitePage>& pages, const Publication& pub,
                 const SiteConfig& config, const PdfOptions& options, OutputDir* out) {
  JBR_RETURN_IF_ERROR(options.Validate());
  const int year = pub.run.year;
  auto print_language = [&](Lang lang) -> Status {
    JBR_RETURN_IF_ERROR(PrintReport(pages, pub, config, lang, options, out));
    if (const SitePage* brief = FindPage(pages, lang, "hoofdlijnen.html")) {
      JBR_RETURN_IF_ERROR(PrintOne(
          SitePath(lang, "print-hoofdlijnen.html"), fmt::format("{} {}", brief->title, year),
          brief->body, fmt::format("pdf/jbr-{}-hoofdlijnen-{}.pdf", year, LangCode(lang)), pub,
          lang, options, out));
    }
    const std::string ict = IctBody(pages, lang);
    if (!ict.empty()) {
      JBR_RETURN_IF_ERROR(PrintOne(SitePath(lang, "ict/print.html"),
                                   fmt::format("{} {}", Tr(Msg::kLargeIctActivities, lang), year),
                                   ict, fmt::format("pdf/jbr-{}-ict-{}.pdf", year, LangCode(lang)),
                                   pub, lang, options, out));
    }
    return Status::Ok();
  };
  // The two languages print side by side: each Chromium lays out its pages on one core, and the
  // languages share nothing but the output directory's record (which locks). Every PDF's bytes are
  // the same as printed one after the other; the first language's error is reported first.
  auto english = std::async(std::launch::async, print_language, Lang::kEn);
  Status dutch = print_language(Lang::kNl);
  Status other = english.get();
  JBR_RETURN_IF_ERROR(dutch);
  return other;
}

}  // namespace jbr::publish
