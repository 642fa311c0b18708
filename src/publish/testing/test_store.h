// Test support: a workspace in a temporary directory holding one hand-made compute run of 2020,
// with the values written out below (a published, a missing and a suppressed one among them), and
// the definitions it was computed with. The expectations in the tests are worked out from these.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <optional>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "common/testing/temp_dir.h"
#include "indicators/engine.h"
#include "store/load.h"
#include "store/workspace.h"

namespace jbr::publish {

// The suppressed cell's change as the hand-made store holds it: the store refuses a value,
// numerator or denominator on a suppressed cell, but a careless run could still carry the change
// (which with last year's figure gives the value away). No output may show it.
inline constexpr double kSecretChange = 31337.25;
inline constexpr const char* kSecretText = "31337";

inline IndicatorDef Def(const std::string& id, const std::string& nl, const std::string& en,
                        const std::string& unit, double scale) {
  IndicatorDef d;
  d.id = id;
  d.title_nl = nl;
  d.title_en = en;
  d.unit = unit;
  d.definition_nl = "Definitie van " + id + ", met een komma";
  d.definition_en = "Definition of " + id;
  d.datasets = {id.substr(0, id.find('.'))};
  d.scale = scale;
  return d;
}

// The registry as the tests pass it: in report order, with one indicator the run does not have.
// hire.share has the norm of domain.md: at most 10%.
inline std::vector<IndicatorDef> TestRegistry() {
  IndicatorDef hire = Def("hire.share", "Externe inhuur", "External hire", "%", 100);
  hire.norm = Norm{Norm::Kind::kMaximum, 10, "above_norm", "domain.md"};
  return {Def("personnel.headcount", "Aantal medewerkers", "Headcount", "persons", 1), hire,
          Def("absence.rate", "Ziekteverzuim", "Sickness absence", "%", 100)};
}

inline StoredValue Value(const std::string& indicator, const std::string& ministry,
                         const std::string& unit_type, const std::string& status,
                         std::optional<double> num, std::optional<double> den,
                         std::optional<double> value, const std::string& unit) {
  StoredValue v;
  v.indicator = indicator;
  v.ministry = ministry;
  v.unit_type = unit_type;
  v.period = "2020";
  v.status = status;
  v.numerator = num;
  v.denominator = den;
  v.value = value;
  v.unit = unit;
  v.deliveries = "[]";
  return v;
}

// The stored values, deliberately not in publication order.
inline std::vector<StoredValue> TestValues() {
  std::vector<StoredValue> v;
  v.push_back(Value("personnel.headcount", "Rijk", "", "published", 40000, 1, 40000, "persons"));
  v.push_back(Value("personnel.headcount", "FIN", "", "suppressed", {}, {}, {}, "persons"));
  v.back().flag = "above_norm;incomplete";
  v.back().change = kSecretChange;
  v.back().suppression = "primary";
  v.push_back(Value("hire.share", "FIN", "", "missing", {}, {}, {}, "%"));
  v.push_back(Value("hire.share", "BZK", "", "published", 25, 500, 5, "%"));
  v.back().previous = 4.5;
  v.back().change = 0.5;
  v.push_back(Value("personnel.headcount", "BZK", "core", "published", 1000, 1, 1000, "persons"));
  v.push_back(Value("personnel.headcount", "BZK", "", "published", 1234, 1, 1234, "persons"));
  v.push_back(Value("hire.share", "Rijk", "", "published", 25, 500, 5, "%"));
  v.back().flag = "incomplete";
  return v;
}

class PublishTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-publish-test-"));
    dir_ = tmp_->path();
    auto ws = Workspace::Create((dir_ / "ws").string());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
  }
  void TearDown() override {
    ws_.reset();
    tmp_.reset();
  }

  // One real delivery (BZK personnel 2020), so that the run has a delivery to list.
  DeliveryRecord Deliver() {
    std::string text =
        "person_id,employment_id,organisation_unit,unit_type,start_date,end_date,weekly_hours,"
        "birth_year,gender,salary_scale,contract,jobs_agreement\n"
        "P1,E1,DG A,core,2016-03-01,,36,1970,V,10,vast,nee\n";
    const std::string path = (dir_ / "personeel.csv").string();
    std::ofstream(path, std::ios::binary) << text;
    LoadRequest req{
        "personnel", "BZK", 2020, "A. de Vries", path, "personeel.csv", "2021-02-01T10:00:00Z", {}};
    CollectingSink sink;
    auto r =
        LoadDelivery(ws_->store(), ws_->schemas(), *ws_->schemas().Find("personnel"), req, &sink);
    EXPECT_TRUE(r.ok() && r->outcome == LoadOutcome::kAccepted) << r.status().ToString();
    return r.ok() ? r->delivery : DeliveryRecord{};
  }

  // Saves the hand-made run with the definition version of the run's two indicators, and
  // `adjacent_gaps` (ComputeRun::adjacent_gaps).
  int64_t SaveRun(const std::string& adjacent_gaps = "[]") {
    const DeliveryRecord d = Deliver();
    const auto registry = TestRegistry();
    ComputeRun run;
    run.at = "2021-03-01T12:00:00Z";
    run.year = 2020;
    run.definition_version = DefinitionVersion({registry[0], registry[1]});
    run.factor_vintage = "2020-illustrative";
    run.deliveries = "[" + std::to_string(d.id) + "]";
    run.options = "{}";
    run.adjacent_gaps = adjacent_gaps;
    auto id = ws_->store()->SaveComputeRun(run, TestValues());
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  static std::string Slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }

  std::optional<TempDir> tmp_;
  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
};

}  // namespace jbr::publish
