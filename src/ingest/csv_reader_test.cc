#include "ingest/csv_reader.h"

#include <xlsxwriter.h>

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "common/testing/temp_dir.h"
#include "ingest/open_table.h"

namespace jbr {
namespace {

using Cells = std::vector<std::string>;

// Everything a reader gives for one input, for comparing runs.
struct Read {
  StatusCode status = StatusCode::kOk;
  SourceInfo info;
  Cells header;
  std::vector<int64_t> row_numbers;
  std::vector<Cells> rows;
  std::vector<Finding> findings;
  uint64_t bytes_read = 0;

  std::string Summary() const {
    std::string s = std::to_string(static_cast<int>(status)) + "|";
    for (const auto& c : header) {
      s += c + "|";
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      s += "\n" + std::to_string(row_numbers[i]) + ":";
      for (const auto& c : rows[i]) {
        s += c + "|";
      }
    }
    for (const auto& f : findings) {
      s += "\n" + f.code + "@" + std::to_string(f.row) + "/" + f.column;
    }
    return s;
  }
};

Read Drain(Result<std::unique_ptr<RowSource>> opened, CollectingSink* sink) {
  Read r;
  r.status = opened.status().code();
  if (opened.ok()) {
    RowSource& source = **opened;
    r.info = source.info();
    r.header = source.header().cells;
    RawRow row;
    for (;;) {
      Result<bool> more = source.Next(&row);
      EXPECT_TRUE(more.ok()) << more.status().ToString();
      if (!more.ok() || !*more) {
        break;
      }
      EXPECT_EQ(row.kinds.size(), row.cells.size());
      r.row_numbers.push_back(row.row_number);
      r.rows.push_back(row.cells);
    }
    r.bytes_read = source.bytes_read();
  }
  r.findings = sink->findings();
  return r;
}

Read ReadOnce(std::string_view data, const CsvOptions& options) {
  CollectingSink sink;
  return Drain(OpenCsvBuffer(data, "test.csv", options, &sink), &sink);
}

// Reads `data` with the default buffer and again with tiny ones, so that every test also checks
// that records, CRLF pairs and UTF-8 sequences split across reads give the same result.
Read ReadAll(std::string_view data, CsvOptions options = {}) {
  Read r = ReadOnce(data, options);
  for (size_t buffer : {1, 2, 3, 7}) {
    options.buffer_bytes = buffer;
    EXPECT_EQ(ReadOnce(data, options).Summary(), r.Summary()) << "buffer_bytes " << buffer;
  }
  return r;
}

// The tests' temporary directory, removed when the test binary ends.
const TempDir& Dir() {
  static const TempDir dir = ::jbr::testing::TestDir("jbr-csv-reader-");
  return dir;
}

// A new file in it holding `bytes`.
std::string TempFile(std::string_view bytes) {
  static int files = 0;
  std::string path = Dir().File("file-" + std::to_string(++files) + ".csv");
  std::ofstream(path, std::ios::binary)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

TEST(RawRow, IsBlank) {
  RawRow row;
  EXPECT_TRUE(row.IsBlank());  // no cells at all
  row.cells = {"", " ", "\t"};
  EXPECT_TRUE(row.IsBlank());
  row.cells = {"", "x"};
  EXPECT_FALSE(row.IsBlank());
}

TEST(EncodingNames, NameAndParse) {
  EXPECT_STREQ(EncodingName(Encoding::kUtf8), "utf-8");
  EXPECT_STREQ(EncodingName(Encoding::kWindows1252), "windows-1252");
  for (const char* n : {"utf-8", "UTF-8", "utf8", "Utf8"}) {
    EXPECT_EQ(ParseEncodingName(n), Encoding::kUtf8) << n;
  }
  for (const char* n : {"windows-1252", "Windows-1252", "cp1252", "CP1252", "latin1", "LATIN1",
                        "iso-8859-1", "ISO-8859-1"}) {
    EXPECT_EQ(ParseEncodingName(n), Encoding::kWindows1252) << n;
  }
  for (const char* n : {"", "utf-16", "ascii", "latin-2", "utf"}) {
    EXPECT_EQ(ParseEncodingName(n), std::nullopt) << n;
  }
}

TEST(CsvOptions, Validate) {
  EXPECT_TRUE(CsvOptions{}.Validate().ok());
  CsvOptions o;
  o.delimiter = '"';
  EXPECT_EQ(o.Validate().code(), StatusCode::kUsage);
  o.delimiter = '\n';
  EXPECT_EQ(o.Validate().code(), StatusCode::kUsage);
  o.delimiter = '|';
  EXPECT_TRUE(o.Validate().ok());
  o.max_field_bytes = 0;
  EXPECT_EQ(o.Validate().code(), StatusCode::kUsage);
  CollectingSink sink;
  EXPECT_EQ(OpenCsvBuffer("a\n", "x", o, &sink).status().code(), StatusCode::kUsage);
}

TEST(CsvReader, Utf8WithoutBom) {
  // é is C3 A9, ë is C3 AB.
  const Read r = ReadAll("naam,plaats\nJos\xC3\xA9,Zo\xC3\xABterwoude\n");
  EXPECT_EQ(r.info.format, "csv");
  EXPECT_EQ(r.info.encoding, Encoding::kUtf8);
  EXPECT_FALSE(r.info.bom);
  EXPECT_EQ(r.header, (Cells{"naam", "plaats"}));
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0], (Cells{"Jos\xC3\xA9", "Zo\xC3\xABterwoude"}));
  EXPECT_EQ(r.row_numbers[0], 2);
  EXPECT_TRUE(r.findings.empty());
}

TEST(CsvReader, Utf8WithBomStripsIt) {
  const Read r = ReadAll("\xEF\xBB\xBFnaam;bedrag\n\xE2\x82\xAC;5\n");
  EXPECT_EQ(r.info.encoding, Encoding::kUtf8);
  EXPECT_TRUE(r.info.bom);
  EXPECT_EQ(r.info.delimiter, ';');
  EXPECT_EQ(r.header, (Cells{"naam", "bedrag"}));
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0], (Cells{"\xE2\x82\xAC", "5"}));
  EXPECT_EQ(r.bytes_read, 3u + 12u + 6u);  // BOM + "naam;bedrag\n" + "€;5\n"
}

