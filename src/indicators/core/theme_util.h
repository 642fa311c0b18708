// What every theme writes the same way: a definition's common fields, a cell, and reading a
// nullable column as a number or text. One place, so that the themes differ only in what they
// compute.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indicators/core/indicator.h"
#include "store/column_codec.h"

namespace jbr::theme {

// A definition with the fields every theme sets; the theme adds breakdowns, scale and the rest.
inline IndicatorDef Def(std::string id, std::string title_nl, std::string title_en,
                        std::string unit, std::string def_nl, std::string def_en,
                        std::vector<std::string> datasets,
                        Disclosure disclosure = Disclosure::kNone) {
  IndicatorDef d;
  d.id = std::move(id);
  d.title_nl = std::move(title_nl);
  d.title_en = std::move(title_en);
  d.unit = std::move(unit);
  d.definition_nl = std::move(def_nl);
  d.definition_en = std::move(def_en);
  d.datasets = std::move(datasets);
  d.disclosure = disclosure;
  return d;
}

// A cell of all units together, not about persons (a count or sum has denominator 1).
inline Cell MakeCell(std::string indicator, std::string period, std::string category,
                     double numerator, double denominator = 1) {
  Cell c;
  c.indicator = std::move(indicator);
  c.period = std::move(period);
  c.category = std::move(category);
  c.numerator = numerator;
  c.denominator = denominator;
  return c;
}

// A cell of one unit type with the persons behind it (for disclosure control).
inline Cell MakePersonsCell(std::string indicator, std::string unit_type, std::string period,
                            std::string category, double numerator, double denominator,
                            double persons) {
  return Cell{std::move(indicator),
              std::move(unit_type),
              std::move(period),
              std::move(category),
              numerator,
              denominator,
              static_cast<int64_t>(persons)};
}

// Row `i` of an integer column, 0 when empty.
inline double IntOrZero(const Column& c, size_t i) {
  return c.is_null(i) ? 0 : static_cast<double>(c.ints[i]);
}

// Row `i` of a text column, "" when empty.
inline std::string_view StrOrEmpty(const Column& c, size_t i) {
  return c.is_null(i) ? "" : c.str(i);
}

// Row `i` of a boolean column (stored as an integer), false when empty.
inline bool IsTrue(const Column& c, size_t i) { return !c.is_null(i) && c.ints[i] != 0; }

}  // namespace jbr::theme
