// jbr demo: the main job on the embedded default, end to end, on the sample deliveries.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"
#include "common/paths.h"
#include "ingest/csv_reader.h"
#include "store/load.h"

namespace jbr::cli {
namespace {

namespace fs = std::filesystem;

struct DemoArgs {
  std::string samples;
  bool no_serve = false;
};

// A fresh workspace: an old demo workspace is replaced, anything else is left alone.
Result<std::unique_ptr<Workspace>> FreshWorkspace(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::exists(fs::path(dir) / "jbr.json", ec) && !fs::is_empty(dir, ec)) {
      return UsageError(fmt::format("{} exists and is not a jbr workspace; choose another --workspace", dir));
    }
    fs::remove_all(dir, ec);
    if (ec) return IoError(fmt::format("cannot remove the old demo workspace {}: {}", dir, ec.message()));
  }
  return Workspace::Create(dir);
}

struct ManifestEntry {
  std::string file, dataset, ministry;
  int year = 0;
};

Result<std::vector<ManifestEntry>> ReadManifest(const std::string& dir) {
  CollectingSink sink;
  JBR_ASSIGN_OR_RETURN(auto src, OpenCsv((fs::path(dir) / "manifest.csv").string(), "manifest.csv", CsvOptions{}, &sink));
  std::vector<ManifestEntry> out;
  RawRow row;
  while (true) {
    JBR_ASSIGN_OR_RETURN(bool more, src->Next(&row));
    if (!more) break;
    if (row.IsBlank()) continue;
    auto year = row.cells.size() >= 4 ? ParseInt(row.cells[3]) : std::nullopt;
    if (!year) return InvalidInput(fmt::format("manifest.csv:{}: expected file,dataset,ministry,year", row.row_number));
    out.push_back({row.cells[0], row.cells[1], row.cells[2], static_cast<int>(*year)});
  }
  return out;
}

Status RunDemo(const GlobalOptions& g, const DemoArgs& a) {
  std::string dir = g.workspace.empty() ? "demo-workspace" : g.workspace;
  std::string samples = a.samples.empty() ? (fs::path(DataDir()) / ".." / "tests" / "data" / "sample").string() : a.samples;
  JBR_ASSIGN_OR_RETURN(auto ws, FreshWorkspace(dir));
  std::cout << fmt::format("workspace {} created\n", dir);
  JBR_ASSIGN_OR_RETURN(auto manifest, ReadManifest(samples));
  int n = 0;
  for (const auto& e : manifest) {
    ++n;
    const DatasetSchema* schema = ws->schemas().Find(e.dataset);
    if (schema == nullptr) return InvalidInput(fmt::format("manifest names unknown dataset {}", e.dataset));
    LoadRequest req;
    req.dataset = schema->name;
    req.ministry = e.ministry;
    req.year = e.year;
    req.delivered_by = "demo";
    req.path = (fs::path(samples) / e.file).string();
    req.display_name = e.file;
    req.received_at = NowUtc();
    CollectingSink sink(20);
    auto progress = MakeProgress(fmt::format("[{}/{}] loading {}", n, manifest.size(), e.file), req.path);
    JBR_ASSIGN_OR_RETURN(auto r, LoadDelivery(ws->store(), ws->schemas(), *schema, req, &sink, progress));
    EndProgress(progress);
    if (r.outcome == LoadOutcome::kRejected) {
      PrintFindingsText(std::cout, sink);
      return InvalidInput(fmt::format("sample {} was rejected", e.file));
    }
    std::cout << fmt::format("[{}/{}] {:<30} {:<15} {:<4} {} -> delivery {} ({} rows, {} warnings)\n", n,
                             manifest.size(), e.file, schema->name, e.ministry, e.year, r.delivery.id,
                             r.delivery.row_count, sink.warnings());
  }
  std::cout << "\nstored deliveries (jbr --workspace " << dir << " deliveries):\n";
  JBR_ASSIGN_OR_RETURN(auto list, ws->store()->ListDeliveries(DeliveryFilter{}));
  for (const auto& d : list) {
    std::cout << fmt::format("  {:>3} {:<15} {:<4} {} {:<9} {:>6} rows  sha256 {}…\n", d.id, d.dataset, d.ministry,
                             d.year, d.status, d.row_count, d.sha256.substr(0, 16));
  }
  return Status::Ok();
}

}  // namespace

void RegisterDemo(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand("demo", "Run the main job end to end in a fresh workspace (default ./demo-workspace)");
  cmd->add_option("--samples", a->samples, "Folder with manifest.csv and delivery files (default: the shipped samples)");
  cmd->add_flag("--no-serve", a->no_serve, "Stop at the end instead of serving (for scripts)");
  cmd->footer("Example:\n  jbr demo --workspace /tmp/jbr-demo --no-serve");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunDemo(g, *a); }; });
}

}  // namespace jbr::cli
