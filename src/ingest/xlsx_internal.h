// Internals of the XLSX and ODS readers (xlsx_reader.cc, ods_reader.cc): the ZIP layer with its
// limits, a push-parser driver over expat, the parsers for the workbook parts and the worksheet,
// and the row source both formats share. Not for use outside src/ingest.
#pragma once

#include <expat.h>
#include <zip.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/result.h"
#include "ingest/row_source.h"
#include "ingest/xlsx_reader.h"

namespace jbr::xlsx {

inline constexpr const char* kRefused = "workbook-refused";
inline constexpr const char* kNotAWorkbook = "not-a-workbook";
inline constexpr const char* kMalformedRow = "malformed-row";
inline constexpr const char* kFormulaWithoutValue = "formula-without-value";

// Limits shared by the XLSX and ODS readers. Far past any real sheet (Excel stops at 1,048,576
// rows, LibreOffice at 16,777,216); keeps sums of row numbers far from overflow.
inline constexpr int64_t kMaxRowNumber = int64_t{1} << 40;
inline constexpr size_t kMaxSheets = 4096;
// How much of a formula a finding quotes.
inline constexpr size_t kMaxFormulaShown = 80;
// XML's white space (XML 1.0, production S).
inline constexpr std::string_view kXmlBlanks = " \t\r\n";

// What went wrong, before it becomes a finding. `status` is kInvalidInput for a problem with the
// file (reported as a finding with `code`) or kIo for a failure of the machine (no finding).
struct Problem {
  StatusCode status = StatusCode::kInvalidInput;
  std::string code;
  std::string message;
  std::string hint;
  int64_t row = 0;
};

Problem Refusal(std::string message, std::string hint);

// ---------------------------------------------------------------------------------------------
// ZIP layer (xlsx_zip.cc).

class ZipArchive;

// One entry being decompressed. Enforces the total-size budget of its archive and the compression
// ratio limit on the bytes actually produced, whatever the entry's header claims.
class ZipEntry {
 public:
  ZipEntry(ZipArchive* archive, zip_file_t* file, std::string name, uint64_t size,
           uint64_t comp_size);
  ~ZipEntry();
  ZipEntry(const ZipEntry&) = delete;
  ZipEntry& operator=(const ZipEntry&) = delete;

  // Reads up to `capacity` bytes into `buffer`. Returns the count, 0 at the end of the entry, or
  // -1 with *problem set (a limit, or corrupt data with `corrupt_code`).
  int64_t Read(char* buffer, size_t capacity, const char* corrupt_code, Problem* problem);

  const std::string& name() const { return name_; }
  uint64_t declared_size() const { return size_; }
  uint64_t comp_size() const { return comp_size_; }
  uint64_t bytes_read() const { return read_; }  // uncompressed
  bool at_end() const { return at_end_; }
  const XlsxOptions& options() const;

 private:
  ZipArchive* archive_;
  zip_file_t* file_;
  std::string name_;
  uint64_t size_;
  uint64_t comp_size_;
  uint64_t read_ = 0;
  bool at_end_ = false;
};

class ZipArchive {
 public:
  // Opens a file or a buffer (which must outlive the archive). On failure returns null with
  // *problem set: kIo when the file cannot be read, else a not-a-workbook finding.
  static std::unique_ptr<ZipArchive> OpenFile(const std::string& path, const XlsxOptions& options,
                                              Problem* problem);
  static std::unique_ptr<ZipArchive> OpenBuffer(std::string_view data, const XlsxOptions& options,
                                                Problem* problem);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // True when the archive has an entry `name` (compared case-insensitively, as OPC part names are).
  bool Has(const std::string& name) const;
  // Opens entry `name` for reading after checking its declared sizes against the limits. Returns
  // null with *problem set when it is missing (`missing_code`), refused or unreadable.
  std::unique_ptr<ZipEntry> Open(const std::string& name, const char* missing_code,
                                 Problem* problem);

  const XlsxOptions& options() const { return options_; }
  uint64_t file_size() const { return file_size_; }
  // Uncompressed bytes produced by all entries so far, checked against max_uncompressed_bytes.
  bool Consume(uint64_t bytes, const std::string& entry, Problem* problem);
  // Compressed size of the entries read to their end, for progress reports.
  uint64_t compressed_done() const { return compressed_done_; }
  void AddCompressedDone(uint64_t bytes) { compressed_done_ += bytes; }

 private:
  ZipArchive(zip_t* zip, const XlsxOptions& options, uint64_t file_size);

