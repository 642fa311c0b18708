#include "publish/core/grid.h"

#include <algorithm>
#include <set>

#include "indicators/engine.h"

namespace jbr::publish {
namespace {

template <typename T>
size_t IndexOf(const std::vector<T>& sorted, const T& x) {
  return static_cast<size_t>(std::lower_bound(sorted.begin(), sorted.end(), x) - sorted.begin());
}

}  // namespace

Grid BuildGrid(const std::vector<const PublishedValue*>& values) {
  std::set<std::string> ministries;
  std::set<GridColumn> columns;
  bool rijk = false;
  for (const auto* v : values) {
    if (v->ministry == kRijk) {
      rijk = true;
    } else {
      ministries.insert(v->ministry);
    }
    columns.insert({v->period, v->unit_type, v->category});
  }
  Grid g;
  g.rows.assign(ministries.begin(), ministries.end());
  g.columns.assign(columns.begin(), columns.end());
  for (const auto* v : values) {
    const size_t row = v->ministry == kRijk ? g.rows.size() : IndexOf(g.rows, v->ministry);
    g.cells[{row, IndexOf(g.columns, GridColumn{v->period, v->unit_type, v->category})}] = v;
  }
  if (rijk) g.rows.emplace_back(kRijk);  // after the lookups: the sorted part stays searchable
  return g;
}

std::vector<std::pair<const IndicatorDef*, std::vector<const PublishedValue*>>> ValuesByIndicator(
    const Publication& pub) {
  std::map<std::string, std::vector<const PublishedValue*>> by_id;
  for (const auto& year : pub.series) {
    for (const auto& v : year.values) by_id[v.indicator].push_back(&v);
  }
  for (const auto& v : pub.values) by_id[v.indicator].push_back(&v);
  std::vector<std::pair<const IndicatorDef*, std::vector<const PublishedValue*>>> out;
  for (const auto& d : pub.definitions) out.emplace_back(&d, std::move(by_id[d.id]));
  return out;
}

std::vector<const PublishedValue*> SeriesOf(const Publication& pub, std::string_view indicator) {
  std::vector<const PublishedValue*> out;
  for (const auto& year : pub.series) {
    for (const auto& v : year.values) {
      if (v.indicator == indicator) out.push_back(&v);
    }
  }
  return out;
}

}  // namespace jbr::publish
