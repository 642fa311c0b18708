#include "importers/apparaatskosten.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>

#include "common/testing/temp_dir.h"
#include "store/testing/backend.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

const char* const kSharedFile =
    JBR_SHARED_DIR "/research-data/openstate-minfin/apparaatskosten.csv";
const char* const kNow = "2024-05-01T12:00:00Z";

// ---------------------------------------------------------------------------------------------
// The expected figures, computed here without the importer's code or mapping files.

using Records = std::vector<std::vector<std::string>>;

// RFC 4180: quoted fields, doubled quotes, CRLF or LF.
Records SplitCsv(const std::string& text) {
  Records records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& field = records.back().back();
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\n') {
      records.emplace_back(1);
    } else if (c != '\r') {
      field += c;
    }
  }
  while (!records.empty() && records.back().size() == 1 && records.back()[0].empty()) {
    records.pop_back();
  }
  return records;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

// Lower case, en dash as '-', no-break space as space, single inner blanks, trimmed.
std::string Simplify(std::string s) {
  ReplaceAll(&s, "\xE2\x80\x93", "-");
  ReplaceAll(&s, "\xC2\xA0", " ");
  std::istringstream words(s);
  std::string word, out;
  while (words >> word) out += (out.empty() ? "" : " ") + word;
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Model number -> category: 1-15 own personnel, 16-23 the eight hire categories.
std::string CategoryOfNumber(int n) {
  static const char* const kHire[] = {
      "interim_management", "organisation_advice", "policy_advice",  "communication_advice",
      "legal_advice",       "it_advice",           "finance_advice", "temporary_staff"};
  if (n >= 1 && n <= 15) return "own_personnel";
  if (n >= 16 && n <= 23) return kHire[n - 16];
  return "";
}

// Classifies cost types: by their leading number, else by the name that number has in the file
// itself, else by the few other names of personnel and hire types this file uses.
class Classifier {
 public:
  explicit Classifier(const Records& records) {
    for (size_t i = 1; i < records.size(); ++i) {
      std::smatch m;
      const std::string name = records[i][5];
      if (std::regex_match(name, m, kNumbered)) names_[Simplify(m[2])] = std::stoi(m[1]);
    }
    names_["salaris, vakantie- en eindejaarsuitkering eigen personeel"] = 1;
    names_["sociale lasten en bijdrage zorgverzekeringswet"] = 6;  // cut short when numbered
    names_
        ["noodzakelijke contributies van personeel (bijv. contributies nivra, "
         "vakverenigingen, nieuwspoort)"] = 8;  // only unnumbered in the file
    names_["advisering en eventueel explorerend onderzoek"] = 18;
    names_["beleidsadvies"] = 18;
    names_["overige externe inhuur"] = 23;  // hire outside 1-7 counts as 8
    names_["inhuur deskundigen"] = 23;
  }
  // "" for anything that is neither own personnel nor hire.
  std::string operator()(const std::string& cost_type) const {
    std::smatch m;
    if (std::regex_match(cost_type, m, kNumbered)) return CategoryOfNumber(std::stoi(m[1]));
    auto it = names_.find(Simplify(cost_type));
    return it == names_.end() ? "" : CategoryOfNumber(it->second);
  }

 private:
  inline static const std::regex kNumbered{R"(\s*(\d+)\.\s+(.*))"};
  std::map<std::string, int> names_;
};

const std::map<std::string, std::string>& ChapterMinistries() {
  static const std::map<std::string, std::string> m = {
      {"III", "AZ"},  {"IIIA", "AZ"},  {"IIIB", "AZ"}, {"IIIC", "AZ"}, {"IV", "BZK"},
      {"IXB", "FIN"}, {"V", "BZ"},     {"VI", "VenJ"}, {"VII", "BZK"}, {"VIII", "OCW"},
      {"X", "DEF"},   {"XII", "IenM"}, {"XIII", "EZ"}, {"XV", "SZW"},  {"XVI", "VWS"}};
  return m;
}

double ThousandsToEuros(std::string text) {
  ReplaceAll(&text, ".", "");
  ReplaceAll(&text, ",", ".");
  return text.empty() ? 0.0 : std::strtod(text.c_str(), nullptr) * 1000.0;
}

using UnitCategory = std::pair<std::string, std::string>;
using Sums = std::map<UnitCategory, double>;
using MinistryYear = std::pair<std::string, int>;

std::map<MinistryYear, Sums> ExpectedSums(const std::string& path) {
  const Records records = SplitCsv(ReadAll(path));
  const Classifier classify(records);
  std::map<MinistryYear, Sums> out;
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& r = records[i];
    const std::string category = classify(r[5]);
    if (category.empty()) continue;
    const std::string ministry = ChapterMinistries().at(r[1]);
    out[{ministry, std::stoi(r[0])}][{"hoofdstuk " + r[1], category}] += ThousandsToEuros(r[6]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Fixture: a fresh workspace per test.

class ApparaatskostenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-apparaatskosten-"));
    dir_ = tmp_->path();
    auto backend = testing::TestBackend::Make(dir_);
    ASSERT_TRUE(backend.ok()) << backend.status().ToString();
    backend_ = std::move(backend).value();
    auto ws = Workspace::Create(dir_ + "/ws", backend_->url());
    ASSERT_TRUE(ws.ok()) << ws.status().ToString();
    ws_ = std::move(ws).value();
  }
  void TearDown() override {
    ws_.reset();
    backend_.reset();
    tmp_.reset();
  }

  Result<ApparaatskostenResult> Import(const std::string& path, CollectingSink* sink) {
    ApparaatskostenOptions options;
    options.clock = &clock_;
    return ImportApparaatskosten(ws_.get(), path, options, sink);
  }

  std::string WriteInput(const std::string& rows) {
    const std::string path = dir_ + "/input.csv";
    std::ofstream(path, std::ios::binary)
        << "\"Jaar\",\"Begrotingshoofdstuk\",\"Naam Begroting\",\"Begrotings artikel nr\","
           "\"Naam artikel\",\"Kostensoort\",\"Realisatie (*Eu 1000)\"\n"
        << rows;
    return path;
  }

  std::vector<DeliveryRecord> Deliveries(bool current_only) {
    DeliveryFilter filter;
    filter.current_only = current_only;
    auto list = ws_->store()->ListDeliveries(filter);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    return list.ok() ? *list : std::vector<DeliveryRecord>();
  }

  // The stored rows of the current external_hire delivery of a ministry and year.
  Sums Stored(const std::string& ministry, int year) {
    Sums out;
    auto current = ws_->store()->CurrentDelivery("external_hire", ministry, year);
    EXPECT_TRUE(current.ok() && current->has_value()) << ministry << " " << year;
    if (!current.ok() || !current->has_value()) return out;
    const int64_t id = (*current)->id;
    auto units = ws_->store()->ReadColumn(id, "organisation_unit", FieldType::kString);
    auto categories = ws_->store()->ReadColumn(id, "category", FieldType::kString);
    auto amounts = ws_->store()->ReadColumn(id, "amount_eur", FieldType::kNumber);
    EXPECT_TRUE(units.ok() && categories.ok() && amounts.ok());
    if (!units.ok() || !categories.ok() || !amounts.ok()) return out;
    for (size_t i = 0; i < units->size(); ++i) {
      out[{std::string(units->str(i)), std::string(categories->str(i))}] = amounts->numbers[i];
    }
    return out;
  }

  std::string dir_;
  std::optional<TempDir> tmp_;
  std::unique_ptr<testing::TestBackend> backend_;  // SQLite, or PostgreSQL (..._tests_postgres)
  std::unique_ptr<Workspace> ws_;
  FixedClock clock_{kNow};
};

bool HasFinding(const CollectingSink& sink, const std::string& code) {
  for (const auto& f : sink.findings()) {
    if (f.code == code) return true;
  }
  return false;
}

std::string Describe(const CollectingSink& sink) {
  std::string s;
  for (const auto& f : sink.findings()) {
    s += f.file + ":" + std::to_string(f.row) + ": " + f.code + " " + f.value + ": " + f.message +
         "\n";
  }
  return s;
}

// ---------------------------------------------------------------------------------------------

TEST(NormaliseCostType, DashesBlanksAndCase) {
  EXPECT_EQ(NormaliseCostType("  Interim\xE2\x80\x93management  "), "interim-management");
  EXPECT_EQ(NormaliseCostType("Interim\xE2\x80\x94Management"), "interim-management");
  EXPECT_EQ(NormaliseCostType("Documentmanagement\xC2\xA0"
                              "Document  x"),
            "documentmanagement document x");
  EXPECT_EQ(NormaliseCostType("FINANCI\xC3\x8B"
                              "N"),
            "financi\xC3\xAB"
            "n");
  EXPECT_EQ(NormaliseCostType(""), "");
}

TEST(CostTypeNumber, LeadingModelNumberOnly) {
  EXPECT_EQ(CostTypeNumber("16. interim-management"), 16);
  EXPECT_EQ(CostTypeNumber("01. salaris"), 1);
  EXPECT_EQ(CostTypeNumber("7."), 7);
  EXPECT_EQ(CostTypeNumber("10.3 x"), std::nullopt);
  EXPECT_EQ(CostTypeNumber("1234. x"), std::nullopt);
  EXPECT_EQ(CostTypeNumber("reis- en verblijfkosten"), std::nullopt);
}

TEST_F(ApparaatskostenTest, StoredRowsMatchIndependentSums) {
  if (!fs::exists(kSharedFile)) GTEST_SKIP() << kSharedFile << " is not there";
  CollectingSink sink;
  auto result = Import(kSharedFile, &sink);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(sink.errors(), 0) << Describe(sink);
  EXPECT_FALSE(HasFinding(sink, "unmapped-cost-type")) << Describe(sink);
  EXPECT_FALSE(HasFinding(sink, "unmapped-chapter")) << Describe(sink);
  EXPECT_EQ(result->rows_read, 2274);

  const auto expected = ExpectedSums(kSharedFile);
  ASSERT_EQ(result->deliveries.size(), expected.size());
  EXPECT_EQ(Deliveries(true).size(), expected.size());
  EXPECT_EQ(expected.size(), 22u);  // 11 ministries (no LNV in 2014-2015), 2 years
  size_t i = 0;
  for (const auto& [key, sums] : expected) {
    SCOPED_TRACE(key.first + " " + std::to_string(key.second));
    const ApparaatskostenDelivery& d = result->deliveries[i++];
    EXPECT_EQ(d.ministry, key.first);
    EXPECT_EQ(d.year, key.second);
    EXPECT_EQ(d.outcome, LoadOutcome::kAccepted);
    const Sums stored = Stored(key.first, key.second);
    ASSERT_EQ(stored.size(), sums.size());
    double own = 0, hire = 0;
    for (const auto& [uc, euros] : sums) {
      SCOPED_TRACE(uc.first + " " + uc.second);
      ASSERT_EQ(stored.count(uc), 1u);
      EXPECT_NEAR(stored.at(uc), euros, 0.01);
      (uc.second == "own_personnel" ? own : hire) += euros;
    }
    EXPECT_NEAR(d.own_personnel_eur, own, 0.01);
    EXPECT_NEAR(d.hire_eur, hire, 0.01);
  }
}

TEST_F(ApparaatskostenTest, SecondImportIsIdentical) {
  if (!fs::exists(kSharedFile)) GTEST_SKIP() << kSharedFile << " is not there";
  CollectingSink first_sink, second_sink;
  auto first = Import(kSharedFile, &first_sink);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  const size_t stored = Deliveries(false).size();
  auto second = Import(kSharedFile, &second_sink);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second_sink.errors(), 0) << Describe(second_sink);
  ASSERT_EQ(second->deliveries.size(), first->deliveries.size());
  for (size_t i = 0; i < second->deliveries.size(); ++i) {
    EXPECT_EQ(second->deliveries[i].outcome, LoadOutcome::kIdentical);
    EXPECT_EQ(second->deliveries[i].delivery_id, first->deliveries[i].delivery_id);
  }
  EXPECT_EQ(Deliveries(false).size(), stored);
}