TEST(CsvReader, Windows1252DetectedAndTranscoded) {
  // 0xE9 is é (U+00E9 -> C3 A9); 0x80 is € (U+20AC -> E2 82 AC). Neither is valid UTF-8 here.
  const Read r = ReadAll("naam;bedrag\r\nJos\xE9;\x80 5\r\n");
  EXPECT_EQ(r.info.encoding, Encoding::kWindows1252);
  EXPECT_FALSE(r.info.bom);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0], (Cells{"Jos\xC3\xA9", "\xE2\x82\xAC 5"}));
  EXPECT_TRUE(r.findings.empty());
}

TEST(CsvReader, Windows1252Table) {
  CsvOptions o;
  o.encoding = Encoding::kWindows1252;
  // 8A: U+0160 Š -> C5 A0; 9F: U+0178 Ÿ -> C5 B8; 85: U+2026 … -> E2 80 A6;
  // 81 (undefined): U+0081 -> C2 81; A0: U+00A0 -> C2 A0; FF: U+00FF ÿ -> C3 BF.
  const Read r = ReadAll("h\n\x8A|\x9F|\x85|\x81|\xA0|\xFF\n", o);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0][0], "\xC5\xA0|\xC5\xB8|\xE2\x80\xA6|\xC2\x81|\xC2\xA0|\xC3\xBF");
}

TEST(CsvReader, Windows1252StatedStillStripsBom) {
  CsvOptions o;
  o.encoding = Encoding::kWindows1252;
  const Read r = ReadAll("\xEF\xBB\xBFh\nx\n", o);
  EXPECT_TRUE(r.info.bom);
  EXPECT_EQ(r.info.encoding, Encoding::kWindows1252);
  EXPECT_EQ(r.header, (Cells{"h"}));
}

