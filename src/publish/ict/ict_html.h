// Internal to the ICT pages (ict_pages.cc, ict_overview.cc): small builders of escaped HTML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "publish/core/html.h"
#include "publish/core/ict_portfolio.h"

namespace jbr::publish::ict_html {

// `table` (ending in "</table>\n") in a region of its own that scrolls when the table is wide, so
// that the page does not at 200% zoom; `region` is its label, HTML (the page's title, escaped).
std::string ScrollRegion(const std::string& table, const std::string& region);

// An accessible table in its scroll region: a caption, column headers (scope col) and rows whose
// first cell is a row header (scope row). Every cell is HTML already (escape text with HtmlEscape
// first). `table_class`, when given, is the table's class attribute.
std::string HtmlTable(const std::string& caption, const std::vector<std::string>& headers,
                      const std::vector<std::vector<std::string>>& rows, const std::string& region,
                      const std::string& table_class = "");

// Two-column table of label (row header) and value, both HTML, in its scroll region.
std::string FactTable(const std::string& caption,
                      const std::vector<std::pair<std::string, std::string>>& facts, Lang lang,
                      const std::string& region);

// Escaped texts: an amount (or "onbekend"/"unknown"), a date (or idem), a count.
std::string Money(std::optional<double> eur, Lang lang);
std::string Date(std::optional<Days> d, Lang lang);
std::string Unknown(Lang lang);

}  // namespace jbr::publish::ict_html

namespace jbr::publish {
// The overview page's title ("Grote ICT-activiteiten 2021"), unescaped.
std::string IctOverviewTitle(int year, Lang lang);
// The overview page's fragment (ict_overview.cc); `paths`: one per included activity, in order.
std::string IctOverviewHtml(const IctPortfolio& p, const std::vector<std::string>& paths,
                            Lang lang);
}  // namespace jbr::publish
