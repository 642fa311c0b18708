#include "publish/core/output_dir.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/file.h"

namespace jbr::publish {
namespace {

namespace fs = std::filesystem;

Result<std::string> ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("cannot read {}", path.string()));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A manifest path stays inside the directory: relative, without "..".
bool Inside(const std::string& relative) {
  const fs::path p(relative);
  if (relative.empty() || p.is_absolute()) return false;
  return std::none_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".."; });
}

Status RemovePrevious(const fs::path& root) {
  JBR_ASSIGN_OR_RETURN(std::string text, ReadText(root / kManifestName));
  const auto manifest = nlohmann::json::parse(text, nullptr, false);
  if (!manifest.is_object() || !manifest.contains("files") || !manifest["files"].is_array()) {
    return UsageError(
        fmt::format("{} is not a jbr publication manifest; choose an empty or new directory",
                    (root / kManifestName).string()));
  }
  std::error_code ec;
  for (const auto& f : manifest["files"]) {
    const std::string rel = f.value("path", "");
    if (!Inside(rel))
      return UsageError(
          fmt::format("{} names '{}', outside it", (root / kManifestName).string(), rel));
    fs::remove(root / rel, ec);
    if (ec)
      return IoError(fmt::format("cannot remove {}: {}", (root / rel).string(), ec.message()));
  }
  fs::remove(root / kManifestName, ec);
  if (ec)
    return IoError(
        fmt::format("cannot remove {}: {}", (root / kManifestName).string(), ec.message()));
  return Status::Ok();
}

}  // namespace

Result<OutputDir> OutputDir::Prepare(const std::string& root) {
  std::error_code ec;
  const fs::path dir(root);
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    return UsageError(fmt::format("{} is not a directory", root));
  }
  if (fs::exists(dir / kManifestName, ec)) {
    JBR_RETURN_IF_ERROR(RemovePrevious(dir));
  } else if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) {
    return UsageError(
        fmt::format("{} is not empty and holds no earlier publication; choose an empty or new "
                    "directory",
                    root));
  }
  fs::create_directories(dir, ec);
  if (ec) return IoError(fmt::format("cannot create {}: {}", root, ec.message()));
  return OutputDir(root);
}

Result<std::string> OutputDir::PathFor(const std::string& relative) const {
  const fs::path path = fs::path(root_) / relative;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return IoError(fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()));
  return path.string();
}

Status OutputDir::Write(const std::string& relative, std::string_view bytes) {
  JBR_ASSIGN_OR_RETURN(std::string path, PathFor(relative));
  JBR_RETURN_IF_ERROR(WriteFileBytes(path, bytes));
  return Record(relative);
}

Status OutputDir::Record(const std::string& relative) {
  JBR_ASSIGN_OR_RETURN(FileDigest digest, DigestFile((fs::path(root_) / relative).string()));
  std::lock_guard lock(*mu_);
  files_.push_back({relative, digest});
  return Status::Ok();
}

std::vector<WrittenFile> OutputDir::files() const {
  std::vector<WrittenFile> out;
  {
    std::lock_guard lock(*mu_);
    out = files_;
  }
  std::sort(out.begin(), out.end(),
            [](const WrittenFile& a, const WrittenFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace jbr::publish
