// The page per ICT activity, and the list of pages (ict_pages.h).
#include "publish/ict/ict_pages.h"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include "publish/ict/ict_html.h"

namespace jbr::publish {
namespace {

using ict_html::Date;
using ict_html::FactTable;
using ict_html::HtmlTable;
using ict_html::Money;
using ict_html::Tr;
using ict_html::Unknown;

std::optional<double> CostOf(const std::optional<IctRecord>& r) {
  return r ? r->cost_eur : std::nullopt;
}
std::optional<Days> EndOf(const std::optional<IctRecord>& r) {
  return r ? r->end_date : std::nullopt;
}

std::string Text(const std::string& s, Lang lang) {
  return s.empty() ? Tr(lang, "niet opgegeven", "not given") : HtmlEscape(s);
}

std::string H2(const std::string& nl, const std::string& en, Lang lang) {
  return "<h2>" + HtmlEscape(Tr(lang, nl, en)) + "</h2>\n";
}

std::string General(const IctActivity& a, int year, Lang lang, const std::string& region) {
  const IctActivityFigures& f = a.figures;
  return H2("Algemeen", "General", lang) +
         FactTable(Tr(lang, "Algemene gegevens", "General data"),
                   {{Tr(lang, "Nummer", "Number"), HtmlEscape(f.activity_id)},
                    {Tr(lang, "Ministerie", "Ministry"), HtmlEscape(f.ministry)},
                    {Tr(lang, "Organisatie", "Organisation"), Text(f.organisation, lang)},
                    {Tr(lang, "Status", "Status"), HtmlEscape(IctStatusLabel(f.status, lang))},
                    {Tr(lang, "Soort ICT-activiteit", "Kind"), Text(a.kind, lang)},
                    {Tr(lang, "Ontwikkelwijze", "Method"), Text(a.method, lang)},
                    {Tr(lang, "Onderwerp", "Subjects"), Text(a.subjects, lang)},
                    {Tr(lang, "Omschrijving", "Description"), Text(a.description, lang)},
                    {Tr(lang, "Peildatum", "Reference date"), IctDate(f.reference_date, lang)},
                    {Tr(lang, "AcICT-advies", "AcICT advice"),
                     a.acict_advice ? Tr(lang, "ja", "yes") : Tr(lang, "nee", "no")},
                    {Tr(lang, "Actualiteit", "Up to date"),
                     f.stale ? HtmlEscape(fmt::format(
                                   "{} {}", Tr(lang, "verouderd: geen registratie in",
                                               "stale: no record in"),
                                   year))
                             : Tr(lang, "actueel", "up to date")}},
                   lang, region);
}

std::string Costs(const IctActivity& a, Lang lang, const std::string& region) {
  const IctActivityFigures& f = a.figures;
  const auto initial = CostOf(f.initial), current = CostOf(f.current);
  std::string diff = Unknown(lang);
  if (initial && current) {
    diff = HtmlEscape(FormatFigure(*current - *initial, "EUR", lang));
    if (*initial > 0) {
      diff += HtmlEscape(
          fmt::format(" ({}%)", FormatSigned((*current - *initial) / *initial * 100, 1, lang)));
    }
  }
  const auto rec_date = [&](const std::optional<IctRecord>& r) {
    return r ? " (" + IctDate(r->date, lang) + ")" : std::string();
  };
  std::string out = H2("Kosten", "Costs", lang);
  out += FactTable(
      Tr(lang, "Geschatte meerjarige kosten: initieel naast actueel",
         "Whole-life cost estimate: initial next to current"),
      {{Tr(lang, "Initiële schatting", "Initial estimate") + rec_date(f.initial),
        Money(initial, lang)},
       {Tr(lang, "Actuele schatting", "Current estimate") + rec_date(f.current),
        Money(current, lang)},
       {Tr(lang, "Verschil", "Difference"), diff},
       {Tr(lang, "Gerealiseerd tot nu", "Spent to date"),
        Money(f.current ? f.current->spend_eur : std::nullopt, lang)},
       {Tr(lang, "Prognose toekomstige kosten", "Forecast remaining cost"),
        Money(f.remaining_cost_eur, lang)},
       {Tr(lang, "Actuele kostencategorie", "Current cost class"),
        HtmlEscape(IctClassLabel(f.cost_class, lang))}},
      lang, region);
  const IctCategoryCosts& c = a.current_categories;
  if (!c.any()) return out;
  const std::vector<std::string> headers = {Tr(lang, "Categorie", "Category"),
                                            Tr(lang, "Schatting", "Estimate"),
                                            Tr(lang, "Gerealiseerd", "Spent")};
  return out + HtmlTable(
                   HtmlEscape(Tr(lang, "Actuele kosten per categorie", "Current cost by category")),
                   headers,
                   {{Tr(lang, "Intern personeel", "Internal staff"),
                     Money(c.internal_staff_estimate, lang), Money(c.internal_staff_spend, lang)},
                    {Tr(lang, "Extern personeel", "External staff"),
                     Money(c.external_staff_estimate, lang), Money(c.external_staff_spend, lang)},
                    {Tr(lang, "Overig materieel", "Other material"),
                     Money(c.other_material_estimate, lang), Money(c.other_material_spend, lang)}},
                   region);
}

std::string Duration(const IctActivityFigures& f, Lang lang, const std::string& region) {
  const auto years = [&](std::optional<double> y) {
    return y ? HtmlEscape(FormatDecimal(*y, 1, lang) + Tr(lang, " jaar", " years")) : Unknown(lang);
  };
  // Months between the initial and the current end date: the slip in years x 12, rounded.
  const std::string months =
      f.end_slip_years
          ? HtmlEscape(FormatSigned(std::round(*f.end_slip_years * 12), 0, lang) +
                       Tr(lang, " maanden", " months"))
          : Unknown(lang);
  return H2("Doorlooptijd", "Duration", lang) +
         FactTable(Tr(lang, "Doorlooptijd: initieel naast actueel",
                      "Duration: initial next to current"),
                   {{Tr(lang, "Startdatum", "Start date"), IctDate(f.start_date, lang)},
                    {Tr(lang, "Initiële einddatum", "Initial end date"), Date(EndOf(f.initial), lang)},
                    {Tr(lang, "Actuele einddatum", "Current end date"), Date(EndOf(f.current), lang)},
                    {Tr(lang, "Verschil einddatum", "Change of end date"), months},
                    {Tr(lang, "Doorlooptijd initieel", "Initial duration"),
                     years(f.initial_duration_years)},
                    {Tr(lang, "Actuele doorlooptijd", "Current duration"),
                     years(f.current_duration_years)},
                    {Tr(lang, "Aanpassing einddatum", "End-date change class"),
                     HtmlEscape(IctClassLabel(f.slip_class, lang))},
                    {Tr(lang, "Verschil doorlooptijd", "Duration change class"),
                     f.duration_class.empty() ? Unknown(lang)
                                              : HtmlEscape(IctClassLabel(f.duration_class, lang))}},
                   lang, region);
}

std::string Join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

std::string Reassessments(const IctActivityFigures& f, int year, Lang lang,
                          const std::string& region) {
  std::string out = H2("Herijkingen", "Reassessments", lang);
  if (f.reassessments.empty()) {
    return out + "<p>" +
           HtmlEscape(fmt::format("{} {}.", Tr(lang, "Geen herijking in", "No reassessment in"),
                                  year)) +
           "</p>\n";
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : f.reassessments) {
    rows.push_back({IctDate(r.date, lang), HtmlEscape(Join(r.reasons, "; ")),
                    Money(r.cost_eur, lang), Date(r.end_date, lang)});
  }
  return out + HtmlTable(HtmlEscape(fmt::format("{} {}", Tr(lang, "Herijkingen in",
                                                            "Reassessments in"),
                                                year)),
                         {Tr(lang, "Datum", "Date"), Tr(lang, "Redenen", "Reasons"),
                          Tr(lang, "Geschatte kosten", "Cost estimate"),
                          Tr(lang, "Geschatte einddatum", "End date estimate")},
                         rows, region);
}

std::string Details(const IctActivity& a, Lang lang, const std::string& region) {
  std::string out;
  const std::string yes = Tr(lang, "ja", "yes"), no = Tr(lang, "nee", "no");
  if (!a.milestones.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : a.milestones) {
      rows.push_back({HtmlEscape(m.description), Date(m.expected, lang),
                      m.realised ? IctDate(*m.realised, lang) : std::string("-"),
                      m.achieved ? yes : no});
    }
    out += H2("Mijlpalen", "Milestones", lang) +
           HtmlTable(Tr(lang, "Mijlpalen", "Milestones"),
                     {Tr(lang, "Mijlpaal", "Milestone"), Tr(lang, "Verwacht", "Expected"),
                      Tr(lang, "Gerealiseerd", "Realised"), Tr(lang, "Behaald", "Achieved")},
                     rows, region);
  }
  if (!a.reviews.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : a.reviews) {
      rows.push_back({IctDate(r.date, lang), HtmlEscape(r.party), HtmlEscape(r.kind)});
    }
    out += H2("Kwaliteitstoetsen", "Quality reviews", lang) +
           HtmlTable(Tr(lang, "Kwaliteitstoetsen", "Quality reviews"),
                     {Tr(lang, "Datum", "Date"), Tr(lang, "Partij", "Party"),
                      Tr(lang, "Soort", "Kind")},
                     rows, region);
  }
  if (!a.papers.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : a.papers) {
      const bool web = p.link.rfind("https://", 0) == 0 || p.link.rfind("http://", 0) == 0;
      const std::string title = web ? "<a href=\"" + HtmlEscape(p.link) + "\">" +
                                          HtmlEscape(p.title) + "</a>"
                                    : HtmlEscape(p.title);
      rows.push_back({IctDate(p.date, lang), HtmlEscape(p.number), title,
                      p.acict_advice ? yes : no});
    }
    out += H2("Kamerstukken", "Parliamentary papers", lang) +
           HtmlTable(Tr(lang, "Kamerstukken", "Parliamentary papers"),
                     {Tr(lang, "Datum", "Date"), Tr(lang, "Nummer", "Number"),
                      Tr(lang, "Titel", "Title"), Tr(lang, "AcICT-advies", "AcICT advice")},
                     rows, region);
  }
  return out;
}

