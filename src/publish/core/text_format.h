// Text forms every publication output shares, fixed so that the same run gives the same bytes.
#pragma once

#include <ctime>
#include <optional>
#include <string>

namespace jbr::publish {

// The shortest decimal text that reads back as the same double, with a point and no thousands
// separator ("4.2", "13", "0.001", "1e+16"); -0 is written "0".
std::string FormatNumber(double v);
std::string FormatNumber(const std::optional<double>& v);  // "" when absent

// A workbook's creation time from a compute run's time ("YYYY-MM-DDTHH:MM:SS...", read as UTC),
// so that the same run gives the same bytes; 2000-01-01 when unreadable, never now.
time_t WorkbookTime(const std::string& run_at);

}  // namespace jbr::publish
