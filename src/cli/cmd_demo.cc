// jbr demo: the main job on the embedded default, end to end: a fresh workspace, the synthetic
// Rijk of 2018-2021 (or the deliveries of --samples), every delivery loaded, every year computed,
// and the key figures of the latest year.
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "cli/command.h"
#include "common/paths.h"
#include "indicators/engine.h"
#include "portal/accounts.h"
#include "portal/security.h"
#include "publish/publish.h"
#include "store/load.h"
#include "synth/synth.h"

namespace jbr::cli {
namespace {

namespace fs = std::filesystem;

struct DemoArgs {
  std::string samples;
  std::string years = "2018-2021";
  double scale = 1.0;
  uint64_t seed = 1;
  bool no_serve = false;
  bool no_pdf = false;
  int port = 8080;
};

// A fresh workspace: an old demo workspace is replaced, anything else is left alone. With --store
// its store is that one, which must be empty (a database is never emptied by the demo).
Result<std::unique_ptr<Workspace>> FreshWorkspace(const GlobalOptions& g, const std::string& dir) {
  const std::string& store = g.store;
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::exists(fs::path(dir) / "jbr.json", ec) && !fs::is_empty(dir, ec)) {
      return UsageError(
          fmt::format("{} exists and is not a jbr workspace; choose another --workspace", dir));
    }
    fs::remove_all(dir, ec);
    if (ec)
      return IoError(fmt::format("cannot remove the old demo workspace {}: {}", dir, ec.message()));
  }
  JBR_ASSIGN_OR_RETURN(auto ws, Workspace::Create(dir, store, g.data_dir));
  JBR_ASSIGN_OR_RETURN(auto deliveries, ws->store()->ListDeliveries({}));
  JBR_ASSIGN_OR_RETURN(auto runs, ws->store()->ListComputeRuns());
  if (!deliveries.empty() || !runs.empty()) {
    return UsageError(fmt::format("the demo needs an empty store, and {} is not", store));
  }
  return ws;
}

// Loads every delivery of a manifest, in its order; a rejected delivery stops the demo.
Status LoadAll(const GlobalOptions& g, Workspace* ws, const std::string& dir,
               const std::vector<synth::SynthFile>& manifest) {
  std::map<int, std::pair<size_t, int64_t>> per_year;  // deliveries and rows
  size_t warnings = 0, n = 0;
  for (const auto& e : manifest) {
    ++n;
    const DatasetSchema* schema = ws->schemas().Find(e.dataset);
    if (schema == nullptr)
      return InvalidInput(fmt::format("manifest names unknown dataset {}", e.dataset));
    LoadRequest req;
    req.dataset = schema->name;
    req.ministry = e.ministry;
    req.year = e.year;
    req.delivered_by = "demo";
    req.path = (fs::path(dir) / e.file).string();
    req.display_name = fs::path(e.file).filename().string();
    req.received_at = NowUtc(g);
    CollectingSink sink(20);
    auto progress =
        MakeProgress(fmt::format("[{}/{}] loading {}", n, manifest.size(), e.file), req.path);
    JBR_ASSIGN_OR_RETURN(auto r,
                         LoadDelivery(ws->store(), ws->schemas(), *schema, req, &sink, progress));
    EndProgress(progress);
    if (r.outcome == LoadOutcome::kRejected) {
      PrintFindingsText(std::cout, sink);
      return InvalidInput(fmt::format("delivery {} was rejected", e.file));
    }
    warnings += sink.warnings();
    per_year[e.year].first += 1;
    per_year[e.year].second += r.delivery.row_count;
  }
  for (const auto& [year, count] : per_year) {
    std::cout << fmt::format("loaded {}: {} deliveries, {} rows\n", year, count.first,
                             count.second);
  }
  std::cout << fmt::format("{} warnings in all (jbr deliveries lists every delivery)\n", warnings);
  return Status::Ok();
}

// The Rijk's figure of an indicator for the whole year (no unit type, period or category).
const IndicatorValue* RijkValue(const ComputeResult& r, const std::string& indicator) {
  for (const auto& v : r.values) {
    if (v.indicator == indicator && v.ministry == "Rijk" && v.unit_type.empty() &&
        v.category.empty() && v.period == std::to_string(r.year)) {
      return &v;
    }
  }
  return nullptr;
}

