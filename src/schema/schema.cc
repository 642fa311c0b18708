#include "schema/schema.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/parse.h"
#include "common/text.h"

namespace jbr {
namespace {

using nlohmann::json;

Result<FieldType> ParseFieldType(const std::string& t) {
  if (t == "string" || t == "str" || t == "enum") return FieldType::kString;
  if (t == "integer" || t == "int") return FieldType::kInteger;
  if (t == "number" || t == "dec" || t == "decimal") return FieldType::kNumber;
  if (t == "date") return FieldType::kDate;
  if (t == "boolean" || t == "bool") return FieldType::kBoolean;
  return InvalidInput(fmt::format("unknown field type '{}'", t));
}

std::vector<std::string> StringList(const json& j) {
  std::vector<std::string> out;
  if (j.is_string()) {
    out.push_back(j.get<std::string>());
  } else if (j.is_array()) {
    for (const auto& e : j) out.push_back(e.get<std::string>());
  }
  return out;
}

std::string TextOf(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_boolean()) return j.get<bool>() ? "true" : "false";
  if (j.is_number_integer()) return std::to_string(j.get<int64_t>());
  if (j.is_number()) return fmt::format("{}", j.get<double>());
  return "";
}

Result<FieldSchema> ParseField(const json& j) {
  FieldSchema f;
  f.name = j.at("name").get<std::string>();
  if (j.contains("aliases")) f.aliases = StringList(j["aliases"]);
  JBR_ASSIGN_OR_RETURN(f.type, ParseFieldType(j.value("type", "string")));
  f.description = j.value("description", "");
  if (j.contains("default")) f.default_text = TextOf(j["default"]);
  f.separators = j.value("separators", "");
  if (j.contains("constraints")) {
    const json& c = j["constraints"];
    f.required = c.value("required", false);
    f.unique = c.value("unique", false);
    if (c.contains("enum")) f.enum_values = StringList(c["enum"]);
    if (c.contains("minimum")) f.minimum = c["minimum"].get<double>();
    if (c.contains("maximum")) f.maximum = c["maximum"].get<double>();
    if (c.contains("maxLength")) f.max_length = c["maxLength"].get<size_t>();
    if (c.contains("pattern")) {
      f.pattern_text = c["pattern"].get<std::string>();
      try {
        f.pattern = std::make_shared<const std::regex>(f.pattern_text, std::regex::ECMAScript);
      } catch (const std::regex_error& e) {
        return InvalidInput(fmt::format("field {}: bad pattern: {}", f.name, e.what()));
      }
    }
  }
  if (j.contains("enumAliases")) {
    for (const auto& [alias, value] : j["enumAliases"].items()) {
      std::string canonical = value.get<std::string>();
      if (std::find(f.enum_values.begin(), f.enum_values.end(), canonical) == f.enum_values.end()) {
        return InvalidInput(fmt::format("field {}: enum alias '{}' maps to '{}', not in the enum",
                                        f.name, alias, canonical));
      }
      f.enum_aliases[AsciiLower(alias)] = canonical;
    }
  }
  return f;
}

RuleSchema ParseRule(const json& j) {
  RuleSchema r;
  r.kind = j.at("rule").get<std::string>();
  r.field = j.value("field", "");
  if (j.contains("fields")) r.fields = StringList(j["fields"]);
  r.reference = j.value("reference", "");
  r.when = j.value("when", "");
  if (j.contains("in")) r.in = StringList(j["in"]);
  r.group = j.value("group", "");
  r.start = j.value("start", "");
  r.end = j.value("end", "");
  r.message = j.value("message", "");
  r.hint = j.value("hint", "");
  return r;
}

// Every field a rule or key names must exist: a typo in a schema is caught at load, not ignored.
Status CheckNames(const DatasetSchema& s) {
  auto need = [&](const std::string& name, const char* where) -> Status {
    if (name.empty() || s.FieldIndex(name) >= 0) return Status::Ok();
    return InvalidInput(fmt::format("{} names unknown field '{}'", where, name));
  };
  static const char* kKinds[] = {"not-before", "not-above",  "sum-not-above",  "required-if",
                                 "empty-if",   "no-overlap", "equals-ministry"};
  for (const auto& r : s.rules) {
    if (std::find(std::begin(kKinds), std::end(kKinds), r.kind) == std::end(kKinds)) {
      return InvalidInput(fmt::format("unknown rule '{}'", r.kind));
    }
    for (const auto* n : {&r.field, &r.reference, &r.when, &r.group, &r.start, &r.end}) {
      JBR_RETURN_IF_ERROR(need(*n, "rule"));
    }
    for (const auto& n : r.fields) JBR_RETURN_IF_ERROR(need(n, "rule"));
  }
  for (const auto& k : s.primary_key) JBR_RETURN_IF_ERROR(need(k, "primaryKey"));
  for (const auto& fk : s.foreign_keys) JBR_RETURN_IF_ERROR(need(fk.field, "foreignKeys"));
  if (!s.period_group.empty() && s.period_end.empty()) {
    return InvalidInput("period.group needs period.start and period.end");
  }
  for (const auto* n : {&s.period_start, &s.period_end, &s.period_date, &s.period_group}) {
    JBR_RETURN_IF_ERROR(need(*n, "period"));
  }
  return Status::Ok();
}

Result<DatasetSchema> ParseSchemaJson(const json& j) {
  DatasetSchema s;
  s.name = j.at("name").get<std::string>();
  s.title = j.value("title", s.name);
  s.title_nl = j.value("title_nl", s.title);
  if (j.contains("aliases")) s.aliases = StringList(j["aliases"]);
  s.description = j.value("description", "");
  s.personal = j.value("personal", false);
  for (const auto& f : j.at("fields")) {
    JBR_ASSIGN_OR_RETURN(FieldSchema field, ParseField(f));
    s.fields.push_back(std::move(field));
  }
  if (j.contains("primaryKey")) s.primary_key = StringList(j["primaryKey"]);
  if (j.contains("rules")) {
    for (const auto& r : j["rules"]) s.rules.push_back(ParseRule(r));
  }
  if (j.contains("foreignKeys")) {
    for (const auto& k : j["foreignKeys"]) {
      ForeignKeySchema fk;
      fk.field = k.at("field").get<std::string>();
      fk.dataset = k.at("reference").at("dataset").get<std::string>();
      fk.target_field = k.at("reference").at("field").get<std::string>();
      fk.severity =
          k.value("severity", "error") == "warning" ? Severity::kWarning : Severity::kError;
      fk.message = k.value("message", "");
      fk.hint = k.value("hint", "");
      s.foreign_keys.push_back(std::move(fk));
    }
  }
  if (j.contains("period")) {
    s.period_start = j["period"].value("start", "");
    s.period_end = j["period"].value("end", "");
    s.period_date = j["period"].value("date", "");
    s.period_group = j["period"].value("group", "");
  }
  if (j.contains("maxRows")) s.max_rows = j["maxRows"].get<int64_t>();
  JBR_RETURN_IF_ERROR(CheckNames(s));
  return s;
}

}  // namespace

