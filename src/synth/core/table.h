// A generated delivery before it is written: the dataset's columns (English field names) and rows
// of canonical text (ISO dates, decimal point, English enum values, true/false). How a ministry
// writes it (encoding, delimiter, decimal comma, Dutch headers, XLSX) is the writer's business.
#pragma once

#include <string>
#include <vector>

#include <fmt/format.h>

#include "common/parse.h"

namespace jbr::synth {

struct Table {
  std::string dataset;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  Table(std::string name, std::vector<std::string> cols)
      : dataset(std::move(name)), columns(std::move(cols)) {}
  std::vector<std::string>& AddRow() {
    rows.emplace_back();
    rows.back().reserve(columns.size());
    return rows.back();
  }
};

// Canonical cell texts.
inline std::string Dec(double v, int decimals) { return fmt::format("{:.{}f}", v, decimals); }
// Shortest exact text of a number (36, 28.8): for hours and fte.
inline std::string Num(double v) { return fmt::format("{}", v); }
inline std::string Date(Days d) { return FormatDate(d); }
inline std::string Bool(bool b) { return b ? "true" : "false"; }
// Money with cents that are never all zero, so that no amount can be a bare nine-digit number
// (which jbr would rightly take for a citizen service number).
inline std::string Money(double euros) {
  double cents = std::round(euros * 100.0);
  if (static_cast<int64_t>(cents) % 100 == 0) cents += 1;
  return Dec(cents / 100.0, 2);
}

}  // namespace jbr::synth
