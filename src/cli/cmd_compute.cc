// jbr compute: every indicator for a year; jbr explain: one figure, traced to its definition
// and its delivery files.
#include <cmath>
#include <filesystem>
#include <iostream>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "common/csv_write.h"
#include "common/text.h"
#include "indicators/engine.h"

namespace jbr::cli {
namespace {

struct ComputeArgs {
  int year = 0;
  std::string ministry;
  std::string indicator;
  std::string format = "table";
  int person_threshold = 10;
  int integrity_threshold = 5;
};

std::string Num(const std::optional<double>& v) {
  if (!v) return "";
  return fmt::format("{}", *v);  // shortest text that reads back as the same double
}

std::string Shown(const std::optional<double>& v, int decimals) {
  if (!v) return "";
  return fmt::format("{:.{}f}", *v, decimals);
}

// Percentages with one decimal; whole numbers as they are; other figures with two decimals.
int DecimalsFor(const std::string& unit, const std::optional<double>& v) {
  if (unit == "%") return 1;
  if (v && *v == std::floor(*v)) return 0;
  return 2;
}

void PrintCsv(const ComputeResult& r) {
  std::cout << "indicator,ministry,unit_type,period,category,value,numerator,denominator,unit,"
               "status,previous,change,flag\n";
  auto q = [](const std::string& s) { return CsvField(s); };
  for (const auto& v : r.values) {
    std::cout << fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", q(v.indicator),
                             q(v.ministry), q(v.unit_type), q(v.period), q(v.category),
                             Num(v.value), Num(v.numerator), Num(v.denominator), q(v.unit),
                             v.status, Num(v.previous), Num(v.change), q(v.flag));
  }
}

void PrintJson(const ComputeResult& r, int64_t run_id) {
  nlohmann::json j = {{"year", r.year},
                      {"run", run_id},
                      {"factor_vintage", r.factor_vintage},
                      {"definition_version", DefinitionVersion(r.definitions)}};
  auto opt = [](const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json();
  };
  j["values"] = nlohmann::json::array();
  for (const auto& v : r.values) {
    j["values"].push_back({{"indicator", v.indicator},
                           {"ministry", v.ministry},
                           {"unit_type", v.unit_type},
                           {"period", v.period},
                           {"category", v.category},
                           {"value", opt(v.value)},
                           {"numerator", opt(v.numerator)},
                           {"denominator", opt(v.denominator)},
                           {"unit", v.unit},
                           {"status", v.status},
                           {"previous", opt(v.previous)},
                           {"change", opt(v.change)},
                           {"flag", v.flag},
                           {"deliveries", v.deliveries}});
  }
  std::cout << j.dump(1) << "\n";
}

void PrintTable(const ComputeResult& r) {
  std::cout << fmt::format("{:<34} {:<6} {:<14} {:<8} {:<22} {:>14} {:>14} {:>10}  {:<10} {}\n",
                           "indicator", "min.", "unit type", "period", "category", "value",
                           "previous", "change", "status", "flag");
  for (const auto& v : r.values) {
    int d = DecimalsFor(v.unit, v.value);
    std::cout << fmt::format("{:<34} {:<6} {:<14} {:<8} {:<22} {:>14} {:>14} {:>10}  {:<10} {}\n",
                             v.indicator, v.ministry, v.unit_type, v.period,
                             v.category.substr(0, 22),
                             v.status == "suppressed" ? "." : Shown(v.value, d),
                             Shown(v.previous, d), Shown(v.change, d), v.status, v.flag);
  }
}

Result<ComputeEnv> MakeEnv(Workspace* ws, ReferenceData* ref) {
  JBR_ASSIGN_OR_RETURN(
      *ref, ReferenceData::Load((std::filesystem::path(ws->data_dir()) / "reference").string()));
  return ComputeEnv{ws->store(), &ws->schemas(), &ws->ministries(), ref};
}

Status RunCompute(const GlobalOptions& g, const ComputeArgs& a) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  ReferenceData ref;
  JBR_ASSIGN_OR_RETURN(ComputeEnv env, MakeEnv(ws.get(), &ref));
  ComputeOptions o;
  o.year = a.year;
  o.indicator_pattern = a.indicator;
  o.person_threshold = a.person_threshold;
  o.integrity_threshold = a.integrity_threshold;
  if (!a.ministry.empty()) {
    const Ministry* m = ws->ministries().Find(a.ministry, a.year);
    if (m == nullptr)
      return UsageError(fmt::format("unknown ministry '{}' in {}", a.ministry, a.year));
    o.ministries = {m->code};
  }
  ComputeResult r;
  {
    // One snapshot for every read: a load that commits meanwhile is seen whole or not at all.
    JBR_ASSIGN_OR_RETURN(auto snapshot, ReadSnapshot::Begin(ws->store()));
    JBR_ASSIGN_OR_RETURN(r, ComputeYear(env, o));
  }
  if (r.definitions.empty())
    return UsageError(fmt::format("no indicator matches '{}'", a.indicator));
  nlohmann::json options = {{"year", a.year},
                            {"ministry", a.ministry},
                            {"indicator", a.indicator},
                            {"person_threshold", a.person_threshold},
                            {"integrity_threshold", a.integrity_threshold}};
  JBR_ASSIGN_OR_RETURN(int64_t run, SaveComputation(ws->store(), r, NowUtc(g), options.dump()));
  if (a.format == "csv") {
    PrintCsv(r);
  } else if (a.format == "json") {
    PrintJson(r, run);
  } else {
    PrintTable(r);
    std::cout << fmt::format(
        "\ncompute run {}: {} values of {} indicators from {} deliveries; emission factors {}\n",
        run, r.values.size(), r.definitions.size(), r.deliveries_used.size(),
        r.factor_vintage.empty() ? "(none)" : r.factor_vintage);
    if (r.factor_vintage.find("illustrative") != std::string::npos) {
      std::cout << "note: the emission factors are illustrative until an official list is loaded\n";
    }
  }
  return Status::Ok();
}

