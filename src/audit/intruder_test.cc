// The routes of issue 11, each as a tiny hand-made publication: a variant where a suppressed cell
// can be recovered (the audit must find it, with the hand-solved value) and a protected variant
// (the audit must pass, with the hand-solved interval).
#include "audit/intruder.h"

#include <gtest/gtest.h>

#include <tuple>

#include "audit/test_publication.h"

namespace jbr::audit {
namespace {

using testing::AuditDir;
using testing::PubDir;
constexpr double kInf = sdc::kInfinity;

IntruderReport Audit(const std::string& dir, const std::vector<std::string>& earlier = {}) {
  std::vector<PublishedRelease> e;
  for (const auto& d : earlier) {
    auto r = ReadPublication(d);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    e.push_back(std::move(r).value());
  }
  auto cur = ReadPublication(dir);
  EXPECT_TRUE(cur.ok()) << cur.status().ToString();
  auto rep = AuditPublication(e, *cur, IntruderOptions{});
  EXPECT_TRUE(rep.ok()) << rep.status().ToString();
  return std::move(rep).value();
}

const QuantityBounds* Find(const IntruderReport& r, const std::string& key,
                           Quantity q = Quantity::kNumerator) {
  for (const auto& b : r.all) {
    if (b.key.ToString() == key && b.quantity == q) return &b;
  }
  ADD_FAILURE() << "no audited quantity " << key;
  return nullptr;
}

void ExpectInterval(const IntruderReport& r, const std::string& key, double lo, double hi,
                    Quantity q = Quantity::kNumerator) {
  const QuantityBounds* b = Find(r, key, q);
  if (b == nullptr) return;
  EXPECT_NEAR(b->lo, lo, 1e-6) << key;
  if (hi == kInf) {
    EXPECT_EQ(b->hi, kInf) << key;
  } else {
    EXPECT_NEAR(b->hi, hi, 1e-6) << key;
  }
}

void ExpectExact(const IntruderReport& r, const std::string& key, double value,
                 Quantity q = Quantity::kNumerator) {
  ExpectInterval(r, key, value, value, q);
  const QuantityBounds* b = Find(r, key, q);
  if (b != nullptr) {
    EXPECT_TRUE(b->exact && b->fails()) << key;
  }
}

// Route: a unit type from the all-units total. BZK's zbo (3) = 100 - 60 - 37.
PubDir UnitTypes(const std::string& name, bool protect) {
  auto p = PubDir::Temporary(name);
  p.Def("personnel.headcount", "person-count")
      .Pub("personnel.headcount", "FIN", "", "2021", "", 50)
      .Pub("personnel.headcount", "FIN", "kern", "2021", "", 30)
      .Pub("personnel.headcount", "FIN", "agentschap", "2021", "", 20)
      .Pub("personnel.headcount", "BZK", "", "2021", "", 100)
      .Pub("personnel.headcount", "BZK", "kern", "2021", "", 60)
      .Hide("personnel.headcount", "BZK", "zbo", "2021", "");
  if (protect) {
    p.Hide("personnel.headcount", "BZK", "agentschap", "2021", "");
  } else {
    p.Pub("personnel.headcount", "BZK", "agentschap", "2021", "", 37);
  }
  return p;
}

TEST(IntruderAudit, UnitTypeFromTheTotalIsRecovered) {
  const IntruderReport r = Audit(UnitTypes("unit", false).Write());
  ExpectExact(r, "personnel.headcount/BZK/zbo/2021/*", 3);
  EXPECT_EQ(r.exact_recoveries, 1);
  EXPECT_EQ(r.suppressed_cells, 1);
  EXPECT_FALSE(r.safe());
}

TEST(IntruderAudit, UnitTypesProtectedTogetherPass) {
  const IntruderReport r = Audit(UnitTypes("unit-p", true).Write());
  // zbo + agentschap = 100 - 60: each anywhere in [0, 40].
  ExpectInterval(r, "personnel.headcount/BZK/zbo/2021/*", 0, 40);
  ExpectInterval(r, "personnel.headcount/BZK/agentschap/2021/*", 0, 40);
  EXPECT_TRUE(r.safe()) << FormatReportText(r);
}

TEST(IntruderAudit, PlantedFaultAHiddenCellPublishedInAnotherTableFails) {
  // The protected pattern above, plus a second table whose denominator is the headcount: it
  // publishes zbo's 3 (and FIN's figures confirm that the two tables share the number).
  PubDir p = UnitTypes("planted", true);
  p.Def("personnel.mean_fte", "person-statistic")
      .Pub("personnel.mean_fte", "FIN", "", "2021", "", 45, 50)
      .Pub("personnel.mean_fte", "FIN", "kern", "2021", "", 27, 30)
      .Pub("personnel.mean_fte", "BZK", "zbo", "2021", "", 2.5, 3);
  const IntruderReport r = Audit(p.Write());
  ExpectExact(r, "personnel.headcount/BZK/zbo/2021/*", 3);
  ExpectExact(r, "personnel.headcount/BZK/agentschap/2021/*", 37);
  EXPECT_FALSE(r.safe());
}

// Route: categories whose total is another indicator's denominator. BZK's long episodes (4) =
// the mean duration's denominator 69 - 40 - 25.
PubDir Episodes(const std::string& name, bool protect) {
  auto p = PubDir::Temporary(name);
  p.Def("absence.episodes", "person-count")
      .Def("absence.mean_duration", "person-statistic")
      .Pub("absence.episodes", "FIN", "", "2021", "short", 10)
      .Pub("absence.episodes", "FIN", "", "2021", "medium", 5)
      .Pub("absence.episodes", "FIN", "", "2021", "long", 5)
      .Pub("absence.mean_duration", "FIN", "", "2021", "", 200, 20)
      .Pub("absence.episodes", "SZW", "", "2021", "short", 7)
      .Pub("absence.episodes", "SZW", "", "2021", "medium", 2)
      .Pub("absence.episodes", "SZW", "", "2021", "long", 0)
      .Pub("absence.mean_duration", "SZW", "", "2021", "", 45, 9)
      .Pub("absence.episodes", "BZK", "", "2021", "short", 40)
      .Hide("absence.episodes", "BZK", "", "2021", "long")
      .Pub("absence.mean_duration", "BZK", "", "2021", "", 690, 69);
  if (protect) {
    p.Hide("absence.episodes", "BZK", "", "2021", "medium");
  } else {
    p.Pub("absence.episodes", "BZK", "", "2021", "medium", 25);
  }
  return p;
}

TEST(IntruderAudit, CategoriesFromARelatedDenominatorAreRecovered) {
  const IntruderReport r = Audit(Episodes("cats", false).Write());
  ExpectExact(r, "absence.episodes/BZK/*/2021/long", 4);
  EXPECT_FALSE(r.safe());
}

TEST(IntruderAudit, CategoriesProtectedTogetherPass) {
  const IntruderReport r = Audit(Episodes("cats-p", true).Write());
  ExpectInterval(r, "absence.episodes/BZK/*/2021/long", 0, 29);
  ExpectInterval(r, "absence.episodes/BZK/*/2021/medium", 0, 29);
  EXPECT_TRUE(r.safe()) << FormatReportText(r);
}

// Route: a quarter from the year (sick days and available days add up over the quarters).
PubDir Quarters(const std::string& name, bool protect) {
  auto p = PubDir::Temporary(name);
  p.Def("absence.rate", "person-statistic", 100);
  for (const char* q : {"2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"}) {
    p.Pub("absence.rate", "FIN", "", q, "", 50, 1000);
  }
  p.Pub("absence.rate", "FIN", "", "2021", "", 200, 4000)
      .Pub("absence.rate", "BZK", "", "2021", "", 400, 10000)
      .Pub("absence.rate", "BZK", "", "2021-Q1", "", 120, 2500)
      .Pub("absence.rate", "BZK", "", "2021-Q2", "", 100, 2500)
      .Hide("absence.rate", "BZK", "", "2021-Q4", "");
  if (protect) {
    p.Hide("absence.rate", "BZK", "", "2021-Q3", "");
  } else {
    p.Pub("absence.rate", "BZK", "", "2021-Q3", "", 80, 2500);
  }
  return p;
}

TEST(IntruderAudit, AQuarterFromTheYearIsRecovered) {
  const IntruderReport r = Audit(Quarters("quarters", false).Write());
  ExpectExact(r, "absence.rate/BZK/*/2021-Q4/*", 100);
  ExpectExact(r, "absence.rate/BZK/*/2021-Q4/*", 2500, Quantity::kDenominator);
}

TEST(IntruderAudit, QuartersProtectedTogetherPass) {
  const IntruderReport r = Audit(Quarters("quarters-p", true).Write());
  ExpectInterval(r, "absence.rate/BZK/*/2021-Q4/*", 0, 180);
  ExpectInterval(r, "absence.rate/BZK/*/2021-Q4/*", 0, 5000, Quantity::kDenominator);
  EXPECT_TRUE(r.safe()) << FormatReportText(r);
}

// A stock counted on 31 December: the year's figure is its fourth quarter's.
TEST(IntruderAudit, AStockYearGivesAwayItsFourthQuarter) {
  auto p = PubDir::Temporary("stock");
  p.Def("vacancies.open", "person-count");
  for (const char* ministry : {"FIN", "SZW"}) {
    p.Pub("vacancies.open", ministry, "", "2021-Q1", "", 4)
        .Pub("vacancies.open", ministry, "", "2021-Q2", "", 6)
        .Pub("vacancies.open", ministry, "", "2021-Q3", "", 5)
        .Pub("vacancies.open", ministry, "", "2021-Q4", "", 7)
        .Pub("vacancies.open", ministry, "", "2021", "", 7);
  }
  p.Pub("vacancies.open", "BZK", "", "2021", "", 3)
      .Hide("vacancies.open", "BZK", "", "2021-Q4", "");
  const IntruderReport r = Audit(p.Write());
  ExpectExact(r, "vacancies.open/BZK/*/2021-Q4/*", 3);
}

// Route: a share's denominator is the headcount that another table hides.
PubDir Share(const std::string& name, bool protect) {
  auto p = PubDir::Temporary(name);
  p.Def("personnel.headcount", "person-count")
      .Def("personnel.women_share", "person-statistic", 100)
      .Pub("personnel.headcount", "FIN", "", "2021", "", 50)
      .Pub("personnel.headcount", "FIN", "kern", "2021", "", 50)
      .Pub("personnel.women_share", "FIN", "", "2021", "", 20, 50)
      .Pub("personnel.women_share", "FIN", "kern", "2021", "", 20, 50)
      .Pub("personnel.headcount", "BZK", "", "2021", "", 100)
      .Pub("personnel.headcount", "BZK", "kern", "2021", "", 80)
      .Hide("personnel.headcount", "BZK", "zbo", "2021", "")
      .Hide("personnel.headcount", "BZK", "agentschap", "2021", "")
      .Pub("personnel.women_share", "BZK", "", "2021", "", 40, 100)
      .Pub("personnel.women_share", "BZK", "kern", "2021", "", 32, 80)
      .Hide("personnel.women_share", "BZK", "agentschap", "2021", "");
  if (protect) {
    p.Hide("personnel.women_share", "BZK", "zbo", "2021", "");
  } else {
    p.Pub("personnel.women_share", "BZK", "zbo", "2021", "", 6, 12);
  }
  return p;
}

TEST(IntruderAudit, AShareDenominatorGivesAwayTheHiddenHeadcount) {
  const IntruderReport r = Audit(Share("share", false).Write());
  ExpectExact(r, "personnel.headcount/BZK/zbo/2021/*", 12);
  ExpectExact(r, "personnel.headcount/BZK/agentschap/2021/*", 8);
  ExpectExact(r, "personnel.women_share/BZK/agentschap/2021/*", 2);  // 40 - 32 - 6
}

TEST(IntruderAudit, AShareHiddenWithItsHeadcountPasses) {
  const IntruderReport r = Audit(Share("share-p", true).Write());
  ExpectInterval(r, "personnel.headcount/BZK/zbo/2021/*", 0, 20);
  ExpectInterval(r, "personnel.women_share/BZK/zbo/2021/*", 0, 20, Quantity::kDenominator);
  ExpectInterval(r, "personnel.women_share/BZK/zbo/2021/*", 0, 8);
  EXPECT_TRUE(r.safe()) << FormatReportText(r);
}

// Route: equal totals in two tables (interns started by kind and by level).
PubDir EqualTotals(const std::string& name, bool protect) {
  auto p = PubDir::Temporary(name);
  p.Def("internships.started", "person-count")
      .Def("internships.started_by_level", "person-count")
      .Pub("internships.started", "FIN", "", "2021", "", 12)
      .Pub("internships.started", "FIN", "", "2021", "mbo", 7)
      .Pub("internships.started", "FIN", "", "2021", "hbo", 5)
      .Pub("internships.started_by_level", "FIN", "", "2021", "", 12)
      .Pub("internships.started_by_level", "FIN", "", "2021", "bachelor", 12)
      .Pub("internships.started", "SZW", "", "2021", "", 9)
      .Pub("internships.started", "SZW", "", "2021", "mbo", 9)
      .Pub("internships.started_by_level", "SZW", "", "2021", "", 9)
      .Pub("internships.started_by_level", "SZW", "", "2021", "master", 9)
      .Pub("internships.started", "BZK", "", "2021", "mbo", 20)
      .Hide("internships.started", "BZK", "", "2021", "hbo")
      .Pub("internships.started_by_level", "BZK", "", "2021", "", 30)
      .Pub("internships.started_by_level", "BZK", "", "2021", "bachelor", 15)
      .Pub("internships.started_by_level", "BZK", "", "2021", "master", 15);
  if (protect) {
    p.Pub("internships.started", "BZK", "", "2021", "", 30)
        .Hide("internships.started", "BZK", "", "2021", "wo");
  } else {
    p.Hide("internships.started", "BZK", "", "2021", "");
  }
  return p;
}

TEST(IntruderAudit, EqualTotalsInTwoTablesGiveAwayACategory) {
  const IntruderReport r = Audit(EqualTotals("totals", false).Write());
  ExpectExact(r, "internships.started/BZK/*/2021/*", 30);
  ExpectExact(r, "internships.started/BZK/*/2021/hbo", 10);
}

TEST(IntruderAudit, EqualTotalsWithTwoHiddenCategoriesPass) {
  const IntruderReport r = Audit(EqualTotals("totals-p", true).Write());
  ExpectInterval(r, "internships.started/BZK/*/2021/hbo", 0, 10);
  ExpectInterval(r, "internships.started/BZK/*/2021/wo", 0, 10);
  EXPECT_TRUE(r.safe()) << FormatReportText(r);
}

TEST(IntruderAudit, TwoBreakdownsWithoutTotalsShareTheirSum) {
  // Interns by kind and by level, neither with a total row: the two sums are the same number
  // (FIN and SZW confirm it), so BZK's hidden kind is 15 + 15 - 20.
  auto p = PubDir::Temporary("two-sums");
  p.Def("internships.started", "person-count").Def("internships.started_by_level", "person-count");
  for (const auto& [ministry, a, b] :
       {std::tuple<const char*, double, double>{"FIN", 7, 5}, {"SZW", 4, 6}}) {
    p.Pub("internships.started", ministry, "", "2021", "mbo", a)
        .Pub("internships.started", ministry, "", "2021", "hbo", b)
        .Pub("internships.started_by_level", ministry, "", "2021", "bachelor", a + b - 1)
        .Pub("internships.started_by_level", ministry, "", "2021", "master", 1);
  }
  p.Pub("internships.started", "BZK", "", "2021", "mbo", 20)
      .Hide("internships.started", "BZK", "", "2021", "hbo")
      .Pub("internships.started_by_level", "BZK", "", "2021", "bachelor", 15)
      .Pub("internships.started_by_level", "BZK", "", "2021", "master", 15);
  const IntruderReport r = Audit(p.Write());
  ExpectExact(r, "internships.started/BZK/*/2021/hbo", 10);
}

TEST(IntruderAudit, AHiddenCellShownAsLastYearInAnotherRowFails) {
  // series.csv hides BZK's zbo of 2020, but the 2021 row's "previous" column shows it.
  auto p = PubDir::Temporary("previous");
  p.Def("personnel.headcount", "person-count")
      .Pub("personnel.headcount", "BZK", "zbo", "2021", "", 12, 1, "4")
      .Series("personnel.headcount", "BZK", "zbo", "2020", "", "");
  const IntruderReport r = Audit(p.Write());
  ExpectExact(r, "personnel.headcount/BZK/zbo/2020/*", 4);
}

// Route: the Rijk is the sum of the ministries but for Defence, which the audit finds itself.
TEST(IntruderAudit, TheRijkWithoutDefenceGivesAwayAMinistry) {
  auto p = PubDir::Temporary("rijk");
  p.Def("personnel.headcount", "person-count")
      .Pub("personnel.headcount", "Rijk", "", "2021", "", 150)
      .Pub("personnel.headcount", "BZK", "", "2021", "", 100)
      .Hide("personnel.headcount", "FIN", "", "2021", "")
      .Pub("personnel.headcount", "DEF", "", "2021", "", 30)
      .Pub("personnel.headcount", "Rijk", "kern", "2021", "", 130)
      .Pub("personnel.headcount", "BZK", "kern", "2021", "", 80)
      .Pub("personnel.headcount", "FIN", "kern", "2021", "", 50)
      .Pub("personnel.headcount", "DEF", "kern", "2021", "", 20);
  const IntruderReport r = Audit(p.Write());
  ExpectExact(r, "personnel.headcount/FIN/*/2021/*", 50);
  bool found = false;
  for (const FamilyReport& f : r.families) {
    if (f.kind == "rijk" && f.accepted) {
      found = true;
      EXPECT_NE(f.label.find("except DEF"), std::string::npos) << f.label;
    }
  }
  EXPECT_TRUE(found) << FormatReportText(r);
}

// Route: releases over time. 2020-1 hid zbo and agentschap; 2021-1 re-protected 2020 (same
// numbers) hiding kern and agentschap. Together: agentschap = 100 - 85 - 8, kern = 85.
struct Releases {
  TempDir tmp;  // both releases, removed with the struct
  std::string earlier, current;
};

Releases TwoReleases(const std::string& name, bool protect) {
  TempDir tmp = AuditDir(name);
  const auto root = std::filesystem::path(tmp.path()) / "releases";
  PubDir a(root / "2020-1");
  a.Def("personnel.headcount", "person-count")
      .Pub("personnel.headcount", "BZK", "", "2020", "", 100)
      .Pub("personnel.headcount", "BZK", "kern", "2020", "", 85)
      .Hide("personnel.headcount", "BZK", "zbo", "2020", "")
      .Hide("personnel.headcount", "BZK", "agentschap", "2020", "");
  PubDir b(root / "2021-1");
  b.Def("personnel.headcount", "person-count")
      .Pub("personnel.headcount", "BZK", "", "2021", "", 110)
      .Pub("personnel.headcount", "BZK", "kern", "2021", "", 90)
      .Pub("personnel.headcount", "BZK", "zbo", "2021", "", 10)
      .Pub("personnel.headcount", "BZK", "agentschap", "2021", "", 10)
      .Series("personnel.headcount", "BZK", "", "2020", "", "100")
      .Series("personnel.headcount", "BZK", "agentschap", "2020", "", "");
  if (protect) {
    b.Series("personnel.headcount", "BZK", "kern", "2020", "", "85")
        .Series("personnel.headcount", "BZK", "zbo", "2020", "", "");
  } else {
    b.Series("personnel.headcount", "BZK", "kern", "2020", "", "")
        .Series("personnel.headcount", "BZK", "zbo", "2020", "", "8");
  }
  std::string earlier = a.Write(), current = b.Write();
  return {std::move(tmp), std::move(earlier), std::move(current)};
}

TEST(IntruderAudit, TwoReleasesTogetherGiveAwayACell) {
  const Releases rel = TwoReleases("releases", false);
  EXPECT_EQ(DiscoverEarlierReleases(rel.current), std::vector<std::string>{rel.earlier});
  const IntruderReport r = Audit(rel.current, DiscoverEarlierReleases(rel.current));
  ExpectExact(r, "personnel.headcount/BZK/agentschap/2020/*", 7);
  ExpectExact(r, "personnel.headcount/BZK/kern/2020/*", 85);
  // Without the earlier release, 2021-1 alone keeps both within [0, 92].
  const IntruderReport alone = Audit(rel.current);
  ExpectInterval(alone, "personnel.headcount/BZK/agentschap/2020/*", 0, 92);
  EXPECT_TRUE(alone.safe()) << FormatReportText(alone);
}

TEST(IntruderAudit, TwoReleasesWithOnePatternPass) {
  const Releases rel = TwoReleases("releases-p", true);
  const IntruderReport r = Audit(rel.current, DiscoverEarlierReleases(rel.current));
  ExpectInterval(r, "personnel.headcount/BZK/zbo/2020/*", 0, 15);
  ExpectInterval(r, "personnel.headcount/BZK/agentschap/2020/*", 0, 15);
  EXPECT_TRUE(r.safe()) << FormatReportText(r);
}

// Route: the rolling four-quarter rate, through last year's quarters of the earlier release.
// BZK hides 2021's year and its first two quarters; the rolling rate at 2021-Q1 is 2020-Q2..Q4
// (published in 2020-1) plus 2021-Q1: sick days 340 - 80 - 60 - 90 = 110, available days
// 8100 - 3 x 2000 = 2100.
TEST(IntruderAudit, TheRollingRateAndLastYearsQuartersGiveAwayAQuarter) {
  const TempDir tmp = AuditDir("rolling");
  const auto root = std::filesystem::path(tmp.path()) / "releases";
  PubDir a(root / "2020-1");
  a.Def("absence.rate", "person-statistic", 100)
      .Def("absence.rate_rolling", "person-statistic", 100);
  const double bzk20[4] = {100, 80, 60, 90};
  for (int q = 0; q < 4; ++q) {
    const std::string period = fmt::format("2020-Q{}", q + 1);
    a.Pub("absence.rate", "FIN", "", period, "", 50, 1000)
        .Pub("absence.rate", "BZK", "", period, "", bzk20[q], 2000);
  }
  a.Pub("absence.rate", "FIN", "", "2020", "", 200, 4000)
      .Pub("absence.rate", "BZK", "", "2020", "", 330, 8000)
      .Pub("absence.rate_rolling", "FIN", "", "2020-Q4", "", 200, 4000)
      .Pub("absence.rate_rolling", "BZK", "", "2020-Q4", "", 330, 8000);
  a.Write();
  PubDir b(root / "2021-1");
  b.Def("absence.rate", "person-statistic", 100)
      .Def("absence.rate_rolling", "person-statistic", 100);
  const double fin_rolling[4] = {190, 180, 170, 160};
  for (int q = 0; q < 4; ++q) {
    const std::string period = fmt::format("2021-Q{}", q + 1);
    b.Pub("absence.rate", "FIN", "", period, "", 40, 1000, "5")
        .Pub("absence.rate_rolling", "FIN", "", period, "", fin_rolling[q], 4000);
  }
  b.Pub("absence.rate", "FIN", "", "2021", "", 160, 4000, "5")
      .Hide("absence.rate", "BZK", "", "2021", "", "4.125")
      .Hide("absence.rate", "BZK", "", "2021-Q1", "", "5")
      .Hide("absence.rate", "BZK", "", "2021-Q2", "", "4")
      .Pub("absence.rate", "BZK", "", "2021-Q3", "", 50, 2100, "3")
      .Pub("absence.rate", "BZK", "", "2021-Q4", "", 100, 2100, "4.5")
      .Pub("absence.rate_rolling", "BZK", "", "2021-Q1", "", 340, 8100)
      .Pub("absence.rate_rolling", "BZK", "", "2021-Q2", "", 330, 8200)
      .Pub("absence.rate_rolling", "BZK", "", "2021-Q3", "", 320, 8300)
      .Hide("absence.rate_rolling", "BZK", "", "2021-Q4", "");
  const std::string cur = b.Write();
  const IntruderReport r = Audit(cur, DiscoverEarlierReleases(cur));
  ExpectExact(r, "absence.rate/BZK/*/2021-Q1/*", 110);
  ExpectExact(r, "absence.rate/BZK/*/2021-Q1/*", 2100, Quantity::kDenominator);
  bool rolling = false;
  for (const FamilyReport& f : r.families) rolling = rolling || (f.kind == "rolling" && f.accepted);
  EXPECT_TRUE(rolling) << FormatReportText(r);
}

TEST(IntruderAudit, ARestatedCellIsNotLinkedToItsFirstRelease) {
  // 2021-1 says BZK's 2020 kern changed since 2020-1: 2020-1's 85 says nothing about it now.
  const TempDir tmp = AuditDir("restated");
  const auto root = std::filesystem::path(tmp.path()) / "releases";
  PubDir a(root / "2020-1");
  a.Def("personnel.headcount", "person-count")
      .Pub("personnel.headcount", "BZK", "", "2020", "", 100)
      .Pub("personnel.headcount", "BZK", "kern", "2020", "", 85)
      .Hide("personnel.headcount", "BZK", "zbo", "2020", "")
      .Hide("personnel.headcount", "BZK", "agentschap", "2020", "");
  PubDir b(root / "2021-1");
  b.Def("personnel.headcount", "person-count")
      .Pub("personnel.headcount", "BZK", "", "2021", "", 110)
      .Pub("personnel.headcount", "BZK", "kern", "2021", "", 90)
      .Pub("personnel.headcount", "BZK", "zbo", "2021", "", 20)
      .Series("personnel.headcount", "BZK", "", "2020", "", "101")
      .Series("personnel.headcount", "BZK", "kern", "2020", "", "")
      .Series("personnel.headcount", "BZK", "zbo", "2020", "", "")
      .Restated("personnel.headcount", "BZK", "", "2020", "", "2020-1")
      .Restated("personnel.headcount", "BZK", "kern", "2020", "", "2020-1");
  const std::string cur = b.Write();
  a.Write();
  const IntruderReport r = Audit(cur, DiscoverEarlierReleases(cur));
  ExpectInterval(r, "personnel.headcount/BZK/kern/2020/*", 0, 101);
  ExpectInterval(r, "personnel.headcount/BZK/zbo/2020/*", 0, 101);
}

TEST(IntruderAudit, OneEqualPairIsNotEnoughForAnIdentity) {
  // a and b agree at FIN only: no identity, so SZW's hidden a is not b's 5.
  auto p = PubDir::Temporary("one-pair");
  p.Def("a.count", "person-count")
      .Def("b.count", "person-count")
      .Pub("a.count", "FIN", "", "2021", "", 12)
      .Pub("b.count", "FIN", "", "2021", "", 12)
      .Hide("a.count", "SZW", "", "2021", "")
      .Pub("b.count", "SZW", "", "2021", "", 5);
  const IntruderReport r = Audit(p.Write());
  ExpectInterval(r, "a.count/SZW/*/2021/*", 0, kInf);
  EXPECT_EQ(r.families_accepted, 0);
}

TEST(IntruderAudit, ARelationThatOnlyLooksTrueIsRejected) {
  // Two indicators agree at FIN and AZ but not at BZK: no identity is assumed, and SZW's hidden
  // cell keeps what its own table gives it.
  auto p = PubDir::Temporary("coincidence");
  p.Def("a.count", "person-count")
      .Def("b.count", "person-count")
      .Pub("a.count", "FIN", "", "2021", "", 12)
      .Pub("b.count", "FIN", "", "2021", "", 12)
      .Pub("a.count", "AZ", "", "2021", "", 14)
      .Pub("b.count", "AZ", "", "2021", "", 14)
      .Pub("a.count", "BZK", "", "2021", "", 30)
      .Pub("b.count", "BZK", "", "2021", "", 31)
      .Hide("a.count", "SZW", "", "2021", "")
      .Pub("b.count", "SZW", "", "2021", "", 5);
  const IntruderReport r = Audit(p.Write());
  ExpectInterval(r, "a.count/SZW/*/2021/*", 0, kInf);
  EXPECT_EQ(r.rejected_coincidences, 1);
  EXPECT_TRUE(r.safe());
}

TEST(IntruderAudit, SmallCountsThatAgreeTwiceAreNoIdentity) {
  // a and b agree at FIN (5) and AZ (3) and nowhere else is either published: counts that small
  // agree by chance (two integrity tables did, and the audit "recovered" a value that was not the
  // true one). No identity, so SZW's hidden a is not b's 6.
  auto p = PubDir::Temporary("small-pairs");
  p.Def("a.count", "person-count")
      .Def("b.count", "person-count")
      .Pub("a.count", "FIN", "", "2021", "", 5)
      .Pub("b.count", "FIN", "", "2021", "", 5)
      .Pub("a.count", "AZ", "", "2021", "", 3)
      .Pub("b.count", "AZ", "", "2021", "", 3)
      .Hide("a.count", "SZW", "", "2021", "")
      .Pub("b.count", "SZW", "", "2021", "", 6);
  const IntruderReport r = Audit(p.Write());
  ExpectInterval(r, "a.count/SZW/*/2021/*", 0, kInf);
  EXPECT_EQ(r.families_accepted, 0);
}

TEST(IntruderAudit, OneMinistrysAgreementInTwoYearsIsNoIdentity) {
  // The Rijk's confirmed cases of undesirable behaviour and its interns of "other" level agreed
  // in 2020 (16) and 2021 (17) by chance, and nowhere else were both published and non-zero.
  // Taken as an identity, it made IenW's hidden "other" interns its 0 cases, and so its hidden
  // vmbo interns 83 - 44 - 21 - 14 - 0 = 4, where the true values are 2 and 2. Agreement in one
  // ministry's figures is no relation by definition: both stay open.
  PubDir p = PubDir::Temporary("one-ministry-pairs");
  p.Def("a.count", "person-count")
      .Def("b.count", "person-count")
      .Pub("a.count", "Rijk", "", "2020", "other", 16)
      .Pub("b.count", "Rijk", "", "2020", "", 16)
      .Pub("a.count", "Rijk", "", "2021", "other", 17)
      .Pub("b.count", "Rijk", "", "2021", "", 17)
      .Pub("a.count", "IenW", "", "2021", "", 83)
      .Pub("a.count", "IenW", "", "2021", "hbo", 44)
      .Pub("a.count", "IenW", "", "2021", "mbo", 21)
      .Pub("a.count", "IenW", "", "2021", "wo", 14)
      .Hide("a.count", "IenW", "", "2021", "other")
      .Hide("a.count", "IenW", "", "2021", "vmbo")
      .Pub("b.count", "IenW", "", "2021", "", 0);
  const IntruderReport r = Audit(p.Write());
  ExpectInterval(r, "a.count/IenW/*/2021/vmbo", 0, 4);
  ExpectInterval(r, "a.count/IenW/*/2021/other", 0, 4);
  for (const FamilyReport& f : r.families) {
    EXPECT_FALSE(f.accepted && (f.kind == "identity" || f.kind == "cross")) << f.label;
  }
}

TEST(IntruderAudit, ACoincidenceThatContradictsTheTablesIsDropped) {
  // a and b agree at FIN and SZW, the only places both are published, so "a = b" is accepted; at
  // BZK it would make zbo 40 where the unit types make it 20 - 15 = 5. The program is infeasible;
  // both families have two confirmations, and the identity, likelier to be chance, is dropped.
  auto p = PubDir::Temporary("dropped");
  p.Def("a.count", "person-count")
      .Def("b.count", "person-count")
      .Pub("a.count", "FIN", "", "2021", "", 12)
      .Pub("a.count", "FIN", "kern", "2021", "", 12)
      .Pub("b.count", "FIN", "", "2021", "", 12)
      .Pub("a.count", "SZW", "", "2021", "", 18)
      .Pub("a.count", "SZW", "kern", "2021", "", 18)
      .Pub("b.count", "SZW", "", "2021", "", 18)
      .Pub("a.count", "BZK", "", "2021", "", 20)
      .Pub("a.count", "BZK", "kern", "2021", "", 15)
      .Hide("a.count", "BZK", "zbo", "2021", "")
      .Pub("b.count", "BZK", "zbo", "2021", "", 40);
  const IntruderReport r = Audit(p.Write());
  ExpectExact(r, "a.count/BZK/zbo/2021/*", 5);
  EXPECT_EQ(r.families_dropped, 1);
  bool dropped_identity = false;
  for (const FamilyReport& f : r.families) {
    if (f.dropped) dropped_identity = f.kind == "identity";
  }
  EXPECT_TRUE(dropped_identity) << FormatReportText(r);
}

TEST(Judge, FromTheOutside) {
  const sdc::ProtectionOptions o;  // 10 %, at least 1
  auto judge = [&](double lo, double hi, bool integer) {
    QuantityBounds b;
    b.lo = lo;
    b.hi = hi;
    b.integer = integer;
    Judge(o, &b);
    return b;
  };
  EXPECT_TRUE(judge(3, 3, true).exact);
  EXPECT_TRUE(judge(2.6, 3.4, true).exact);  // one whole value
  // Magnitudes need only stay open (nothing from outside says how many persons are behind them).
  EXPECT_FALSE(judge(0, 1, false).fails());
  EXPECT_FALSE(judge(0, 0.5, false).fails());
  EXPECT_TRUE(judge(12.2, 12.2, false).fails());
  // A count that could be small: lo = 6, the best v is max(7, 6 / 0.9 = 6.67) = 7, which needs 8.
  EXPECT_FALSE(judge(6, 8, true).fails());
  EXPECT_TRUE(judge(6, 7, true).fails());
  // A count known to be at least 10 is no small group: [10, 11] stays open and passes.
  EXPECT_FALSE(judge(10, 11, true).fails());
  // Counts: [3, 4] holds two values, but 4 needs [3, 5]; [3, 5] is enough.
  EXPECT_TRUE(judge(3, 4, true).fails());
  EXPECT_FALSE(judge(3, 4, true).exact);
  EXPECT_FALSE(judge(3, 5, true).fails());
  EXPECT_FALSE(judge(50, kInf, true).fails());
}

}  // namespace
}  // namespace jbr::audit