TEST_F(ApparaatskostenTest, UnknownCostTypeStoresNothing) {
  const std::string path = WriteInput(
      "2015,\"XV\",\"SZW\",96,\"APPARAAT\",\"Salaris, vakantie- en eindejaarsuitkering\","
      "\"100,00\"\n"
      "2015,\"XV\",\"SZW\",96,\"APPARAAT\",\"Onbekende kostensoort\",\"5,00\"\n");
  CollectingSink sink;
  auto result = Import(path, &sink);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  ASSERT_EQ(sink.errors(), 1) << Describe(sink);
  const Finding& f = sink.findings().front();
  EXPECT_EQ(f.code, "unmapped-cost-type");
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.row, 3);
  EXPECT_EQ(f.column, "Kostensoort");
  EXPECT_EQ(f.value, "Onbekende kostensoort");
  EXPECT_NE(f.hint.find("apparaatskosten-kostensoorten.csv"), std::string::npos) << f.hint;
  EXPECT_TRUE(result->deliveries.empty());
  EXPECT_TRUE(Deliveries(false).empty());
}

TEST_F(ApparaatskostenTest, UnknownChapterStoresNothing) {
  const std::string path = WriteInput(
      "2015,\"XIV\",\"Landbouw\",1,\"Apparaat\",\"Uitzendkrachten\",\"1,00\"\n"
      "2019,\"XV\",\"SZW\",96,\"APPARAAT\",\"Uitzendkrachten\",\"1,00\"\n");
  CollectingSink sink;
  auto result = Import(path, &sink);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(sink.errors(), 2) << Describe(sink);
  for (const auto& f : sink.findings()) EXPECT_EQ(f.code, "unmapped-chapter");
  EXPECT_TRUE(Deliveries(false).empty());
}

