// jbr import: turn published open data into deliveries, loaded the normal way (validated, stored,
// superseding, audited). One sub-subcommand per source:
//   jbr import apparaatskosten FILE   the Ministry of Finance's apparatus spend per cost type
//                                     (2014-2015) as external_hire deliveries per ministry and year
//   jbr import ict-dashboard FILE     the Rijks ICT-dashboard's Activiteitenoverzicht (XLSX or
//                                     CSV) as ict_activities and ict_records per ministry
// Exit 1 when the input has errors (then nothing is loaded) or a generated delivery is rejected.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "importers/apparaatskosten.h"
#include "importers/ict_dashboard.h"

namespace jbr::cli {
namespace {

struct ApparaatskostenArgs {
  std::string file;
  std::string by;
  ReportOptions report;
};

const char* OutcomeName(LoadOutcome outcome) {
  switch (outcome) {
    case LoadOutcome::kAccepted:
      return "accepted";
    case LoadOutcome::kIdentical:
      return "identical";
    case LoadOutcome::kRejected:
      return "rejected";
  }
  return "rejected";
}

// Hire as a percentage of own personnel plus hire (the Roemernorm share); 0 when both are 0.
double HireSharePct(const ApparaatskostenDelivery& d) {
  const double total = d.own_personnel_eur + d.hire_eur;
  return total == 0 ? 0.0 : 100.0 * d.hire_eur / total;
}

// Whole euros with thousands separators: 1234567.89 -> "1,234,568".
std::string Euros(double amount) {
  std::string digits = fmt::format("{:.0f}", std::fabs(amount));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return (amount <= -0.5 ? "-" : "") + digits;
}

void PrintText(const ApparaatskostenResult& r, const CollectingSink& sink,
               const std::string& name) {
  if (sink.total() > 0) PrintFindingsText(std::cout, sink);
  if (sink.errors() > 0 && r.deliveries.empty()) {
    std::cout << fmt::format("{} has errors: nothing was loaded\n", name);
    return;
  }
  std::cout << fmt::format("{}: {} rows, {} of them ignored (not personnel or hire)\n", name,
                           r.rows_read, r.rows_ignored);
  for (const auto& d : r.deliveries) {
    const std::string id = d.delivery_id > 0 ? std::to_string(d.delivery_id) : "-";
    std::cout << fmt::format(
        "{:<5} {}  delivery {:>5}  {:<9}  own personnel EUR {:>15}  hire EUR {:>13}  "
        "hire share {:5.1f}%\n",
        d.ministry, d.year, id, OutcomeName(d.outcome), Euros(d.own_personnel_eur),
        Euros(d.hire_eur), HireSharePct(d));
  }
}

nlohmann::json Verdict(const ApparaatskostenResult& r, const std::string& name) {
  nlohmann::json deliveries = nlohmann::json::array();
  for (const auto& d : r.deliveries) {
    nlohmann::json j = {{"ministry", d.ministry}, {"year", d.year},
                        {"file", d.file_name},    {"outcome", OutcomeName(d.outcome)},
                        {"rows", d.rows},         {"own_personnel_eur", d.own_personnel_eur},
                        {"hire_eur", d.hire_eur}, {"hire_share_pct", HireSharePct(d)}};
    if (d.delivery_id > 0) j["delivery"] = d.delivery_id;
    deliveries.push_back(std::move(j));
  }
  return {{"file", name},
          {"source", "apparaatskosten"},
          {"dataset", "external_hire"},
          {"rows", r.rows_read},
          {"rows_ignored", r.rows_ignored},
          {"deliveries", std::move(deliveries)}};
}

Status RunApparaatskosten(const GlobalOptions& g, const ApparaatskostenArgs& a) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  ApparaatskostenOptions options;
  if (!a.by.empty()) options.delivered_by = a.by;
  options.clock = g.clock.get();
  options.display_name = std::filesystem::path(a.file).filename().string();
  CollectingSink sink(a.report.max_findings);
  JBR_ASSIGN_OR_RETURN(ApparaatskostenResult r,
                       ImportApparaatskosten(ws.get(), a.file, options, &sink));
  if (a.report.format == "json") {
    PrintFindings(std::cout, sink, a.report, Verdict(r, options.display_name).dump());
  } else {
    PrintText(r, sink, options.display_name);
  }
  return sink.errors() > 0 ? InvalidInput("") : Status::Ok();
}

void RegisterApparaatskosten(CLI::App* import, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<ApparaatskostenArgs>();
  auto* cmd = import->add_subcommand(
      "apparaatskosten",
      "Ministry of Finance open data 'Uitsplitsing apparaat in kostensoorten' (2014-2015) as "
      "external_hire deliveries, one per ministry and year");
  cmd->add_option("FILE", a->file, "apparaatskosten.csv (comma-delimited, amounts in EUR 1000)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--by", a->by, fmt::format("Who delivers (default: {})", kApparaatskostenActor));
  AddReportOptions(cmd, &a->report);
  cmd->footer(
      "Cost types and budget chapters are mapped by data/import/apparaatskosten-kostensoorten.csv "
      "and\ndata/import/apparaatskosten-hoofdstukken.csv; a value missing there is an error and "
      "nothing is loaded.\nExample:\n  jbr import apparaatskosten apparaatskosten.csv");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunApparaatskosten(g, *a); }; });
}

