// The method page ("Verantwoording"): how every figure was made and from what.
#include <fmt/format.h>

#include "publish/site_pages.h"

namespace jbr::publish {
namespace {

std::string DisclosureText(const IndicatorDef& def, Lang lang) {
  const bool nl = lang == Lang::kNl;
  switch (def.disclosure) {
    case Disclosure::kPersonCount:
      return nl ? "telling van personen: onderdrukt bij 1 tot 9 personen"
                : "a count of persons: suppressed at 1 to 9 persons";
    case Disclosure::kPersonStatistic:
      return nl ? "cijfer over personen: onderdrukt bij minder dan 10 personen"
                : "a figure over persons: suppressed below 10 persons";
    case Disclosure::kIntegrityCount:
      return nl ? "integriteitszaken: onderdrukt bij 1 tot 4 zaken"
                : "integrity cases: suppressed at 1 to 4 cases";
    case Disclosure::kNone:
      break;
  }
  return nl ? "geen (niet over personen)" : "none (not about persons)";
}

std::string Definitions(const Publication& pub, Lang lang) {
  const bool nl = lang == Lang::kNl;
  std::string out;
  for (const auto& d : pub.definitions) {
    out += fmt::format(
        "<section class=\"definition\" id=\"{}\">\n<h3>{}</h3>\n<dl>\n<dt>{}</dt><dd><code>{}</code>"
        "</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt>"
        "<dd>{}</dd>\n",
        HtmlEscape(d.id), HtmlEscape(nl ? d.title_nl : d.title_en), "Id", HtmlEscape(d.id),
        nl ? "Definitie" : "Definition", HtmlEscape(nl ? d.definition_nl : d.definition_en),
        nl ? "Eenheid" : "Unit", HtmlEscape(d.unit), nl ? "Leveringen" : "Datasets",
        HtmlEscape(fmt::format("{}", fmt::join(d.datasets, ", "))),
        nl ? "Onthullingsbeheersing" : "Disclosure control", HtmlEscape(DisclosureText(d, lang)));
    if (d.norm) {
      out += fmt::format("<dt>{}</dt><dd>{} ({})</dd>\n", nl ? "Norm" : "Norm",
                         HtmlEscape(NormText(d, lang)), HtmlEscape(d.norm->source));
    }
    out += "</dl>\n</section>\n";
  }
  return out;
}

std::string Deliveries(const Publication& pub, const SiteConfig& config, Lang lang) {
  const bool nl = lang == Lang::kNl;
  std::string rows;
  for (const auto& d : pub.deliveries) {
    rows += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>\n",
        d.id, HtmlEscape(d.dataset), HtmlEscape(config.MinistryName(d.ministry, lang)), d.year,
        HtmlEscape(d.received_at), HtmlEscape(d.sha256));
  }
  return fmt::format(
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\">\n<table>\n"
      "<caption>{0}</caption>\n<thead><tr><th scope=\"col\">{1}</th><th scope=\"col\">{2}</th>"
      "<th scope=\"col\">{3}</th><th scope=\"col\">{4}</th><th scope=\"col\">{5}</th><th "
      "scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n{6}</tbody>\n</table>\n</div>\n",
      nl ? "Gebruikte leveringen" : "Deliveries used", nl ? "Levering" : "Delivery",
      nl ? "Gegevensset" : "Dataset", nl ? "Ministerie" : "Ministry", nl ? "Jaar" : "Year",
      nl ? "Ontvangen" : "Received", rows);
}

std::string Sources(const Publication& pub, Lang lang) {
  const bool nl = lang == Lang::kNl;
  return fmt::format(
      "<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd><code>{}</code></dd>\n<dt>{}</dt><dd>{}</dd>\n"
      "</dl>\n",
      nl ? "Berekening" : "Computation", HtmlEscape(fmt::format("{} ({})", pub.run.id, pub.run.at)),
      nl ? "Versie van de definities" : "Definition version", HtmlEscape(pub.run.definition_version),
      nl ? "Emissiefactoren" : "Emission factors", HtmlEscape(pub.run.factor_vintage));
}

std::string Rules(Lang lang) {
  if (lang == Lang::kNl) {
    return "<p>Geen gepubliceerde cel mag een persoon herkenbaar maken. Een telling van personen "
           "wordt onderdrukt bij 1 tot 9 personen, een percentage of gemiddelde over minder dan 10 "
           "personen ook, integriteitszaken bij 1 tot 4. Waar een tabel totalen heeft, worden zo "
           "nodig meer cellen onderdrukt zodat geen cel uit de andere kan worden teruggerekend; "
           "elke onderdrukte cel is daarna gecontroleerd door de grenzen te berekenen waarbinnen "
           "zij kan liggen. Dezelfde cellen zijn onderdrukt op de website, in de PDF, in Excel, in "
           "de grafieken en in de open data, steeds met het teken \".\".</p>\n";
  }
  return "<p>No published cell may single out a person. A count of persons is suppressed at 1 to "
         "9 persons, a percentage or mean over fewer than 10 persons too, integrity cases at 1 to "
         "4. Where a table has totals, more cells are suppressed where needed so that no cell can "
         "be recomputed from the others; every suppressed cell was then audited by solving the "
         "bounds it can take. The same cells are suppressed on the website, in the PDF, in Excel, "
         "in the charts and in the open data, always with the mark \".\".</p>\n";
}

}  // namespace

SitePage MethodPage(const Publication& pub, const FigureIndex& index, const SiteConfig& config,
                    Lang lang) {
  (void)index;
  const bool nl = lang == Lang::kNl;
  SitePage page{lang, SitePath(lang, "verantwoording.html"),
                nl ? "Verantwoording" : "Method and sources", "", false};
  page.body = fmt::format(
      "<section id=\"bronnen\">\n<h2>{}</h2>\n{}{}</section>\n"
      "<section id=\"onthulling\">\n<h2>{}</h2>\n{}</section>\n"
      "<section id=\"definities\">\n<h2>{}</h2>\n{}</section>\n",
      nl ? "Berekening en leveringen" : "Computation and deliveries", Sources(pub, lang),
      Deliveries(pub, config, lang), nl ? "Bescherming van personen" : "Protecting persons",
      Rules(lang), nl ? "Definities" : "Definitions", Definitions(pub, lang));
  return page;
}

}  // namespace jbr::publish
