#include "common/parse.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace jbr {
namespace {

constexpr bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}
constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) {
      return false;
    }
  }
  return true;
}

size_t CountDigits(std::string_view t, size_t pos) {
  size_t i = pos;
  while (i < t.size() && IsDigit(t[i])) {
    ++i;
  }
  return i - pos;
}

// Value of text[pos, pos+n) when all are digits, else -1. n is at most 4 here.
int Digits(std::string_view text, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!IsDigit(text[i])) {
      return -1;
    }
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<Days> CheckedDate(int year, int month, int day) {
  if (year < 1000 || year > 9999 || month < 1 || month > 12) {
    return std::nullopt;
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  return DaysFromCivil(year, month, day);
}

// "YYYY-MM-DD", exactly ten characters.
std::optional<Days> ParseIsoDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') {
    return std::nullopt;
  }
  return CheckedDate(Digits(t, 0, 4), Digits(t, 5, 2), Digits(t, 8, 2));
}

// "D-M-YYYY" with one or two digits for day and month and the same separator twice.
std::optional<Days> ParseDutchDate(std::string_view t) {
  const size_t day_len = CountDigits(t, 0);
  if (day_len < 1 || day_len > 2 || day_len >= t.size()) {
    return std::nullopt;
  }
  const char sep = t[day_len];
  if (sep != '-' && sep != '/' && sep != '.') {
    return std::nullopt;
  }
  const size_t month_pos = day_len + 1;
  const size_t month_len = CountDigits(t, month_pos);
  const size_t sep2 = month_pos + month_len;
  if (month_len < 1 || month_len > 2 || sep2 >= t.size() || t[sep2] != sep) {
    return std::nullopt;
  }
  if (t.size() != sep2 + 5) {
    return std::nullopt;
  }
  return CheckedDate(Digits(t, sep2 + 1, 4), Digits(t, month_pos, month_len),
                     Digits(t, 0, day_len));
}

// Up to 18 digits cannot overflow int64_t, so the common short number needs no overflow checks.
constexpr size_t kSafeDigits = 18;

// The value of a run of at most kSafeDigits digits.
int64_t DigitsValue(std::string_view digits) {
  int64_t value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// Plain "36", "18.5" or ".5" with 1 to 15 digits, the common case, without from_chars: the digits
// as an integer are exact in a double, and so is 10^k for k <= 22, so one division gives the
// correctly rounded value, the same that from_chars gives (Clinger's fast path). False, with *out
// untouched, when `t` is not of that form; the full parser then decides.
bool ParseShortPointNumber(std::string_view t, double* out) {
  static constexpr std::array<double, 16> kPowers = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  const size_t int_digits = CountDigits(t, 0);
  size_t frac_digits = 0;
  if (int_digits < t.size()) {
    if (t[int_digits] != '.') {
      return false;
    }
    frac_digits = CountDigits(t, int_digits + 1);
    if (int_digits + 1 + frac_digits != t.size()) {
      return false;
    }
  }
  if (int_digits + frac_digits == 0 || int_digits + frac_digits > 15) {
    return false;
  }
  int64_t mantissa = 0;  // the digits without the point
  for (char c : t) {
    mantissa = c == '.' ? mantissa : mantissa * 10 + (c - '0');
  }
  *out = static_cast<double>(mantissa) / kPowers[frac_digits];
  return true;
}

// Strips an optional sign; returns true for '-'.
bool TakeSign(std::string_view* t) {
  if (t->empty() || (t->front() != '+' && t->front() != '-')) {
    return false;
  }
  const bool negative = t->front() == '-';
  t->remove_prefix(1);
  return negative;
}

// Checks [sign] mantissa [e[sign]digits] with digits on at least one side of the point; the
// grammar check keeps from_chars from accepting "inf", "nan" or hexadecimal forms.
bool IsPointNumber(std::string_view t) {
  size_t i = 0;
  const size_t int_digits = CountDigits(t, i);
  i += int_digits;
  size_t frac_digits = 0;
  if (i < t.size() && t[i] == '.') {
    frac_digits = CountDigits(t, ++i);
    i += frac_digits;
  }
  if (int_digits + frac_digits == 0) {
    return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) {
      ++i;
    }
    const size_t exp_digits = CountDigits(t, i);
    if (exp_digits == 0) {
      return false;
    }
    i += exp_digits;
  }
  return i == t.size();
}

