// Reading ODS: a real spreadsheet saved by LibreOffice (testdata/typen.ods, see its README) and
// hand-made ones written here by the OpenDocument specification, for what LibreOffice does not
// write on request (repeated rows with values, formulas without values, hostile sizes).

#include "ingest/ods_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "ingest/open_table.h"
#include "ingest/xlsx_test_util.h"

namespace jbr {
namespace {

using xlsx_test::Drained;
using xlsx_test::MakeZip;
using xlsx_test::Part;
using Strings = std::vector<std::string>;

const std::string kTypen = std::string(JBR_SOURCE_DIR) + "/src/ingest/testdata/typen.ods";

void DrainOds(const std::string& path, const XlsxOptions& options, Drained* out) {
  xlsx_test::DrainSource(OpenOds(path, "levering.ods", options, &out->sink), out);
}

void DrainOdsBuffer(std::string_view data, const XlsxOptions& options, Drained* out) {
  xlsx_test::DrainSource(OpenOdsBuffer(data, "levering.ods", options, &out->sink), out);
}

// content.xml around hand-written <table:table> elements (ODF 1.3 part 3, 9.1).
std::string Content(const std::string& tables) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
         "<office:document-content "
         "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
         "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
         "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
         "<office:body><office:spreadsheet>" +
         tables + "</office:spreadsheet></office:body></office:document-content>";
}

// A package by ODF 1.3 part 2: the mimetype part first and stored, then content.xml.
std::string Package(const std::string& content,
                    const std::string& mime = "application/vnd.oasis.opendocument.spreadsheet") {
  return MakeZip({Part{"mimetype", mime, ZIP_CM_STORE}, Part{"content.xml", content}});
}

std::string Str(const std::string& text, const std::string& extra = "") {
  return "<table:table-cell office:value-type=\"string\"" + extra + "><text:p>" + text +
         "</text:p></table:table-cell>";
}

TEST(OdsReader, ReadsEveryValueTypeOfALibreOfficeFile) {
  Drained d;
  DrainOds(kTypen, {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.info.format, "ods");
  EXPECT_EQ(d.info.sheet, "Blad1");
  EXPECT_EQ(d.header.cells, Strings({"tekst", "getal", "procent", "bedrag", "datum", "waar",
                                     "formule", "fout", "tijd"}));
  ASSERT_EQ(d.rows.size(), 5u);
  const RawRow& r = d.rows[0];
  EXPECT_EQ(r.row_number, 2);
  ASSERT_EQ(r.cells.size(), 9u);
  // Two paragraphs joined by a line feed, <text:s text:c="2"/> as two spaces, no comment text.
  EXPECT_EQ(r.cells[0], "regel een\nregel  twee");
  EXPECT_EQ(r.kinds[0], CellKind::kText);
  EXPECT_EQ(r.cells[1], "36.5");
  EXPECT_EQ(r.kinds[1], CellKind::kNumber);
  EXPECT_EQ(r.cells[2], "0.25");  // 25% is stored as its value, as XLSX does
  EXPECT_EQ(r.kinds[2], CellKind::kNumber);
  EXPECT_EQ(r.cells[3], "1234.5");  // not the shown "€ 1,234.50"
  EXPECT_EQ(r.kinds[3], CellKind::kNumber);
  EXPECT_EQ(r.cells[4], "2020-02-29");
  EXPECT_EQ(r.kinds[4], CellKind::kText);
  EXPECT_EQ(r.cells[5], "1");
  EXPECT_EQ(r.kinds[5], CellKind::kBool);
  EXPECT_EQ(r.cells[6], "73");  // =B2*2, calculated by LibreOffice
  EXPECT_EQ(r.kinds[6], CellKind::kNumber);
  EXPECT_EQ(r.cells[7], "#DIV/0!");
  EXPECT_EQ(r.cells[8], "12:30");
  for (int i = 1; i <= 3; ++i) {
    EXPECT_EQ(d.rows[i].cells, Strings({"zelfde", "7"}));
    EXPECT_EQ(d.rows[i].row_number, 2 + i);
  }
  EXPECT_EQ(d.rows[4].cells, Strings({"x", "x", "x"}));  // one cell repeated over three columns
  EXPECT_EQ(d.sink.total(), 0);
  EXPECT_EQ(d.progress.back(), std::filesystem::file_size(kTypen));
}

TEST(OdsReader, ReadsTheNamedSheetWithItsMergedCell) {
  XlsxOptions options;
  options.sheet = "samengevoegd";  // case-insensitive, as for XLSX
  Drained d;
  DrainOds(kTypen, options, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.info.sheet, "Samengevoegd");
  // A1:B2 merged: the value in A1 only; the covered cells are empty.
  EXPECT_EQ(d.header.cells, Strings({"blok", "", "c1"}));
  EXPECT_EQ(d.header.kinds[1], CellKind::kCovered);
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].cells, Strings({"", "", "c2"}));
  EXPECT_EQ(d.rows[0].kinds[0], CellKind::kCovered);
  EXPECT_EQ(d.rows[0].kinds[1], CellKind::kCovered);
}

