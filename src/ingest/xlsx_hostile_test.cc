// Hostile and broken workbooks: each must end in its own finding, never a crash or a hang.

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "ingest/xlsx_reader.h"
#include "ingest/xlsx_test_util.h"

namespace jbr {
namespace {

using xlsx_test::Drained;
using xlsx_test::HandMade;
using xlsx_test::MakeZip;
using xlsx_test::Part;
using xlsx_test::SharedStringsXml;
using xlsx_test::SheetXml;
using Strings = std::vector<std::string>;

std::string InlineRow(int row, const Strings& cells) {
  std::string xml = "<row r=\"" + std::to_string(row) + "\">";
  for (const std::string& cell : cells) {
    xml += "<c t=\"inlineStr\"><is><t>" + cell + "</t></is></c>";
  }
  return xml + "</row>";
}

// A sheet with a header row and `rows` data rows of three cells.
std::string SmallSheet(int rows) {
  std::string xml = InlineRow(1, {"a", "b", "c"});
  for (int r = 2; r <= rows + 1; ++r) {
    xml += InlineRow(r, {"1", "2", "3"});
  }
  return SheetXml(xml);
}

// Expects exactly one finding with `code` naming `words` in its message, file and sheet set.
void ExpectRefusal(const Drained& d, const std::string& code, const std::string& words) {
  const Finding* f = d.Get(code);
  ASSERT_NE(f, nullptr) << "no " << code << "; status " << d.status.ToString();
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_EQ(f->file, "levering.xlsx");
  EXPECT_NE(f->message.find(words), std::string::npos) << f->message;
  EXPECT_FALSE(f->hint.empty());
  EXPECT_EQ(d.sink.total(), 1);
}

// Sets the uncompressed size that the local and central headers of `name` declare.
void PatchDeclaredSize(std::string* zip, const std::string& name, uint32_t size) {
  struct Header {
    const char* signature;
    size_t size_offset;
    size_t name_offset;
  };
  for (const Header& h : {Header{"PK\x03\x04", 22, 30}, Header{"PK\x01\x02", 24, 46}}) {
    for (size_t at = zip->find(h.signature); at != std::string::npos;
         at = zip->find(h.signature, at + 4)) {
      if (zip->compare(at + h.name_offset, name.size(), name) != 0) {
        continue;
      }
      for (int i = 0; i < 4; ++i) {
        (*zip)[at + h.size_offset + i] = static_cast<char>(size >> (8 * i));
      }
    }
  }
}

TEST(XlsxReader, RefusesAZipBomb) {
  // 8 MiB of blanks between the rows compresses about a thousandfold.
  const std::string sheet = SheetXml(InlineRow(1, {"a"}) + std::string(8 << 20, ' '));
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(sheet)), {}, &d);
  EXPECT_EQ(d.status.code(), StatusCode::kInvalidInput);
  ExpectRefusal(d, "workbook-refused", "max_compression_ratio");
  EXPECT_EQ(d.Get("workbook-refused")->sheet, "Blad1");
}

TEST(XlsxReader, RefusesAZipBombThatUnderstatesItsSize) {
  const std::string sheet =
      SheetXml(InlineRow(1, {"a"}) + InlineRow(2, {"b"}) + std::string(8 << 20, ' '));
  std::string zip = MakeZip(HandMade(sheet));
  PatchDeclaredSize(&zip, "xl/worksheets/sheet1.xml", 4096);
  Drained d;
  xlsx_test::DrainBuffer(zip, {}, &d);
  ASSERT_TRUE(d.status.ok());  // the header comes before the blanks
  EXPECT_TRUE(d.next_status.ok());
  EXPECT_EQ(d.rows.size(), 1u);
  // The header claims a ratio of 1; the bytes counted while reading tell the truth.
  ExpectRefusal(d, "workbook-refused", "max_compression_ratio");
}

