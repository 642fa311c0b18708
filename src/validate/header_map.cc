#include "validate/header_map.h"

#include <fmt/format.h>

#include "common/parse.h"

namespace jbr {
namespace {

int MatchField(const DatasetSchema& schema, const std::string& normalised) {
  for (size_t f = 0; f < schema.fields.size(); ++f) {
    if (NormaliseHeader(schema.fields[f].name) == normalised) return static_cast<int>(f);
    for (const auto& alias : schema.fields[f].aliases) {
      if (NormaliseHeader(alias) == normalised) return static_cast<int>(f);
    }
  }
  return -1;
}

std::string ExpectedColumns(const DatasetSchema& schema) {
  std::string out;
  for (const auto& f : schema.fields) out += (out.empty() ? "" : ", ") + f.name;
  return out;
}

}  // namespace

HeaderScore ScoreHeader(const DatasetSchema& schema, const RawRow& row) {
  std::vector<bool> named(schema.fields.size(), false);
  HeaderScore score;
  for (const std::string& cell : row.cells) {
    const int f = MatchField(schema, NormaliseHeader(cell));
    if (f >= 0) {
      named[static_cast<size_t>(f)] = true;
    } else if (!Trim(cell).empty()) {
      score.unknown.emplace_back(Trim(cell));
    }
  }
  for (size_t f = 0; f < schema.fields.size(); ++f) {
    score.fields += named[f] ? 1 : 0;
    if (!schema.fields[f].required) continue;
    if (named[f]) {
      ++score.required;
    } else {
      score.missing.push_back(schema.fields[f].name);
    }
  }
  return score;
}

HeaderMap MapHeader(const DatasetSchema& schema, const RawRow& header, const Finding& base,
                    FindingSink* sink) {
  HeaderMap map;
  map.field_of_column.assign(header.cells.size(), -1);
  map.column_of_field.assign(schema.fields.size(), -1);
  for (const auto& f : schema.fields) map.names.push_back(f.name);
  auto report = [&](const char* code, Severity severity, std::string column, std::string message,
                    std::string hint) {
    Finding f = base;
    f.code = code;
    f.severity = severity;
    f.row = header.row_number;
    f.column = std::move(column);
    f.message = std::move(message);
    f.hint = std::move(hint);
    sink->Add(std::move(f));
  };
  for (size_t c = 0; c < header.cells.size(); ++c) {
    const std::string& name = header.cells[c];
    int f = MatchField(schema, NormaliseHeader(name));
    if (f < 0) {
      if (name.empty()) {
        report("unknown-column", Severity::kWarning, fmt::format("column {}", c + 1),
               "a column without a header; its values are ignored", "name the column or remove it");
      } else {
        report("unknown-column", Severity::kWarning, name,
               fmt::format("'{}' is not a column of {}; its values are ignored", name, schema.name),
               fmt::format("the columns of {} are: {}", schema.name, ExpectedColumns(schema)));
      }
      continue;
    }
    if (map.column_of_field[f] >= 0) {
      report("duplicate-column", Severity::kError, name,
             fmt::format("'{}' is {} again (first in column {})", name, schema.fields[f].name,
                         map.column_of_field[f] + 1),
             "keep one of the two columns");
      continue;
    }
    map.field_of_column[c] = f;
    map.column_of_field[f] = static_cast<int>(c);
    map.names[f] = name;
  }
  for (size_t f = 0; f < schema.fields.size(); ++f) {
    const FieldSchema& field = schema.fields[f];
    if (map.column_of_field[f] >= 0 || !field.required) continue;
    map.missing_required = true;
    std::string aliases;
    for (const auto& a : field.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    report("missing-column", Severity::kError, field.name,
           fmt::format("the required column {} is missing", field.name),
           aliases.empty() ? fmt::format("add a column {}", field.name)
                           : fmt::format("add a column {} (or in Dutch: {})", field.name, aliases));
  }
  return map;
}

}  // namespace jbr
