// Import of the Rijks ICT-dashboard's open-data overview ("Activiteitenoverzicht", the layout of
// schema/ict_dashboard_layout.h, as publish/ict_dashboard writes it) as ict_activities and
// ict_records deliveries, one of each per ministry.
//
// Input: an XLSX workbook (its sheet "Activiteitenoverzicht") or a CSV (delimiter sniffed); the
// reader is chosen by content. Headers are matched by name (case and surrounding blanks ignored),
// never by position; unknown columns are ignored. Required columns: Nummer, Ministerie,
// ICT-activiteit, Status, Soort ICT-activiteit, Startdatum, Initiële schatting einddatum, Actuele
// schatting einddatum, Initiële schatting meerjarige kosten, Actuele schatting meerjarige kosten
// huidige jaar. Dates dd-mm-yyyy or yyyy-mm-dd (or a workbook date); amounts in EUR million, point
// or comma decimals, never negative; an empty end date is unknown.
//
// Each row becomes an activity (organisation: Organisatie, else Ministerie (naam), else the code;
// reference date: Peildatum, else 31-12 of the year) and two records: an initial one dated at the
// start date with the initial end date and cost, and one dated at the reference date with the
// current end date and cost, action reassessment with the reasons of "Reden herijking" (joined by
// ';') when there are any, else report; its spend is current cost - "Prognose toekomstige kosten"
// when given; the per-category columns go on it too.
//
// Findings (row and column named): missing-column, type-error (a non-date, a non-number),
// constraint-error (required but empty, a negative amount), enum-error (a status or reason not in
// the list), unique-error (the same Nummer twice for a ministry), unknown-ministry. With any error
// nothing is loaded. Otherwise each ministry's two files are loaded with LoadDelivery (activities
// first, then the records that refer to them): validated, stored, superseding, audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/finding.h"
#include "common/result.h"
#include "store/load.h"
#include "store/workspace.h"

namespace jbr {

inline constexpr const char* kIctDashboardActor = "import:ict-dashboard";

struct IctDashboardOptions {
  std::optional<int> year;  // the deliveries' year; nullopt: the year of the latest Peildatum
  std::string delivered_by = kIctDashboardActor;
  const Clock* clock = nullptr;  // required: when the deliveries are received
  std::string display_name;      // for findings; empty: the file's name
};

struct IctDashboardDelivery {
  std::string ministry, dataset, file_name;
  LoadOutcome outcome = LoadOutcome::kRejected;
  int64_t delivery_id = 0;  // 0 when rejected
  int64_t rows = 0;
};

struct IctDashboardResult {
  int year = 0;
  int64_t rows_read = 0;  // data rows, blank rows not counted
  // By ministry, activities before records. Empty when the input had errors.
  std::vector<IctDashboardDelivery> deliveries;
};

// Reads `path` and loads its deliveries into `ws` (see above). Findings go to `sink`. Errors: a
// usage error when no year is given and no row has a Peildatum; the machine's (I/O, store).
Result<IctDashboardResult> ImportIctDashboard(Workspace* ws, const std::string& path,
                                              const IctDashboardOptions& options,
                                              FindingSink* sink);

}  // namespace jbr
