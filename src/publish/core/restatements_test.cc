// Restatements with a real store: 2019 computed and released, then a corrected delivery for one
// ministry of 2019, then 2020 computed. Expected values are the hand-counted persons of the
// deliveries below; a second test uses hand-made runs for suppressed figures.
#include "publish/core/restatements.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "publish/core/publication.h"
#include "publish/publish.h"
#include "publish/release.h"
#include "publish/testing/compute_fixture.h"
#include "publish/testing/test_store.h"

namespace jbr::publish {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class RestatementTest : public ComputeFixture {};

TEST_F(RestatementTest, ACorrectedDeliveryRestatesExactlyTheFiguresBuiltOnIt) {
  const DeliveryRecord bzk_first = Personnel("BZK", 2019, 12, "2020-02-01T10:00:00Z");
  Personnel("FIN", 2019, 20, "2020-02-03T10:00:00Z");
  Compute(2019, "2020-03-01T12:00:00Z");
  ReleaseOptions o;
  o.template_dirs = TestTemplateDirs();
  o.schemas = &ws_->schemas();
  o.ministries = &ws_->ministries();
  o.pdf = false;
  o.year = 2019;
  o.out_dir = (dir_ / "r2019").string();
  o.created_at = "2020-04-01T09:00:00Z";
  o.actor = "tester";
  ASSERT_TRUE(MakeRelease(ws_->store(), Registry(), o).ok());
  // BZK corrects 2019: 15 persons instead of 12. FIN's 20 stands.
  const DeliveryRecord bzk_fixed = Personnel("BZK", 2019, 15, "2020-06-01T10:00:00Z");
  Personnel("BZK", 2020, 13, "2021-02-01T10:00:00Z");
  Personnel("FIN", 2020, 21, "2021-02-01T10:00:00Z");
  Compute(2020, "2021-03-01T12:00:00Z");

  auto pub = LoadPublication(ws_->store(), Registry(), 2020);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  auto list = LoadRestatements(ws_->store(), *pub, std::nullopt);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  // BZK in total and in its one unit type (core): 12 -> 15; the Rijk (BZK + FIN): 32 -> 35.
  ASSERT_EQ(list->size(), 4u);
  const std::string cause = fmt::format(
      "corrected delivery personnel BZK: delivery {} received 2020-02-01 replaced by delivery {} "
      "received 2020-06-01",
      bzk_first.id, bzk_fixed.id);
  const std::vector<std::tuple<std::string, std::string, double, double>> expected = {
      {"BZK", "", 12, 15}, {"BZK", "core", 12, 15}, {"Rijk", "", 32, 35}, {"Rijk", "core", 32, 35}};
  for (size_t i = 0; i < expected.size(); ++i) {
    const Restatement& r = (*list)[i];
    const auto& [ministry, unit_type, old_value, new_value] = expected[i];
    EXPECT_EQ(r.indicator, "personnel.headcount");
    EXPECT_EQ(r.ministry, ministry) << i;
    EXPECT_EQ(r.unit_type, unit_type) << i;
    EXPECT_EQ(r.period, "2019");
    EXPECT_EQ(r.old_value, old_value) << i;
    EXPECT_EQ(r.new_value, new_value) << i;
    EXPECT_EQ(r.old_status, "published");
    EXPECT_EQ(r.new_status, "published");
    EXPECT_EQ(r.first_release, "2019-1");
    EXPECT_EQ(r.cause, cause) << i;
  }
}

TEST_F(RestatementTest, ALateDeliveryRestatesAMissingFigure) {
  Personnel("BZK", 2019, 12, "2020-02-01T10:00:00Z");
  Compute(2019, "2020-03-01T12:00:00Z");
  ReleaseOptions o;
  o.template_dirs = TestTemplateDirs();
  o.schemas = &ws_->schemas();
  o.ministries = &ws_->ministries();
  o.pdf = false;
  o.year = 2019;
  o.out_dir = (dir_ / "r2019").string();
  ASSERT_TRUE(MakeRelease(ws_->store(), Registry(), o).ok());
  // FIN's 2019 file arrives after the release: 20 persons where the release said "missing".
  const DeliveryRecord late = Personnel("FIN", 2019, 20, "2020-07-01T10:00:00Z");
  Personnel("BZK", 2020, 13, "2021-02-01T10:00:00Z");
  Personnel("FIN", 2020, 21, "2021-02-01T10:00:00Z");
  Compute(2020, "2021-03-01T12:00:00Z");
  auto pub = LoadPublication(ws_->store(), Registry(), 2020);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  auto list = LoadRestatements(ws_->store(), *pub, std::nullopt);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  const std::string cause =
      fmt::format("late delivery personnel FIN: delivery {} received 2020-07-01", late.id);
  const Restatement* fin = nullptr;
  const Restatement* rijk = nullptr;
  for (const auto& r : *list) {
    EXPECT_NE(r.ministry, "BZK");  // BZK's 12 stands
    EXPECT_EQ(r.cause, cause) << r.ministry << " " << r.unit_type;
    if (r.unit_type.empty() && r.ministry == "FIN") fin = &r;
    if (r.unit_type.empty() && r.ministry == "Rijk") rijk = &r;
  }
  ASSERT_NE(fin, nullptr);
  EXPECT_EQ(fin->old_status, "missing");
  EXPECT_FALSE(fin->old_value.has_value());
  EXPECT_EQ(fin->new_value, 20);
  ASSERT_NE(rijk, nullptr);  // BZK alone, then BZK + FIN
  EXPECT_EQ(rijk->old_value, 12);
  EXPECT_EQ(rijk->new_value, 32);
}

// Two emission-factor lists: A (the shipped factors) and B (every factor halved: a petrol car
// 102 g/km instead of 204), assigned by emission_factor_vintages.csv rows (from_year, vintage).
class VintageRestatementTest : public ComputeFixture {
 protected:
  void Vintages(const std::vector<std::pair<std::string, std::string>>& from_year_vintage) {
    if (!factors_put_) Factors();
    RefTable v;
    v.name = "emission_factor_vintages";
    v.columns = {"from_year", "vintage", "source"};
    for (const auto& [from, name] : from_year_vintage) v.rows.push_back({from, name, "test"});
    ref_.Put(v);
  }
  void Factors() {
    factors_put_ = true;
    const RefTable* shipped = ref_.Get("emission_factors");
    ASSERT_NE(shipped, nullptr);
    const int vintage = shipped->Column("vintage"), factor = shipped->Column("factor_g_per_km");
    RefTable f = *shipped;
    f.rows.clear();
    for (const auto& row : shipped->rows) {
      if (row[vintage] != "2020-illustrative") continue;
      auto a = row, b = row;
      a[vintage] = "A";
      b[vintage] = "B";
      b[factor] = fmt::format("{}", std::stod(row[factor]) / 2);
      f.rows.push_back(a);
      f.rows.push_back(b);
    }
    ref_.Put(f);
  }
  // Petrol car commuting of BZK in `year`: `km` kilometres on 1 March.
  DeliveryRecord Mobility(int year, int km, const std::string& received_at) {
    const std::string name = fmt::format("mobiliteit-{}-{}.csv", year, ++files_);
    std::ofstream((dir_ / name).string(), std::ios::binary)
        << "date,purpose,mode,distance_km,trips\n"
        << fmt::format("{}-03-01,commute,car_private_petrol,{},100\n", year, km);
    LoadRequest req{"mobility", "BZK",       year, "tester", (dir_ / name).string(),
                    name,       received_at, {}};
    CollectingSink sink;
    auto r =
        LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find("mobility"), req, &sink);
    EXPECT_TRUE(r.ok() && r->outcome == LoadOutcome::kAccepted)
        << r.status().ToString() << sink.errors();
    return r.ok() ? r->delivery : DeliveryRecord{};
  }
  void Release(int year, int64_t run) {
    NewRelease r;
    r.year = year;
    r.number = 1;
    r.run_id = run;
    r.created_at = fmt::format("{}-04-01T09:00:00Z", year + 1);
    r.actor = "tester";
    r.manifest = "{}";
    ASSERT_TRUE(ws_->store()->CreateRelease(r).ok());
  }
  std::vector<Restatement> Restated(int year) {
    auto pub = LoadPublication(ws_->store(), Registry(), year);
    EXPECT_TRUE(pub.ok()) << pub.status().ToString();
    if (!pub.ok()) return {};
    auto list = LoadRestatements(ws_->store(), *pub, std::nullopt);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    return list.ok() ? *list : std::vector<Restatement>{};
  }

