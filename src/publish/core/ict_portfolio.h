// The large ICT activities of a publication (ict-projects.md): for every ministry the activities,
// records and optional detail lists of the deliveries the compute run used, with the derived
// figures of the run's year. Loaded into the Publication (Publication::ict) with the rest of the
// run; the ICT appendix pages and the dashboard's open-data layout are written from it, so that
// they show what the ict.* indicators of the same run counted.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "indicators/core/ict_derived.h"
#include "schema/ministries.h"
#include "schema/schema.h"
#include "store/store.h"

namespace jbr::publish {

struct Publication;

struct IctMilestone {
  std::string description;
  std::optional<Days> expected, realised;
  bool achieved = false;
};

struct IctReview {
  Days date = 0;
  std::string party, kind;  // kind: acict | audit | gateway | other
};

struct IctPaper {
  Days date = 0;
  std::string number, title, link;
  bool acict_advice = false;
};

// Per-category estimates and spend of one record (EUR; nullopt when not delivered).
struct IctCategoryCosts {
  std::optional<double> internal_staff_estimate, internal_staff_spend;
  std::optional<double> external_staff_estimate, external_staff_spend;
  std::optional<double> other_material_estimate, other_material_spend;
  bool any() const;
};

struct IctActivity {
  IctActivityFigures figures;  // DeriveIctFigures, inclusion decisions applied
  std::string kind, method, subjects, description;
  IctCategoryCosts current_categories;  // of figures.current
  bool acict_advice = false;
  std::vector<IctMilestone> milestones;  // by expected date
  std::vector<IctReview> reviews;        // by date
  std::vector<IctPaper> papers;          // by date
};

struct IctPortfolio {
  int year = 0;
  std::string run_at;  // the compute run's time (ISO 8601): fixed workbook creation time
  std::vector<IctActivity> activities;                // by ministry, then activity_id
  std::map<std::string, std::string> ministry_names;  // code -> Dutch name, when known
};

// The datasets a portfolio reads; the first two are required per ministry.
inline constexpr const char* kIctDatasets[] = {"ict_activities", "ict_records", "ict_inclusion",
                                               "ict_milestones", "ict_reviews", "ict_papers"};

// Loads the portfolio of `pub` from `store`: the deliveries listed in pub.deliveries (by id, never
// the current ones, so that a release stays reproducible after later deliveries) of the run's year
// and of the datasets above. A ministry without both ict_activities and ict_records is left out.
// `ministries` (may be null) gives the Dutch ministry names valid in the year.
// Errors: the store's (a listed delivery that cannot be read); NotFound for an unknown schema.
Result<IctPortfolio> LoadIctPortfolio(Store* store, const SchemaRegistry& schemas,
                                      const Publication& pub,
                                      const MinistryRegistry* ministries = nullptr);

}  // namespace jbr::publish
