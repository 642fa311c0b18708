#include "indicators/core/reference.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "common/parse.h"
#include "ingest/csv_reader.h"

namespace jbr {

int RefTable::Column(const std::string& col) const {
  auto it = std::find(columns.begin(), columns.end(), col);
  return it == columns.end() ? -1 : static_cast<int>(it - columns.begin());
}

std::vector<const std::vector<std::string>*> RefTable::Find(
    const std::vector<std::pair<std::string, std::string>>& where) const {
  std::vector<int> idx;
  for (const auto& [c, v] : where) idx.push_back(Column(c));
  std::vector<const std::vector<std::string>*> out;
  for (const auto& row : rows) {
    bool match = true;
    for (size_t i = 0; i < where.size() && match; ++i) {
      match =
          idx[i] >= 0 && static_cast<size_t>(idx[i]) < row.size() && row[idx[i]] == where[i].second;
    }
    if (match) out.push_back(&row);
  }
  return out;
}

std::optional<double> RefTable::Number(
    const std::vector<std::pair<std::string, std::string>>& where,
    const std::string& column) const {
  int c = Column(column);
  auto found = Find(where);
  if (c < 0 || found.size() != 1 || static_cast<size_t>(c) >= found[0]->size()) return std::nullopt;
  return ParseDecimal((*found[0])[c], DecimalMark::kPoint);
}

Result<ReferenceData> ReferenceData::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  ReferenceData ref;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".csv") files.push_back(e.path());
  }
  if (ec) return IoError(fmt::format("cannot read reference data in {}: {}", dir, ec.message()));
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    CollectingSink sink;
    CsvOptions o;
    o.delimiter = ',';
    o.encoding = Encoding::kUtf8;
    JBR_ASSIGN_OR_RETURN(auto src, OpenCsv(p.string(), p.filename().string(), o, &sink));
    RefTable t;
    t.name = p.stem().string();
    t.columns = src->header().cells;
    RawRow row;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool more, src->Next(&row));
      if (!more) break;
      if (!row.IsBlank()) t.rows.push_back(row.cells);
    }
    if (sink.errors() > 0) {
      return InvalidInput(fmt::format("{}: {}", p.string(), sink.findings().front().message));
    }
    ref.tables_[t.name] = std::move(t);
  }
  return ref;
}

const RefTable* ReferenceData::Get(const std::string& name) const {
  auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

std::optional<double> ReferenceData::Norm(const std::string& id) const {
  const RefTable* t = Get("norms");
  return t == nullptr ? std::nullopt : t->Number({{"id", id}}, "value");
}

Result<std::string> EmissionFactorVintage(const ReferenceData& ref, int year) {
  const RefTable* t = ref.Get("emission_factor_vintages");
  const int from = t == nullptr ? -1 : t->Column("from_year");
  const int name = t == nullptr ? -1 : t->Column("vintage");
  if (from < 0 || name < 0) {
    return InvalidInput(
        "reference data emission_factor_vintages.csv is missing or lacks the columns from_year, "
        "vintage");
  }
  std::optional<int> best_from;
  std::string best;
  for (const auto& row : t->rows) {
    if (row.size() <= static_cast<size_t>(std::max(from, name))) continue;
    auto y = ParseInt(row[from]);
    if (!y)
      return InvalidInput(
          fmt::format("emission_factor_vintages.csv: from_year '{}' is not a year", row[from]));
    if (*y <= year && (!best_from || *y > *best_from)) {
      best_from = static_cast<int>(*y);
      best = row[name];
    }
  }
  if (!best_from) {
    return InvalidInput(fmt::format(
        "emission_factor_vintages.csv assigns no vintage to {}: add a row from_year <= {}", year,
        year));
  }
  const RefTable* factors = ref.Get("emission_factors");
  if (factors == nullptr || factors->Find({{"vintage", best}}).empty()) {
    return InvalidInput(
        fmt::format("emission_factor_vintages.csv assigns vintage '{}' to {}, but "
                    "emission_factors.csv has no row of it",
                    best, year));
  }
  return best;
}

}  // namespace jbr
