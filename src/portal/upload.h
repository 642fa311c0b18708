// Reading an upload: a multipart/form-data body streamed to a file on disk, never held in memory,
// with its small form fields; refused with a clear 4xx for what a browser or HR system should
// never send (not multipart, malformed, a path-like or unknown-kind file name, too large, a
// missing or foreign CSRF token before the file).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include <httplib.h>

namespace jbr::portal {

struct UploadLimits {
  int64_t max_file_bytes = 0;
  size_t max_field_bytes = 256;
};

struct Upload {
  int status = 200;                           // 4xx when refused
  std::string error;                          // why, for the person
  std::map<std::string, std::string> fields;  // the small fields (dataset, year, csrf)
  std::string file_name;                      // as the browser gave it (checked)
  std::string path;                           // where its bytes are; removed by the destructor
  int64_t size = 0;
  Upload() = default;
  Upload(const Upload&) = delete;
  Upload& operator=(const Upload&) = delete;
  ~Upload();
};

// Empty when `name` is fit to keep as a delivery's file name; otherwise why not. Refused: empty,
// longer than 200 bytes, a path (/ \ or ..), control characters, a leading dot, and kinds
// `jbr load` does not read (.csv .tsv .txt .xlsx .ods).
std::string CheckFileName(const std::string& name);

// Reads the body of `req` into `*out`, the file part "file" into a new file in `dir`.
// `before_file` is asked once the fields before the file have been read (the CSRF check); when it
// returns a non-empty message the upload stops there with 403.
void ReadUpload(
    const httplib::Request& req, const httplib::ContentReader& reader, const std::string& dir,
    const UploadLimits& limits,
    const std::function<std::string(const std::map<std::string, std::string>&)>& before_file,
    Upload* out);

}  // namespace jbr::portal
