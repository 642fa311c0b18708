#include "common/parse.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <random>
#include <string>

namespace jbr {
namespace {

// Reference points worked by hand:
//   2000-01-01: 30 years after 1970 with 7 leap days (72..96)    -> 30*365 + 7  = 10957
//   2020-01-01: 20 more years with 5 leap days (2000..2016)       -> 10957 + 7305 = 18262
//   1900-01-01: 70 years before 1970 with 17 leap days (1904..68) -> -(70*365 + 17) = -25567
//   9999-12-31: 8030 years to 10000-01-01 with 2007 - 60 = 1947 leap days
//               (multiples of 4 from 1972 to 9996, less 60 centuries not divisible by 400)
//               -> 8030*365 + 1947 - 1 = 2932896
constexpr Days k2000 = 10957;
constexpr Days k2020 = 18262;
constexpr Days k1900 = -25567;
constexpr Days k9999End = 2932896;

TEST(Calendar, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2020));
  EXPECT_TRUE(IsLeapYear(2000));   // divisible by 400
  EXPECT_FALSE(IsLeapYear(1900));  // century not divisible by 400
  EXPECT_FALSE(IsLeapYear(2021));
  EXPECT_EQ(DaysInYear(2020), 366);
  EXPECT_EQ(DaysInYear(2100), 365);
}

TEST(Calendar, KnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 1, 1), k2000);
  EXPECT_EQ(DaysFromCivil(2020, 1, 1), k2020);
  EXPECT_EQ(DaysFromCivil(2020, 2, 29), k2020 + 31 + 28);
  EXPECT_EQ(DaysFromCivil(2020, 3, 1), k2020 + 31 + 29);
  EXPECT_EQ(DaysFromCivil(1900, 1, 1), k1900);
  EXPECT_EQ(DaysFromCivil(9999, 12, 31), k9999End);
}

TEST(Calendar, CivilFromDaysInvertsKnownDays) {
  int y = 0, m = 0, d = 0;
  CivilFromDays(k2020 + 31 + 28, &y, &m, &d);
  EXPECT_EQ(y, 2020);
  EXPECT_EQ(m, 2);
  EXPECT_EQ(d, 29);
  CivilFromDays(-1, &y, &m, &d);
  EXPECT_EQ(y, 1969);
  EXPECT_EQ(m, 12);
  EXPECT_EQ(d, 31);
  EXPECT_EQ(YearOf(k9999End), 9999);
  EXPECT_EQ(YearOf(k9999End + 1), 10000);
}

// Walks every date from 1000-01-01 to 9999-12-31 with a naive calendar and checks that each is one
// day after the previous and that the conversion goes back and forth.
TEST(Calendar, EveryDateFrom1000To9999IsConsecutive) {
  const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = 1000, m = 1, d = 1;
  Days expected = DaysFromCivil(1000, 1, 1);
  while (y <= 9999) {
    ASSERT_EQ(DaysFromCivil(y, m, d), expected) << y << "-" << m << "-" << d;
    int yy = 0, mm = 0, dd = 0;
    CivilFromDays(expected, &yy, &mm, &dd);
    ASSERT_EQ(yy * 10000 + mm * 100 + dd, y * 10000 + m * 100 + d);
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int last = m == 2 && leap ? 29 : month_days[m - 1];
    if (++d > last) {
      d = 1;
      if (++m > 12) {
        m = 1;
        ++y;
      }
    }
    ++expected;
  }
  EXPECT_EQ(expected - 1, k9999End);
}

TEST(Calendar, FormatDate) {
  EXPECT_EQ(FormatDate(0), "1970-01-01");
  EXPECT_EQ(FormatDate(k2020 + 31 + 28), "2020-02-29");
  EXPECT_EQ(FormatDate(k9999End), "9999-12-31");
  EXPECT_EQ(FormatDate(k9999End + 1), "10000-01-01");
  EXPECT_EQ(FormatDate(DaysFromCivil(5, 3, 7)), "0005-03-07");
}

