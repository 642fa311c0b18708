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
