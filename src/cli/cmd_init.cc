// jbr init: create a workspace.
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"

namespace jbr::cli {

void RegisterInit(CLI::App& app, GlobalOptions& g, Action& run) {
  auto dir = std::make_shared<std::string>();
  auto* cmd =
      app.add_subcommand("init", "Create a workspace: a directory with a store and a config");
  cmd->add_option("DIR", *dir, "Directory to create (default: the workspace option, else .)");
  cmd->footer(
      "Examples:\n  jbr init jbr-2020\n  jbr --store postgresql://jbr@db.example:5432/jbr init "
      "jbr-2020");
  cmd->callback([&g, &run, dir] {
    run = [&g, dir]() -> Status {
      std::string target = dir->empty() ? Workspace::Resolve(g.workspace) : *dir;
      JBR_ASSIGN_OR_RETURN(auto ws, Workspace::Create(target, g.store, g.data_dir));
      std::cout << fmt::format("created workspace {}\n", ws->dir());
      return Status::Ok();
    };
  });
}

}  // namespace jbr::cli
