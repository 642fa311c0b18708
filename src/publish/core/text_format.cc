#include "publish/core/text_format.h"

#include <cstdio>
#include <ctime>

#include <fmt/format.h>

namespace jbr::publish {

std::string FormatNumber(double v) {
  if (v == 0) v = 0;  // -0 and 0 are the same figure; one text for both
  return fmt::format("{}", v);
}

std::string FormatNumber(const std::optional<double>& v) {
  return v ? FormatNumber(*v) : std::string();
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += CsvField(fields[i]);
  }
  return out + "\n";
}

time_t WorkbookTime(const std::string& at) {
  std::tm tm{};
  if (std::sscanf(at.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) < 3) {
    return 946684800;  // 2000-01-01: still fixed, never now
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

}  // namespace jbr::publish