TEST(ParseDate, IsoForm) {
  EXPECT_EQ(ParseDate("2020-01-01"), k2020);
  EXPECT_EQ(ParseDate("  2020-01-01\t"), k2020);
  EXPECT_EQ(ParseDate("2020-02-29"), k2020 + 59);
  EXPECT_EQ(ParseDate("1000-01-01"), DaysFromCivil(1000, 1, 1));
  EXPECT_EQ(ParseDate("9999-12-31"), k9999End);
}

TEST(ParseDate, DutchForms) {
  EXPECT_EQ(ParseDate("01-01-2020"), k2020);
  EXPECT_EQ(ParseDate("1-1-2020"), k2020);
  EXPECT_EQ(ParseDate("1/1/2020"), k2020);
  EXPECT_EQ(ParseDate("01.01.2020"), k2020);
  EXPECT_EQ(ParseDate("29-2-2020"), k2020 + 59);
  EXPECT_EQ(ParseDate("31/12/9999"), k9999End);
  EXPECT_EQ(ParseDate("3-10-2000"), k2000 + 31 + 29 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 2);
}

TEST(ParseDate, RefusesImpossibleDates) {
  EXPECT_EQ(ParseDate("2021-02-29"), std::nullopt);
  EXPECT_EQ(ParseDate("1900-02-29"), std::nullopt);
  EXPECT_NE(ParseDate("2000-02-29"), std::nullopt);
  EXPECT_EQ(ParseDate("2020-04-31"), std::nullopt);
  EXPECT_EQ(ParseDate("2020-13-01"), std::nullopt);
  EXPECT_EQ(ParseDate("2020-00-10"), std::nullopt);
  EXPECT_EQ(ParseDate("2020-01-00"), std::nullopt);
  EXPECT_EQ(ParseDate("32-01-2020"), std::nullopt);
  EXPECT_EQ(ParseDate("29.02.2021"), std::nullopt);
}

TEST(ParseDate, RefusesYearsOutsideRange) {
  EXPECT_EQ(ParseDate("0999-12-31"), std::nullopt);
  EXPECT_EQ(ParseDate("31-12-0999"), std::nullopt);
  EXPECT_EQ(ParseDate("1-1-10000"), std::nullopt);
}