TEST(CsvReader, StatedUtf8ReportsOneEncodingErrorPerCell) {
  CsvOptions o;
  o.encoding = Encoding::kUtf8;
  // Row 2: "x\xFFy" (FF never occurs in UTF-8), "\xFF\xFE" (two bad bytes, one finding),
  // "\xC3" (a lead byte with nothing after it), "\xC3\xA9" (fine).
  const Read r = ReadAll("a,b,c,d\nx\xFFy,\xFF\xFE,\xC3,\xC3\xA9\n", o);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0],
            (Cells{"x\xEF\xBF\xBDy", "\xEF\xBF\xBD\xEF\xBF\xBD", "\xEF\xBF\xBD", "\xC3\xA9"}));
  ASSERT_EQ(r.findings.size(), 3u);
  const Finding& f = r.findings[0];
  EXPECT_EQ(f.code, "encoding-error");
  EXPECT_EQ(f.severity, Severity::kError);
  EXPECT_EQ(f.file, "test.csv");
  EXPECT_EQ(f.row, 2);
  EXPECT_EQ(f.column, "a");
  EXPECT_NE(f.message.find("0xFF"), std::string::npos) << f.message;
  EXPECT_EQ(f.hint, "save the file as UTF-8, or pass --encoding windows-1252");
  EXPECT_EQ(r.findings[1].column, "b");
  EXPECT_EQ(r.findings[2].column, "c");
}

TEST(CsvReader, Utf8RejectsOverlongAndSurrogates) {
  CsvOptions o;
  o.encoding = Encoding::kUtf8;
  // C0 AF: overlong '/'; ED A0 80: surrogate U+D800; F4 90 80 80: above U+10FFFF.
  const Read r = ReadAll("a\n\xC0\xAF\n\xED\xA0\x80\n\xF4\x90\x80\x80\n", o);
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.findings.size(), 3u);
  for (const Cells& row : r.rows) {
    EXPECT_NE(row[0].find("\xEF\xBF\xBD"), std::string::npos);
  }
}

TEST(CsvReader, DetectionLooksAtTheFirstMebibyteOnly) {
  // 1 MiB of valid text, then an invalid byte: the file is UTF-8 and the byte is a finding.
  std::string data = "h\n";
  while (data.size() < (1u << 20)) {
    data += "abcdefghijklmnopqrstuvwxyz\n";
  }
  data += "\xE9\n";
  const Read r = ReadOnce(data, {});
  EXPECT_EQ(r.info.encoding, Encoding::kUtf8);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].code, "encoding-error");
  EXPECT_EQ(r.findings[0].row, static_cast<int64_t>(r.rows.size()) + 1);
}

TEST(CsvReader, DetectionToleratesACharacterCutByTheWindow) {
  // The two bytes of é straddle the end of the first MiB: still valid UTF-8.
  std::string data = "h\n";
  data.append((1u << 20) - 1 - data.size(), 'x');
  data += "\xC3\xA9\n";
  const Read r = ReadOnce(data, {});
  EXPECT_EQ(r.info.encoding, Encoding::kUtf8);
  EXPECT_TRUE(r.findings.empty());
}

TEST(CsvReader, SniffsDelimiter) {
  EXPECT_EQ(ReadAll("a,b,c\n").info.delimiter, ',');
  EXPECT_EQ(ReadAll("a;b;c\n").info.delimiter, ';');
  EXPECT_EQ(ReadAll("a\tb\tc\n").info.delimiter, '\t');
  EXPECT_EQ(ReadAll("a;b,c\n").info.delimiter, ',');         // 1 against 1: a tie goes to ','
  EXPECT_EQ(ReadAll("a;b\tc\n").info.delimiter, ',');        // tie without ',' also ','
  EXPECT_EQ(ReadAll("a,b;c;d\n").info.delimiter, ';');       // 2 against 1
  EXPECT_EQ(ReadAll("abc\n").info.delimiter, ',');           // nothing to go on
  EXPECT_EQ(ReadAll("\"a;b;c\",d\n").info.delimiter, ',');   // quoted ones do not count
  EXPECT_EQ(ReadAll("a,b\nc;d;e;f\n").info.delimiter, ',');  // only the header line counts
  // A title line without any delimiter says nothing: the first line with one decides.
  EXPECT_EQ(ReadAll("Personeel 2020\r\n\r\na;b;c\r\n1,5;2;3\r\n").info.delimiter, ';');
}

