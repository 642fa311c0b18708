// Reading real workbooks (written here with libxlsxwriter) and hand-made ones (XML written here,
// zipped with libzip). Hostile workbooks are in xlsx_hostile_test.cc.

#include "ingest/xlsx_reader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "ingest/xlsx_internal.h"
#include "ingest/xlsx_test_util.h"

namespace jbr {
namespace {

using xlsx_test::Drained;
using xlsx_test::HandMade;
using xlsx_test::MakeZip;
using xlsx_test::SharedStringsXml;
using xlsx_test::SheetXml;
using xlsx_test::WriteXlsx;
using Strings = std::vector<std::string>;

// Excel's serial for a date: days since 1899-12-30 (which absorbs Excel's phantom 1900-02-29).
int64_t ExcelSerial(std::chrono::year_month_day date) {
  using std::chrono::sys_days;
  return (sys_days(date) - sys_days(std::chrono::year(1899) / 12 / 30)).count();
}

TEST(XlsxReader, ReadsEveryCellTypeOfARealWorkbook) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("types.xlsx");
  const lxw_datetime born = {2020, 1, 1, 0, 0, 0};
  WriteXlsx(path, [&](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Personen");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    const char* header[] = {"naam", "leeftijd", "actief", "geboren", "dubbel", "kopie", "klein"};
    for (int c = 0; c < 7; ++c) {
      worksheet_write_string(ws, 0, c, header[c], nullptr);
    }
    worksheet_write_string(ws, 1, 0, "Jan", nullptr);
    worksheet_write_number(ws, 1, 1, 36.5, nullptr);
    worksheet_write_boolean(ws, 1, 2, 1, nullptr);
    worksheet_write_datetime(ws, 1, 3, const_cast<lxw_datetime*>(&born), date);
    worksheet_write_formula_num(ws, 1, 4, "=B2*2", nullptr, 73);
    worksheet_write_formula_str(ws, 1, 5, "=A2", nullptr, "Jan");
    worksheet_write_number(ws, 1, 6, 0.0015, nullptr);
    worksheet_write_boolean(ws, 2, 2, 0, nullptr);
  });
  Drained d;
  xlsx_test::DrainFile(path, {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.header.cells,
            Strings({"naam", "leeftijd", "actief", "geboren", "dubbel", "kopie", "klein"}));
  EXPECT_EQ(d.header.row_number, 1);
  ASSERT_EQ(d.rows.size(), 2u);
  const RawRow& jan = d.rows[0];
  EXPECT_EQ(jan.row_number, 2);
  ASSERT_EQ(jan.cells.size(), 7u);
  EXPECT_EQ(jan.cells[0], "Jan");
  EXPECT_EQ(jan.kinds[0], CellKind::kText);
  EXPECT_EQ(std::stod(jan.cells[1]), 36.5);
  EXPECT_EQ(jan.kinds[1], CellKind::kNumber);
  EXPECT_EQ(jan.cells[2], "1");
  EXPECT_EQ(jan.kinds[2], CellKind::kBool);
  const int64_t serial = ExcelSerial(std::chrono::year(born.year) / born.month / born.day);
  EXPECT_EQ(jan.cells[3], std::to_string(serial));
  EXPECT_EQ(jan.kinds[3], CellKind::kNumber);
  EXPECT_EQ(jan.cells[4], "73");  // the cached result, not the formula
  EXPECT_EQ(jan.kinds[4], CellKind::kNumber);
  EXPECT_EQ(jan.cells[5], "Jan");
  EXPECT_EQ(jan.kinds[5], CellKind::kText);
  EXPECT_EQ(std::stod(jan.cells[6]), 0.0015);
  EXPECT_EQ(d.rows[1].cells, Strings({"", "", "0"}));
  EXPECT_EQ(d.rows[1].kinds[2], CellKind::kBool);
  EXPECT_EQ(d.info.format, "xlsx");
  EXPECT_EQ(d.info.encoding, Encoding::kUtf8);
  EXPECT_EQ(d.info.sheet, "Personen");
  EXPECT_EQ(d.sink.total(), 0);
}

TEST(XlsxReader, FillsMissingCellsAndKeepsRowNumbersAcrossGaps) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("gaps.xlsx");
  WriteXlsx(path, [](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    for (int c = 0; c < 3; ++c) {
      worksheet_write_string(ws, 0, c, ("k" + std::to_string(c)).c_str(), nullptr);
    }
    worksheet_write_string(ws, 1, 0, "x", nullptr);
    worksheet_write_string(ws, 1, 2, "z", nullptr);
    worksheet_write_number(ws, 6, 1, 7, nullptr);  // row 7, after five rows that do not exist
  });
  Drained d;
  xlsx_test::DrainFile(path, {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  ASSERT_EQ(d.rows.size(), 2u);
  EXPECT_EQ(d.rows[0].row_number, 2);
  EXPECT_EQ(d.rows[0].cells, Strings({"x", "", "z"}));
  EXPECT_EQ(d.rows[0].kinds.size(), 3u);
  EXPECT_EQ(d.rows[1].row_number, 7);
  EXPECT_EQ(d.rows[1].cells, Strings({"", "7"}));
}

TEST(XlsxReader, ReadsColumnsPastZ) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("wide.xlsx");
  constexpr int kColumns = 30;  // up to AD
  WriteXlsx(path, [](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    for (int c = 0; c < kColumns; ++c) {
      worksheet_write_string(ws, 0, c, ("kolom" + std::to_string(c)).c_str(), nullptr);
      worksheet_write_number(ws, 1, c, c * 10, nullptr);
    }
    worksheet_write_string(ws, 2, 27, "AB3", nullptr);
  });
  Drained d;
  xlsx_test::DrainFile(path, {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  ASSERT_EQ(d.header.cells.size(), size_t{kColumns});
  EXPECT_EQ(d.header.cells[29], "kolom29");
  ASSERT_EQ(d.rows.size(), 2u);
  ASSERT_EQ(d.rows[0].cells.size(), size_t{kColumns});
  for (int c = 0; c < kColumns; ++c) {
    EXPECT_EQ(d.rows[0].cells[c], std::to_string(c * 10));
  }
  ASSERT_EQ(d.rows[1].cells.size(), 28u);
  EXPECT_EQ(d.rows[1].cells[27], "AB3");
  EXPECT_EQ(d.rows[1].cells[26], "");
}

TEST(XlsxReader, HeaderIsTheFirstNonBlankRowAndTrailingBlankRowsAreDropped) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("blank.xlsx");
  WriteXlsx(path, [](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    lxw_format* yellow = workbook_add_format(wb);
    format_set_bg_color(yellow, LXW_COLOR_YELLOW);
    worksheet_set_row(ws, 0, 30, yellow);  // a formatted, empty first row
    worksheet_write_blank(ws, 1, 0, yellow);
    worksheet_write_string(ws, 2, 0, "id", nullptr);
    worksheet_write_string(ws, 2, 1, "naam", nullptr);
    worksheet_write_number(ws, 3, 0, 1, nullptr);
    worksheet_write_blank(ws, 4, 0, yellow);          // blank row inside the data
    worksheet_write_string(ws, 5, 0, "  ", nullptr);  // only blanks: blank too
    worksheet_write_number(ws, 6, 0, 2, nullptr);
    for (int r = 7; r < 20; ++r) {
      worksheet_write_blank(ws, r, 1, yellow);
    }
    worksheet_set_row(ws, 25, 30, yellow);
  });
  Drained d;
  xlsx_test::DrainFile(path, {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.header.row_number, 3);
  EXPECT_EQ(d.header.cells, Strings({"id", "naam"}));
  ASSERT_EQ(d.rows.size(), 4u);
  EXPECT_EQ(d.rows[0].row_number, 4);
  EXPECT_EQ(d.rows[1].row_number, 5);
  EXPECT_TRUE(d.rows[1].IsBlank());
  EXPECT_TRUE(d.rows[1].cells.empty());
  EXPECT_EQ(d.rows[2].row_number, 6);
  EXPECT_EQ(d.rows[2].cells, Strings({"  "}));
  EXPECT_EQ(d.rows[3].row_number, 7);
  EXPECT_EQ(d.rows[3].cells, Strings({"2"}));
}

TEST(XlsxReader, ChoosesTheSheetByNameIgnoringCase) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("sheets.xlsx");
  const Strings names = {"Overzicht", "Data 2024", "Extra"};
  WriteXlsx(path, [&](lxw_workbook* wb) {
    for (const std::string& name : names) {
      lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
      worksheet_write_string(ws, 0, 0, ("kop " + name).c_str(), nullptr);
      worksheet_write_string(ws, 1, 0, ("waarde " + name).c_str(), nullptr);
    }
  });
  Result<std::vector<std::string>> listed = ListXlsxSheets(path);
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  EXPECT_EQ(*listed, names);

  Drained first;
  xlsx_test::DrainFile(path, {}, &first);
  ASSERT_TRUE(first.status.ok());
  EXPECT_EQ(first.header.cells, Strings({"kop Overzicht"}));
  EXPECT_EQ(first.info.sheet, "Overzicht");

  XlsxOptions options;
  options.sheet = "data 2024";
  Drained chosen;
  xlsx_test::DrainFile(path, options, &chosen);
  ASSERT_TRUE(chosen.status.ok());
  EXPECT_EQ(chosen.info.sheet, "Data 2024");
  ASSERT_EQ(chosen.rows.size(), 1u);
  EXPECT_EQ(chosen.rows[0].cells, Strings({"waarde Data 2024"}));

  options.sheet = "Blad1";
  Drained missing;
  xlsx_test::DrainFile(path, options, &missing);
  EXPECT_EQ(missing.status.code(), StatusCode::kInvalidInput);
  const Finding* f = missing.Get("sheet-not-found");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_EQ(f->file, "levering.xlsx");
  for (const std::string& name : names) {
    EXPECT_NE(f->message.find(name), std::string::npos);
  }
  EXPECT_EQ(f->hint, "pass --sheet with one of these");
}

TEST(XlsxReader, KeepsTextAsWritten) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("text.xlsx");
  const Strings texts = {" met spaties ", "Ærø café €", "regel 1\nregel 2", "0123"};
  WriteXlsx(path, [&](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    worksheet_write_string(ws, 0, 0, "tekst", nullptr);
    for (size_t i = 0; i < texts.size(); ++i) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(i + 1), 0, texts[i].c_str(), nullptr);
    }
    lxw_rich_string_tuple vet = {bold, const_cast<char*>("vet ")};
    lxw_rich_string_tuple gewoon = {nullptr, const_cast<char*>("en gewoon")};
    lxw_rich_string_tuple* fragments[] = {&vet, &gewoon, nullptr};
    worksheet_write_rich_string(ws, static_cast<lxw_row_t>(texts.size() + 1), 0, fragments,
                                nullptr);
  });
  Drained d;
  xlsx_test::DrainFile(path, {}, &d);
  ASSERT_TRUE(d.status.ok());
  ASSERT_EQ(d.rows.size(), texts.size() + 1);
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(d.rows[i].cells, Strings({texts[i]}));
  }
  EXPECT_EQ(d.rows.back().cells, Strings({"vet en gewoon"}));
}