  bool factors_put_ = false;
};

// List A up to 2019, list B from 2020. Release 2019-1 was computed with A; the 2020 run computes
// 2020 with B and 2019, its last year, still with A. FIN's late 2019 delivery restates FIN and the
// Rijk for 2019: the cause is the late delivery alone. 2019's factors did not change, although
// the two runs' own years have different vintages (A and B).
TEST_F(VintageRestatementTest, ALateDeliveryUnderANewListForTheNextYearIsNoFactorChange) {
  Vintages({{"2000", "A"}, {"2020", "B"}});
  Personnel("BZK", 2019, 12, "2020-02-01T10:00:00Z");
  Release(2019, Compute(2019, "2020-03-01T12:00:00Z"));
  const DeliveryRecord late = Personnel("FIN", 2019, 20, "2020-07-01T10:00:00Z");
  Personnel("BZK", 2020, 13, "2021-02-01T10:00:00Z");
  Personnel("FIN", 2020, 21, "2021-02-01T10:00:00Z");
  Compute(2020, "2021-03-01T12:00:00Z");
  const auto run = ws_->store()->LatestComputeRun(2020);
  ASSERT_TRUE(run.ok() && run->has_value());
  EXPECT_EQ((*run)->factor_vintage, "B");
  EXPECT_EQ((*run)->factor_vintages, R"({"2019":"A","2020":"B"})");
  const auto list = Restated(2020);
  // FIN missing -> 20 (the release had one row for it, in total), the Rijk 12 -> 32 in total and
  // in the core unit type.
  ASSERT_EQ(list.size(), 3u);
  const std::string cause =
      fmt::format("late delivery personnel FIN: delivery {} received 2020-07-01", late.id);
  for (const auto& r : list) {
    EXPECT_EQ(r.period, "2019");
    EXPECT_EQ(r.cause, cause) << r.ministry << " " << r.unit_type;
    EXPECT_THAT(r.cause, Not(HasSubstr("emission factors")));
  }
}

