// The ZIP layer of the XLSX reader: libzip with the size and ratio limits enforced on every read.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/xlsx_internal.h"

namespace jbr::xlsx {
namespace {

// Below this many uncompressed bytes an entry is never refused for its ratio: small XML parts
// (styles, a sheet of one repeated value) legitimately compress far better than data does.
constexpr uint64_t kRatioGraceBytes = 1 << 20;

bool RatioExceeded(uint64_t uncompressed, uint64_t compressed, uint64_t max_ratio) {
  if (uncompressed <= kRatioGraceBytes) {
    return false;
  }
  return compressed == 0 || uncompressed / compressed > max_ratio;
}

std::string Human(uint64_t bytes) {
  if (bytes >= (1ull << 20)) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  if (bytes >= (1ull << 10)) {
    return std::to_string(bytes >> 10) + " KiB";
  }
  return std::to_string(bytes) + " bytes";
}

Problem Damaged(const char* code, std::string what) {
  return {StatusCode::kInvalidInput, code, "the workbook is damaged: " + std::move(what),
          "open the file in Excel or LibreOffice and save it again, or export the sheet as CSV", 0};
}

constexpr std::string_view kZipMagic("PK\x03\x04", 4);

// Maps a failed zip_open to a problem: the machine's failures are kIo, the file's are findings.
// `head`: the file's first bytes. A file that begins as a ZIP archive but has none to open was cut
// off (the archive's directory is at its end): an interrupted copy or upload, not a wrong format.
Problem OpenFailure(zip_error_t* error, std::string_view head) {
  Problem problem;
  const int code = zip_error_code_zip(error);
  if (code == ZIP_ER_NOENT || code == ZIP_ER_OPEN || code == ZIP_ER_READ) {
    problem.status = StatusCode::kIo;
    problem.message = zip_error_strerror(error);
  } else if (code == ZIP_ER_NOZIP && head.starts_with(kZipMagic)) {
    problem.code = kNotAWorkbook;
    problem.message =
        "the file is incomplete: it begins as a workbook (.xlsx or .ods, both ZIP "
        "archives) but its end is missing, as when a copy or an upload is cut off";
    problem.hint =
        "deliver the file again from the original; if it is the same, open it in Excel "
        "or LibreOffice and save it again";
  } else if (code == ZIP_ER_NOZIP) {
    problem.code = kNotAWorkbook;
    problem.message = "not a workbook: the file is not a ZIP archive, as .xlsx and .ods files are";
    problem.hint =
        "save the file as Excel Workbook (.xlsx), OpenDocument Spreadsheet (.ods) or "
        "CSV UTF-8";
  } else {
    problem = Damaged(kNotAWorkbook, zip_error_strerror(error));
  }
  zip_error_fini(error);
  return problem;
}

}  // namespace

Problem Refusal(std::string message, std::string hint) {
  return {StatusCode::kInvalidInput, kRefused, std::move(message), std::move(hint), 0};
}

ZipEntry::ZipEntry(ZipArchive* archive, zip_file_t* file, std::string name, uint64_t size,
                   uint64_t comp_size)
    : archive_(archive), file_(file), name_(std::move(name)), size_(size), comp_size_(comp_size) {}

ZipEntry::~ZipEntry() { zip_fclose(file_); }

const XlsxOptions& ZipEntry::options() const { return archive_->options(); }

int64_t ZipEntry::Read(char* buffer, size_t capacity, const char* corrupt_code, Problem* problem) {
  const zip_int64_t n = zip_fread(file_, buffer, capacity);
  if (n < 0) {
    *problem = Damaged(corrupt_code, name_ + ": " + zip_file_strerror(file_));
    if (zip_error_code_zip(zip_file_get_error(file_)) == ZIP_ER_READ) {
      problem->status = StatusCode::kIo;  // the disk failed, not the file
    }
    return -1;
  }
  if (n == 0 && !at_end_) {
    at_end_ = true;
    archive_->AddCompressedDone(comp_size_);
  }
  read_ += static_cast<uint64_t>(n);
  // The header's sizes were checked when the entry was opened, but they can lie: count what the
  // decompressor really produces.
  const uint64_t max_ratio = archive_->options().max_compression_ratio;
  if (RatioExceeded(read_, comp_size_, max_ratio)) {
    *problem = Refusal(name_ + " expands more than " + std::to_string(max_ratio) +
                           " times its compressed size (max_compression_ratio): a zip bomb?",
                       "a real workbook does not compress this well; export the sheet as CSV");
    return -1;
  }
  if (!archive_->Consume(static_cast<uint64_t>(n), name_, problem)) {
    return -1;
  }
  return n;
}

ZipArchive::ZipArchive(zip_t* zip, const XlsxOptions& options, uint64_t file_size)
    : zip_(zip), options_(options), file_size_(file_size) {}

ZipArchive::~ZipArchive() { zip_discard(zip_); }

std::unique_ptr<ZipArchive> ZipArchive::OpenFile(const std::string& path,
                                                 const XlsxOptions& options, Problem* problem) {
  int code = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (zip == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    char head[4] = {};
    std::ifstream(path, std::ios::binary).read(head, sizeof head);
    *problem = OpenFailure(&error, std::string_view(head, sizeof head));
    return nullptr;
  }
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  return std::unique_ptr<ZipArchive>(new ZipArchive(zip, options, ec ? 0 : size));
}

std::unique_ptr<ZipArchive> ZipArchive::OpenBuffer(std::string_view data,
                                                   const XlsxOptions& options, Problem* problem) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
  if (source == nullptr) {
    *problem = OpenFailure(&error, data);
    return nullptr;
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    zip_source_free(source);  // not taken over by a failed open
    *problem = OpenFailure(&error, data);
    return nullptr;
  }
  zip_error_fini(&error);
  return std::unique_ptr<ZipArchive>(new ZipArchive(zip, options, data.size()));
}

