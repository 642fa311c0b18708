#include "portal/api.h"

#include <map>
#include <mutex>
#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/sha256.h"
#include "portal/portal.h"
#include "publish/core/publication.h"

namespace jbr::portal {
namespace {

bool WantsCsv(const Call& c) {
  const std::string f = Param(c, "format");
  if (!f.empty()) return f == "csv";
  return c.req.get_header_value("Accept").find("text/csv") != std::string::npos;
}

// Sends `body` with an ETag of its bytes, or 304 when the client has it already.
Status Send(Call& c, const std::string& body, const char* type) {
  Sha256 h;
  h.Update(body);
  const std::string etag = "\"" + h.HexDigest().substr(0, 32) + "\"";
  c.res.set_header("ETag", etag);
  c.res.set_header("Cache-Control", "public, max-age=300");
  c.res.set_header("Access-Control-Allow-Origin", "*");
  if (c.req.get_header_value("If-None-Match") == etag) {
    c.res.status = 304;
    return Status::Ok();
  }
  c.res.set_content(body, type);
  return Status::Ok();
}

std::string Num(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : ""; }

nlohmann::json NumJson(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

// The latest release of each year (or of the one year asked for).
Result<std::vector<Release>> LatestReleases(Store* store, std::optional<int> year) {
  JBR_ASSIGN_OR_RETURN(auto all, store->ListReleases(year));
  std::map<int, Release> latest;
  for (auto& r : all) {
    if (latest.count(r.year) == 0 || latest[r.year].number < r.number) latest[r.year] = r;
  }
  std::vector<Release> out;
  for (auto& [y, r] : latest) out.push_back(r);
  return out;
}

Status Indicators(Call& c) {
  static const std::regex kIndicator(R"([a-z0-9_]{1,40}(\.[a-z0-9_]{1,40}){0,3})");
  static const std::regex kMinistry(R"([A-Za-z]{1,16})");
  const std::string indicator = Param(c, "indicator"), ministry = Param(c, "ministry"),
                    y = Param(c, "year");
  if (!indicator.empty() && !std::regex_match(indicator, kIndicator)) {
    return Fail(c, 400, "indicator is an id such as absence.rate (see /api/v1/definitions)");
  }
  if (!ministry.empty() && !std::regex_match(ministry, kMinistry)) {
    return Fail(c, 400, "ministry is a code such as BZK, or Rijk");
  }
  std::optional<int> year;
  if (!y.empty()) {
    if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos) {
      return Fail(c, 400, "year is four digits, e.g. 2021");
    }
    year = std::stoi(y);
  }
  JBR_ASSIGN_OR_RETURN(auto releases, LatestReleases(c.store, year));
  const bool csv = WantsCsv(c);
  // The answer depends on the parameters and on which runs are the latest releases, nothing else.
  std::string key = fmt::format("{}|{}|{}|{}", indicator, ministry, y, csv ? "csv" : "json");
  for (const auto& r : releases) key += fmt::format("|{}-{}:{}", r.year, r.number, r.run_id);
  if (auto hit = c.portal.api.Find(key)) {
    return Send(c, *hit, csv ? "text/csv; charset=utf-8" : "application/json");
  }
  std::string out =
      csv ? "release,indicator,ministry,unit_type,period,category,value,numerator,denominator,unit,"
            "status,previous,change,flag\n"
          : "";
  nlohmann::json cells = nlohmann::json::array();
  for (const auto& r : releases) {
    JBR_ASSIGN_OR_RETURN(auto values, c.portal.runs.Get(c.store, r.run_id));
    const std::string rel = fmt::format("{}-{}", r.year, r.number);
    for (const auto& v : *values) {
      if ((!indicator.empty() && v.indicator != indicator) ||
          (!ministry.empty() && v.ministry != ministry))
        continue;
      if (csv) {
        out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", rel,
                           CsvField(v.indicator), CsvField(v.ministry), CsvField(v.unit_type),
                           CsvField(v.period), CsvField(v.category), Num(v.value), Num(v.numerator),
                           Num(v.denominator), CsvField(v.unit), v.status, Num(v.previous),
                           Num(v.change), CsvField(v.flag));
      } else {
        cells.push_back({{"release", rel},
                         {"indicator", v.indicator},
                         {"ministry", v.ministry},
                         {"unit_type", v.unit_type},
                         {"period", v.period},
                         {"category", v.category},
                         {"value", NumJson(v.value)},
                         {"numerator", NumJson(v.numerator)},
                         {"denominator", NumJson(v.denominator)},
                         {"unit", v.unit},
                         {"status", v.status},
                         {"previous", NumJson(v.previous)},
                         {"change", NumJson(v.change)},
                         {"flag", v.flag}});
      }
    }
  }
  if (!csv) out = nlohmann::json{{"cells", cells}, {"count", cells.size()}}.dump() + "\n";
  auto body = std::make_shared<const std::string>(std::move(out));
  c.portal.api.Put(key, body);
  return Send(c, *body, csv ? "text/csv; charset=utf-8" : "application/json");
}

Status Releases(Call& c) {
  JBR_ASSIGN_OR_RETURN(auto all, c.store->ListReleases(std::nullopt));
  nlohmann::json list = nlohmann::json::array();
  for (const auto& r : all) {
    list.push_back({{"release", fmt::format("{}-{}", r.year, r.number)},
                    {"year", r.year},
                    {"number", r.number},
                    {"created_at", r.created_at},
                    {"definition_version", r.definition_version},
                    {"factor_vintage", r.factor_vintage}});
  }
  return Send(c, nlohmann::json{{"releases", list}}.dump() + "\n", "application/json");
}

Status Definitions(Call& c) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : c.portal.definitions) {
    list.push_back({{"id", d.id},
                    {"title_nl", d.title_nl},
                    {"title_en", d.title_en},
                    {"unit", d.unit},
                    {"definition_nl", d.definition_nl},
                    {"definition_en", d.definition_en},
                    {"datasets", d.datasets},
                    {"disclosure", DisclosureName(d.disclosure)}});
  }
  return Send(c, nlohmann::json{{"definitions", list}}.dump() + "\n", "application/json");
}