const char* FieldTypeName(FieldType t) {
  switch (t) {
    case FieldType::kString:
      return "string";
    case FieldType::kInteger:
      return "integer";
    case FieldType::kNumber:
      return "number";
    case FieldType::kDate:
      return "date";
    case FieldType::kBoolean:
      return "boolean";
  }
  return "?";
}

std::optional<std::string_view> FieldSchema::CanonicalEnum(std::string_view text) const {
  for (const auto& v : enum_values) {
    if (v == text) return std::string_view(v);
  }
  std::string lower = AsciiLower(text);
  for (const auto& v : enum_values) {
    if (AsciiLower(v) == lower) return std::string_view(v);
  }
  auto it = enum_aliases.find(lower);
  if (it != enum_aliases.end()) return std::string_view(it->second);
  return std::nullopt;
}

int DatasetSchema::FieldIndex(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return static_cast<int>(i);
  }
  return -1;
}

Result<DatasetSchema> ParseDatasetSchema(std::string_view json_text, const std::string& origin) {
  try {
    json j = json::parse(json_text);
    auto result = ParseSchemaJson(j);
    if (!result.ok()) {
      return InvalidInput(fmt::format("schema {}: {}", origin, result.status().message()));
    }
    return result;
  } catch (const json::exception& e) {
    return InvalidInput(fmt::format("schema {}: {}", origin, e.what()));
  }
}

Result<SchemaRegistry> SchemaRegistry::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return IoError(fmt::format("no schema directory at {}", dir));
  SchemaRegistry reg;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    if (!in) return IoError(fmt::format("cannot read {}", p.string()));
    JBR_ASSIGN_OR_RETURN(DatasetSchema s, ParseDatasetSchema(buf.str(), p.filename().string()));
    std::string name = s.name;
    reg.schemas_.emplace(name, std::move(s));
  }
  if (reg.schemas_.empty()) return IoError(fmt::format("no schemas in {}", dir));
  return reg;
}

const DatasetSchema* SchemaRegistry::Find(std::string_view name) const {
  std::string lower = AsciiLower(Trim(name));
  for (const auto& [key, s] : schemas_) {
    if (AsciiLower(key) == lower) return &s;
    for (const auto& a : s.aliases) {
      if (AsciiLower(a) == lower) return &s;
    }
  }
  return nullptr;
}

std::vector<std::string> SchemaRegistry::Names() const {
  std::vector<std::string> out;
  for (const auto& [key, s] : schemas_) out.push_back(key);
  return out;
}

std::string NormaliseHeader(std::string_view header) {
  std::string out = AsciiLower(Trim(header));
  for (char& c : out) {
    if (c == ' ' || c == '-') c = '_';
  }
  return out;
}

}  // namespace jbr
