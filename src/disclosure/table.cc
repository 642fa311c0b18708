#include "disclosure/table.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace jbr::sdc {

namespace {

Status ValidateCell(const TableSpec& spec, size_t i) {
  const TableCell& cell = spec.cells[i];
  const std::string where = "cell " + std::to_string(i) + " (" + cell.label + ")";
  if (!std::isfinite(cell.value) || cell.value < 0) {
    return InvalidInput(where + ": value must be finite and >= 0");
  }
  if (IsIntegerCell(spec, i) && cell.value != std::floor(cell.value)) {
    return InvalidInput(where + ": value must be a whole number in an integer table");
  }
  if (cell.sensitivity == Sensitivity::kPersonStatistic) {
    return InvalidInput(where + ": a rate, share or mean is not additive and cannot be in a table");
  }
  return Status::Ok();
}

Status ValidateConstraint(const TableSpec& spec, size_t k) {
  const Additivity& a = spec.constraints[k];
  const std::string where = "constraint " + std::to_string(k);
  const int n = static_cast<int>(spec.cells.size());
  auto in_range = [n](int i) { return i >= 0 && i < n; };
  if (!in_range(a.total)) return InvalidInput(where + ": total index out of range");
  if (a.parts.empty()) return InvalidInput(where + ": no parts");
  std::set<int> seen;
  double sum = 0;
  for (int p : a.parts) {
    if (!in_range(p)) return InvalidInput(where + ": part index out of range");
    if (p == a.total) return InvalidInput(where + ": the total is among its own parts");
    if (!seen.insert(p).second) return InvalidInput(where + ": repeated part");
    sum += spec.cells[p].value;
  }
  const double total = spec.cells[a.total].value;
  // Relative tolerance: magnitudes such as euros are sums of rounded figures.
  if (std::fabs(total - sum) > 1e-6 * std::max(1.0, total)) {
    return InvalidInput(where + ": parts add up to " + std::to_string(sum) + ", total is " +
                        std::to_string(total));
  }
  return Status::Ok();
}

}  // namespace

Status ValidateTable(const TableSpec& spec) {
  if (spec.cells.empty()) return InvalidInput("table has no cells");
  for (size_t i = 0; i < spec.cells.size(); ++i) JBR_RETURN_IF_ERROR(ValidateCell(spec, i));
  for (size_t k = 0; k < spec.constraints.size(); ++k) {
    JBR_RETURN_IF_ERROR(ValidateConstraint(spec, k));
  }
  return Status::Ok();
}

std::vector<Additivity> Grid2D::Constraints() const {
  std::vector<Additivity> out;
  for (int r = 0; r <= rows_; ++r) {
    Additivity a{RowTotal(r), {}};
    for (int c = 0; c < cols_; ++c) a.parts.push_back(Cell(r, c));
    out.push_back(std::move(a));
  }
  for (int c = 0; c <= cols_; ++c) {
    Additivity a{ColTotal(c), {}};
    for (int r = 0; r < rows_; ++r) a.parts.push_back(Cell(r, c));
    out.push_back(std::move(a));
  }
  return out;
}

namespace {

TableCell CountCell(std::string label, int64_t count, Sensitivity sensitivity) {
  return TableCell{std::move(label), static_cast<double>(count), sensitivity, count, false};
}

Status CheckCounts(const std::vector<std::vector<int64_t>>& counts, size_t cols) {
  for (const auto& row : counts) {
    if (row.size() != cols) return InvalidInput("ragged table: a row has the wrong length");
    for (int64_t v : row) {
      if (v < 0) return InvalidInput("negative count " + std::to_string(v));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<TableSpec> MakeCountTable1D(const std::vector<std::string>& labels,
                                   const std::vector<int64_t>& counts, Sensitivity sensitivity) {
  if (counts.empty()) return InvalidInput("a 1-D table needs at least one part");
  if (labels.size() != counts.size()) return InvalidInput("labels and counts differ in length");
  JBR_RETURN_IF_ERROR(CheckCounts({counts}, counts.size()));
  TableSpec spec;
  Additivity sum{static_cast<int>(counts.size()), {}};
  int64_t total = 0;
  for (size_t i = 0; i < counts.size(); ++i) {
    spec.cells.push_back(CountCell(labels[i], counts[i], sensitivity));
    sum.parts.push_back(static_cast<int>(i));
    total += counts[i];
  }
  spec.cells.push_back(CountCell("total", total, sensitivity));
  spec.constraints.push_back(std::move(sum));
  return spec;
}

Result<TableSpec> MakeCountTable2D(const std::vector<std::string>& row_labels,
                                   const std::vector<std::string>& col_labels,
                                   const std::vector<std::vector<int64_t>>& counts,
                                   Sensitivity sensitivity) {
  if (counts.empty() || counts[0].empty()) return InvalidInput("a 2-D table needs cells");
  const size_t rows = counts.size();
  const size_t cols = counts[0].size();
  if (row_labels.size() != rows || col_labels.size() != cols) {
    return InvalidInput("row or column labels do not match the counts");
  }
  JBR_RETURN_IF_ERROR(CheckCounts(counts, cols));
  const Grid2D grid(static_cast<int>(rows), static_cast<int>(cols));
  // Extended matrix: inner counts plus a total column and a total row.
  std::vector<std::vector<int64_t>> full(rows + 1, std::vector<int64_t>(cols + 1, 0));
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < cols; ++c) {
      full[r][c] = counts[r][c];
      full[r][cols] += counts[r][c];
      full[rows][c] += counts[r][c];
      full[rows][cols] += counts[r][c];
    }
  }
  TableSpec spec;
  for (size_t r = 0; r <= rows; ++r) {
    for (size_t c = 0; c <= cols; ++c) {
      const std::string label = (r < rows ? row_labels[r] : std::string("total")) + "/" +
                                (c < cols ? col_labels[c] : std::string("total"));
      spec.cells.push_back(CountCell(label, full[r][c], sensitivity));
    }
  }
  spec.constraints = grid.Constraints();
  return spec;
}

}  // namespace jbr::sdc
