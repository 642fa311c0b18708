// jbr: the command line. Thin: parse, call the engine, turn the Status into an exit code here.
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"

namespace jbr::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return 0;
    case StatusCode::kInvalidInput:
      return 1;
    case StatusCode::kUsage:
      return 2;
    default:
      return 3;
  }
}

// No argument names a command: the first one that is not an option (or a global option's value)
// is a misspelt command or a misplaced file ("jbr valdate ...", "jbr p.csv"). Empty when there is
// none, for CLI11 to say that a command is required.
std::string UnknownCommand(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "-w" || arg == "--workspace" || arg == "--store") {
      ++i;
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    std::string names;
    for (CLI::App* sub : app.get_subcommands({})) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    return fmt::format("'{}' is not a jbr command; the commands are {} (jbr --help)", arg, names);
  }
  return "";
}

// A subcommand's option given before the subcommand ("jbr --dataset personnel load ...") would
// otherwise be reported as a missing required option of that subcommand. Returns the message that
// names the actual problem, or empty when the options before the subcommand are all global. The
// same for a value before the subcommand ("jbr p.csv validate") and for an unknown command.
std::string MisplacedOption(CLI::App& app, int argc, char** argv) {
  // The subcommand is the first argument that names one (an option's value before it, such as
  // "personnel" in "--dataset personnel load", does not).
  int first = 1;
  CLI::App* sub = nullptr;
  for (; first < argc && sub == nullptr; ++first) {
    const std::string arg = argv[first];
    if (arg == "-w" || arg == "--workspace" || arg == "--store") {
      ++first;  // its value
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    for (CLI::App* candidate : app.get_subcommands({})) {
      if (candidate->check_name(arg)) sub = candidate;
    }
  }
  --first;
  if (sub == nullptr) return UnknownCommand(app, argc, argv);
  for (int i = 1; i < first; ++i) {
    const std::string given = argv[i];
    if (given.size() < 2 || given[0] != '-') {
      return fmt::format(
          "'{}' stands before the command name `{}`, where jbr takes only --workspace "
          "and --store: put it after the command name (see jbr {} --help)",
          given, sub->get_name(), sub->get_name());
    }
    const std::string arg = given.substr(0, given.find('='));
    const bool global = arg == "-w" || arg == "--workspace" || arg == "--store";
    if (global || arg == "-h" || arg == "--help" || arg == "--version") {
      if (global && arg == given) ++i;  // its value follows
      continue;
    }
    if (sub->get_option_no_throw(arg) != nullptr) {
      return fmt::format(
          "{} is an option of `jbr {}`: put it after the command name (jbr {} {} ...)", arg,
          sub->get_name(), sub->get_name(), arg);
    }
    return fmt::format("{} is not an option of jbr or of `jbr {}` (see jbr {} --help)", arg,
                       sub->get_name(), sub->get_name());
  }
  return "";
}

}  // namespace jbr::cli

int main(int argc, char** argv) {
  using namespace jbr::cli;
  CLI::App app{
      "jbr: the annual business-operations report of the Dutch central government (JBR)\n"
      "Deliveries are validated, stored with their history, and reported on."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "jbr 0.1.0");
  GlobalOptions g;
  ReadEnvironment(&g);
  // Global options (--workspace, --store) work before or after the subcommand: what a subcommand
  // does not know falls through to here (the README says "pass --workspace to every command").
  app.fallthrough();
  app.add_option("-w,--workspace", g.workspace,
                 "Workspace directory (default: $JBR_WORKSPACE, else the current directory)")
      ->envname("JBR_WORKSPACE");
  app.add_option(
         "--store", g.store,
         "Store URL: sqlite:PATH or postgresql://user@host:port/database (default: the store "
         "named in the workspace's jbr.json; with init, the store the new workspace names)")
      ->envname("JBR_STORE");
  Action run;
  RegisterInit(app, g, run);
  RegisterValidate(app, g, run);
  RegisterLoad(app, g, run);
  RegisterDeliveries(app, g, run);
  RegisterExportDelivery(app, g, run);
  RegisterImport(app, g, run);
  RegisterDatasets(app, g, run);
  RegisterCompute(app, g, run);
  RegisterPublish(app, g, run);
  RegisterRelease(app, g, run);
  RegisterServeSite(app, g, run);
  RegisterAuditPublication(app, g, run);
  RegisterMigrateStore(app, g, run);
  RegisterUser(app, g, run);
  RegisterServe(app, g, run);
  RegisterSynth(app, g, run);
  RegisterDemo(app, g, run);
  if (const std::string misplaced = MisplacedOption(app, argc, argv); !misplaced.empty()) {
    std::cerr << "jbr: " << misplaced << "\n";
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help or the error
    return code == 0 ? 0 : 2;
  }
  jbr::Status status;
  try {
    status = run ? run() : jbr::InternalError("no command");
  } catch (const std::exception& e) {
    status = jbr::InternalError(e.what());
  }
  if (!status.ok() && !status.message().empty()) {
    std::cerr << "jbr: " << status.message() << "\n";
  }
  return ExitCodeFor(status);
}
