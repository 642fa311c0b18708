// Step 2 of the intruder's audit (intruder.h): the candidate families of additive relations,
// each tested on the instances whose cells are all published. Internal to the audit.
#pragma once

#include <vector>

#include "audit/intruder.h"
#include "audit/model.h"

namespace jbr::audit::internal {

struct Family {
  FamilyReport report;
  std::vector<Equation> instances;  // go into the equations when the family is accepted
  std::vector<Equation> checks;     // only test the family (a value against earlier N and D)
  bool coincidence = false;         // an identity/cross candidate found by equal values
};

// How an equation fares on the published numbers.
enum class Verdict { kOpen, kConfirmed, kZero, kContradicted };
Verdict Check(const Model& model, const Equation& eq);

// Tests every instance and check of `f` and sets its counts and `accepted`.
// `declared`: the tables' layout states the relation (a total row beside its parts), so it is
// accepted without a confirming instance, unless one contradicts it.
void Evaluate(const Model& model, int min_confirmations, Family* f, bool declared = false);

// Every candidate family, evaluated. Rejected identity/cross candidates are returned too (with
// coincidence set) so that they can be counted.
std::vector<Family> DeriveFamilies(const Model& model, const IntruderOptions& options);

}  // namespace jbr::audit::internal
