#include "publish/audit_gate.h"

#include <stdlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>
#include <fmt/printf.h>

#include "audit/intruder.h"
#include "audit/publication.h"
#include "common/temp_dir.h"
#include "publish/core/output_dir.h"
#include "publish/opendata/opendata.h"

namespace jbr::publish {
namespace fs = std::filesystem;

Status AuditBeforeWriting(const Publication& pub, const std::vector<std::string>& earlier) {
  // A private directory, removed with everything in it when it goes out of scope.
  JBR_ASSIGN_OR_RETURN(TempDir tmp, TempDir::Make("jbr-audit-"));
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
  // The report year's cells decide. Earlier years appear in the open data as values only (the
  // time series, the "previous" column), and the audit rebuilds their numerators and denominators
  // from the ratios; on the synthetic Rijk that rebuilding has pinned earlier-year cells to values
  // they do not have (docs/disclosure.md, "What it does not do"), so those findings are reported
  // but do not stop the publication.
  const std::string year = std::to_string(pub.run.year);
  std::string first, earlier_years;
  int blocking = 0, other = 0;
  for (const auto& f : report.failures) {
    const std::string line =
        fmt::format("\n  {} {}: {}", f.key.ToString(), audit::QuantityName(f.quantity), f.reason);
    if (f.key.period.rfind(year, 0) == 0) {
      if (++blocking <= 5) first += line;
    } else if (++other <= 5) {
      earlier_years += line;
    }
  }
  if (blocking == 0) {
    fmt::print(stderr,
               "jbr: warning: the intruder's audit judges {} hidden quantities of earlier years "
               "unsafe from their published values alone (not a reason to stop; see jbr "
               "audit-publication):{}\n",
               other, earlier_years);
    return Status::Ok();
  }
  return InvalidInput(fmt::format(
      "the intruder's audit recovers or narrows {} hidden quantities of {} under their protection "
      "level, from the open data{}; nothing was written (jbr publish --unaudited and jbr "
      "audit-publication show the whole report):{}",
      blocking, year,
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
