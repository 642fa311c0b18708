#include "validate/cell.h"

#include <cmath>

#include <fmt/format.h>

#include "common/text.h"

namespace jbr {
namespace {

std::string Quoted(std::string_view text) {
  constexpr size_t kMax = 60;  // keep messages readable whatever the cell holds
  if (text.size() <= kMax) return fmt::format("'{}'", text);
  return fmt::format("'{}...'", text.substr(0, kMax));
}

CellIssue TypeIssue(const FieldSchema& f, std::string_view text, DecimalMark mark) {
  std::string hint;
  switch (f.type) {
    case FieldType::kDate:
      hint = "write dates as YYYY-MM-DD or DD-MM-YYYY";
      break;
    case FieldType::kBoolean:
      hint = "write true/false, ja/nee, j/n, yes/no or 1/0";
      break;
    case FieldType::kInteger:
      hint = "write a whole number without thousands separators";
      break;
    case FieldType::kNumber:
      if (mark == DecimalMark::kPoint && ParseDecimal(text, DecimalMark::kComma)) {
        hint =
            "this file is read with a decimal point; pass --decimal comma if it uses decimal "
            "commas";
      } else if (mark == DecimalMark::kComma && ParseDecimal(text, DecimalMark::kPoint)) {
        hint =
            "this file is read with a decimal comma; pass --decimal point if it uses decimal "
            "points";
      } else {
        hint = "write a number such as 36 or 18.5";
      }
      break;
    case FieldType::kString:
      break;
  }
  return {"type-error", fmt::format("{} is not a valid {}", Quoted(text), FieldTypeName(f.type)),
          std::move(hint)};
}

std::optional<CellIssue> CheckRange(const FieldSchema& f, double v, std::string_view text) {
  if (f.minimum && v < *f.minimum) {
    return CellIssue{"constraint-error",
                     fmt::format("{} is below the minimum {}", Quoted(text), *f.minimum),
                     fmt::format("{} must be at least {}", f.name, *f.minimum)};
  }
  if (f.maximum && v > *f.maximum) {
    return CellIssue{"constraint-error",
                     fmt::format("{} is above the maximum {}", Quoted(text), *f.maximum),
                     fmt::format("{} must be at most {}", f.name, *f.maximum)};
  }
  return std::nullopt;
}

std::string EnumList(const FieldSchema& f) {
  std::string out;
  for (const auto& v : f.enum_values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

std::optional<CellIssue> ConvertString(const FieldSchema& f, std::string_view text,
                                       std::string* scratch, Value* out) {
  if (f.max_length && text.size() > *f.max_length) {
    return CellIssue{"constraint-error",
                     fmt::format("value is {} bytes, longer than {}", text.size(), *f.max_length),
                     "shorten the value"};
  }
  if (f.pattern && !std::regex_match(text.begin(), text.end(), *f.pattern)) {
    return CellIssue{"constraint-error",
                     fmt::format("{} does not match the pattern {}", Quoted(text), f.pattern_text),
                     fmt::format("write {} in the form {}", f.name, f.pattern_text)};
  }
  if (f.enum_values.empty()) {
    out->s = text;
    return std::nullopt;
  }
  if (f.separators.empty()) {
    auto canonical = f.CanonicalEnum(text);
    if (!canonical) {
      return CellIssue{"enum-error",
                       fmt::format("{} is not one of the allowed values", Quoted(text)),
                       fmt::format("use one of: {}", EnumList(f))};
    }
    out->s = *canonical;
    return std::nullopt;
  }
  // A list: every element must be allowed; the value becomes the canonical elements joined by ';'.
  scratch->clear();
  for (std::string_view part : Split(text, f.separators)) {
    part = Trim(part);
    if (part.empty()) continue;
    auto canonical = f.CanonicalEnum(part);
    if (!canonical) {
      return CellIssue{"enum-error",
                       fmt::format("{} is not one of the allowed values", Quoted(part)),
                       fmt::format("use one or more of: {}; join them with ;", EnumList(f))};
    }
    if (!scratch->empty()) scratch->push_back(';');
    scratch->append(*canonical);
  }
  out->s = *scratch;
  return std::nullopt;
}

}  // namespace

namespace {

std::optional<CellIssue> Convert(const FieldSchema& f, std::string_view text, CellKind kind,
                                 DecimalMark mark, std::string* scratch, Value* out,
                                 bool date1904) {
  text = Trim(text);
  *out = Value{};
  if (text.empty()) {
    if (f.default_text.empty()) return std::nullopt;
    text = f.default_text;
    mark = DecimalMark::kPoint;  // defaults are written in the schema with a point
    kind = CellKind::kText;
  }
  // Spreadsheet numbers are always stored with a point, whatever the locale showed.
  DecimalMark cell_mark = kind == CellKind::kText ? mark : DecimalMark::kPoint;
  out->null = false;
  switch (f.type) {
    case FieldType::kString:
      return ConvertString(f, text, scratch, out);
    case FieldType::kInteger: {
      auto v = ParseInt(text, cell_mark);
      if (!v) return TypeIssue(f, text, mark);
      out->i = *v;
      return CheckRange(f, static_cast<double>(*v), text);
    }
    case FieldType::kNumber: {
      auto v = ParseDecimal(text, cell_mark);
      if (!v) return TypeIssue(f, text, mark);
      out->d = *v;
      return CheckRange(f, *v, text);
    }
    case FieldType::kDate: {
      std::optional<Days> d;
      if (kind == CellKind::kNumber) {
        auto serial = ParseDecimal(text, DecimalMark::kPoint);
        // 1904-01-01 is serial 0 there and serial 1462 in the 1900 system.
        if (serial) d = DateFromExcelSerial(date1904 ? *serial + 1462 : *serial);
      } else {
        d = ParseDate(text);
      }
      if (!d) return TypeIssue(f, text, mark);
      out->i = *d;
      return std::nullopt;
    }
    case FieldType::kBoolean: {
      auto b = ParseBool(text);
      if (!b) return TypeIssue(f, text, mark);
      out->i = *b ? 1 : 0;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<CellIssue> ConvertCell(const FieldSchema& f, std::string_view text, CellKind kind,
                                     DecimalMark mark, std::string* scratch, Value* out,
                                     bool date1904) {
  auto issue = Convert(f, text, kind, mark, scratch, out, date1904);
  if (issue) *out = Value{};  // an invalid cell has no value: rules and keys skip it
  return issue;
}

}  // namespace jbr
