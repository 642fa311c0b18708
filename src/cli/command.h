// The CLI's shared parts: every subcommand registers itself on the app and, when chosen, runs
// a function returning a Status. main() turns that Status into the exit code, in one place:
//   0 success, 1 input rejected (findings), 2 usage error, 3 any other failure.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/finding.h"
#include "common/result.h"
#include "portal/server.h"
#include "serve/static_server.h"
#include "store/workspace.h"
#include "validate/validator.h"

namespace jbr::cli {

struct GlobalOptions {
  std::string workspace;  // --workspace, else $JBR_WORKSPACE
  std::string store;  // --store (else $JBR_STORE): a store URL instead of the one jbr.json names
  // The environment, read here and nowhere below the CLI (ReadEnvironment); passed down as values.
  std::string data_dir;  // $JBR_DATA_DIR, else DefaultDataDir(): schemas, ministries, reference
  std::string templates_dir;     // $JBR_TEMPLATES_DIR, else DefaultTemplatesDir()
  std::unique_ptr<Clock> clock;  // a FixedClock at $JBR_NOW (reproducible runs), else the system's
  std::string actor;             // $JBR_USER, else $USER, else "unknown"
};

// Fills the environment's part of `g`. The only place jbr reads its environment (besides CLI11's
// envname for --workspace and --store).
void ReadEnvironment(GlobalOptions* g);

using Action = std::function<Status()>;

// Each Register* adds one subcommand; `run` receives the action to call when it is chosen.
void RegisterInit(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterValidate(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterLoad(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterDeliveries(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterExportDelivery(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterImport(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterDatasets(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterDemo(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterCompute(CLI::App& app, GlobalOptions& g, Action& run);  // compute and explain
void RegisterSynth(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterPublish(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterRelease(CLI::App& app, GlobalOptions& g, Action& run);  // release and releases
void RegisterServeSite(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterAuditPublication(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterMigrateStore(CLI::App& app, GlobalOptions& g, Action& run);
void RegisterUser(CLI::App& app, GlobalOptions& g, Action& run);   // user and token
void RegisterServe(CLI::App& app, GlobalOptions& g, Action& run);  // the portal

int ExitCodeFor(const Status& status);

// Serves a published directory (jbr serve-site, jbr demo) until SIGINT or SIGTERM.
Status ServeUntilSignal(const serve::StaticServerOptions& options);

// Serves the portal (jbr serve, jbr demo) until SIGINT or SIGTERM; `started` runs once it listens.
Status ServePortalUntilSignal(const portal::PortalOptions& options,
                              const std::function<void()>& started);

// Where publish and release look for the narrative and layout: the directories given with
// --templates, then WORKSPACE/templates when it exists, then jbr's default templates.
std::vector<std::string> TemplateDirs(const GlobalOptions& g, const Workspace& ws,
                                      const std::vector<std::string>& given);

// "2018-2021" or "2020" as (first, last).
Result<std::pair<int, int>> ParseYears(const std::string& text);

// Options that say how to read a delivery file, shared by validate, load and import.
struct ReadOptions {
  std::string encoding;   // utf-8 | windows-1252 | empty (detect)
  std::string delimiter;  // , ; tab | empty (sniff)
  std::string decimal;    // point | comma | empty (by delimiter)
  std::string sheet;
  Result<ValidateOptions> ToValidateOptions() const;
};
void AddReadOptions(CLI::App* cmd, ReadOptions* options);

// How findings are shown.
struct ReportOptions {
  std::string format = "text";  // text | json
  size_t max_findings = 1000;
};
void AddReportOptions(CLI::App* cmd, ReportOptions* options);

// Writes findings as text (FILE:ROW:COLUMN: SEVERITY CODE: message (hint), then counts) or JSON.
void PrintFindings(std::ostream& out, const CollectingSink& sink, const ReportOptions& options,
                   const std::string& verdict_json_fields);
void PrintFindingsText(std::ostream& out, const CollectingSink& sink);

// A progress line on stderr when it is a terminal; nothing otherwise.
ProgressFn MakeProgress(const std::string& label, const std::string& path);
void EndProgress(const ProgressFn& progress);

Result<std::unique_ptr<Workspace>> OpenWorkspace(const GlobalOptions& g);
std::string NowUtc(const GlobalOptions& g);  // ISO 8601: g.clock's time now

}  // namespace jbr::cli