TEST(OdsReader, ListsTheSheetsWhenTheNamedOneIsMissing) {
  XlsxOptions options;
  options.sheet = "Personeel";
  Drained d;
  DrainOds(kTypen, options, &d);
  EXPECT_EQ(d.status.code(), StatusCode::kInvalidInput);
  const Finding* f = d.Get("sheet-not-found");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("'Blad1', 'Samengevoegd'"), std::string::npos) << f->message;
}

TEST(OdsReader, OpenTableTellsOdsFromXlsxByContentNotName) {
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("hernoemd.xlsx");
  std::filesystem::copy_file(kTypen, path);
  CollectingSink sink;
  auto source = OpenTable(path, "hernoemd.xlsx", {}, &sink);
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  EXPECT_EQ((*source)->info().format, "ods");
}

TEST(OdsReader, AFileCutOffIsSaidToBeIncompleteNotAnotherFormat) {
  // The first half of the LibreOffice file, as an interrupted upload leaves it: it begins as a ZIP
  // archive but has no directory. It was "not an Excel workbook", which sends a steward who saved
  // an .ods looking for the wrong cause.
  const TempDir dir = ::jbr::testing::TestDir("jbr-xlsx-");
  const std::string path = dir.File("afgebroken.ods");
  const std::string bytes = xlsx_test::ReadBytes(kTypen);
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
  CollectingSink sink;
  auto source = OpenTable(path, "afgebroken.ods", {}, &sink);
  EXPECT_EQ(source.status().code(), StatusCode::kInvalidInput);
  ASSERT_EQ(sink.findings().size(), 1u);
  const Finding& f = sink.findings()[0];
  EXPECT_EQ(f.code, "not-a-workbook");
  EXPECT_NE(f.message.find("the file is incomplete"), std::string::npos) << f.message;
  EXPECT_EQ(f.message.find("Excel"), std::string::npos) << f.message;
  EXPECT_NE(f.hint.find("deliver the file again"), std::string::npos) << f.hint;
}

