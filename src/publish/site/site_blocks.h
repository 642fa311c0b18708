// HTML blocks the report pages are built from: an indicator's summary with its ministry table, the
// full table of an indicator for the tables annex, and key-figure tiles. Every cell text comes
// from CellText (html.h), so a suppressed cell shows "." here as in every other output.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "publish/core/block_context.h"

namespace jbr::publish {

// Text of a figure's change against last year for a table cell: "+0,2" (points for %), "" when
// there is none.
std::string ChangeCell(const PublishedValue& v, Lang lang);

// A table cell of a published value: <td data-cell="indicator|ministry|period|unit type|category">
// with the cell's text ("." when suppressed). The attribute lets the privacy test find the same
// cell in every output.
std::string ValueTd(const PublishedValue* v, Lang lang);

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
