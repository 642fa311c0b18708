// jbr publish: the latest compute run of a year as open data, the Excel annex and a manifest.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"
#include "indicators/core/reference.h"
#include "indicators/engine.h"
#include "publish/audit_gate.h"
#include "publish/publish.h"

namespace jbr::cli {
namespace {

Status RunPublish(const GlobalOptions& g, const publish::PublishOptions& options) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  publish::PublishOptions o = options;
  o.template_dirs = TemplateDirs(g, *ws, options.template_dirs);
  o.schemas = &ws->schemas();
  o.ministries = &ws->ministries();
  // The intruder's audit reads the workspace's earlier releases beside the new open data.
  o.earlier_releases =
      publish::EarlierReleaseDirs((std::filesystem::path(ws->dir()) / "releases").string(), o.year);
  JBR_ASSIGN_OR_RETURN(
      ReferenceData ref,
      ReferenceData::Load((std::filesystem::path(ws->data_dir()) / "reference").string()));
  JBR_ASSIGN_OR_RETURN(publish::PublishSummary s,
                       publish::Publish(ws->store(), AllDefinitions(ref), o));
  int64_t bytes = 0;
  for (const auto& f : s.files) bytes += f.digest.size;
  std::cout << fmt::format(
      "published compute run {} of {} to {}: {} files, {} bytes; {}/{} lists them with "
      "their SHA-256\n",
      s.run_id, o.year, o.out_dir, s.files.size(), bytes, o.out_dir, publish::kManifestName);
  return Status::Ok();
}

}  // namespace

void RegisterPublish(CLI::App& app, GlobalOptions& g, Action& run) {
  auto o = std::make_shared<publish::PublishOptions>();
  auto* cmd = app.add_subcommand("publish",
                                 "Publish the latest compute run of a year: the report site (nl, "
                                 "en), ICT appendix, open data, Excel annex, manifest");
  cmd->add_option("-y,--year", o->year, "Reporting year")
      ->required()
      ->check(CLI::Range(1990, 2100));
  cmd->add_option("-o,--out", o->out_dir,
                  "Output directory (new, empty, or an earlier publication)")
      ->required();
  cmd->add_flag(
      "--no-pdf", [o](int64_t n) { o->pdf = n == 0; },
      "Leave out the PDFs (they need Chromium and take most of the time)");
  cmd->add_option("--templates", o->template_dirs,
                  "A directory of narrative and layout to use before the workspace's templates/ "
                  "and jbr's own (repeatable)");
  cmd->add_flag(
      "--unaudited", [o](int64_t n) { o->audit = n == 0; },
      "Write the publication even where the intruder's audit fails, to inspect it with jbr "
      "audit-publication (never for release: jbr release always audits)");
  cmd->footer("Example:\n  jbr compute --year 2020 && jbr publish --year 2020 --out site-2020");
  cmd->callback([&g, &run, o] { run = [&g, o] { return RunPublish(g, *o); }; });
}

}  // namespace jbr::cli
