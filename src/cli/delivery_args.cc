#include "cli/delivery_args.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <filesystem>

namespace jbr::cli {

CLI::Validator DeliveryFile() {
  return CLI::Validator(
      [](std::string& path) -> std::string {
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (std::filesystem::is_directory(status)) {
          return fmt::format(
              "'{}' is a directory, not a delivery file; if it is a workspace, give it with "
              "--workspace {}",
              path, path);
        }
        if (!std::filesystem::exists(status)) return fmt::format("no file '{}'", path);
        return "";
      },
      "FILE");
}

void AddDeliveryArgs(CLI::App* cmd, DeliveryArgs* a, bool required) {
  cmd->add_option("-d,--dataset", a->dataset, "Dataset, e.g. personnel (see `jbr datasets`)")
      ->required();
  auto* m = cmd->add_option("-m,--ministry", a->ministry, "Ministry code, e.g. BZK");
  auto* y = cmd->add_option("-y,--year", a->year, "Reporting year")->check(CLI::Range(1990, 2100));
  if (required) {
    m->required();
    y->required();
  }
}

Result<ResolvedDelivery> ResolveDelivery(const DeliveryArgs& a, const SchemaRegistry& schemas,
                                         const MinistryRegistry& ministries, bool required) {
  ResolvedDelivery r;
  r.schema = schemas.Find(a.dataset);
  if (r.schema == nullptr) {
    return UsageError(fmt::format("unknown dataset '{}'; the datasets are: {}", a.dataset,
                                  fmt::join(schemas.Names(), ", ")));
  }
  r.year = a.year;
  if (a.ministry.empty()) {
    if (required) return UsageError("--ministry is required");
    return r;
  }
  const Ministry* m =
      a.year ? ministries.Find(a.ministry, *a.year) : ministries.FindAnyYear(a.ministry);
  if (m == nullptr) {
    std::vector<std::string> codes;
    for (const Ministry* x : ministries.InYear(a.year.value_or(2020))) codes.push_back(x->code);
    return UsageError(fmt::format("unknown ministry '{}'{}; the ministries{} are: {}", a.ministry,
                                  a.year ? fmt::format(" in {}", *a.year) : "",
                                  a.year ? fmt::format(" of {}", *a.year) : "",
                                  fmt::join(codes, ", ")));
  }
  r.ministry = m->code;
  return r;
}

}  // namespace jbr::cli
