// Engine-level disclosure control and stored runs: personnel deliveries loaded into a temporary
// workspace's SQLite store, computed with ComputeYear, saved with SaveComputation.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <optional>

#include "common/testing/temp_dir.h"
#include "indicators/core/reference.h"
#include "indicators/engine.h"
#include "store/load.h"
#include "store/workspace.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

class EngineDisclosureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-engine-disclosure-"));
    dir_ = tmp_->path();
    auto ws = Workspace::Create((dir_ / "ws").string());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
    auto ref = ReferenceData::Load(std::string(JBR_SOURCE_DIR) + "/data/reference");
    ASSERT_TRUE(ref.ok()) << ref.status().ToString();
    ref_ = std::move(ref).value();
  }
  void TearDown() override {
    ws_.reset();
    tmp_.reset();
  }

  // Loads a personnel file for 2020 with `n` persons employed on 31 Dec 2020 (born in `born`, or
  // spread over 1960-1989 when 0).
  DeliveryRecord DeliverPersonnel(const std::string& ministry, int n, int born = 0) {
    std::string text =
        "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,"
        "birth_year,gender,salary_scale,contract,jobs_agreement\n";
    for (int i = 1; i <= n; ++i) {
      text += "P" + std::to_string(i) + ",E" + std::to_string(i) + ",DG A,core,2016-03-01,,36," +
              std::to_string(born ? born : 1960 + i % 30) + "," + (i % 2 ? "V" : "M") +
              ",10,vast,nee\n";
    }
    const std::string path = (dir_ / (ministry + "-" + std::to_string(++files_) + ".csv")).string();
    std::ofstream(path, std::ios::binary) << text;
    LoadRequest req;
    req.dataset = "personnel";
    req.ministry = ministry;
    req.year = 2020;
    req.delivered_by = "engine-test";
    req.path = path;
    req.display_name = fs::path(path).filename().string();
    req.received_at = "2021-02-01T10:00:00Z";
    CollectingSink sink;
    auto r =
        LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find("personnel"), req, &sink);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return {};
    EXPECT_EQ(r->outcome, LoadOutcome::kAccepted)
        << (sink.findings().empty() ? "" : sink.findings()[0].message);
    return r->delivery;
  }

  ComputeResult Compute(const std::string& pattern) {
    ComputeEnv env{ws_->store(), &ws_->schemas(), &ws_->ministries(), &ref_};
    ComputeOptions o;
    o.year = 2020;
    o.indicator_pattern = pattern;
    auto r = ComputeYear(env, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : ComputeResult{};
  }

  fs::path dir_;
  std::optional<TempDir> tmp_;
  std::unique_ptr<Workspace> ws_;
  ReferenceData ref_;
  int files_ = 0;
};

const IndicatorValue& Cell(const ComputeResult& r, const std::string& indicator,
                           const std::string& ministry, const std::string& unit_type = "") {
  static const IndicatorValue kNone;
  for (const auto& v : r.values) {
    if (v.indicator == indicator && v.ministry == ministry && v.unit_type == unit_type &&
        v.category.empty())
      return v;
  }
  ADD_FAILURE() << "no " << indicator << " for " << ministry << " unit type '" << unit_type << "'";
  return kNone;
}

// The range a suppressed part of "Rijk = sum of the counted ministries" can take given only the
// published cells (values >= 0): with the Rijk published and the other suppressed parts free,
// [0, Rijk - published parts], pinned to a point when it is the only suppressed part; with the
// Rijk suppressed there is no upper bound at all.
struct Range {
  double lo, hi;
};
Range RangeFromPublished(const ComputeResult& r, const std::string& indicator,
                         const std::string& unit_type, const std::string& ministry) {
  const IndicatorValue& rijk = Cell(r, indicator, kRijk, unit_type);
  if (rijk.status != "published") return {0, std::numeric_limits<double>::infinity()};
  double rest = *rijk.value;
  int suppressed_parts = 0;
  for (const auto& v : r.values) {
    if (v.indicator != indicator || v.unit_type != unit_type || v.ministry == kRijk || !v.in_rijk)
      continue;
    if (v.status == "published") rest -= *v.value;
    if (v.status == "suppressed") ++suppressed_parts;
  }
  EXPECT_GE(suppressed_parts, 1) << ministry;
  return suppressed_parts == 1 ? Range{rest, rest} : Range{0, rest};
}

