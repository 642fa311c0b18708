#include "portal/upload.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "portal/security.h"

namespace jbr::portal {

Upload::~Upload() {
  if (!path.empty()) {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
}

std::string CheckFileName(const std::string& name) {
  if (name.empty()) return "choose a file to upload";
  if (name.size() > 200) return "the file name is longer than 200 characters; rename the file";
  if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos ||
      name.find("..") != std::string::npos || name.front() == '.') {
    return "the file name looks like a path; give the file a plain name such as personnel-2021.csv";
  }
  for (unsigned char ch : name) {
    if (ch < 0x20 || ch == 0x7f)
      return "the file name contains control characters; rename the file";
  }
  std::string ext = std::filesystem::path(name).extension().string();
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const char* ok : {".csv", ".tsv", ".txt", ".xlsx", ".ods"}) {
    if (ext == ok) return "";
  }
  if (ext == ".xls") {  // what the reader would say of its bytes (old-excel-format)
    return "the file is an old Excel workbook (.xls, Excel 97-2003), which cannot be delivered: "
           "open "
           "it in Excel or LibreOffice and save it as Excel Workbook (.xlsx), OpenDocument "
           "Spreadsheet (.ods) or CSV UTF-8";
  }
  return fmt::format("'{}' files cannot be delivered: upload CSV, XLSX or ODS",
                     ext.empty() ? "extensionless" : ext);
}

void ReadUpload(
    const httplib::Request& req, const httplib::ContentReader& reader, const std::string& dir,
    const UploadLimits& limits,
    const std::function<std::string(const std::map<std::string, std::string>&)>& before_file,
    Upload* out) {
  auto refuse = [out](int status, std::string why) {
    if (out->status == 200) {
      out->status = status;
      out->error = std::move(why);
    }
    return false;
  };
  if (!req.is_multipart_form_data()) {
    refuse(415, "send the delivery as multipart/form-data with the file in the field 'file'");
    return;
  }
  // Announced too large: refused before a byte is read (the body may be a little larger than the
  // file: multipart headers and the other fields).
  const std::string length = req.get_header_value("Content-Length");
  if (!length.empty() && length.size() < 19 &&
      length.find_first_not_of("0123456789") == std::string::npos &&
      std::stoll(length) > limits.max_file_bytes + (64 << 10)) {
    refuse(413, fmt::format("the file is larger than the {} MiB the portal accepts",
                            limits.max_file_bytes >> 20));
    return;
  }
  std::string current;  // the part being read
  std::ofstream file;
  bool seen_file = false;
  const bool read = reader(
      [&](const httplib::MultipartFormData& part) {
        current = part.name;
        if (current != "file") {
          if (current != "csrf" && current != "dataset" && current != "year") {
            return refuse(400, fmt::format("unexpected form field '{}'", current.substr(0, 40)));
          }
          if (out->fields.count(current) != 0)
            return refuse(400, fmt::format("the field '{}' is given twice", current));
          out->fields[current];
          return true;
        }
        if (seen_file) return refuse(400, "upload one file at a time");
        seen_file = true;
        if (std::string denied = before_file(out->fields); !denied.empty())
          return refuse(403, denied);
        if (std::string bad = CheckFileName(part.filename); !bad.empty()) {
          return refuse(bad.find("cannot be delivered") != std::string::npos ? 415 : 400, bad);
        }
        out->file_name = part.filename;
        out->path = (std::filesystem::path(dir) / (RandomToken(18) + ".upload")).string();
        file.open(out->path, std::ios::binary | std::ios::trunc);
        if (!file) return refuse(500, "the server cannot store the upload");
        return true;
      },
      [&](const char* data, size_t n) {
        if (current != "file") {
          std::string& v = out->fields[current];
          if (v.size() + n > limits.max_field_bytes)
            return refuse(400, fmt::format("the field '{}' is too long", current));
          v.append(data, n);
          return true;
        }
        out->size += static_cast<int64_t>(n);
        if (out->size > limits.max_file_bytes) {
          return refuse(413, fmt::format("the file is larger than the {} MiB the portal accepts",
                                         limits.max_file_bytes >> 20));
        }
        file.write(data, static_cast<std::streamsize>(n));
        return file.good() ? true : refuse(500, "the server cannot store the upload");
      });
  if (file.is_open()) file.close();
  if (!read) {
    refuse(400, "the upload could not be read as multipart/form-data; send it again");
    return;
  }
  if (!seen_file) refuse(400, "the upload has no file: choose one in the field 'file'");
}

}  // namespace jbr::portal
