// The page per ICT activity, and the list of pages (ict_pages.h).
#include "publish/ict/ict_pages.h"
#include "publish/core/messages.h"

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
using ict_html::Unknown;

std::optional<double> CostOf(const std::optional<IctRecord>& r) {
  return r ? r->cost_eur : std::nullopt;
}
std::optional<Days> EndOf(const std::optional<IctRecord>& r) {
  return r ? r->end_date : std::nullopt;
}

std::string Text(const std::string& s, Lang lang) {
  return s.empty() ? Tr(Msg::kNotGiven, lang) : HtmlEscape(s);
}

std::string H2(const std::string& text) { return "<h2>" + HtmlEscape(text) + "</h2>\n"; }

std::string General(const IctActivity& a, int year, Lang lang, const std::string& region) {
  const IctActivityFigures& f = a.figures;
  return H2(Tr(Msg::kGeneral, lang)) +
         FactTable(
             Tr(Msg::kGeneralData, lang),
             {{Tr(Msg::kNumber2, lang), HtmlEscape(f.activity_id)},
              {Tr(Msg::kMinistry, lang), HtmlEscape(f.ministry)},
              {Tr(Msg::kOrganisation, lang), Text(f.organisation, lang)},
              {Tr(Msg::kStatus, lang), HtmlEscape(IctStatusLabel(f.status, lang))},
              {Tr(Msg::kKind, lang), Text(a.kind, lang)},
              {Tr(Msg::kMethod, lang), Text(a.method, lang)},
              {Tr(Msg::kSubjects, lang), Text(a.subjects, lang)},
              {Tr(Msg::kDescription, lang), Text(a.description, lang)},
              {Tr(Msg::kReferenceDate, lang), IctDate(f.reference_date, lang)},
              {Tr(Msg::kAcictAdvice, lang),
               a.acict_advice ? Tr(Msg::kYes, lang) : Tr(Msg::kNo, lang)},
              {Tr(Msg::kUpToDate2, lang),
               f.stale ? HtmlEscape(fmt::format("{} {}", Tr(Msg::kStaleNoRecordIn, lang), year))
                       : Tr(Msg::kUpToDate, lang)}},
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
  std::string out = H2(Tr(Msg::kCosts, lang));
  out += FactTable(
      Tr(Msg::kWholeLifeCostEstimateInitial, lang),
      {{Tr(Msg::kInitialEstimate, lang) + rec_date(f.initial), Money(initial, lang)},
       {Tr(Msg::kCurrentEstimate, lang) + rec_date(f.current), Money(current, lang)},
       {Tr(Msg::kDifference, lang), diff},
       {Tr(Msg::kSpentToDate, lang), Money(f.current ? f.current->spend_eur : std::nullopt, lang)},
       {Tr(Msg::kForecastRemainingCost, lang), Money(f.remaining_cost_eur, lang)},
       {Tr(Msg::kCurrentCostClass, lang), HtmlEscape(IctClassLabel(f.cost_class, lang))}},
      lang, region);
  const IctCategoryCosts& c = a.current_categories;
  if (!c.any()) return out;
  const std::vector<std::string> headers = {Tr(Msg::kCategory, lang), Tr(Msg::kEstimate, lang),
                                            Tr(Msg::kSpent, lang)};
  return out + HtmlTable(HtmlEscape(Tr(Msg::kCurrentCostByCategory, lang)), headers,
                         {{Tr(Msg::kInternalStaff, lang), Money(c.internal_staff_estimate, lang),
                           Money(c.internal_staff_spend, lang)},
                          {Tr(Msg::kExternalStaff, lang), Money(c.external_staff_estimate, lang),
                           Money(c.external_staff_spend, lang)},
                          {Tr(Msg::kOtherMaterial, lang), Money(c.other_material_estimate, lang),
                           Money(c.other_material_spend, lang)}},
                         region);
}

std::string Duration(const IctActivityFigures& f, Lang lang, const std::string& region) {
  const auto years = [&](std::optional<double> y) {
    return y ? HtmlEscape(FormatDecimal(*y, 1, lang) + Tr(Msg::kYears, lang)) : Unknown(lang);
  };
  // Months between the initial and the current end date: the slip in years x 12, rounded.
  const std::string months =
      f.end_slip_years ? HtmlEscape(FormatSigned(std::round(*f.end_slip_years * 12), 0, lang) +
                                    Tr(Msg::kMonths, lang))
                       : Unknown(lang);
  return H2(Tr(Msg::kDuration, lang)) +
         FactTable(
             Tr(Msg::kDurationInitialNextToCurrent, lang),
             {{Tr(Msg::kStartDate, lang), IctDate(f.start_date, lang)},
              {Tr(Msg::kInitialEndDate, lang), Date(EndOf(f.initial), lang)},
              {Tr(Msg::kCurrentEndDate, lang), Date(EndOf(f.current), lang)},
              {Tr(Msg::kChangeOfEndDate, lang), months},
              {Tr(Msg::kInitialDuration, lang), years(f.initial_duration_years)},
              {Tr(Msg::kCurrentDuration, lang), years(f.current_duration_years)},
              {Tr(Msg::kEndDateChangeClass, lang), HtmlEscape(IctClassLabel(f.slip_class, lang))},
              {Tr(Msg::kDurationChangeClass, lang),
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
  std::string out = H2(Tr(Msg::kReassessments, lang));
  if (f.reassessments.empty()) {
    return out + "<p>" + HtmlEscape(fmt::format("{} {}.", Tr(Msg::kNoReassessmentIn, lang), year)) +
           "</p>\n";
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : f.reassessments) {
    rows.push_back({IctDate(r.date, lang), HtmlEscape(Join(r.reasons, "; ")),
                    Money(r.cost_eur, lang), Date(r.end_date, lang)});
  }
  return out + HtmlTable(HtmlEscape(fmt::format("{} {}", Tr(Msg::kReassessmentsIn, lang), year)),
                         {Tr(Msg::kDate, lang), Tr(Msg::kReasons, lang),
                          Tr(Msg::kCostEstimate, lang), Tr(Msg::kEndDateEstimate, lang)},
                         rows, region);
}

std::string Details(const IctActivity& a, Lang lang, const std::string& region) {
  std::string out;
  const std::string yes = Tr(Msg::kYes, lang), no = Tr(Msg::kNo, lang);
  if (!a.milestones.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : a.milestones) {
      rows.push_back({HtmlEscape(m.description), Date(m.expected, lang),
                      m.realised ? IctDate(*m.realised, lang) : std::string("-"),
                      m.achieved ? yes : no});
    }
    out += H2(Tr(Msg::kMilestones, lang)) +
           HtmlTable(Tr(Msg::kMilestones, lang),
                     {Tr(Msg::kMilestone, lang), Tr(Msg::kExpected, lang), Tr(Msg::kRealised, lang),
                      Tr(Msg::kAchieved, lang)},
                     rows, region);
  }
  if (!a.reviews.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : a.reviews) {
      rows.push_back({IctDate(r.date, lang), HtmlEscape(r.party), HtmlEscape(r.kind)});
    }
    out += H2(Tr(Msg::kQualityReviews, lang)) +
           HtmlTable(Tr(Msg::kQualityReviews, lang),
                     {Tr(Msg::kDate, lang), Tr(Msg::kParty, lang), Tr(Msg::kKind2, lang)}, rows,
                     region);
  }
  if (!a.papers.empty()) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : a.papers) {
      const bool web = p.link.rfind("https://", 0) == 0 || p.link.rfind("http://", 0) == 0;
      const std::string title =
          web ? "<a href=\"" + HtmlEscape(p.link) + "\">" + HtmlEscape(p.title) + "</a>"
              : HtmlEscape(p.title);
      rows.push_back(
          {IctDate(p.date, lang), HtmlEscape(p.number), title, p.acict_advice ? yes : no});
    }
    out += H2(Tr(Msg::kParliamentaryPapers, lang)) +
           HtmlTable(Tr(Msg::kParliamentaryPapers, lang),
                     {Tr(Msg::kDate, lang), Tr(Msg::kNumber2, lang), Tr(Msg::kTitle, lang),
                      Tr(Msg::kAcictAdvice, lang)},
                     rows, region);
  }
  return out;
}

std::string ActivityHtml(const IctActivity& a, int year, Lang lang) {
  const IctActivityFigures& f = a.figures;
  const std::string region = HtmlEscape(f.name);  // the page's title, in the shell's <h1>
  std::string out;
  if (f.stale) {
    out += "<p class=\"ict-stale\"><strong>" + Tr(Msg::kStale2, lang) + "</strong> " +
           HtmlEscape(fmt::format("{} {}.", Tr(Msg::kTheNewestRecordPredates, lang), year)) +
           "</p>\n";
  }
  return out + General(a, year, lang, region) + Costs(a, lang, region) + Duration(f, lang, region) +
         Reassessments(f, year, lang, region) + Details(a, lang, region);
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