// 8. A ministry of 3 persons among ministries of 20 and more: suppressed, and not recoverable.
TEST_F(EngineDisclosureTest, SmallMinistryIsSuppressedAndNotRecoverableFromTheRijk) {
  DeliverPersonnel("BZK", 3);
  DeliverPersonnel("AZ", 20);
  DeliverPersonnel("FIN", 25);
  DeliverPersonnel("SZW", 31);
  const ComputeResult r = Compute("personnel.headcount");
  // Two tables: all units (unit type "") and unit type "core" (everyone is in a core unit).
  for (const std::string unit : {"", "core"}) {
    const IndicatorValue& bzk = Cell(r, "personnel.headcount", "BZK", unit);
    EXPECT_EQ(bzk.status, "suppressed") << unit;
    EXPECT_EQ(bzk.suppression, "primary") << unit;
    EXPECT_FALSE(bzk.value || bzk.numerator || bzk.denominator) << unit;
    int secondary = 0;
    for (const auto& v : r.values) {
      if (v.indicator != "personnel.headcount" || v.unit_type != unit || v.ministry == "BZK")
        continue;
      if (v.status == "suppressed") {
        EXPECT_EQ(v.suppression, "secondary") << v.ministry;
        EXPECT_FALSE(v.value || v.numerator || v.denominator) << v.ministry;
        ++secondary;
      } else if (v.status == "published") {
        // Published cells are the counts delivered: AZ 20, FIN 25, SZW 31; the Rijk 3+20+25+31
        // = 79.
        const std::map<std::string, double> expected = {
            {"AZ", 20}, {"FIN", 25}, {"SZW", 31}, {kRijk, 79}};
        ASSERT_TRUE(expected.count(v.ministry)) << v.ministry;
        EXPECT_EQ(*v.value, expected.at(v.ministry)) << v.ministry;
      }
    }
    EXPECT_GE(secondary, 1) << "unit type '" << unit << "': the Rijk total would give BZK away";
    const Range range = RangeFromPublished(r, "personnel.headcount", unit, "BZK");
    EXPECT_LT(range.lo, range.hi) << "unit type '" << unit << "': BZK pinned to " << range.lo;
  }
}

// 8b. The threshold is 10: 10 persons is a publishable cell, 9 is not.
TEST_F(EngineDisclosureTest, ThresholdBoundaryTenPublishedNineSuppressed) {
  DeliverPersonnel("AZ", 10);
  ComputeResult r = Compute("personnel.headcount");
  EXPECT_EQ(Cell(r, "personnel.headcount", "AZ").status, "published");
  EXPECT_EQ(Cell(r, "personnel.headcount", "AZ").value, 10.0);
  EXPECT_EQ(Cell(r, "personnel.headcount", kRijk).value, 10.0);  // AZ alone

  DeliverPersonnel("BZK", 9);
  r = Compute("personnel.headcount");
  EXPECT_EQ(Cell(r, "personnel.headcount", "BZK").suppression, "primary");
  EXPECT_NE(Cell(r, "personnel.headcount", "AZ").suppression, "primary");   // secondary at most
  EXPECT_NE(Cell(r, "personnel.headcount", kRijk).suppression, "primary");  // 19 persons
}

