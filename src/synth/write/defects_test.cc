#include "synth/write/defects.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/parse.h"
#include "common/testing/temp_dir.h"

namespace jbr::synth {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAreArray;

const SchemaRegistry& Schemas() {
  static const SchemaRegistry* r = [] {
    auto loaded = SchemaRegistry::LoadDirectory(std::string(JBR_SOURCE_DIR) + "/data/schemas");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return new SchemaRegistry(std::move(loaded).value());
  }();
  return *r;
}

DefectScope Scope() { return DefectScope{&Schemas(), {"FIN", "BZK", "AZ"}, 2019, 2020}; }

Result<std::vector<DefectRequest>> Parse(const std::string& json) {
  return ParseDefectSpec(json, Scope());
}

// --- the spec -------------------------------------------------------------------------------

TEST(DefectSpec, ParsesKindsDatasetsAndOptionalRows) {
  auto r = Parse(R"({"defects": [
      {"kind": "bsn-in-id", "dataset": "personnel", "ministry": "FIN", "year": 2020, "row": 7},
      {"kind": "truncated", "dataset": "personeel", "ministry": "AZ", "year": 2019},
      {"kind": "wrong-sheet-first", "dataset": "vacancies", "ministry": "BZK", "year": 2020, "row": null}]})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].kind, DefectKind::kBsnInId);
  EXPECT_EQ((*r)[0].row, 7);
  EXPECT_EQ((*r)[1].dataset, "personnel");  // the Dutch alias resolved
  EXPECT_EQ((*r)[1].row, std::nullopt);
  EXPECT_EQ((*r)[2].kind, DefectKind::kWrongSheetFirst);
  EXPECT_TRUE(Parse(R"({"defects": []})").ok());
}

TEST(DefectSpec, KindNamesRoundTrip) {
  for (const auto& name : DefectKindNames()) {
    auto k = DefectKindNamed(name);
    ASSERT_TRUE(k) << name;
    EXPECT_EQ(DefectKindName(*k), name);
  }
  EXPECT_EQ(DefectKindNames().size(), 11u);
}

void ExpectRefused(const std::string& json, const std::string& part) {
  auto r = Parse(json);
  ASSERT_FALSE(r.ok()) << json;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput) << json;
  EXPECT_THAT(r.status().message(), HasSubstr(part)) << json;
}

std::string One(const std::string& fields) { return R"({"defects": [{)" + fields + "}]}"; }
const std::string kOk =
    R"("kind": "duplicate-id", "dataset": "personnel", "ministry": "FIN", "year": 2020)";

TEST(DefectSpec, RefusesMalformedDocuments) {
  ExpectRefused("", "not valid JSON");
  ExpectRefused("{\"defects\": [", "not valid JSON");
  ExpectRefused("[]", "expected an object");
  ExpectRefused(R"({"defects": {}})", "must be an array");
  ExpectRefused(R"({"defect": []})", "unknown key \"defect\"");
  ExpectRefused(R"({"defects": [7]})", "defects[0]: each defect must be an object");
  ExpectRefused(std::string(100000, '['), "not valid JSON");
}

TEST(DefectSpec, RefusesBadValuesNamingTheDefect) {
  ExpectRefused(One(R"("kind": "typo", "dataset": "personnel", "ministry": "FIN", "year": 2020)"),
                "defects[0]: unknown kind \"typo\" (known: decimal-comma,");
  ExpectRefused(One(R"("dataset": "personnel", "ministry": "FIN", "year": 2020)"),
                "\"kind\" is missing");
  ExpectRefused(One(R"("kind": 3, "dataset": "personnel", "ministry": "FIN", "year": 2020)"),
                "must be a string");
  ExpectRefused(
      One(R"("kind": "truncated", "dataset": "salaries", "ministry": "FIN", "year": 2020)"),
      "unknown dataset \"salaries\"");
  ExpectRefused(
      One(R"("kind": "truncated", "dataset": "personnel", "ministry": "XYZ", "year": 2020)"),
      "unknown ministry \"XYZ\" (known: FIN, BZK, AZ)");
  ExpectRefused(
      One(R"("kind": "truncated", "dataset": "personnel", "ministry": "FIN", "year": 2021)"),
      "year 2021 is not among the years generated (2019-2020)");
  ExpectRefused(
      One(R"("kind": "truncated", "dataset": "personnel", "ministry": "FIN", "year": 2020.5)"),
      "\"year\" must be a whole number");
  ExpectRefused(One(R"("kind": "truncated", "dataset": "personnel", "ministry": "FIN")"),
                "\"year\" is missing");
  ExpectRefused(One(kOk + R"(, "row": 1)"), "row 1 is not a data row");
  ExpectRefused(One(kOk + R"(, "row": -5)"), "row -5 is not a data row");
  ExpectRefused(One(kOk + R"(, "row": "7")"), "\"row\" must be a whole number");
  ExpectRefused(One(kOk + R"(, "row": 18446744073709551615)"), "\"row\" is out of range");
  ExpectRefused(One(kOk + R"(, "colour": "red")"), "unknown key \"colour\"");
  ExpectRefused(
      One(R"("kind": "missing-column", "dataset": "personnel", "ministry": "FIN", "year": 2020, "row": 3)"),
      "missing-column spoils the whole file and takes no row");
  // The second defect is the bad one: the index says so.
  ExpectRefused(R"({"defects": [{)" + kOk + R"(}, {"kind": "x"}]})", "defects[1]: unknown kind");
}

