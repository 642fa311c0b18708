// The method page ("Verantwoording"): how every figure was made and from what.
#include <fmt/format.h>

#include "publish/site/site_pages.h"

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

// Where the time series' years come from, and the years it leaves out.
std::string SeriesSources(const Publication& pub, Lang lang) {
  const bool nl = lang == Lang::kNl;
  std::string runs;
  for (const auto& y : pub.series) {
    if (!runs.empty()) runs += "; ";
    runs += y.year == pub.run.year - 1
                ? fmt::format("{}: {}", y.year, nl ? "uit deze berekening" : "from this computation")
                : fmt::format("{}: {} {}", y.year, nl ? "berekening" : "computation", y.run_id);
  }
  if (runs.empty()) runs = nl ? "geen eerdere jaren" : "no earlier years";
  std::string out = fmt::format("<dt>{}</dt><dd>{}</dd>\n", nl ? "Tijdreeks" : "Time series",
                                HtmlEscape(runs));
  for (const auto& [year, run] : pub.series_gaps) {
    out += fmt::format(
        "<dt>{}</dt><dd>{}</dd>\n", nl ? "Niet in de tijdreeks" : "Not in the time series",
        nl ? fmt::format("{}: berekening {} gebruikte andere definities; bereken {} opnieuw",
                         year, run, year)
           : fmt::format("{}: computation {} used other definitions; compute {} again", year,
                         run, year));
  }
  return out;
}

std::string Sources(const Publication& pub, Lang lang) {
  const bool nl = lang == Lang::kNl;
  return fmt::format(
      "<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd><code>{}</code></dd>\n<dt>{}</dt><dd>{}</dd>\n"
      "{}</dl>\n",
      nl ? "Berekening" : "Computation", HtmlEscape(fmt::format("{} ({})", pub.run.id, pub.run.at)),
      nl ? "Versie van de definities" : "Definition version", HtmlEscape(pub.run.definition_version),
      nl ? "Emissiefactoren" : "Emission factors", HtmlEscape(pub.run.factor_vintage),
      SeriesSources(pub, lang));
}

