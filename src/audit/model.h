// The intruder's unknowns and constants (intruder.h step 1): every numerator and denominator of
// every release, keyed by release, cell and quantity. Internal to the audit.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "audit/intruder.h"
#include "audit/publication.h"

namespace jbr::audit::internal {

// Where a cell sits, apart from its indicator and category.
struct Context {
  int release = 0;
  std::string ministry, unit_type, period;
  auto operator<=>(const Context&) const = default;
};

// One quantity of one indicator and category: a function of the context.
struct SeriesId {
  std::string indicator, category;
  Quantity quantity = Quantity::kNumerator;
  auto operator<=>(const SeriesId&) const = default;
};

struct Var {
  int release = 0;
  CellKey key;
  Quantity quantity = Quantity::kNumerator;
  bool known = false;
  double value = 0;         // when known
  bool integer = false;     // a whole number
  bool suppressed = false;  // the cell's status is suppressed
  bool audited = false;     // a suppressed quantity of the current release about persons
};

struct Term {
  int var = 0;
  double coef = 0;
};
using Equation = std::vector<Term>;  // sum coef * x = 0

struct Model {
  static constexpr int kOne = 0;  // a known quantity equal to 1: the constant of an equation
  std::vector<std::string> release_names;  // the current one last
  std::vector<Var> vars;
  std::map<std::tuple<int, CellKey, Quantity>, int> index;
  std::map<SeriesId, std::map<Context, int>> series;
  std::set<std::pair<int, CellKey>> restated;  // (release whose restatements list it, key)
  std::map<std::string, double> scale;         // per ratio indicator: value = N / D * scale
  std::set<std::string> count_like;            // indicators whose denominators are all 1
  // Relations that follow from the files' own meaning: N = v / scale * D for a value-only cell
  // of a ratio, and x = v where a hidden cell's value is published elsewhere in the same release.
  std::vector<Equation> definitional;
  // Per ratio indicator, N = v / scale * D for each value-only cell (a family of kind "ratio":
  // the coefficients come from rounded decimals, so it is the first to go when a program is
  // infeasible).
  std::map<std::string, std::vector<Equation>> ratio_equations;
  std::map<std::string, int> scale_confirmations;  // published rows that agree on the scale
  // The published value of a ratio cell whose N and D are not published: N = ratio * D.
  std::map<std::pair<int, CellKey>, double> value_only_ratio;
  int suppressed_cells = 0;

  int current() const { return static_cast<int>(release_names.size()) - 1; }
  // -1 when there is no such quantity.
  int Find(int release, const CellKey& key, Quantity q) const;
};

// Builds the model from the releases, oldest first, the audited one last.
Model BuildModel(const std::vector<const PublishedRelease*>& releases);

// "2021" -> "2020", "2021-Q3" -> "2020-Q3".
std::string YearBefore(const std::string& period);

}  // namespace jbr::audit::internal
