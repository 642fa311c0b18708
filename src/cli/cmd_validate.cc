// jbr validate: check a delivery file without storing it.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/delivery_args.h"
#include "common/paths.h"
#include "store/load.h"

namespace jbr::cli {
namespace {

struct ValidateArgs {
  DeliveryArgs delivery;
  std::string file;
  ReadOptions read;
  ReportOptions report;
};

Status RunValidate(const GlobalOptions& g, const ValidateArgs& a) {
  JBR_ASSIGN_OR_RETURN(ValidateOptions options, a.read.ToValidateOptions());
  // Inside a workspace the references to other datasets are checked too; outside one, not.
  std::unique_ptr<Workspace> ws;
  auto opened = OpenWorkspace(g);
  if (opened.ok()) {
    ws = std::move(opened).value();
  } else if (!g.workspace.empty() || opened.status().code() != StatusCode::kNotFound) {
    return opened.status();
  }
  SchemaRegistry own_schemas;
  MinistryRegistry own_ministries;
  if (!ws) {
    JBR_ASSIGN_OR_RETURN(own_schemas, LoadSchemas(g.data_dir));
    JBR_ASSIGN_OR_RETURN(own_ministries, LoadMinistries(g.data_dir));
  }
  const SchemaRegistry& schemas = ws ? ws->schemas() : own_schemas;
  const MinistryRegistry& ministries = ws ? ws->ministries() : own_ministries;
  JBR_ASSIGN_OR_RETURN(ResolvedDelivery d, ResolveDelivery(a.delivery, schemas, ministries, false));

  CollectingSink sink(a.report.max_findings);
  std::unique_ptr<StoreReferences> refs;
  if (ws && d.year)
    refs = std::make_unique<StoreReferences>(ws->store(), &ws->schemas(), d.ministry, *d.year);
  std::string name = std::filesystem::path(a.file).filename().string();
  auto progress =
      a.report.format == "text" ? MakeProgress("validating " + name, a.file) : ProgressFn();
  auto summary = ValidateFile(*d.schema, a.file, name, DeliveryContext{d.ministry, d.year}, options,
                              refs.get(), &sink, nullptr, progress);
  EndProgress(progress);
  if (!summary.ok() && summary.status().code() != StatusCode::kInvalidInput)
    return summary.status();
  nlohmann::json verdict = {
      {"file", name}, {"dataset", d.schema->name}, {"valid", sink.errors() == 0}};
  if (summary.ok()) {
    verdict["rows"] = summary->rows;
    verdict["read_as"] = nlohmann::json::parse(DescribeFormat(*summary));
  }
  PrintFindings(std::cout, sink, a.report, verdict.dump());
  if (sink.errors() > 0) return InvalidInput("");
  if (a.report.format == "text") {
    std::cout << fmt::format("{}: valid {} delivery, {} rows\n", name, d.schema->name,
                             summary->rows);
  }
  return Status::Ok();
}

}  // namespace

void RegisterValidate(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<ValidateArgs>();
  auto* cmd = app.add_subcommand(
      "validate", "Check a delivery file without storing it (exit 1 when it has errors)");
  AddDeliveryArgs(cmd, &a->delivery, false);
  cmd->add_option("FILE", a->file, "CSV, XLSX or ODS file")->required()->check(DeliveryFile());
  AddReadOptions(cmd, &a->read);
  AddReportOptions(cmd, &a->report);
  cmd->footer(
      "Example:\n  jbr validate --dataset personnel --ministry BZK --year 2020 personeel.csv");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunValidate(g, *a); }; });
}

}  // namespace jbr::cli