TEST(XlsxReader, StreamsALargeSheetAndReportsProgress) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("large.xlsx");
  constexpr int kRows = 20000;
  WriteXlsx(
      path,
      [](lxw_workbook* wb) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
        worksheet_write_string(ws, 0, 0, "n", nullptr);
        worksheet_write_string(ws, 0, 1, "tekst", nullptr);
        for (int r = 1; r <= kRows; ++r) {
          worksheet_write_number(ws, r, 0, r, nullptr);
          worksheet_write_string(ws, r, 1, ("rij " + std::to_string(r)).c_str(), nullptr);
        }
      },
      /*constant_memory=*/true);
  Drained d;
  xlsx_test::DrainFile(path, {}, &d);
  ASSERT_TRUE(d.status.ok());
  ASSERT_EQ(d.rows.size(), size_t{kRows});
  for (int r = 1; r <= kRows; r += 997) {
    EXPECT_EQ(d.rows[r - 1].row_number, r + 1);
    EXPECT_EQ(d.rows[r - 1].cells, Strings({std::to_string(r), "rij " + std::to_string(r)}));
  }
  const uint64_t file_size = std::filesystem::file_size(path);
  EXPECT_TRUE(std::is_sorted(d.progress.begin(), d.progress.end()));
  EXPECT_LT(d.progress.front(), file_size / 2);  // the sheet is not read up front
  EXPECT_EQ(d.progress.back(), file_size);
}

