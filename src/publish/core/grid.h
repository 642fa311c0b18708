// One indicator's values laid out as a table for the annex: ministries (by code, then the Rijk)
// by columns of period, unit type and category.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "publish/core/publication.h"

namespace jbr::publish {

struct GridColumn {
  std::string period, unit_type, category;
  bool operator<(const GridColumn& o) const {
    if (std::tie(period, unit_type) != std::tie(o.period, o.unit_type))
      return std::tie(period, unit_type) < std::tie(o.period, o.unit_type);
    return CategoryLess(category, o.category);
  }
};

struct Grid {
  std::vector<std::string> rows;  // ministry codes sorted, then "Rijk" when it has values
  std::vector<GridColumn>
      columns;  // sorted: period, unit type ("" = all first), category ("" = total first)
  std::map<std::pair<size_t, size_t>, const PublishedValue*> cells;  // (row, column) -> value
};

// `values` are one indicator's; they must outlive the grid.
Grid BuildGrid(const std::vector<const PublishedValue*>& values);

// The values of each indicator, in the order of `pub.definitions`: the time series' earlier years
// (Publication::series) first, then the report year's values, so that a grid of them shows the
// series' years as the first columns.
std::vector<std::pair<const IndicatorDef*, std::vector<const PublishedValue*>>> ValuesByIndicator(
    const Publication& pub);

// One indicator's time-series cells of the earlier years, oldest first.
std::vector<const PublishedValue*> SeriesOf(const Publication& pub, std::string_view indicator);

}  // namespace jbr::publish