// The same figure's own year given list B (a deliberate recomputation of 2019): BZK's 2019 mobility
// CO2 goes from 10,000 km x 204 g = 2.04 t (release 2019-1, list A) to 10,000 km x 102 g = 1.02 t,
// with the same delivery. The cause is the factor list alone.
TEST_F(VintageRestatementTest, ANewListForTheRestatedYearIsAFactorChange) {
  Vintages({{"2000", "A"}});
  Mobility(2019, 10000, "2020-02-01T10:00:00Z");
  Release(2019, Compute(2019, "2020-03-01T12:00:00Z", 1, "co2.mobility"));
  Vintages({{"2000", "A"}, {"2019", "B"}});
  Mobility(2020, 5000, "2021-02-01T10:00:00Z");
  Compute(2020, "2021-03-01T12:00:00Z", 1, "co2.mobility");
  const auto list = Restated(2020);
  const Restatement* bzk = nullptr;
  for (const auto& r : list) {
    EXPECT_EQ(r.cause, "emission factors A replaced by B") << r.ministry << " " << r.category;
    if (r.ministry == "BZK" && r.unit_type.empty() && r.category.empty()) bzk = &r;
  }
  ASSERT_NE(bzk, nullptr);
  EXPECT_NEAR(*bzk->old_value, 2.04, 1e-9);
  EXPECT_NEAR(*bzk->new_value, 1.02, 1e-9);
}

