// jbr migrate-store: move a workspace to another store (SQLite to PostgreSQL, or back), all or
// nothing, then point its jbr.json at the new store.
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"
#include "store/copy.h"

namespace jbr::cli {
namespace {

Status RunMigrateStore(const GlobalOptions& g, const std::string& to) {
  const std::string dir = Workspace::Resolve(g.workspace);
  JBR_ASSIGN_OR_RETURN(std::string from_url, Workspace::StoreUrl(dir, g.store));
  JBR_ASSIGN_OR_RETURN(std::string to_url, Workspace::StoreUrl(dir, to));
  if (from_url == to_url)
    return UsageError(fmt::format("the workspace's store is {} already", RedactStoreUrl(to)));
  JBR_ASSIGN_OR_RETURN(auto from, Store::Open(from_url));
  JBR_ASSIGN_OR_RETURN(auto target, Store::Open(to_url));
  JBR_ASSIGN_OR_RETURN(CopyCounts n, CopyStore(from.get(), target.get()));
  JBR_RETURN_IF_ERROR(Workspace::SetStore(dir, to));
  std::cout << fmt::format(
      "copied {} deliveries ({} original bytes, {} column chunks), {} compute runs ({} values), {} "
      "releases, "
      "{} audit entries, and the portal's {} users, {} sessions, {} API tokens, {} actions and {} "
      "upload reports ({} findings), {} jobs and {} review notes to {}\n"
      "{} now uses that store\n",
      n.deliveries, n.bytes, n.chunks, n.runs, n.values, n.releases, n.audit, n.users, n.sessions,
      n.tokens, n.actions, n.reports, n.findings, n.jobs, n.notes, RedactStoreUrl(to), dir);
  return Status::Ok();
}

}  // namespace

void RegisterMigrateStore(CLI::App& app, GlobalOptions& g, Action& run) {
  auto to = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand(
      "migrate-store",
      "Copy the workspace's store (deliveries with their bytes, compute runs, releases, audit log, "
      "the portal's "
      "accounts) into a new, empty store, all or nothing, and make the workspace use it");
  cmd->add_option("--to", *to, "The new store: postgresql://user@host:port/database or sqlite:PATH")
      ->required();
  cmd->footer(
      "Example:\n  jbr migrate-store --workspace jbr-2020 --to "
      "postgresql://jbr@db.example:5432/jbr");
  cmd->callback([&g, &run, to] { run = [&g, to] { return RunMigrateStore(g, *to); }; });
}

}  // namespace jbr::cli
