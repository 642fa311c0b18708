// jbr audit-publication: the intruder's audit of a published directory (src/audit). Exit 0 when
// every suppressed quantity is protected, 1 when some is not (the findings), 2 usage, 3 when the
// publication cannot be read or solved.
#include <iostream>

#include <fmt/format.h>

#include "audit/intruder.h"
#include "cli/command.h"

namespace jbr::cli {
namespace {

struct AuditArgs {
  std::string dir;
  std::vector<std::string> earlier;
  bool no_discover = false;
  std::string format = "text";
  audit::IntruderOptions options;
};

// A publication that cannot be read is a failure of the run (3), never "unsafe" (1).
Status Unreadable(const Status& s) {
  if (s.code() == StatusCode::kInvalidInput) return IoError(s.message());
  return s;
}

Status RunAudit(const AuditArgs& a) {
  JBR_RETURN_IF_ERROR(a.options.Validate().ok() ? Status::Ok()
                                                : UsageError(a.options.Validate().message()));
  std::vector<std::string> dirs = a.earlier;
  if (!a.no_discover && a.earlier.empty()) dirs = audit::DiscoverEarlierReleases(a.dir);
  std::vector<audit::PublishedRelease> earlier;
  for (const std::string& d : dirs) {
    auto r = audit::ReadPublication(d);
    if (!r.ok()) return Unreadable(r.status());
    earlier.push_back(std::move(r).value());
  }
  auto current = audit::ReadPublication(a.dir);
  if (!current.ok()) return Unreadable(current.status());
  auto report = audit::AuditPublication(earlier, *current, a.options);
  if (!report.ok()) return Unreadable(report.status());
  std::cout << (a.format == "json" ? audit::FormatReportJson(*report)
                                   : audit::FormatReportText(*report));
  if (report->safe()) return Status::Ok();
  return InvalidInput(
      fmt::format("{} suppressed quantities can be recovered or narrowed below "
                  "their protection level",
                  report->failures.size()));
}

}  // namespace

void RegisterAuditPublication(CLI::App& app, GlobalOptions& /*g*/, Action& run) {
  auto a = std::make_shared<AuditArgs>();
  auto* cmd = app.add_subcommand(
      "audit-publication",
      "The intruder's audit: can a suppressed cell be recovered from the published open data?");
  cmd->add_option("dir", a->dir, "The publication (jbr publish --out, or a release directory)")
      ->required();
  cmd->add_option("--earlier", a->earlier,
                  "An earlier release's directory, oldest first (repeatable; default: the "
                  "YEAR-N siblings of DIR that come before it)");
  cmd->add_flag("--no-discover", a->no_discover, "Do not look for earlier releases beside DIR");
  cmd->add_option("--format", a->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--protection-percent", a->options.protection.protection_percent,
                  "Protection level, percent of the value")
      ->capture_default_str();
  cmd->add_option("--person-threshold", a->options.person_threshold,
                  "A hidden count below this could be a small group and must leave room for one")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--min-protection", a->options.protection.min_protection,
                  "Protection level, at least this much either way")
      ->capture_default_str();
  cmd->footer(
      "Exit: 0 safe, 1 a suppressed quantity is recovered or under its protection level, 2 usage,"
      " 3 the publication cannot be read.\nExample:\n  jbr audit-publication "
      "jbr-2021/releases/2021-1 --format json");
  cmd->callback([&run, a] { run = [a] { return RunAudit(*a); }; });
}

}  // namespace jbr::cli
