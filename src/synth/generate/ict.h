// The Rijk's large ICT activities (ict-projects.md): a portfolio that renews itself each year,
// with an initial record, yearly reports, reassessments with reasons from the fixed list, some
// finished and some cancelled, some with AcICT advice. The last generated year is steered to the
// published key figures: roughly 100-125 activities in the report, a total current estimate of
// about EUR 6 billion, about 19% above the initial estimates (domain.md section 8).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "synth/core/profile.h"
#include "synth/core/rng.h"
#include "synth/core/table.h"

namespace jbr::synth {

struct IctTargets {
  double active = 112;
  double cost_current = 6e9;
  double cost_change_pct = 19;
};

class IctPortfolio {
 public:
  // The portfolio over [first_year, last_year], steered to `t` in last_year.
  IctPortfolio(const Profiles& profiles, int first_year, int last_year, const IctTargets& t,
               double scale, uint64_t seed);

  // The five ICT deliveries of a ministry for a year: ict_activities, ict_records, ict_reviews,
  // ict_papers, ict_milestones, in that order.
  std::vector<Table> Tables(const std::string& ministry, int year) const;
  // Included in the report for the year, as ict-projects.md defines it (for the calibration).
  size_t IncludedCount(int year) const;

 private:
  struct Record {
    Days date;
    const char* action;
    Days end;  // 0: unknown
    double cost, spend;
    std::string reasons;
  };
  struct Activity {
    std::string id, ministry, organisation, name, kind, method, subjects;
    Days start;
    Days cancelled = 0;  // 0: not cancelled
    std::vector<Record> records;
    bool acict = false;
    Days review_date = 0;
  };
  const Record* Current(const Activity& a, int year) const;
  bool Included(const Activity& a, int year) const;
  bool Delivered(const Activity& a, int year) const;
  std::string Status(const Activity& a, int year) const;
  void Steer(int year, const IctTargets& t);

  std::vector<Activity> activities_;
};

}  // namespace jbr::synth