// 8c. Linked tables. personnel.headcount is also the row total of personnel.age_band (and
// scale_band) and the denominator of the shares and means, but each indicator's table is protected
// on its own. Here BZK (3 persons, born 1990: age 30, band 25-34), AZ 20 (born 1975: 45-54),
// FIN 25 (1985: 35-44), SZW 31 (1988: 32, 25-34). Observed: the headcount table suppresses AZ as
// the secondary cell, the age_band table suppresses SZW/25-34, and every other band cell of AZ,
// BZK and SZW is published (0). Then, from published cells only:
//   AZ headcount = sum of AZ's bands = 20, so BZK = 79 - 20 - 25 - 31 = 3; or
//   SZW 25-34 = SZW headcount 31 - 0s = 31, so BZK 25-34 = Rijk 25-34 34 - 31 = 3 = BZK's
//   headcount.
// Disabled: it fails against the current engine (domain.md section 6 is violated); see the report.
TEST_F(EngineDisclosureTest, SuppressedHeadcountNotRecoverableThroughAgeBands) {
  DeliverPersonnel("BZK", 3, 1990);
  DeliverPersonnel("AZ", 20, 1975);
  DeliverPersonnel("FIN", 25, 1985);
  DeliverPersonnel("SZW", 31, 1988);
  const ComputeResult r = Compute("personnel.*");
  // A ministry's headcount is recoverable when it is suppressed but all its age bands are
  // published.
  for (const std::string m : {"AZ", "BZK", "FIN", "SZW"}) {
    if (Cell(r, "personnel.headcount", m).status != "suppressed") continue;
    bool any_band_suppressed = false;
    for (const auto& v : r.values) {
      if (v.indicator == "personnel.age_band" && v.ministry == m && v.unit_type.empty()) {
        any_band_suppressed |= v.status == "suppressed";
      }
    }
    EXPECT_TRUE(any_band_suppressed)
        << m << "'s suppressed headcount is the sum of its published age bands";
  }
}

// 9. A saved run keeps the same statuses; suppressed values are stored without numbers.
TEST_F(EngineDisclosureTest, SavedRunKeepsStatusesAndNoSuppressedNumbers) {
  const DeliveryRecord bzk = DeliverPersonnel("BZK", 3);
  DeliverPersonnel("AZ", 20);
  DeliverPersonnel("FIN", 25);
  const ComputeResult r = Compute("personnel.*");
  ASSERT_FALSE(r.values.empty());
  auto id = SaveComputation(ws_->store(), r, "2021-03-01T12:00:00Z", "{\"year\":2020}");
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto latest = ws_->store()->LatestComputeRun(2020);
  ASSERT_TRUE(latest.ok() && latest->has_value());
  EXPECT_EQ((*latest)->id, *id);
  EXPECT_NE((*latest)->deliveries.find(std::to_string(bzk.id)), std::string::npos)
      << (*latest)->deliveries;
  auto stored = ws_->store()->ComputeRunValues(*id);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ASSERT_EQ(stored->size(), r.values.size());

  auto key = [](const auto& v) {
    return v.indicator + "|" + v.ministry + "|" + v.unit_type + "|" + v.period + "|" + v.category;
  };
  std::map<std::string, const StoredValue*> by_key;
  for (const auto& s : *stored) by_key[key(s)] = &s;
  ASSERT_EQ(by_key.size(), stored->size()) << "keys are unique";
  int suppressed = 0;
  for (const auto& v : r.values) {
    auto it = by_key.find(key(v));
    ASSERT_NE(it, by_key.end()) << key(v);
    const StoredValue& s = *it->second;
    EXPECT_EQ(s.status, v.status) << key(v);
    EXPECT_EQ(s.suppression, v.suppression) << key(v);
    EXPECT_EQ(s.flag, v.flag) << key(v);
    if (v.status == "suppressed") {
      ++suppressed;
      EXPECT_FALSE(s.value || s.numerator || s.denominator || s.change) << key(v);
    } else {
      EXPECT_EQ(s.value, v.value) << key(v);
      EXPECT_EQ(s.numerator, v.numerator) << key(v);
    }
  }
  EXPECT_GE(suppressed, 2) << "BZK's headcount and at least one secondary cell";
  EXPECT_EQ(by_key.at("personnel.headcount|BZK||2020|")->status, std::string("suppressed"));
  // BZK has 3 persons: its fte (a count over them) and women share (a share of them) are unsafe
  // too.
  EXPECT_EQ(by_key.at("personnel.fte|BZK||2020|")->suppression, "primary");
  EXPECT_EQ(by_key.at("personnel.women_share|BZK||2020|")->suppression, "primary");
}

}  // namespace
}  // namespace jbr