TEST(XlsxReader, ReadsInlineStringsErrorsDatesAndNumbersAsStored) {
  const std::string shared = SharedStringsXml(
      "<si><t>kop</t></si>"
      "<si><r><t>ri</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">ch </t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>フリガナ</t></rPh></si>"
      "<si><t>  getrimd  </t></si>");
  const std::string sheet = SheetXml(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> los </t></is></c>"
      "<c r=\"B2\" t=\"e\"><v>#N/A</v></c><c r=\"C2\" t=\"d\"><v>2020-01-01T00:00:00</v></c>"
      "<c r=\"D2\"><v>1.5E-3</v></c><c r=\"E2\" t=\"n\"><v>43831</v></c>"
      "<c r=\"F2\" t=\"str\"><f>A2</f><v>formule</v></c>"
      "<c r=\"G2\" t=\"inlineStr\"><is><r><t>a</t></r><r><t>b</t></r><rPh><t>x</t></rPh></is></c>"
      "<c r=\"H2\" s=\"3\"/></row>");
  const std::string zip = MakeZip(HandMade(sheet, shared));
  Drained d;
  xlsx_test::DrainBuffer(zip, {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.header.cells, Strings({"kop", "rich ", "getrimd"}));
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].cells,
            Strings({" los ", "#N/A", "2020-01-01T00:00:00", "1.5E-3", "43831", "formule", "ab"}));
  const std::vector<CellKind> kinds = {CellKind::kText,   CellKind::kText,   CellKind::kText,
                                       CellKind::kNumber, CellKind::kNumber, CellKind::kText,
                                       CellKind::kText};
  EXPECT_EQ(d.rows[0].kinds, kinds);
  EXPECT_EQ(d.sink.total(), 0);
}

