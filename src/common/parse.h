// Parsers for the value types of delivery files: dates, integers, decimals, booleans, and the
// citizen-service-number (BSN) check. All are total: any input gives a value or nullopt, never a
// crash, and none allocates. Fuzzed in fuzz/parse_fuzz.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jbr {

// A calendar date as days since 1970-01-01 (proleptic Gregorian).
using Days = int32_t;

bool IsLeapYear(int year);
int DaysInYear(int year);
// Precondition: a valid calendar date (month 1-12, day within the month).
Days DaysFromCivil(int year, int month, int day);
void CivilFromDays(Days days, int* year, int* month, int* day);
int YearOf(Days days);
std::string FormatDate(Days days);  // YYYY-MM-DD

enum class DecimalMark { kPoint, kComma };

// "YYYY-MM-DD" or "DD-MM-YYYY" (also with '/' or '.' as separator in the second form, and one-digit
// day and month there); surrounding blanks are trimmed. Years 1000-9999. nullopt for anything else,
// including impossible dates such as 2021-02-29.
std::optional<Days> ParseDate(std::string_view text);

// An Excel serial date in the 1900 date system (1 = 1900-01-01; 60 is Excel's phantom 1900-02-29
// and is refused). A fractional part (time of day) is dropped. nullopt outside 1-2958465.
std::optional<Days> DateFromExcelSerial(double serial);

// Optional sign and digits, surrounding blanks trimmed; "12.0" and "1,0" (point or comma with zero
// fraction) are accepted as 12 and 1. nullopt on overflow or anything else.
std::optional<int64_t> ParseInt(std::string_view text, DecimalMark mark = DecimalMark::kPoint);

// A decimal number with the given decimal mark. With kComma, '.' may group thousands in groups of
// three ("1.234.567,89"). With kPoint an exponent is allowed ("1.5E+3", as spreadsheets write).
// Surrounding blanks trimmed. nullopt for anything else, NaN and infinities included.
std::optional<double> ParseDecimal(std::string_view text, DecimalMark mark);

// true/false, ja/nee, j/n, yes/no, y/n, 1/0, waar/onwaar; case-insensitive, blanks trimmed.
std::optional<bool> ParseBool(std::string_view text);

// True when `text` (trimmed) is exactly nine digits that pass the BSN eleven-test
// (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11, not all zeros).
bool LooksLikeBsn(std::string_view text);

// Masks all but the first and last digit: "123456782" -> "1*******2".
std::string MaskValue(std::string_view text);

std::string_view Trim(std::string_view text);

}  // namespace jbr
