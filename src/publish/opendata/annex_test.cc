#include "publish/opendata/annex.h"

#include <gtest/gtest.h>

#include <map>

#include "ingest/xlsx_reader.h"
#include "publish/testing/test_store.h"

namespace jbr::publish {
namespace {

TEST(SheetNames, ShortUniqueIgnoringCaseAndValid) {
  const std::string long_id = "ict.projects_with_a_very_long_identifier";  // 40 characters
  const auto names =
      SheetNames({"hire.share", long_id, long_id + "_too", "Hire.Share", "toelichting", "a/b:c"});
  ASSERT_EQ(names.size(), 6u);
  EXPECT_EQ(names[0], "hire.share");
  EXPECT_EQ(names[1], "ict.projects_with_a_very_long_i");  // the first 31 characters
  EXPECT_EQ(names[2], "ict.projects_with_a_very_long~2");
  EXPECT_EQ(names[3], "Hire.Share~2");   // Excel compares sheet names ignoring case
  EXPECT_EQ(names[4], "toelichting~2");  // the notes sheet's name is taken
  EXPECT_EQ(names[5], "a_b_c");
  for (const auto& n : names) EXPECT_LE(n.size(), 31u) << n;
}

// The rows of one sheet, in order.
std::vector<std::vector<std::string>> SheetRows(const std::string& path, const std::string& sheet) {
  XlsxOptions o;
  o.sheet = sheet;
  CollectingSink sink;
  auto src = OpenXlsx(path, "annex.xlsx", o, &sink);
  EXPECT_TRUE(src.ok()) << src.status().ToString();
  std::vector<std::vector<std::string>> rows;
  if (!src.ok()) return rows;
  RawRow row;
  while (true) {
    auto more = (*src)->Next(&row);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    if (!row.cells.empty()) rows.push_back(row.cells);
  }
  return rows;
}

// The rows of one sheet, keyed by their first cell (the first row of each label: the table, not
// the change block below it).
std::map<std::string, std::vector<std::string>> ReadSheet(const std::string& path,
                                                          const std::string& sheet) {
  std::map<std::string, std::vector<std::string>> rows;
  for (auto& r : SheetRows(path, sheet)) rows.emplace(r[0], r);
  return rows;
}

class AnnexTest : public PublishTest {
 protected:
  std::string WriteIt() {
    SaveRun();
    auto pub = LoadPublication(ws_->store(), TestRegistry(), 2020);
    EXPECT_TRUE(pub.ok()) << pub.status().ToString();
    auto out = OutputDir::Prepare((dir_ / "out").string());
    EXPECT_TRUE(out.ok()) << out.status().ToString();
    if (!pub.ok() || !out.ok()) return "";
    const Status s = WriteAnnex(*pub, &*out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return (dir_ / "out" / "annex" / "jbr-2020-tabellen.xlsx").string();
  }
};

TEST_F(AnnexTest, OneSheetPerIndicatorAfterTheNotes) {
  const std::string path = WriteIt();
  auto sheets = ListXlsxSheets(path);
  ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
  EXPECT_EQ(*sheets,
            (std::vector<std::string>{"Toelichting", "personnel.headcount", "hire.share"}));
}

TEST_F(AnnexTest, SuppressedIsADotMissingIsNgAndFiguresAreNumbers) {
  const std::string path = WriteIt();
  auto headcount = ReadSheet(path, "personnel.headcount");
  ASSERT_TRUE(headcount.count("BZK") && headcount.count("FIN") && headcount.count("Rijk"));
  EXPECT_EQ(headcount["Periode"], (std::vector<std::string>{"Periode", "2020", "2020"}));
  EXPECT_EQ(headcount["Soort eenheid"], (std::vector<std::string>{"Soort eenheid", "", "core"}));
  EXPECT_EQ(headcount["BZK"], (std::vector<std::string>{"BZK", "1234", "1000"}));
  EXPECT_EQ(headcount["FIN"].at(1), ".");
  EXPECT_EQ(headcount["Rijk"].at(1), "40000");
  auto hire = ReadSheet(path, "hire.share");
  // 2019 is last year's figure of the time series (4.5), FIN had none.
  EXPECT_EQ(hire["Periode"], (std::vector<std::string>{"Periode", "2019", "2020"}));
  EXPECT_EQ(hire["BZK"], (std::vector<std::string>{"BZK", "4.5", "5"}));
  EXPECT_EQ(hire["FIN"], (std::vector<std::string>{"FIN", "", "n.g."}));
  EXPECT_EQ(hire.count("Soort eenheid"), 0u);  // no unit types in this table: no such header row
}

// Below each table: the change against last year (hand-made store: BZK's hire share 4.5 -> 5,
// change 0.5; FIN not delivered) and the norm (at most 10%, met by every published figure).
TEST_F(AnnexTest, ChangeAndNormBelowTheTable) {
  const std::string path = WriteIt();
  const auto rows = SheetRows(path, "hire.share");
  size_t at = 0;
  while (at < rows.size() && rows[at][0].rfind("Verandering 2020", 0) != 0) ++at;
  ASSERT_LT(at + 4, rows.size());
  EXPECT_EQ(rows[at + 1], (std::vector<std::string>{"Ministerie", "totaal"}));
  EXPECT_EQ(rows[at + 2], (std::vector<std::string>{"BZK", "0.5"}));
  EXPECT_EQ(rows[at + 3], (std::vector<std::string>{"FIN", "n.g."}));
  EXPECT_EQ(rows.back()[0],
            "Norm: maximaal 10,0% (norm: at most 10.0%). Niet gehaald (not met): geen (none).");
}

TEST_F(AnnexTest, NotesListVersionsAndDeliveries) {
  const std::string path = WriteIt();
  auto notes = ReadSheet(path, "Toelichting");
  ASSERT_TRUE(notes.count("Definitieversie"));
  EXPECT_EQ(notes["Definitieversie"].at(1).substr(0, 4), "def-");
  EXPECT_EQ(notes["Emissiefactoren"].at(1), "2020-illustrative");
  ASSERT_TRUE(notes.count("Levering"));
  EXPECT_EQ(notes["Levering"].at(5), "SHA-256");
  ASSERT_TRUE(notes.count("1"));  // delivery 1: BZK personnel 2020
  EXPECT_EQ(notes["1"].at(1), "personnel");
  EXPECT_EQ(notes["1"].at(2), "BZK");
  EXPECT_EQ(notes["1"].at(5).size(), 64u);
}

}  // namespace
}  // namespace jbr::publish
