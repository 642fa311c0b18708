// The ICT overview in the Rijks ICT-dashboard's own open-data layout
// (schema/ict_dashboard_layout.h): opendata/ict-activiteitenoverzicht.xlsx (sheet
// "Activiteitenoverzicht") and the same rows as opendata/ict-activiteitenoverzicht.csv (UTF-8
// without BOM, comma, point decimals, RFC 4180 quoting, LF as CsvRecord ends every open-data
// record). One row per activity of the portfolio, included in the report or not, in portfolio
// order. Dates dd-mm-yyyy as text; amounts in EUR million (numbers in the workbook); durations in
// years; status as its Dutch label; class labels and reasons verbatim. Empty cell: unknown.
// Byte-reproducible: the workbook's creation time is the compute run's (portfolio.run_at).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "publish/core/ict_portfolio.h"
#include "publish/core/output_dir.h"

namespace jbr::publish {

inline constexpr const char* kIctDashboardXlsx = "opendata/ict-activiteitenoverzicht.xlsx";
inline constexpr const char* kIctDashboardCsv = "opendata/ict-activiteitenoverzicht.csv";

// One cell: its text (as the CSV shows it) and, for a number, the value the workbook stores.
struct LayoutCell {
  std::string text;
  std::optional<double> number;
};

// The row of one activity, one cell per ict_layout::kColumns entry.
std::vector<LayoutCell> IctDashboardRow(const IctPortfolio& portfolio, const IctActivity& a);

// Writes both files into `out` and records them. Errors: I/O and libxlsxwriter failures.
Status WriteIctDashboard(const IctPortfolio& portfolio, OutputDir* out);

}  // namespace jbr::publish
