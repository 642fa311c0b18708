// The reporting period with a group (docs/schemas.md; absence: episode_id): a row that ended before
// the delivery's year is accepted when another row of its group touches the year, so that an
// episode still open in the year is delivered whole, from its first day; otherwise it is
// out-of-period, with row, column, message and hint. Expected findings are worked out by hand.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "common/testing/temp_dir.h"
#include "validate/validator.h"

namespace jbr {
namespace {

// The absence schema's period in small: episode_id groups the rows, start_date-end_date places
// them.
DatasetSchema Segments(bool grouped) {
  DatasetSchema s;
  s.name = "segments";
  FieldSchema episode;
  episode.name = "episode_id";
  episode.required = true;
  FieldSchema start;
  start.name = "start_date";
  start.type = FieldType::kDate;
  start.required = true;
  FieldSchema end;
  end.name = "end_date";
  end.type = FieldType::kDate;
  s.fields = {episode, start, end};
  s.period_start = "start_date";
  s.period_end = "end_date";
  if (grouped) s.period_group = "episode_id";
  return s;
}

std::vector<Finding> Validate(const DatasetSchema& schema, const std::string& bytes) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-period-group-");
  const std::string path = dir.File("a.csv");
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  CollectingSink sink;
  auto summary =
      ValidateFile(schema, path, "a.csv", DeliveryContext{"BZK", 2021}, {}, nullptr, &sink);
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  std::vector<Finding> out = sink.findings();
  std::sort(out.begin(), out.end(),
            [](const Finding& a, const Finding& b) { return a.row < b.row; });
  return out;
}

std::vector<int64_t> Rows(const std::vector<Finding>& findings) {
  std::vector<int64_t> rows;
  for (const Finding& f : findings) {
    EXPECT_EQ(f.code, "out-of-period") << f.row << ": " << f.message;
    rows.push_back(f.row);
  }
  return rows;
}

// Rows (the header is row 1):
//   2 X 2020-11-01 - 2020-12-31  before 2021, but X goes on in 2021 (row 5): accepted
//   3 Z 2020-06-01 - 2020-06-30  before 2021, and Z has no row in 2021: out-of-period
//   4 V 2020-12-01 - 2020-12-31  before 2021; V's other row starts after 2021: out-of-period
//   5 X 2021-01-01 - 2021-01-10  in 2021
//   6 V 2022-01-01 - 2022-01-05  starts after 2021: out-of-period
//   7 W 2020-12-01 - (open)      touches 2021
//   8 Y 2019-12-01 - 2019-12-31  before 2021, its episode goes on in 2021 (row 9): accepted,
//   however 9 Y 2020-01-01 - 2021-02-01  long ago it began (the over-365-days class needs it)
constexpr const char* kFile =
    "episode_id,start_date,end_date\n"
    "X,2020-11-01,2020-12-31\n"
    "Z,2020-06-01,2020-06-30\n"
    "V,2020-12-01,2020-12-31\n"
    "X,2021-01-01,2021-01-10\n"
    "V,2022-01-01,2022-01-05\n"
    "W,2020-12-01,\n"
    "Y,2019-12-01,2019-12-31\n"
    "Y,2020-01-01,2021-02-01\n";

TEST(PeriodGroup, EarlierRowsOfAGroupInTheYearAreAccepted) {
  const std::vector<Finding> f = Validate(Segments(true), kFile);
  EXPECT_EQ(Rows(f), (std::vector<int64_t>{3, 4, 6}));
  ASSERT_EQ(f.size(), 3u);
  // The row before the year names its column, why, and what to deliver instead.
  EXPECT_EQ(f[0].column, "end_date");
  EXPECT_EQ(f[0].value, "2020-06-30");
  EXPECT_EQ(f[0].severity, Severity::kError);
  EXPECT_NE(
      f[0].message.find("the row ended before 2021 and no row of its episode_id touches 2021"),
      std::string::npos)
      << f[0].message;
  EXPECT_NE(f[0].hint.find("the earlier rows of each episode_id that goes on in 2021"),
            std::string::npos)
      << f[0].hint;
  EXPECT_EQ(f[1].column, "end_date");
  EXPECT_EQ(f[2].column, "start_date");  // starts after the year
}

TEST(PeriodGroup, WithoutAGroupEveryRowBeforeTheYearIsOutOfPeriod) {
  // The same file against a period without a group, as the absence schema was before: rows 2, 3,
  // 4 and 8 ended before 2021, row 6 starts after it.
  EXPECT_EQ(Rows(Validate(Segments(false), kFile)), (std::vector<int64_t>{2, 3, 4, 6, 8}));
}

TEST(PeriodGroup, TheOrderOfTheRowsDoesNotMatter) {
  // The row in the year comes after (above) or before (here) the earlier row of its group.
  EXPECT_TRUE(
      Validate(Segments(true),
               "episode_id,start_date,end_date\nX,2021-01-01,2021-01-10\nX,2020-11-01,2020-12-31\n")
          .empty());
}

}  // namespace
}  // namespace jbr
