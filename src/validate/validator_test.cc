// ValidateFile on small files written here: the header found below title rows, one finding when
// there is no header, and control characters in cells.

#include "validate/validator.h"

#include "common/testing/temp_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

namespace jbr {
namespace {

// Three fields: two required, one with a Dutch alias.
DatasetSchema Schema() {
  DatasetSchema s;
  s.name = "staff";
  FieldSchema id;
  id.name = "person_id";
  id.required = true;
  FieldSchema hours;
  hours.name = "weekly_hours";
  hours.aliases = {"uren"};
  hours.type = FieldType::kNumber;
  hours.required = true;
  FieldSchema unit;
  unit.name = "unit";
  s.fields = {id, hours, unit};
  return s;
}

struct Outcome {
  CollectingSink sink;
  int64_t rows = 0;
  std::vector<std::string> Codes() const {
    std::vector<std::string> codes;
    for (const Finding& f : sink.findings()) codes.push_back(f.code + "@" + std::to_string(f.row));
    return codes;
  }
};

void Validate(const std::string& bytes, Outcome* run) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-validator-");
  const std::string path = dir.File("f.csv");
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  auto summary = ValidateFile(Schema(), path, "f.csv", {}, {}, nullptr, &run->sink);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  run->rows = summary->rows;
}

using Codes = std::vector<std::string>;

TEST(HeaderRow, TheHeaderBelowTitleRowsIsFoundAndNamed) {
  Outcome run;
  Validate(
      "Bezetting 2020;;\nPeildatum 31-12-2020;;\n;;\nperson_id;uren;unit\nP1;36;A\nP2;18,5;B\n",
      &run);
  EXPECT_EQ(run.Codes(), Codes({"header-row@4"}));
  EXPECT_EQ(run.sink.findings()[0].severity, Severity::kWarning);
  EXPECT_EQ(run.rows, 2);  // the title rows are not data; the blank row above the header neither
}

TEST(HeaderRow, AFirstRowThatIsTheHeaderIsNotSearchedPast) {
  Outcome run;
  Validate("person_id,weekly_hours,x\nperson_id,weekly_hours,unit\n", &run);
  // The second row names more fields, but the first names every required one: it is the header,
  // and the second is data (whose weekly_hours is no number).
  EXPECT_EQ(run.Codes(), Codes({"unknown-column@1", "type-error@2"}));
}

TEST(HeaderRow, NoHeaderIsOneFindingNamingTheBestRow) {
  Outcome run;
  Validate("Naam,Afdeling\nJan,A\nPersoon,unit\nP1,P2\n", &run);
  ASSERT_EQ(run.Codes(), Codes({"header-not-found@3"}));
  const Finding& f = run.sink.findings()[0];
  EXPECT_EQ(f.severity, Severity::kError);
  // Row 3 names a column (unit), but none of the two required ones; what did not match is named.
  EXPECT_NE(f.message.find("the closest, row 3, names 0 of the 2 required columns; missing: "
                           "person_id, weekly_hours; not columns of staff: Persoon"),
            std::string::npos)
      << f.message;
  EXPECT_EQ(run.rows, 0);
}

TEST(HeaderRow, NoRowNamingAnyColumnIsSaidSoWithTheFirstRowShown) {
  Outcome run;
  Validate("Naam,Afdeling, Functie \nJan,A,adviseur\n", &run);
  ASSERT_EQ(run.Codes(), Codes({"header-not-found@1"}));
  // Not "the best candidate names 0 columns": no row is a candidate; row 1 shows what the file is.
  EXPECT_EQ(run.sink.findings()[0].message,
            "none of the first 20 rows names a column of a staff delivery (row 1 holds: Naam, "
            "Afdeling, Functie); its required columns are person_id, weekly_hours");
}

TEST(HeaderRow, OneTitleRowIsNamedInTheSingular) {
  Outcome run;
  Validate("Bezetting 2020,,\nperson_id,uren,unit\nP1,36,A\n", &run);
  ASSERT_EQ(run.Codes(), Codes({"header-row@2"}));
  EXPECT_EQ(run.sink.findings()[0].message,
            "the header is row 2, found by its column names; row 1 above it is read as a title and "
            "skipped");
}

TEST(HeaderRow, AMissingColumnIsStillOneMissingColumn) {
  Outcome run;
  Validate("person_id,unit\nP1,A\n", &run);
  // Half the required fields is enough to be the header; the other half is missing.
  EXPECT_EQ(run.Codes(), Codes({"missing-column@1"}));
}

TEST(ControlCharacters, AreFindingsWithTheCharacterEscaped) {
  Outcome run;
  Validate(
      std::string(
          "person_id,weekly_hours,unit\nP1,36,DG\0A\nP2,36,\"tab\there\nline\"\nP3\x1b,1,B\n", 69),
      &run);
  ASSERT_EQ(run.Codes(), Codes({"control-character@2", "control-character@5"}));
  const Finding& nul = run.sink.findings()[0];
  EXPECT_EQ(nul.column, "unit");
  EXPECT_EQ(nul.value, "DG\\x00A");
  EXPECT_NE(nul.message.find("U+0000 (NUL) at character 3"), std::string::npos) << nul.message;
  EXPECT_EQ(run.sink.findings()[1].column, "person_id");
  EXPECT_EQ(run.sink.findings()[1].value, "P3\\x1B");
}

}  // namespace
}  // namespace jbr
