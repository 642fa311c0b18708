// jbr datasets: what can be delivered, and each dataset's columns.
#include <iostream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/command.h"
#include "common/paths.h"

namespace jbr::cli {
namespace {

std::string Constraints(const FieldSchema& f) {
  std::vector<std::string> parts;
  if (f.required) parts.push_back("required");
  if (f.unique) parts.push_back("unique");
  if (f.minimum) parts.push_back(fmt::format(">= {}", *f.minimum));
  if (f.maximum) parts.push_back(fmt::format("<= {}", *f.maximum));
  if (!f.pattern_text.empty()) parts.push_back("pattern " + f.pattern_text);
  if (!f.default_text.empty()) parts.push_back("default " + f.default_text);
  if (!f.enum_values.empty()) {
    parts.push_back(fmt::format(
        "{}{}", f.separators.empty() ? "one of: " : "list of: ", fmt::join(f.enum_values, " | ")));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

Status RunDatasets(const std::string& data_dir, const std::string& name) {
  JBR_ASSIGN_OR_RETURN(auto schemas, LoadSchemas(data_dir));
  if (name.empty()) {
    for (const auto& n : schemas.Names()) {
      const DatasetSchema* s = schemas.Find(n);
      const std::string& d = s->description;
      const size_t stop = d.find(". ");  // the first sentence; `jbr datasets D` shows the rest
      std::cout << fmt::format("{:<16} {:<28} {}\n", s->name, s->title_nl,
                               stop == std::string::npos ? d : d.substr(0, stop + 1));
    }
    return Status::Ok();
  }
  const DatasetSchema* s = schemas.Find(name);
  if (s == nullptr) {
    return UsageError(fmt::format("unknown dataset '{}'; the datasets are: {}", name,
                                  fmt::join(schemas.Names(), ", ")));
  }
  std::cout << fmt::format("{} ({}): {}\n\n", s->name, s->title_nl, s->description);
  if (!s->period_group.empty()) {
    std::cout << fmt::format(
        "Rows must touch the delivery's year ({} to {}); a row that ended before 1 January is "
        "accepted "
        "when another row of its {} touches the year.\n\n",
        s->period_start, s->period_end, s->period_group);
  } else if (!s->period_start.empty()) {
    std::cout << fmt::format("Rows must touch the delivery's year ({} to {}).\n\n", s->period_start,
                             s->period_end);
  } else if (!s->period_date.empty()) {
    std::cout << fmt::format("Rows must be dated in the delivery's year ({}).\n\n", s->period_date);
  }
  for (const auto& f : s->fields) {
    std::cout << fmt::format("  {:<30} {:<8} {}\n", f.name, FieldTypeName(f.type), Constraints(f));
    if (!f.aliases.empty())
      std::cout << fmt::format("  {:<30} also: {}\n", "", fmt::join(f.aliases, ", "));
  }
  return Status::Ok();
}

}  // namespace

void RegisterDatasets(CLI::App& app, GlobalOptions& g, Action& run) {
  auto name = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("datasets", "List the datasets, or the columns of one");
  cmd->add_option("DATASET", *name, "A dataset to describe");
  cmd->footer("Example:\n  jbr datasets absence");
  cmd->callback([&run, &g, name] { run = [&g, name] { return RunDatasets(g.data_dir, *name); }; });
}

}  // namespace jbr::cli
