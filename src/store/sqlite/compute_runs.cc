#include "store/sqlite/compute_runs.h"

namespace jbr::sqlite {

Result<int64_t> InsertComputeRun(Database* db, const ComputeRun& run, std::optional<int64_t> id,
                                 const std::vector<StoredValue>& values) {
  // A NULL id makes SQLite give the INTEGER PRIMARY KEY the next number.
  JBR_ASSIGN_OR_RETURN(auto ins,
                       db->Prepare("INSERT INTO compute_runs(id, at, year, definition_version, "
                                   "factor_vintage, deliveries, options, "
                                   "factor_vintages, adjacent_gaps) VALUES (?,?,?,?,?,?,?,?,?)"));
  JBR_RETURN_IF_ERROR(ins.Bind(1, id)
                          .Bind(2, run.at)
                          .Bind(3, static_cast<int64_t>(run.year))
                          .Bind(4, run.definition_version)
                          .Bind(5, run.factor_vintage)
                          .Bind(6, run.deliveries)
                          .Bind(7, run.options)
                          .Bind(8, run.factor_vintages)
                          .Bind(9, run.adjacent_gaps)
                          .Run());
  const int64_t run_id = db->LastInsertId();
  JBR_ASSIGN_OR_RETURN(
      auto val,
      db->Prepare("INSERT INTO computed_values(run_id, indicator, ministry, unit_type, period, "
                  "category, unit, status, "
                  "value, numerator, denominator, previous, change, flag, suppression, "
                  "deliveries, previous_status, "
                  "previous_deliveries) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  for (const auto& v : values) {
    val.Bind(1, run_id)
        .Bind(2, v.indicator)
        .Bind(3, v.ministry)
        .Bind(4, v.unit_type)
        .Bind(5, v.period)
        .Bind(6, v.category)
        .Bind(7, v.unit)
        .Bind(8, v.status)
        .Bind(9, v.value)
        .Bind(10, v.numerator)
        .Bind(11, v.denominator)
        .Bind(12, v.previous)
        .Bind(13, v.change)
        .Bind(14, v.flag)
        .Bind(15, v.suppression)
        .Bind(16, v.deliveries)
        .Bind(17, v.previous_status)
        .Bind(18, v.previous_deliveries);
    JBR_RETURN_IF_ERROR(val.Run());
  }
  return run_id;
}

}  // namespace jbr::sqlite