TEST(CsvReader, EachDelimiterSplitsCells) {
  EXPECT_EQ(ReadAll("h1,h2\n1,2\n").rows[0], (Cells{"1", "2"}));
  EXPECT_EQ(ReadAll("h1;h2\n1,5;2\n").rows[0], (Cells{"1,5", "2"}));
  EXPECT_EQ(ReadAll("h1\th2\n1 ;2\t,\n").rows[0], (Cells{"1 ;2", ","}));
  CsvOptions o;
  o.delimiter = '|';
  const Read r = ReadAll("a,b|c\n1|2\n", o);
  EXPECT_EQ(r.header, (Cells{"a,b", "c"}));
  EXPECT_EQ(r.rows[0], (Cells{"1", "2"}));
}

TEST(CsvReader, QuotedFields) {
  const Read r = ReadAll("a,b,c,d\n\"x,y\",\"say \"\"hi\"\"\",\"\",\"one\ntwo\"\n");
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(r.rows[0], (Cells{"x,y", "say \"hi\"", "", "one\ntwo"}));
}

TEST(CsvReader, StrayQuotesAreKeptLeniently) {
  // A quote inside an unquoted field is a character; text after a closing quote is appended.
  const Read r = ReadAll("a,b,c\n5\" inch,\"ab\"cd, \"x\"\n");
  EXPECT_EQ(r.rows[0], (Cells{"5\" inch", "abcd", " \"x\""}));
  EXPECT_TRUE(r.findings.empty());
}

TEST(CsvReader, EmptyCells) {
  const Read r = ReadAll("a,b,c\n,,\n1,,\n");
  ASSERT_EQ(r.rows.size(), 2u);  // ",," is blank but not trailing: "1,," follows
  EXPECT_EQ(r.rows[0], (Cells{"", "", ""}));
  EXPECT_EQ(r.rows[1], (Cells{"1", "", ""}));
}

TEST(CsvReader, LineEndings) {
  for (const char* eol : {"\n", "\r\n", "\r"}) {
    std::string data = "a,b";
    for (const char* line : {"1,2", "3,4", ""}) {
      data.append(eol).append(line);
    }
    const Read r = ReadAll(data);
    ASSERT_EQ(r.rows.size(), 2u) << "eol " << static_cast<int>(eol[0]);
    EXPECT_EQ(r.rows[0], (Cells{"1", "2"}));
    EXPECT_EQ(r.rows[1], (Cells{"3", "4"}));
    EXPECT_EQ(r.row_numbers, (std::vector<int64_t>{2, 3}));
  }
  // Mixed, and no line end after the last record.
  const Read mixed = ReadAll("a\r\n1\n2\r3");
  EXPECT_EQ(mixed.rows, (std::vector<Cells>{{"1"}, {"2"}, {"3"}}));
  EXPECT_EQ(mixed.row_numbers, (std::vector<int64_t>{2, 3, 4}));
}

TEST(CsvReader, RowNumbersJumpAfterEmbeddedNewlines) {
  // Line 1 header; the record on line 2 spans lines 2-4 (two line ends inside quotes, one of them
  // CRLF, which is one line end, not two); the next record starts on line 5.
  const Read r = ReadAll("id,note\n1,\"a\nb\r\nc\"\n2,x\r\n3,\"\r\"\n4,y\n");
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.rows[0], (Cells{"1", "a\nb\r\nc"}));
  EXPECT_EQ(r.rows[2], (Cells{"3", "\r"}));
  // 1 on line 2 (ends on 4), 2 on line 5, 3 on line 6 (a CR in quotes: ends on 7), 4 on line 8.
  EXPECT_EQ(r.row_numbers, (std::vector<int64_t>{2, 5, 6, 8}));
}