Status OpenApi(Call& c) { return Send(c, OpenApiDocument(), "application/json"); }

}  // namespace

std::shared_ptr<const std::string> ApiCache::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = answers_.find(key);
  return it == answers_.end() ? nullptr : it->second;
}

void ApiCache::Put(const std::string& key, std::shared_ptr<const std::string> body) {
  std::lock_guard<std::mutex> lock(mu_);
  if (answers_.size() >= kMax) answers_.clear();
  answers_[key] = std::move(body);
}

Result<std::shared_ptr<const RunCache::Cells>> RunCache::Get(Store* store, int64_t run) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (auto it = runs_.find(run); it != runs_.end()) return it->second;
  }
  JBR_ASSIGN_OR_RETURN(auto values, store->ComputeRunValues(run));
  auto cells = std::make_shared<Cells>();
  cells->reserve(values.size());
  for (const auto& v : values) cells->push_back(publish::Disclose(v));
  std::lock_guard<std::mutex> lock(mu_);
  if (runs_.size() > 64) runs_.clear();
  runs_[run] = cells;
  return std::shared_ptr<const Cells>(cells);
}

std::string OpenApiDocument() {
  const nlohmann::json error = {
      {"description", "a malformed parameter"},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
  auto param = [](const char* name, const char* description, const char* pattern) {
    return nlohmann::json{{"name", name},
                          {"in", "query"},
                          {"required", false},
                          {"description", description},
                          {"schema", {{"type", "string"}, {"pattern", pattern}}}};
  };
  nlohmann::json doc = {
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "JBR open data"},
        {"version", "1"},
        {"description",
         "The released figures of the Jaarrapportage Bedrijfsvoering Rijk. Only released cells: "
         "a suppressed or missing cell has its status and no value."}}},
      {"paths",
       {{"/api/v1/indicators",
         {{"get",
           {{"summary", "Released cells, by indicator, ministry and year"},
            {"parameters",
             {param("indicator", "an indicator id, e.g. absence.rate", "^[a-z0-9_.]+$"),
              param("ministry", "a ministry code, or Rijk", "^[A-Za-z]+$"),
              param("year", "a reporting year", "^[0-9]{4}$"),
              param("format", "csv for CSV (or Accept: text/csv)", "^(json|csv)$")}},
            {"responses",
             {{"200",
               {{"description", "the cells of the latest release of each year"},
                {"content",
                 {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Cells"}}}}},
                  {"text/csv", {{"schema", {{"type", "string"}}}}}}}}},
              {"304", {{"description", "not modified (If-None-Match)"}}},
              {"400", error}}}}}}},
        {"/api/v1/releases",
         {{"get",
           {{"summary", "Every release"},
            {"responses", {{"200", {{"description", "the releases"}}}}}}}}},
        {"/api/v1/definitions",
         {{"get",
           {{"summary", "The indicators' definitions"},
            {"responses", {{"200", {{"description", "the definitions"}}}}}}}}},
        {"/api/v1/openapi.json",
         {{"get",
           {{"summary", "This document"},
            {"responses", {{"200", {{"description", "OpenAPI 3.0"}}}}}}}}}}},
      {"components",
       {{"schemas",
         {{"Error",
           {{"type", "object"},
            {"properties", {{"error", {{"type", "string"}}}, {"status", {{"type", "integer"}}}}}}},
          {"Cells",
           {{"type", "object"},
            {"properties",
             {{"count", {{"type", "integer"}}},
              {"cells",
               {{"type", "array"},
                {"items",
                 {{"type", "object"},
                  {"properties",
                   {{"release", {{"type", "string"}}},
                    {"indicator", {{"type", "string"}}},
                    {"ministry", {{"type", "string"}}},
                    {"unit_type", {{"type", "string"}}},
                    {"period", {{"type", "string"}}},
                    {"category", {{"type", "string"}}},
                    {"value", {{"type", "number"}, {"nullable", true}}},
                    {"numerator", {{"type", "number"}, {"nullable", true}}},
                    {"denominator", {{"type", "number"}, {"nullable", true}}},
                    {"unit", {{"type", "string"}}},
                    {"status",
                     {{"type", "string"}, {"enum", {"published", "suppressed", "missing"}}}},
                    {"previous", {{"type", "number"}, {"nullable", true}}},
                    {"change", {{"type", "number"}, {"nullable", true}}},
                    {"flag", {{"type", "string"}}}}}}}}}}}}}}}}}};
  return doc.dump(1) + "\n";
}

void RegisterApiRoutes(Router& r) {
  r.add("GET", "/api/v1/indicators", Indicators, false);
  r.add("GET", "/api/v1/releases", Releases, false);
  r.add("GET", "/api/v1/definitions", Definitions, false);
  r.add("GET", "/api/v1/openapi.json", OpenApi, false);
}

}  // namespace jbr::portal
