#include "publish/site/site_blocks.h"
#include "publish/core/messages.h"

#include <cstdlib>

#include <fmt/format.h>

#include "indicators/engine.h"
#include "publish/core/grid.h"
#include "publish/core/page.h"

namespace jbr::publish {
namespace {

std::string Year(const BlockContext& c, int offset = 0) {
  return std::to_string(c.index->year() + offset);
}

std::string Title(const IndicatorDef& d, Lang lang) {
  return lang == Lang::kNl ? d.title_nl : d.title_en;
}

std::string Cell(const PublishedValue* v, Lang lang) {
  if (v == nullptr) return "";
  std::string text = CellText(*v, lang);
  if (v->flag.find("incomplete") != std::string::npos) text += "*";
  return HtmlEscape(text);
}

// Whether last year's figure behind `v` is restated (its period is one year earlier).
bool Restated(const PublishedValue* v, const Publication& pub) {
  if (v->period.size() < 4) return false;
  const std::string period =
      std::to_string(std::atoi(v->period.substr(0, 4).c_str()) - 1) + v->period.substr(4);
  for (const auto& r : pub.restatements) {
    if (r.indicator == v->indicator && r.ministry == v->ministry && r.unit_type == v->unit_type &&
        r.category == v->category && r.period == period) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string ValueTd(const PublishedValue* v, Lang lang) {
  if (v == nullptr) return "<td></td>";
  return fmt::format("<td data-cell=\"{}\">{}</td>", HtmlEscape(CellKey(*v)), Cell(v, lang));
}

namespace {

// Last year's figure for a sentence (it was published under last year's pattern).
std::string Previous(const PublishedValue* v, Lang lang) {
  if (v == nullptr || !v->previous) return "";
  return HtmlEscape(FormatFigure(*v->previous, v->unit, lang));
}

// The "last year" cell of a table: last year's cell of the time series (its figure, "." or
// "n.g."), keyed like every other cell, with the restated mark.
std::string PreviousTd(const PublishedValue* v, const BlockContext& ctx) {
  if (v == nullptr) return "<td></td>";
  const PublishedValue* last =
      ctx.index->Find(v->indicator, v->ministry, Year(ctx, -1), v->unit_type, v->category);
  if (last == nullptr) return "<td></td>";
  std::string td = ValueTd(last, ctx.lang);
  if (Restated(v, ctx.index->pub())) {
    td.insert(td.size() - 5,
              fmt::format(" <span class=\"restated\">({})</span>", Tr(Msg::kRestated, ctx.lang)));
  }
  return td;
}

std::string Links(const IndicatorDef& def, const BlockContext& ctx) {
  const std::string lang = LangCode(ctx.lang);
  return fmt::format(
      "<p class=\"links\"><a href=\"{0}\">{1}</a> · <a href=\"{2}\">{3}</a> · <a "
      "href=\"{4}\">{5}</a></p>\n",
      HtmlEscape(RelativeLink(ctx.page, lang + "/tabellen.html#" + def.id)),
      Tr(Msg::kFullTable, ctx.lang),
      HtmlEscape(RelativeLink(ctx.page, lang + "/verantwoording.html#" + def.id)),
      Tr(Msg::kDefinition, ctx.lang), HtmlEscape(RelativeLink(ctx.page, "opendata/indicators.csv")),
      "Open data (CSV)");
}

// Rows: label, this year, last year, change.
std::string FourColumnTable(const std::string& caption, const std::string& first,
                            const std::vector<std::pair<std::string, const PublishedValue*>>& rows,
                            const BlockContext& ctx) {
  std::string t = fmt::format(
      "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th "
      "scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n"
      "<tbody>\n",
      HtmlEscape(caption), HtmlEscape(first), Year(ctx), Year(ctx, -1), Tr(Msg::kChange, ctx.lang));
  for (const auto& [label, v] : rows) {
    const bool rijk = label == kRijk;
    t += fmt::format("<tr{}><th scope=\"row\">{}</th>{}{}<td>{}</td></tr>\n",
                     rijk ? " class=\"total\"" : "", HtmlEscape(label), ValueTd(v, ctx.lang),
                     PreviousTd(v, ctx), v ? HtmlEscape(ChangeCell(*v, ctx.lang)) : "");
  }
  return ScrollTable(t + "</tbody>\n</table>\n", HtmlEscape(caption));
}

// The time series: a row per cell (the Rijk, or the Rijk's categories), a column per year. Empty
// when the series has no year before last year (the four-column table shows those two).
std::string SeriesTable(const std::string& caption, const std::string& first,
                        const std::vector<std::pair<std::string, const PublishedValue*>>& rows,
                        const BlockContext& ctx) {
  const std::vector<int>& years = ctx.index->SeriesYears();
  if (years.size() < 3 || rows.empty()) return "";
  std::string t = fmt::format(
      "<table class=\"series\">\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
      HtmlEscape(caption), HtmlEscape(first));
  for (int y : years) t += fmt::format("<th scope=\"col\">{}</th>", y);
  t += "</tr></thead>\n<tbody>\n";
  for (const auto& [label, v] : rows) {
    t += fmt::format("<tr><th scope=\"row\">{}</th>", HtmlEscape(label));
    for (int y : years) {
      t += ValueTd(
          ctx.index->Find(v->indicator, v->ministry, std::to_string(y), v->unit_type, v->category),
          ctx.lang);
    }
    t += "</tr>\n";
  }
  return ScrollTable(t + "</tbody>\n</table>\n", HtmlEscape(caption));
}

// The Rijk's figure in every period of the year, for a figure the run gives by quarter only
// (a rolling rate); no table when it has none either.
std::string PeriodTable(const IndicatorDef& def, const BlockContext& ctx) {
  std::string rows;
  for (const auto* v : ctx.index->Of(def.id)) {
    if (v->ministry == kRijk && v->unit_type.empty() && v->category.empty()) {
      rows += fmt::format("<tr><th scope=\"row\">{}</th>{}</tr>\n", HtmlEscape(v->period),
                          ValueTd(v, ctx.lang));
    }
  }
  if (rows.empty()) return "";
  const std::string caption =
      fmt::format("{}, Rijk, {}", HtmlEscape(Title(def, ctx.lang)), Tr(Msg::kByPeriod, ctx.lang));
  return ScrollTable(
      fmt::format("<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th><th "
                  "scope=\"col\">Rijk</th></tr></thead>\n<tbody>\n{}</tbody>\n</table>\n",
                  caption, Tr(Msg::kPeriod, ctx.lang), rows),
      caption);
}

std::string Footnotes(const BlockContext& ctx) {
  return Tr(Msg::kSuppressedToProtectPersonsN, ctx.lang);
}

std::string Summary(const IndicatorDef& def, const PublishedValue* rijk, const BlockContext& ctx) {
  std::string s = "<p class=\"summary\">";
  if (rijk == nullptr) {
    if (!RijkCategories(def, *ctx.index).empty()) {
      s += fmt::format(fmt::runtime(Tr(Msg::kRijkByCategoryInThe, ctx.lang)), Year(ctx));
    } else {
      s += Tr(Msg::kNoFigureForTheRijk, ctx.lang);
    }
  } else {
    s += fmt::format("{} {}: <strong>{}</strong>", Tr(Msg::kRijk, ctx.lang), Year(ctx),
                     Cell(rijk, ctx.lang));
    if (!Previous(rijk, ctx.lang).empty()) {
      const std::string change = ChangeCell(*rijk, ctx.lang);
      s += fmt::format(
          " (in {}: {}{})", Year(ctx, -1), Previous(rijk, ctx.lang),
          change.empty() ? ""
                         : fmt::format("; {} {}", Tr(Msg::kChange2, ctx.lang), HtmlEscape(change)));
    }
    s += ".";
  }
  const std::string norm = NormText(def, ctx.lang);
  if (!norm.empty()) {
    s += fmt::format(" {}: {}", Tr(Msg::kNorm, ctx.lang), HtmlEscape(norm));
    if (rijk && rijk->flag.find(def.norm->flag) != std::string::npos) {
      s += Tr(Msg::kNotMet, ctx.lang);
    } else if (rijk && rijk->status == "published") {
      s += Tr(Msg::kMet, ctx.lang);
    }
    s += ".";
  }
  return s + "</p>\n";
}

}  // namespace

std::string ChangeCell(const PublishedValue& v, Lang lang) {
  if (v.status != "published" || !v.change) return "";
  if (v.unit == "%") return FormatSigned(*v.change, 1, lang);
  return WithSign(FormatFigure(*v.change, v.unit, lang), *v.change);
}

std::string IndicatorBlock(const IndicatorDef& def, const BlockContext& ctx) {
  const FigureIndex& ix = *ctx.index;
  const std::string year = Year(ctx);
  std::string out = fmt::format("<section class=\"indicator\" id=\"{}\">\n<h3>{}</h3>\n",
                                HtmlEscape(def.id), HtmlEscape(Title(def, ctx.lang)));
  const PublishedValue* rijk = ix.Find(def.id, kRijk, year);
  out += Summary(def, rijk, ctx);
  std::vector<std::pair<std::string, const PublishedValue*>> rows;
  bool has_total = false;
  for (const auto& m : ix.Ministries()) {
    const PublishedValue* v = ix.Find(def.id, m, year);
    has_total = has_total || v != nullptr;
    rows.emplace_back(m, v);
  }
  const std::vector<int>& years = ix.SeriesYears();
  const std::string span = fmt::format("{}–{}", years.front(), years.back());
  if (has_total) {
    rows.emplace_back(kRijk, rijk);
    out += FourColumnTable(
        fmt::format("{} {} {}", Title(def, ctx.lang), Tr(Msg::kByMinistry2, ctx.lang), year),
        Tr(Msg::kMinistry, ctx.lang), rows, ctx);
    if (rijk != nullptr) {
      out += SeriesTable(fmt::format("{}, Rijk, {}", Title(def, ctx.lang), span),
                         Tr(Msg::kMinistry, ctx.lang), {{kRijk, rijk}}, ctx);
    }
  } else {
    rows.clear();
    for (const auto* v : RijkCategories(def, ix))
      rows.emplace_back(ctx.config->Label(v->category, ctx.lang), v);
    if (!rows.empty()) {
      out += FourColumnTable(fmt::format("{}, Rijk, {}", Title(def, ctx.lang), year),
                             Tr(Msg::kCategory, ctx.lang), rows, ctx);
      out += SeriesTable(fmt::format("{}, Rijk, {}", Title(def, ctx.lang), span),
                         Tr(Msg::kCategory, ctx.lang), rows, ctx);
    } else {
      out += PeriodTable(def, ctx);  // a figure given by quarter only
    }
  }
  return out + Footnotes(ctx) + Links(def, ctx) + "</section>\n";
}

std::string FullTable(const IndicatorDef& def, const BlockContext& ctx) {
  // The time series' earlier years first, then the report year's periods.
  std::vector<const PublishedValue*> values = SeriesOf(ctx.index->pub(), def.id);
  const auto& current = ctx.index->Of(def.id);
  values.insert(values.end(), current.begin(), current.end());
  const Grid g = BuildGrid(values);
  std::string t = fmt::format(
      "<section class=\"table\" id=\"{0}\">\n<h2>{1} ({2})</h2>\n<div class=\"scroll\" "
      "tabindex=\"0\" role=\"region\" aria-label=\"{1}\">\n<table>\n<caption>{1}, {3}</caption>\n"
      "<thead><tr><th scope=\"col\">{4}</th>",
      HtmlEscape(def.id), HtmlEscape(Title(def, ctx.lang)), HtmlEscape(def.unit),
      Tr(Msg::kByMinistry3, ctx.lang), Tr(Msg::kMinistry, ctx.lang));
  for (const auto& c : g.columns) {
    std::string head = c.period;
    if (!c.unit_type.empty()) head += ", " + ctx.config->Label(c.unit_type, ctx.lang);
    if (!c.category.empty()) head += ", " + ctx.config->Label(c.category, ctx.lang);
    t += fmt::format("<th scope=\"col\">{}</th>", HtmlEscape(head));
  }
  t += "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < g.rows.size(); ++r) {
    t += fmt::format("<tr><th scope=\"row\">{}</th>", HtmlEscape(g.rows[r]));
    for (size_t c = 0; c < g.columns.size(); ++c) {
      auto it = g.cells.find({r, c});
      t += ValueTd(it == g.cells.end() ? nullptr : it->second, ctx.lang);
    }
    t += "</tr>\n";
  }
  return t + "</tbody>\n</table>\n</div>\n" + Footnotes(ctx) + "</section>\n";
}

Result<std::string> Tiles(const std::vector<std::string>& ids, const BlockContext& ctx) {
  std::string out = "<ul class=\"tiles\">\n";
  for (const auto& id : ids) {
    const IndicatorDef* def = ctx.index->Definition(id);
    if (def == nullptr) return UsageError(fmt::format("unknown indicator '{}'", id));
    FigureRef ref;
    ref.indicator = id;
    ref.period = Year(ctx);
    JBR_ASSIGN_OR_RETURN(std::string value, FigureText(ref, *ctx.index, ctx.lang));
    const PublishedValue* v = ctx.index->Find(id, kRijk, Year(ctx));
    std::string change;
    if (v->change) {
      const char* arrow = *v->change > 0 ? "▲" : (*v->change < 0 ? "▼" : "=");
      change = fmt::format(
          "<span class=\"change\"><span aria-hidden=\"true\">{}</span> {} {} ({} {})</span>", arrow,
          HtmlEscape(DirectionWord(*v->change, ctx.lang)),
          HtmlEscape(ChangeText(*v->change, v->unit, ctx.lang, false)), Tr(Msg::kVs, ctx.lang),
          Year(ctx, -1));
    }
    out += fmt::format(
        "<li class=\"tile\"><span class=\"figure\" data-cell=\"{}\">{}</span> <span "
        "class=\"label\">{}</span> {}</li>\n",
        HtmlEscape(CellKey(*v)), HtmlEscape(value), HtmlEscape(Title(*def, ctx.lang)), change);
  }
  return out + "</ul>\n";
}

}  // namespace jbr::publish
