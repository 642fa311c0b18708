// A table to be published, as a general set of cells and linear additivity constraints.
//
// Every cell holds a non-negative value; an Additivity says that one cell (the total) is the sum
// of others (the parts). A 1-D table (parts and a total), a 2-D table with row, column and grand
// totals, and hierarchies (Rijk = sum of ministries, ministry = sum of its units) are all such
// sets, so suppression and the audit work on this one form. The builders below make the 1-D and
// 2-D forms; anything else is made by filling TableSpec directly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/result.h"
#include "disclosure/primary.h"

namespace jbr::sdc {

struct TableCell {
  std::string label;  // for reports only, e.g. "BZK/25-34" or "total/total"
  double value = 0;   // what would be published; finite and >= 0
  Sensitivity sensitivity = Sensitivity::kPersonCount;
  int64_t persons = 0;         // n for the primary rule: persons (integrity cases) behind the value
  bool manual_unsafe = false;  // suppress whatever the rule says (e.g. a cell withheld on request)
  // A whole number the attacker knows to be whole (a count in a table that also holds magnitudes);
  // every cell is, when TableSpec::integer_values.
  bool integer = false;
  // Not a published figure but a sum the tables only nearly meet (a person counted in two unit
  // types): unknown to the attacker, free in every program, never audited and never suppressed.
  bool auxiliary = false;
  // A number everyone knows (the gap of such a near sum): never changes and is never suppressed.
  bool constant = false;
};

// cells[total].value == sum over parts of cells[part].value.
struct Additivity {
  int total = -1;
  std::vector<int> parts;
};

struct TableSpec {
  std::vector<TableCell> cells;
  std::vector<Additivity> constraints;
  // Counts: the attacker knows every cell is a whole number, so the audit bounds are integer
  // bounds. Set to false for magnitudes (fte, euros), where the audit bounds are the LP bounds.
  bool integer_values = true;
};

// Whether cell i is a whole number to the attacker: spec.integer_values or the cell's own flag.
inline bool IsIntegerCell(const TableSpec& spec, size_t i) {
  return spec.integer_values || spec.cells[i].integer;
}
inline bool AnyIntegerCell(const TableSpec& spec) {
  if (spec.integer_values) return true;
  for (const TableCell& c : spec.cells) {
    if (c.integer) return true;
  }
  return false;
}

// Checks TableSpec's contract. Errors (kInvalidInput, naming the cell or constraint):
//   - no cells; a value that is negative, not finite, or not whole when integer_values;
//   - a kPersonStatistic cell: rates, shares and means do not add up, so they have no place in a
//     table with totals (classify them one by one with ClassifyPrimary);
//   - a constraint with a cell index out of range, no parts, a repeated part, or the total among
//     its parts;
//   - a constraint that does not hold: |total - sum(parts)| > 1e-6 * max(1, total).
Status ValidateTable(const TableSpec& spec);

// The cell layout of a 2-D table of `rows` x `cols` inner cells with totals: (rows + 1) x
// (cols + 1) cells, row-major, the last column holding row totals and the last row column
// totals; the grand total is the last cell. Preconditions: rows >= 1, cols >= 1, indices in range.
class Grid2D {
 public:
  Grid2D(int rows, int cols) : rows_(rows), cols_(cols) {}
  int rows() const { return rows_; }
  int cols() const { return cols_; }
  int size() const { return (rows_ + 1) * (cols_ + 1); }
  // r == rows() addresses the column-total row, c == cols() the row-total column.
  int Cell(int r, int c) const { return r * (cols_ + 1) + c; }
  int RowTotal(int r) const { return Cell(r, cols_); }
  int ColTotal(int c) const { return Cell(rows_, c); }
  int GrandTotal() const { return Cell(rows_, cols_); }
  // The additivity constraints: each row (the total row too) and each column (the total column
  // too) sums to its total.
  std::vector<Additivity> Constraints() const;

 private:
  int rows_;
  int cols_;
};

// A 1-D table of counts: cells 0..n-1 are the parts in the given order, cell n their total
// (label "total"). Every cell gets `sensitivity` and persons = its count.
// Errors (kInvalidInput): no parts, labels and counts of different length, a negative count.
Result<TableSpec> MakeCountTable1D(const std::vector<std::string>& labels,
                                   const std::vector<int64_t>& counts,
                                   Sensitivity sensitivity = Sensitivity::kPersonCount);

// A 2-D table of counts laid out as Grid2D(rows, cols); totals are computed. Labels are
// "row/col", "row/total", "total/col" and "total/total". Every cell gets `sensitivity` and
// persons = its count. Errors (kInvalidInput): no rows or columns, a ragged `counts`, label
// counts that do not match, a negative count.
Result<TableSpec> MakeCountTable2D(const std::vector<std::string>& row_labels,
                                   const std::vector<std::string>& col_labels,
                                   const std::vector<std::vector<int64_t>>& counts,
                                   Sensitivity sensitivity = Sensitivity::kPersonCount);

}  // namespace jbr::sdc
