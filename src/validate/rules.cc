#include "validate/rules.h"

#include <algorithm>
#include <limits>

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
    case FieldType::kString: return std::string(v.s);
    case FieldType::kInteger: return std::to_string(v.i);
    case FieldType::kNumber: return fmt::format("{}", v.d);
    case FieldType::kDate: return FormatDate(static_cast<Days>(v.i));
    case FieldType::kBoolean: return v.i ? "true" : "false";
  }
  return "";
}

}  // namespace

RowRules::RowRules(const DatasetSchema& schema, const DeliveryContext& context,
                   std::vector<std::string> columns, Finding finding_base)
    : schema_(schema), context_(context), columns_(std::move(columns)), base_(std::move(finding_base)) {
  segments_.resize(schema.rules.size());
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

bool RowRules::Involves(const RuleSchema& rule, const std::vector<bool>& bad) const {
  for (const std::string* name : {&rule.field, &rule.reference, &rule.when, &rule.start, &rule.end, &rule.group}) {
    if (!name->empty() && bad[schema_.FieldIndex(*name)]) return true;
  }
  for (const auto& name : rule.fields) {
    if (bad[schema_.FieldIndex(name)]) return true;
  }
  return false;
}

void RowRules::Check(const TypedRow& row, const std::vector<bool>& bad, FindingSink* sink) {
  for (size_t r = 0; r < schema_.rules.size(); ++r) {
    const RuleSchema& rule = schema_.rules[r];
    if (Involves(rule, bad)) continue;
    if (rule.kind == "no-overlap") {
      const Value& g = row.values[schema_.FieldIndex(rule.group)];
      const Value& s = row.values[schema_.FieldIndex(rule.start)];
      const Value& e = row.values[schema_.FieldIndex(rule.end)];
      if (!g.null && !s.null && (e.null || e.i >= s.i)) {
        segments_[r].push_back({HashKey(g.s), static_cast<Days>(s.i),
                                e.null ? kOpenEnd : static_cast<Days>(e.i), row.row_number});
      }
      continue;
    }
    CheckRule(rule, row, sink);
  }
  CheckPeriod(row, sink);
}

void RowRules::CheckRule(const RuleSchema& rule, const TypedRow& row, FindingSink* sink) {
  int fi = rule.field.empty() ? -1 : schema_.FieldIndex(rule.field);
  const Value* v = fi >= 0 ? &row.values[fi] : nullptr;
  auto text = [&] { return fi >= 0 ? ValueText(schema_.fields[fi], *v) : std::string(); };
  if (rule.kind == "not-before" || rule.kind == "not-above") {
    int ri = schema_.FieldIndex(rule.reference);
    const Value& ref = row.values[ri];
    if (v->null || ref.null) return;
    if (Numeric(*v, fi) < Numeric(ref, ri)) {
      if (rule.kind == "not-before") {
        Report(sink, row.row_number, fi, text(), "cross-field-error",
               fmt::format("{}: {} {} is before {} {}", rule.message, rule.field, text(), rule.reference,
                           ValueText(schema_.fields[ri], ref)),
               rule.hint);
      }
    } else if (rule.kind == "not-above" && Numeric(*v, fi) > Numeric(ref, ri)) {
      Report(sink, row.row_number, fi, text(), "cross-field-error",
             fmt::format("{}: {} {} is above {} {}", rule.message, rule.field, text(), rule.reference,
                         ValueText(schema_.fields[ri], ref)),
             rule.hint);
    }
  } else if (rule.kind == "sum-not-above") {
    int ri = schema_.FieldIndex(rule.reference);
    if (row.values[ri].null) return;
    double sum = 0;
    for (const auto& name : rule.fields) {
      int i = schema_.FieldIndex(name);
      if (!row.values[i].null) sum += Numeric(row.values[i], i);
    }
    double limit = Numeric(row.values[ri], ri);
    if (sum > limit * (1 + 1e-12)) {
      Report(sink, row.row_number, ri, ValueText(schema_.fields[ri], row.values[ri]), "cross-field-error",
             fmt::format("{}: the sum of {} is {}, above {} {}", rule.message,
                         fmt::join(rule.fields, " + "), sum, rule.reference, limit),
             rule.hint);
    }
  } else if (rule.kind == "required-if" || rule.kind == "empty-if") {
    const Value& w = row.values[schema_.FieldIndex(rule.when)];
    if (w.null || std::find(rule.in.begin(), rule.in.end(), w.s) == rule.in.end()) return;
    bool bad = rule.kind == "required-if" ? v->null : !v->null;
    if (bad) {
      Report(sink, row.row_number, fi, text(), "cross-field-error",
             fmt::format("{} ({} is {})", rule.message, rule.when, w.s), rule.hint);
    }
  } else if (rule.kind == "equals-ministry") {
    if (context_.ministry.empty() || v->null) return;
    if (AsciiLower(v->s) != AsciiLower(context_.ministry)) {
      Report(sink, row.row_number, fi, text(), "cross-field-error",
             fmt::format("{}: {} is not {}", rule.message, v->s, context_.ministry), rule.hint);
    }
  }
}

void RowRules::CheckPeriod(const TypedRow& row, FindingSink* sink) {
  if (!context_.year) return;
  const Days first = DaysFromCivil(*context_.year, 1, 1);
  const Days last = DaysFromCivil(*context_.year, 12, 31);
  auto message = [&](int field, const char* what) {
    Report(sink, row.row_number, field, FormatDate(static_cast<Days>(row.values[field].i)),
           "out-of-period", fmt::format("the row {} {}", what, *context_.year),
           fmt::format("deliver only rows that fall in {}; rows of other years belong in that year's delivery",
                       *context_.year));
  };
  if (!schema_.period_date.empty()) {
    int d = schema_.FieldIndex(schema_.period_date);
    const Value& v = row.values[d];
    if (!v.null && (v.i < first || v.i > last)) message(d, "is dated outside");
    return;
  }
  if (schema_.period_start.empty()) return;
  int s = schema_.FieldIndex(schema_.period_start);
  int e = schema_.period_end.empty() ? -1 : schema_.FieldIndex(schema_.period_end);
  if (!row.values[s].null && row.values[s].i > last) {
    message(s, "starts after");
  } else if (e >= 0 && !row.values[e].null && row.values[e].i < first) {
    message(e, "ended before");
  }
}

void RowRules::Finish(FindingSink* sink) {
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
        Report(sink, cur.row, schema_.FieldIndex(rule.start), FormatDate(cur.start), "cross-field-error",
               fmt::format("{}: this segment starts on or before the end of the segment in row {}",
                           rule.message, prev.row),
               rule.hint);
      }
    }
    segs.clear();
  }
}

}  // namespace jbr