TEST(DefectSpec, RefusesKindsADatasetCannotHave) {
  ExpectRefused(
      One(R"("kind": "decimal-comma", "dataset": "internships", "ministry": "FIN", "year": 2020)"),
      "decimal-comma cannot be made in internships: internships has no number column");
  // Absence segments of one episode must not overlap: moving one out of the year could.
  ExpectRefused(
      One(R"("kind": "out-of-period", "dataset": "absence", "ministry": "FIN", "year": 2020)"),
      "absence has no start-end period that can move out of the year");
  ExpectRefused(
      One(R"("kind": "duplicate-id", "dataset": "absence", "ministry": "FIN", "year": 2020)"),
      "absence has no unique column");
}

TEST(DefectSpec, ReadsAFileAndRefusesAMissingOne) {
  auto r = ReadDefectSpec("/nonexistent/spec.json", Scope());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIo);
}

// --- the spoilt files and their keys --------------------------------------------------------

// Four employments in 2020, worked by hand: row 3 starts and ends within 2020, row 4 crosses into
// 2021, rows 2 and 5 are ongoing.
Table Personnel() {
  Table t("personnel",
          {"person_id", "employment_id", "organisation_unit", "unit_type", "start_date", "end_date",
           "weekly_hours", "birth_year", "gender", "salary_scale", "contract", "jobs_agreement"});
  t.rows = {
      {"P1", "E1", "Directie A", "core", "2015-03-01", "", "36", "1970", "female", "10",
       "permanent", "false"},
      {"P2", "E2", "Directie B", "agency", "2020-04-01", "2020-09-30", "32.5", "1985", "male", "8",
       "temporary", "false"},
      {"P3", "E3", "Directie A", "core", "2019-06-01", "2021-05-31", "28.8", "1990", "female", "11",
       "temporary", "true"},
      {"P4", "E4", "Directie C", "inspectorate", "2010-01-01", "", "36", "1965", "male", "12",
       "permanent", "false"},
  };
  return t;
}

struct Spoilt {
  DefectFile key;
  std::string bytes;
};

class DefectFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    tmp_.emplace(::jbr::testing::TestDir("jbr-defects-"));
    dir_ = tmp_->path();
  }
  void TearDown() override { tmp_.reset(); }

  Result<Spoilt> Apply(DefectKind kind, std::optional<int64_t> row = std::nullopt,
                       const char* style = "utf8-comma", bool dutch = false,
                       const Table& table = Personnel()) {
    DefectRequest req{kind, "personnel", "FIN", 2020, row};
    JBR_ASSIGN_OR_RETURN(auto key, ApplyDefect(req, table, *Schemas().Find("personnel"),
                                               StyleNamed(style, dutch), 1, dir_, "defects/x"));
    std::ifstream in(fs::path(dir_) / key.file, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return Spoilt{std::move(key), ss.str()};
  }

  std::string dir_;
  std::optional<TempDir> tmp_;
};

// A finding as "code row column" ("-" where not pinned), for readable comparisons.
std::vector<std::string> Keys(const DefectFile& f) {
  std::vector<std::string> out;
  for (const auto& e : f.expected) {
    out.push_back(fmt::format("{} {} {} {}", e.code, SeverityName(e.severity),
                              e.row ? std::to_string(*e.row) : "-", e.column.value_or("-")));
  }
  return out;
}

std::vector<std::string> Lines(const std::string& bytes) {
  std::vector<std::string> out;
  std::stringstream ss(bytes);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

TEST_F(DefectFiles, DecimalCommaIsUnquotedInACommaFile) {
  auto s = Apply(DefectKind::kDecimalComma, 3, "cp1252-semicolon");
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->key.file, "defects/x.csv");
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"extra-cell error 3 -"}));
  auto lines = Lines(s->bytes);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[2],
            "P2,E2,Directie B,agency,2020-04-01,2020-09-30,32,5,1985,male,8,temporary,false");
  // A whole number gets a decimal too: "36,0" splits the same way.
  auto whole = Apply(DefectKind::kDecimalComma, 5);
  ASSERT_TRUE(whole.ok());
  EXPECT_THAT(Lines(whole->bytes)[4], HasSubstr(",36,0,1965,"));
}