TEST(CsvReader, TrailingEmptyLinesAreNoRows) {
  EXPECT_EQ(ReadAll("a\n1\n\n\n").rows.size(), 1u);
  EXPECT_EQ(ReadAll("a\r\n1\r\n\r\n\r\n").rows.size(), 1u);
  EXPECT_EQ(ReadAll("a\r1\r\r\r").rows.size(), 1u);
  // Blank rows too: separators only, or blanks only, as spreadsheets export them.
  EXPECT_EQ(ReadAll("a;b\n1;2\n;\n ; \n\n").rows.size(), 1u);
  EXPECT_TRUE(ReadAll("a\n1\n\n\n").findings.empty());
}

TEST(CsvReader, BlankMiddleLinesAreRows) {
  const Read r = ReadAll("a,b\n1,2\n\n\n3,4\n\n");
  ASSERT_EQ(r.rows.size(), 4u);
  EXPECT_EQ(r.row_numbers, (std::vector<int64_t>{2, 3, 4, 5}));
  EXPECT_EQ(r.rows[1], Cells{""});  // an empty line is one empty cell
  EXPECT_EQ(r.rows[2], Cells{""});
  EXPECT_EQ(r.rows[3], (Cells{"3", "4"}));
}

TEST(CsvReader, ManyBlankLinesBeforeTheLastRow) {
  std::string data = "a\n";
  for (int i = 0; i < 1000; ++i) {
    data += "\n";
  }
  data += "x\n\n";
  const Read r = ReadAll(data);
  ASSERT_EQ(r.rows.size(), 1001u);
  EXPECT_EQ(r.row_numbers.back(), 1002);  // header 1, blanks 2..1001, x on 1002
  EXPECT_EQ(r.rows.back(), Cells{"x"});
}

TEST(CsvReader, UnterminatedQuoteAtEof) {
  const Read r = ReadAll("a,b\n1,2\n3,\"abc\n4,5\n");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[1], (Cells{"3", "abc\n4,5\n"}));  // the partial row is still returned
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].code, "malformed-row");
  EXPECT_EQ(r.findings[0].severity, Severity::kError);
  EXPECT_EQ(r.findings[0].row, 3);
  EXPECT_EQ(r.findings[0].column, "b");
}

TEST(CsvReader, UnterminatedBlankQuoteIsNotSkippedAsBlank) {
  const Read r = ReadAll("a\n1\n\"  \n\n");
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[1], Cells{"  \n\n"});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].code, "malformed-row");
}

TEST(CsvReader, FieldTooLong) {
  CsvOptions o;
  o.max_field_bytes = 4;
  const Read r = ReadAll("abcdef,b\nabcdefg,\"12345\"\nabc\xC3\xA9,x\n", o);
  EXPECT_EQ(r.header, (Cells{"abcd", "b"}));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0], (Cells{"abcd", "1234"}));
  // "abcé" is 5 bytes; the cut at 4 would split é (C3 A9), so the whole character goes.
  EXPECT_EQ(r.rows[1], (Cells{"abc", "x"}));
  ASSERT_EQ(r.findings.size(), 4u);
  for (const Finding& f : r.findings) {
    EXPECT_EQ(f.code, "field-too-long");
  }
  EXPECT_EQ(r.findings[0].column, "column 1");  // in the header, names are not known yet
  EXPECT_EQ(r.findings[1].column, "abcd");
  EXPECT_EQ(r.findings[2].column, "b");
  EXPECT_EQ(r.findings[3].row, 3);
}

TEST(CsvReader, TooManyColumns) {
  CsvOptions o;
  o.max_columns = 2;
  const Read r = ReadAll("a,b\n1,2,3,4\n5,6\n", o);
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0], (Cells{"1", "2"}));
  EXPECT_EQ(r.rows[1], (Cells{"5", "6"}));
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].code, "too-many-columns");
  EXPECT_EQ(r.findings[0].row, 2);
  EXPECT_EQ(r.findings[0].column, "column 3");
  EXPECT_NE(r.findings[0].message.find("4 cells"), std::string::npos);
}