TEST(XlsxReader, CountsOnWhereRowsAndCellsHaveNoReference) {
  const std::string sheet = SheetXml(
      "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c>"
      "<c t=\"inlineStr\"><is><t>c</t></is></c></row>"
      "<row><c><v>1</v></c><c r=\"C2\"><v>3</v></c><c><v>4</v></c></row>"
      "<row r=\"10\"><c r=\"b10\"><v>5</v></c></row>"
      "<row><c><v>6</v></c></row>");
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(sheet)), {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.header.cells, Strings({"a", "b", "c"}));
  ASSERT_EQ(d.rows.size(), 3u);
  EXPECT_EQ(d.rows[0].row_number, 2);
  EXPECT_EQ(d.rows[0].cells, Strings({"1", "", "3", "4"}));
  EXPECT_EQ(d.rows[1].row_number, 10);
  EXPECT_EQ(d.rows[1].cells, Strings({"", "5"}));
  EXPECT_EQ(d.rows[2].row_number, 11);
  EXPECT_EQ(d.rows[2].cells, Strings({"6"}));
}

TEST(XlsxReader, FollowsAbsoluteTargetsAndPrefixedElements) {
  const std::string sheet =
      std::string("<x:worksheet xmlns:x=\"") + xlsx_test::kMainNs +
      "\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>kop</x:t></x:is>"
      "</x:c></x:row><x:row r=\"2\"><x:c r=\"A2\"><x:v>2</x:v></x:c></x:row></x:sheetData>"
      "</x:worksheet>";
  std::vector<xlsx_test::Part> parts = HandMade(sheet, "", "/xl/data/blad.xml");
  parts[3].name = "xl/data/blad.xml";
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(parts), {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.header.cells, Strings({"kop"}));
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].cells, Strings({"2"}));
}

