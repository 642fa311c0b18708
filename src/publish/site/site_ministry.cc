// The ministry pages, the tables annex and the navigation.
#include <fmt/format.h>

#include "indicators/engine.h"
#include "publish/core/messages.h"
#include "publish/site/site_pages.h"

namespace jbr::publish {
namespace {

std::string Title(const IndicatorDef& d, Lang lang) {
  return lang == Lang::kNl ? d.title_nl : d.title_en;
}

std::string MinistryTable(const Chapter& ch, const std::string& code, const FigureIndex& index,
                          const SiteConfig& config, Lang lang) {
  const std::string year = std::to_string(index.year());
  std::string rows;
  for (const auto& id : ch.indicators) {
    const IndicatorDef* def = index.Definition(id);
    const PublishedValue* v = def ? index.Find(id, code, year) : nullptr;
    if (v == nullptr) continue;
    const PublishedValue* rijk = index.Find(id, kRijk, year);
    const std::string prev =
        v->status == "published" && v->previous ? FormatFigure(*v->previous, v->unit, lang) : "";
    rows += fmt::format(
        "<tr><th scope=\"row\"><a href=\"../{}.html#{}\">{}</a></th>{}<td>{}</td>"
        "<td>{}</td>{}</tr>\n",
        ch.slug, HtmlEscape(id), HtmlEscape(Title(*def, lang)), ValueTd(v, lang), HtmlEscape(prev),
        HtmlEscape(ChangeCell(*v, lang)), ValueTd(rijk, lang));
  }
  if (rows.empty()) return "";
  const std::string title = HtmlEscape(ch.Title(lang));
  const std::string caption =
      fmt::format("{}: {}, {}", title, HtmlEscape(config.MinistryName(code, lang)), year);
  const std::string table = fmt::format(
      "<table>\n<caption>{0}</caption>\n<thead><tr><th scope=\"col\">{1}</th><th "
      "scope=\"col\">{2}</th><th scope=\"col\">{3}</th><th scope=\"col\">{4}</th><th "
      "scope=\"col\">Rijk {2}</th></tr></thead>\n<tbody>\n{5}</tbody>\n</table>\n",
      caption, Tr(Msg::kIndicator, lang), year, index.year() - 1, Tr(Msg::kChange, lang), rows);
  return fmt::format("<section>\n<h2>{}</h2>\n{}</section>\n", title, ScrollTable(table, caption));
}

}  // namespace

std::vector<SitePage> MinistryPages(const FigureIndex& index, const SiteConfig& config, Lang lang) {
  std::vector<SitePage> pages;
  std::string list = "<ul class=\"ministries\">\n";
  for (const auto& code : index.Ministries()) {
    const std::string name = config.MinistryName(code, lang);
    list += fmt::format("<li><a href=\"{}.html\">{} ({})</a></li>\n", HtmlEscape(code),
                        HtmlEscape(name), HtmlEscape(code));
    SitePage page{lang, SitePath(lang, "ministeries/" + code + ".html"), name, "", false};
    page.body = fmt::format("<p>{}</p>\n", Tr(Msg::kThisMinistrySFiguresNext, lang));
    for (const auto& ch : config.chapters())
      page.body += MinistryTable(ch, code, index, config, lang);
    pages.push_back(std::move(page));
  }
  list += "</ul>\n";
  pages.push_back(SitePage{lang, SitePath(lang, "ministeries/index.html"),
                           Tr(Msg::kByMinistry, lang), list, false});
  return pages;
}

SitePage TablesPage(const FigureIndex& index, const SiteConfig& config, Lang lang) {
  SitePage page{lang, SitePath(lang, "tabellen.html"), Tr(Msg::kAnnexTables, lang), "", false};
  BlockContext ctx{&index, &config, lang, page.path};
  std::string toc = "<ul class=\"toc\">\n";
  std::string body;
  for (const auto& def : index.pub().definitions) {
    toc += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", HtmlEscape(def.id),
                       HtmlEscape(Title(def, lang)));
    body += FullTable(def, ctx);
  }
  page.body =
      fmt::format("<p>{}</p>\n<nav aria-label=\"{}\">{}</ul></nav>\n{}",
                  Tr(Msg::kAllTablesByMinistryThe, lang), Tr(Msg::kTables, lang), toc, body);
  return page;
}

std::vector<NavLink> Navigation(const SiteConfig& config, Lang lang,
                                const std::map<std::string, bool>& exists) {
  std::vector<NavLink> nav{{SitePath(lang, "index.html"), Tr(Msg::kHome, lang)}};
  for (const auto& ch : config.chapters())
    nav.push_back({SitePath(lang, ch.slug + ".html"), ch.Title(lang)});
  const std::pair<const char*, std::string> extra[] = {
      {"hoofdlijnen.html", Tr(Msg::kHighlights, lang)},
      {"ministeries/index.html", Tr(Msg::kByMinistry, lang)},
      {"tabellen.html", Tr(Msg::kTables, lang)},
      {"ict/index.html", Tr(Msg::kIctActivities, lang)},
      {"verantwoording.html", Tr(Msg::kMethod2, lang)}};
  for (const auto& [page, label] : extra) {
    if (exists.count(SitePath(lang, page))) nav.push_back({SitePath(lang, page), label});
  }
  return nav;
}

}  // namespace jbr::publish
