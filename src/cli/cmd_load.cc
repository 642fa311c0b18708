// jbr load: validate a delivery and, when it has no errors, store it (all or nothing).
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/delivery_args.h"
#include "store/load.h"

namespace jbr::cli {
namespace {

struct LoadArgs {
  DeliveryArgs delivery;
  std::string by;
  std::string file;
  ReadOptions read;
  ReportOptions report;
};

Status RunLoad(const GlobalOptions& g, const LoadArgs& a) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  JBR_ASSIGN_OR_RETURN(ResolvedDelivery d,
                       ResolveDelivery(a.delivery, ws->schemas(), ws->ministries(), true));
  LoadRequest req;
  req.dataset = d.schema->name;
  req.ministry = d.ministry;
  req.year = *d.year;
  req.delivered_by = a.by.empty() ? g.actor : a.by;
  req.path = a.file;
  req.display_name = std::filesystem::path(a.file).filename().string();
  req.received_at = NowUtc(g);
  JBR_ASSIGN_OR_RETURN(req.options, a.read.ToValidateOptions());
  CollectingSink sink(a.report.max_findings);
  auto progress = a.report.format == "text" ? MakeProgress("loading " + req.display_name, a.file)
                                            : ProgressFn();
  auto loaded = LoadDelivery(ws->store(), ws->schemas(), *d.schema, req, &sink, progress);
  EndProgress(progress);
  JBR_RETURN_IF_ERROR(loaded.status());
  const LoadResult& r = *loaded;
  const char* outcome = r.outcome == LoadOutcome::kAccepted    ? "accepted"
                        : r.outcome == LoadOutcome::kIdentical ? "identical"
                                                               : "rejected";
  if (a.report.format == "json") {
    nlohmann::json verdict = {{"file", req.display_name},
                              {"dataset", req.dataset},
                              {"ministry", req.ministry},
                              {"year", req.year},
                              {"outcome", outcome}};
    if (r.outcome != LoadOutcome::kRejected) {
      verdict["delivery"] = {
          {"id", r.delivery.id}, {"sha256", r.delivery.sha256}, {"rows", r.delivery.row_count}};
      if (r.delivery.supersedes) verdict["delivery"]["supersedes"] = *r.delivery.supersedes;
    }
    PrintFindings(std::cout, sink, a.report, verdict.dump());
  } else {
    if (sink.total() > 0) PrintFindingsText(std::cout, sink);
    switch (r.outcome) {
      case LoadOutcome::kIdentical:
        std::cout << fmt::format("{} is identical to delivery {} (sha256 {}); nothing changed\n",
                                 req.display_name, r.delivery.id, r.delivery.sha256);
        break;
      case LoadOutcome::kAccepted:
        std::cout << fmt::format(
            "accepted {} as delivery {}: {} {} {}, {} rows, sha256 {}{}\n", req.display_name,
            r.delivery.id, req.dataset, req.ministry, req.year, r.delivery.row_count,
            r.delivery.sha256,
            r.delivery.supersedes ? fmt::format(" (supersedes delivery {})", *r.delivery.supersedes)
                                  : "");
        break;
      case LoadOutcome::kRejected:
        std::cout << fmt::format("rejected {}: nothing was stored\n", req.display_name);
        break;
    }
  }
  return r.outcome == LoadOutcome::kRejected ? InvalidInput("") : Status::Ok();
}

}  // namespace

void RegisterLoad(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<LoadArgs>();
  auto* cmd = app.add_subcommand(
      "load", "Validate a delivery and store it; with errors nothing changes (exit 1)");
  AddDeliveryArgs(cmd, &a->delivery, true);
  cmd->add_option("--by", a->by, "Who delivers (default: $JBR_USER or $USER)");
  cmd->add_option("FILE", a->file, "CSV, XLSX or ODS file")->required()->check(DeliveryFile());
  AddReadOptions(cmd, &a->read);
  AddReportOptions(cmd, &a->report);
  cmd->footer(
      "Example:\n  jbr load --dataset personnel --ministry BZK --year 2020 --by 'A. de Vries' "
      "personeel.csv");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunLoad(g, *a); }; });
}

}  // namespace jbr::cli