TEST(XlsxReader, ReturnsBlankRowsBeforeDataAsOneRunEach) {
  std::string rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>kop</t></is></c></row>";
  for (int r = 2; r <= 10001; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"/>";
  }
  rows += "<row r=\"10002\"><c r=\"A10002\"><v>1</v></c></row>";
  for (int r = 10003; r <= 50000; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"/>";
  }
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(SheetXml(rows))), {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  // The 10000 blank rows as one run, then the data; the trailing ones dropped.
  ASSERT_EQ(d.rows.size(), 2u);
  EXPECT_EQ(d.rows[0].row_number, 2);
  EXPECT_TRUE(d.rows[0].cells.empty());
  EXPECT_EQ(d.rows[0].blank_run, 10000);
  EXPECT_EQ(d.rows.back().row_number, 10002);
  EXPECT_EQ(d.rows.back().blank_run, 1);
  EXPECT_EQ(d.rows.back().cells, Strings({"1"}));
}

TEST(XlsxReader, AFormulaLibxlsxwriterNeverCalculatedIsAFinding) {
  // libxlsxwriter (like XlsxWriter) stores 0 for a formula it was given no result for, and asks
  // Excel to recalculate on opening (calcPr fullCalcOnLoad); a result it was given is kept.
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("formules.xlsx");
  WriteXlsx(path, [](lxw_workbook* wb) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Blad1");
    worksheet_write_string(ws, 0, 0, "uren", nullptr);
    worksheet_write_string(ws, 0, 1, "fte", nullptr);
    worksheet_write_number(ws, 1, 0, 36, nullptr);
    worksheet_write_formula(ws, 1, 1, "=A2/36", nullptr);
    worksheet_write_number(ws, 2, 0, 18, nullptr);
    worksheet_write_formula_num(ws, 2, 1, "=A3/36", nullptr, 0.5);
  });
  Drained d;
  xlsx_test::DrainFile(path, {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  ASSERT_EQ(d.rows.size(), 2u);
  EXPECT_EQ(d.rows[0].kinds[1], CellKind::kUnread);
  EXPECT_EQ(d.rows[0].cells[1], "");
  EXPECT_EQ(d.rows[1].cells[1], "0.5");
  ASSERT_EQ(d.sink.findings().size(), 1u);
  const Finding& f = d.sink.findings()[0];
  EXPECT_EQ(f.code, "formula-without-value");
  EXPECT_EQ(f.row, 2);
  EXPECT_EQ(f.column, "fte");
  EXPECT_EQ(f.value, "=A2/36");
  EXPECT_NE(f.message.find("cell B2"), std::string::npos) << f.message;
}

TEST(XlsxReader, AFormulaWithoutOrWithAnEmptyValueIsAFinding) {
  // By ECMA-376 part 1, 18.3.1.4: <f> with no <v> (a writer that does not calculate), and <v/> as
  // openpyxl writes it. A formula whose string result is empty (t="str") is a value.
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B1\" "
      "t=\"inlineStr\"><is><t>b</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\"><f>SUM(B1:B3)</f></c><c r=\"B2\"><f>1+1</f><v></v></c>"
      "<c r=\"C2\" t=\"str\"><f>\"\"</f><v></v></c></row>";
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(SheetXml(rows))), {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].kinds, (std::vector<CellKind>{CellKind::kUnread, CellKind::kUnread}));
  ASSERT_EQ(d.sink.findings().size(), 2u);
  EXPECT_EQ(d.sink.findings()[0].value, "=SUM(B1:B3)");
  EXPECT_EQ(d.sink.findings()[1].column, "b");
}