  zip_t* zip_;
  XlsxOptions options_;
  uint64_t file_size_;
  uint64_t total_read_ = 0;
  uint64_t compressed_done_ = 0;
};

// ---------------------------------------------------------------------------------------------
// XML driver (xlsx_xml.cc).

class XmlPart;

// Receives the events of one part. Names are local names: a prefix ("x:row") is dropped, since
// some writers prefix the main namespace. Attribute arrays are expat's: name, value, ..., null.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(XmlPart* part, std::string_view name, const char** attributes) = 0;
  virtual void End(XmlPart* part, std::string_view name) = 0;
  virtual void Text(XmlPart* part, std::string_view text) = 0;
};

// The local name of an element or attribute: what follows the namespace separator of a
// namespace-aware part ('\n', see XmlPart), else what follows the last ':'.
std::string_view LocalName(const char* name);
// The namespace separator of a namespace-aware part: names arrive as "URI\nlocal".
inline constexpr char kNamespaceSeparator = '\n';
// The value of attribute `name` (compared in full, prefix included), or null.
const char* Attribute(const char** attributes, std::string_view name);

// Decodes, in place from `start` on, the escapes of ECMA-376 part 1, 22.4.2.4 (ST_Xstring) in
// the text of a shared or inline string or a formula's string result: _xHHHH_ is the UTF-16 code
// unit HHHH. Excel and LibreOffice write so the control characters XML 1.0 cannot hold (ESC is
// _x001B_), and "_x" followed by four hex digits and "_" in the text itself as _x005F_x....
// A surrogate pair written as two escapes is one character; a lone surrogate becomes U+FFFD.
void DecodeXstringEscapes(std::string* text, size_t start);

// Streams one ZIP entry through expat in 64 KiB chunks. Refuses any DOCTYPE (so entity
// declarations, billion laughs and external entities never get a chance), nesting deeper than
// max_xml_depth and a single token (tag, attribute) longer than max_cell_bytes + 1 MiB.
class XmlPart {
 public:
  enum class Step { kSuspended, kDone, kFailed };

  // `syntax_code` is the finding code for malformed XML or corrupt data in this part. With
  // `namespaces`, expat resolves prefixes: element and attribute names arrive as "URI\nlocal"
  // (ODF, whose attributes of different namespaces share local names), else as written.
  XmlPart(std::unique_ptr<ZipEntry> entry, XmlHandler* handler, const char* syntax_code,
          bool namespaces = false);
  ~XmlPart();
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  // Parses until the handler calls Suspend() (kSuspended: call Run again for more), the part
  // ends (kDone), or a problem stops it (kFailed, see problem()).
  Step Run();

  // For handlers, from inside a callback.
  void Suspend();
  void Fail(Problem problem);
  int depth() const { return depth_; }
  // Inside Start: the element's full name (with its namespace URI in a namespace-aware part).
  const char* element_name() const { return element_name_; }

  const Problem& problem() const { return problem_; }
  const ZipEntry& entry() const { return *entry_; }

 private:
  static void OnStart(void* self, const char* name, const char** attributes);
  static void OnEnd(void* self, const char* name);
  static void OnText(void* self, const char* text, int length);
  static void OnDoctype(void* self, const char* name, const char* sysid, const char* pubid,
                        int has_internal_subset);
  static void OnEntity(void* self, const char* name, int is_parameter, const char* value,
                       int length, const char* base, const char* sysid, const char* pubid,
                       const char* notation);
  Step AfterParse(XML_Status status);
  bool FeedChunk(XML_Status* status);
  void NoteEvent();

  std::unique_ptr<ZipEntry> entry_;
  XmlHandler* handler_;
  const char* syntax_code_;
  XML_Parser parser_;
  std::vector<char> buffer_;
  uint64_t fed_ = 0;         // bytes given to expat
  uint64_t last_event_ = 0;  // offset of the latest event, to spot a giant token being buffered
  int depth_ = 0;
  const char* element_name_ = "";
  bool final_fed_ = false;
  bool suspended_ = false;
  bool finished_ = false;
  bool failed_ = false;
  Problem problem_;
};

// Runs `part` to the end (no suspension expected). Returns false with *problem set on failure.
bool RunToEnd(XmlPart* part, Problem* problem);

// ---------------------------------------------------------------------------------------------
// Workbook parts (xlsx_parts.cc).

struct SheetRef {
  std::string name;
  std::string relationship_id;
};

// The parts a worksheet needs, found through the package relationships.
struct WorkbookLayout {
  std::string workbook_path;  // e.g. "xl/workbook.xml"
  std::vector<SheetRef> sheets;
  bool date1904 = false;  // <workbookPr date1904="1"/>: serial dates count from 1904
  // <calcPr fullCalcOnLoad="1"/>: the writer did not calculate, and asks the reader to. Such
  // writers (libxlsxwriter, XlsxWriter, openpyxl) store 0 or nothing as every formula's value.
  bool formulas_uncalculated = false;
};