Status RunExplain(const GlobalOptions& g, const std::string& indicator, const std::string& ministry,
                  int year) {
  JBR_ASSIGN_OR_RETURN(auto ws, OpenWorkspace(g));
  ReferenceData ref;
  JBR_ASSIGN_OR_RETURN(ComputeEnv env, MakeEnv(ws.get(), &ref));
  std::string code = ministry;
  if (AsciiLower(ministry) == "rijk") {
    code = kRijk;
  } else {
    const Ministry* m = ws->ministries().Find(ministry, year);
    if (m == nullptr) return UsageError(fmt::format("unknown ministry '{}' in {}", ministry, year));
    code = m->code;
  }
  ComputeOptions o;
  o.year = year;
  o.indicator_pattern = indicator;
  ComputeResult r;
  {
    // The figure explained is computed as compute does: from one snapshot, never from a mix of
    // the deliveries current before and after a load that commits meanwhile.
    JBR_ASSIGN_OR_RETURN(auto snapshot, ReadSnapshot::Begin(ws->store()));
    JBR_ASSIGN_OR_RETURN(r, ComputeYear(env, o));
  }
  if (r.definitions.size() != 1)
    return UsageError(fmt::format("unknown indicator '{}'", indicator));
  const IndicatorDef& d = r.definitions.front();
  std::cout << fmt::format("{} — {} ({})\n\n", d.id, d.title_nl, d.title_en);
  std::cout << fmt::format("Definitie: {}\nDefinition: {}\n", d.definition_nl, d.definition_en);
  std::cout << fmt::format(
      "Unit: {}; reads: {}; disclosure: {}{}\n\n", d.unit, fmt::join(d.datasets, ", "),
      DisclosureName(d.disclosure),
      d.norm ? fmt::format("; norm {} {} ({})",
                           d.norm->kind == Norm::Kind::kMaximum ? "at most" : "at least",
                           d.norm->value, d.norm->source)
             : "");
  std::set<int64_t> ids;
  for (const auto& v : r.values) {
    if (v.ministry != code) continue;
    std::string label =
        fmt::format("{} {}{}{}", v.ministry, v.period, v.unit_type.empty() ? "" : " " + v.unit_type,
                    v.category.empty() ? "" : " [" + v.category + "]");
    if (v.status == "published") {
      std::cout << fmt::format("{}: {} = {} / {}{} = {:.4f} {}", label, d.id, Num(v.numerator),
                               Num(v.denominator),
                               d.scale != 1 ? fmt::format(" x {}", d.scale) : "", *v.value, d.unit);
      if (v.previous)
        std::cout << fmt::format("; last year {:.4f}, change {:+.4f}", *v.previous, *v.change);
      if (!v.flag.empty()) std::cout << "; flag " << v.flag;
      std::cout << "\n";
    } else if (v.status == "suppressed") {
      std::cout << fmt::format(
          "{}: suppressed ({} suppression: fewer persons than the threshold behind it, or "
          "recoverable from published totals); shown as \".\"\n",
          label, v.suppression);
    } else {
      std::cout << fmt::format("{}: missing (no current delivery of {})\n", label,
                               fmt::join(d.datasets, ", "));
    }
    if (!v.note.empty()) std::cout << fmt::format("  read without: {}\n", v.note);
    ids.insert(v.deliveries.begin(), v.deliveries.end());
  }
  std::cout << "\nDeliveries used:\n";
  for (const auto& del : r.deliveries_used) {
    if (!ids.count(del.id)) continue;
    std::cout << fmt::format("  {} {} {} {}: {} received {} by {}, sha256 {}\n", del.id,
                             del.dataset, del.ministry, del.year, del.file_name, del.received_at,
                             del.delivered_by, del.sha256);
  }
  if (ids.empty()) std::cout << "  none\n";
  return Status::Ok();
}

}  // namespace

