// Releases end to end with a real store and the real engine: a release rebuilt after later
// deliveries and computations gives the same bytes; a new release of the new run differs.
#include "publish/release.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "publish/testing/compute_fixture.h"

namespace jbr::publish {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class ReleaseTest : public ComputeFixture {
 protected:
  ReleaseOptions Options(int year, const std::string& out) {
    ReleaseOptions o;
    o.year = year;
    o.out_dir = out.empty() ? "" : (dir_ / out).string();
    o.releases_root = (dir_ / "ws" / "releases").string();
    o.created_at = "2021-04-01T09:00:00Z";
    o.actor = "tester";
    o.template_dirs = TestTemplateDirs();
    o.schemas = &ws_->schemas();
    o.ministries = &ws_->ministries();
    o.pdf = false;
    return o;
  }
};

TEST_F(ReleaseTest, RebuildAfterALaterDeliveryGivesTheSameBytes) {
  Personnel("BZK", 2020, 12, "2021-02-01T10:00:00Z");
  const int64_t first_run = Compute(2020, "2021-03-01T12:00:00Z");
  auto r1 = MakeRelease(ws_->store(), Registry(), Options(2020, ""));
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  EXPECT_EQ(r1->release.number, 1);
  EXPECT_EQ(r1->release.run_id, first_run);
  EXPECT_EQ(r1->out_dir, (dir_ / "ws" / "releases" / "2020-1").string());
  EXPECT_EQ(Slurp(fs::path(r1->out_dir) / "manifest.json"), r1->release.manifest);

  // A corrected delivery, computed again: the latest run now says 14 persons.
  Personnel("BZK", 2020, 14, "2021-05-01T10:00:00Z");
  const int64_t second_run = Compute(2020, "2021-05-02T12:00:00Z");
  ASSERT_NE(second_run, first_run);

  ReleaseOptions again = Options(2020, "rebuilt");
  again.number = 1;
  auto rebuilt = RebuildRelease(ws_->store(), Registry(), again);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
  EXPECT_EQ(rebuilt->published.manifest, r1->release.manifest);
  for (const auto& f : r1->published.files) {
    EXPECT_EQ(Slurp(dir_ / "rebuilt" / f.path), Slurp(fs::path(r1->out_dir) / f.path)) << f.path;
  }
  // The figure released stays 12 (indicators.csv of the rebuilt release), not the 14 of now.
  const std::string csv = Slurp(dir_ / "rebuilt" / "opendata" / "indicators.csv");
  EXPECT_THAT(csv, HasSubstr("personnel.headcount,BZK,,2020,,12,"));

  auto r2 = MakeRelease(ws_->store(), Registry(), Options(2020, ""));
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  EXPECT_EQ(r2->release.number, 2);
  EXPECT_EQ(r2->release.run_id, second_run);
  EXPECT_NE(r2->release.manifest, r1->release.manifest);
  EXPECT_THAT(Slurp(fs::path(r2->out_dir) / "opendata" / "indicators.csv"),
              HasSubstr("personnel.headcount,BZK,,2020,,14,"));
  auto listed = ws_->store()->ListReleases(2020);
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 2u);
}

TEST_F(ReleaseTest, NeedsARunAndAKnownNumber) {
  auto none = MakeRelease(ws_->store(), Registry(), Options(2020, ""));
  EXPECT_EQ(none.status().code(), StatusCode::kUsage);
  EXPECT_THAT(none.status().message(), HasSubstr("jbr compute --year 2020"));
  ReleaseOptions o = Options(2020, "x");
  o.number = 3;
  EXPECT_EQ(RebuildRelease(ws_->store(), Registry(), o).status().code(), StatusCode::kNotFound);
}

TEST_F(ReleaseTest, RefusesARunWhoseDefinitionsChanged) {
  Personnel("BZK", 2020, 12, "2021-02-01T10:00:00Z");
  Compute(2020, "2021-03-01T12:00:00Z");
  auto registry = Registry();
  for (auto& d : registry) d.definition_en += " (changed)";
  auto r = MakeRelease(ws_->store(), registry, Options(2020, ""));
  EXPECT_EQ(r.status().code(), StatusCode::kUsage);
  EXPECT_THAT(r.status().message(), HasSubstr("definitions changed"));
  EXPECT_TRUE(ws_->store()->ListReleases(2020)->empty());
}

}  // namespace
}  // namespace jbr::publish