TEST_F(ApparaatskostenTest, ConflictingMappingIsRefused) {
  const std::string mapping = dir_ + "/mapping";
  fs::create_directories(mapping);
  std::ofstream(mapping + "/apparaatskosten-kostensoorten.csv")
      << "number,kostensoort,category\n16,Interim-management,interim_management\n"
         "16,Interim management,temporary_staff\n";
  std::ofstream(mapping + "/apparaatskosten-hoofdstukken.csv")
      << "hoofdstuk,ministry,from_year,to_year\nXV,SZW,2015,2015\n";
  ApparaatskostenOptions options;
  options.mapping_dir = mapping;
  CollectingSink sink;
  auto result = ImportApparaatskosten(ws_.get(), WriteInput(""), options, &sink);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(result.status().message().find("kostensoorten.csv:3"), std::string::npos)
      << result.status().message();
  EXPECT_TRUE(Deliveries(false).empty());
}

TEST_F(ApparaatskostenTest, SmallFileByHand) {
  const std::string path = WriteInput(
      "2015,\"XV\",\"SZW\",96,\"APPARAAT\",\"01. Salaris, vakantie- en eindejaarsuitkering \","
      "\"1.200,50\"\n"
      "2015,\"XV\",\"SZW\",96,\"APPARAAT\",\"16. Interim\xE2\x80\x93management\",\"1,5\"\n"
      "2015,\"XV\",\"SZW\",97,\"APPARAAT\",\"interim\xE2\x80\x94MANAGEMENT \",\"-0,25\"\n"
      "2015,\"XV\",\"SZW\",96,\"APPARAAT\",\"Schoonmaken\",\"99,00\"\n"
      "2015,\"XV\",\"SZW\",96,\"APPARAAT\",\"Uitzendkrachten\",\"\"\n");
  CollectingSink sink;
  auto result = Import(path, &sink);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(sink.errors(), 0) << Describe(sink);
  EXPECT_EQ(sink.warnings(), 1) << Describe(sink);
  EXPECT_TRUE(HasFinding(sink, "empty-amount"));
  EXPECT_EQ(result->rows_read, 5);
  EXPECT_EQ(result->rows_ignored, 1);
  ASSERT_EQ(result->deliveries.size(), 1u);
  const auto& d = result->deliveries[0];
  EXPECT_EQ(d.file_name, "apparaatskosten-SZW-2015.csv");
  EXPECT_EQ(d.outcome, LoadOutcome::kAccepted);
  EXPECT_DOUBLE_EQ(d.own_personnel_eur, 1200500.0);
  EXPECT_DOUBLE_EQ(d.hire_eur, 1250.0);
  const Sums expected = {{{"hoofdstuk XV", "own_personnel"}, 1200500.0},
                         {{"hoofdstuk XV", "interim_management"}, 1250.0},
                         {{"hoofdstuk XV", "temporary_staff"}, 0.0}};
  EXPECT_EQ(Stored("SZW", 2015), expected);
  auto record = ws_->store()->GetDelivery(d.delivery_id);
  ASSERT_TRUE(record.ok() && record->has_value());
  EXPECT_EQ((*record)->delivered_by, "import:apparaatskosten");
  EXPECT_EQ((*record)->file_name, "apparaatskosten-SZW-2015.csv");
}

}  // namespace
}  // namespace jbr