// A number with `decimals` decimals; whole numbers with thousands separated, as the report writes
// them.
std::string Number(double value, int decimals) {
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (decimals == 0) {
    for (int i = static_cast<int>(text.size()) - 3; i > (text[0] == '-' ? 1 : 0); i -= 3) {
      text.insert(static_cast<size_t>(i), ",");
    }
  }
  return text;
}

std::string Figure(const IndicatorValue* v, int decimals, const std::string& unit = "") {
  if (v == nullptr || !v->value) return v == nullptr ? "(not computed)" : v->status;
  std::string text = Number(*v->value, decimals) + unit;
  if (v->previous)
    text += fmt::format(" (previous year {}{})", Number(*v->previous, decimals), unit);
  return text;
}

void PrintSummary(const ComputeResult& r) {
  std::cout << fmt::format("\nKey figures {} (Rijk; jbr compute --year {} shows every figure)\n",
                           r.year, r.year);
  std::cout << fmt::format("  staff (persons, 31 Dec)        {}\n",
                           Figure(RijkValue(r, "personnel.headcount"), 0));
  std::cout << fmt::format("  full-time equivalents          {}\n",
                           Figure(RijkValue(r, "personnel.fte"), 0));
  std::cout << fmt::format("  sickness absence               {}\n",
                           Figure(RijkValue(r, "absence.rate"), 1, "%"));
  const IndicatorValue* hire = RijkValue(r, "hire.share");
  std::cout << fmt::format("  external hire share            {} against the norm of 10%{}\n",
                           Figure(hire, 1, "%"),
                           hire != nullptr && hire->flag == "above_norm" ? ": above it" : "");
  std::cout << fmt::format("  CO2 of mobility (tonnes)       {}\n",
                           Figure(RijkValue(r, "co2.mobility"), 0));
  std::cout << fmt::format("  large ICT activities           {}\n",
                           Figure(RijkValue(r, "ict.activities"), 0));
  std::cout << fmt::format("  ICT cost change vs initial     {}\n",
                           Figure(RijkValue(r, "ict.cost_change"), 1, "%"));
  if (r.factor_vintage.find("illustrative") != std::string::npos) {
    std::cout << "  (CO2 with illustrative emission factors until an official list is loaded)\n";
  }
}

