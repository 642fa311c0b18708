#include "publish/opendata/table.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/csv_write.h"
#include "publish/core/text_format.h"

namespace jbr::publish {
namespace {

TableCell Text(const std::string& s) { return s; }
TableCell Number(const std::optional<double>& v) { return v ? TableCell(*v) : TableCell(); }

}  // namespace

Table IndicatorTable(const Publication& pub) {
  Table t;
  t.name = "indicators";
  t.title = "Indicator values";
  t.description = fmt::format(
      "Every figure of compute run {} for {}, per ministry and for the Rijk, with its "
      "numerator, denominator and disclosure status.",
      pub.run.id, pub.run.year);
  const nlohmann::json statuses = {{"required", true},
                                   {"enum", {"published", "suppressed", "missing"}}};
  const nlohmann::json required = {{"required", true}};
  t.fields = {
      {"indicator", "string", "Indicator id, as in definitions.csv", required},
      {"ministry", "string", "Ministry code, or Rijk for the central government as a whole",
       required},
      {"unit_type", "string", "Type of organisational unit; empty for all units together"},
      {"period",
       "string",
       "The year (2020) or a quarter (2020-Q2)",
       {{"required", true}, {"pattern", "^[0-9]{4}(-Q[1-4])?$"}}},
      {"category", "string", "Category of the indicator's breakdown; empty for the total"},
      {"value", "number",
       "The figure: numerator / denominator x the indicator's scale; empty unless published"},
      {"numerator", "number", "Numerator of the figure; empty unless published"},
      {"denominator", "number",
       "Denominator of the figure (1 for counts and sums); empty unless published"},
      {"unit", "string", "Unit of the value (%, persons, fte, EUR, t CO2, ...)"},
      {"status", "string",
       "published; suppressed (withheld to protect persons: no value, numerator or denominator); "
       "missing (the "
       "ministry did not deliver the data: never a zero)",
       statuses},
      {"previous", "number",
       "Last year's published figure for the same cell (the quarter a year before)"},
      {"change", "number", "value - previous; empty unless both are published"},
      {"flag", "string",
       "Semicolon-separated flags: above_norm, below_target, incomplete (a Rijk figure over "
       "ministries of which some did not deliver)"},
  };
  for (const auto& v : pub.values) {
    t.rows.push_back({Text(v.indicator), Text(v.ministry), Text(v.unit_type), Text(v.period),
                      Text(v.category), Number(v.value), Number(v.numerator), Number(v.denominator),
                      Text(v.unit), Text(v.status), Number(v.previous), Number(v.change),
                      Text(v.flag)});
  }
  return t;
}

Table DefinitionTable(const Publication& pub) {
  Table t;
  t.name = "definitions";
  t.title = "Indicator definitions";
  t.description = fmt::format("The definitions behind the figures (definition version {}).",
                              pub.run.definition_version);
  const nlohmann::json required = {{"required", true}};
  t.fields = {
      {"id", "string", "Indicator id", {{"required", true}, {"unique", true}}},
      {"title_nl", "string", "Title in Dutch", required},
      {"title_en", "string", "Title in English", required},
      {"unit", "string", "Unit of the values", required},
      {"definition_nl", "string", "Definition in Dutch"},
      {"definition_en", "string", "Definition in English"},
      {"datasets", "string", "Semicolon-separated datasets the indicator is computed from"},
      {"disclosure", "string",
       "How the figure is protected: none, person-count, person-statistic, integrity-count"},
  };
  for (const auto& d : pub.definitions) {
    t.rows.push_back({d.id, d.title_nl, d.title_en, d.unit, d.definition_nl, d.definition_en,
                      fmt::format("{}", fmt::join(d.datasets, ";")),
                      std::string(DisclosureName(d.disclosure))});
  }
  return t;
}

Table RestatementTable(const Publication& pub) {
  Table t;
  t.name = "restatements";
  t.title = "Restated figures";
  t.description = fmt::format(
      "Figures of {} that differ from the release of that year that first published them, with "
      "the old and the new value and the cause.",
      pub.run.year - 1);
  const nlohmann::json required = {{"required", true}};
  const nlohmann::json statuses = {{"required", true},
                                   {"enum", {"published", "suppressed", "missing"}}};
  t.fields = {
      {"indicator", "string", "Indicator id, as in definitions.csv", required},
      {"ministry", "string", "Ministry code, or Rijk", required},
      {"unit_type", "string", "Type of organisational unit; empty for all units together"},
      {"period",
       "string",
       "The earlier year (or quarter) whose figure is restated",
       {{"required", true}, {"pattern", "^[0-9]{4}(-Q[1-4])?$"}}},
      {"category", "string", "Category of the indicator's breakdown; empty for the total"},
      {"old_value", "number", "The figure as first released; empty unless it was published"},
      {"new_value", "number", "The figure as computed now; empty unless it is published"},
      {"old_status", "string", "Status in the first release", statuses},
      {"new_status", "string", "Status now", statuses},
      {"first_release", "string", "The release compared with: YEAR-NUMBER", required},
      {"cause", "string",
       "Why it changed: late or corrected deliveries (dataset, ministry, delivery ids, received "
       "dates), new emission factors or definitions; separated by '; '",
       required},
  };
  for (const auto& r : pub.restatements) {
    t.rows.push_back({Text(r.indicator), Text(r.ministry), Text(r.unit_type), Text(r.period),
                      Text(r.category), Number(r.old_value), Number(r.new_value),
                      Text(r.old_status), Text(r.new_status), Text(r.first_release),
                      Text(r.cause)});
  }
  return t;
}

Table SeriesTable(const Publication& pub) {
  Table t;
  t.name = "series";
  t.title = "Time series: earlier years";
  t.description = fmt::format(
      "The year figures of the years before {} that the report's time series show. Last year's "
      "come from the run of {} (as its 'previous' column), earlier years' from their own runs, "
      "each under its own year's suppression pattern.",
      pub.run.year, pub.run.year);
  const nlohmann::json required = {{"required", true}};
  t.fields = {
      {"indicator", "string", "Indicator id, as in definitions.csv", required},
      {"ministry", "string", "Ministry code, or Rijk", required},
      {"unit_type", "string", "Type of organisational unit; empty for all units together"},
      {"period", "string", "The year", {{"required", true}, {"pattern", "^[0-9]{4}$"}}},
      {"category", "string", "Category of the indicator's breakdown; empty for the total"},
      {"unit", "string", "Unit of the value", required},
      {"status",
       "string",
       "published, suppressed (hidden to protect persons) or missing",
       {{"required", true}, {"enum", {"published", "suppressed", "missing"}}}},
      {"value", "number", "The figure; empty unless published"},
      {"run", "integer", "The compute run the figure comes from", required},
  };
  for (const auto& year : pub.series) {
    for (const auto& v : year.values) {
      t.rows.push_back({Text(v.indicator), Text(v.ministry), Text(v.unit_type), Text(v.period),
                        Text(v.category), Text(v.unit), Text(v.status), Number(v.value),
                        static_cast<double>(year.run_id)});
    }
  }
  return t;
}

std::string RenderCsv(const Table& t) {
  std::vector<std::string> header;
  for (const auto& f : t.fields) header.push_back(f.name);
  std::string out = CsvRecord(header);
  std::vector<std::string> fields;
  for (const auto& row : t.rows) {
    fields.clear();
    for (const auto& cell : row) {
      if (const auto* s = std::get_if<std::string>(&cell)) {
        fields.push_back(*s);
      } else if (const auto* d = std::get_if<double>(&cell)) {
        fields.push_back(FormatNumber(*d));
      } else {
        fields.emplace_back();
      }
    }
    out += CsvRecord(fields);
  }
  return out;
}

nlohmann::json RenderRows(const Table& t) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : t.rows) {
    nlohmann::json o = nlohmann::json::object();
    for (size_t i = 0; i < t.fields.size(); ++i) {
      const auto& cell = row[i];
      if (const auto* s = std::get_if<std::string>(&cell)) {
        o[t.fields[i].name] = *s;
      } else if (const auto* d = std::get_if<double>(&cell)) {
        o[t.fields[i].name] = *d == 0 ? 0.0 : *d;  // no -0, as in the CSV
      } else {
        o[t.fields[i].name] = nullptr;
      }
    }
    rows.push_back(std::move(o));
  }
  return rows;
}

nlohmann::json TableSchema(const Table& t) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : t.fields) {
    nlohmann::json j = {{"name", f.name}, {"type", f.type}, {"description", f.description}};
    if (!f.constraints.is_null()) j["constraints"] = f.constraints;
    fields.push_back(std::move(j));
  }
  return {{"fields", fields}, {"missingValues", {""}}};
}

}  // namespace jbr::publish
