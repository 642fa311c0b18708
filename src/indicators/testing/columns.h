// Columns as the store hands them to a theme, built from values for the indicator tests: text,
// numbers, integers (or booleans and enums stored as integers), dates from ISO text or days. An
// empty optional is a null cell. Tests only; no production file includes it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "common/parse.h"
#include "store/column_codec.h"

namespace jbr::test {

namespace column_detail {

template <typename T, typename Range, typename Put>
Column Build(FieldType type, const Range& values, Put put) {
  Column c;
  c.type = type;
  for (const auto& v : values) {
    const std::optional<T> x(v);
    c.null.push_back(x ? 0 : 1);
    put(x, &c);
  }
  return c;
}

inline void PutStr(const std::optional<std::string>& x, Column* c) {
  c->AppendStr(x ? *x : std::string());
}
inline void PutNum(const std::optional<double>& x, Column* c) {
  c->numbers.push_back(x.value_or(0));
}
inline void PutInt(const std::optional<int64_t>& x, Column* c) { c->ints.push_back(x.value_or(0)); }
inline void PutIso(const std::optional<std::string>& x, Column* c) {
  c->ints.push_back(x ? *ParseDate(*x) : 0);
}

}  // namespace column_detail

#define JBR_TEST_COLUMN(Name, T, Type, Put)                       \
  inline Column Name(std::initializer_list<std::optional<T>> v) { \
    return column_detail::Build<T>(Type, v, column_detail::Put);  \
  }                                                               \
  inline Column Name(const std::vector<std::optional<T>>& v) {    \
    return column_detail::Build<T>(Type, v, column_detail::Put);  \
  }                                                               \
  inline Column Name(const std::vector<T>& v) {                   \
    return column_detail::Build<T>(Type, v, column_detail::Put);  \
  }

JBR_TEST_COLUMN(StrCol, std::string, FieldType::kString, PutStr)
JBR_TEST_COLUMN(NumCol, double, FieldType::kNumber, PutNum)
// Dates from ISO text ("2021-03-31").
JBR_TEST_COLUMN(DateCol, std::string, FieldType::kDate, PutIso)
#undef JBR_TEST_COLUMN

// Integers; `type` kBoolean (0 or 1) or kEnum where the store keeps those as integers too.
inline Column IntCol(std::initializer_list<std::optional<int64_t>> v,
                     FieldType type = FieldType::kInteger) {
  return column_detail::Build<int64_t>(type, v, column_detail::PutInt);
}
inline Column IntCol(const std::vector<std::optional<int64_t>>& v,
                     FieldType type = FieldType::kInteger) {
  return column_detail::Build<int64_t>(type, v, column_detail::PutInt);
}
inline Column IntCol(const std::vector<int64_t>& v, FieldType type = FieldType::kInteger) {
  return column_detail::Build<int64_t>(type, v, column_detail::PutInt);
}
inline Column BoolCol(const std::vector<std::optional<bool>>& v) {
  return column_detail::Build<bool>(FieldType::kBoolean, v,
                                    [](const std::optional<bool>& x, Column* c) {
                                      c->ints.push_back(x.value_or(false) ? 1 : 0);
                                    });
}
// Dates as days since 1970-01-01.
inline Column DayCol(std::initializer_list<std::optional<Days>> v) {
  return column_detail::Build<Days>(
      FieldType::kDate, v,
      [](const std::optional<Days>& x, Column* c) { c->ints.push_back(x.value_or(0)); });
}
inline Column DayCol(const std::vector<std::optional<Days>>& v) {
  return column_detail::Build<Days>(
      FieldType::kDate, v,
      [](const std::optional<Days>& x, Column* c) { c->ints.push_back(x.value_or(0)); });
}
inline Column DayCol(const std::vector<Days>& v) {
  return column_detail::Build<Days>(
      FieldType::kDate, v,
      [](const std::optional<Days>& x, Column* c) { c->ints.push_back(x.value_or(0)); });
}

}  // namespace jbr::test