std::string ActivityHtml(const IctActivity& a, int year, Lang lang) {
  const IctActivityFigures& f = a.figures;
  const std::string region = HtmlEscape(f.name);  // the page's title, in the shell's <h1>
  std::string out;
  if (f.stale) {
    out += "<p class=\"ict-stale\"><strong>" + Tr(lang, "Verouderd:", "Stale:") + "</strong> " +
           HtmlEscape(fmt::format("{} {}.",
                                  Tr(lang, "de nieuwste registratie is van voor",
                                     "the newest record predates"),
                                  year)) +
           "</p>\n";
  }
  return out + General(a, year, lang, region) + Costs(a, lang, region) +
         Duration(f, lang, region) + Reassessments(f, year, lang, region) +
         Details(a, lang, region);
}

// File paths of the included activities, unique: a collision gets "~2", "~3", ...
std::vector<std::string> UniquePaths(const IctPortfolio& p) {
  std::set<std::string> taken = {"ict/index.html"};
  std::vector<std::string> out;
  for (const auto& a : p.activities) {
    if (!a.figures.included) continue;
    const std::string base = IctActivityPath(a.figures.activity_id);
    std::string path = base;
    for (int n = 2; taken.count(path); ++n) {
      path = base.substr(0, base.size() - 5) + fmt::format("~{}.html", n);
    }
    taken.insert(path);
    out.push_back(path);
  }
  return out;
}

}  // namespace

std::vector<IctPage> IctPages(const IctPortfolio& portfolio, Lang lang) {
  const std::vector<std::string> paths = UniquePaths(portfolio);
  std::vector<IctPage> pages;
  pages.push_back({"ict/index.html", IctOverviewTitle(portfolio.year, lang),
                   IctOverviewHtml(portfolio, paths, lang)});
  size_t i = 0;
  for (const auto& a : portfolio.activities) {
    if (!a.figures.included) continue;
    pages.push_back({paths[i++], a.figures.name, ActivityHtml(a, portfolio.year, lang)});
  }
  return pages;
}

}  // namespace jbr::publish
