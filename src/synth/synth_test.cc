// Unit tests of the synthetic Rijk's parts, and the promise that a seed gives the same bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/paths.h"
#include "common/testing/temp_dir.h"
#include "synth/core/rng.h"
#include "synth/core/style.h"
#include "synth/generate/absence.h"
#include "synth/synth.h"
#include "synth/write/writer.h"

namespace jbr::synth {
namespace {

namespace fs = std::filesystem;

TEST(Rng, SameTagSameNumbersOtherTagOthers) {
  Rng a = Rng::For(7, "FIN/absence/2020"), b = Rng::For(7, "FIN/absence/2020"),
      c = Rng::For(7, "FIN/absence/2021");
  int same = 0, other = 0;
  for (int i = 0; i < 100; ++i) {
    const uint64_t x = a.Next();
    same += x == b.Next() ? 1 : 0;
    other += x == c.Next() ? 1 : 0;
  }
  EXPECT_EQ(same, 100);
  EXPECT_EQ(other, 0);
}

TEST(Rng, DistributionsHaveTheirMeans) {
  // Law of large numbers: 200,000 draws put each sample mean within a few standard errors.
  Rng r(42);
  double u = 0, p = 0, e = 0, n = 0;
  std::array<int, 3> picks{};
  const std::array<double, 3> weights = {1, 2, 7};
  const int kDraws = 200000;
  for (int i = 0; i < kDraws; ++i) {
    u += r.Uniform();
    p += r.Poisson(3.0);
    e += r.Exponential(5.0);
    n += r.Normal();
    ++picks[r.Pick(weights)];
  }
  EXPECT_NEAR(u / kDraws, 0.5, 0.005);
  EXPECT_NEAR(p / kDraws, 3.0, 0.02);
  EXPECT_NEAR(e / kDraws, 5.0, 0.05);
  EXPECT_NEAR(n / kDraws, 0.0, 0.01);
  EXPECT_NEAR(picks[2] / static_cast<double>(kDraws), 0.7, 0.005);
}

TEST(Writer, Windows1252HoldsDutchLetters) {
  // Windows-1252: ë is 0xEB, é 0xE9, € 0x80, ’ 0x92 (the code page's published table).
  EXPECT_EQ(ToCp1252("Financiën café € ’"), "Financi\xEBn caf\xE9 \x80 \x92");
  EXPECT_EQ(ToCp1252("☃"), "?");
}

TEST(Writer, StylesWriteAsMinistriesDo) {
  auto field = [](const char* name, FieldType type) {
    FieldSchema f;
    f.name = name;
    f.type = type;
    return f;
  };
  const FieldSchema hours = field("weekly_hours", FieldType::kNumber),
                    start = field("start_date", FieldType::kDate),
                    flag = field("jobs_agreement", FieldType::kBoolean);
  FieldSchema gender = field("gender", FieldType::kString);
  gender.enum_values = {"female", "male"};
  gender.enum_aliases = {{"v", "female"}, {"vrouw", "female"}, {"m", "male"}};
  const Style dutch = StyleNamed("cp1252-semicolon", true);
  EXPECT_EQ(StyledText(&hours, "28.8", dutch), "28,8");
  EXPECT_EQ(StyledText(&start, "2020-03-01", dutch), "01-03-2020");
  EXPECT_EQ(StyledText(&flag, "true", dutch), "ja");
  EXPECT_EQ(StyledText(&gender, "female", dutch), "v");
  const Style plain = StyleNamed("utf8-comma", false);
  EXPECT_EQ(StyledText(&hours, "28.8", plain), "28.8");
  EXPECT_EQ(StyledText(&start, "2020-03-01", plain), "2020-03-01");
}

TEST(Writer, CsvQuotesWhatNeedsQuotes) {
  DatasetSchema schema;
  schema.name = "t";
  Table t("t", {"a", "b"});
  t.AddRow() = {"x,y", "say \"hi\""};
  EXPECT_EQ(RenderCsv(t, schema, StyleNamed("utf8-comma", false)),
            "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n");
}

TEST(Money, NeverANineDigitWholeNumber) {
  EXPECT_EQ(Money(123456789.0), "123456789.01");
  EXPECT_EQ(Money(12.345), "12.35");
}

// A small ministry for the model tests.
MinistryProfile Small() {
  MinistryProfile m;
  m.code = "TST";
  m.units = {{"Kern", "core", "Den Haag", 0.6}, {"Dienst", "agency", "Utrecht", 0.4}};
  return m;
}

TEST(Workforce, MeetsTheFteOfEachYearEndAndKeepsIdsStable) {
  Workforce w(Small(), 3);
  w.Start(2019, {300, 6});
  std::map<std::string, std::string> person_of_employment;
  for (int y = 2020; y <= 2021; ++y) {
    w.Simulate(y, {300.0 + 20 * (y - 2019), 8});
    const double fte = w.FteAt(DaysFromCivil(y, 12, 31));
    EXPECT_GE(fte, 300.0 + 20 * (y - 2019));
    EXPECT_LT(fte, 300.0 + 20 * (y - 2019) + 40.0 / 36);
    Table t = w.PersonnelTable(y);
    for (const auto& r : t.rows) {
      EXPECT_FALSE(LooksLikeBsn(r[0]));
      EXPECT_TRUE(r[5].empty() || r[5] >= r[4]) << r[1];  // ISO dates compare as text
      auto [it, fresh] = person_of_employment.emplace(r[1], r[0]);
      EXPECT_EQ(it->second, r[0]) << "employment " << r[1] << " changed person";
    }
  }
}

// absence.rate recomputed here day by day from the two delivery tables, as domain.md section 5
// defines it, independently of the model's own bookkeeping and of jbr's indicator code.
double RateFromTables(const Table& personnel, const Table& absence, int year) {
  const Days a = DaysFromCivil(year, 1, 1), b = DaysFromCivil(year, 12, 31);
  auto date = [&](const std::string& s, Days open) { return s.empty() ? open : *ParseDate(s); };
  std::map<std::string, std::vector<std::tuple<Days, Days, double>>> jobs;
  double employed = 0;
  for (const auto& r : personnel.rows) {
    const Days s = std::max(date(r[4], 0), a), e = std::min(date(r[5], b), b);
    const double factor = std::stod(r[6]) / 36.0;
    jobs[r[0]].emplace_back(s, e, factor);
    if (e >= s) employed += (e - s + 1) * factor;
  }
  double sick = 0;
  for (const auto& r : absence.rows) {
    if (r[5] == "true") continue;  // pregnancy
    for (Days d = std::max(date(r[2], 0), a); d <= std::min(date(r[3], b), b); ++d) {
      double factor = 0;
      for (const auto& [s, e, f] : jobs[r[1]]) factor += s <= d && d <= e ? f : 0;
      sick += factor * std::stod(r[4]) / 100.0;
    }
  }
  return 100.0 * sick / employed;
}

TEST(Absence, SteersToTheRateByItsDefinition) {
  Workforce w(Small(), 5);
  w.Start(2019, {600, 10});
  AbsenceModel absence(w, 5);
  for (int y = 2020; y <= 2021; ++y) {
    w.Simulate(y, {620, 12});
    absence.Generate(y, y == 2020 ? 5.0 : 5.6);
    EXPECT_NEAR(RateFromTables(w.PersonnelTable(y), absence.AbsenceTable(y), y),
                y == 2020 ? 5.0 : 5.6, 0.05)
        << y;
  }
}

std::string ManifestOf(const std::string& dir) {
  std::ifstream f(dir + "/manifest.csv");
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(Synthesise, TheSameSeedGivesTheSameBytes) {
  const TempDir tmp = ::jbr::testing::TestDir("jbr-synth-det-");
  const std::string& root = tmp.path();
  auto run = [&](const std::string& name, uint64_t seed) {
    SynthOptions o;
    o.first_year = 2020;
    o.last_year = 2021;
    o.scale = 0.02;
    o.seed = seed;
    o.out_dir = root + "/" + name;
    auto files = Synthesise(o);
    EXPECT_TRUE(files.ok()) << files.status().ToString();
    return files.ok() ? *files : std::vector<SynthFile>{};
  };
  const auto a = run("a", 11), b = run("b", 11), c = run("c", 12);
  ASSERT_EQ(a.size(),
            2u * 12 * 16);  // two years, twelve ministries, sixteen datasets (fleet the 16th)
  std::set<std::string> kinds;
  for (const auto& f : a) kinds.insert(fs::path(f.file).extension().string());
  EXPECT_EQ(kinds, (std::set<std::string>{".csv", ".xlsx"}));
  EXPECT_EQ(ManifestOf(root + "/a"), ManifestOf(root + "/b"));  // every file's SHA-256 is in it
  EXPECT_NE(ManifestOf(root + "/a"), ManifestOf(root + "/c"));
}

TEST(Synthesise, RefusesYearsItCannotMake) {
  SynthOptions o;
  o.first_year = 2010;
  o.last_year = 2011;
  const TempDir tmp = ::jbr::testing::TestDir("jbr-synth-never-");
  o.out_dir = tmp.File("never");
  auto r = Synthesise(o);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUsage);
  EXPECT_FALSE(fs::exists(o.out_dir));
}

}  // namespace
}  // namespace jbr::synth
