// Import of the Ministry of Finance's open data on apparatus spend ("Uitsplitsing apparaat in
// kostensoorten", opendata.rijksbegroting.nl dataset 7) as external_hire deliveries.
//
// Input: a comma-delimited CSV with the columns Jaar, Begrotingshoofdstuk, Kostensoort and
// "Realisatie (*Eu 1000)" (others are ignored): one row per year, budget chapter, article and cost
// type, amounts in thousands of euros with a decimal comma. An empty amount counts as 0 (warning
// empty-amount).
//
// Mapping, as data in `mapping_dir` (default <data dir>/import), never in code:
//   apparaatskosten-kostensoorten.csv  number,kostensoort,category[,note]: a cost type to an
//     external_hire category or "ignore". A value with a leading model number ("16. Interim-
//     management") is looked up by that number; any other value by its name, normalised (see
//     NormaliseCostType). Rows with the same number must agree on the category.
//   apparaatskosten-hoofdstukken.csv  hoofdstuk,ministry,from_year,to_year[,naam]: a budget chapter
//     to a ministry code that must exist in that year (data/ministries.csv).
// A cost type or chapter that maps to nothing is an error finding (unmapped-cost-type,
// unmapped-chapter); so are a missing column and an unreadable year or amount (missing-column,
// type-error). With any error finding nothing at all is loaded.
//
// Otherwise the amounts (x 1000, rounded to cents) are summed per ministry, year,
// organisation_unit "hoofdstuk <chapter>" and category, written as one external_hire CSV per
// ministry and year (organisation_unit,category,amount_eur; rows sorted, so the same input gives
// the same bytes) and each is loaded with LoadDelivery: validated, stored, superseding the
// current delivery, audited; a file identical to the current delivery changes nothing. Every
// delivery is all or nothing on its own. A ministry and year whose rows are all "ignore" gets no
// delivery. Problems in the mapping files themselves are returned as a kInvalidInput status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/finding.h"
#include "common/result.h"
#include "store/load.h"
#include "store/workspace.h"

namespace jbr {

inline constexpr const char* kApparaatskostenActor = "import:apparaatskosten";

struct ApparaatskostenOptions {
  std::string mapping_dir;  // empty: <workspace data dir>/import
  std::string delivered_by = kApparaatskostenActor;
  const Clock* clock = nullptr;  // required: when the deliveries are received
  std::string display_name;      // for findings; empty: the file's name
};

// One ministry and year of the import.
struct ApparaatskostenDelivery {
  std::string ministry;
  int year = 0;
  std::string file_name;  // apparaatskosten-<ministry>-<year>.csv
  LoadOutcome outcome = LoadOutcome::kRejected;
  int64_t delivery_id = 0;       // the new or identical delivery; 0 when rejected
  int64_t rows = 0;              // rows in the generated file
  double own_personnel_eur = 0;  // category own_personnel
  double hire_eur = 0;           // the eight hire categories together
};

struct ApparaatskostenResult {
  int64_t rows_read = 0;     // data rows of the input, blank rows not counted
  int64_t rows_ignored = 0;  // rows whose cost type maps to "ignore"
  // By ministry, then year. Empty when the input had errors (nothing was loaded).
  std::vector<ApparaatskostenDelivery> deliveries;
};

// Reads `path`, maps and aggregates it, and loads the deliveries into `ws` (see above). Findings go
// to `sink`; a non-OK status means a failure of the machine or of the mapping files.
Result<ApparaatskostenResult> ImportApparaatskosten(Workspace* ws, const std::string& path,
                                                    const ApparaatskostenOptions& options,
                                                    FindingSink* sink);

// The form cost types are compared in: no-break spaces as spaces, the dashes U+2010-U+2015 and
// U+2212 as '-', blanks trimmed and collapsed to one space, Latin letters in lower case.
std::string NormaliseCostType(std::string_view text);

// The model number of a normalised cost type that starts with one ("16. interim-management" ->
// 16): one to three digits, a '.', then a blank or the end. nullopt when there is none.
std::optional<int> CostTypeNumber(std::string_view normalised);

}  // namespace jbr
