// The directory a publication is written to, and the record of every file written into it, from
// which the manifest is made.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/sha256.h"

namespace jbr::publish {

struct WrittenFile {
  std::string path;  // relative to the directory, with '/'
  FileDigest digest;
};

class OutputDir {
 public:
  // Prepares `root`: creates it when absent. A directory that is not empty must hold a previous
  // publication (a manifest.json); the files that manifest lists are removed, so that no stale file
  // outlives its manifest. Anything else there is a usage error: jbr never deletes what it did
  // not write.
  static Result<OutputDir> Prepare(const std::string& root);

  // Writes `bytes` to root/relative (creating parents) and records its digest.
  Status Write(const std::string& relative, std::string_view bytes);
  // For writers that write a file themselves (the Excel annex): the full path to write to, with
  // its parents created; then Record.
  Result<std::string> PathFor(const std::string& relative) const;
  Status Record(const std::string& relative);

  const std::string& root() const { return root_; }
  // Sorted by path, so the order in which files were written does not matter. Write and Record
  // may be called from several threads at once (the PDFs of the two languages print side by side).
  std::vector<WrittenFile> files() const;

 private:
  explicit OutputDir(std::string root) : root_(std::move(root)) {}
  std::string root_;
  std::shared_ptr<std::mutex> mu_ = std::make_shared<std::mutex>();  // movable, unlike a mutex
  std::vector<WrittenFile> files_;
};

inline constexpr const char* kManifestName = "manifest.json";

}  // namespace jbr::publish
