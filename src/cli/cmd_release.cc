// jbr release: freeze the latest compute run of a year as a numbered release, or rebuild one;
// jbr releases: list them (or print one's recorded manifest).
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/command.h"
#include "indicators/core/reference.h"
#include "indicators/engine.h"
#include "publish/release.h"

namespace jbr::cli {
namespace {

struct ReleaseArgs {
  int year = 0;
  int number = 0;  // 0: a new release
  std::string out_dir;
  std::vector<std::string> templates;
  bool no_pdf = false;
};

struct ListArgs {
  int year = 0;      // 0: every year
  int manifest = 0;  // a release number: print its manifest
};

Status RunRelease(const GlobalOptions& g, const ReleaseArgs& a) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  JBR_ASSIGN_OR_RETURN(
      ReferenceData ref,
      ReferenceData::Load((std::filesystem::path(ws->data_dir()) / "reference").string()));
  publish::ReleaseOptions o;
  o.year = a.year;
  if (a.number > 0) o.number = a.number;
  o.out_dir = a.out_dir;
  o.releases_root = (std::filesystem::path(ws->dir()) / "releases").string();
  o.created_at = NowUtc(g);
  o.actor = g.actor;
  o.template_dirs = TemplateDirs(g, *ws, a.templates);
  o.pdf = !a.no_pdf;
  o.schemas = &ws->schemas();
  o.ministries = &ws->ministries();
  const auto defs = AllDefinitions(ref);
  JBR_ASSIGN_OR_RETURN(publish::ReleaseSummary s,
                       o.number ? publish::RebuildRelease(ws->store(), defs, o)
                                : publish::MakeRelease(ws->store(), defs, o));
  std::cout << fmt::format("release {}-{} of compute run {} {} {}: {} files, {} restatements{}\n",
                           s.release.year, s.release.number, s.release.run_id,
                           o.number ? "rebuilt in" : "written to", s.out_dir,
                           s.published.files.size(), s.published.restatements,
                           o.number ? "; identical to the recorded manifest" : "");
  return Status::Ok();
}

Status RunReleases(const GlobalOptions& g, const ListArgs& a) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  std::optional<int> year;
  if (a.year > 0) year = a.year;
  JBR_ASSIGN_OR_RETURN(auto list, ws->store()->ListReleases(year));
  if (a.manifest > 0) {
    for (const auto& r : list) {
      if (r.number != a.manifest) continue;
      std::cout << r.manifest;
      return Status::Ok();
    }
    return NotFound(fmt::format("there is no release {}-{}", a.year, a.manifest));
  }
  std::cout << fmt::format("{:<9} {:>5} {:<21} {:<18} {}\n", "release", "run", "created",
                           "definitions", "emission factors");
  for (const auto& r : list) {
    std::cout << fmt::format("{:<9} {:>5} {:<21} {:<18} {}\n",
                             fmt::format("{}-{}", r.year, r.number), r.run_id, r.created_at,
                             r.definition_version, r.factor_vintage);
  }
  if (list.empty()) std::cout << "no releases yet: jbr release --year YEAR makes one\n";
  return Status::Ok();
}

}  // namespace

void RegisterRelease(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<ReleaseArgs>();
  auto* cmd = app.add_subcommand(
      "release", "Release the latest compute run of a year (or rebuild release --number)");
  cmd->add_option("-y,--year", a->year, "Reporting year")
      ->required()
      ->check(CLI::Range(1990, 2100));
  cmd->add_option("-n,--number", a->number, "Rebuild this release from its recorded run")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("-o,--out", a->out_dir,
                  "Output directory (default: WORKSPACE/releases/YEAR-NUMBER)");
  cmd->footer(
      "Examples:\n  jbr release --year 2020\n  jbr release --year 2020 --number 1 --out "
      "/tmp/check");
  cmd->add_flag("--no-pdf", a->no_pdf, "Leave out the PDFs (a rebuild must leave them out too)");
  cmd->add_option("--templates", a->templates,
                  "A directory of narrative and layout to use before the workspace's templates/ "
                  "and jbr's own (repeatable)");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunRelease(g, *a); }; });

  auto l = std::make_shared<ListArgs>();
  auto* list = app.add_subcommand("releases", "List the releases, or print one's manifest");
  list->add_option("-y,--year", l->year, "Only this year")->check(CLI::Range(1990, 2100));
  list->add_option("--manifest", l->manifest, "Print the recorded manifest of this release number")
      ->needs(list->get_option("--year"));
  list->footer("Example:\n  jbr releases --year 2020");
  list->callback([&g, &run, l] { run = [&g, l] { return RunReleases(g, *l); }; });
}

}  // namespace jbr::cli