std::optional<double> FromChars(const char* first, const char* last, bool negative) {
  double value = 0;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  // out_of_range covers overflow and underflow alike: neither is a plausible amount.
  if (ec != std::errc() || ptr != last || !std::isfinite(value)) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

// Copies a comma-mark number into `out` as a point number without group separators.
// Returns the length written, or 0 when `t` is not a valid comma-mark number.
size_t NormaliseCommaNumber(std::string_view t, char* out, size_t cap) {
  size_t n = 0;
  auto put = [&](char c) {
    if (n < cap) {
      out[n] = c;
    }
    ++n;
  };
  size_t i = 0;
  const size_t first_group = CountDigits(t, 0);
  for (; i < first_group; ++i) {
    put(t[i]);
  }
  // Thousands groups: only after a first group of one to three digits, always three digits.
  while (i < t.size() && t[i] == '.') {
    if (first_group == 0 || first_group > 3 || CountDigits(t, i + 1) != 3) {
      return 0;
    }
    for (size_t k = i + 1; k < i + 4; ++k) {
      put(t[k]);
    }
    i += 4;
  }
  size_t frac_digits = 0;
  if (i < t.size() && t[i] == ',') {
    put('.');
    frac_digits = CountDigits(t, ++i);
    for (size_t k = i; k < i + frac_digits; ++k) {
      put(t[k]);
    }
    i += frac_digits;
  }
  if (i != t.size() || first_group + frac_digits == 0 || n > cap) {
    return 0;
  }
  return n;
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInYear(int year) { return IsLeapYear(year) ? 366 : 365; }

// Howard Hinnant's days_from_civil: counts from 0000-03-01 in 400-year eras so that the leap day
// falls at the end of each shifted year.
Days DaysFromCivil(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;                          // [0, 399]
  const int64_t mp = month > 2 ? month - 3 : month + 9;       // March = 0
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;           // [0, 365]
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return static_cast<Days>(era * 146097 + doe - 719468);
}

// Howard Hinnant's civil_from_days, the inverse of DaysFromCivil.
void CivilFromDays(Days days, int* year, int* month, int* day) {
  const int64_t z = static_cast<int64_t>(days) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;                                       // [0, 146096]
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  *day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *year = static_cast<int>(yoe + era * 400 + (*month <= 2 ? 1 : 0));
}

int YearOf(Days days) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  return y;
}

std::string FormatDate(Days days) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  std::array<char, 32> buf{};
  char* p = buf.data();
  if (y < 0) {
    *p++ = '-';
    y = -y;
  }
  // Four digits at least; a year past 9999 simply gets more.
  std::array<char, 16> digits{};
  auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), y);
  (void)ec;
  for (auto n = end - digits.data(); n < 4; ++n) {
    *p++ = '0';
  }
  for (const char* q = digits.data(); q < end; ++q) {
    *p++ = *q;
  }
  *p++ = '-';
  *p++ = static_cast<char>('0' + m / 10);
  *p++ = static_cast<char>('0' + m % 10);
  *p++ = '-';
  *p++ = static_cast<char>('0' + d / 10);
  *p++ = static_cast<char>('0' + d % 10);
  return std::string(buf.data(), p);
}

std::optional<Days> ParseDate(std::string_view text) {
  const std::string_view t = Trim(text);
  if (t.size() == 10 && t[4] == '-') {
    return ParseIsoDate(t);
  }
  if (t.empty() || !IsDigit(t[0])) {
    return std::nullopt;
  }
  return ParseDutchDate(t);
}

std::optional<Days> DateFromExcelSerial(double serial) {
  // The comparison form also refuses NaN.
  if (!(serial >= 1.0 && serial < 2958466.0)) {
    return std::nullopt;
  }
  const auto whole = static_cast<int32_t>(serial);
  if (whole == 60) {
    return std::nullopt;  // 1900-02-29, which Excel invents (Lotus 1-2-3 compat)
  }
  // Serial 0 is 1900-01-00, i.e. 1899-12-31; past the phantom day everything is one further on.
  static const Days kSerialZero = DaysFromCivil(1899, 12, 31);
  return kSerialZero + whole - (whole > 60 ? 1 : 0);
}

