// jbr: the command line. Thin: parse, call the engine, turn the Status into an exit code here.
#include <iostream>

#include <fmt/format.h>

#include "cli/command.h"

namespace jbr::cli {

int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return 0;
    case StatusCode::kInvalidInput: return 1;
    case StatusCode::kUsage: return 2;
    default: return 3;
  }
}

}  // namespace jbr::cli

int main(int argc, char** argv) {
  using namespace jbr::cli;
  CLI::App app{"jbr: the annual business-operations report of the Dutch central government (JBR)\n"
               "Deliveries are validated, stored with their history, and reported on."};
  app.require_subcommand(1);
  // --workspace and --store may come before or after the command (jbr migrate-store --workspace D).
  app.fallthrough();
  app.set_version_flag("--version", "jbr 0.1.0");
  GlobalOptions g;
  app.add_option("-w,--workspace", g.workspace,
                 "Workspace directory (default: $JBR_WORKSPACE, else the current directory)")
      ->envname("JBR_WORKSPACE");
  app.add_option("--store", g.store,
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
  RegisterMigrateStore(app, g, run);
  RegisterSynth(app, g, run);
  RegisterDemo(app, g, run);
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