// Finds and parses the workbook: the sheet names and their relationship ids, in workbook order.
bool ReadWorkbook(ZipArchive* zip, WorkbookLayout* layout, Problem* problem);

// Resolves the worksheet part of `sheet` and the shared strings part (empty when there is none).
bool ResolveSheet(ZipArchive* zip, const WorkbookLayout& layout, const SheetRef& sheet,
                  std::string* sheet_path, std::string* shared_strings_path, Problem* problem);

// The shared-string table, held compactly: all strings in one buffer.
class SharedStrings {
 public:
  size_t size() const { return ends_.size(); }
  std::string_view Get(size_t index) const;
  // Bytes held: the text plus 8 per string, checked against max_shared_string_bytes.
  uint64_t bytes_held() const { return text_.size() + 8 * ends_.size(); }

 private:
  friend class SharedStringsHandler;
  std::string text_;
  std::vector<uint64_t> ends_;  // end offset of string i in text_
};

bool ReadSharedStrings(ZipArchive* zip, const std::string& path, SharedStrings* strings,
                       Problem* problem);

// Resolves `target` of a relationship in the part `source_part` ("xl/workbook.xml"): relative to
// the source's folder, or absolute from the package root when it starts with '/'.
std::string ResolveTarget(std::string_view source_part, std::string_view target);

// ---------------------------------------------------------------------------------------------
// Worksheet (xlsx_sheet.cc).

// Receives the rows of a worksheet as they complete.
class RowConsumer {
 public:
  virtual ~RowConsumer() = default;
  // `row` holds the cells up to the last non-empty one; the consumer may move from it. `repeat`
  // consecutive rows are this same row (ODS writes identical rows once, with a count); it is
  // never below 1 and never allocated: the consumer hands out the copies one at a time.
  virtual void OnRow(RawRow* row, int64_t repeat) = 0;
  // True when enough rows are waiting: the parser then suspends until they are taken.
  virtual bool Full() const = 0;
  // The header name of column `index` (0-based) when known, for findings; else empty.
  virtual std::string ColumnName(size_t index) const = 0;
};

// Reports findings about one sheet: file and sheet name filled in.
struct Reporter {
  FindingSink* sink = nullptr;
  std::string file;
  std::string sheet;

  void Add(const Problem& problem) const;
  void Add(std::string code, int64_t row, std::string column, std::string value,
           std::string message, std::string hint) const;
};

// Column index (0-based) of a cell reference such as "AB12"; -1 when it does not start with one to
// seven letters.
int64_t ColumnFromReference(std::string_view reference);
// "A", "Z", "AA", ... for a 0-based column index.
std::string ColumnLetters(size_t index);

// `uncalculated`: the workbook's formula values are not to be trusted (formulas_uncalculated).
std::unique_ptr<XmlHandler> MakeSheetHandler(const SharedStrings* strings, RowConsumer* consumer,
                                             const Reporter* reporter, const XlsxOptions* options,
                                             bool uncalculated);

// The content.xml handler of the ODS reader (ods_sheet.cc): the sheet options->sheet, else the
// first; sets reporter->sheet to its name. Parse the part namespace-aware.
std::unique_ptr<XmlHandler> MakeOdsHandler(RowConsumer* consumer, Reporter* reporter,
                                           const XlsxOptions* options);

// ---------------------------------------------------------------------------------------------
// The row source over one streamed sheet part (xlsx_reader.cc), shared by XLSX and ODS.

// Makes the handler of the sheet part. `reporter` is the source's own: a handler that learns the
// sheet's name only while parsing (ODS) sets reporter->sheet.
using SheetHandlerFactory = std::function<std::unique_ptr<XmlHandler>(
    const SharedStrings* strings, RowConsumer* consumer, Reporter* reporter)>;

struct SheetPart {
  std::string format;          // "xlsx" or "ods"
  std::string path;            // the part holding the rows
  std::string shared_strings;  // XLSX only; empty when there is none
  bool date1904 = false;
  bool namespaces = false;  // parse the part namespace-aware (ODS)
  SheetHandlerFactory make_handler;
};

// Opens the part, reads up to the header and returns the source. Problems with the file are
// findings (and kInvalidInput); failures of the machine a bare Status.
Result<std::unique_ptr<RowSource>> OpenSheetSource(std::unique_ptr<ZipArchive> zip,
                                                   Reporter reporter, const SheetPart& part);

// A problem as the caller sees it: a finding plus kInvalidInput, or a bare machine failure.
Status ReportProblem(const Reporter& reporter, const Problem& problem);

}  // namespace jbr::xlsx