TEST(ParseDate, RefusesOtherShapes) {
  for (const char* bad :
       {"",           " ",        "2020",        "2020-1-1",    "2020/01/01",
        "2020.01.01", "20200101", "01-01-20",    "001-01-2020", "01-001-2020",
        "1-1/2020",   "1/1-2020", "01-01-2020x", "x01-01-2020", "2020-01-01T00:00",
        "-1-01-2020", "01--2020", "1-1-",        "+1-1-2020",   "01 01 2020",
        "2020-01-0a"}) {
    EXPECT_EQ(ParseDate(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(DateFromExcelSerial, Boundaries) {
  EXPECT_EQ(DateFromExcelSerial(1), k1900);             // 1900-01-01
  EXPECT_EQ(DateFromExcelSerial(59), k1900 + 31 + 27);  // 1900-02-28
  EXPECT_EQ(DateFromExcelSerial(60), std::nullopt);     // Excel's 1900-02-29 does not exist
  EXPECT_EQ(DateFromExcelSerial(61), k1900 + 31 + 28);  // 1900-03-01
  EXPECT_EQ(DateFromExcelSerial(43831), k2020);         // 2020-01-01
  // 1970-01-01: 61 + (0 - (k1900 + 59)) = 61 + 25508 = 25569.
  EXPECT_EQ(DateFromExcelSerial(25569), 0);
  EXPECT_EQ(DateFromExcelSerial(2958465), k9999End);  // 9999-12-31, Excel's last date
}

TEST(DateFromExcelSerial, DropsTimeOfDay) {
  EXPECT_EQ(DateFromExcelSerial(43831.999), k2020);
  EXPECT_EQ(DateFromExcelSerial(59.5), k1900 + 58);
  EXPECT_EQ(DateFromExcelSerial(60.5), std::nullopt);
  EXPECT_EQ(DateFromExcelSerial(2958465.9), k9999End);
}

TEST(DateFromExcelSerial, RefusesOutOfRange) {
  EXPECT_EQ(DateFromExcelSerial(0), std::nullopt);
  EXPECT_EQ(DateFromExcelSerial(0.99), std::nullopt);
  EXPECT_EQ(DateFromExcelSerial(-1), std::nullopt);
  EXPECT_EQ(DateFromExcelSerial(2958466), std::nullopt);
  EXPECT_EQ(DateFromExcelSerial(1e300), std::nullopt);
  EXPECT_EQ(DateFromExcelSerial(std::nan("")), std::nullopt);
  EXPECT_EQ(DateFromExcelSerial(std::numeric_limits<double>::infinity()), std::nullopt);
  EXPECT_EQ(DateFromExcelSerial(-std::numeric_limits<double>::infinity()), std::nullopt);
}

TEST(ParseInt, Plain) {
  EXPECT_EQ(ParseInt("0"), 0);
  EXPECT_EQ(ParseInt("42"), 42);
  EXPECT_EQ(ParseInt("+42"), 42);
  EXPECT_EQ(ParseInt("-42"), -42);
  EXPECT_EQ(ParseInt("-0"), 0);
  EXPECT_EQ(ParseInt(" 007 "), 7);
}

TEST(ParseInt, ZeroFractionWithTheGivenMark) {
  EXPECT_EQ(ParseInt("12.0"), 12);
  EXPECT_EQ(ParseInt("12.000", DecimalMark::kPoint), 12);
  EXPECT_EQ(ParseInt("1,0", DecimalMark::kComma), 1);
  EXPECT_EQ(ParseInt("-3,00", DecimalMark::kComma), -3);
  EXPECT_EQ(ParseInt("12.5"), std::nullopt);
  EXPECT_EQ(ParseInt("12.01"), std::nullopt);
  EXPECT_EQ(ParseInt("12."), std::nullopt);
  EXPECT_EQ(ParseInt("1,0", DecimalMark::kPoint), std::nullopt);
  EXPECT_EQ(ParseInt("12.0", DecimalMark::kComma), std::nullopt);
  EXPECT_EQ(ParseInt("1.000", DecimalMark::kComma), std::nullopt);  // no thousands groups
}

TEST(ParseInt, Limits) {
  EXPECT_EQ(ParseInt("9223372036854775807"), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(ParseInt("-9223372036854775808"), std::numeric_limits<int64_t>::min());
  EXPECT_EQ(ParseInt("9223372036854775808"), std::nullopt);
  EXPECT_EQ(ParseInt("-9223372036854775809"), std::nullopt);
  EXPECT_EQ(ParseInt("99999999999999999999"), std::nullopt);
  EXPECT_EQ(ParseInt("00000000000000000000000001"), 1);
  // Either side of the 18 digits that are summed without overflow checks.
  EXPECT_EQ(ParseInt("999999999999999999"), 999999999999999999);
  EXPECT_EQ(ParseInt("-999999999999999999"), -999999999999999999);
  EXPECT_EQ(ParseInt("1000000000000000000"), 1000000000000000000);
}

TEST(ParseInt, RefusesGarbage) {
  for (const char* bad :
       {"", " ", "+", "-", "--1", "+-1", "1-", "1 2", "0x10", "1e3", "١", "12a", ".0", "1_000"}) {
    EXPECT_EQ(ParseInt(bad), std::nullopt) << '"' << bad << '"';
  }
}

TEST(ParseDecimal, PointMark) {
  const auto p = DecimalMark::kPoint;
  EXPECT_EQ(ParseDecimal("1.5", p), 1.5);
  EXPECT_EQ(ParseDecimal("-1.25", p), -1.25);
  EXPECT_EQ(ParseDecimal("+0.5", p), 0.5);
  EXPECT_EQ(ParseDecimal(".5", p), 0.5);
  EXPECT_EQ(ParseDecimal("5.", p), 5.0);
  EXPECT_EQ(ParseDecimal(" 36 ", p), 36.0);
  EXPECT_EQ(ParseDecimal("1.5E+3", p), 1500.0);
  EXPECT_EQ(ParseDecimal("2e-2", p), 0.02);
  EXPECT_EQ(ParseDecimal("1E3", p), 1000.0);
  EXPECT_EQ(ParseDecimal("0.1", p), 0.1);  // correctly rounded: the same double as the literal
}

// Short plain numbers take a path of their own; each must give the correctly rounded double, which
// glibc's strtod gives too. Random digits and point positions, from 1 to 18 digits, so that the
// cases beyond the short path (16 digits and more) are compared as well.
TEST(ParseDecimal, PlainNumbersRoundAsStrtod) {
  std::mt19937_64 random(20261129);
  for (int n = 0; n < 200000; ++n) {
    const int digits = 1 + static_cast<int>(random() % 18);
    std::string text;
    for (int i = 0; i < digits; ++i) text.push_back(static_cast<char>('0' + random() % 10));
    text.insert(random() % (text.size() + 1), ".");
    if (random() % 4 == 0) text.insert(0, "-");
    const double expected = std::strtod(text.c_str(), nullptr);
    ASSERT_EQ(ParseDecimal(text, DecimalMark::kPoint), expected) << text;
  }
  EXPECT_EQ(ParseDecimal("123456789012345", DecimalMark::kPoint), 123456789012345.0);
  EXPECT_EQ(ParseDecimal("0.000000000000001", DecimalMark::kPoint), 1e-15);
  EXPECT_TRUE(std::signbit(*ParseDecimal("-0.0", DecimalMark::kPoint)));
}

TEST(ParseDecimal, CommaMark) {
  const auto c = DecimalMark::kComma;
  EXPECT_EQ(ParseDecimal("1,5", c), 1.5);
  EXPECT_EQ(ParseDecimal("-1,25", c), -1.25);
  EXPECT_EQ(ParseDecimal(",5", c), 0.5);
  EXPECT_EQ(ParseDecimal("1.234.567,89", c), 1234567.89);
  EXPECT_EQ(ParseDecimal("1.000", c), 1000.0);
  EXPECT_EQ(ParseDecimal("999.999", c), 999999.0);
  EXPECT_EQ(ParseDecimal("1234567,5", c), 1234567.5);
  EXPECT_EQ(ParseDecimal("+12", c), 12.0);
  EXPECT_EQ(ParseDecimal("-1.234,5", c), -1234.5);
  EXPECT_EQ(ParseDecimal(" 0,0 ", c), 0.0);
}

TEST(ParseDecimal, CommaMarkRefusesBadGroups) {
  const auto c = DecimalMark::kComma;
  for (const char* bad : {"1.5", "1.23", "1.2345", "1234.567", ".500", "1..000", "1.000.", "1.00,5",
                          "1,5.000", "1,5,0", "1.5E3", "1,5e3", "1, 5", "1,5x", "nan", "inf"}) {
    EXPECT_EQ(ParseDecimal(bad, c), std::nullopt) << '"' << bad << '"';
  }
}

TEST(ParseDecimal, PointMarkRefusesGarbage) {
  const auto p = DecimalMark::kPoint;
  for (const char* bad :
       {"",      " ",   "+",       "-",   ".",     "-.",  "e3",   "1e",       "1e+",
        "1.5.0", "1,5", "1.000,5", "nan", "NaN",   "inf", "-inf", "infinity", "0x1p3",
        "1.5x",  "1 5", "--1",     "+-1", "1e3.5", "1d",  "1f"}) {
    EXPECT_EQ(ParseDecimal(bad, p), std::nullopt) << '"' << bad << '"';
  }
}

TEST(ParseDecimal, RefusesOverflowAndUnderflow) {
  EXPECT_EQ(ParseDecimal("1e309", DecimalMark::kPoint), std::nullopt);
  EXPECT_EQ(ParseDecimal("-1e309", DecimalMark::kPoint), std::nullopt);
  EXPECT_EQ(ParseDecimal("1e-400", DecimalMark::kPoint), std::nullopt);
  EXPECT_EQ(ParseDecimal("1.7976931348623157e308", DecimalMark::kPoint),
            std::numeric_limits<double>::max());
}

TEST(ParseDecimal, CommaMarkLengthBound) {
  // 255 digits fit the internal buffer; 300 do not (see ParseDecimal).
  EXPECT_EQ(ParseDecimal(std::string(255, '0'), DecimalMark::kComma), 0.0);
  EXPECT_EQ(ParseDecimal(std::string(300, '0'), DecimalMark::kComma), std::nullopt);
  EXPECT_EQ(ParseDecimal(std::string(300, '0'), DecimalMark::kPoint), 0.0);
}

TEST(ParseBool, AllSpellings) {
  for (const char* t :
       {"true", "TRUE", "True", "ja", "JA", "j", "J", "yes", "y", "1", "waar", " Waar "}) {
    EXPECT_EQ(ParseBool(t), true) << t;
  }
  for (const char* f : {"false", "FALSE", "nee", "Nee", "n", "N", "no", "0", "onwaar", "ONWAAR"}) {
    EXPECT_EQ(ParseBool(f), false) << f;
  }
  for (const char* bad : {"", "2", "tru", "jaa", "yes!", "-1", "nope", "t", "f", "00"}) {
    EXPECT_EQ(ParseBool(bad), std::nullopt) << bad;
  }
}

TEST(LooksLikeBsn, ElevenTest) {
  // 111222333: 9+8+7 + 6*2+5*2+4*2 + 3*3+2*3 - 3 = 66 = 6*11.
  EXPECT_TRUE(LooksLikeBsn("111222333"));
  // 123456782: 9+16+21+24+25+24+21+16 - 2 = 154 = 14*11.
  EXPECT_TRUE(LooksLikeBsn("123456782"));
  EXPECT_TRUE(LooksLikeBsn(" 123456782 "));
  // 123456789: 156 - 9 = 147 = 13*11 + 4.
  EXPECT_FALSE(LooksLikeBsn("123456789"));
  // 000000019: 2*1 - 9 = -7: not a multiple of 11.
  EXPECT_FALSE(LooksLikeBsn("000000019"));
  // 000000012: 2*1 - 2 = 0: passes, the leading zeros are digits like any other.
  EXPECT_TRUE(LooksLikeBsn("000000012"));
  EXPECT_FALSE(LooksLikeBsn("000000000"));  // sum 0, but all zeros is no number
}

TEST(LooksLikeBsn, OnlyExactlyNineDigits) {
  EXPECT_FALSE(LooksLikeBsn("12345678"));    // eight
  EXPECT_FALSE(LooksLikeBsn("1234567820"));  // ten
  EXPECT_FALSE(LooksLikeBsn("12345678a"));
  EXPECT_FALSE(LooksLikeBsn("1234 5678"));
  EXPECT_FALSE(LooksLikeBsn("-12345678"));
  EXPECT_FALSE(LooksLikeBsn(""));
}

TEST(MaskValue, KeepsFirstAndLast) {
  EXPECT_EQ(MaskValue("123456782"), "1*******2");
  EXPECT_EQ(MaskValue("abc"), "a*c");
  EXPECT_EQ(MaskValue(" abcd "), "a**d");
  EXPECT_EQ(MaskValue("ab"), "**");
  EXPECT_EQ(MaskValue("a"), "*");
  EXPECT_EQ(MaskValue(""), "");
  // Multi-byte characters are kept whole: é is C3 A9, ö is C3 B6.
  EXPECT_EQ(MaskValue("\xC3\xA9t\xC3\xA9\xC3\xB6"), "\xC3\xA9**\xC3\xB6");
}

TEST(Trim, Blanks) {
  EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \t "), "");
  EXPECT_EQ(Trim("x"), "x");
  EXPECT_EQ(Trim("\vx\f"), "x");
}

}  // namespace
}  // namespace jbr
