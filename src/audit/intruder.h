// The intruder's audit of a publication: the second, independent line of defence of domain.md
// section 6 (issue 11). It knows only what anyone can download: the open data of the publication
// and of the earlier releases still in public view (publication.h). It never uses compute's tables
// or the indicator registry's links; it finds the links itself, in the published numbers.
//
// 1. Quantities. Every row has a numerator and a denominator. Published ones are constants;
//    suppressed ones are unknowns >= 0, whole numbers where the indicator is a count
//    (person-count or integrity-count) and every published numerator is whole. An indicator
//    whose published denominators are all 1 is count-like: its value is its numerator, and
//    series.csv (and the "previous" column) then give numerators of earlier years. For other
//    indicators a published value v of an earlier year gives numerator = v / scale x denominator,
//    the scale (100 for a percentage) read off the published rows.
// 2. Relations. Candidate families of additive relations, each tested on every instance whose
//    cells are all published (relative tolerance 1e-9, absolute 1e-6); a family is accepted when
//    no such instance contradicts it and at least one with a non-zero total confirms it (two for
//    identity and cross, found among pairs that happen to be equal somewhere):
//      rijk          the Rijk = the sum of the ministries (all, or all but one or two that break
//                    it, as Defence is out of personnel-type data);
//      unit-types    all units ("" unit type) = the sum of the unit types;
//      quarters      the year = the sum of its four quarters;
//      last-quarter  the year = its fourth quarter (a stock on 31 December);
//      categories    the total ("" category) = the sum of the categories;
//      cross         one indicator's categories add up to another indicator's numerator or
//                    denominator, or to the sum of another indicator's categories;
//      identity      a quantity of one indicator equals a quantity of another at the same
//                    ministry, unit type and period (categories paired as they are found);
//      rolling       a rolling-year figure at a quarter = another indicator's sum over the four
//                    quarters up to it (two confirmations, as identities);
//      ratio         an earlier year's published value v of a ratio: N = v / scale x D;
//      releases      a cell of an earlier release equals the same cell in the next release that
//                    shows it, unless that release's restatements.csv lists it.
//    Every instance of an accepted family, including those with hidden cells, goes into one set
//    of linear equalities.
// 3. Bounds. Each suppressed quantity of the current release is minimised and maximised over all
//    equalities together (GLPK; one scaled program per connected component, warm-started);
//    counts get the LP bounds rounded inwards, narrowed to exact integer bounds by branch and
//    bound in components with few whole-number unknowns. A component whose program is infeasible
//    means a derived relation is wrong: the family with the least evidence whose removal makes it
//    feasible is dropped and reported.
// 4. Judgement, from outside (the hidden value is unknown): a quantity fails when its interval is
//    exact (width <= 1e-6, or 1e-9 of the value for large sums; for counts fewer than two whole
//    values), or when it is a count that could be a small group (lo < person_threshold) and no
//    value v in [lo, hi] could be protected at p(v) = max(min_protection, protection_percent % of
//    v), i.e. no v with max(0, v - p(v)) >= lo and v + p(v) <= hi (levels rounded up). This is
//    the rule compute protects by (sdc::FailsFromOutside).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/publication.h"
#include "common/result.h"
#include "disclosure/audit.h"  // ProtectionOptions

namespace jbr::audit {

enum class Quantity { kNumerator, kDenominator };
const char* QuantityName(Quantity q);
// A bound as the reports write it: "inf" for no bound, never "-0".
std::string BoundText(double v);

struct IntruderOptions {
  sdc::ProtectionOptions protection;  // 10 % and at least 1, as the disclosure step uses
  // A hidden count whose interval reaches below this could be a small group (domain.md: 10
  // persons): it must leave room for one at its protection level. Counts known to be at least
  // this, and magnitudes, need only stay open (sdc::FailsFromOutside, as compute judges them).
  double person_threshold = 10;
  // Components with at most this many whole-number unknowns get exact integer bounds by branch
  // and bound; larger ones get the LP bounds rounded inwards.
  int max_integer_columns = 400;
  // A family needs this many confirming instances (published, non-zero, agreeing)...
  int min_confirmations = 1;
  // ... and an identity or cross relation, found among the pairs of quantities that happen to be
  // equal somewhere, this many, in as many places (ministry and unit type): one equal pair of
  // small counts, or one place's pair in two years, is too often chance.
  int min_identity_confirmations = 2;
  // Take a total = categories or all units = unit types relation from the tables' layout even
  // where no instance has every cell published to confirm it (an intruder reads the total row as
  // the sum of the rows beside it), unless an instance contradicts it. Not the Rijk = ministries
  // relation: which ministries a Rijk figure takes in differs by figure.
  bool trust_layout = true;