bool ZipArchive::Has(const std::string& name) const {
  return zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::unique_ptr<ZipEntry> ZipArchive::Open(const std::string& name, const char* missing_code,
                                           Problem* problem) {
  const zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) {
    *problem = {StatusCode::kInvalidInput, missing_code,
                "not a readable workbook: the part " + name + " is missing",
                "save the file as an Excel workbook (.xlsx), an OpenDocument spreadsheet (.ods) "
                "or as CSV",
                0};
    return nullptr;
  }
  zip_stat_t stat;
  zip_stat_init(&stat);
  const zip_uint64_t sizes = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE;
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &stat) != 0 ||
      (stat.valid & sizes) != sizes) {
    *problem = Damaged(kNotAWorkbook, name + ": " + zip_strerror(zip_));
    return nullptr;
  }
  if (stat.size >
      options_.max_uncompressed_bytes - std::min(total_read_, options_.max_uncompressed_bytes)) {
    *problem = Refusal(name + " would expand to " + Human(stat.size) + ", over the limit of " +
                           Human(options_.max_uncompressed_bytes) + " (max_uncompressed_bytes)",
                       "split the delivery into smaller files, or export the sheet as CSV");
    return nullptr;
  }
  if (RatioExceeded(stat.size, stat.comp_size, options_.max_compression_ratio)) {
    *problem = Refusal(name + " claims to expand from " + Human(stat.comp_size) + " to " +
                           Human(stat.size) + ", more than " +
                           std::to_string(options_.max_compression_ratio) +
                           " times (max_compression_ratio): a zip bomb?",
                       "a real workbook does not compress this well; export the sheet as CSV");
    return nullptr;
  }
  zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    *problem = Damaged(kNotAWorkbook, name + ": " + zip_strerror(zip_));
    return nullptr;
  }
  return std::make_unique<ZipEntry>(this, file, name, stat.size, stat.comp_size);
}

bool ZipArchive::Consume(uint64_t bytes, const std::string& entry, Problem* problem) {
  total_read_ += bytes;
  if (total_read_ <= options_.max_uncompressed_bytes) {
    return true;
  }
  *problem = Refusal("reading " + entry + " went over " + Human(options_.max_uncompressed_bytes) +
                         " of uncompressed data (max_uncompressed_bytes)",
                     "split the delivery into smaller files, or export the sheet as CSV");
  return false;
}

}  // namespace jbr::xlsx
