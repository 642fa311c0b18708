// UTF-16 text (Excel's "Unicode text") and old Excel files: the decoder, the CSV reader over
// UTF-16, and OpenTable's refusal of .xls. The real files are those of the end-to-end cases,
// made by LibreOffice (see their cmd files).

#include "ingest/utf16.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ingest/open_table.h"

namespace jbr {
namespace {

const std::string kCases = std::string(JBR_SOURCE_DIR) + "/tests/e2e/cases/";

std::string Decode(std::string_view bytes, bool big_endian,
                   std::vector<Utf16Decoder::Invalid>* invalid, size_t piece = 0) {
  Utf16Decoder decoder(big_endian, 0);
  std::string out;
  if (piece == 0) piece = bytes.size() + 1;
  for (size_t i = 0; i < bytes.size(); i += piece) {
    decoder.Feed(bytes.substr(i, piece), &out, invalid);
  }
  decoder.Finish(&out, invalid);
  return out;
}

TEST(Utf16Decoder, DecodesBothByteOrdersAndSurrogatePairs) {
  // "aë€😀": U+0061, U+00EB, U+20AC, and U+1F600 as the pair D83D DE00 (Unicode 15, 3.9).
  const std::string le("a\0\xEB\0\xAC\x20\x3D\xD8\x00\xDE", 10);
  const std::string be("\0a\0\xEB\x20\xAC\xD8\x3D\xDE\x00", 10);
  const std::string utf8 = "a\xC3\xAB\xE2\x82\xAC\xF0\x9F\x98\x80";
  for (size_t piece : {0, 1, 3}) {
    std::vector<Utf16Decoder::Invalid> invalid;
    EXPECT_EQ(Decode(le, false, &invalid, piece), utf8) << piece;
    EXPECT_EQ(Decode(be, true, &invalid, piece), utf8) << piece;
    EXPECT_TRUE(invalid.empty());
  }
}

TEST(Utf16Decoder, InvalidUnitsAreReplacedAndLocated) {
  // line 1: "a"; line 2 (after CR LF): a lone low surrogate at byte 6, then "b", a high surrogate
  // at byte 10 followed by "c" (not a low one), and a last odd byte at 14.
  const std::string bytes(
      "a\0\r\0\n\0\x00\xDC"
      "b\0\x00\xD8"
      "c\0"
      "x",
      15);
  std::vector<Utf16Decoder::Invalid> invalid;
  EXPECT_EQ(Decode(bytes, false, &invalid),
            "a\r\n\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c\xEF\xBF\xBD");
  ASSERT_EQ(invalid.size(), 3u);
  EXPECT_EQ(invalid[0].offset, 6u);
  EXPECT_EQ(invalid[0].line, 2);
  EXPECT_NE(invalid[0].what.find("low surrogate 0xDC00"), std::string::npos);
  EXPECT_EQ(invalid[1].offset, 10u);
  EXPECT_NE(invalid[1].what.find("high surrogate 0xD800"), std::string::npos);
  EXPECT_EQ(invalid[2].offset, 14u);
}

TEST(Utf16Csv, ReadsExcelUnicodeTextMadeByLibreOffice) {
  CollectingSink sink;
  auto source = OpenTable(kCases + "utf16-unicode-text/p.txt", "p.txt", {}, &sink);
  ASSERT_TRUE(source.ok()) << source.status().ToString();
  EXPECT_EQ((*source)->info().encoding, Encoding::kUtf16Le);
  EXPECT_TRUE((*source)->info().bom);
  EXPECT_EQ((*source)->info().delimiter, '\t');
  EXPECT_EQ((*source)->header().cells.size(), 12u);
  EXPECT_EQ((*source)->header().cells[0], "person_id");
  RawRow row;
  ASSERT_TRUE(*(*source)->Next(&row));
  EXPECT_EQ(row.cells[2], "Directie Financi\xC3\xABn");  // ë
  ASSERT_TRUE(*(*source)->Next(&row));
  EXPECT_EQ(row.cells[2], "Agentschap \xC3\x98rsted");  // Ø
  EXPECT_EQ(row.row_number, 3);
  EXPECT_FALSE(*(*source)->Next(&row));
  EXPECT_EQ((*source)->bytes_read(),
            std::filesystem::file_size(kCases + "utf16-unicode-text/p.txt"));
  EXPECT_EQ(sink.total(), 0);
}

TEST(Utf16Csv, BigEndianInMemoryWithAnInvalidUnit) {
  // FE FF, then "a\tb\n1\t" and a lone low surrogate DC00 at byte offset 14, then "\n".
  const std::string be(
      "\xFE\xFF\0a\0\t\0b\0\n\0"
      "1\0\t\xDC\x00\0\n",
      18);
  CollectingSink sink;
  auto source = OpenCsvBuffer(be, "be.txt", {}, &sink);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ((*source)->info().encoding, Encoding::kUtf16Be);
  EXPECT_EQ((*source)->header().cells, (std::vector<std::string>{"a", "b"}));
  RawRow row;
  ASSERT_TRUE(*(*source)->Next(&row));
  EXPECT_EQ(row.cells, (std::vector<std::string>{"1", "\xEF\xBF\xBD"}));
  ASSERT_EQ(sink.findings().size(), 1u);
  const Finding& f = sink.findings()[0];
  EXPECT_EQ(f.code, "encoding-error");
  EXPECT_EQ(f.row, 2);
  // Said so that a steward sees the cause (a character broken in half) and where, without having
  // to know what a surrogate is to act on it.
  EXPECT_EQ(f.message,
            "the file is damaged at byte offset 14: half a character, a low surrogate 0xDC00 "
            "without the high surrogate that must come before it; it was read as the replacement "
            "character U+FFFD");
  EXPECT_NE(f.hint.find("save it again from the program that made it"), std::string::npos)
      << f.hint;
}

TEST(Utf16Csv, StatedWithoutBom) {
  CsvOptions options;
  options.encoding = Encoding::kUtf16Le;
  CollectingSink sink;
  auto source = OpenCsvBuffer(std::string("x\0,\0y\0", 6), "le.csv", options, &sink);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ((*source)->header().cells, (std::vector<std::string>{"x", "y"}));
  EXPECT_FALSE((*source)->info().bom);
}

TEST(OldExcel, AnXlsMadeByLibreOfficeIsOneFindingWhateverItsName) {
  for (const char* name : {"p.xls", "misnamed.csv"}) {
    CollectingSink sink;
    auto source = OpenTable(kCases + "old-xls/" + name, name, {}, &sink);
    EXPECT_EQ(source.status().code(), StatusCode::kInvalidInput);
    ASSERT_EQ(sink.findings().size(), 1u) << name;
    EXPECT_EQ(sink.findings()[0].code, "old-excel-format");
    EXPECT_NE(sink.findings()[0].message.find(".xls"), std::string::npos);
    EXPECT_NE(sink.findings()[0].hint.find(".xlsx"), std::string::npos);
  }
}

TEST(OldExcel, MagicNumbers) {
  EXPECT_EQ(SniffMagic(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)), Magic::kOle2);
  EXPECT_EQ(SniffMagic(std::string("PK\x03\x04", 4)), Magic::kZip);
  // A BIFF4 worksheet's BOF record (Excel 4.0): type 0x0409, length 6, version, type 0x0010.
  EXPECT_EQ(SniffMagic(std::string("\x09\x04\x06\x00\x00\x00\x10\x00", 8)), Magic::kBiff);
  EXPECT_EQ(SniffMagic("person_id,employment_id"), Magic::kOther);
  EXPECT_EQ(SniffMagic(std::string("\xFF\xFEp\0", 4)), Magic::kOther);
}

}  // namespace
}  // namespace jbr
