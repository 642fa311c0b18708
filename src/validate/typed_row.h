// A row after conversion to the schema's types: what the store keeps and indicators read.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/parse.h"

namespace jbr {

struct Value {
  bool null = true;
  int64_t i = 0;       // integer; boolean as 0/1; date as days since 1970-01-01
  double d = 0;        // number
  std::string_view s;  // string (points into the source row or the schema; copy it)
};

struct TypedRow {
  int64_t row_number = 0;     // physical row in the file
  std::vector<Value> values;  // one per schema field, in schema order
};

}  // namespace jbr
