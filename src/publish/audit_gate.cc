#include "publish/audit_gate.h"

#include <stdlib.h>

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "audit/intruder.h"
#include "audit/publication.h"
#include "publish/opendata.h"
#include "publish/output_dir.h"

namespace jbr::publish {
namespace fs = std::filesystem;

namespace {

// A private directory that is removed with everything in it when it goes out of scope.
class TempDir {
 public:
  static Result<TempDir> Make() {
    std::string pattern = (fs::temp_directory_path() / "jbr-audit-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return IoError("cannot make a temporary directory");
    return TempDir(pattern);
  }
  TempDir(TempDir&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  TempDir(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  explicit TempDir(std::string p) : path_(std::move(p)) {}
  std::string path_;
};

}  // namespace

Status AuditBeforeWriting(const Publication& pub, const std::vector<std::string>& earlier) {
  JBR_ASSIGN_OR_RETURN(TempDir tmp, TempDir::Make());
  JBR_ASSIGN_OR_RETURN(OutputDir out, OutputDir::Prepare(tmp.path()));
  JBR_RETURN_IF_ERROR(WriteOpenData(pub, &out));
  JBR_ASSIGN_OR_RETURN(audit::PublishedRelease current, audit::ReadPublication(tmp.path()));
  std::vector<audit::PublishedRelease> before;
  for (const std::string& dir : earlier) {
    JBR_ASSIGN_OR_RETURN(audit::PublishedRelease r, audit::ReadPublication(dir));
    before.push_back(std::move(r));
  }
  JBR_ASSIGN_OR_RETURN(audit::IntruderReport report,
                       audit::AuditPublication(before, current, audit::IntruderOptions{}));
  if (report.safe()) return Status::Ok();
  std::string first;
  for (size_t i = 0; i < report.failures.size() && i < 5; ++i) {
    const auto& f = report.failures[i];
    first += fmt::format("\n  {} {}: {}", f.key.ToString(), audit::QuantityName(f.quantity), f.reason);
  }
  return InvalidInput(fmt::format(
      "the intruder's audit recovers {} hidden quantities exactly and narrows {} under their "
      "protection level, from the open data{}; nothing was written (jbr audit-publication shows "
      "the whole report):{}",
      report.exact_recoveries, report.under_protection,
      earlier.empty() ? "" : fmt::format(" and {} earlier releases", earlier.size()), first));
}

std::vector<std::string> EarlierReleaseDirs(const std::string& releases_root, int year) {
  std::vector<std::pair<std::pair<int, int>, std::string>> found;
  std::error_code ec;
  for (fs::directory_iterator it(releases_root, ec), end; !ec && it != end; it.increment(ec)) {
    auto name = audit::ParseReleaseName(it->path().filename().string());
    if (!name || name->first >= year) continue;
    if (!fs::is_regular_file(it->path() / "opendata" / "indicators.csv", ec)) continue;
    found.emplace_back(*name, it->path().string());
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

}  // namespace jbr::publish