// The figures read across the turn of the year without an adjacent year's delivery, as the run
// recorded them (Publication::adjacent_gaps): nothing when there were none.
std::string AdjacentGaps(const Publication& pub, const FigureIndex& index, const SiteConfig& config,
                         Lang lang) {
  if (pub.adjacent_gaps.empty()) return "";
  const bool nl = lang == Lang::kNl;
  std::string rows;
  for (const auto& g : pub.adjacent_gaps) {
    std::string ministries, indicators;
    for (const auto& m : g.ministries) {
      ministries += (ministries.empty() ? "" : ", ") + config.MinistryName(m, lang);
    }
    for (const auto& id : g.indicators) {
      const IndicatorDef* def = index.Definition(id);
      indicators += (indicators.empty() ? "" : ", ") + (def ? (nl ? def->title_nl : def->title_en) : id);
    }
    rows += fmt::format("<tr><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td></tr>\n", g.year,
                        HtmlEscape(g.dataset), g.other_year, HtmlEscape(ministries),
                        HtmlEscape(indicators));
  }
  return fmt::format(
      "<h3>{0}</h3>\n<p>{1}</p>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
      "aria-label=\"{0}\">\n<table>\n<caption>{0}</caption>\n<thead><tr><th scope=\"col\">{2}</th>"
      "<th scope=\"col\">{3}</th><th scope=\"col\">{4}</th><th scope=\"col\">{5}</th></tr></thead>\n"
      "<tbody>\n{6}</tbody>\n</table>\n</div>\n",
      nl ? "Gelezen zonder de levering van een aangrenzend jaar"
         : "Read without the delivery of an adjacent year",
      nl ? "Instroom en uitstroom tellen personen zonder dienstverband op de dag ervoor of erna. "
           "Daarvoor wordt ook de levering van het jaar ervoor (31 december) en erna (1 januari) "
           "gelezen. Waar die ontbrak, is het cijfer uit de levering van het jaar zelf gelezen: een "
           "verlenging op 1 januari kan dan als instroom tellen, en een einde op 31 december dat "
           "een verlenging was als uitstroom. Dat gold voor deze ministeries."
         : "Inflow and outflow count persons without an employment on the day before or after. "
           "For that, the delivery of the year before (31 December) and after (1 January) is read "
           "too. Where it was not there, the figure was read from the year's own delivery: a "
           "renewal on 1 January may then count as inflow, and an end on 31 December that was "
           "renewed as outflow. That was so for these ministries.",
      nl ? "Jaar van het cijfer" : "Year of the figure",
      nl ? "Ontbrekende levering" : "Delivery not there", nl ? "Ministeries" : "Ministries",
      nl ? "Cijfers" : "Figures", rows);
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

std::string RestatedValue(const std::optional<double>& v, const std::string& status,
                          const std::string& unit, Lang lang) {
  if (status == "suppressed") return kSuppressedMark;
  if (!v) return MissingMark(lang);
  return FormatFigure(*v, unit, lang);
}

std::string Restatements(const Publication& pub, const FigureIndex& index,
                         const SiteConfig& config, Lang lang) {
  const bool nl = lang == Lang::kNl;
  if (pub.restatements.empty()) {
    return nl ? "<p>Geen: alle cijfers over vorig jaar zijn gelijk aan die in de eerste publicatie "
                "van dat jaar.</p>\n"
              : "<p>None: every figure for last year equals the one in that year's first "
                "release.</p>\n";
  }
  std::string rows;
  for (const auto& r : pub.restatements) {
    const IndicatorDef* def = index.Definition(r.indicator);
    const std::string unit = def ? def->unit : "";
    std::string cell = r.period;
    if (!r.unit_type.empty()) cell += ", " + config.Label(r.unit_type, lang);
    if (!r.category.empty()) cell += ", " + config.Label(r.category, lang);
    rows += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>\n",
        HtmlEscape(def ? (nl ? def->title_nl : def->title_en) : r.indicator), HtmlEscape(r.ministry),
        HtmlEscape(cell), HtmlEscape(RestatedValue(r.old_value, r.old_status, unit, lang)),
        HtmlEscape(RestatedValue(r.new_value, r.new_status, unit, lang)),
        HtmlEscape(r.first_release), HtmlEscape(r.cause));
  }
  return fmt::format(
      "<p>{}</p>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">\n"
      "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">Indicator</th><th "
      "scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th "
      "scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n"
      "<tbody>\n{}</tbody>\n</table>\n</div>\n",
      nl ? "Deze cijfers over vorig jaar wijken af van de eerste publicatie van dat jaar. Het "
           "rapport toont de nieuwe waarde, gemarkeerd als herzien."
         : "These figures for last year differ from that year's first release. The report shows "
           "the new value, marked as restated.",
      nl ? "Herzieningen" : "Restatements", nl ? "Herziene cijfers" : "Restated figures",
      nl ? "Ministerie" : "Ministry", nl ? "Cel" : "Cell", nl ? "Eerder" : "Before",
      nl ? "Nu" : "Now", nl ? "Publicatie" : "Release", nl ? "Oorzaak" : "Cause", rows);
}

}  // namespace

SitePage MethodPage(const Publication& pub, const FigureIndex& index, const SiteConfig& config,
                    Lang lang) {
  const bool nl = lang == Lang::kNl;
  SitePage page{lang, SitePath(lang, "verantwoording.html"),
                nl ? "Verantwoording" : "Method and sources", "", false};
  page.body = fmt::format(
      "<section id=\"bronnen\">\n<h2>{}</h2>\n{}{}{}</section>\n"
      "<section id=\"onthulling\">\n<h2>{}</h2>\n{}</section>\n"
      "<section id=\"herzieningen\">\n<h2>{}</h2>\n{}</section>\n"
      "<section id=\"definities\">\n<h2>{}</h2>\n{}</section>\n",
      nl ? "Berekening en leveringen" : "Computation and deliveries", Sources(pub, lang),
      Deliveries(pub, config, lang), AdjacentGaps(pub, index, config, lang),
      nl ? "Bescherming van personen" : "Protecting persons",
      Rules(lang), nl ? "Herzieningen" : "Restatements",
      Restatements(pub, index, config, lang), nl ? "Definities" : "Definitions",
      Definitions(pub, lang));
  return page;
}

}  // namespace jbr::publish
