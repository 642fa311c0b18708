// Uploading a delivery (a steward in the browser, or a ministry's HR system with an API token),
// and its validation report: paged, and as CSV. The load is `jbr load`'s own (store/load.h): the
// same validation, limits and all-or-nothing transaction.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "portal/html.h"
#include "portal/portal.h"
#include "portal/security.h"
#include "portal/upload.h"
#include "store/load.h"

namespace jbr::portal {
namespace {

constexpr size_t kPageSize = 50;
constexpr size_t kKeptFindings = 100000;

bool IsApi(const Call& c) { return c.who.kind == Principal::Kind::kToken; }

Status UploadForm(Call& c) {
  if (!Allow(c, {"steward"})) return Status::Ok();
  std::string options;
  for (const auto& name : c.portal.schemas.Names()) {
    options += fmt::format("<option value=\"{}\">{}</option>\n", Escape(name), Escape(name));
  }
  const std::string body = fmt::format(
      "<p>Deliver a file for {}. It is checked at once: with errors nothing is stored and you see "
      "every "
      "problem with its row and column; without errors it becomes the current delivery.</p>\n"
      "<form class=\"stack\" method=\"post\" action=\"/upload\" "
      "enctype=\"multipart/form-data\">\n{}\n"
      "<label for=\"dataset\">Dataset</label>\n<select id=\"dataset\" name=\"dataset\" "
      "required>\n{}</select>\n"
      "<label for=\"year\">Year</label>\n"
      "<input id=\"year\" name=\"year\" type=\"number\" min=\"1990\" max=\"2100\" required "
      "inputmode=\"numeric\">\n"
      "<label for=\"file\">File (CSV, XLSX or ODS, at most {} MiB)</label>\n"
      "<input id=\"file\" name=\"file\" type=\"file\" required "
      "accept=\".csv,.tsv,.txt,.xlsx,.ods\">\n"
      "<button type=\"submit\">Upload and check</button>\n</form>\n",
      Escape(c.who.ministry), CsrfField(c.who), options, c.portal.options.max_upload_bytes >> 20);
  Html(c, Page("Upload a delivery", c.who, body));
  return Status::Ok();
}

nlohmann::json FindingJson(const Finding& f) {
  return {{"code", f.code},       {"severity", SeverityName(f.severity)},
          {"sheet", f.sheet},     {"row", f.row},
          {"column", f.column},   {"value", f.value},
          {"message", f.message}, {"hint", f.hint}};
}

Status AnswerApi(Call& c, const Report& r, const std::string& id) {
  nlohmann::json j = {{"outcome", r.outcome},
                      {"report", "/reports/" + id},
                      {"dataset", r.dataset},
                      {"ministry", r.ministry},
                      {"year", r.year},
                      {"file", r.file_name},
                      {"errors", r.errors},
                      {"warnings", r.warnings},
                      {"findings", nlohmann::json::array()}};
  if (r.delivery_id) j["delivery"] = {{"id", r.delivery_id}, {"sha256", r.sha256}};
  for (size_t i = 0; i < r.findings.size() && i < 1000; ++i)
    j["findings"].push_back(FindingJson(r.findings[i]));
  c.res.status = r.outcome == "rejected" ? 422 : 200;
  c.res.set_content(j.dump() + "\n", "application/json");
  return Status::Ok();
}

Status UploadPost(Call& c) {
  if (!Allow(c, {"steward", "token"})) return Status::Ok();
  Upload up;
  UploadLimits limits{c.portal.options.max_upload_bytes};
  auto csrf = [&c](const std::map<std::string, std::string>& fields) -> std::string {
    if (c.who.kind == Principal::Kind::kToken) return "";
    auto it = fields.find("csrf");
    if (it != fields.end() && SecretEquals(it->second, c.who.csrf)) return "";
    return "This form has expired or did not come from this portal. Reload the upload page and try "
           "again.";
  };
  ReadUpload(c.req, *c.reader, c.portal.upload_dir, limits, csrf, &up);
  if (up.status == 403) (void)LogAction(c.store, c.ctx, "csrf", "POST /upload", "refused");
  if (up.status != 200) return Fail(c, up.status, up.error);
  if (!CsrfOk(c, up.fields["csrf"])) return Status::Ok();
  const DatasetSchema* schema = c.portal.schemas.Find(up.fields["dataset"]);
  if (schema == nullptr)
    return Fail(c, 400, "choose one of the datasets (see the list on the upload page)");
  int year = 0;
  try {
    size_t used = 0;
    year = std::stoi(up.fields["year"], &used);
    if (used != up.fields["year"].size()) year = 0;
  } catch (const std::exception&) {
    year = 0;
  }
  if (year < 1990 || year > 2100) return Fail(c, 400, "give the year as four digits, e.g. 2021");
  if (c.portal.ministries.Find(c.who.ministry, year) == nullptr) {
    return Fail(c, 400, fmt::format("{} did not exist in {}", c.who.ministry, year));
  }
  LoadRequest lr;
  lr.dataset = schema->name;
  lr.ministry = c.who.ministry;
  lr.year = year;
  lr.delivered_by = c.who.name;
  lr.path = up.path;
  lr.display_name = up.file_name;
  lr.received_at = c.ctx.now;
  CollectingSink sink(kKeptFindings);
  JBR_ASSIGN_OR_RETURN(LoadResult loaded,
                       LoadDelivery(c.store, c.portal.schemas, *schema, lr, &sink));
  Report r;
  r.owner = c.who.name;
  r.ministry = c.who.ministry;
  r.dataset = schema->name;
  r.year = year;
  r.file_name = up.file_name;
  r.outcome = loaded.outcome == LoadOutcome::kAccepted    ? "accepted"
              : loaded.outcome == LoadOutcome::kIdentical ? "identical"
                                                          : "rejected";
  if (loaded.outcome != LoadOutcome::kRejected) {
    r.delivery_id = loaded.delivery.id;
    r.sha256 = loaded.delivery.sha256;
  }
  r.errors = sink.errors();
  r.warnings = sink.warnings();
  r.truncated = sink.truncated();
  r.findings = sink.findings();
  const nlohmann::json detail = {{"file", r.file_name},       {"bytes", up.size},
                                 {"errors", r.errors},        {"warnings", r.warnings},
                                 {"delivery", r.delivery_id}, {"sha256", r.sha256}};
  JBR_RETURN_IF_ERROR(LogAction(c.store, c.ctx, "upload",
                                fmt::format("{}/{}/{}", r.dataset, r.ministry, year), r.outcome,
                                detail.dump()));
  const Report copy = r;
  const std::string id = c.portal.reports.Put(std::move(r));
  if (IsApi(c)) return AnswerApi(c, copy, id);
  c.res.set_redirect("/reports/" + id, 303);
  return Status::Ok();
}

std::shared_ptr<const Report> OwnReport(Call& c) {
  auto r = c.portal.reports.Get(c.req.matches[1]);
  if (r == nullptr) {
    (void)Fail(c, 404,
               "There is no such report (reports are kept for the most recent uploads only).");
    return nullptr;
  }
  if (r->owner != c.who.name && c.who.role != "coordinator") {
    (void)Fail(c, 404,
               "There is no such report (reports are kept for the most recent uploads only).");
    return nullptr;
  }
  return r;
}

Status ReportPage(Call& c) {
  if (!Allow(c, {"steward", "coordinator", "token"})) return Status::Ok();
  auto r = OwnReport(c);
  if (r == nullptr) return Status::Ok();
  const size_t pages = std::max<size_t>(1, (r->findings.size() + kPageSize - 1) / kPageSize);
  size_t page = 1;
  try {
    if (!Param(c, "page").empty()) page = std::stoul(Param(c, "page"));
  } catch (const std::exception&) {
    return Fail(c, 400, "the page is a number");
  }
  if (page < 1 || page > pages)
    return Fail(c, 404, fmt::format("the report has pages 1 to {}", pages));
  std::string body;
  if (r->outcome == "accepted") {
    body +=
        Message(fmt::format("Accepted: {} is delivery {} of {} {} {} (SHA-256 {}).", r->file_name,
                            r->delivery_id, r->dataset, r->ministry, r->year, r->sha256),
                false);
  } else if (r->outcome == "identical") {
    body += Message(fmt::format("{} is identical to the current delivery {}; nothing changed.",
                                r->file_name, r->delivery_id),
                    false);
  } else {
    body += Message(
        fmt::format(
            "Rejected: {} has {} errors; nothing was stored. Correct the file and upload it again.",
            r->file_name, r->errors),
        true);
  }
  body += fmt::format(
      "<p>{} errors, {} warnings{}. <a href=\"/reports/{}/findings.csv\">Download the findings as "
      "CSV</a>.</p>\n",
      r->errors, r->warnings,
      r->truncated ? fmt::format(" (the first {} are listed)", r->findings.size()) : "",
      Escape(r->id));
  std::vector<std::vector<std::string>> rows;
  for (size_t i = (page - 1) * kPageSize; i < std::min(r->findings.size(), page * kPageSize); ++i) {
    const Finding& f = r->findings[i];
    rows.push_back({f.row ? std::to_string(f.row) : "-", Escape(f.column), Escape(f.value),
                    Escape(fmt::format("{} ({}): {}", SeverityName(f.severity), f.code, f.message)),
                    Escape(f.hint)});
  }
  if (!rows.empty()) {
    body += Table(fmt::format("Findings, page {} of {}", page, pages),
                  {"Row", "Column", "Value", "Message", "Hint"}, rows);
  }
  if (pages > 1) {
    body += "<nav aria-label=\"Pages of findings\"><ul>\n";
    if (page > 1)
      body += fmt::format("<li><a href=\"/reports/{}?page={}\">Previous page</a></li>\n",
                          Escape(r->id), page - 1);
    if (page < pages)
      body += fmt::format("<li><a href=\"/reports/{}?page={}\">Next page</a></li>\n", Escape(r->id),
                          page + 1);
    body += "</ul></nav>\n";
  }
  body +=
      "<p><a href=\"/upload\">Upload another file</a> or see <a href=\"/deliveries\">the "
      "deliveries</a>.</p>\n";
  Html(c, Page(fmt::format("Report: {}", r->file_name), c.who, body));
  return Status::Ok();
}

Status ReportCsv(Call& c) {
  if (!Allow(c, {"steward", "coordinator", "token"})) return Status::Ok();
  auto r = OwnReport(c);
  if (r == nullptr) return Status::Ok();
  std::string csv = "file,sheet,row,column,value,severity,code,message,hint\n";
  for (const Finding& f : r->findings) {
    csv += fmt::format("{},{},{},{},{},{},{},{},{}\n", CsvField(r->file_name), CsvField(f.sheet),
                       f.row, CsvField(f.column), CsvField(f.value), SeverityName(f.severity),
                       CsvField(f.code), CsvField(f.message), CsvField(f.hint));
  }
  c.res.set_header("Content-Disposition", "attachment; filename=\"findings.csv\"");
  c.res.set_content(csv, "text/csv; charset=utf-8");
  return Status::Ok();
}

}  // namespace

void RegisterUploadRoutes(Router& r) {
  r.add("GET", "/upload", UploadForm, false);
  r.add("POST", "/upload", UploadPost, true);
  r.add("POST", "/api/v1/deliveries", UploadPost, true);
  r.add("GET", R"(/reports/([A-Za-z0-9_-]{1,64}))", ReportPage, false);
  r.add("GET", R"(/reports/([A-Za-z0-9_-]{1,64})/findings\.csv)", ReportCsv, false);
}

}  // namespace jbr::portal
