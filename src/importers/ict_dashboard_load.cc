// The ICT dashboard import's second half: delivery files per ministry, loaded the normal way.
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "common/clock.h"
#include "common/csv_write.h"
#include "common/temp_dir.h"
#include "importers/ict_dashboard_rows.h"

namespace jbr::ict_import {
namespace {

namespace fs = std::filesystem;

std::string Line(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + CsvField(cells[i]);
  return out + "\n";
}

std::string DateText(std::optional<Days> d) { return d ? FormatDate(*d) : std::string(); }
std::string Euros(std::optional<double> v) { return v ? fmt::format("{:.2f}", *v) : ""; }

Days ReferenceOf(const DashboardRow& r, int year) {
  return r.reference.value_or(DaysFromCivil(year, 12, 31));
}

std::string Activities(const std::vector<const DashboardRow*>& rows, int year) {
  std::string out = Line({"activity_id", "name", "ministry", "organisation", "status", "start_date",
                          "kind", "method", "subjects", "reference_date"});
  for (const DashboardRow* r : rows) {
    const std::string organisation = !r->organisation.empty()    ? r->organisation
                                     : !r->ministry_name.empty() ? r->ministry_name
                                                                 : r->ministry;
    out += Line({r->id, r->name, r->ministry, organisation, r->status, DateText(r->start), r->kind,
                 r->method, r->subjects, FormatDate(ReferenceOf(*r, year))});
  }
  return out;
}

std::string Records(const std::vector<const DashboardRow*>& rows, int year) {
  std::string out =
      Line({"activity_id", "date", "action", "end_date_estimate", "cost_estimate_eur",
            "spend_to_date_eur", "internal_staff_estimate_eur", "internal_staff_spend_eur",
            "external_staff_estimate_eur", "external_staff_spend_eur",
            "other_material_estimate_eur", "other_material_spend_eur", "reasons"});
  for (const DashboardRow* r : rows) {
    out += Line({r->id, DateText(r->start), "initial", DateText(r->initial_end),
                 Euros(r->initial_cost), "", "", "", "", "", "", "", ""});
    std::optional<double> spend;
    if (r->current_cost && r->remaining) spend = std::max(0.0, *r->current_cost - *r->remaining);
    std::string reasons;
    for (const auto& reason : r->reasons) reasons += (reasons.empty() ? "" : ";") + reason;
    std::vector<std::string> cells = {r->id,
                                      FormatDate(ReferenceOf(*r, year)),
                                      r->reasons.empty() ? "report" : "reassessment",
                                      DateText(r->current_end),
                                      Euros(r->current_cost),
                                      Euros(spend)};
    for (const auto& c : r->categories) cells.push_back(Euros(c));
    cells.push_back(reasons);
    out += Line(cells);
  }
  return out;
}

// Writes `text` to dir/file_name and loads it as `dataset` of `ministry`.
Result<IctDashboardDelivery> Load(Workspace* ws, const std::string& dir, const std::string& dataset,
                                  const std::string& ministry, int year, const std::string& text,
                                  int64_t rows, const IctDashboardOptions& options,
                                  FindingSink* sink) {
  const DatasetSchema* schema = ws->schemas().Find(dataset);
  if (schema == nullptr) return NotFound(fmt::format("the workspace has no {} schema", dataset));
  IctDashboardDelivery d;
  d.ministry = ministry;
  d.dataset = dataset;
  d.rows = rows;
  d.file_name = fmt::format("ict-dashboard-{}-{}-{}.csv", ministry, dataset, year);
  LoadRequest req;
  req.dataset = dataset;
  req.ministry = ministry;
  req.year = year;
  req.delivered_by = options.delivered_by;
  req.path = (fs::path(dir) / d.file_name).string();
  req.display_name = d.file_name;
  req.received_at = options.clock->NowUtc();
  req.options.table.csv.delimiter = ',';
  req.options.table.csv.encoding = Encoding::kUtf8;
  req.options.decimal = DecimalMark::kPoint;
  {
    std::ofstream out(req.path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return IoError(fmt::format("cannot write {}", req.path));
  }
  JBR_ASSIGN_OR_RETURN(LoadResult loaded,
                       LoadDelivery(ws->store(), ws->schemas(), *schema, req, sink));
  d.outcome = loaded.outcome;
  d.delivery_id = loaded.outcome == LoadOutcome::kRejected ? 0 : loaded.delivery.id;
  return d;
}

}  // namespace

Status LoadRows(Workspace* ws, const std::vector<DashboardRow>& rows, int year,
                const IctDashboardOptions& options, FindingSink* sink, IctDashboardResult* result) {
  std::map<std::string, std::vector<const DashboardRow*>> by_ministry;
  for (const auto& r : rows) by_ministry[r.ministry].push_back(&r);
  if (options.clock == nullptr)
    return UsageError("an import needs a clock (IctDashboardOptions::clock)");
  JBR_ASSIGN_OR_RETURN(TempDir temp, TempDir::Make("jbr-ict-import-"));
  const std::string& dir = temp.path();
  Status status = Status::Ok();
  for (const auto& [ministry, list] : by_ministry) {
    const auto n = static_cast<int64_t>(list.size());
    auto a =
        Load(ws, dir, "ict_activities", ministry, year, Activities(list, year), n, options, sink);
    if (!a.ok()) {
      status = a.status();
      break;
    }
    result->deliveries.push_back(*a);
    if (a->outcome == LoadOutcome::kRejected) continue;
    auto r =
        Load(ws, dir, "ict_records", ministry, year, Records(list, year), 2 * n, options, sink);
    if (!r.ok()) {
      status = r.status();
      break;
    }
    result->deliveries.push_back(*r);
  }
  return status;
}

}  // namespace jbr::ict_import
