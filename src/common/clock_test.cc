#include "common/clock.h"

#include <chrono>
#include <regex>

#include <gtest/gtest.h>

namespace jbr {
namespace {

TEST(FormatUtc, SecondsSinceTheEpochAsIso8601Utc) {
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00Z");
  // 2021-03-01 is day 18687 since 1970-01-01 (51 years with 13 leap days: 51 * 365 + 13 = 18628,
  // then 31 + 28 days of 2021): 18687 * 86400 + 12 * 3600.
  EXPECT_EQ(FormatUtc(18687LL * 86400 + 12 * 3600), "2021-03-01T12:00:00Z");
}

TEST(SystemNowUtc, IsTheSystemClocksTimeInTheSameForm) {
  const auto before = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  const std::string now = SystemNowUtc();
  const auto after = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  EXPECT_TRUE(std::regex_match(now, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << now;
  EXPECT_LE(FormatUtc(before), now);  // the form sorts as the time does
  EXPECT_LE(now, FormatUtc(after));
}

TEST(FixedClock, SaysTheTimeItWasGivenEveryTime) {
  const FixedClock clock("2021-03-01T12:00:00Z");
  const Clock& c = clock;
  EXPECT_EQ(c.NowUtc(), "2021-03-01T12:00:00Z");
  EXPECT_EQ(c.NowUtc(), "2021-03-01T12:00:00Z");
}

TEST(SystemClock, IsTheSystemClock) {
  const SystemClock clock;
  const std::string before = SystemNowUtc();
  const std::string now = clock.NowUtc();
  EXPECT_LE(before, now);
  EXPECT_LE(now, SystemNowUtc());
}

}  // namespace
}  // namespace jbr