TEST_F(DefectFiles, MissingColumnDropsTheFirstRequiredColumn) {
  auto s = Apply(DefectKind::kMissingColumn, std::nullopt, "utf8-comma", true);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"missing-column error 1 person_id"}));
  EXPECT_EQ(Lines(s->bytes)[0].rfind("dienstverband_id,", 0), 0u);
  EXPECT_EQ(Lines(s->bytes)[1].rfind("E1,", 0), 0u);
}

TEST_F(DefectFiles, RenamedColumnIsUnknownAndMissing) {
  auto s = Apply(DefectKind::kRenamedColumn, std::nullopt, "utf8-comma", true);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"unknown-column warning 1 persoon_id (oud)",
                                                       "missing-column error 1 person_id"}));
  EXPECT_EQ(Lines(s->bytes)[0].rfind("persoon_id (oud),dienstverband_id,", 0), 0u);
}

TEST_F(DefectFiles, BsnInIdPassesTheElevenTest) {
  auto s = Apply(DefectKind::kBsnInId, 4, "utf8-comma", true);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"personal-identifier error 4 persoon_id"}));
  const std::string bsn = Lines(s->bytes)[3].substr(0, 9);
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (i < 8 ? 9 - i : -1) * (bsn[static_cast<size_t>(i)] - '0');
  EXPECT_EQ(sum % 11, 0) << bsn;
  EXPECT_EQ(Lines(s->bytes)[3].substr(9, 4), ",E3,");
}

TEST_F(DefectFiles, EndBeforeStartOnlyWhereTheRowStaysInTheYear) {
  // Only row 3 starts after 1 January 2020: the seed has no other choice.
  auto s = Apply(DefectKind::kEndBeforeStart);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"cross-field-error error 3 end_date"}));
  EXPECT_THAT(Lines(s->bytes)[2], HasSubstr(",2020-04-01,2020-03-31,"));
  auto bad = Apply(DefectKind::kEndBeforeStart, 2);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("row 2 does not suit"));
}

TEST_F(DefectFiles, OutOfPeriodEndsTheYearBefore) {
  auto s = Apply(DefectKind::kOutOfPeriod, 3, "cp1252-semicolon", true);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"out-of-period error 3 einddatum"}));
  // Dutch dates; the start moved back before the new end.
  EXPECT_THAT(Lines(s->bytes)[2], HasSubstr(";02-12-2019;31-12-2019;"));
  auto kept = Apply(DefectKind::kOutOfPeriod, 4);
  ASSERT_TRUE(kept.ok());
  EXPECT_THAT(Lines(kept->bytes)[3], HasSubstr(",2019-06-01,2019-12-31,"));
}

TEST_F(DefectFiles, AnOpenVacancyKeepsItsEmptyClosingDate) {
  // vacancies: closed_date must be empty when the outcome is open (an empty-if rule).
  Table t("vacancies", {"vacancy_id", "opened_date", "closed_date", "outcome", "filled_by",
                        "salary_scale", "fte"});
  t.rows = {{"V1", "2020-03-01", "", "open", "", "10", "1"},
            {"V2", "2020-02-01", "2020-05-01", "filled", "internal", "9", "1"}};
  const DatasetSchema& schema = *Schemas().Find("vacancies");
  for (auto kind : {DefectKind::kEndBeforeStart, DefectKind::kOutOfPeriod}) {
    auto chosen = ApplyDefect({kind, "vacancies", "FIN", 2020, std::nullopt}, t, schema,
                              StyleNamed("utf8-comma", false), 1, dir_, "defects/v");
    ASSERT_TRUE(chosen.ok()) << chosen.status().message();
    EXPECT_EQ(chosen->row, 3);
    auto refused = ApplyDefect({kind, "vacancies", "FIN", 2020, 2}, t, schema,
                               StyleNamed("utf8-comma", false), 1, dir_, "defects/v");
    ASSERT_FALSE(refused.ok());
    EXPECT_THAT(refused.status().message(), HasSubstr("its end date is empty and must stay so"));
  }
}

TEST_F(DefectFiles, DuplicateIdCopiesThePreviousRow) {
  auto s = Apply(DefectKind::kDuplicateId, 4);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"unique-error error 4 employment_id"}));
  EXPECT_EQ(Lines(s->bytes)[3].rfind("P3,E2,", 0), 0u);
  auto first = Apply(DefectKind::kDuplicateId, 2);  // nothing before the first row
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.status().code(), StatusCode::kInvalidInput);
  EXPECT_THAT(first.status().message(),
              HasSubstr("row 2 does not suit: the first data row has no row before it to copy"));
}