struct IctDashboardArgs {
  std::string file;
  std::string by;
  int year = 0;  // 0: from the file
  ReportOptions report;
};

nlohmann::json IctVerdict(const IctDashboardResult& r, const std::string& name) {
  nlohmann::json deliveries = nlohmann::json::array();
  for (const auto& d : r.deliveries) {
    nlohmann::json j = {{"ministry", d.ministry},
                        {"dataset", d.dataset},
                        {"file", d.file_name},
                        {"outcome", OutcomeName(d.outcome)},
                        {"rows", d.rows}};
    if (d.delivery_id > 0) j["delivery"] = d.delivery_id;
    deliveries.push_back(std::move(j));
  }
  return {{"file", name},
          {"source", "ict-dashboard"},
          {"year", r.year},
          {"rows", r.rows_read},
          {"deliveries", std::move(deliveries)}};
}

void PrintIctText(const IctDashboardResult& r, const CollectingSink& sink,
                  const std::string& name) {
  if (sink.total() > 0) PrintFindingsText(std::cout, sink);
  if (sink.errors() > 0 && r.deliveries.empty()) {
    std::cout << fmt::format("{} has errors: nothing was loaded\n", name);
    return;
  }
  std::cout << fmt::format("{}: {} activities, year {}\n", name, r.rows_read, r.year);
  for (const auto& d : r.deliveries) {
    const std::string id = d.delivery_id > 0 ? std::to_string(d.delivery_id) : "-";
    std::cout << fmt::format("{:<5} {:<15} delivery {:>5}  {:<9}  {} rows\n", d.ministry, d.dataset,
                             id, OutcomeName(d.outcome), d.rows);
  }
}

Status RunIctDashboard(const GlobalOptions& g, const IctDashboardArgs& a) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  IctDashboardOptions options;
  if (!a.by.empty()) options.delivered_by = a.by;
  if (a.year != 0) options.year = a.year;
  options.clock = g.clock.get();
  options.display_name = std::filesystem::path(a.file).filename().string();
  CollectingSink sink(a.report.max_findings);
  JBR_ASSIGN_OR_RETURN(IctDashboardResult r, ImportIctDashboard(ws.get(), a.file, options, &sink));
  if (a.report.format == "json") {
    PrintFindings(std::cout, sink, a.report, IctVerdict(r, options.display_name).dump());
  } else {
    PrintIctText(r, sink, options.display_name);
  }
  const bool rejected = std::any_of(r.deliveries.begin(), r.deliveries.end(), [](const auto& d) {
    return d.outcome == LoadOutcome::kRejected;
  });
  return sink.errors() > 0 || rejected ? InvalidInput("") : Status::Ok();
}

void RegisterIctDashboard(CLI::App* import, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<IctDashboardArgs>();
  auto* cmd = import->add_subcommand(
      "ict-dashboard",
      "The Rijks ICT-dashboard's open-data overview (sheet Activiteitenoverzicht, XLSX or CSV) as "
      "ict_activities and ict_records deliveries, one of each per ministry");
  cmd->add_option("FILE", a->file, "ict-activiteitenoverzicht.xlsx or .csv")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--year", a->year,
                  "The deliveries' year (default: the year of the latest Peildatum)")
      ->check(CLI::Range(1900, 9999));
  cmd->add_option("--by", a->by, fmt::format("Who delivers (default: {})", kIctDashboardActor));
  AddReportOptions(cmd, &a->report);
  cmd->footer(
      "Headers are matched by name; dates dd-mm-yyyy, amounts in EUR million. With any error "
      "nothing is loaded.\nExample:\n  jbr import ict-dashboard ict-activiteitenoverzicht.xlsx "
      "--year 2024");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunIctDashboard(g, *a); }; });
}

}  // namespace

void RegisterImport(CLI::App& app, GlobalOptions& g, Action& run) {
  auto* cmd = app.add_subcommand("import", "Import published open data as deliveries");
  cmd->require_subcommand(1);
  RegisterApparaatskosten(cmd, g, run);
  RegisterIctDashboard(cmd, g, run);
}

}  // namespace jbr::cli
