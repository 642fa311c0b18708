// The ICT appendix's overview page and the texts the ICT pages share (ict_pages.h).
#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "publish/core/messages.h"
#include "publish/ict/ict_html.h"
#include "publish/ict/ict_pages.h"

namespace jbr::publish {
namespace {

using ict_html::Date;
using ict_html::HtmlTable;
using ict_html::Money;

struct Translation {
  const char* nl;
  const char* en;
};

constexpr Translation kStatuses[] = {{"not_started", "Nog niet gestart"},
                                     {"in_progress", "In uitvoering"},
                                     {"reorientation", "In heroriëntatie"},
                                     {"completed", "Afgerond"},
                                     {"cancelled", "Geannuleerd"}};
constexpr Translation kStatusEn[] = {{"not_started", "not started"},
                                     {"in_progress", "in progress"},
                                     {"reorientation", "reorientation"},
                                     {"completed", "completed"},
                                     {"cancelled", "cancelled"}};
// Verbatim Dutch class labels and their English translation.
constexpr Translation kClassEn[] = {{"Eerder", "earlier"},
                                    {"Ongewijzigd", "unchanged"},
                                    {"Later ≤1 jaar", "later, up to 1 year"},
                                    {"Later >1 jaar", "later, over 1 year"},
                                    {"Doorlooptijd onbekend", "duration unknown"},
                                    {"Later < 50%", "later, under 50%"},
                                    {"Later 50-100%", "later, 50-100%"},
                                    {"Later >= 100%", "later, 100% or more"},
                                    {"(Geen kosten bekend)", "no cost known"}};

const char* Lookup(const Translation* table, size_t n, std::string_view key) {
  for (size_t i = 0; i < n; ++i) {
    if (key == table[i].nl) return table[i].en;
  }
  return nullptr;
}

void Count(std::map<std::string, int>* m, const std::string& key) { (*m)[key] += 1; }

void AddIncluded(const IctActivity& a, IctKeyFigures* k) {
  const IctActivityFigures& f = a.figures;
  k->included += 1;
  Count(&k->by_status, f.status);
  if (f.initial) k->cost_initial += f.initial->cost_eur.value_or(0);
  if (f.current) {
    k->cost_current += f.current->cost_eur.value_or(0);
    k->cost_actual += f.current->spend_eur.value_or(0);
  }
  Count(&k->by_cost, f.cost_class);
  if (f.slip_class != kSlipUnknown) Count(&k->by_slip, f.slip_class);
  if (!f.duration_class.empty()) Count(&k->by_duration, f.duration_class);
  for (const auto& r : f.reassessments) {
    k->reassessments += 1;
    for (const auto& reason : r.reasons) Count(&k->by_reason, reason);
  }
  if (a.acict_advice) k->acict_advice += 1;
}

// One table of counts by category: the categories of `order` first, in that order and with 0
// when none (a table has the same rows every year), then any other in label order. Labels shown
// as IctStatusLabel (status codes) or IctClassLabel.
std::string CountTable(const std::string& caption, const std::map<std::string, int>& counts,
                       const std::vector<std::string>& order, Lang lang, bool status,
                       const std::string& region) {
  std::vector<std::pair<std::string, int>> ordered;
  for (const auto& label : order) {
    auto it = counts.find(label);
    ordered.emplace_back(label, it == counts.end() ? 0 : it->second);
  }
  for (const auto& [label, n] : counts) {
    if (std::find(order.begin(), order.end(), label) == order.end()) ordered.emplace_back(label, n);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& [label, n] : ordered) {
    rows.push_back({HtmlEscape(status ? IctStatusLabel(label, lang) : IctClassLabel(label, lang)),
                    std::to_string(n)});
  }
  return HtmlTable(HtmlEscape(caption), {Tr(Msg::kCategory, lang), Tr(Msg::kNumber, lang)}, rows,
                   region);
}

template <size_t N>
std::vector<std::string> Labels(const char* const (&labels)[N]) {
  return std::vector<std::string>(labels, labels + N);
}

std::string KeyFigureTable(const IctKeyFigures& k, int year, Lang lang, const std::string& region) {
  const std::string change = k.cost_change_pct
                                 ? HtmlEscape(FormatSigned(*k.cost_change_pct, 1, lang) + "%")
                                 : ict_html::Unknown(lang);
  return ict_html::FactTable(
      HtmlEscape(fmt::format("{} {}", Tr(Msg::kKeyFigures, lang), year)),
      {{Tr(Msg::kActivitiesInTheReport, lang), std::to_string(k.included)},
       {Tr(Msg::kInitialWholeLifeEstimate, lang), Money(k.cost_initial, lang)},
       {Tr(Msg::kCurrentWholeLifeEstimate, lang), Money(k.cost_current, lang)},
       {Tr(Msg::kActualCostToDate, lang), Money(k.cost_actual, lang)},
       {Tr(Msg::kChangeInEstimatedCost, lang), change},
       {Tr(Msg::kReassessmentsInTheYear, lang), std::to_string(k.reassessments)},
       {Tr(Msg::kActivitiesWithAcictAdvice, lang), std::to_string(k.acict_advice)},
       {Tr(Msg::kStaleActivitiesNoRecordIn, lang), std::to_string(k.stale)}},
      lang, region);
}

std::string OverviewRow(const IctActivity& a, const std::string& path, Lang lang) {
  const IctActivityFigures& f = a.figures;
  const auto cost = [](const std::optional<IctRecord>& r) {
    return r ? r->cost_eur : std::optional<double>();
  };
  const auto end = [](const std::optional<IctRecord>& r) {
    return r ? r->end_date : std::optional<Days>();
  };
  // Links are relative to the overview, which lives in ict/ as the activity pages do.
  const std::string file = path.substr(path.find('/') + 1);
  std::vector<std::string> row = {
      HtmlEscape(f.ministry),
      "<a href=\"" + HtmlEscape(file) + "\">" + HtmlEscape(f.name) + "</a>",
      HtmlEscape(IctStatusLabel(f.status, lang)),
      Money(cost(f.initial), lang),
      Money(cost(f.current), lang),
      Date(end(f.initial), lang),
      Date(end(f.current), lang),
      std::to_string(f.reassessments.size()),
      IctDate(f.reference_date, lang),
      f.stale ? Tr(Msg::kStale, lang) : Tr(Msg::kUpToDate, lang)};
  std::string out = "<tr><td>" + row[0] + "</td><th scope=\"row\">" + row[1] + "</th>";
  for (size_t i = 2; i < row.size(); ++i) out += "<td>" + row[i] + "</td>";
  return out + "</tr>\n";
}

std::string OverviewTable(const IctPortfolio& p, const std::vector<std::string>& paths, Lang lang,
                          const std::string& region) {
  const std::vector<std::string> headers = {
      Tr(Msg::kMinistry, lang),       Tr(Msg::kIctActivity, lang),
      Tr(Msg::kStatus, lang),         Tr(Msg::kInitialCost, lang),
      Tr(Msg::kCurrentCost, lang),    Tr(Msg::kInitialEndDate, lang),
      Tr(Msg::kCurrentEndDate, lang), Tr(Msg::kReassessmentsInTheYear, lang),
      Tr(Msg::kReferenceDate, lang),  Tr(Msg::kUpToDate2, lang)};
  std::string out =
      "<table>\n<caption>" +
      HtmlEscape(fmt::format("{} {}", Tr(Msg::kAllActivitiesInTheReport, lang), p.year)) +
      "</caption>\n<thead><tr>";
  for (const auto& h : headers) out += "<th scope=\"col\">" + HtmlEscape(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  size_t page = 0;
  for (const auto& a : p.activities) {
    if (a.figures.included) out += OverviewRow(a, paths[page++], lang);
  }
  return ict_html::ScrollRegion(out + "</tbody>\n</table>\n", region);
}

}  // namespace

IctKeyFigures ComputeIctKeyFigures(const IctPortfolio& portfolio) {
  IctKeyFigures k;
  for (const auto& a : portfolio.activities) {
    const IctActivityFigures& f = a.figures;
    if (f.included) AddIncluded(a, &k);
    if (f.stale && (f.status == "in_progress" || f.status == "reorientation")) k.stale += 1;
  }
  if (k.cost_initial > 0) {
    k.cost_change_pct = (k.cost_current - k.cost_initial) / k.cost_initial * 100;
  }
  return k;
}

std::string IctActivityPath(std::string_view id) {
  std::string safe;
  for (char c : id) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || (c == '.' && !safe.empty());
    safe += keep ? c : '_';
  }
  return "ict/" + (safe.empty() ? std::string("_") : safe) + ".html";
}

std::string IctDate(Days d, Lang lang) {
  int y = 0, m = 0, day = 0;
  CivilFromDays(d, &y, &m, &day);
  return lang == Lang::kNl ? fmt::format("{:02}-{:02}-{:04}", day, m, y)
                           : fmt::format("{:04}-{:02}-{:02}", y, m, day);
}

std::string IctStatusLabel(std::string_view status, Lang lang) {
  const char* nl = Lookup(kStatuses, std::size(kStatuses), status);
  if (nl == nullptr) return std::string(status);
  const char* en = Lookup(kStatusEn, std::size(kStatusEn), status);
  return lang == Lang::kNl ? nl : fmt::format("{} ({})", nl, en);
}

std::string IctClassLabel(std::string_view label, Lang lang) {
  const char* en = Lookup(kClassEn, std::size(kClassEn), label);
  if (lang == Lang::kNl || en == nullptr) return std::string(label);
  return fmt::format("{} ({})", label, en);
}

std::string IctOverviewTitle(int year, Lang lang) {
  return fmt::format("{} {}", Tr(Msg::kLargeIctActivities, lang), year);
}

// The overview page; `paths` are the activity pages' paths, one per included activity.
std::string IctOverviewHtml(const IctPortfolio& p, const std::vector<std::string>& paths,
                            Lang lang) {
  const IctKeyFigures k = ComputeIctKeyFigures(p);
  const std::string region = HtmlEscape(IctOverviewTitle(p.year, lang));  // the shell's <h1>
  std::string out = KeyFigureTable(k, p.year, lang, region);
  out += CountTable(Tr(Msg::kActivitiesByStatus, lang), k.by_status,
                    {"in_progress", "reorientation", "completed", "cancelled"}, lang, true, region);
  out += CountTable(Tr(Msg::kActivitiesByCurrentCostClass, lang), k.by_cost, Labels(kCostClasses),
                    lang, false, region);
  out += CountTable(Tr(Msg::kActivitiesByChangeOfEnd, lang), k.by_slip, Labels(kSlipClasses), lang,
                    false, region);
  out += CountTable(Tr(Msg::kActivitiesByChangeOfDuration, lang), k.by_duration,
                    Labels(kDurationClasses), lang, false, region);
  out += CountTable(Tr(Msg::kReasonsForReassessmentsInThe, lang), k.by_reason, {}, lang, false,
                    region);
  out += "<h2>" + HtmlEscape(Tr(Msg::kOverview, lang)) + "</h2>\n";
  out += OverviewTable(p, paths, lang, region);
  return out;
}

}  // namespace jbr::publish
