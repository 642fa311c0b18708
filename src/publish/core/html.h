// Text for people: HTML escaping and figures formatted for reading (Dutch or English), shared by
// every page, chart and PDF so that a figure reads the same everywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "publish/core/publication.h"

namespace jbr::publish {

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string HtmlEscape(std::string_view s);

// `table` ("<table ...>...</table>\n") in a scroll region of its own, so that on a phone a wide
// table scrolls inside it instead of pushing the page sideways: <div class="scroll" tabindex="0"
// role="region" aria-label="LABEL">. `label` is HTML text without tags, as the table's caption
// is written (HtmlEscape'd); a table without a caption takes the word "Tabel"/"Table". Every
// table of the site is built inside one (the ICT appendix's through ict_html::ScrollRegion).
std::string ScrollTable(std::string_view table, std::string_view label);

// "nl" or "en".
enum class Lang { kNl, kEn };
const char* LangCode(Lang l);

// The number of decimals a figure of `unit` is shown with: 1 for percentages, days, years and
// ratios, 0 for counts, persons, fte, tonnes and amounts (amounts are shown in millions, 1
// decimal).
int DisplayDecimals(std::string_view unit);

// A number with grouping and decimal marks of the language: nl 142.677 and 5,2; en 142,677 and 5.2.
// Negative numbers get a minus sign (U+2212 is avoided: PDF text and screen readers read '-').
std::string FormatDecimal(double v, int decimals, Lang lang);

// A figure with its unit as a reader sees it: "5,2%", "142.677", "€ 1.994,0 mln", "136.277 t".
std::string FormatFigure(double v, std::string_view unit, Lang lang);

// A change in percent points or percent, signed: "+1,2".
std::string FormatSigned(double v, int decimals, Lang lang);
// `formatted` (the text of `v`, unit and all) with the sign of a change: "+" before a positive
// one, none where it rounds to zero (not "+0,0" or "-0,0").
std::string WithSign(std::string formatted, double v);

// The text of a published cell: the figure, "." when suppressed, "n.g." (nl) / "n.a." (en) when
// missing. Every output uses these two marks (publication.md: suppressed cells look the same
// everywhere).
inline constexpr const char* kSuppressedMark = ".";
std::string MissingMark(Lang lang);
std::string CellText(const PublishedValue& v, Lang lang);

}  // namespace jbr::publish
