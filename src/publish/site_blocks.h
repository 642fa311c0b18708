// HTML blocks the report pages are built from: an indicator's summary with its ministry table, the
// full table of an indicator for the tables annex, and key-figure tiles. Every cell text comes
// from CellText (html.h), so a suppressed cell shows "." here as in every other output.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "publish/figures.h"
#include "publish/site_config.h"

namespace jbr::publish {

struct BlockContext {
  const FigureIndex* index = nullptr;
  const SiteConfig* config = nullptr;
  Lang lang = Lang::kNl;
  std::string page;  // the site-relative path of the page the block is on (for links)
};

// Text of a figure's change against last year for a table cell: "+0,2" (points for %), "" when
// there is none.
std::string ChangeCell(const PublishedValue& v, Lang lang);

// The key of a published cell in every output: "indicator|ministry|period|unit type|category"
// (unescaped; HtmlEscape it in an attribute).
std::string CellKey(const PublishedValue& v);

// A table cell of a published value: <td data-cell="indicator|ministry|period|unit type|category">
// with the cell's text ("." when suppressed). The attribute lets the privacy test find the same
// cell in every output.
std::string ValueTd(const PublishedValue* v, Lang lang);

// The Rijk's figures of the report year by category (all unit types together), in category order:
// what an indicator without a total shows.
std::vector<const PublishedValue*> RijkCategories(const IndicatorDef& def, const FigureIndex& ix);

// The norm as text ("maximaal 10,0%"), "" when the indicator has none.
std::string NormText(const IndicatorDef& def, Lang lang);

// An indicator's section on a chapter page: title (anchor = the id), the Rijk figure with last
// year, the change and the norm, then a table per ministry (or per category when the indicator
// has no total), with links to the full table, the definition and the open data.
std::string IndicatorBlock(const IndicatorDef& def, const BlockContext& ctx);

// The full table of an indicator (every period, unit type and category) for the tables annex.
std::string FullTable(const IndicatorDef& def, const BlockContext& ctx);

// Key-figure tiles for the Rijk: the figure, its title, last year and the change in words.
// Errors: an unknown indicator, or a figure that is missing or suppressed.
Result<std::string> Tiles(const std::vector<std::string>& ids, const BlockContext& ctx);

}  // namespace jbr::publish
