#include "publish/site/site.h"
#include "publish/core/messages.h"

#include <fmt/format.h>

#include "indicators/engine.h"
#include "publish/core/figures.h"
#include "publish/site/highlights.h"
#include "publish/site/narrative.h"
#include "publish/site/site_blocks.h"
#include "publish/site/site_pages.h"

namespace jbr::publish {
namespace {

constexpr Lang kLangs[] = {Lang::kNl, Lang::kEn};

Lang Other(Lang l) { return l == Lang::kNl ? Lang::kEn : Lang::kNl; }

std::string Section(const char* id, const std::string& title, const std::string& body) {
  return fmt::format("<section id=\"{}\">\n<h2>{}</h2>\n{}</section>\n", id, HtmlEscape(title),
                     body);
}

DirectiveRenderer Directives(const BlockContext& ctx, const ChartDrawer& chart) {
  return [ctx, chart](const Directive& d) -> Result<std::string> {
    if (d.kind == "tiles") return Tiles(d.args, ctx);
    if (d.kind == "pagebreak") return std::string("<div class=\"page-break\"></div>\n");
    if (d.kind == "table" || d.kind == "chart") {
      if (d.args.empty()) return UsageError("names no indicator");
      const IndicatorDef* def = ctx.index->Definition(d.args[0]);
      if (def == nullptr) return UsageError(fmt::format("unknown indicator '{}'", d.args[0]));
      if (d.kind == "table") return IndicatorBlock(*def, ctx);
      return chart(*def, d.args, ctx);
    }
    return UsageError(
        fmt::format("unknown directive '{}' (tiles, chart, table or pagebreak)", d.kind));
  };
}

Result<SitePage> ChapterPage(const Chapter& ch, const FigureIndex& index, const SiteConfig& config,
                             Lang lang, const ChartDrawer& chart) {
  SitePage page{lang, SitePath(lang, ch.slug + ".html"), ch.Title(lang), "", false};
  BlockContext ctx{&index, &config, lang, page.path};
  JBR_ASSIGN_OR_RETURN(NarrativeSource src, config.Narrative(ch.slug, lang));
  JBR_ASSIGN_OR_RETURN(page.body, RenderNarrative(src, index, lang, Directives(ctx, chart)));
  std::string blocks;
  for (const auto& id : ch.indicators) {
    const IndicatorDef* def = index.Definition(id);
    if (def == nullptr) continue;  // not computed in this run (a theme left out): nothing to show
    blocks += IndicatorBlock(*def, ctx);
  }
  if (!blocks.empty()) {
    page.body += fmt::format("<section id=\"cijfers-{}\">\n<h2>{}</h2>\n{}</section>\n", ch.slug,
                             Tr(Msg::kFigures, lang), blocks);
  }
  return page;
}

Result<SitePage> NarrativePage(const std::string& name, const std::string& title,
                               const FigureIndex& index, const SiteConfig& config, Lang lang,
                               const std::string& extra, const ChartDrawer& chart) {
  SitePage page{lang, SitePath(lang, name + ".html"), title, "", false};
  BlockContext ctx{&index, &config, lang, page.path};
  JBR_ASSIGN_OR_RETURN(NarrativeSource src, config.Narrative(name, lang));
  JBR_ASSIGN_OR_RETURN(page.body, RenderNarrative(src, index, lang, Directives(ctx, chart)));
  page.body += extra;
  return page;
}

std::string Contents(const SiteConfig& config, Lang lang) {
  std::string list = "<ol class=\"toc\">\n";
  for (const auto& ch : config.chapters()) {
    list +=
        fmt::format("<li><a href=\"{}.html\">{}</a></li>\n", ch.slug, HtmlEscape(ch.Title(lang)));
  }
  list += fmt::format(
      "<li><a href=\"tabellen.html\">{}</a></li>\n<li><a href=\"ict/index.html\">{}</a></li>\n"
      "<li><a href=\"ministeries/index.html\">{}</a></li>\n<li><a "
      "href=\"verantwoording.html\">{}</a></li>\n</ol>\n",
      Tr(Msg::kAnnexTables, lang), Tr(Msg::kAnnexLargeIctActivities, lang),
      Tr(Msg::kByMinistry, lang), Tr(Msg::kMethodAndSources, lang));
  return list;
}

std::string Downloads(int year, Lang lang, bool pdf) {
  const char* code = LangCode(lang);
  const std::string pdfs = fmt::format(
      "<li><a href=\"../pdf/jbr-{0}-{1}.pdf\">{2} (PDF)</a></li>\n"
      "<li><a href=\"../pdf/jbr-{0}-hoofdlijnen-{1}.pdf\">{3} (PDF)</a></li>\n"
      "<li><a href=\"../pdf/jbr-{0}-ict-{1}.pdf\">{4} (PDF)</a></li>\n",
      year, code, Tr(Msg::kTheFullReport, lang), Tr(Msg::kHighlights, lang),
      Tr(Msg::kAnnexOnLargeIctActivities, lang));
  return fmt::format(
      "<ul class=\"downloads\">\n{1}"
      "<li><a href=\"../annex/jbr-{0}-tabellen.xlsx\">{2} (Excel)</a></li>\n"
      "<li><a href=\"../opendata/indicators.csv\">{3} (CSV)</a>, <a "
      "href=\"../opendata/indicators.json\">JSON</a>, <a "
      "href=\"../opendata/datapackage.json\">datapackage.json</a></li>\n</ul>\n",
      year, pdf ? pdfs : "", Tr(Msg::kAllTables, lang), "Open data");
}

// The public version: two pages of panels (highlights.h), its icons from templates/site/icons/.
Result<SitePage> HighlightsPage(const FigureIndex& index, const SiteConfig& config, Lang lang,
                                const ChartDrawer& chart, const PictureDrawer& picture) {
  SitePage page{lang, SitePath(lang, "hoofdlijnen.html"), Tr(Msg::kHighlights, lang), "", false};
  BlockContext ctx{&index, &config, lang, page.path};
  JBR_ASSIGN_OR_RETURN(NarrativeSource src, config.Narrative("hoofdlijnen", lang));
  auto icons = [&config](const std::string& kind) {
    return config.SiteFile("icons/" + kind + ".svg");
  };
  JBR_ASSIGN_OR_RETURN(page.body,
                       RenderHighlights(src, ctx, Directives(ctx, chart), picture, icons));
  return page;
}

}  // namespace

Result<std::vector<SitePage>> BuildReportPages(const Publication& pub, const SiteConfig& config,
                                               bool pdf, const ChartDrawer& chart,
                                               const PictureDrawer& picture) {
  const FigureIndex index(pub);
  std::vector<SitePage> pages;
  for (Lang lang : kLangs) {
    JBR_ASSIGN_OR_RETURN(
        SitePage home,
        NarrativePage("index", SiteName(pub.run.year, lang), index, config, lang,
                      Section("inhoud", Tr(Msg::kContents, lang), Contents(config, lang)) +
                          Section("downloads", "Downloads", Downloads(pub.run.year, lang, pdf)),
                      chart));
    pages.push_back(std::move(home));
    for (const auto& ch : config.chapters()) {
      JBR_ASSIGN_OR_RETURN(SitePage page, ChapterPage(ch, index, config, lang, chart));
      pages.push_back(std::move(page));
    }
    JBR_ASSIGN_OR_RETURN(SitePage brief, HighlightsPage(index, config, lang, chart, picture));
    pages.push_back(std::move(brief));
    pages.push_back(TablesPage(index, config, lang));
    pages.push_back(MethodPage(pub, index, config, lang));
    for (auto& p : MinistryPages(index, config, lang)) pages.push_back(std::move(p));
  }
  return pages;
}

Status WriteSite(const std::vector<SitePage>& pages, const Publication& pub,
                 const SiteConfig& config, OutputDir* out) {
  JBR_ASSIGN_OR_RETURN(std::string css, config.SiteFile("style.css"));
  JBR_RETURN_IF_ERROR(out->Write("assets/style.css", css));
  JBR_ASSIGN_OR_RETURN(std::string print_css, config.SiteFile("print.css"));
  JBR_RETURN_IF_ERROR(out->Write("assets/print.css", print_css));
  std::map<std::string, bool> exists;
  for (const auto& p : pages) exists[p.path] = true;
  for (const auto& p : pages) {
    PageSpec spec;
    spec.lang = p.lang;
    spec.path = p.path;
    spec.title = p.title;
    spec.body = p.body;
    spec.site_name = SiteName(pub.run.year, p.lang);
    spec.print = p.print;
    const std::string other = std::string(LangCode(Other(p.lang))) + p.path.substr(2);
    if (exists.count(other)) spec.alternate = other;
    spec.nav = Navigation(config, p.lang, exists);
    JBR_RETURN_IF_ERROR(out->Write(p.path, RenderPage(spec)));
  }
  PageSpec root;
  root.path = "index.html";
  root.title = SiteName(pub.run.year, Lang::kNl);
  root.site_name = "jbr";
  root.print = true;  // no navigation: this page is the choice of language
  root.body = fmt::format(
      "<p><a href=\"nl/index.html\">Nederlands</a></p>\n<p lang=\"en\"><a "
      "href=\"en/index.html\">English: {}</a></p>\n",
      HtmlEscape(SiteName(pub.run.year, Lang::kEn)));
  return out->Write("index.html", RenderPage(root));
}

}  // namespace jbr::publish
