#include "publish/chart/highlights.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "indicators/engine.h"
#include "publish/chart/pictures.h"
#include "publish/core/messages.h"

namespace jbr::publish {
namespace {

using pictures::Value;

struct Panel {
  const BlockContext& ctx;
  std::string T(Msg m) const { return Tr(m, ctx.lang); }
  // The catalogue's singular `one` when `shown` is written as 1, else its plural `many`.
  std::string Count(const std::string& shown, Msg one, Msg many) const {
    return CountWord(shown, Tr(one, ctx.lang), Tr(many, ctx.lang));
  }
  // The catalogue's text of `m` with its {} fields filled in, in order.
  template <typename... Args>
  std::string F(Msg m, const Args&... args) const {
    return fmt::format(fmt::runtime(Tr(m, ctx.lang)), args...);
  }
  std::string year(int offset = 0) const { return std::to_string(ctx.index->year() + offset); }
  const PublishedValue* Rijk(const std::string& id, const std::string& period = "",
                             const std::string& category = "") const {
    return ctx.index->Find(id, kRijk, period.empty() ? year() : period, "", category);
  }
  Value Of(const PublishedValue* v) const {
    if (v == nullptr) return {std::nullopt, MissingMark(ctx.lang), ""};
    Value out{std::nullopt, CellText(*v, ctx.lang), CellKey(*v)};
    if (v->status == "published") out.value = v->value;
    return out;
  }
  Value Previous(const PublishedValue* v) const {
    return Of(v ? Rijk(v->indicator, year(-1), v->category) : nullptr);
  }
  std::string Id(const std::string& name) const { return "hl-" + name; }
  std::string Figure(double v, const char* unit) const { return FormatFigure(v, unit, ctx.lang); }
  std::vector<std::string> Years() const {
    std::vector<std::string> ys;
    for (int y : ctx.index->SeriesYears()) ys.push_back(std::to_string(y));
    return ys;
  }
  pictures::YearBarsSpec ByYear(const std::string& indicator, const std::string& name) const {
    pictures::YearBarsSpec s;
    s.id = Id(name);
    s.years = Years();
    for (const auto& y : s.years) s.values.push_back(Of(Rijk(indicator, y)));
    return s;
  }
  // "2019: 13.100, 2020: 13.674, 2021: 14.309".
  static std::string List(const std::vector<std::string>& years, const std::vector<Value>& vs) {
    std::string out;
    for (size_t i = 0; i < years.size(); ++i) {
      out += fmt::format("{}{}: {}", i ? ", " : "", years[i], vs[i].text);
    }
    return out;
  }
  static std::string Wrap(const std::string& pictures) {
    return "<div class=\"hl-pictures\">\n" + pictures + "</div>\n";
  }
};

std::string Staff(const Panel& p) {
  const PublishedValue* head = p.Rijk("personnel.headcount");
  const Value v = p.Of(head);
  pictures::UnitChartSpec u;
  u.id = p.Id("staff-units");
  u.unit = 1000;
  u.count = v.value.value_or(0);
  // More than 200 marks no longer read as a picture: then one stands for ten times as many. A small
  // organisation (fewer than 24 thousand) gets one per 500, 200 or 100, so that it is still a
  // crowd.
  while (pictures::MarkCount(u.count, u.unit) > 200) u.unit *= 10;
  for (double finer : {500.0, 200.0, 100.0}) {
    if (pictures::MarkCount(u.count, u.unit) >= 24) break;
    u.unit = finer;
  }
  const std::string per = p.Figure(u.unit, "persons");
  u.legend = p.F(Msg::kHlStaffLegend, per);
  const std::string marks = std::to_string(pictures::MarkCount(u.count, u.unit));
  u.message =
      p.F(Msg::kHlStaffMessage, marks, p.Count(marks, Msg::kHlWordFigure, Msg::kHlWordFigures), per,
          v.text, p.Count(v.text, Msg::kHlWordEmployee, Msg::kHlWordEmployees), p.year());
  auto bars = p.ByYear("personnel.headcount", "staff-years");
  bars.message = p.F(Msg::kHlStaffByYear, Panel::List(bars.years, bars.values));
  return Panel::Wrap(pictures::UnitChart(u) + pictures::YearBars(bars));
}

std::string People(const Panel& p) {
  pictures::NormBarSpec w;
  w.id = p.Id("women-senior");
  const PublishedValue* women = p.Rijk("personnel.women_share_senior");
  w.value = p.Of(women);
  w.previous = p.Previous(women);
  w.previous_label = p.year(-1);
  w.norm = 50;
  w.norm_label = p.T(Msg::kHlHalf);
  w.color = "#a90061";
  w.message = p.F(Msg::kHlWomenMessage, w.value.text, p.year(), w.previous->text, p.year(-1));
  return Panel::Wrap(pictures::NormBar(w));
}

std::string Jobs(const Panel& p) {
  const PublishedValue* jobs = p.Rijk("jobs_agreement.jobs");
  const PublishedValue* real = p.Rijk("jobs_agreement.realisation");
  const Value j = p.Of(jobs);
  pictures::UnitChartSpec u;
  u.id = p.Id("jobs-units");
  u.person = false;
  u.unit = 100;
  u.count = j.value.value_or(0);
  if (real && real->status == "published" && real->denominator) u.target = *real->denominator;
  while (pictures::MarkCount(std::max(u.count, u.target.value_or(0)), u.unit) > 200) u.unit *= 10;
  const std::string per = p.Figure(u.unit, "jobs");
  const std::string target = u.target ? p.Figure(*u.target, "jobs") : MissingMark(p.ctx.lang);
  u.legend = p.F(Msg::kHlJobsLegend, per);
  if (u.target) u.legend2 = p.T(Msg::kHlJobsOpenSquare);
  const std::string filled = std::to_string(pictures::MarkCount(u.count, u.unit));
  u.message = p.F(Msg::kHlJobsMessage, filled,
                  p.Count(filled, Msg::kHlWordFilledSquare, Msg::kHlWordFilledSquares), per, j.text,
                  p.Count(j.text, Msg::kHlWordJob, Msg::kHlWordJobs), target);
  return Panel::Wrap(pictures::UnitChart(u));
}

std::string Absence(const Panel& p) {
  auto bars = p.ByYear("absence.rate", "absence-years");
  bars.message = p.F(Msg::kHlAbsenceByYear, Panel::List(bars.years, bars.values));
  return Panel::Wrap(pictures::YearBars(bars));
}

std::string Hire(const Panel& p) {
  const PublishedValue* hire = p.Rijk("hire.share");
  const IndicatorDef* def = p.ctx.index->Definition("hire.share");
  pictures::NormBarSpec g;
  g.id = p.Id("hire-gauge");
  g.value = p.Of(hire);
  g.previous = p.Previous(hire);
  g.previous_label = p.year(-1);
  if (def && def->norm && std::isfinite(def->norm->value)) g.norm = def->norm->value;
  const double norm = g.norm.value_or(10);
  g.scale_max = std::max(2 * norm, std::ceil(g.value.value.value_or(0) / 5) * 5);
  g.max_label = p.Figure(g.scale_max, "%");
  g.norm_label = p.F(Msg::kHlNorm, p.Figure(norm, "%"));
  g.color = "#e17000";
  const bool above = g.value.value && *g.value.value > norm;
  g.message = p.F(Msg::kHlHireMessage, g.value.text, p.year(),
                  p.T(above ? Msg::kHlAbove : Msg::kHlWithin), p.Figure(norm, "%"));
  return Panel::Wrap(pictures::Gauge(g));
}

// Mobility CO2 on the path from its base year to the goal (norms.csv: co2.mobility.base_year,
// goal_year, goal_reduction), as an index with the base year as 100.
pictures::GoalPathSpec Co2Path(const Panel& p, const Goal& goal) {
  pictures::GoalPathSpec g;
  g.id = p.Id("co2-goal");
  g.base_year = goal.base_year;
  g.goal_year = goal.year;
  g.goal = 100 + goal.value;
  const std::string base = std::to_string(goal.base_year), end = std::to_string(goal.year);
  g.base_label = p.F(Msg::kHlCo2BaseLabel, base);
  const bool half = goal.value == -50;
  const std::string less =
      FormatDecimal(-goal.value, -goal.value == std::floor(-goal.value) ? 0 : 1, p.ctx.lang) + "%";
  g.goal_label = half ? p.T(Msg::kHlCo2GoalLabel) : p.F(Msg::kHlCo2GoalLower, less);
  const std::string aim =
      half ? p.F(Msg::kHlCo2AimHalf, end, base) : p.F(Msg::kHlCo2AimLower, end, less, base);
  std::string points;
  bool base_missing = false;
  for (int y : p.ctx.index->SeriesYears()) {
    Value v = p.Of(p.Rijk("co2.mobility_change", std::to_string(y)));
    if (v.value) {
      v.value = 100 + *v.value;
      v.text = FormatDecimal(*v.value, 0, p.ctx.lang);
      points += fmt::format("{}{}: {}", points.empty() ? "" : ", ", y, v.text);
      g.points.emplace_back(y, std::move(v));
    } else if (const PublishedValue* now = p.Rijk("co2.mobility", std::to_string(y));
               now != nullptr && now->status == "published") {
      base_missing = true;  // measured that year, but nothing to measure it against
    } else {
      points += fmt::format("{}{}: {}", points.empty() ? "" : ", ", y, v.text);
      g.points.emplace_back(y, std::move(v));  // not measured that year: named with its mark
    }
  }
  if (base_missing) g.note = p.F(Msg::kHlCo2BaseMissing, base);
  g.message = p.F(Msg::kHlCo2Path, aim);
  if (!points.empty()) g.message += p.F(Msg::kHlCo2Measured, base, points);
  if (!g.note.empty()) g.message += (points.empty() ? "" : " ") + g.note;
  return g;
}

// CO2 by source: flights, cars (service, private for business and commuting), other transport,
// buildings. Four parts, since a stack of nine cannot be read.
std::string Co2(const Panel& p) {
  struct Group {
    Msg label;
    const char* color;
    std::vector<std::pair<const char*, const char*>> cells;  // indicator, category
  };
  const std::vector<Group> groups = {
      {Msg::kHlCo2Buildings, "#42145f", {{"co2.buildings", ""}}},
      {Msg::kHlCo2Cars,
       "#154273",
       {{"co2.mobility", "service_cars"},
        {"co2.mobility", "private_car_business"},
        {"co2.mobility", "private_car_commute"}}},
      {Msg::kHlCo2Flights, "#e17000", {{"co2.mobility", "flights"}}},
      {Msg::kHlCo2TransitOther,
       "#007bc7",
       {{"co2.mobility", "public_transport"}, {"co2.mobility", "other"}}},
  };
  pictures::StackedYearsSpec s;
  s.id = p.Id("co2-sources");
  s.years = p.Years();
  std::string parts;
  for (const auto& g : groups) {
    pictures::StackPart part{p.T(g.label), g.color, {}};
    for (const auto& y : s.years) {
      double sum = 0;
      bool all = true;
      for (const auto& [id, cat] : g.cells) {
        const PublishedValue* v = p.Rijk(id, y, cat);
        if (v && v->status == "published" && v->value)
          sum += *v->value;
        else
          all = false;
      }
      part.values.push_back(all ? Value{sum, p.Figure(sum, "t CO2"), ""}
                                : Value{std::nullopt, MissingMark(p.ctx.lang), ""});
    }
    parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", part.label, part.values.back().text);
    s.parts.push_back(std::move(part));
  }
  for (const auto& y : s.years) s.totals.push_back(p.Of(p.Rijk("co2.total", y)).text);
  std::string totals;
  for (size_t i = 0; i < s.years.size(); ++i) {
    totals += fmt::format("{}{}: {}", i ? ", " : "", s.years[i], s.totals[i]);
  }
  s.message = p.F(Msg::kHlCo2Message, totals, p.year(), parts);
  const IndicatorDef* change = p.ctx.index->Definition("co2.mobility_change");
  if (change == nullptr || !change->goal) return Panel::Wrap(pictures::StackedYears(s));
  return Panel::Wrap(pictures::StackedYears(s) + pictures::GoalPath(Co2Path(p, *change->goal)));
}

std::string Ict(const Panel& p) {
  const Value n = p.Of(p.Rijk("ict.activities"));
  pictures::UnitChartSpec u;
  u.id = p.Id("ict-units");
  u.person = false;
  u.unit = 1;
  u.count = n.value.value_or(0);
  while (pictures::MarkCount(u.count, u.unit) > 200) u.unit *= 10;
  u.legend = p.T(Msg::kHlIctLegendOne);
  if (u.unit > 1) u.legend = p.F(Msg::kHlIctLegend, p.Figure(u.unit, "count"));
  u.message = p.F(Msg::kHlIctMessage, n.text,
                  p.Count(n.text, Msg::kHlWordIctProject, Msg::kHlWordIctProjects), p.year());
  pictures::YearBarsSpec cost;
  cost.id = p.Id("ict-cost");
  cost.years = {p.T(Msg::kHlFirstEstimate), p.T(Msg::kHlNow)};
  cost.values = {p.Of(p.Rijk("ict.cost_initial")), p.Of(p.Rijk("ict.cost_current"))};
  cost.message = p.F(Msg::kHlIctCostMessage, cost.values[0].text, cost.values[1].text);
  return Panel::Wrap(pictures::UnitChart(u) + pictures::YearBars(cost));
}

std::string Procurement(const Panel& p) {
  pictures::ShareBarsSpec s;
  s.id = p.Id("procurement");
  s.rows = {{p.T(Msg::kHlFromSmes), p.Of(p.Rijk("procurement.sme_share"))},
            {p.T(Msg::kHlSustainable), p.Of(p.Rijk("procurement.sustainable_share"))},
            {p.T(Msg::kHlWithSocialReturn), p.Of(p.Rijk("procurement.social_return_share"))}};
  s.message = p.F(Msg::kHlProcurementMessage, p.year(), s.rows[0].value.text, s.rows[1].value.text,
                  s.rows[2].value.text);
  auto spend = p.ByYear("procurement.spend", "procurement-years");
  spend.height = 150;
  spend.message = p.F(Msg::kHlProcurementByYear, Panel::List(spend.years, spend.values));
  return Panel::Wrap(pictures::ShareBars(s) + pictures::YearBars(spend));
}

std::string Housing(const Panel& p) {
  const PublishedValue* f = p.Rijk("housing.workplace_factor");
  const IndicatorDef* def = p.ctx.index->Definition("housing.workplace_factor");
  pictures::NormBarSpec b;
  b.id = p.Id("workplaces");
  b.value = p.Of(f);
  b.previous = p.Previous(f);
  b.previous_label = p.year(-1);
  if (def && def->norm && std::isfinite(def->norm->value)) b.norm = def->norm->value;
  b.scale_max = std::max(1.0, b.value.value.value_or(0));
  b.norm_label = p.F(Msg::kHlNorm, b.norm ? FormatDecimal(*b.norm, 1, p.ctx.lang) : "");
  b.color = "#39870c";
  b.message = p.F(Msg::kHlWorkplacesMessage, b.value.text, p.year(),
                  b.norm ? FormatDecimal(*b.norm, 1, p.ctx.lang) : MissingMark(p.ctx.lang));
  auto o = p.ByYear("housing.occupancy", "occupancy-years");
  o.height = 170;
  o.message = p.F(Msg::kHlOccupancyByYear, Panel::List(o.years, o.values));
  return Panel::Wrap(pictures::NormBar(b) + pictures::YearBars(o));
}

using Drawer = std::function<std::string(const Panel&)>;

const std::vector<std::pair<std::string, Drawer>>& Drawers() {
  static const std::vector<std::pair<std::string, Drawer>> drawers = {
      {"staff", Staff},    {"people", People}, {"jobs", Jobs}, {"absence", Absence},
      {"hire", Hire},      {"co2", Co2},       {"ict", Ict},   {"procurement", Procurement},
      {"housing", Housing}};
  return drawers;
}

}  // namespace

const std::vector<std::string>& HighlightKinds() {
  static const std::vector<std::string> kinds = [] {
    std::vector<std::string> k;
    for (const auto& [name, draw] : Drawers()) k.push_back(name);
    return k;
  }();
  return kinds;
}

Result<std::string> HighlightPicture(const std::string& kind, const BlockContext& ctx) {
  for (const auto& [name, draw] : Drawers()) {
    if (name == kind) return draw(Panel{ctx});
  }
  std::string known;
  for (const auto& k : HighlightKinds()) known += (known.empty() ? "" : ", ") + k;
  return UsageError(fmt::format("unknown panel '{}' ({})", kind, known));
}

}  // namespace jbr::publish