  Status Validate() const;
};

// A suppressed quantity and what the intruder can learn about it.
struct QuantityBounds {
  std::string release;  // the release's name
  CellKey key;
  Quantity quantity = Quantity::kNumerator;
  bool integer = false;
  double lo = 0;
  double hi = 0;  // +infinity when nothing bounds it above
  bool exact = false;
  bool protectable = true;  // some value in [lo, hi] could sit at its protection level
  std::string reason;       // why it fails; empty when it passes
  bool fails() const { return exact || !protectable; }
  double width() const { return hi - lo; }
  // (hi - lo) / the interval's midpoint; +infinity when unbounded, 0 when exact at 0.
  double relative_width() const;
};

// One candidate family of relations and what the published numbers said about it.
struct FamilyReport {
  std::string kind;   // rijk | unit-types | quarters | last-quarter | categories | cross |
                      // identity | rolling | releases | ratio
  std::string label;  // e.g. "absence.episodes numerator: Rijk = ministries except DEF"
  int instances = 0;  // instances with at least one cell
  int checked = 0;    // instances with every cell published
  int confirmed = 0;  // of those, agreeing with a non-zero total
  int contradicted = 0;
  bool accepted = false;
  bool dropped = false;  // accepted, then dropped because it made a program infeasible
  std::string note;      // for a rejected family: the first contradiction
};

struct IntruderReport {
  std::vector<std::string> releases;  // names, the audited (current) one last
  int suppressed_cells = 0;           // suppressed rows of the current release (indicators and
                                      // series) of indicators about persons
  int audited_quantities = 0;
  int families_accepted = 0;
  int families_rejected = 0;
  int families_dropped = 0;
  int relation_instances = 0;  // instances of accepted families that reached the equations
  int equations = 0;           // of those, with at least one unknown
  int components = 0;          // connected components solved
  int lp_solves = 0;
  int exact_recoveries = 0;
  int under_protection = 0;                          // failing but not exact
  std::vector<QuantityBounds> failures;              // every failing quantity, in key order
  std::optional<QuantityBounds> narrowest_absolute;  // smallest width over audited quantities
  std::optional<QuantityBounds> narrowest_relative;  // smallest relative width
  std::vector<FamilyReport> families;  // accepted, dropped and the rejected structural ones
  int rejected_coincidences = 0;       // identity/cross/rolling candidates rejected (not listed)
  std::vector<std::string> notes;      // components that could not be solved, and why
  std::vector<QuantityBounds> all;     // every audited quantity (for tests and --format json)
  bool safe() const { return failures.empty(); }
};

// Audits `current` given the earlier releases (oldest first). Errors: kInvalidInput for bad
// options; kInternal when GLPK fails.
Result<IntruderReport> AuditPublication(const std::vector<PublishedRelease>& earlier,
                                        const PublishedRelease& current,
                                        const IntruderOptions& options);

// The report as text (a summary, then one line per failing quantity and the relation families)
// and as JSON.
std::string FormatReportText(const IntruderReport& report);
std::string FormatReportJson(const IntruderReport& report);

// Judges one interval (step 4), for a quantity that is a whole number or not; sets exact,
// protectable and reason. Exposed for tests.
void Judge(const sdc::ProtectionOptions& options, QuantityBounds* b, double small_below = 10);

}  // namespace jbr::audit
