#include "validate/rules.h"

#include <algorithm>
#include <limits>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/text.h"
#include "validate/key_set.h"

namespace jbr {
namespace {

constexpr Days kOpenEnd = std::numeric_limits<Days>::max();

std::string ValueText(const FieldSchema& f, const Value& v) {
  if (v.null) return "";
  switch (f.type) {
    case FieldType::kString:
      return std::string(v.s);
    case FieldType::kInteger:
      return std::to_string(v.i);
    case FieldType::kNumber:
      return fmt::format("{}", v.d);
    case FieldType::kDate:
      return FormatDate(static_cast<Days>(v.i));
    case FieldType::kBoolean:
      return v.i ? "true" : "false";
  }
  return "";
}

}  // namespace

// The schema refuses unknown kinds when it is loaded (CheckNames in schema.cc).
RowRules::Kind RowRules::KindOf(const std::string& kind) {
  static const std::pair<const char*, Kind> kKinds[] = {{"not-before", Kind::kNotBefore},
                                                        {"not-above", Kind::kNotAbove},
                                                        {"sum-not-above", Kind::kSumNotAbove},
                                                        {"required-if", Kind::kRequiredIf},
                                                        {"empty-if", Kind::kEmptyIf},
                                                        {"no-overlap", Kind::kNoOverlap},
                                                        {"equals-ministry", Kind::kEqualsMinistry}};
  for (const auto& [name, k] : kKinds) {
    if (kind == name) return k;
  }
  return Kind::kNotBefore;
}

RowRules::RowRules(const DatasetSchema& schema, const DeliveryContext& context,
                   std::vector<std::string> columns, Finding finding_base)
    : schema_(schema),
      context_(context),
      columns_(std::move(columns)),
      base_(std::move(finding_base)) {
  segments_.resize(schema.rules.size());
  auto index = [&](const std::string& name) { return name.empty() ? -1 : schema.FieldIndex(name); };
  for (const auto& rule : schema.rules) {
    Resolved r{KindOf(rule.kind), index(rule.field), index(rule.reference), index(rule.when),
               index(rule.group), index(rule.start), index(rule.end),       {}};
    for (const auto& f : rule.fields) r.fields.push_back(index(f));
    resolved_.push_back(std::move(r));
  }
  if (context.year) {
    first_ = DaysFromCivil(*context.year, 1, 1);
    last_ = DaysFromCivil(*context.year, 12, 31);
  }
  period_date_ = index(schema.period_date);
  period_start_ = index(schema.period_start);
  period_end_ = index(schema.period_end);
  period_group_ = index(schema.period_group);
}

void RowRules::Report(FindingSink* sink, int64_t row, int field, std::string_view value,
                      const char* code, std::string message, std::string hint) const {
  Finding f = base_;
  f.code = code;
  f.row = row;
  if (field >= 0) f.column = columns_[field];
  f.value = std::string(value);
  f.message = std::move(message);
  f.hint = std::move(hint);
  sink->Add(std::move(f));
}

double RowRules::Numeric(const Value& v, int field) const {
  return schema_.fields[field].type == FieldType::kNumber ? v.d : static_cast<double>(v.i);
}

bool RowRules::Involves(const Resolved& r, const std::vector<bool>& bad) const {
  for (int i : {r.field, r.reference, r.when, r.start, r.end, r.group}) {
    if (i >= 0 && bad[i]) return true;
  }
  for (int i : r.fields) {
    if (bad[i]) return true;
  }
  return false;
}

void RowRules::Check(const TypedRow& row, const std::vector<bool>& bad, FindingSink* sink) {
  for (size_t r = 0; r < schema_.rules.size(); ++r) {
    const RuleSchema& rule = schema_.rules[r];
    const Resolved& res = resolved_[r];
    if (Involves(res, bad)) continue;
    if (res.kind == Kind::kNoOverlap) {
      const Value& g = row.values[res.group];
      const Value& s = row.values[res.start];
      const Value& e = row.values[res.end];
      if (!g.null && !s.null && (e.null || e.i >= s.i)) {
        segments_[r].push_back({HashKey(g.s), static_cast<Days>(s.i),
                                e.null ? kOpenEnd : static_cast<Days>(e.i), row.row_number});
      }
      continue;
    }
    CheckRule(rule, res, row, sink);
  }
  CheckPeriod(row, sink);
}

void RowRules::CheckRule(const RuleSchema& rule, const Resolved& res, const TypedRow& row,
                         FindingSink* sink) {
  int fi = res.field;
  const Value* v = fi >= 0 ? &row.values[fi] : nullptr;
  auto text = [&] { return fi >= 0 ? ValueText(schema_.fields[fi], *v) : std::string(); };
  if (res.kind == Kind::kNotBefore || res.kind == Kind::kNotAbove) {
    int ri = res.reference;
    const Value& ref = row.values[ri];
    if (v->null || ref.null) return;
    if (Numeric(*v, fi) < Numeric(ref, ri)) {
      if (res.kind == Kind::kNotBefore) {
        Report(sink, row.row_number, fi, text(), "cross-field-error",
               fmt::format("{}: {} {} is before {} {}", rule.message, rule.field, text(),
                           rule.reference, ValueText(schema_.fields[ri], ref)),
               rule.hint);
      }
    } else if (res.kind == Kind::kNotAbove && Numeric(*v, fi) > Numeric(ref, ri)) {
      Report(sink, row.row_number, fi, text(), "cross-field-error",
             fmt::format("{}: {} {} is above {} {}", rule.message, rule.field, text(),
                         rule.reference, ValueText(schema_.fields[ri], ref)),
             rule.hint);
    }
  } else if (res.kind == Kind::kSumNotAbove) {
    int ri = res.reference;
    if (row.values[ri].null) return;
    double sum = 0;
    for (int i : res.fields) {
      if (!row.values[i].null) sum += Numeric(row.values[i], i);
    }
    double limit = Numeric(row.values[ri], ri);
    if (sum > limit * (1 + 1e-12)) {
      Report(sink, row.row_number, ri, ValueText(schema_.fields[ri], row.values[ri]),
             "cross-field-error",
             fmt::format("{}: the sum of {} is {}, above {} {}", rule.message,
                         fmt::join(rule.fields, " + "), sum, rule.reference, limit),
             rule.hint);
    }
  } else if (res.kind == Kind::kRequiredIf || res.kind == Kind::kEmptyIf) {
    const Value& w = row.values[res.when];
    if (w.null || std::find(rule.in.begin(), rule.in.end(), w.s) == rule.in.end()) return;
    bool bad = res.kind == Kind::kRequiredIf ? v->null : !v->null;
    if (bad) {
      Report(sink, row.row_number, fi, text(), "cross-field-error",
             fmt::format("{} ({} is {})", rule.message, rule.when, w.s), rule.hint);
    }
  } else if (res.kind == Kind::kEqualsMinistry) {
    if (context_.ministry.empty() || v->null) return;
    if (AsciiLower(v->s) != AsciiLower(context_.ministry)) {
      Report(sink, row.row_number, fi, text(), "cross-field-error",
             fmt::format("{}: {} is not {}", rule.message, v->s, context_.ministry), rule.hint);
    }
  }
}

void RowRules::CheckPeriod(const TypedRow& row, FindingSink* sink) {
  if (!context_.year) return;
  const Days first = first_;
  const Days last = last_;
  auto message = [&](int field, const char* what) {
    Report(
        sink, row.row_number, field, FormatDate(static_cast<Days>(row.values[field].i)),
        "out-of-period", fmt::format("the row {} {}", what, *context_.year),
        fmt::format(
            "deliver only rows that fall in {}; rows of other years belong in that year's delivery",
            *context_.year));
  };
  if (period_date_ >= 0) {
    int d = period_date_;
    const Value& v = row.values[d];
    if (!v.null && (v.i < first || v.i > last)) message(d, "is dated outside");
    return;
  }
  if (period_start_ < 0) return;
  int s = period_start_;
  int e = period_end_;
  const Value* group =
      period_group_ >= 0 && !row.values[period_group_].null ? &row.values[period_group_] : nullptr;
  if (!row.values[s].null && row.values[s].i > last) {
    message(s, "starts after");
  } else if (e >= 0 && !row.values[e].null && row.values[e].i < first) {
    // An earlier segment of a unit (episode) that goes on in the year belongs to this delivery.
    if (group != nullptr) {
      earlier_.push_back({HashKey(group->s), row.row_number, static_cast<Days>(row.values[e].i)});
    } else {
      message(e, "ended before");
    }
  } else if (group != nullptr) {
    groups_in_year_.insert(HashKey(group->s));
  }
}

void RowRules::Finish(FindingSink* sink) {
  for (const EarlierRow& r : earlier_) {
    if (groups_in_year_.count(r.group)) continue;
    const std::string& g = schema_.period_group;
    Report(sink, r.row, period_end_, FormatDate(r.end), "out-of-period",
           fmt::format("the row ended before {} and no row of its {} touches {}", *context_.year, g,
                       *context_.year),
           fmt::format("deliver only rows that fall in {}, and the earlier rows of each {} that "
                       "goes on in {}; "
                       "rows of other years belong in that year's delivery",
                       *context_.year, g, *context_.year));
  }
  earlier_.clear();
  groups_in_year_.clear();
  for (size_t r = 0; r < schema_.rules.size(); ++r) {
    const RuleSchema& rule = schema_.rules[r];
    auto& segs = segments_[r];
    std::sort(segs.begin(), segs.end(), [](const Segment& a, const Segment& b) {
      return a.group != b.group ? a.group < b.group : a.start < b.start;
    });
    for (size_t i = 1; i < segs.size(); ++i) {
      const Segment& prev = segs[i - 1];
      const Segment& cur = segs[i];
      if (cur.group == prev.group && cur.start <= prev.end) {
        Report(sink, cur.row, schema_.FieldIndex(rule.start), FormatDate(cur.start),
               "cross-field-error",
               fmt::format("{}: this segment starts on or before the end of the segment in row {}",
                           rule.message, prev.row),
               rule.hint);
      }
    }
    segs.clear();
  }
}

}  // namespace jbr
