// The synthetic Rijk, run through jbr's own store and indicators, gives back the published figures
// of domain.md section 8 within 2%. The expected values are read from ../shared/reference/ and
// from domain.md itself, never from data/synth/targets.csv (which the generator steers to).
// It runs at the Rijk's full size, in the optimised builds only (its own binary, ctest
// synth_calibration): under the sanitizers it takes minutes, and at a fraction of the Rijk the
// figures made of few whole things (jobs-agreement hires, ICT activities, flights per distance
// class) are too coarse to check.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "common/finding.h"
#include "common/testing/temp_dir.h"
#include "indicators/engine.h"
#include "store/load.h"
#include "store/workspace.h"
#include "synth/synth.h"

namespace jbr::synth {
namespace {

namespace fs = std::filesystem;

// The Rijk at full size; extensive figures are divided by it, so a smaller run reads the same.
constexpr double kScale = 1.0;

std::string Slurp(const std::string& path) {
  std::ifstream f(path);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(Slurp(path));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream l(line);
    while (std::getline(l, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

// The figure in the named column of the row whose first cell is `key`.
double CsvValue(const std::string& path, const std::string& key, const std::string& column) {
  auto rows = ReadCsv(path);
  if (rows.empty()) {  // ../shared beside the source tree is missing, or the file is gone
    ADD_FAILURE() << "cannot read " << path << " (the published reference figures)";
    return 0;
  }
  size_t c = std::find(rows[0].begin(), rows[0].end(), column) - rows[0].begin();
  for (const auto& r : rows) {
    if (!r.empty() && r[0] == key && c < r.size()) return std::stod(r[c]);
  }
  ADD_FAILURE() << path << " has no " << key << "/" << column;
  return 0;
}

double Percent(const std::string& text) { return std::stod(text); }

class Calibration : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir(::jbr::testing::TestDir("jbr-calibration-"));
    root_ = new std::string(tmp_->path());
    SynthOptions o;
    o.first_year = 2018;
    o.last_year = 2021;
    o.scale = kScale;
    o.seed = 1;
    o.out_dir = *root_ + "/deliveries";
    auto files = Synthesise(o);
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    auto ws = Workspace::Create(*root_ + "/ws");
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    for (const auto& f : *files) {
      LoadRequest req;
      req.dataset = f.dataset;
      req.ministry = f.ministry;
      req.year = f.year;
      req.delivered_by = "test";
      req.path = o.out_dir + "/" + f.file;
      req.display_name = f.file;
      req.received_at = "2026-01-01T00:00:00Z";
      CollectingSink sink(5);
      auto r = LoadDelivery((*ws)->store(), (*ws)->schemas(), *(*ws)->schemas().Find(f.dataset),
                            req, &sink, nullptr);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      // Every synthetic delivery is clean: accepted, without a single warning.
      ASSERT_EQ(r->outcome, LoadOutcome::kAccepted)
          << f.file << ": " << (sink.findings().empty() ? "" : sink.findings()[0].message);
      ASSERT_EQ(sink.total(), 0u) << f.file << ": " << sink.findings()[0].code << " "
                                  << sink.findings()[0].message;
    }
    auto ref = ReferenceData::Load((fs::path((*ws)->data_dir()) / "reference").string());
    ASSERT_TRUE(ref.ok());
    values_ = new std::map<std::string, IndicatorValue>;
    for (int y = 2018; y <= 2021; ++y) {
      ComputeEnv env{(*ws)->store(), &(*ws)->schemas(), &(*ws)->ministries(), &*ref};
      ComputeOptions co;
      co.year = y;
      auto r = ComputeYear(env, co);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      for (const auto& v : r->values) {
        if (v.ministry == "Rijk" && v.unit_type.empty())
          (*values_)[v.indicator + "|" + v.period + "|" + v.category] = v;
      }
    }
  }
  static void TearDownTestSuite() {
    delete root_;
    delete tmp_;
    delete values_;
  }

  // The Rijk's value of an indicator for a period ("2020", "2020-Q2") and category.
  static double Value(const std::string& indicator, const std::string& period,
                      const std::string& category = "") {
    auto it = values_->find(indicator + "|" + period + "|" + category);
    if (it == values_->end() || !it->second.value) {
      ADD_FAILURE() << "no value for " << indicator << " " << period << " " << category;
      return 0;
    }
    return *it->second.value;
  }
  static double Numerator(const std::string& indicator, const std::string& period) {
    auto it = values_->find(indicator + "|" + period + "|");
    return it == values_->end() || !it->second.numerator ? 0 : *it->second.numerator;
  }

  static TempDir* tmp_;
  static std::string* root_;
  static std::map<std::string, IndicatorValue>* values_;
  const std::string reference_ = std::string(JBR_SHARED_DIR) + "/reference/";
  // domain.md with its line breaks and indentation as single spaces, so that a sentence matches.
  const std::string domain_ = std::regex_replace(
      Slurp(std::string(JBR_SHARED_DIR) + "/docs/domain.md"), std::regex(R"(\s+)"), " ");
};

TempDir* Calibration::tmp_ = nullptr;
std::string* Calibration::root_ = nullptr;
std::map<std::string, IndicatorValue>* Calibration::values_ = nullptr;

// Within 2% of the published figure.
#define EXPECT_WITHIN_2PCT(actual, published) \
  EXPECT_NEAR((actual), (published), 0.02 * std::abs(published))

TEST_F(Calibration, FullTimeEquivalentsPerYear) {
  const std::string file = reference_ + "kennisvandeoverheid-fte-per-sector-2015-2022.csv";
  for (int y = 2018; y <= 2021; ++y) {
    const double published = CsvValue(file, std::to_string(y), "rijk") * 1000.0;
    EXPECT_WITHIN_2PCT(Value("personnel.fte", std::to_string(y)) / kScale, published) << y;
  }
  // "Staff grew almost 5% in 2020."
  const double growth = Value("personnel.fte", "2020") / Value("personnel.fte", "2019") - 1;
  EXPECT_GT(growth, 0.04);
  EXPECT_LT(growth, 0.06);
}

TEST_F(Calibration, ExternalHireSharePerYear) {
  std::smatch m;
  const std::regex re(
      R"(External hire share: 2019 ([0-9.]+)%, 2020 ([0-9.]+)% \(EUR ([0-9,]+) million\), 2021 ([0-9.]+)%)");
  ASSERT_TRUE(std::regex_search(domain_, m, re));
  EXPECT_WITHIN_2PCT(Value("hire.share", "2019"), Percent(m[1]));
  EXPECT_WITHIN_2PCT(Value("hire.share", "2020"), Percent(m[2]));
  EXPECT_WITHIN_2PCT(Value("hire.share", "2021"), Percent(m[4]));
  std::string millions = m[3];
  millions.erase(std::remove(millions.begin(), millions.end(), ','), millions.end());
  EXPECT_WITHIN_2PCT(Numerator("hire.share", "2020") / kScale, std::stod(millions) * 1e6);
}

TEST_F(Calibration, MobilityAndTotalCo2PerYear) {
  const std::string totals = reference_ + "denkdoeduurzaam-co2-rijksbedrijfsvoering.csv";
  for (int y = 2018; y <= 2021; ++y) {
    EXPECT_WITHIN_2PCT(Value("co2.mobility", std::to_string(y)) / kScale,
                       CsvValue(totals, std::to_string(y), "uitstoot_zakelijke_mobiliteit_ton_co2"))
        << y;
    EXPECT_WITHIN_2PCT(Value("co2.total", std::to_string(y)) / kScale,
                       CsvValue(totals, std::to_string(y), "uitstoot_rijksbedrijfsvoering_ton_co2"))
        << y;
  }
}

TEST_F(Calibration, MobilityCo2PerModeGroup) {
  const std::string modes = reference_ + "denkdoeduurzaam-zakelijke-mobiliteit-per-modaliteit.csv";
  const std::pair<const char*, const char*> groups[] = {
      {"vliegreizen", "flights"},
      {"privéauto_woon-werk", "private_car_commute"},
      {"privéauto_dienstreizen", "private_car_business"},
      {"dienstauto's", "service_cars"},
      {"ov", "public_transport"}};
  for (int y = 2019; y <= 2021; ++y) {
    for (const auto& [column, group] : groups) {
      EXPECT_WITHIN_2PCT(Value("co2.mobility", std::to_string(y), group) / kScale,
                         CsvValue(modes, std::to_string(y), column))
          << y << " " << group;
    }
  }
  // 2020 looks like 2020: flights collapse, commuting falls.
  EXPECT_LT(Value("co2.mobility", "2020", "flights"),
            0.4 * Value("co2.mobility", "2019", "flights"));
  EXPECT_LT(Value("co2.mobility", "2020", "private_car_commute"),
            Value("co2.mobility", "2019", "private_car_commute"));
}

TEST_F(Calibration, ChosenAbsenceRates) {
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      domain_, m, std::regex(R"(Use ([0-9.]+)%, ([0-9.]+)%, ([0-9.]+)% for 2019-2021)")));
  EXPECT_WITHIN_2PCT(Value("absence.rate", "2019"), Percent(m[1]));
  EXPECT_WITHIN_2PCT(Value("absence.rate", "2020"), Percent(m[2]));
  EXPECT_WITHIN_2PCT(Value("absence.rate", "2021"), Percent(m[3]));
  // A winter peak: the first quarter above the third.
  EXPECT_GT(Value("absence.rate", "2019-Q1"), Value("absence.rate", "2019-Q3"));
  // A long tail: some episodes last over a year.
  EXPECT_GT(Value("absence.duration_class", "2021", ">365"), 0);
}

TEST_F(Calibration, JobsAgreementRealisation) {
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      domain_, m, std::regex(R"(Rijk target 2019: ([0-9,]+) jobs \(realised: ([0-9,]+)\))")));
  auto number = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
    return std::stod(s);
  };
  const double target = number(m[1]), realised = number(m[2]);
  EXPECT_WITHIN_2PCT(Value("jobs_agreement.jobs", "2019") / kScale, realised);
  EXPECT_WITHIN_2PCT(Value("jobs_agreement.realisation", "2019"), 100.0 * realised / target);
  // Inflow was delayed in 2020: it grew less that year than the year after.
  const double j19 = Value("jobs_agreement.jobs", "2019"),
               j20 = Value("jobs_agreement.jobs", "2020"),
               j21 = Value("jobs_agreement.jobs", "2021");
  EXPECT_LT(j20 - j19, j21 - j20);
}

