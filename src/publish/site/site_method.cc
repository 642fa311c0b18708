// The method page ("Verantwoording"): how every figure was made and from what.
#include <fmt/format.h>

#include "publish/core/messages.h"
#include "publish/site/site_pages.h"

namespace jbr::publish {
namespace {

std::string DisclosureText(const IndicatorDef& def, Lang lang) {
  switch (def.disclosure) {
    case Disclosure::kPersonCount:
      return Tr(Msg::kACountOfPersonsSuppressed, lang);
    case Disclosure::kPersonStatistic:
      return Tr(Msg::kAFigureOverPersonsSuppressed, lang);
    case Disclosure::kIntegrityCount:
      return Tr(Msg::kIntegrityCasesSuppressedAt1, lang);
    case Disclosure::kNone:
      break;
  }
  return Tr(Msg::kNoneNotAboutPersons, lang);
}

std::string Definitions(const Publication& pub, Lang lang) {
  const bool nl = lang == Lang::kNl;
  std::string out;
  for (const auto& d : pub.definitions) {
    out += fmt::format(
        "<section class=\"definition\" "
        "id=\"{}\">\n<h3>{}</h3>\n<dl>\n<dt>{}</dt><dd><code>{}</code>"
        "</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt>"
        "<dd>{}</dd>\n",
        HtmlEscape(d.id), HtmlEscape(nl ? d.title_nl : d.title_en), "Id", HtmlEscape(d.id),
        Tr(Msg::kDefinition, lang), HtmlEscape(nl ? d.definition_nl : d.definition_en),
        Tr(Msg::kUnit, lang), HtmlEscape(d.unit), Tr(Msg::kDatasets, lang),
        HtmlEscape(fmt::format("{}", fmt::join(d.datasets, ", "))),
        Tr(Msg::kDisclosureControl, lang), HtmlEscape(DisclosureText(d, lang)));
    if (d.norm) {
      out += fmt::format("<dt>{}</dt><dd>{} ({})</dd>\n", Tr(Msg::kNorm, lang),
                         HtmlEscape(NormText(d, lang)), HtmlEscape(d.norm->source));
    }
    out += "</dl>\n</section>\n";
  }
  return out;
}

std::string Deliveries(const Publication& pub, const SiteConfig& config, Lang lang) {
  std::string rows;
  for (const auto& d : pub.deliveries) {
    rows += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></"
        "tr>\n",
        d.id, HtmlEscape(d.dataset), HtmlEscape(config.MinistryName(d.ministry, lang)), d.year,
        HtmlEscape(d.received_at), HtmlEscape(d.sha256));
  }
  return fmt::format(
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{0}\">\n<table>\n"
      "<caption>{0}</caption>\n<thead><tr><th scope=\"col\">{1}</th><th scope=\"col\">{2}</th>"
      "<th scope=\"col\">{3}</th><th scope=\"col\">{4}</th><th scope=\"col\">{5}</th><th "
      "scope=\"col\">SHA-256</th></tr></thead>\n<tbody>\n{6}</tbody>\n</table>\n</div>\n",
      Tr(Msg::kDeliveriesUsed, lang), Tr(Msg::kDelivery, lang), Tr(Msg::kDataset, lang),
      Tr(Msg::kMinistry, lang), Tr(Msg::kYear, lang), Tr(Msg::kReceived, lang), rows);
}

// Where the time series' years come from, and the years it leaves out.
std::string SeriesSources(const Publication& pub, Lang lang) {
  std::string runs;
  for (const auto& y : pub.series) {
    if (!runs.empty()) runs += "; ";
    runs += y.year == pub.run.year - 1
                ? fmt::format("{}: {}", y.year, Tr(Msg::kFromThisComputation, lang))
                : fmt::format("{}: {} {}", y.year, Tr(Msg::kComputation, lang), y.run_id);
  }
  if (runs.empty()) runs = Tr(Msg::kNoEarlierYears, lang);
  std::string out =
      fmt::format("<dt>{}</dt><dd>{}</dd>\n", Tr(Msg::kTimeSeries, lang), HtmlEscape(runs));
  for (const auto& [year, run] : pub.series_gaps) {
    out +=
        fmt::format("<dt>{}</dt><dd>{}</dd>\n", Tr(Msg::kNotInTheTimeSeries, lang),
                    fmt::format(fmt::runtime(Tr(Msg::kComputationUsedOtherDefinitionsCompu, lang)),
                                year, run, year));
  }
  return out;
}

std::string Sources(const Publication& pub, Lang lang) {
  return fmt::format(
      "<dl>\n<dt>{}</dt><dd>{}</dd>\n<dt>{}</dt><dd><code>{}</code></dd>\n<dt>{}</dt><dd>{}</dd>\n"
      "{}</dl>\n",
      Tr(Msg::kComputation2, lang), HtmlEscape(fmt::format("{} ({})", pub.run.id, pub.run.at)),
      Tr(Msg::kDefinitionVersion, lang), HtmlEscape(pub.run.definition_version),
      Tr(Msg::kEmissionFactors, lang), HtmlEscape(pub.run.factor_vintage),
      SeriesSources(pub, lang));
}

// The figures read across the turn of the year without an adjacent year's delivery, as the run
// recorded them (Publication::adjacent_gaps): nothing when there were none.
std::string AdjacentGaps(const Publication& pub, const FigureIndex& index, const SiteConfig& config,
                         Lang lang) {
  if (pub.adjacent_gaps.empty()) return "";
  std::string rows;
  for (const auto& g : pub.adjacent_gaps) {
    std::string ministries, indicators;
    for (const auto& m : g.ministries) {
      ministries += (ministries.empty() ? "" : ", ") + config.MinistryName(m, lang);
    }
    for (const auto& id : g.indicators) {
      const IndicatorDef* def = index.Definition(id);
      indicators += (indicators.empty() ? "" : ", ") +
                    (def ? (lang == Lang::kNl ? def->title_nl : def->title_en) : id);
    }
    rows += fmt::format("<tr><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td></tr>\n", g.year,
                        HtmlEscape(g.dataset), g.other_year, HtmlEscape(ministries),
                        HtmlEscape(indicators));
  }
  return fmt::format(
      "<h3>{0}</h3>\n<p>{1}</p>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" "
      "aria-label=\"{0}\">\n<table>\n<caption>{0}</caption>\n<thead><tr><th scope=\"col\">{2}</th>"
      "<th scope=\"col\">{3}</th><th scope=\"col\">{4}</th><th "
      "scope=\"col\">{5}</th></tr></thead>\n"
      "<tbody>\n{6}</tbody>\n</table>\n</div>\n",
      Tr(Msg::kReadWithoutAnAdjacentYear, lang), Tr(Msg::kReadWithoutAnAdjacentYearText, lang),
      Tr(Msg::kYearOfTheFigure, lang), Tr(Msg::kDeliveryNotThere, lang), Tr(Msg::kMinistries, lang),
      Tr(Msg::kFigures, lang), rows);
}

std::string Rules(Lang lang) { return Tr(Msg::kProtectionRules, lang); }

std::string RestatedValue(const std::optional<double>& v, const std::string& status,
                          const std::string& unit, Lang lang) {
  if (status == "suppressed") return kSuppressedMark;
  if (!v) return MissingMark(lang);
  return FormatFigure(*v, unit, lang);
}

std::string Restatements(const Publication& pub, const FigureIndex& index, const SiteConfig& config,
                         Lang lang) {
  const bool nl = lang == Lang::kNl;
  if (pub.restatements.empty()) {
    return Tr(Msg::kNoneEveryFigureForLast, lang);
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
        HtmlEscape(def ? (nl ? def->title_nl : def->title_en) : r.indicator),
        HtmlEscape(r.ministry), HtmlEscape(cell),
        HtmlEscape(RestatedValue(r.old_value, r.old_status, unit, lang)),
        HtmlEscape(RestatedValue(r.new_value, r.new_status, unit, lang)),
        HtmlEscape(r.first_release), HtmlEscape(r.cause));
  }
  return fmt::format(
      "<p>{}</p>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">\n"
      "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">Indicator</th><th "
      "scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th "
      "scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n"
      "<tbody>\n{}</tbody>\n</table>\n</div>\n",
      Tr(Msg::kTheseFiguresForLastYear, lang), Tr(Msg::kRestatements, lang),
      Tr(Msg::kRestatedFigures, lang), Tr(Msg::kMinistry, lang), Tr(Msg::kCell, lang),
      Tr(Msg::kBefore, lang), Tr(Msg::kNow, lang), Tr(Msg::kRelease, lang), Tr(Msg::kCause, lang),
      rows);
}

}  // namespace

SitePage MethodPage(const Publication& pub, const FigureIndex& index, const SiteConfig& config,
                    Lang lang) {
  SitePage page{lang, SitePath(lang, "verantwoording.html"), Tr(Msg::kMethodAndSources, lang), "",
                false};
  page.body = fmt::format(
      "<section id=\"bronnen\">\n<h2>{}</h2>\n{}{}{}</section>\n"
      "<section id=\"onthulling\">\n<h2>{}</h2>\n{}</section>\n"
      "<section id=\"herzieningen\">\n<h2>{}</h2>\n{}</section>\n"
      "<section id=\"definities\">\n<h2>{}</h2>\n{}</section>\n",
      Tr(Msg::kComputationAndDeliveries, lang), Sources(pub, lang), Deliveries(pub, config, lang),
      AdjacentGaps(pub, index, config, lang), Tr(Msg::kProtectingPersons, lang), Rules(lang),
      Tr(Msg::kRestatements, lang), Restatements(pub, index, config, lang),
      Tr(Msg::kDefinitions, lang), Definitions(pub, lang));
  return page;
}

}  // namespace jbr::publish