TEST(OdsReader, RepeatedRowsAndColumnsAreHandedOutNotAllocated) {
  // LibreOffice writes identical rows once with a count, and fills rows to column XFD and the
  // sheet to row 1,048,576 with empty repeated cells when whole columns are formatted.
  const std::string rows =
      "<table:table-row>" + Str("a") + Str("b") +
      "<table:table-cell table:number-columns-repeated=\"16382\"/></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"3\">" +
      Str("x") +
      "<table:table-cell office:value-type=\"float\" office:value=\"2\" "
      "table:number-columns-repeated=\"1\"/>"
      "<table:table-cell table:number-columns-repeated=\"16382\"/></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"2\"><table:table-cell "
      "table:number-columns-repeated=\"16384\"/></table:table-row>"
      "<table:table-row>" +
      Str("eind") +
      "</table:table-row>"
      "<table:table-row table:number-rows-repeated=\"1048569\"><table:table-cell "
      "table:number-columns-repeated=\"16384\"/></table:table-row>";
  Drained d;
  DrainOdsBuffer(Package(Content("<table:table table:name=\"Blad1\">" + rows + "</table:table>")),
                 {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.header.cells, Strings({"a", "b"}));
  // Three copies, the two blank rows as one run, the last row; no trailing blanks.
  ASSERT_EQ(d.rows.size(), 5u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(d.rows[i].cells, Strings({"x", "2"}));
    EXPECT_EQ(d.rows[i].kinds[1], CellKind::kNumber);
    EXPECT_EQ(d.rows[i].row_number, 2 + i);
  }
  EXPECT_TRUE(d.rows[3].IsBlank());
  EXPECT_EQ(d.rows[3].row_number, 5);
  EXPECT_EQ(d.rows[3].blank_run, 2);
  EXPECT_EQ(d.rows[4].cells, Strings({"eind"}));
  EXPECT_EQ(d.rows[4].row_number, 7);
  EXPECT_EQ(d.sink.total(), 0);
}

TEST(OdsReader, AClaimOfMillionsOfEmptyRowsIsOneRunNotMillionsOfRows) {
  // Empty rows between data cost nothing to claim (table:number-rows-repeated). Handed out one by
  // one, a million of them were a million rows (and as many blank-row findings); a million
  // million never ended. A run is one blank row that says how many it stands for.
  for (const int64_t claim : {int64_t{1'000'000}, int64_t{1'000'000'000'000}}) {
    const std::string rows =
        "<table:table-row>" + Str("h") +
        "</table:table-row>"
        "<table:table-row table:number-rows-repeated=\"" +
        std::to_string(claim) +
        "\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
        "<table:table-row>" +
        Str("v") + "</table:table-row>";
    Drained d;
    DrainOdsBuffer(Package(Content("<table:table table:name=\"B\">" + rows + "</table:table>")), {},
                   &d);
    ASSERT_TRUE(d.status.ok()) << d.status.ToString();
    ASSERT_EQ(d.rows.size(), 2u) << claim;
    EXPECT_TRUE(d.rows[0].IsBlank());
    EXPECT_EQ(d.rows[0].row_number, 2);
    EXPECT_EQ(d.rows[0].blank_run, claim);
    EXPECT_EQ(d.rows[1].cells, Strings({"v"}));
    EXPECT_EQ(d.rows[1].row_number, claim + 2);
    EXPECT_EQ(d.rows[1].blank_run, 1);
  }
}

TEST(OdsReader, ClaimsOfMillionsOfFilledCellsAreRefused) {
  XlsxOptions options;
  options.max_cells = 1000;
  Drained rows;
  DrainOdsBuffer(Package(Content("<table:table table:name=\"B\"><table:table-row>" + Str("h") +
                                 "</table:table-row><table:table-row "
                                 "table:number-rows-repeated=\"2000000000\">" +
                                 Str("v") + "</table:table-row></table:table>")),
                 options, &rows);
  const Finding* f = rows.Get("workbook-refused");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("repeated 2000000000 times"), std::string::npos) << f->message;
  EXPECT_TRUE(rows.rows.empty());

  Drained columns;
  DrainOdsBuffer(Package(Content("<table:table table:name=\"B\"><table:table-row>" +
                                 Str("h", " table:number-columns-repeated=\"5000\"") +
                                 "</table:table-row></table:table>")),
                 {}, &columns);
  f = columns.Get("workbook-refused");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("max_columns"), std::string::npos) << f->message;
}

