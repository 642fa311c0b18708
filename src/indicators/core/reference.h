// Reference data for indicators: versioned CSV files under data/reference/ (norms, the maximum
// hourly rate, jobs-agreement targets, emission factors, flight distance classes). Each file has a
// header row; rows are looked up by column values. Values marked illustrative say so in a column
// `status` and in the output.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace jbr {

struct RefTable {
  std::string name;  // file name without .csv
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  int Column(const std::string& name) const;  // -1 when absent
  // Rows whose columns equal the given values ({"ministry","BZK"},{"year","2020"}).
  std::vector<const std::vector<std::string>*> Find(
      const std::vector<std::pair<std::string, std::string>>& where) const;
  // The number in `column` of the single row matching `where`; nullopt when none matches.
  std::optional<double> Number(const std::vector<std::pair<std::string, std::string>>& where,
                               const std::string& column) const;
};

class ReferenceData {
 public:
  // Loads every *.csv in `dir`.
  static Result<ReferenceData> Load(const std::string& dir);
  const RefTable* Get(const std::string& name) const;
  // A scalar from norms.csv (columns id,value,unit,source): e.g. "hire.share.max" -> 10.
  std::optional<double> Norm(const std::string& id) const;
  void Put(RefTable table) { tables_[table.name] = std::move(table); }  // tests

 private:
  std::map<std::string, RefTable> tables_;
};

// The emission-factor vintage a reporting year is computed with (domain.md section 7: each year
// with its own factors, so that a new factor list changes no earlier year by itself):
// emission_factor_vintages.csv (columns from_year, vintage) assigns a vintage to every year from
// `from_year` until the next row's. Errors: the file is missing, malformed, or assigns nothing to
// `year` (a year before the first row), or names a vintage that emission_factors.csv lacks.
Result<std::string> EmissionFactorVintage(const ReferenceData& ref, int year);

}  // namespace jbr