Status RunDemo(const GlobalOptions& g, const DemoArgs& a) {
  const std::string dir = g.workspace.empty() ? "demo-workspace" : g.workspace;
  JBR_ASSIGN_OR_RETURN(auto ws, FreshWorkspace(g, dir));
  std::cout << fmt::format("workspace {} created\n", dir);
  std::string deliveries = a.samples;
  std::set<int> years;  // the years computed: those asked for, or every year of the samples
  if (deliveries.empty()) {
    JBR_ASSIGN_OR_RETURN(auto asked, ParseYears(a.years));
    synth::SynthOptions o;
    o.first_year = asked.first;
    o.last_year = asked.second;
    for (int y = asked.first; y <= asked.second; ++y) years.insert(y);
    o.out_dir = (fs::path(dir) / "deliveries").string();
    o.data_dir = g.data_dir;
    o.scale = a.scale;
    o.seed = a.seed;
    o.base_year = true;  // the CO2 goal's base year, so that the path to the goal is measured
    JBR_ASSIGN_OR_RETURN(auto files, synth::Synthesise(o));
    std::cout << fmt::format("synthesised {} delivery files for {} in {}\n", files.size(), a.years,
                             o.out_dir);
    deliveries = o.out_dir;
  }
  JBR_ASSIGN_OR_RETURN(auto manifest, synth::ReadManifest(deliveries));
  JBR_RETURN_IF_ERROR(LoadAll(g, ws.get(), deliveries, manifest));

  if (!a.samples.empty()) {
    for (const auto& e : manifest) years.insert(e.year);
  }
  JBR_ASSIGN_OR_RETURN(auto ref,
                       ReferenceData::Load((fs::path(ws->data_dir()) / "reference").string()));
  const ComputeEnv env{ws->store(), &ws->schemas(), &ws->ministries(), &ref};
  ComputeResult last;
  for (int year : years) {
    ComputeOptions o;
    o.year = year;
    JBR_ASSIGN_OR_RETURN(last, ComputeYear(env, o));
    const std::string options = fmt::format(R"({{"year":{},"by":"demo"}})", year);
    JBR_ASSIGN_OR_RETURN(int64_t run, SaveComputation(ws->store(), last, NowUtc(g), options));
    std::cout << fmt::format("computed {}: {} values (compute run {})\n", year, last.values.size(),
                             run);
  }
  if (years.empty()) return Status::Ok();
  PrintSummary(last);
  // The latest year published: the report site, the ICT appendix, PDFs, Excel and open data.
  publish::PublishOptions p;
  p.year = *years.rbegin();
  p.out_dir = (fs::path(dir) / "site").string();
  p.template_dirs = TemplateDirs(g, *ws, {});
  p.pdf = !a.no_pdf;
  p.schemas = &ws->schemas();
  p.ministries = &ws->ministries();
  std::cout << fmt::format("\npublishing {}{} ...\n", p.year,
                           p.pdf ? " with its PDFs (about a minute)" : "")
            << std::flush;
  JBR_ASSIGN_OR_RETURN(publish::PublishSummary published,
                       publish::Publish(ws->store(), AllDefinitions(ref), p));
  std::cout << fmt::format("published {} files to {}/: the report at {}/nl/index.html{}\n",
                           published.files.size(), p.out_dir, p.out_dir,
                           p.pdf ? fmt::format(", the PDFs in {}/pdf/", p.out_dir) : "");
  if (a.no_serve) return Status::Ok();
  // The portal on the demo workspace, with a coordinator and a steward of BZK to log in as.
  JBR_RETURN_IF_ERROR(portal::InitSecurity());
  const portal::Context who{"demo", "cli", NowUtc(g)};
  std::vector<std::pair<portal::NewUser, std::string>> logins = {
      {{"coordinator", "coordinator", "", portal::RandomToken(12)},
       "coordinator: every ministry, the matrix"},
      {{"steward-bzk", "steward", "BZK", portal::RandomToken(12)},
       "steward of BZK: upload, deliveries"}};
  for (const auto& [u, what] : logins) {
    JBR_RETURN_IF_ERROR(portal::AddUser(ws->store(), ws->ministries(), u, who).status());
  }
  portal::PortalOptions o;
  o.workspace = dir;
  o.store_url = g.store;
  o.data_dir = g.data_dir;
  o.templates_dir = g.templates_dir;
  o.port = a.port;
  return ServePortalUntilSignal(o, [&] {
    std::cout << "log in at /login as (the passwords are new each demo):\n";
    for (const auto& [u, what] : logins) {
      std::cout << fmt::format("  {:<12} password {}  ({})\n", u.name, u.password, what);
    }
    std::cout << fmt::format("the published site is in {}/ (jbr serve-site {} to preview it)",
                             p.out_dir, p.out_dir)
              << std::endl;
  });
}

}  // namespace

void RegisterDemo(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand(
      "demo",
      "The main job end to end: synthesise, load, compute, publish the latest year and serve the "
      "portal, in a fresh workspace (default ./demo-workspace)");
  cmd->add_option("--samples", a->samples,
                  "Load the deliveries of this folder's manifest.csv instead of synthesising");
  cmd->add_option("--years", a->years, "Years to synthesise")->capture_default_str();
  cmd->add_option("--scale", a->scale, "Size of the synthetic Rijk relative to the real one")
      ->capture_default_str();
  cmd->add_option("--seed", a->seed, "Seed of the synthetic Rijk")->capture_default_str();
  cmd->add_flag("--no-serve", a->no_serve,
                "Stop after publishing instead of serving (for scripts)");
  cmd->add_flag("--no-pdf", a->no_pdf, "Publish without the PDFs");
  cmd->add_option("--port", a->port, "Port to serve the portal on")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  cmd->footer("Example:\n  jbr demo --workspace /tmp/jbr-demo --no-serve");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunDemo(g, *a); }; });
}

}  // namespace jbr::cli