TEST(CsvReader, EmptyFile) {
  for (const char* data :
       {"", "\xEF\xBB\xBF", "\n", "\n\n\r\n", "\xEF\xBB\xBF\r\n", " \n", ";;\n"}) {
    CollectingSink sink;
    auto opened = OpenCsvBuffer(data, "leeg.csv", {}, &sink);
    EXPECT_EQ(opened.status().code(), StatusCode::kInvalidInput) << '"' << data << '"';
    ASSERT_EQ(sink.findings().size(), 1u);
    EXPECT_EQ(sink.findings()[0].code, "empty-file");
    EXPECT_EQ(sink.findings()[0].file, "leeg.csv");
    EXPECT_EQ(sink.findings()[0].row, 0);
  }
}

TEST(CsvReader, BlankFirstLineIsAnEmptyHeaderNotAnEmptyFile) {
  const Read r = ReadAll("\nnaam\nx\n");
  EXPECT_EQ(r.status, StatusCode::kOk);
  EXPECT_EQ(r.header, Cells{""});
  EXPECT_EQ(r.rows, (std::vector<Cells>{{"naam"}, {"x"}}));
  EXPECT_EQ(r.row_numbers, (std::vector<int64_t>{2, 3}));
}

TEST(CsvReader, HeaderTrimmedDataNot) {
  const Read r = ReadAll(" naam ,\tleeftijd\t,\" plaats \"\n a , b ,c\n");
  EXPECT_EQ(r.header, (Cells{"naam", "leeftijd", "plaats"}));
  EXPECT_EQ(r.rows[0], (Cells{" a ", " b ", "c"}));
}

TEST(CsvReader, ColumnNamesPastTheHeader) {
  CsvOptions o;
  o.encoding = Encoding::kUtf8;
  const Read r = ReadAll("a,,c\n\xFF,\xFF,x,\xFF\n", o);
  ASSERT_EQ(r.findings.size(), 3u);
  EXPECT_EQ(r.findings[0].column, "a");
  EXPECT_EQ(r.findings[1].column, "column 2");  // the header cell is empty
  EXPECT_EQ(r.findings[2].column, "column 4");
}

TEST(CsvReader, ReusesRowStorage) {
  CollectingSink sink;
  auto source = OpenCsvBuffer("a,b\n1,2\n3\n", "x.csv", {}, &sink);
  ASSERT_TRUE(source.ok());
  RawRow row;
  row.cells = {"old", "old", "old", "old"};
  row.kinds = {CellKind::kNumber, CellKind::kBool, CellKind::kNumber, CellKind::kNumber};
  ASSERT_TRUE(*(*source)->Next(&row));
  EXPECT_EQ(row.cells, (Cells{"1", "2"}));
  EXPECT_EQ(row.kinds, (std::vector<CellKind>{CellKind::kText, CellKind::kText}));
  ASSERT_TRUE(*(*source)->Next(&row));
  EXPECT_EQ(row.cells, Cells{"3"});
  EXPECT_EQ(row.row_number, 3);
  EXPECT_FALSE(*(*source)->Next(&row));
  EXPECT_FALSE(*(*source)->Next(&row));  // stays at the end
}

TEST(CsvReader, NullSinkIsAllowed) {
  CsvOptions o;
  o.encoding = Encoding::kUtf8;
  auto source = OpenCsvBuffer("a\n\xFF\n", "x.csv", o, nullptr);
  ASSERT_TRUE(source.ok());
  RawRow row;
  ASSERT_TRUE(*(*source)->Next(&row));
  EXPECT_EQ(row.cells, Cells{"\xEF\xBF\xBD"});
  EXPECT_EQ(OpenCsvBuffer("", "x.csv", {}, nullptr).status().code(), StatusCode::kInvalidInput);
}

TEST(CsvReader, BytesReadReachesTheEnd) {
  const std::string data = "a;b\r\n1;2\r\n\r\n3;4\r\n";
  EXPECT_EQ(ReadAll(data).bytes_read, data.size());
}

