// Wide tables for print: an A4 page holds a row heading and about seven figure columns, and
// Chromium cuts off what does not fit. A table with more columns is printed as several tables,
// each with the row headings and the next columns, its caption marked "(vervolg)"/"(continued)".
#pragma once

#include <string>

#include "publish/core/html.h"

namespace jbr::publish {

inline constexpr size_t kPrintColumns = 7;

// `html` with every wide table split. Only jbr's own table shape is split: an optional caption,
// one header row of <th> cells, then body rows that each start with a row heading; any other
// table (several header rows, spans, nested tables) is left as it is.
std::string SplitWideTables(const std::string& html, Lang lang, size_t max_columns = kPrintColumns);

}  // namespace jbr::publish
