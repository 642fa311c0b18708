// The chart directive: the data of a chart view taken from the publication.
#include <fmt/format.h>

#include "indicators/engine.h"
#include "publish/site_pages.h"

namespace jbr::publish {
namespace {

struct ChartData {
  std::string caption;
  std::vector<std::string> labels;                            // x categories
  std::vector<std::string> series_names;                      // e.g. "2021", "2020"
  std::vector<std::vector<const PublishedValue*>> cells;      // [series][label]
  std::vector<bool> previous_of;                              // series shows the previous value
};

// Placeholder rendering until the SVG charts are in: the data as an accessible table.
std::string AsTable(const ChartData& d, Lang lang) {
  std::string t = fmt::format("<figure class=\"chart\">\n<figcaption>{}</figcaption>\n<table>\n"
                              "<caption>{}</caption>\n<thead><tr><th scope=\"col\"></th>",
                              HtmlEscape(d.caption), HtmlEscape(d.caption));
  for (const auto& s : d.series_names) t += fmt::format("<th scope=\"col\">{}</th>", HtmlEscape(s));
  t += "</tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < d.labels.size(); ++i) {
    t += fmt::format("<tr><th scope=\"row\">{}</th>", HtmlEscape(d.labels[i]));
    for (size_t s = 0; s < d.series_names.size(); ++s) {
      const PublishedValue* v = d.cells[s][i];
      std::string text;
      if (v != nullptr) {
        if (!d.previous_of[s]) {
          text = CellText(*v, lang);
        } else if (v->status == "published" && v->previous) {
          text = FormatFigure(*v->previous, v->unit, lang);
        }
      }
      t += fmt::format("<td>{}</td>", HtmlEscape(text));
    }
    t += "</tr>\n";
  }
  return t + "</tbody>\n</table>\n</figure>\n";
}

}  // namespace

Result<std::string> ChartDirective(const IndicatorDef& def, const std::vector<std::string>& args,
                                   const BlockContext& ctx) {
  const std::string view = args.size() > 1 ? args[1] : "ministries";
  const FigureIndex& ix = *ctx.index;
  const std::string year = std::to_string(ix.year());
  const bool nl = ctx.lang == Lang::kNl;
  const std::string title = nl ? def.title_nl : def.title_en;
  ChartData d;
  d.series_names = {year, std::to_string(ix.year() - 1)};
  d.previous_of = {false, true};
  d.cells.resize(2);
  auto add = [&](const std::string& label, const PublishedValue* v) {
    d.labels.push_back(label);
    d.cells[0].push_back(v);
    d.cells[1].push_back(v);
  };
  if (view == "ministries") {
    d.caption = fmt::format("{} {}", title, nl ? "per ministerie" : "by ministry");
    for (const auto& m : ix.Ministries()) {
      if (const auto* v = ix.Find(def.id, m, year)) add(m, v);
    }
    if (const auto* v = ix.Find(def.id, kRijk, year)) add(kRijk, v);
  } else if (view == "categories") {
    d.caption = fmt::format("{}, Rijk", title);
    for (const auto* v : ix.Of(def.id)) {
      if (v->ministry == kRijk && v->period == year && v->unit_type.empty() && !v->category.empty()) {
        add(ctx.config->Label(v->category, ctx.lang), v);
      }
    }
  } else if (view == "quarters") {
    d.caption = fmt::format("{} {}, Rijk", title, nl ? "per kwartaal" : "by quarter");
    for (int q = 1; q <= 4; ++q) {
      const std::string period = fmt::format("{}-Q{}", year, q);
      if (const auto* v = ix.Find(def.id, kRijk, period)) add(fmt::format("Q{}", q), v);
    }
  } else {
    return UsageError(fmt::format("unknown chart view '{}' (ministries, categories, quarters)", view));
  }
  if (d.labels.empty()) {
    return UsageError(fmt::format("{} has no values to show by {}", def.id, view));
  }
  return AsTable(d, ctx.lang);
}

}  // namespace jbr::publish