TEST(OdsReader, AFormulaWithoutAValueIsAFindingNotAnEmptyCell) {
  const std::string table =
      "<table:table table:name=\"B\"><table:table-row>" + Str("uren") + Str("naam") +
      "</table:table-row><table:table-row><table:table-cell table:formula=\"of:=[.A1]*2\"/>" +
      Str("Jan") + "</table:table-row></table:table>";
  Drained d;
  DrainOdsBuffer(Package(Content(table)), {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(d.rows[0].kinds[0], CellKind::kUnread);
  EXPECT_EQ(d.rows[0].cells[0], "");
  const Finding* f = d.Get("formula-without-value");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->row, 2);
  EXPECT_EQ(f->column, "uren");
  EXPECT_EQ(f->value, "=[.A1]*2");
  EXPECT_NE(f->message.find("cell A2"), std::string::npos) << f->message;
}

TEST(OdsReader, AnotherOpenDocumentTypeIsNotAWorkbook) {
  Drained d;
  DrainOdsBuffer(Package(Content(""), "application/vnd.oasis.opendocument.text"), {}, &d);
  EXPECT_EQ(d.status.code(), StatusCode::kInvalidInput);
  const Finding* f = d.Get("not-a-workbook");
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->message.find("opendocument.text"), std::string::npos) << f->message;
}

TEST(OdsReader, AZipBombIsRefusedAsInXlsx) {
  // 8 MiB of blanks after the first row compress about a thousandfold: the ZIP layer the XLSX
  // reader uses refuses content.xml by its ratio, before a byte of it is parsed.
  const std::string table = "<table:table table:name=\"B\"><table:table-row>" + Str("h") +
                            "</table:table-row>" + std::string(8 << 20, ' ') + "</table:table>";
  Drained d;
  DrainOdsBuffer(Package(Content(table)), {}, &d);
  const Finding* f = d.Get("workbook-refused");
  ASSERT_NE(f, nullptr) << d.status.ToString();
  EXPECT_NE(f->message.find("content.xml claims to expand"), std::string::npos) << f->message;
  EXPECT_NE(f->message.find("max_compression_ratio"), std::string::npos) << f->message;
  EXPECT_TRUE(d.rows.empty());

  XlsxOptions small;
  small.max_uncompressed_bytes = 1 << 20;  // the total limit, as for XLSX
  Drained total;
  DrainOdsBuffer(Package(Content(table)), small, &total);
  f = total.Get("workbook-refused");
  ASSERT_NE(f, nullptr) << total.status.ToString();
  EXPECT_NE(f->message.find("max_uncompressed_bytes"), std::string::npos) << f->message;
}

TEST(OdsReader, ADoctypeIsRefusedAsInXlsx) {
  const std::string plain = Content("");
  const std::string content = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]>" +
                              plain.substr(plain.find("<office:document-content"));
  Drained d;
  DrainOdsBuffer(Package(content), {}, &d);
  EXPECT_TRUE(d.Has("workbook-refused"));
}

TEST(OdsReader, PrefixesAreNamespacesNotSpellings) {
  // Any prefix may name the ODF namespaces; a foreign namespace's "table" is not a sheet.
  const std::string content =
      "<?xml version=\"1.0\"?><o:document-content "
      "xmlns:o=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:t=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
      "xmlns:x=\"urn:example:other\" "
      "xmlns:p=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><o:body><o:spreadsheet>"
      "<x:table t:name=\"nep\"/>"
      "<t:table t:name=\"Echt\"><t:table-row><t:table-cell o:value-type=\"float\" "
      "o:value=\"5\"><p:p>5,0</p:p></t:table-cell></t:table-row></t:table>"
      "</o:spreadsheet></o:body></o:document-content>";
  Drained d;
  DrainOdsBuffer(Package(content), {}, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_EQ(d.info.sheet, "Echt");
  EXPECT_EQ(d.header.cells, Strings({"5"}));
  EXPECT_EQ(d.header.kinds[0], CellKind::kNumber);
}

}  // namespace
}  // namespace jbr
