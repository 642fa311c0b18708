#include "common/temp_dir.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fmt/format.h>

namespace jbr {

namespace fs = std::filesystem;

Result<TempDir> TempDir::Make(std::string_view prefix) {
  std::error_code ec;
  const fs::path tmp = fs::temp_directory_path(ec);
  if (ec) return IoError(fmt::format("no temporary directory: {}", ec.message()));
  std::string pattern = (tmp / (std::string(prefix) + "XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return IoError(
        fmt::format("cannot create a temporary directory ({}): {}", pattern, std::strerror(errno)));
  }
  return TempDir(std::move(pattern));
}

TempDir::TempDir(TempDir&& other) noexcept : path_(std::exchange(other.path_, {})) {}

TempDir& TempDir::operator=(TempDir&& other) noexcept {
  if (this != &other) {
    Remove();
    path_ = std::exchange(other.path_, {});
  }
  return *this;
}

TempDir::~TempDir() { Remove(); }

std::string TempDir::File(std::string_view name) const { return (fs::path(path_) / name).string(); }

void TempDir::Remove() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);  // best effort: a destructor cannot report
  path_.clear();
}

}  // namespace jbr
