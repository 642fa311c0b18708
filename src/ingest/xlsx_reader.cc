// XLSX reader: opens the workbook, picks the sheet, and streams its rows (see xlsx_reader.h). The
// row source itself (SheetRowSource) serves the ODS reader too.
//
// Memory: the shared-string table is held whole (bounded by max_shared_string_bytes); the sheet is
// decompressed and parsed 64 KiB at a time, and the parser is suspended as soon as a few hundred
// rows (or 1 MiB of cells) wait to be taken, so a sheet of any length costs the same.

#include "ingest/xlsx_reader.h"

#include <algorithm>
#include <deque>
#include <string>

#include "common/text.h"
#include "ingest/xlsx_internal.h"

namespace jbr {
namespace {

using xlsx::Problem;

constexpr size_t kQueueRows = 256;
constexpr uint64_t kQueueBytes = 1 << 20;
// Blank rows are held back until a non-blank row shows they are not trailing. A sheet can end in
// a million formatted but empty rows: consecutive empty ones are held as one run, and past these
// bounds held rows are released (reported as blank) rather than kept.
constexpr size_t kMaxPendingEntries = 4096;
constexpr uint64_t kMaxPendingBytes = 1 << 20;

uint64_t RowBytes(const RawRow& row) {
  uint64_t bytes = sizeof(RawRow);
  for (const std::string& cell : row.cells) {
    bytes += sizeof(std::string) + 1 + cell.size();
  }
  return bytes;
}

Status ToStatus(const Problem& problem) { return {problem.status, problem.message}; }
using xlsx::ReportProblem;

// A row, or a run of `repeat` consecutive copies of it (empty rows, or an ODS repeated row)
// starting at row.row_number.
struct QueuedRow {
  RawRow row;
  int64_t repeat = 1;
  uint64_t bytes = 0;
};

class SheetRowSource final : public RowSource, private xlsx::RowConsumer {
 public:
  SheetRowSource(std::unique_ptr<xlsx::ZipArchive> zip, xlsx::Reporter reporter,
                 const xlsx::SheetPart& sheet)
      : zip_(std::move(zip)), reporter_(std::move(reporter)) {
    info_.date1904 = sheet.date1904;
    info_.format = sheet.format;
    info_.encoding = Encoding::kUtf8;
    info_.sheet = reporter_.sheet;
  }

  // Loads the shared strings and reads up to the header. Returns kInvalidInput (with a finding)
  // when the sheet cannot be read or has no non-blank row.
  Status Start(const xlsx::SheetPart& sheet) {
    Problem problem;
    if (!sheet.shared_strings.empty() && zip_->Has(sheet.shared_strings) &&
        !xlsx::ReadSharedStrings(zip_.get(), sheet.shared_strings, &strings_, &problem)) {
      return ReportProblem(reporter_, problem);
    }
    std::unique_ptr<xlsx::ZipEntry> entry = zip_->Open(sheet.path, xlsx::kNotAWorkbook, &problem);
    if (entry == nullptr) {
      return ReportProblem(reporter_, problem);
    }
    handler_ = sheet.make_handler(&strings_, this, &reporter_);
    part_ = std::make_unique<xlsx::XmlPart>(std::move(entry), handler_.get(), xlsx::kMalformedRow,
                                            sheet.namespaces);
    while (!have_header_ && !done_) {
      if (!Pump()) {
        return ToStatus(failure_);
      }
    }
    info_.sheet = reporter_.sheet;  // an ODS sheet is named by the part itself
    if (have_header_) {
      return Status::Ok();
    }
    if (!failure_.code.empty()) {
      return InvalidInput(failure_.message);  // already reported
    }
    const std::string message = "sheet '" + reporter_.sheet + "' has no rows";
    reporter_.Add("empty-file", 0, "", "", message,
                  "choose the sheet with the data (--sheet), or fill in the header row");
    return InvalidInput(message);
  }

  const RawRow& header() const override { return header_; }
  void UseHeader(const RawRow& header) override { header_ = header; }
  const SourceInfo& info() const override { return info_; }

  Result<bool> Next(RawRow* row) override {
    while (queue_.empty()) {
      if (done_) {
        return false;
      }
      if (!Pump()) {
        return ToStatus(failure_);
      }
    }
    Pop(row);
    return true;
  }

  // Compressed bytes: the parts read to their end, plus the sheet's compressed size in proportion
  // to how much of it has been decompressed. At the end of the sheet, the whole file size, so that
  // a progress bar against the file size ends at 100%.
  uint64_t bytes_read() const override {
    const uint64_t file_size = zip_->file_size();
    if (done_ || part_ == nullptr) {
      return done_ ? file_size : zip_->compressed_done();
    }
    const xlsx::ZipEntry& sheet = part_->entry();
    uint64_t sheet_bytes = 0;
    if (!sheet.at_end() && sheet.declared_size() > 0) {
      const double fraction = std::min(1.0, static_cast<double>(sheet.bytes_read()) /
                                                static_cast<double>(sheet.declared_size()));
      sheet_bytes = static_cast<uint64_t>(fraction * static_cast<double>(sheet.comp_size()));
    }
    return std::min(file_size, zip_->compressed_done() + sheet_bytes);
  }