TEST(OpenCsv, ReadsAFileInSmallBuffers) {
  // Blank lines in the middle make the reader look ahead and seek back in the file.
  const std::string data = "id;naam\r\n1;Jos\xE9\r\n\r\n\r\n2;\"a\r\nb\"\r\n3;x\r\n\r\n";
  const std::string path = TempFile(data);
  const Read from_buffer = ReadAll(data);
  for (size_t buffer : {1, 4, 1 << 20}) {
    CsvOptions o;
    o.buffer_bytes = buffer;
    CollectingSink sink;
    const Read r = Drain(OpenCsv(path, "levering.csv", o, &sink), &sink);
    EXPECT_EQ(r.Summary(), from_buffer.Summary()) << "buffer " << buffer;
    EXPECT_EQ(r.info.encoding, Encoding::kWindows1252);
    EXPECT_EQ(r.row_numbers, (std::vector<int64_t>{2, 3, 4, 5, 7}));
    EXPECT_EQ(r.bytes_read, data.size());
  }
  std::remove(path.c_str());
}

TEST(OpenCsv, EmptyFileAndMissingFile) {
  const std::string path = TempFile("");
  CollectingSink sink;
  EXPECT_EQ(OpenCsv(path, "leeg.csv", {}, &sink).status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(sink.findings().size(), 1u);
  std::remove(path.c_str());
  auto missing = OpenCsv(path, "leeg.csv", {}, &sink);
  EXPECT_EQ(missing.status().code(), StatusCode::kIo);
  EXPECT_NE(missing.status().message().find(path), std::string::npos);
  EXPECT_EQ(OpenCsv(Dir().path(), "dir", {}, &sink).status().code(), StatusCode::kIo);
  EXPECT_EQ(sink.findings().size(), 1u);  // I/O failures are no findings
}

// OpenTable lives here too: it is a few lines of dispatch over the two readers.
TEST(OpenTable, ChoosesByContentNotName) {
  const std::string csv = TempFile("a;b\n1;2\n");
  const std::string renamed = csv + ".xlsx";  // a CSV with the wrong extension is still CSV
  ASSERT_EQ(std::rename(csv.c_str(), renamed.c_str()), 0);
  CollectingSink sink;
  const Read r = Drain(OpenTable(renamed, "levering.xlsx", {}, &sink), &sink);
  EXPECT_EQ(r.status, StatusCode::kOk);
  EXPECT_EQ(r.info.format, "csv");
  EXPECT_EQ(r.rows, std::vector<Cells>{(Cells{"1", "2"})});
  std::remove(renamed.c_str());

  const std::string tiny = TempFile("a");  // shorter than the signature
  EXPECT_EQ(Drain(OpenTable(tiny, "t.csv", {}, &sink), &sink).header, Cells{"a"});
  std::remove(tiny.c_str());
}

TEST(OpenTable, ZipSignatureGoesToTheXlsxReader) {
  const std::string path = Dir().File("open_table.csv");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Blad1");
  worksheet_write_string(ws, 0, 0, "naam", nullptr);
  worksheet_write_string(ws, 1, 0, "x", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  CollectingSink sink;
  const Read r = Drain(OpenTable(path, "levering.csv", {}, &sink), &sink);
  EXPECT_EQ(r.status, StatusCode::kOk);
  EXPECT_EQ(r.info.format, "xlsx");
  EXPECT_EQ(r.header, Cells{"naam"});
  EXPECT_EQ(r.rows, std::vector<Cells>{Cells{"x"}});
  std::remove(path.c_str());

  const std::string junk = TempFile(std::string("PK\x03\x04garbage", 11));
  CollectingSink junk_sink;
  auto junk_table = OpenTable(junk, "kapot.xlsx", {}, &junk_sink);
  ASSERT_FALSE(junk_table.ok());
  EXPECT_EQ(junk_table.status().code(), StatusCode::kInvalidInput);
  ASSERT_FALSE(junk_sink.findings().empty());
  EXPECT_EQ(junk_sink.findings()[0].code, "not-a-workbook");  // not read as CSV
  std::remove(junk.c_str());
}

TEST(OpenTable, MissingFileIsAnIoError) {
  CollectingSink sink;
  auto r = OpenTable("/nonexistent/jbr/levering.csv", "levering.csv", {}, &sink);
  EXPECT_EQ(r.status().code(), StatusCode::kIo);
  EXPECT_NE(r.status().message().find("/nonexistent/jbr/levering.csv"), std::string::npos);
  EXPECT_TRUE(sink.findings().empty());
}

}  // namespace
}  // namespace jbr
