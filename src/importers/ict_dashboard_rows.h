// Internal to the ICT dashboard import (ict_dashboard.cc reads, ict_dashboard_load.cc loads).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/finding.h"
#include "common/parse.h"
#include "importers/ict_dashboard.h"

namespace jbr::ict_import {

// One row of the layout, parsed; amounts in euros.
struct DashboardRow {
  int64_t line = 0;
  std::string id, ministry, ministry_name, name, status, kind, subjects, organisation, method;
  std::optional<Days> reference, start, initial_end, current_end;
  std::vector<std::string> reasons;
  std::optional<double> initial_cost, current_cost, remaining;
  // internal staff estimate, spend; external staff estimate, spend; other material estimate, spend
  std::optional<double> categories[6];
};

// Writes each ministry's ict_activities and ict_records files (rows free of errors) and loads
// them, activities first; the records are not loaded when the activities were rejected.
Status LoadRows(Workspace* ws, const std::vector<DashboardRow>& rows, int year,
                const IctDashboardOptions& options, FindingSink* sink, IctDashboardResult* result);

}  // namespace jbr::ict_import