TEST(XlsxReader, RefusesEntityDeclarationsInEveryPart) {
  const std::string doctype =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
      "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
      "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
  for (const std::string part : {"xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                 "xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels"}) {
    SCOPED_TRACE(part);
    std::vector<Part> parts = HandMade(SmallSheet(1), SharedStringsXml("<si><t>x</t></si>"));
    std::string& data = xlsx_test::FindPart(&parts, part)->data;
    if (data.rfind("<?xml", 0) == 0) {
      data.erase(0, data.find("?>") + 2);
    }
    data.insert(0, doctype);
    Drained d;
    xlsx_test::DrainBuffer(MakeZip(parts), {}, &d);
    EXPECT_EQ(d.status.code(), StatusCode::kInvalidInput);
    ExpectRefusal(d, "workbook-refused", "DOCTYPE");
  }
}

TEST(XlsxReader, RefusesDeepNesting) {
  std::string deep;
  for (int i = 0; i < 100; ++i) {
    deep += "<x>";
  }
  for (int i = 0; i < 100; ++i) {
    deep += "</x>";
  }
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(SheetXml(deep + InlineRow(1, {"a"})))), {}, &d);
  EXPECT_EQ(d.status.code(), StatusCode::kInvalidInput);
  ExpectRefusal(d, "workbook-refused", "max_xml_depth");
}

TEST(XlsxReader, StopsAtTheCellLimitWhileStreaming) {
  XlsxOptions options;
  options.max_cells = 10;  // the header and two rows fit, the third row does not
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(SmallSheet(5))), options, &d);
  ASSERT_TRUE(d.status.ok()) << d.status.ToString();
  EXPECT_TRUE(d.next_status.ok());
  EXPECT_EQ(d.rows.size(), 2u);
  ExpectRefusal(d, "workbook-refused", "max_cells");
  EXPECT_EQ(d.Get("workbook-refused")->sheet, "Blad1");
  EXPECT_EQ(d.Get("workbook-refused")->row, 4);
}

TEST(XlsxReader, CountsGapsTowardTheCellLimit) {
  XlsxOptions options;
  options.max_cells = 10;  // A1, then J2 spans ten columns: eleven
  const std::string sheet =
      SheetXml(InlineRow(1, {"a"}) + "<row r=\"2\"><c r=\"J2\"><v>1</v></c></row>");
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(sheet)), options, &d);
  ASSERT_TRUE(d.status.ok());
  EXPECT_TRUE(d.rows.empty());
  ExpectRefusal(d, "workbook-refused", "max_cells");
}

TEST(XlsxReader, RefusesCellsBeyondTheColumnLimit) {
  const std::string sheet =
      SheetXml(InlineRow(1, {"a"}) + "<row r=\"2\"><c r=\"XFD2\"><v>1</v></c></row>");
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(sheet)), {}, &d);
  ASSERT_TRUE(d.status.ok());
  EXPECT_TRUE(d.rows.empty());
  ExpectRefusal(d, "workbook-refused", "max_columns");
}

TEST(XlsxReader, RefusesMoreDataThanTheTotalLimit) {
  XlsxOptions options;
  options.max_uncompressed_bytes = 20000;
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(SmallSheet(1000))), options, &d);
  ExpectRefusal(d, "workbook-refused", "max_uncompressed_bytes");
}

TEST(XlsxReader, RefusesLongCellsAndTooManySharedStrings) {
  XlsxOptions cell_limit;
  cell_limit.max_cell_bytes = 100;
  Drained long_cell;
  xlsx_test::DrainBuffer(
      MakeZip(HandMade(SheetXml(InlineRow(1, {"a"}) + InlineRow(2, {std::string(200, 'x')})))),
      cell_limit, &long_cell);
  ExpectRefusal(long_cell, "workbook-refused", "max_cell_bytes");

  std::string items;
  for (int i = 0; i < 50; ++i) {
    items += "<si><t>" + std::string(30, 'a' + i % 26) + "</t></si>";
  }
  XlsxOptions table_limit;
  table_limit.max_shared_string_bytes = 1000;
  Drained big_table;
  xlsx_test::DrainBuffer(MakeZip(HandMade(SmallSheet(1), SharedStringsXml(items))), table_limit,
                         &big_table);
  EXPECT_EQ(big_table.status.code(), StatusCode::kInvalidInput);
  ExpectRefusal(big_table, "workbook-refused", "max_shared_string_bytes");
}

TEST(XlsxReader, RefusesAGiantToken) {
  XlsxOptions options;
  options.max_cell_bytes = 1000;
  std::string noise(3 << 20, ' ');  // letters that do not compress well: no zip bomb
  uint32_t state = 1;
  for (char& c : noise) {
    c = static_cast<char>('a' + (state = state * 1103515245 + 12345) % 26);
  }
  const std::string sheet = SheetXml(InlineRow(1, {"a"}) + "<row r=\"2\" x=\"" + noise + "\"/>");
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(sheet)), options, &d);
  ExpectRefusal(d, "workbook-refused", "token");
}