std::optional<int64_t> ParseInt(std::string_view text, DecimalMark mark) {
  std::string_view t = Trim(text);
  const bool negative = TakeSign(&t);
  const size_t digits = CountDigits(t, 0);
  if (digits == 0) {
    return std::nullopt;
  }
  // A zero fraction ("12.0", "1,00") is an integer written by a spreadsheet.
  std::string_view rest = t.substr(digits);
  if (!rest.empty()) {
    if (rest.front() != (mark == DecimalMark::kPoint ? '.' : ',') || rest.size() < 2) {
      return std::nullopt;
    }
    for (char c : rest.substr(1)) {
      if (c != '0') {
        return std::nullopt;
      }
    }
  }
  if (digits <= kSafeDigits) {
    return negative ? -DigitsValue(t.substr(0, digits)) : DigitsValue(t.substr(0, digits));
  }
  // Accumulate negatively: the range of int64_t reaches one further below zero than above.
  int64_t value = 0;
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  for (size_t i = 0; i < digits; ++i) {
    const int d = t[i] - '0';
    if (value < kMin / 10 || (value == kMin / 10 && d > -(kMin % 10))) {
      return std::nullopt;
    }
    value = value * 10 - d;
  }
  if (negative) {
    return value;
  }
  if (value == kMin) {
    return std::nullopt;
  }
  return -value;
}

std::optional<double> ParseDecimal(std::string_view text, DecimalMark mark) {
  std::string_view t = Trim(text);
  const bool negative = TakeSign(&t);
  if (mark == DecimalMark::kPoint) {
    if (double value = 0; ParseShortPointNumber(t, &value)) {
      return negative ? -value : value;
    }
    if (!IsPointNumber(t)) {
      return std::nullopt;
    }
    return FromChars(t.data(), t.data() + t.size(), negative);
  }
  // Longer numbers than this are not amounts; the bound keeps the parser allocation-free.
  std::array<char, 256> buf;
  const size_t n = NormaliseCommaNumber(t, buf.data(), buf.size());
  if (n == 0) {
    return std::nullopt;
  }
  return FromChars(buf.data(), buf.data() + n, negative);
}

std::optional<bool> ParseBool(std::string_view text) {
  static constexpr std::array<std::string_view, 7> kTrue = {"true", "ja", "j",   "yes",
                                                            "y",    "1",  "waar"};
  static constexpr std::array<std::string_view, 6> kFalse = {"false", "nee", "n",
                                                             "no",    "0",   "onwaar"};
  const std::string_view t = Trim(text);
  for (std::string_view word : kTrue) {
    if (EqualsIgnoreCase(t, word)) {
      return true;
    }
  }
  for (std::string_view word : kFalse) {
    if (EqualsIgnoreCase(t, word)) {
      return false;
    }
  }
  return std::nullopt;
}

bool LooksLikeBsn(std::string_view text) {
  if (text.size() < 9) {
    return false;  // every cell but a few: trimming cannot make it longer
  }
  const std::string_view t = Trim(text);
  if (t.size() != 9) {
    return false;
  }
  int sum = 0;
  bool all_zero = true;
  for (size_t i = 0; i < 9; ++i) {
    if (!IsDigit(t[i])) {
      return false;
    }
    const int d = t[i] - '0';
    all_zero = all_zero && d == 0;
    sum += (i < 8 ? static_cast<int>(9 - i) : -1) * d;
  }
  return !all_zero && sum % 11 == 0;
}

std::string MaskValue(std::string_view text) {
  const std::string_view t = Trim(text);
  // Work on UTF-8 code points so that a masked name stays valid text.
  auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  size_t points = 0;
  for (char c : t) {
    points += is_lead(c) ? 1 : 0;
  }
  if (points <= 2) {
    return std::string(points, '*');
  }
  size_t first_end = 1;
  while (first_end < t.size() && !is_lead(t[first_end])) {
    ++first_end;
  }
  size_t last_begin = t.size() - 1;
  while (last_begin > 0 && !is_lead(t[last_begin])) {
    --last_begin;
  }
  std::string out(t.substr(0, first_end));
  out.append(points - 2, '*');
  out.append(t.substr(last_begin));
  return out;
}

std::string_view Trim(std::string_view text) {
  if (!text.empty() && !IsBlank(text.front()) && !IsBlank(text.back())) {
    return text;  // nearly every cell: nothing to trim
  }
  size_t b = 0;
  size_t e = text.size();
  while (b < e && IsBlank(text[b])) {
    ++b;
  }
  while (e > b && IsBlank(text[e - 1])) {
    --e;
  }
  return text.substr(b, e - b);
}

}  // namespace jbr
