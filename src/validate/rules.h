// Rules across the fields of a row (cross-field-error), the reporting period (out-of-period), and
// across rows (no-overlap of segments in a group).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "common/finding.h"
#include "schema/schema.h"
#include "validate/typed_row.h"
#include "validate/validator.h"

namespace jbr {

class RowRules {
 public:
  // `columns[f]` is the header the file used for field f (or its name when absent); `finding`
  // carries the file and sheet every finding starts from.
  RowRules(const DatasetSchema& schema, const DeliveryContext& context,
           std::vector<std::string> columns, Finding finding_base);

  // `bad[f]` is true when field f's cell was invalid: rules on it are skipped (already reported).
  void Check(const TypedRow& row, const std::vector<bool>& bad, FindingSink* sink);
  // Rules that need every row (no-overlap; a row before the year whose group has no row in the
  // year); call once after the last row.
  void Finish(FindingSink* sink);

 private:
  enum class Kind {
    kNotBefore,
    kNotAbove,
    kSumNotAbove,
    kRequiredIf,
    kEmptyIf,
    kNoOverlap,
    kEqualsMinistry
  };
  static Kind KindOf(const std::string& kind);
  void Report(FindingSink* sink, int64_t row, int field, std::string_view value, const char* code,
              std::string message, std::string hint) const;
  struct Resolved;
  void CheckRule(const RuleSchema& rule, const Resolved& res, const TypedRow& row,
                 FindingSink* sink);
  bool Involves(const Resolved& res, const std::vector<bool>& bad) const;
  void CheckPeriod(const TypedRow& row, FindingSink* sink);
  double Numeric(const Value& v, int field) const;

  // A rule's kind and field names resolved once (-1 when the rule does not use that part), so that
  // no row compares names.
  struct Resolved {
    Kind kind = Kind::kNotBefore;
    int field = -1, reference = -1, when = -1, group = -1, start = -1, end = -1;
    std::vector<int> fields;
  };
  struct Segment {
    uint64_t group;
    Days start;
    Days end;
    int64_t row;
  };
  const DatasetSchema& schema_;
  DeliveryContext context_;
  std::vector<std::string> columns_;
  Finding base_;
  std::vector<std::vector<Segment>> segments_;  // per no-overlap rule
  std::vector<Resolved> resolved_;              // per rule
  Days first_ = 0, last_ = 0;                   // the delivery's year, when known
  int period_date_ = -1, period_start_ = -1, period_end_ = -1, period_group_ = -1;
  // With a period group: the rows that ended before the year (decided at Finish), and the groups
  // that have a row touching the year.
  struct EarlierRow {
    uint64_t group;
    int64_t row;
    Days end;
  };
  std::vector<EarlierRow> earlier_;
  std::unordered_set<uint64_t> groups_in_year_;
};

}  // namespace jbr
