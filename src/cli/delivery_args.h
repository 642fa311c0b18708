// --dataset, --ministry, --year: what a delivery is for, checked against the reference data.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "common/result.h"
#include "schema/ministries.h"
#include "schema/schema.h"

namespace jbr::cli {

struct DeliveryArgs {
  std::string dataset;
  std::string ministry;
  std::optional<int> year;
};

// The FILE of validate, load and import: an existing file. A directory gets a message that says
// so and names the likely cause (an option such as --workspace whose name went missing).
CLI::Validator DeliveryFile();

// `required`: ministry and year must be given (load), else they are optional (validate).
void AddDeliveryArgs(CLI::App* cmd, DeliveryArgs* args, bool required);

struct ResolvedDelivery {
  const DatasetSchema* schema = nullptr;
  std::string ministry;  // canonical code, or empty
  std::optional<int> year;
};

// Usage errors name what is allowed: the datasets, or the ministries of that year.
Result<ResolvedDelivery> ResolveDelivery(const DeliveryArgs& args, const SchemaRegistry& schemas,
                                         const MinistryRegistry& ministries, bool required);

}  // namespace jbr::cli
