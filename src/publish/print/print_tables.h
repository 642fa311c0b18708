// Wide tables for print: an A4 page holds a row heading and about seven figure columns, and
// Chromium cuts off what does not fit. A table with more columns, or whose columns cannot all be
// as wide as their longest word, is printed as several tables, each with the row headings and the
// next columns, its caption marked "(vervolg)"/"(continued)". print.css lays printed tables out
// by their content (table-layout: auto) and breaks no word, so every part fits the page.
#pragma once

#include <string>

#include "publish/core/html.h"

namespace jbr::publish {

inline constexpr size_t kPrintColumns = 7;
// The width of a printed table in characters of its 9 pt type (174 mm between the A4 page's
// margins, at most 0.6 em a character in bold Open Sans), and a cell's padding (4 pt each side).
inline constexpr size_t kPrintLineWidth = 88;
inline constexpr size_t kPrintCellPadding = 2;

// `html` with every wide table split: a part takes figure columns while they number at most
// `max_columns` and the longest words of its columns and of the row headings fit kPrintLineWidth.
// Only jbr's own table shape is split: an optional caption, one header row of <th> cells, then body
// rows that each start with a row heading; any other table (several header rows, spans, nested
// tables) is left as it is. A table in a scroll region of its own (ScrollTable) keeps it for its
// first part, and every further part is put in one.
std::string SplitWideTables(const std::string& html, Lang lang, size_t max_columns = kPrintColumns);

}  // namespace jbr::publish
