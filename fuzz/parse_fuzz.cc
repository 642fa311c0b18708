// Fuzzes the value parsers of common/parse.h: any text gives a value or nullopt, and the values
// keep the properties below. Seeds: fuzz/corpus/parse_fuzz/.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "common/parse.h"

namespace {

void Check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

void CheckDate(std::string_view text) {
  const std::optional<jbr::Days> d = jbr::ParseDate(text);
  if (!d) {
    return;
  }
  const int year = jbr::YearOf(*d);
  Check(year >= 1000 && year <= 9999);
  const std::string iso = jbr::FormatDate(*d);
  Check(iso.size() == 10 && jbr::ParseDate(iso) == d);
  int y = 0, m = 0, day = 0;
  jbr::CivilFromDays(*d, &y, &m, &day);
  Check(jbr::DaysFromCivil(y, m, day) == *d);
  // The Dutch form of the same day parses to it too.
  const std::string dutch = iso.substr(8, 2) + "-" + iso.substr(5, 2) + "-" + iso.substr(0, 4);
  Check(jbr::ParseDate(dutch) == d);
}

void CheckNumbers(std::string_view text) {
  for (jbr::DecimalMark mark : {jbr::DecimalMark::kPoint, jbr::DecimalMark::kComma}) {
    const std::optional<double> v = jbr::ParseDecimal(text, mark);
    if (v) {
      Check(std::isfinite(*v));
      const std::optional<jbr::Days> day = jbr::DateFromExcelSerial(*v);
      if (day) {
        const int year = jbr::YearOf(*day);
        Check(year >= 1900 && year <= 9999);
        // The time of day is dropped; past the phantom leap day, serials are consecutive days.
        const double whole = std::floor(*v);
        Check(jbr::DateFromExcelSerial(whole) == day);
        if (whole >= 61 && whole < 2958465) {
          Check(jbr::DateFromExcelSerial(whole + 1) == *day + 1);
        }
      }
    }
    const std::optional<int64_t> i = jbr::ParseInt(text, mark);
    // Every integer is also a decimal (within the comma parser's length bound), of the same value.
    if (i && jbr::Trim(text).size() < 200) {
      Check(v.has_value());
      if (*i > -(int64_t{1} << 53) && *i < (int64_t{1} << 53)) {
        Check(*v == static_cast<double>(*i));
      }
    }
  }
}

void CheckOthers(std::string_view text) {
  const std::optional<bool> b = jbr::ParseBool(text);
  if (b) {
    Check(jbr::Trim(text).size() <= 6);
  }
  if (jbr::LooksLikeBsn(text)) {
    const std::string_view t = jbr::Trim(text);
    Check(t.size() == 9 && jbr::ParseInt(t).has_value());
  }
  const std::string masked = jbr::MaskValue(text);
  Check(masked.size() <= jbr::Trim(text).size());
  const std::string_view t = jbr::Trim(text);
  Check(jbr::Trim(t) == t);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckDate(text);
  CheckNumbers(text);
  CheckOthers(text);
  // The first four bytes as a day number: the calendar conversions invert each other.
  if (size >= 4) {
    int32_t days = 0;
    std::memcpy(&days, data, 4);
    days %= 100'000'000;  // about +-273,000 years, well inside int
    int y = 0, m = 0, d = 0;
    jbr::CivilFromDays(days, &y, &m, &d);
    Check(m >= 1 && m <= 12 && d >= 1 && d <= 31);
    Check(jbr::DaysFromCivil(y, m, d) == days);
    Check(!jbr::FormatDate(days).empty());
  }
  return 0;
}
