// jbr deliveries: the delivery history; jbr export-delivery: the original bytes of one.
#include <cstdio>
#include <fstream>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"

namespace jbr::cli {
namespace {

struct ListArgs {
  std::string dataset, ministry;
  std::optional<int> year;
  bool current = false;
  std::string format = "text";
};

Status RunList(const GlobalOptions& g, const ListArgs& a) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  DeliveryFilter f;
  if (!a.dataset.empty()) {
    const DatasetSchema* s = ws->schemas().Find(a.dataset);
    if (s == nullptr) return UsageError(fmt::format("unknown dataset '{}'", a.dataset));
    f.dataset = s->name;
  }
  if (!a.ministry.empty()) {
    const Ministry* m = ws->ministries().FindAnyYear(a.ministry);
    if (m == nullptr) return UsageError(fmt::format("unknown ministry '{}'", a.ministry));
    f.ministry = m->code;
  }
  f.year = a.year;
  f.current_only = a.current;
  JBR_ASSIGN_OR_RETURN(auto list, ws->store()->ListDeliveries(f));
  if (a.format == "json") {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& d : list) {
      nlohmann::json e = {{"id", d.id}, {"dataset", d.dataset}, {"ministry", d.ministry}, {"year", d.year},
                          {"received_at", d.received_at}, {"delivered_by", d.delivered_by},
                          {"file_name", d.file_name}, {"sha256", d.sha256}, {"size_bytes", d.size_bytes},
                          {"rows", d.row_count}, {"status", d.status},
                          {"read_as", nlohmann::json::parse(d.format)}};
      e["supersedes"] = d.supersedes ? nlohmann::json(*d.supersedes) : nlohmann::json();
      e["superseded_by"] = d.superseded_by ? nlohmann::json(*d.superseded_by) : nlohmann::json();
      j.push_back(e);
    }
    std::cout << j.dump(2) << "\n";
    return Status::Ok();
  }
  if (list.empty()) {
    std::cout << "no deliveries\n";
    return Status::Ok();
  }
  std::cout << fmt::format("{:>5}  {:<15} {:<6} {:>4}  {:<10} {:>9}  {:<20}  {:<12} {}\n", "id", "dataset",
                           "min.", "year", "status", "rows", "received", "sha256", "file");
  for (const auto& d : list) {
    std::string status = d.status;
    if (d.superseded_by) status += fmt::format(" by {}", *d.superseded_by);
    std::cout << fmt::format("{:>5}  {:<15} {:<6} {:>4}  {:<10} {:>9}  {:<20}  {:<12} {}\n", d.id, d.dataset,
                             d.ministry, d.year, status, d.row_count, d.received_at, d.sha256.substr(0, 12),
                             d.file_name);
  }
  return Status::Ok();
}

Status RunExport(const GlobalOptions& g, int64_t id, const std::string& out_path) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  JBR_ASSIGN_OR_RETURN(auto d, ws->store()->GetDelivery(id));
  if (!d) return NotFound(fmt::format("no delivery {}", id));
  std::string path = out_path.empty() ? d->file_name : out_path;
  if (path == "-") {
    return ws->store()->ExportOriginal(id, [](std::string_view piece) -> Status {
      std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return std::cout ? Status::Ok() : IoError("cannot write to standard output");
    });
  }
  std::string tmp = path + ".part";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return IoError(fmt::format("cannot write {}", tmp));
    JBR_RETURN_IF_ERROR(ws->store()->ExportOriginal(id, [&out, &tmp](std::string_view piece) -> Status {
      out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return out ? Status::Ok() : IoError(fmt::format("cannot write {}", tmp));
    }));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return IoError(fmt::format("cannot write {}", path));
  std::cerr << fmt::format("wrote delivery {} ({} bytes, sha256 {}) to {}\n", id, d->size_bytes, d->sha256, path);
  return Status::Ok();
}

}  // namespace

void RegisterDeliveries(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<ListArgs>();
  auto* cmd = app.add_subcommand("deliveries", "List stored deliveries with their status and history");
  cmd->add_option("-d,--dataset", a->dataset, "Only this dataset");
  cmd->add_option("-m,--ministry", a->ministry, "Only this ministry");
  cmd->add_option("-y,--year", a->year, "Only this year");
  cmd->add_flag("--current", a->current, "Only current (accepted, not superseded) deliveries");
  cmd->add_option("--format", a->format, "Output: text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->footer("Example:\n  jbr deliveries --ministry BZK --year 2020");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunList(g, *a); }; });
}

void RegisterExportDelivery(CLI::App& app, GlobalOptions& g, Action& run) {
  auto id = std::make_shared<int64_t>(0);
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("export-delivery", "Write back the original bytes of a delivery, exactly");
  cmd->add_option("ID", *id, "Delivery id (see `jbr deliveries`)")->required();
  cmd->add_option("-o,--output", *out, "File to write (default: the delivered file name; - for stdout)");
  cmd->footer("Example:\n  jbr export-delivery 12 -o copy.csv");
  cmd->callback([&g, &run, id, out] { run = [&g, id, out] { return RunExport(g, *id, *out); }; });
}

}  // namespace jbr::cli