 private:
  // Parses until rows are queued, the sheet ends or a problem stops it. Returns false only for a
  // failure of the machine (failure_ holds it); problems with the file become findings.
  bool Pump() {
    switch (part_->Run()) {
      case xlsx::XmlPart::Step::kSuspended:
        return true;
      case xlsx::XmlPart::Step::kDone:
        done_ = true;
        break;
      case xlsx::XmlPart::Step::kFailed:
        done_ = true;
        failure_ = part_->problem();
        if (failure_.status != StatusCode::kInvalidInput) {
          return false;
        }
        reporter_.Add(failure_);
        break;
    }
    pending_.clear();  // blank rows at the end are not rows
    pending_bytes_ = 0;
    return true;
  }

  void OnRow(RawRow* row, int64_t repeat) override {
    if (!have_header_) {
      if (row->IsBlank()) {
        return;  // blank rows above the header are layout
      }
      header_ = *row;
      have_header_ = true;
      if (--repeat == 0) {
        return;
      }
      ++row->row_number;  // the header repeated: the copies are data rows
    }
    if (row->IsBlank()) {
      return Hold(row, repeat);
    }
    Release();
    const uint64_t bytes = RowBytes(*row);
    Enqueue({std::move(*row), repeat, bytes});
  }

  bool Full() const override { return queue_.size() >= kQueueRows || queued_bytes_ >= kQueueBytes; }

  std::string ColumnName(size_t index) const override {
    return index < header_.cells.size() ? header_.cells[index] : std::string();
  }

  void Hold(RawRow* row, int64_t repeat) {
    if (row->cells.empty() && !pending_.empty()) {
      QueuedRow& last = pending_.back();
      if (last.row.cells.empty() && last.row.row_number + last.repeat == row->row_number) {
        last.repeat += repeat;
        return;
      }
    }
    const uint64_t bytes = RowBytes(*row);
    pending_bytes_ += bytes;
    pending_.push_back({std::move(*row), repeat, bytes});
    if (pending_.size() > kMaxPendingEntries || pending_bytes_ > kMaxPendingBytes) {
      Release();
    }
  }

  void Release() {
    for (QueuedRow& held : pending_) {
      Enqueue(std::move(held));
    }
    pending_.clear();
    pending_bytes_ = 0;
  }

  void Enqueue(QueuedRow&& entry) {
    queued_bytes_ += entry.bytes;
    queue_.push_back(std::move(entry));
  }

  // A run of blank rows goes out as one row (RawRow::blank_run), so that a claim of a million
  // million empty rows costs no more than one; a run of a non-blank row (ODS repeats, bounded by
  // max_cells) goes out copy by copy.
  void Pop(RawRow* row) {
    QueuedRow& front = queue_.front();
    if (front.repeat > 1 && !front.row.IsBlank()) {
      row->cells = front.row.cells;
      row->kinds = front.row.kinds;
      row->row_number = front.row.row_number++;
      row->blank_run = 1;
      --front.repeat;
      return;
    }
    std::swap(*row, front.row);
    row->blank_run = front.repeat;
    queued_bytes_ -= front.bytes;
    queue_.pop_front();
  }

  // Destroyed in reverse: the parser before its handler, both before the archive they read.
  std::unique_ptr<xlsx::ZipArchive> zip_;
  xlsx::Reporter reporter_;
  xlsx::SharedStrings strings_;
  std::unique_ptr<xlsx::XmlHandler> handler_;
  std::unique_ptr<xlsx::XmlPart> part_;

