// The linked structure of every published figure about persons, for disclosure control
// (docs/disclosure.md): what an intruder who reads all tables at once can add up.
//
// Every figure about persons publishes one or two quantities (its numerator, and for a rate,
// share or mean its denominator). A node is one quantity; the same quantity published twice (a
// share's denominator and the headcount, the totals of interns by kind and by level) is one node,
// so that hiding it hides it everywhere by construction. Constraints say that one node is the sum
// of others, wherever that holds in the numbers: the Rijk and its ministries, all units and the
// unit types, the year and its quarters, a total and its categories, and one indicator's
// categories and another's figure (IndicatorDef::total_of). Status links say which figures must
// share one suppression status: the figures of one population cell (IndicatorDef::population),
// and a rolling figure and the quarters it covers (IndicatorDef::rolling_of).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "disclosure/table.h"
#include "indicators/engine.h"

namespace jbr {

struct LinkedStructure {
  struct Node {
    double value = 0;
    bool integer = false;  // a count: whole numbers wherever this quantity is published
    std::string label;     // e.g. "personnel.headcount/BZK//2020/" for reports
    // Not a published quantity: the sum of parts that only nearly meet their total (unknown to
    // an intruder); a gap node is the known difference, published in effect.
    bool auxiliary = false;
    bool constant = false;  // the gap of a near sum: known, never hidden
  };
  std::vector<Node> nodes;
  // Per value (same index as the values given): its numerator's and denominator's node, -1 when
  // it has none (counts have no denominator; figures not about persons are not in the structure).
  std::vector<std::array<int, 2>> value_nodes;
  std::vector<sdc::Additivity> constraints;  // over node indices
  // Sets of values (indices) that share one status: any hidden hides all.
  std::vector<std::vector<int>> groups;
  // (a, b): when value a is hidden, value b is too.
  std::vector<std::array<int, 2>> implies;
  int merged_quantities = 0;  // quantities that are published more than once (identities)
  int near_sums = 0;          // hierarchies that hold only nearly, linked as if the gap were known
};

// Builds the structure over `values` as the engine made them (numbers still present). The
// values' order is kept; `defs` gives each indicator's class and links.
LinkedStructure BuildLinkedStructure(const std::vector<IndicatorDef>& defs,
                                     const std::vector<IndicatorValue>& values);

}  // namespace jbr