TEST(XlsxReader, DecodesTheEscapesLibreOfficeWritesForControlCharacters) {
  // testdata/escapes.xlsx (see its README): read as written, ESC was "_x001b_" in the unit name,
  // where the validator could not see it, and the literal "_x0041_" came out as "_x005F_x0041_".
  Drained d;
  xlsx_test::DrainFile(std::string(JBR_SOURCE_DIR) + "/src/ingest/testdata/escapes.xlsx", {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.header.cells, Strings({"tekst"}));
  ASSERT_EQ(d.rows.size(), 3u);
  EXPECT_EQ(d.rows[0].cells, Strings({"Agency B\x1b[0m"}));
  EXPECT_EQ(d.rows[1].cells, Strings({"lit_x0041_end"}));
  EXPECT_EQ(d.rows[2].cells, Strings({"\xF0\x9F\x98\x80 smile"}));
}

TEST(XlsxReader, DecodesEscapesInInlineStringsAndFormulaResults) {
  // ECMA-376 part 1, 22.4.2.4: _xHHHH_ is a UTF-16 code unit, in either case of hex digit; a pair
  // of surrogates is one character, a lone one U+FFFD; "_x" without the rest is text. Numbers and
  // shared-string indexes are not text and never escaped.
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a_x0000_b_x001B_c</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>_xD83D__xDE00_ _xD800_x _x00e9_ _x12_ "
      "_xZZZZ_</t></is></c>"
      "<c r=\"C1\" t=\"str\"><f>\"x\"</f><v>tab_x0009_end</v></c></row>";
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(SheetXml(rows))), {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.header.cells,
            Strings({std::string("a\0b\x1b"
                                 "c",
                                 5),
                     "\xF0\x9F\x98\x80 \xEF\xBF\xBDx \xC3\xA9 _x12_ _xZZZZ_", "tab\tend"}));
}

TEST(XlsxReader, ReportsAnEmptySheet) {
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(SheetXml("<row r=\"1\"/>"))), {}, &d);
  EXPECT_EQ(d.status.code(), StatusCode::kInvalidInput);
  const Finding* f = d.Get("empty-file");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->sheet, "Blad1");
}

TEST(XlsxReader, FailsOnAMissingFileWithoutAFinding) {
  Drained d;
  xlsx_test::DrainFile("/nonexistent/levering.xlsx", {}, &d);
  EXPECT_EQ(d.status.code(), StatusCode::kIo);
  EXPECT_EQ(d.sink.total(), 0);
  EXPECT_EQ(ListXlsxSheets("/nonexistent/levering.xlsx").status().code(), StatusCode::kIo);
}

TEST(XlsxReader, ValidatesOptions) {
  EXPECT_TRUE(XlsxOptions().Validate().ok());
  XlsxOptions columns;
  columns.max_columns = 0;
  EXPECT_EQ(columns.Validate().code(), StatusCode::kUsage);
  XlsxOptions depth;
  depth.max_xml_depth = 3;
  EXPECT_EQ(depth.Validate().code(), StatusCode::kUsage);
  XlsxOptions ratio;
  ratio.max_compression_ratio = 0;
  EXPECT_EQ(ratio.Validate().code(), StatusCode::kUsage);
  CollectingSink sink;
  EXPECT_EQ(OpenXlsxBuffer("", "x.xlsx", depth, &sink).status().code(), StatusCode::kUsage);
}

TEST(XlsxReader, ConvertsColumnReferencesAndResolvesTargets) {
  EXPECT_EQ(xlsx::ColumnFromReference("A1"), 0);
  EXPECT_EQ(xlsx::ColumnFromReference("Z9"), 25);
  EXPECT_EQ(xlsx::ColumnFromReference("AA10"), 26);
  EXPECT_EQ(xlsx::ColumnFromReference("XFD1048576"), 16383);
  EXPECT_EQ(xlsx::ColumnFromReference("12"), -1);
  EXPECT_EQ(xlsx::ColumnFromReference("ABCDEFGH1"), -1);
  EXPECT_EQ(xlsx::ColumnLetters(0), "A");
  EXPECT_EQ(xlsx::ColumnLetters(27), "AB");
  EXPECT_EQ(xlsx::ColumnLetters(16383), "XFD");
  EXPECT_EQ(xlsx::ResolveTarget("xl/workbook.xml", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml");
  EXPECT_EQ(xlsx::ResolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml");
  EXPECT_EQ(xlsx::ResolveTarget("xl/workbook.xml", "../other/./s.xml"), "other/s.xml");
  EXPECT_EQ(xlsx::ResolveTarget("", "xl/workbook.xml"), "xl/workbook.xml");
}

}  // namespace
}  // namespace jbr