  SourceInfo info_;
  RawRow header_;
  bool have_header_ = false;
  bool done_ = false;
  Problem failure_;
  std::deque<QueuedRow> queue_;
  uint64_t queued_bytes_ = 0;
  std::deque<QueuedRow> pending_;
  uint64_t pending_bytes_ = 0;
};

// Sheet names compare case-insensitively (ASCII letters only, as Excel's own rule is per locale).
const xlsx::SheetRef* FindSheet(const std::vector<xlsx::SheetRef>& sheets,
                                const std::string& name) {
  if (name.empty()) {
    return &sheets.front();
  }
  const std::string wanted = AsciiLower(name);
  for (const xlsx::SheetRef& sheet : sheets) {
    if (AsciiLower(sheet.name) == wanted) {
      return &sheet;
    }
  }
  return nullptr;
}

std::string SheetList(const std::vector<xlsx::SheetRef>& sheets) {
  std::string list;
  for (const xlsx::SheetRef& sheet : sheets) {
    list += (list.empty() ? "'" : ", '") + sheet.name + "'";
  }
  return list;
}

Result<std::unique_ptr<RowSource>> OpenArchive(std::unique_ptr<xlsx::ZipArchive> zip,
                                               xlsx::Reporter reporter,
                                               const XlsxOptions& options) {
  Problem problem;
  xlsx::WorkbookLayout layout;
  if (!xlsx::ReadWorkbook(zip.get(), &layout, &problem)) {
    return ReportProblem(reporter, problem);
  }
  const xlsx::SheetRef* sheet = FindSheet(layout.sheets, options.sheet);
  if (sheet == nullptr) {
    reporter.sheet = options.sheet;
    const std::string message = "the workbook has no sheet '" + options.sheet +
                                "'; its sheets are " + SheetList(layout.sheets);
    reporter.Add("sheet-not-found", 0, "", options.sheet, message,
                 "pass --sheet with one of these");
    return InvalidInput(message);
  }
  reporter.sheet = sheet->name;
  std::string sheet_path;
  std::string shared_strings_path;
  if (!xlsx::ResolveSheet(zip.get(), layout, *sheet, &sheet_path, &shared_strings_path, &problem)) {
    return ReportProblem(reporter, problem);
  }
  xlsx::SheetPart part;
  part.format = "xlsx";
  part.path = sheet_path;
  part.shared_strings = shared_strings_path;
  part.date1904 = layout.date1904;
  const XlsxOptions* limits = &zip->options();
  const bool uncalculated = layout.formulas_uncalculated;
  part.make_handler = [limits, uncalculated](const xlsx::SharedStrings* strings,
                                             xlsx::RowConsumer* consumer,
                                             xlsx::Reporter* sheet_reporter) {
    return xlsx::MakeSheetHandler(strings, consumer, sheet_reporter, limits, uncalculated);
  };
  return xlsx::OpenSheetSource(std::move(zip), std::move(reporter), part);
}

}  // namespace

namespace xlsx {

Status ReportProblem(const Reporter& reporter, const Problem& problem) {
  if (problem.status != StatusCode::kInvalidInput) {
    return {problem.status, problem.message};
  }
  reporter.Add(problem);
  return InvalidInput(problem.message);
}

Result<std::unique_ptr<RowSource>> OpenSheetSource(std::unique_ptr<ZipArchive> zip,
                                                   Reporter reporter, const SheetPart& part) {
  auto source = std::make_unique<SheetRowSource>(std::move(zip), std::move(reporter), part);
  JBR_RETURN_IF_ERROR(source->Start(part));
  return std::unique_ptr<RowSource>(std::move(source));
}

}  // namespace xlsx

Status XlsxOptions::Validate() const {
  if (max_uncompressed_bytes == 0) {
    return UsageError("xlsx max_uncompressed_bytes must be > 0");
  }
  if (max_compression_ratio < 1) {
    return UsageError("xlsx max_compression_ratio must be >= 1");
  }
  if (max_cells == 0) {
    return UsageError("xlsx max_cells must be > 0");
  }
  if (max_columns == 0 || max_columns > 16384) {
    return UsageError("xlsx max_columns must be 1-16384 (Excel's own limit)");
  }
  // worksheet > sheetData > row > c > is > r > t is how deep real cell text sits.
  if (max_xml_depth < 7) {
    return UsageError("xlsx max_xml_depth must be >= 7");
  }
  if (max_shared_string_bytes == 0) {
    return UsageError("xlsx max_shared_string_bytes must be > 0");
  }
  if (max_cell_bytes == 0) {
    return UsageError("xlsx max_cell_bytes must be > 0");
  }
  return Status::Ok();
}

Result<std::unique_ptr<RowSource>> OpenXlsx(const std::string& path,
                                            const std::string& display_name,
                                            const XlsxOptions& options, FindingSink* sink) {
  JBR_RETURN_IF_ERROR(options.Validate());
  const xlsx::Reporter reporter{sink, display_name, ""};
  Problem problem;
  std::unique_ptr<xlsx::ZipArchive> zip = xlsx::ZipArchive::OpenFile(path, options, &problem);
  if (zip == nullptr) {
    return ReportProblem(reporter, problem);
  }
  return OpenArchive(std::move(zip), reporter, options);
}

Result<std::unique_ptr<RowSource>> OpenXlsxBuffer(std::string_view data,
                                                  const std::string& display_name,
                                                  const XlsxOptions& options, FindingSink* sink) {
  JBR_RETURN_IF_ERROR(options.Validate());
  const xlsx::Reporter reporter{sink, display_name, ""};
  Problem problem;
  std::unique_ptr<xlsx::ZipArchive> zip = xlsx::ZipArchive::OpenBuffer(data, options, &problem);
  if (zip == nullptr) {
    return ReportProblem(reporter, problem);
  }
  return OpenArchive(std::move(zip), reporter, options);
}

Result<std::vector<std::string>> ListXlsxSheets(const std::string& path) {
  Problem problem;
  std::unique_ptr<xlsx::ZipArchive> zip = xlsx::ZipArchive::OpenFile(path, XlsxOptions(), &problem);
  if (zip == nullptr) {
    return ToStatus(problem);
  }
  xlsx::WorkbookLayout layout;
  if (!xlsx::ReadWorkbook(zip.get(), &layout, &problem)) {
    return ToStatus(problem);
  }
  std::vector<std::string> names;
  names.reserve(layout.sheets.size());
  for (const xlsx::SheetRef& sheet : layout.sheets) {
    names.push_back(sheet.name);
  }
  return names;
}

}  // namespace jbr
