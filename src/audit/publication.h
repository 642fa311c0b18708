// What a publication contains, read as an outsider reads it: the open data files and nothing else.
//
// ReadPublication reads DIR/opendata/indicators.csv, series.csv, restatements.csv and
// definitions.csv (the columns jbr publish writes; headers matched by name, any order, extra
// columns ignored). It never looks at a store, a compute run or the indicator registry: the
// intruder's audit (intruder.h) must stand on what anyone can download.
#pragma once

#include <compare>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace jbr::audit {

// One published cell's address.
struct CellKey {
  std::string indicator;
  std::string ministry;   // a code or "Rijk"
  std::string unit_type;  // "" = all units
  std::string period;     // "2020" or "2020-Q2"
  std::string category;   // "" = total, or no breakdown
  auto operator<=>(const CellKey&) const = default;
  std::string ToString() const;  // indicator/ministry/unit_type/period/category, "*" for ""
};

enum class CellStatus { kPublished, kSuppressed, kMissing };

// A row of indicators.csv. Numbers are nullopt where the file has an empty cell.
struct IndicatorRow {
  CellKey key;
  CellStatus status = CellStatus::kMissing;
  std::optional<double> value, numerator, denominator, previous;
  int64_t line = 0;  // physical line in the file, for messages
};

// A row of series.csv: an earlier year's figure, value only.
struct SeriesRow {
  CellKey key;
  CellStatus status = CellStatus::kMissing;
  std::optional<double> value;
};

// A row of restatements.csv: a figure that changed since the release that first published it.
struct RestatementRow {
  CellKey key;
  std::string first_release;
};

// A row of definitions.csv (the columns the audit needs).
struct DefinitionRow {
  std::string id;
  std::string unit;
  std::string disclosure;  // none | person-count | person-statistic | integrity-count
};

struct PublishedRelease {
  std::string dir;   // as given
  std::string name;  // the directory's name ("2021-1" in a releases folder)
  int year = 0;      // the latest year of indicators.csv's periods
  int number = 0;    // N of a YEAR-N directory name, 0 otherwise
  std::vector<IndicatorRow> indicators;
  std::vector<SeriesRow> series;
  std::vector<RestatementRow> restatements;
  std::map<std::string, DefinitionRow> definitions;  // by id
};

// Reads a publication directory. Errors: kNotFound when DIR or DIR/opendata/indicators.csv or
// definitions.csv does not exist (series.csv and restatements.csv may be absent: an older
// publication); kInvalidInput naming file, line and column when a file cannot be read as the open
// data (a missing column, a status outside published|suppressed|missing, a number that is not a
// number, a period that is not YEAR or YEAR-Qn, a published row without its numbers); kIo when
// reading fails.
Result<PublishedRelease> ReadPublication(const std::string& dir);

// "2021-2" -> (2021, 2); nullopt for any other name.
std::optional<std::pair<int, int>> ParseReleaseName(const std::string& name);

// The earlier releases beside DIR: when DIR's own name is YEAR-N, its siblings named YEAR-N that
// come before it (an earlier year, or the same year with a smaller N) and hold
// opendata/indicators.csv, oldest first. Empty when DIR is not named YEAR-N.
std::vector<std::string> DiscoverEarlierReleases(const std::string& dir);

}  // namespace jbr::audit