void RegisterCompute(CLI::App& app, GlobalOptions& g, Action& run) {
  auto a = std::make_shared<ComputeArgs>();
  auto* cmd = app.add_subcommand("compute",
                                 "Compute every indicator for a year, store the run and print it");
  cmd->add_option("-y,--year", a->year, "Reporting year")
      ->required()
      ->check(CLI::Range(1990, 2100));
  cmd->add_option("-m,--ministry", a->ministry, "Only this ministry (and the Rijk)");
  cmd->add_option("-i,--indicator", a->indicator,
                  "Indicator id or prefix pattern, e.g. absence.* or hire.share");
  cmd->add_option("--format", a->format, "Output: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--person-threshold", a->person_threshold,
                  "Persons below which a count or a statistic is suppressed (0 < n < T)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--integrity-threshold", a->integrity_threshold,
                  "Cases below which an integrity count is suppressed (0 < n < T)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->footer("Example:\n  jbr compute --year 2020 --indicator 'absence.*' --format csv");
  cmd->callback([&g, &run, a] { run = [&g, a] { return RunCompute(g, *a); }; });

  auto e = std::make_shared<std::tuple<std::string, std::string, int>>();
  auto* ex = app.add_subcommand(
      "explain", "Explain one figure: definition, formula with its numbers, deliveries");
  ex->add_option("INDICATOR", std::get<0>(*e), "Indicator id, e.g. absence.rate")->required();
  ex->add_option("-m,--ministry", std::get<1>(*e), "Ministry code or Rijk")->required();
  ex->add_option("-y,--year", std::get<2>(*e), "Reporting year")
      ->required()
      ->check(CLI::Range(1990, 2100));
  ex->footer("Example:\n  jbr explain hire.share --ministry SZW --year 2020");
  ex->callback([&g, &run, e] {
    run = [&g, e] { return RunExplain(g, std::get<0>(*e), std::get<1>(*e), std::get<2>(*e)); };
  });
}

}  // namespace jbr::cli