TEST(XlsxReader, RejectsWhatIsNotAWorkbook) {
  const std::string zip_without_workbook = MakeZip({{"hello.txt", "hallo"}});
  for (const std::string& data : {std::string("naam,leeftijd\nJan,36\n"), std::string(),
                                  std::string("PK\x03\x04garbage", 11), zip_without_workbook}) {
    Drained d;
    xlsx_test::DrainBuffer(data, {}, &d);
    EXPECT_EQ(d.status.code(), StatusCode::kInvalidInput);
    ExpectRefusal(d, "not-a-workbook", "");
  }
}

TEST(XlsxReader, RejectsATruncatedWorkbook) {
  const std::string zip = MakeZip(HandMade(SmallSheet(100)));
  for (size_t keep : {zip.size() / 2, zip.size() - 10, size_t{30}}) {
    Drained d;
    xlsx_test::DrainBuffer(std::string_view(zip).substr(0, keep), {}, &d);
    EXPECT_EQ(d.status.code(), StatusCode::kInvalidInput);
    ExpectRefusal(d, "not-a-workbook", "");
  }
}

TEST(XlsxReader, ReportsASharedStringIndexOutOfRange) {
  const std::string shared = SharedStringsXml("<si><t>kop</t></si><si><t>waarde</t></si>");
  const std::string sheet = SheetXml(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c><c r=\"B2\"><v>7</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c></row>");
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(sheet, shared)), {}, &d);
  ASSERT_TRUE(d.status.ok());
  ASSERT_EQ(d.rows.size(), 2u);
  EXPECT_EQ(d.rows[0].cells, Strings({"", "7"}));
  EXPECT_EQ(d.rows[1].cells, Strings({"waarde"}));
  ExpectRefusal(d, "malformed-row", "shared string");
  const Finding* f = d.Get("malformed-row");
  EXPECT_EQ(f->row, 2);
  EXPECT_EQ(f->column, "kop");
  EXPECT_EQ(f->value, "5");
}

TEST(XlsxReader, ReportsMalformedXmlWhileStreaming) {
  std::string sheet = SmallSheet(3);
  sheet.insert(sheet.find("</sheetData>"), "<row r=\"9\"><c><v>1</v></row>");
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(HandMade(sheet)), {}, &d);
  ASSERT_TRUE(d.status.ok());
  EXPECT_TRUE(d.next_status.ok());
  EXPECT_EQ(d.rows.size(), 3u);
  ExpectRefusal(d, "malformed-row", "malformed XML");
}

TEST(XlsxReader, RejectsCorruptEntries) {
  // Stored (not compressed) parts, so that a flipped byte is caught only by the CRC.
  std::vector<Part> parts = HandMade(SmallSheet(2));
  for (Part& part : parts) {
    part.method = ZIP_CM_STORE;
  }
  std::string zip = MakeZip(parts);
  std::string workbook_flipped = zip;
  workbook_flipped[workbook_flipped.find("Blad1")] = 'X';
  Drained workbook;
  xlsx_test::DrainBuffer(workbook_flipped, {}, &workbook);
  EXPECT_EQ(workbook.status.code(), StatusCode::kInvalidInput);
  ExpectRefusal(workbook, "not-a-workbook", "CRC");

  std::string sheet_flipped = zip;
  sheet_flipped[sheet_flipped.rfind("<t>3</t>") + 3] = '4';
  Drained sheet;
  xlsx_test::DrainBuffer(sheet_flipped, {}, &sheet);
  ASSERT_TRUE(sheet.status.ok());
  ExpectRefusal(sheet, "malformed-row", "CRC");
}

TEST(XlsxReader, RejectsAWorkbookWithoutItsParts) {
  std::vector<Part> no_rels = HandMade(SmallSheet(1));
  no_rels.erase(no_rels.begin() + 2);  // xl/_rels/workbook.xml.rels
  Drained d;
  xlsx_test::DrainBuffer(MakeZip(no_rels), {}, &d);
  ExpectRefusal(d, "not-a-workbook", "missing");

  std::vector<Part> no_sheet = HandMade(SmallSheet(1));
  no_sheet.erase(no_sheet.begin() + 3);
  Drained e;
  xlsx_test::DrainBuffer(MakeZip(no_sheet), {}, &e);
  ExpectRefusal(e, "not-a-workbook", "missing");
}

}  // namespace
}  // namespace jbr
