#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "common/clock.h"
#include "common/paths.h"
#include "common/text.h"

#include <filesystem>

namespace jbr::cli {

namespace {

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

}  // namespace

void ReadEnvironment(GlobalOptions* g) {
  g->data_dir = Env("JBR_DATA_DIR");
  if (g->data_dir.empty()) g->data_dir = DefaultDataDir();
  g->templates_dir = Env("JBR_TEMPLATES_DIR");
  if (g->templates_dir.empty()) g->templates_dir = DefaultTemplatesDir();
  const std::string now = Env("JBR_NOW");
  if (now.empty()) {
    g->clock = std::make_unique<SystemClock>();
  } else {
    g->clock = std::make_unique<FixedClock>(now);
  }
  g->actor = Env("JBR_USER");
  if (g->actor.empty()) g->actor = Env("USER");
  if (g->actor.empty()) g->actor = "unknown";
}

std::vector<std::string> TemplateDirs(const GlobalOptions& g, const Workspace& ws,
                                      const std::vector<std::string>& given) {
  std::vector<std::string> dirs = given;
  const std::string own = (std::filesystem::path(ws.dir()) / "templates").string();
  if (std::filesystem::is_directory(own)) dirs.push_back(own);
  dirs.push_back(g.templates_dir);
  return dirs;
}

Result<ValidateOptions> ReadOptions::ToValidateOptions() const {
  ValidateOptions o;
  if (!encoding.empty()) {
    auto e = ParseEncodingName(encoding);
    if (!e)
      return UsageError(fmt::format(
          "unknown encoding '{}': use utf-8, windows-1252, utf-16le or utf-16be", encoding));
    o.table.csv.encoding = *e;
  }
  if (!delimiter.empty()) {
    std::string d = AsciiLower(delimiter);
    if (d == "," || d == "comma") {
      o.table.csv.delimiter = ',';
    } else if (d == ";" || d == "semicolon") {
      o.table.csv.delimiter = ';';
    } else if (d == "tab" || d == "\\t" || d == "\t") {
      o.table.csv.delimiter = '\t';
    } else {
      return UsageError(fmt::format("unknown delimiter '{}': use , ; or tab", delimiter));
    }
  }
  if (!decimal.empty()) {
    std::string d = AsciiLower(decimal);
    if (d == "point" || d == ".") {
      o.decimal = DecimalMark::kPoint;
    } else if (d == "comma" || d == ",") {
      o.decimal = DecimalMark::kComma;
    } else {
      return UsageError(fmt::format("unknown decimal mark '{}': use point or comma", decimal));
    }
  }
  o.table.xlsx.sheet = sheet;
  return o;
}

void AddReadOptions(CLI::App* cmd, ReadOptions* o) {
  cmd->add_option("--encoding", o->encoding,
                  "CSV encoding: utf-8, windows-1252, utf-16le or utf-16be (default: detected)");
  cmd->add_option("--delimiter", o->delimiter, "CSV delimiter: , ; or tab (default: sniffed)");
  cmd->add_option("--decimal", o->decimal,
                  "Decimal mark: point or comma (default: comma for ;-separated CSV, else point)");
  cmd->add_option("--sheet", o->sheet, "XLSX sheet name (default: the first sheet)");
}

void AddReportOptions(CLI::App* cmd, ReportOptions* o) {
  cmd->add_option("--format", o->format, "Output: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--max-findings", o->max_findings,
                  "List at most this many findings (all are counted)")
      ->capture_default_str();
}

void PrintFindingsText(std::ostream& out, const CollectingSink& sink) {
  for (const auto& f : sink.findings()) {
    out << fmt::format("{}:{}:{}: {} {}: {}", f.file, f.row, f.column, SeverityName(f.severity),
                       f.code, f.message);
    if (!f.hint.empty()) out << " (" << f.hint << ")";
    out << "\n";
  }
  if (sink.truncated()) {
    out << fmt::format("... {} more findings not listed (raise --max-findings to see them)\n",
                       sink.total() - static_cast<int64_t>(sink.findings().size()));
  }
  out << fmt::format("{} error{}, {} warning{}\n", sink.errors(), sink.errors() == 1 ? "" : "s",
                     sink.warnings(), sink.warnings() == 1 ? "" : "s");
  for (const auto& c : sink.counts()) {
    out << fmt::format("  {:<22} {:>8} {}{}\n", c.code, c.count, SeverityName(c.severity),
                       c.count == 1 ? "" : "s");
  }
}

void PrintFindings(std::ostream& out, const CollectingSink& sink, const ReportOptions& options,
                   const std::string& verdict_json_fields) {
  if (options.format != "json") {
    PrintFindingsText(out, sink);
    return;
  }
  nlohmann::json j = verdict_json_fields.empty() ? nlohmann::json::object()
                                                 : nlohmann::json::parse(verdict_json_fields);
  j["errors"] = sink.errors();
  j["warnings"] = sink.warnings();
  j["truncated"] = sink.truncated();
  j["counts"] = nlohmann::json::array();
  for (const auto& c : sink.counts()) {
    j["counts"].push_back(
        {{"code", c.code}, {"severity", SeverityName(c.severity)}, {"count", c.count}});
  }
  j["findings"] = nlohmann::json::array();
  for (const auto& f : sink.findings()) {
    j["findings"].push_back({{"code", f.code},
                             {"severity", SeverityName(f.severity)},
                             {"file", f.file},
                             {"sheet", f.sheet},
                             {"row", f.row},
                             {"column", f.column},
                             {"value", f.value},
                             {"message", f.message},
                             {"hint", f.hint}});
  }
  out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

ProgressFn MakeProgress(const std::string& label, const std::string& path) {
  if (!IsTerminal(2)) return {};
  struct stat st {};
  uint64_t total = stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
  return [label, total](uint64_t done) {
    if (total == 0) {
      std::cerr << fmt::format("\r{}: {:.1f} MB", label, done / 1e6) << std::flush;
    } else {
      std::cerr << fmt::format("\r{}: {:3.0f}% of {:.1f} MB", label, 100.0 * done / total,
                               total / 1e6)
                << std::flush;
    }
  };
}

void EndProgress(const ProgressFn& progress) {
  if (progress) std::cerr << "\r\033[K" << std::flush;
}

Result<std::unique_ptr<Workspace>> OpenWorkspace(const GlobalOptions& g) {
  return Workspace::Open(Workspace::Resolve(g.workspace), g.store, g.data_dir);
}

std::string NowUtc(const GlobalOptions& g) { return g.clock->NowUtc(); }

}  // namespace jbr::cli
