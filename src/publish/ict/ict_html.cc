#include "publish/ict/ict_html.h"
#include "publish/core/messages.h"

#include <algorithm>
#include <string_view>

#include "publish/ict/ict_pages.h"

namespace jbr::publish::ict_html {

std::string ScrollRegion(const std::string& table, const std::string& region) {
  const std::string_view t = std::string_view(table).substr(0, table.size() - 1);  // without the LF
  return "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" + region + "\">" +
         std::string(t) + "</div>\n";
}

std::string HtmlTable(const std::string& caption, const std::vector<std::string>& headers,
                      const std::vector<std::vector<std::string>>& rows, const std::string& region,
                      const std::string& table_class) {
  std::string out = (table_class.empty() ? "<table>" : "<table class=\"" + table_class + "\">") +
                    "\n<caption>" + caption + "</caption>\n<thead><tr>";
  for (const auto& h : headers) out += "<th scope=\"col\">" + h + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (size_t c = 0; c < row.size(); ++c) {
      out += c == 0 ? "<th scope=\"row\">" + row[c] + "</th>" : "<td>" + row[c] + "</td>";
    }
    out += "</tr>\n";
  }
  return ScrollRegion(out + "</tbody>\n</table>\n", region);
}

std::string FactTable(const std::string& caption,
                      const std::vector<std::pair<std::string, std::string>>& facts, Lang lang,
                      const std::string& region) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [label, value] : facts) rows.push_back({label, value});
  // Figures line up on the right; a table with words among its values reads from the left, as a
  // form does (style.css: table.facts).
  const bool words = std::any_of(facts.begin(), facts.end(), [](const auto& f) {
    return f.second.empty() || std::string_view("0123456789+-\u20ac").find(f.second.substr(0, 1)) ==
                                   std::string_view::npos;
  });
  return HtmlTable(caption, {Tr(Msg::kItem, lang), Tr(Msg::kValue, lang)}, rows, region,
                   words ? "facts" : "");
}

std::string Unknown(Lang lang) { return Tr(Msg::kUnknown, lang); }

std::string Money(std::optional<double> eur, Lang lang) {
  return eur ? HtmlEscape(FormatFigure(*eur, "EUR", lang)) : Unknown(lang);
}

std::string Date(std::optional<Days> d, Lang lang) { return d ? IctDate(*d, lang) : Unknown(lang); }

}  // namespace jbr::publish::ict_html
