// ODS reader: tells an OpenDocument archive by its parts, then streams content.xml through the
// row source the XLSX reader uses (see ods_reader.h).

#include "ingest/ods_reader.h"

#include <string>

#include "ingest/xlsx_internal.h"

namespace jbr {
namespace {

using xlsx::Problem;

constexpr std::string_view kOdsMime = "application/vnd.oasis.opendocument.spreadsheet";
// ODF requires the mimetype part to be a single short line; anything longer is not one.
constexpr size_t kMaxMimeBytes = 256;

std::string ReadMimetype(xlsx::ZipArchive* zip) {
  if (!zip->Has("mimetype")) {
    return "";
  }
  Problem problem;
  std::unique_ptr<xlsx::ZipEntry> entry = zip->Open("mimetype", xlsx::kNotAWorkbook, &problem);
  if (entry == nullptr) {
    return "";
  }
  std::string mime(kMaxMimeBytes, '\0');
  size_t got = 0;
  while (got < mime.size()) {
    const int64_t n =
        entry->Read(mime.data() + got, mime.size() - got, xlsx::kNotAWorkbook, &problem);
    if (n <= 0) {
      break;
    }
    got += static_cast<size_t>(n);
  }
  mime.resize(got);
  while (!mime.empty() && (mime.back() == '\n' || mime.back() == '\r' || mime.back() == ' ')) {
    mime.pop_back();
  }
  return mime;
}

ZipKind Classify(xlsx::ZipArchive* zip, std::string* mimetype) {
  if (zip == nullptr) {
    return ZipKind::kOther;
  }
  const std::string mime = ReadMimetype(zip);
  // The spreadsheet and its template (.ots) alike.
  if (mime.starts_with(kOdsMime)) {
    return ZipKind::kOds;
  }
  if (mime.starts_with("application/vnd.oasis.opendocument.")) {
    *mimetype = mime;
    return ZipKind::kOtherOpenDocument;
  }
  if (mime.empty() && zip->Has("content.xml") && !zip->Has("[Content_Types].xml")) {
    return ZipKind::kOds;  // a writer that left out the mimetype part
  }
  return ZipKind::kOther;
}

Result<std::unique_ptr<RowSource>> OpenArchive(std::unique_ptr<xlsx::ZipArchive> zip,
                                               xlsx::Reporter reporter) {
  std::string mimetype;
  if (Classify(zip.get(), &mimetype) == ZipKind::kOtherOpenDocument) {
    Problem problem;
    problem.code = xlsx::kNotAWorkbook;
    problem.message =
        "the file is an OpenDocument file of type " + mimetype + ", not a spreadsheet";
    problem.hint = "deliver the spreadsheet (.ods, .xlsx or CSV) with the data";
    return xlsx::ReportProblem(reporter, problem);
  }
  xlsx::SheetPart part;
  part.format = "ods";
  part.path = "content.xml";
  part.namespaces = true;
  const XlsxOptions* limits = &zip->options();
  part.make_handler = [limits](const xlsx::SharedStrings* /*strings*/, xlsx::RowConsumer* consumer,
                               xlsx::Reporter* sheet_reporter) {
    return xlsx::MakeOdsHandler(consumer, sheet_reporter, limits);
  };
  return xlsx::OpenSheetSource(std::move(zip), std::move(reporter), part);
}

}  // namespace

ZipKind SniffZipKind(const std::string& path, std::string* mimetype) {
  Problem problem;
  auto zip = xlsx::ZipArchive::OpenFile(path, XlsxOptions(), &problem);
  return Classify(zip.get(), mimetype);
}

ZipKind SniffZipKindBuffer(std::string_view data, std::string* mimetype) {
  Problem problem;
  auto zip = xlsx::ZipArchive::OpenBuffer(data, XlsxOptions(), &problem);
  return Classify(zip.get(), mimetype);
}

Result<std::unique_ptr<RowSource>> OpenOds(const std::string& path, const std::string& display_name,
                                           const XlsxOptions& options, FindingSink* sink) {
  JBR_RETURN_IF_ERROR(options.Validate());
  const xlsx::Reporter reporter{sink, display_name, ""};
  Problem problem;
  std::unique_ptr<xlsx::ZipArchive> zip = xlsx::ZipArchive::OpenFile(path, options, &problem);
  if (zip == nullptr) {
    return xlsx::ReportProblem(reporter, problem);
  }
  return OpenArchive(std::move(zip), reporter);
}

Result<std::unique_ptr<RowSource>> OpenOdsBuffer(std::string_view data,
                                                 const std::string& display_name,
                                                 const XlsxOptions& options, FindingSink* sink) {
  JBR_RETURN_IF_ERROR(options.Validate());
  const xlsx::Reporter reporter{sink, display_name, ""};
  Problem problem;
  std::unique_ptr<xlsx::ZipArchive> zip = xlsx::ZipArchive::OpenBuffer(data, options, &problem);
  if (zip == nullptr) {
    return xlsx::ReportProblem(reporter, problem);
  }
  return OpenArchive(std::move(zip), reporter);
}

}  // namespace jbr
