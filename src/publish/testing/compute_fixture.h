// Test support: a temporary workspace in which personnel deliveries of a few persons are loaded
// with LoadDelivery and personnel.headcount computed with the real engine (ComputeYear,
// SaveComputation) with a person threshold of 1, so that nothing is suppressed and every figure
// is a count worked out by hand from the deliveries.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <optional>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "common/testing/temp_dir.h"
#include "indicators/core/reference.h"
#include "indicators/engine.h"
#include "publish/testing/test_templates.h"
#include "store/load.h"
#include "store/workspace.h"

namespace jbr::publish {

class ComputeFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-release-test-"));
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

  // `persons` employees of `ministry`, all in the core unit type, in force since 2015 (so on
  // every 31 December after), received on `received_at`.
  DeliveryRecord Personnel(const std::string& ministry, int year, int persons,
                           const std::string& received_at) {
    std::string text =
        "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,"
        "birth_year,gender,salary_scale,contract,jobs_agreement\n";
    for (int i = 1; i <= persons; ++i) {
      text += "P" + std::to_string(i) + ",E" + std::to_string(i) +
              ",DG A,core,2015-01-01,,36,1980,V,10,vast,nee\n";
    }
    const std::string name = "personeel-" + ministry + "-" + std::to_string(year) + "-" +
                             std::to_string(++files_) + ".csv";
    std::ofstream((dir_ / name).string(), std::ios::binary) << text;
    LoadRequest req{"personnel", ministry,    year, "tester", (dir_ / name).string(),
                    name,        received_at, {}};
    CollectingSink sink;
    auto r =
        LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find("personnel"), req, &sink);
    EXPECT_TRUE(r.ok() && r->outcome == LoadOutcome::kAccepted) << r.status().ToString();
    return r.ok() ? r->delivery : DeliveryRecord{};
  }

  // Computes personnel.headcount (or the indicators `pattern` matches) for `year` and stores the
  // run; returns its id.
  int64_t Compute(int year, const std::string& at, int person_threshold = 1,
                  const std::string& pattern = "personnel.headcount") {
    ComputeEnv env{ws_->store(), &ws_->schemas(), &ws_->ministries(), &ref_};
    ComputeOptions o;
    o.year = year;
    o.indicator_pattern = pattern;
    o.person_threshold = person_threshold;
    auto r = ComputeYear(env, o);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return 0;
    auto id = SaveComputation(ws_->store(), *r, at, "{}");
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  std::vector<IndicatorDef> Registry() const { return AllDefinitions(ref_); }

  static std::string Slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  std::optional<TempDir> tmp_;
  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  ReferenceData ref_;
  int files_ = 0;
};

}  // namespace jbr::publish