TEST_F(Calibration, IctTotalsOfTheReportYear) {
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      domain_, m,
      std::regex(
          R"(roughly ([0-9]+)-([0-9]+) active, total current estimate about EUR ([0-9]+) billion, about ([0-9]+)% above)")));
  const double active = Value("ict.activities", "2021");
  EXPECT_GE(active / kScale, std::stod(m[1]) * 0.98);
  EXPECT_LE(active / kScale, std::stod(m[2]) * 1.02);
  EXPECT_WITHIN_2PCT(Value("ict.cost_current", "2021") / kScale, std::stod(m[3]) * 1e9);
  EXPECT_WITHIN_2PCT(Value("ict.cost_change", "2021"), std::stod(m[4]));
}

TEST_F(Calibration, TwentyTwentyLooksLikeTwentyTwenty) {
  // Vacancies dip in the second quarter, internships fall, occupancy drops, hire rises.
  EXPECT_LT(Value("vacancies.opened", "2020-Q2"), 0.75 * Value("vacancies.opened", "2020-Q1"));
  EXPECT_LT(Value("vacancies.opened", "2020-Q2"), 0.75 * Value("vacancies.opened", "2019-Q2"));
  EXPECT_LT(Value("internships.started", "2020"), 0.85 * Value("internships.started", "2019"));
  EXPECT_LT(Value("housing.occupancy", "2020"), 0.6 * Value("housing.occupancy", "2019"));
  EXPECT_GT(Value("hire.share", "2020"), Value("hire.share", "2019"));
}

}  // namespace
}  // namespace jbr::synth