TEST_F(DefectFiles, UnknownEnum) {
  auto s = Apply(DefectKind::kUnknownEnum, 2, "utf8-comma", true);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"enum-error error 2 type_eenheid"}));
  EXPECT_THAT(Lines(s->bytes)[1], HasSubstr(",Directie A,n.v.t.,"));
}

TEST_F(DefectFiles, WrongSheetFirstExpectsTheNotesSheetsHeader) {
  auto s = Apply(DefectKind::kWrongSheetFirst);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->key.file, "defects/x.xlsx");
  EXPECT_EQ(s->bytes.substr(0, 2), "PK");
  // No row of the notes sheet is a header: one finding, on its only row.
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"header-not-found error 1 -"}));
}

TEST_F(DefectFiles, Cp1252DeclaredUtf8) {
  auto s = Apply(DefectKind::kCp1252AsUtf8, 3, "xlsx", true);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->key.file, "defects/x.csv");
  EXPECT_EQ(s->key.validate_options, (std::vector<std::string>{"--encoding", "utf-8"}));
  EXPECT_THAT(Keys(s->key),
              UnorderedElementsAreArray({"encoding-error error 3 organisatieonderdeel"}));
  EXPECT_THAT(Lines(s->bytes)[2], HasSubstr(";Directie B \x96 Financi\xEBn;"));
}

TEST_F(DefectFiles, Cp1252ExpectsEveryCellWithAByteAboveAscii) {
  Table t = Personnel();
  t.rows[0][2] =
      "Directie Cura\xC3\xA7"
      "ao";                            // ç: 0xE7 in Windows-1252, invalid as UTF-8
  t.rows[3][2] = "Directie \xC5\x91";  // ő is not in Windows-1252: written as '?', valid
  auto s = Apply(DefectKind::kCp1252AsUtf8, 3, "utf8-comma", false, t);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_THAT(Keys(s->key),
              UnorderedElementsAreArray({"encoding-error error 2 organisation_unit",
                                         "encoding-error error 3 organisation_unit"}));
  EXPECT_THAT(Lines(s->bytes)[4], HasSubstr(";Directie ?;"));
}

TEST_F(DefectFiles, TruncatedCutsTheLastRowInHalf) {
  auto s = Apply(DefectKind::kTruncated);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_THAT(Keys(s->key), UnorderedElementsAreArray({"missing-cell error 5 -"}));
  // 12 columns: 5 delimiters kept, then half of the next cell (end_date, empty here).
  EXPECT_EQ(Lines(s->bytes).back(), "P4,E4,Directie C,inspectorate,2010-01-01,");
  EXPECT_NE(s->bytes.back(), '\n');

  auto mid = Apply(DefectKind::kTruncated, 3, "utf8bom-semicolon");
  ASSERT_TRUE(mid.ok()) << mid.status().message();
  EXPECT_THAT(Keys(mid->key), UnorderedElementsAreArray({"missing-cell error 3 -"}));
  auto lines = Lines(mid->bytes);
  ASSERT_EQ(lines.size(), 3u);  // the rows after the cut never arrived
  EXPECT_EQ(lines[2], "P2;E2;Directie B;agency;2020-04-01;2020-");  // half of 2020-09-30
}

TEST_F(DefectFiles, RowsOutsideTheTableAreRefused) {
  auto s = Apply(DefectKind::kBsnInId, 6);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidInput);
  EXPECT_THAT(s.status().message(), HasSubstr("row 6 is outside the file (data rows 2-5)"));
}

TEST_F(DefectFiles, AnswerKeyJson) {
  auto s = Apply(DefectKind::kCp1252AsUtf8, 3);
  ASSERT_TRUE(s.ok());
  auto j = nlohmann::json::parse(AnswerKeyJson({s->key}));
  ASSERT_EQ(j["files"].size(), 1u);
  const auto& f = j["files"][0];
  EXPECT_EQ(f["file"], "defects/x.csv");
  EXPECT_EQ(f["kind"], "cp1252-as-utf8");
  EXPECT_EQ(f["dataset"], "personnel");
  EXPECT_EQ(f["ministry"], "FIN");
  EXPECT_EQ(f["year"], 2020);
  EXPECT_EQ(f["row"], 3);
  EXPECT_EQ(f["validate_options"], nlohmann::json({"--encoding", "utf-8"}));
  EXPECT_EQ(f["findings"][0], nlohmann::json({{"code", "encoding-error"},
                                              {"severity", "error"},
                                              {"row", 3},
                                              {"column", "organisation_unit"}}));
}

}  // namespace
}  // namespace jbr::synth
