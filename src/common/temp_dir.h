// A temporary directory: made under the system's temporary directory (mkdtemp, so the name is
// new and only its owner can enter it) and removed with everything in it when the object goes.
// One helper for every temporary directory jbr and its tests make.
#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

namespace jbr {

class TempDir {
 public:
  // Makes "TMP/<prefix>XXXXXX" (TMP: std::filesystem::temp_directory_path). Errors: I/O when it
  // cannot be made.
  static Result<TempDir> Make(std::string_view prefix);

  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&& other) noexcept;
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::string& path() const { return path_; }
  // PATH/name, for a file or directory inside it.
  std::string File(std::string_view name) const;

 private:
  explicit TempDir(std::string path) : path_(std::move(path)) {}
  void Remove();
  std::string path_;
};

}  // namespace jbr