TEST_F(RestatementTest, NothingIsRestatedWithoutARelease) {
  Personnel("BZK", 2019, 12, "2020-02-01T10:00:00Z");
  Personnel("BZK", 2019, 15, "2020-06-01T10:00:00Z");
  Personnel("BZK", 2020, 13, "2021-02-01T10:00:00Z");
  Compute(2020, "2021-03-01T12:00:00Z");
  auto pub = LoadPublication(ws_->store(), Registry(), 2020);
  ASSERT_TRUE(pub.ok()) << pub.status().ToString();
  auto list = LoadRestatements(ws_->store(), *pub, std::nullopt);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
}

class SuppressedRestatementTest : public PublishTest {
 protected:
  StoredValue Hire(const std::string& ministry, const std::string& period,
                   const std::string& status, std::optional<double> value) {
    StoredValue v = Value("hire.share", ministry, "", status, {}, {}, value, "%");
    v.period = period;
    if (value) v.numerator = *value, v.denominator = 100;
    return v;
  }
  int64_t Save(int year, const std::vector<StoredValue>& values) {
    ComputeRun run;
    run.at = fmt::format("{}-03-01T12:00:00Z", year + 1);
    run.year = year;
    run.definition_version = DefinitionVersion({TestRegistry()[1]});
    run.factor_vintage = "2020-illustrative";
    run.deliveries = "[]";
    run.options = "{}";
    auto id = ws_->store()->SaveComputeRun(run, values);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
};

TEST_F(SuppressedRestatementTest, NeverShowsASuppressedValue) {
  // 2019 as released: FIN suppressed (with a careless secret change), BZK 40, Rijk 5, AZ 3.
  std::vector<StoredValue> y2019 = {
      Hire("FIN", "2019", "suppressed", {}), Hire("BZK", "2019", "published", 40),
      Hire("Rijk", "2019", "published", 5), Hire("AZ", "2019", "published", 3)};
  y2019[0].change = kSecretChange;
  const int64_t run2019 = Save(2019, y2019);
  NewRelease rel;
  rel.year = 2019;
  rel.number = 1;
  rel.run_id = run2019;
  rel.created_at = "2020-04-01T00:00:00Z";
  rel.manifest = "{}";
  ASSERT_TRUE(ws_->store()->CreateRelease(rel).ok());
  // 2020 now: FIN's 2019 figure publishable (5.5) after a late delivery; BZK's 2019 suppressed.
  const DeliveryRecord late = Deliver();
  std::vector<StoredValue> y2020 = {
      Hire("FIN", "2020", "published", 6), Hire("BZK", "2020", "published", 41),
      Hire("Rijk", "2020", "published", 5), Hire("AZ", "2020", "published", 4)};
  y2020[0].previous = 5.5, y2020[0].previous_status = "published";
  y2020[0].previous_deliveries = fmt::format("[{}]", late.id);
  y2020[1].previous_status = "suppressed";
  y2020[2].previous = 5, y2020[2].previous_status = "published";
  // AZ: this run has no 2019 cell at all (nothing computed for it), so nothing to compare.
  Save(2020, y2020);

  PublishOptions p;
  p.year = 2020;
  p.out_dir = (dir_ / "out").string();
  p.template_dirs = PlainTemplateDirs();
  p.schemas = &ws_->schemas();
  p.ministries = &ws_->ministries();
  p.pdf = false;
  auto s = Publish(ws_->store(), TestRegistry(), p);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->restatements, 2u);
  const std::string csv = Slurp(dir_ / "out" / "opendata" / "restatements.csv");
  EXPECT_THAT(csv, Not(HasSubstr(kSecretText)));
  EXPECT_THAT(csv, HasSubstr("hire.share,BZK,,2019,,40,,published,suppressed,2019-1,"));
  EXPECT_THAT(csv, HasSubstr(fmt::format(
                       "hire.share,FIN,,2019,,,5.5,suppressed,published,2019-1,late delivery "
                       "personnel BZK: delivery {} received 2021-02-01",
                       late.id)));
  EXPECT_THAT(csv, Not(HasSubstr("Rijk")));
  EXPECT_THAT(csv, Not(HasSubstr("AZ")));
}

}  // namespace
}  // namespace jbr::publish
