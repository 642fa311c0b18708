// Review before publication. /anomalies?year=Y (coordinator): the year-on-year changes beyond the
// threshold (PortalOptions::anomaly_percent) and the breaks in each ministry's series, from the
// latest compute run of the year, each with a form for an append-only review note; and the
// deliveries a ministry made last year but not this year. /preview?year=Y (a steward: their own
// ministry; a coordinator: ?ministry=M): the ministry's figures of the latest compute run beside
// last year and the Rijk, as they will be published: a cell that will be suppressed shows "." and
// why, never a value (a suppressed cell's value is not even kept in the store), and the Rijk only
// as published. Another ministry's preview is 403 for a steward.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "indicators/engine.h"
#include "portal/anomalies.h"
#include "portal/html.h"
#include "portal/portal.h"
#include "publish/core/html.h"

namespace jbr::portal {
namespace {

constexpr size_t kMaxNote = 2000;

// The year asked for, or the latest year with a compute run (else with a delivery).
Result<std::optional<int>> ChosenYear(Call& c) {
  if (!Param(c, "year").empty()) {
    auto y = YearParam(c);
    if (!y) {
      (void)Fail(c, 400, c.T("give the year as four digits, e.g. 2021"));
      return std::optional<int>();
    }
    return y;
  }
  JBR_ASSIGN_OR_RETURN(auto runs, c.store->ListComputeRuns());
  int year = 0;
  for (const auto& r : runs) year = std::max(year, r.year);
  if (year == 0) {
    JBR_ASSIGN_OR_RETURN(auto all, c.store->ListDeliveries({}));
    for (const auto& d : all) year = std::max(year, d.year);
  }
  return std::optional<int>(year == 0 ? 2021 : year);
}

std::string YearForm(const Call& c, const char* action, int year, const std::string& extra = "") {
  return fmt::format(
      "<form method=\"get\" action=\"{}\"><p>{}<label for=\"year\">{}</label> "
      "<input id=\"year\" name=\"year\" type=\"number\" min=\"1990\" max=\"2100\" value=\"{}\"> "
      "<button type=\"submit\">{}</button></p></form>\n",
      action, extra, c.T("Year"), year, c.T("Show"));
}

std::string Title(const Call& c, const std::string& indicator) {
  for (const auto& d : c.portal.definitions) {
    if (d.id == indicator) return Escape(c.lang == Lang::kNl ? d.title_nl : d.title_en);
  }
  return Escape(indicator);
}

std::string Figure(const Call& c, const std::optional<double>& v, const std::string& unit) {
  return v ? publish::FormatFigure(*v, unit, c.lang) : "-";
}

std::string Signed(const Call& c, const std::optional<double>& v, int decimals) {
  return v ? publish::WithSign(publish::FormatDecimal(*v, decimals, c.lang), *v) : "-";
}

// ---- /anomalies ---------------------------------------------------------------------------

std::string NoteForm(const Call& c, int year, const Anomaly& a, size_t n) {
  return fmt::format(
      "<form method=\"post\" action=\"/anomalies\">{}<input type=\"hidden\" name=\"year\" "
      "value=\"{}\"><input type=\"hidden\" name=\"ministry\" value=\"{}\"><input type=\"hidden\" "
      "name=\"indicator\" value=\"{}\"><label for=\"note-{}\">{}</label> <input id=\"note-{}\" "
      "name=\"note\" maxlength=\"{}\" required> <button type=\"submit\">{}</button></form>",
      CsrfField(c.who), year, Escape(a.ministry), Escape(a.indicator), n, c.T("Review note"), n,
      kMaxNote, c.T("Record"));
}

std::string KindText(const Call& c, const Anomaly& a, double percent) {
  switch (a.kind) {
    case Anomaly::Kind::kChange:
      return a.change_percent ? fmt::format(fmt::runtime(c.T("change of more than {}%")),
                                            publish::FormatDecimal(percent, 1, c.lang))
                              : c.T("change from zero");
    case Anomaly::Kind::kGone:
      return c.T("break: a figure last year, none this year");
    case Anomaly::Kind::kNew:
      return c.T("break: no figure last year");
  }
  return "";
}

// Deliveries current last year of a ministry and dataset that have no current delivery this year.
Result<std::vector<std::vector<std::string>>> MissingDeliveries(Call& c, int year) {
  DeliveryFilter f;
  f.current_only = true;
  f.year = year;
  JBR_ASSIGN_OR_RETURN(auto now, c.store->ListDeliveries(f));
  f.year = year - 1;
  JBR_ASSIGN_OR_RETURN(auto then, c.store->ListDeliveries(f));
  std::set<std::pair<std::string, std::string>> have;
  for (const auto& d : now) have.insert({d.ministry, d.dataset});
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : then) {
    if (have.count({d.ministry, d.dataset}) > 0) continue;
    if (c.portal.ministries.Find(d.ministry, year) == nullptr) continue;  // no longer a ministry
    rows.push_back({Escape(d.ministry), Escape(d.dataset), std::to_string(d.id),
                    Escape(d.received_at.substr(0, 10))});
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

Status AnomaliesPage(Call& c) {
  if (!Allow(c, {"coordinator"})) return Status::Ok();
  JBR_ASSIGN_OR_RETURN(auto chosen, ChosenYear(c));
  if (!chosen) return Status::Ok();
  const int year = *chosen;
  const double percent = c.portal.options.anomaly_percent;
  std::string body = YearForm(c, "/anomalies", year);
  body += fmt::format(
      fmt::runtime(c.T("<p>Changes of a ministry's figure against last year of more than {}% "
                       "either way, and breaks in its series, from the latest compute run of {}: "
                       "the figures the publication will show. Record what you found out in a "
                       "review note; notes are kept for good.</p>\n")),
      publish::FormatDecimal(percent, 1, c.lang), year);
  JBR_ASSIGN_OR_RETURN(auto run, c.store->LatestComputeRun(year));
  JBR_ASSIGN_OR_RETURN(auto notes, c.store->jobs()->Notes(year));
  std::map<std::pair<std::string, std::string>, std::vector<const ReviewNote*>> by_cell;
  for (const auto& n : notes) by_cell[{n.ministry, n.indicator}].push_back(&n);
  if (!run) {
    body += Message(fmt::format(fmt::runtime(c.T("There is no compute run of {} yet: start one "
                                                 "at Jobs.")),
                                year),
                    false);
  } else {
    JBR_ASSIGN_OR_RETURN(auto values, c.store->ComputeRunValues(run->id));
    const auto anomalies = FindAnomalies(values, year, percent);
    std::vector<std::vector<std::string>> rows;
    rows.reserve(anomalies.size());
    size_t n = 0;
    for (const Anomaly& a : anomalies) {
      std::string written;
      auto it = by_cell.find({a.ministry, a.indicator});
      if (it != by_cell.end()) {
        written = "<ul class=\"notes\">";
        for (const ReviewNote* note : it->second) {
          written += fmt::format("<li>{} <span class=\"who\">({}, {})</span></li>",
                                 Escape(note->note), Escape(note->actor), Escape(note->at));
        }
        written += "</ul>";
      }
      rows.push_back(
          {Escape(a.ministry), Title(c, a.indicator) + " <code>" + Escape(a.indicator) + "</code>",
           Escape(KindText(c, a, percent)), Figure(c, a.previous, a.unit),
           Figure(c, a.value, a.unit),
           a.previous && a.value
               ? publish::WithSign(publish::FormatFigure(*a.value - *a.previous, a.unit, c.lang),
                                   *a.value - *a.previous)
               : "-",
           a.change_percent ? Signed(c, a.change_percent, 1) + "%" : "-",
           written + NoteForm(c, year, a, ++n)});
    }
    body +=
        fmt::format(fmt::runtime(c.T("<p>Compute run {} of {}.</p>\n")), run->id, Escape(run->at));
    body +=
        rows.empty()
            ? Message(c.T("No figure changed beyond the threshold, and no series broke."), false)
            : Table(
                  fmt::format(fmt::runtime(c.T("Anomalies of {}")), year),
                  {c.T("Ministry"), c.T("Indicator"), c.T("What"), fmt::format("{}", year - 1),
                   fmt::format("{}", year), c.T("Change"), c.T("Change (%)"), c.T("Review notes")},
                  rows);
  }
  JBR_ASSIGN_OR_RETURN(auto missing, MissingDeliveries(c, year));
  body +=
      missing.empty()
          ? Message(fmt::format(fmt::runtime(c.T("Every dataset delivered for {} was delivered "
                                                 "for {} too.")),
                                year - 1, year),
                    false)
          : Table(fmt::format(fmt::runtime(c.T("Delivered for {} but not (yet) for {}")), year - 1,
                              year),
                  {c.T("Ministry"), c.T("Dataset"), c.T("Last year's delivery"), c.T("Received")},
                  missing);
  Html(c, Page(c, fmt::format(fmt::runtime(c.T("Anomalies of {}")), year), body));
  return Status::Ok();
}

Status RecordNote(Call& c) {
  if (!Allow(c, {"coordinator"})) return Status::Ok();
  if (!CsrfOk(c, Param(c, "csrf"))) return Status::Ok();
  const auto year = YearParam(c);
  if (!year) return Fail(c, 400, c.T("give the year as four digits, e.g. 2021"));
  const std::string ministry = Param(c, "ministry");
  const std::string indicator = Param(c, "indicator");
  std::string note = Param(c, "note");
  while (!note.empty() && std::isspace(static_cast<unsigned char>(note.back()))) note.pop_back();
  while (!note.empty() && std::isspace(static_cast<unsigned char>(note.front()))) note.erase(0, 1);
  if (c.portal.ministries.Find(ministry, *year) == nullptr)
    return Fail(c, 400, c.T("there is no such ministry in that year"));
  const bool known = std::any_of(c.portal.definitions.begin(), c.portal.definitions.end(),
                                 [&](const IndicatorDef& d) { return d.id == indicator; });
  if (!known) return Fail(c, 400, c.T("there is no such indicator"));
  if (note.empty()) return Fail(c, 400, c.T("write a note first"));
  if (note.size() > kMaxNote) return Fail(c, 400, c.T("a note has at most 2000 characters"));
  ReviewNote n{0, *year, ministry, indicator, ReportText(note), c.who.name, c.ctx.now};
  JBR_ASSIGN_OR_RETURN(int64_t id, c.store->jobs()->AddNote(n));
  (void)LogAction(c.store, c.ctx, "review-note",
                  fmt::format("{}/{}/{}", indicator, ministry, *year), "ok",
                  nlohmann::json{{"note", id}}.dump());
  c.res.status = 303;
  c.res.set_header("Location", fmt::format("/anomalies?year={}", *year));
  return Status::Ok();
}

// ---- /preview -----------------------------------------------------------------------------

std::string Shown(const Call& c, const StoredValue& v) {
  if (v.status == "suppressed") return ".";
  if (v.status == "missing") return c.T("n.a.");
  return Figure(c, v.value, v.unit);
}

std::string Publication(const Call& c, const StoredValue& v) {
  if (v.status == "missing") return c.T("not delivered: shown as n.a.");
  if (v.status != "suppressed") return c.T("published");
  if (v.suppression == "primary")
    return c.T("will be suppressed (\".\"): too few persons or cases in this cell");
  if (v.suppression == "secondary")
    return c.T("will be suppressed (\".\"): it would reveal another suppressed cell");
  return c.T("will be suppressed (\".\")");
}

Status PreviewPage(Call& c) {
  if (!Allow(c, {"steward", "coordinator"})) return Status::Ok();
  std::string ministry = Param(c, "ministry");
  if (c.who.role == "steward") {
    if (!ministry.empty() && ministry != c.who.ministry) {
      (void)LogAction(c.store, c.ctx, "forbidden", "preview " + ministry, "refused");
      return Fail(c, 403, c.T("You may see the preview of your own ministry only."));
    }
    ministry = c.who.ministry;
  }
  JBR_ASSIGN_OR_RETURN(auto chosen, ChosenYear(c));
  if (!chosen) return Status::Ok();
  const int year = *chosen;
  std::string extra;
  if (c.who.role == "coordinator") {
    extra = fmt::format(
        "<label for=\"ministry\">{}</label> <input id=\"ministry\" name=\"ministry\" value=\"{}\" "
        "size=\"6\"> ",
        c.T("Ministry"), Escape(ministry));
  }
  std::string body = YearForm(c, "/preview", year, extra);
  if (ministry.empty()) {
    body += Message(c.T("Choose a ministry."), false);
    Html(c, Page(c, c.T("Preview"), body));
    return Status::Ok();
  }
  if (c.portal.ministries.Find(ministry, year) == nullptr)
    return Fail(c, 404, c.T("there is no such ministry in that year"));
  JBR_ASSIGN_OR_RETURN(auto run, c.store->LatestComputeRun(year));
  body += fmt::format(
      fmt::runtime(c.T("<p>The figures of {} for {} as they will be published, from the latest "
                       "compute run, beside last year and the Rijk. A cell shown as \".\" will be "
                       "suppressed in the publication to protect the people in it; its value is "
                       "not shown here either. The Rijk is shown as it will be published.</p>\n")),
      Escape(ministry), year);
  if (!run) {
    body +=
        Message(fmt::format(fmt::runtime(c.T("There is no compute run of {} yet.")), year), false);
    Html(c, Page(c, fmt::format(fmt::runtime(c.T("Preview of {} for {}")), ministry, year), body));
    return Status::Ok();
  }
  JBR_ASSIGN_OR_RETURN(auto values, c.store->ComputeRunValues(run->id));
  const std::string period = std::to_string(year);
  std::map<std::tuple<std::string, std::string, std::string>, const StoredValue*> rijk;
  for (const auto& v : values) {
    if (v.ministry == kRijk && v.period == period)
      rijk[{v.indicator, v.unit_type, v.category}] = &v;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& v : values) {
    if (v.ministry != ministry || v.period != period) continue;
    const auto r = rijk.find({v.indicator, v.unit_type, v.category});
    // The Rijk as it will be published (publish::Disclose drops what it must not show).
    std::string rijk_text = "-";
    if (r != rijk.end()) {
      const publish::PublishedValue p = publish::Disclose(*r->second);
      rijk_text = p.status == "suppressed" ? "."
                  : p.status == "missing"  ? std::string(c.T("n.a."))
                                           : Figure(c, p.value, p.unit);
    }
    const bool published = v.status == "published";
    rows.push_back(
        {Title(c, v.indicator) + " <code>" + Escape(v.indicator) + "</code>", Escape(v.unit_type),
         Escape(v.category), Shown(c, v),
         v.previous_status == "published"    ? Figure(c, v.previous, v.unit)
         : v.previous_status == "suppressed" ? "."
         : v.previous_status == "missing"    ? std::string(c.T("n.a."))
                                             : "-",
         published && v.previous && v.value
             ? publish::WithSign(publish::FormatFigure(*v.value - *v.previous, v.unit, c.lang),
                                 *v.value - *v.previous)
             : "-",
         rijk_text, Escape(Publication(c, v))});
  }
  body +=
      fmt::format(fmt::runtime(c.T("<p>Compute run {} of {}.</p>\n")), run->id, Escape(run->at));
  body += rows.empty()
              ? Message(c.T("The run has no figures of this ministry."), false)
              : Table(fmt::format(fmt::runtime(c.T("Figures of {} for {}")), ministry, year),
                      {c.T("Indicator"), c.T("Unit type"), c.T("Category"), fmt::format("{}", year),
                       fmt::format("{}", year - 1), c.T("Change"), c.T("Rijk"),
                       c.T("In the publication")},
                      rows);
  Html(c, Page(c, fmt::format(fmt::runtime(c.T("Preview of {} for {}")), ministry, year), body));
  return Status::Ok();
}

}  // namespace

void RegisterReviewRoutes(Router& r) {
  r.add("GET", "/anomalies", AnomaliesPage, false);
  r.add("POST", "/anomalies", RecordNote, false);
  r.add("GET", "/preview", PreviewPage, false);
}

}  // namespace jbr::portal
