// jbr deliveries: the delivery history; jbr export-delivery: the original bytes of one.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
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
      nlohmann::json e = {{"id", d.id},
                          {"dataset", d.dataset},
                          {"ministry", d.ministry},
                          {"year", d.year},
                          {"received_at", d.received_at},
                          {"delivered_by", d.delivered_by},
                          {"file_name", d.file_name},
                          {"sha256", d.sha256},
                          {"size_bytes", d.size_bytes},
                          {"rows", d.row_count},
                          {"status", d.status},
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
  std::cout << fmt::format("{:>5}  {:<15} {:<6} {:>4}  {:<10} {:>9}  {:<20}  {:<12} {}\n", "id",
                           "dataset", "min.", "year", "status", "rows", "received", "sha256",
                           "file");
  for (const auto& d : list) {
    std::string status = d.status;
    if (d.superseded_by) status += fmt::format(" by {}", *d.superseded_by);
    std::cout << fmt::format("{:>5}  {:<15} {:<6} {:>4}  {:<10} {:>9}  {:<20}  {:<12} {}\n", d.id,
                             d.dataset, d.ministry, d.year, status, d.row_count, d.received_at,
                             d.sha256.substr(0, 12), d.file_name);
  }
  return Status::Ok();
}

struct ExportArgs {
  int64_t id = 0;
  std::string out;
  bool force = false;
};

Status Refused(const std::string& path, bool directory) {
  if (directory) {
    return UsageError(fmt::format("{} is a directory; name a file with -o", path));
  }
  return UsageError(fmt::format(
      "{} exists and was not overwritten: it may be a newer version of the file. Pass --force to "
      "overwrite it, or -o FILE to write elsewhere",
      path));
}

// Writes the delivery into a new file beside `path`, then moves it into place: without `force`
// only where nothing is (RENAME_NOREPLACE, so a file made in the meantime is not lost either).
Status WriteExport(Store* store, int64_t id, const std::string& path, bool force) {
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(path, ec);
  if (!ec && std::filesystem::exists(status)) {
    if (std::filesystem::is_directory(status)) return Refused(path, true);
    if (!force) return Refused(path, false);
  }
  const std::filesystem::path target(path);
  std::string tmp =
      (target.parent_path().empty() ? std::string(".") : target.parent_path().string()) +
      "/.jbr-export-XXXXXX";
  const int fd = mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0) return IoError(fmt::format("cannot write beside {}: {}", path, std::strerror(errno)));
  Status written = store->ExportOriginal(id, [fd, &path](std::string_view piece) -> Status {
    while (!piece.empty()) {
      const ssize_t n = write(fd, piece.data(), piece.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return IoError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
      piece.remove_prefix(static_cast<size_t>(n));
    }
    return Status::Ok();
  });
  if (written.ok() && fsync(fd) != 0) written = IoError(fmt::format("cannot write {}", path));
  close(fd);
  if (written.ok()) {
    int moved = force ? std::rename(tmp.c_str(), path.c_str())
                      : renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE);
    if (moved != 0 && !force && errno == EINVAL) {  // a file system without RENAME_NOREPLACE
      moved = link(tmp.c_str(), path.c_str());
    }
    if (moved != 0) {
      written = errno == EEXIST
                    ? Refused(path, false)
                    : IoError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    }
  }
  unlink(tmp.c_str());  // gone after a rename; left after a failure or a link
  return written;
}

Status RunExport(const GlobalOptions& g, const ExportArgs& a) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  JBR_ASSIGN_OR_RETURN(auto d, ws->store()->GetDelivery(a.id));
  if (!d) return NotFound(fmt::format("no delivery {}", a.id));
  // The delivered name without any folder: a stored name never writes outside the current one.
  std::string path =
      a.out.empty() ? std::filesystem::path(d->file_name).filename().string() : a.out;
  if (path.empty()) path = fmt::format("delivery-{}", a.id);
  if (path == "-") {
    return ws->store()->ExportOriginal(a.id, [](std::string_view piece) -> Status {
      std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return std::cout ? Status::Ok() : IoError("cannot write to standard output");
    });
  }
  JBR_RETURN_IF_ERROR(WriteExport(ws->store(), a.id, path, a.force));
  std::cerr << fmt::format("wrote delivery {} ({} bytes, sha256 {}) to {}\n", a.id, d->size_bytes,
                           d->sha256, path);
  return Status::Ok();
}

}  // namespace

void RegisterDeliveries(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<ListArgs>();
  auto* cmd =
      app.add_subcommand("deliveries", "List stored deliveries with their status and history");
  cmd->add_option("-d,--dataset", a->dataset, "Only this dataset");
  cmd->add_option("-m,--ministry", a->ministry, "Only this ministry");
  cmd->add_option("-y,--year", a->year, "Only this year");
  cmd->add_flag("--current", a->current, "Only current (accepted, not superseded) deliveries");
  cmd->add_option("--format", a->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->footer("Example:\n  jbr deliveries --ministry BZK --year 2020");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunList(g, *a); }; });
}

void RegisterExportDelivery(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<ExportArgs>();
  auto* cmd =
      app.add_subcommand("export-delivery", "Write back the original bytes of a delivery, exactly");
  cmd->add_option("ID", a->id, "Delivery id (see `jbr deliveries`)")->required();
  cmd->add_option(
      "-o,--output", a->out,
      "File to write (default: the delivered file name, in the current directory; - for stdout)");
  cmd->add_flag("--force", a->force, "Overwrite the file when it exists (refused without)");
  cmd->footer("Example:\n  jbr export-delivery 12 -o copy.csv");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunExport(g, *a); }; });
}

}  // namespace jbr::cli
