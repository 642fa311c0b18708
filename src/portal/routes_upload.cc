// Uploading a delivery (a steward in the browser, or a ministry's HR system with an API token),
// and its validation report, kept in the store (store/reports.h) whatever the outcome: paged, and
// as CSV, for the uploader's ministry and the coordinators. The load is `jbr load`'s own
// (store/load.h): the same validation, limits and all-or-nothing transaction.
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
      "<p>{}</p>\n"
      "<form class=\"stack\" method=\"post\" action=\"/upload\" "
      "enctype=\"multipart/form-data\">\n{}\n"
      "<label for=\"dataset\">{}</label>\n<select id=\"dataset\" name=\"dataset\" "
      "required>\n{}</select>\n"
      "<label for=\"year\">{}</label>\n"
      "<input id=\"year\" name=\"year\" type=\"number\" min=\"1990\" max=\"2100\" required "
      "inputmode=\"numeric\">\n"
      "<label for=\"file\">{}</label>\n"
      "<input id=\"file\" name=\"file\" type=\"file\" required "
      "accept=\".csv,.tsv,.txt,.xlsx,.ods\">\n"
      "<button type=\"submit\">{}</button>\n</form>\n",
      fmt::format(fmt::runtime(c.T("Deliver a file for {}. It is checked at once: with errors "
                                   "nothing is stored and you see every problem with its row and "
                                   "column; without errors it becomes the current delivery.")),
                  Escape(c.who.ministry)),
      CsrfField(c.who), c.T("Dataset"), options, c.T("Year"),
      fmt::format(fmt::runtime(c.T("File (CSV, XLSX or ODS, at most {} MiB)")),
                  c.portal.options.max_upload_bytes >> 20),
      c.T("Upload and check"));
  Html(c, Page(c, c.T("Upload a delivery"), body));
  return Status::Ok();
}

nlohmann::json FindingJson(const Finding& f) {
  return {{"code", f.code},       {"severity", SeverityName(f.severity)},
          {"sheet", f.sheet},     {"row", f.row},
          {"column", f.column},   {"value", f.value},
          {"message", f.message}, {"hint", f.hint}};
}

Status AnswerApi(Call& c, const UploadReport& r, const std::vector<Finding>& findings) {
  nlohmann::json j = {{"outcome", r.outcome},
                      {"report", "/reports/" + r.id},
                      {"dataset", r.dataset},
                      {"ministry", r.ministry},
                      {"year", r.year},
                      {"file", r.file_name},
                      {"errors", r.errors},
                      {"warnings", r.warnings},
                      {"findings", nlohmann::json::array()}};
  if (r.delivery_id) j["delivery"] = {{"id", *r.delivery_id}, {"sha256", r.sha256}};
  for (size_t i = 0; i < findings.size() && i < 1000; ++i)
    j["findings"].push_back(FindingJson(findings[i]));
  c.res.status = r.outcome == "rejected" ? 422 : 200;
  c.res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n",
                    "application/json");
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
    return c.T(
        "This form has expired or did not come from this portal. Reload the upload page "
        "and try again.");
  };
  ReadUpload(c.req, *c.reader, c.portal.upload_dir, limits, csrf, &up);
  if (up.status == 403) (void)LogAction(c.store, c.ctx, "csrf", "POST /upload", "refused");
  if (up.status != 200) return Fail(c, up.status, up.error);  // translated when it can be
  if (!CsrfOk(c, up.fields["csrf"])) return Status::Ok();
  const DatasetSchema* schema = c.portal.schemas.Find(up.fields["dataset"]);
  if (schema == nullptr)
    return Fail(c, 400, c.T("choose one of the datasets (see the list on the upload page)"));
  int year = 0;
  try {
    size_t used = 0;
    year = std::stoi(up.fields["year"], &used);
    if (used != up.fields["year"].size()) year = 0;
  } catch (const std::exception&) {
    year = 0;
  }
  if (year < 1990 || year > 2100)
    return Fail(c, 400, c.T("give the year as four digits, e.g. 2021"));
  if (c.portal.ministries.Find(c.who.ministry, year) == nullptr) {
    return Fail(c, 400,
                fmt::format(fmt::runtime(c.T("{} did not exist in {}")), c.who.ministry, year));
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
  UploadReport r;
  r.id = RandomToken(16);
  r.at = c.ctx.now;
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
  r.kept = static_cast<int64_t>(sink.findings().size());
  // The report is kept for good, rejected or not: the steward comes back to it later.
  JBR_RETURN_IF_ERROR(c.store->reports()->AddReport(r, sink.findings()).status());
  const nlohmann::json detail = {{"file", r.file_name},
                                 {"bytes", up.size},
                                 {"errors", r.errors},
                                 {"warnings", r.warnings},
                                 {"delivery", r.delivery_id.value_or(0)},
                                 {"sha256", r.sha256},
                                 {"report", r.id}};
  JBR_RETURN_IF_ERROR(
      LogAction(c.store, c.ctx, "upload", fmt::format("{}/{}/{}", r.dataset, r.ministry, year),
                r.outcome, detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)));
  if (IsApi(c)) return AnswerApi(c, r, sink.findings());
  c.res.set_redirect("/reports/" + r.id, 303);
  return Status::Ok();
}

// A report its caller may see: a coordinator's any, a steward's or token's their own ministry's.
// Another ministry's is "not found": its existence is not theirs to know.
Result<std::optional<UploadReport>> VisibleReport(Call& c) {
  JBR_ASSIGN_OR_RETURN(auto r, c.store->reports()->GetReport(c.req.matches[1]));
  if (r && (c.who.role == "coordinator" || r->ministry == c.who.ministry)) return r;
  (void)Fail(c, 404, c.T("There is no such report."));
  return std::optional<UploadReport>();
}

std::string Outcome(const Call& c, const UploadReport& r) {
  if (r.outcome == "accepted") {
    return Message(
        fmt::format(fmt::runtime(c.T("Accepted: {} is delivery {} of {} {} {} (SHA-256 "
                                     "{}).")),
                    r.file_name, *r.delivery_id, r.dataset, r.ministry, r.year, r.sha256),
        false);
  }
  if (r.outcome == "identical") {
    return Message(
        fmt::format(fmt::runtime(c.T("{} is identical to the current delivery {}; nothing "
                                     "changed.")),
                    r.file_name, *r.delivery_id),
        false);
  }
  return Message(fmt::format(fmt::runtime(c.T("Rejected: {} has {} errors; nothing was stored. "
                                              "Correct the file and upload it again.")),
                             r.file_name, r.errors),
                 true);
}

// A report's outcome in words.
const char* OutcomeWord(const Call& c, const std::string& outcome) {
  return outcome == "accepted"    ? c.T("accepted")
         : outcome == "identical" ? c.T("identical")
                                  : c.T("rejected");
}

Status ReportPage(Call& c) {
  if (!Allow(c, {"steward", "coordinator", "token"})) return Status::Ok();
  JBR_ASSIGN_OR_RETURN(auto r, VisibleReport(c));
  if (!r) return Status::Ok();
  const size_t kept = static_cast<size_t>(r->kept);
  const size_t pages = std::max<size_t>(1, (kept + kPageSize - 1) / kPageSize);
  size_t page = 1;
  try {
    if (!Param(c, "page").empty()) page = std::stoul(Param(c, "page"));
  } catch (const std::exception&) {
    return Fail(c, 400, c.T("the page is a number"));
  }
  if (page < 1 || page > pages)
    return Fail(c, 404, fmt::format(fmt::runtime(c.T("the report has pages 1 to {}")), pages));
  JBR_ASSIGN_OR_RETURN(auto findings,
                       c.store->reports()->ReportFindings(
                           r->id, static_cast<int64_t>((page - 1) * kPageSize), kPageSize));
  std::string body = Outcome(c, *r);
  body +=
      fmt::format(fmt::runtime(c.T(
                      "<p>Uploaded {} by {}: {} for {} {}. {} errors, {} warnings{}. <a "
                      "href=\"/reports/{}/findings.csv\">Download the findings as CSV</a>.</p>\n")),
                  Escape(r->at), Escape(r->owner), Escape(r->dataset), Escape(r->ministry), r->year,
                  r->errors, r->warnings,
                  r->errors + r->warnings > r->kept
                      ? fmt::format(fmt::runtime(c.T(" (the first {} are listed)")), r->kept)
                      : "",
                  Escape(r->id));
  std::vector<std::vector<std::string>> rows;
  for (const Finding& f : findings) {
    rows.push_back({f.row ? std::to_string(f.row) : "-", Escape(f.column), Escape(f.value),
                    Escape(fmt::format("{} ({}): {}",
                                       c.T(f.severity == Severity::kError ? "error" : "warning"),
                                       f.code, f.message)),
                    Escape(f.hint)});
  }
  if (!rows.empty()) {
    body += Table(fmt::format(fmt::runtime(c.T("Findings, page {} of {}")), page, pages),
                  {c.T("Row"), c.T("Column"), c.T("Value"), c.T("Message"), c.T("Hint")}, rows);
  }
  if (pages > 1) {
    body += fmt::format("<nav aria-label=\"{}\"><ul>\n", c.T("Pages of findings"));
    if (page > 1)
      body += fmt::format("<li><a href=\"/reports/{}?page={}\">{}</a></li>\n", Escape(r->id),
                          page - 1, c.T("Previous page"));
    if (page < pages)
      body += fmt::format("<li><a href=\"/reports/{}?page={}\">{}</a></li>\n", Escape(r->id),
                          page + 1, c.T("Next page"));
    body += "</ul></nav>\n";
  }
  body +=
      c.T("<p><a href=\"/upload\">Upload another file</a>, see <a href=\"/reports\">every "
          "report</a> or <a href=\"/deliveries\">the deliveries</a>.</p>\n");
  Html(c, Page(c, fmt::format(fmt::runtime(c.T("Report: {}")), r->file_name), body));
  return Status::Ok();
}

Status ReportCsv(Call& c) {
  if (!Allow(c, {"steward", "coordinator", "token"})) return Status::Ok();
  JBR_ASSIGN_OR_RETURN(auto r, VisibleReport(c));
  if (!r) return Status::Ok();
  JBR_ASSIGN_OR_RETURN(auto findings, c.store->reports()->ReportFindings(r->id, 0, r->kept));
  std::string csv = "file,sheet,row,column,value,severity,code,message,hint\n";
  for (const Finding& f : findings) {
    csv += fmt::format("{},{},{},{},{},{},{},{},{}\n", CsvField(r->file_name), CsvField(f.sheet),
                       f.row, CsvField(f.column), CsvField(f.value), SeverityName(f.severity),
                       CsvField(f.code), CsvField(f.message), CsvField(f.hint));
  }
  c.res.set_header("Content-Disposition", "attachment; filename=\"findings.csv\"");
  c.res.set_content(csv, "text/csv; charset=utf-8");
  return Status::Ok();
}

// Every upload's report, newest first: a steward's own ministry's, a coordinator's all (or one
// ministry's with ?ministry=).
Status ReportList(Call& c) {
  if (!Allow(c, {"steward", "coordinator"})) return Status::Ok();
  ReportFilter f;
  f.limit = 500;
  if (c.who.role == "steward") {
    f.ministry = c.who.ministry;
  } else if (!Param(c, "ministry").empty()) {
    f.ministry = Param(c, "ministry");
  }
  JBR_ASSIGN_OR_RETURN(auto list, c.store->reports()->ListReports(f));
  std::vector<std::vector<std::string>> rows;
  for (const UploadReport& r : list) {
    rows.push_back({fmt::format("<a href=\"/reports/{}\">{}</a>", Escape(r.id), Escape(r.at)),
                    Escape(r.dataset), Escape(r.ministry), std::to_string(r.year), Escape(r.owner),
                    Escape(r.file_name), OutcomeWord(c, r.outcome),
                    r.delivery_id ? std::to_string(*r.delivery_id) : "-", std::to_string(r.errors),
                    std::to_string(r.warnings)});
  }
  std::string body =
      c.who.role == "steward"
          ? fmt::format(fmt::runtime(c.T("<p>The validation reports of {}'s uploads, rejected ones "
                                         "too.</p>\n")),
                        Escape(c.who.ministry))
          : std::string(c.T("<p>The validation reports of every upload, rejected ones too.</p>\n"));
  body +=
      rows.empty()
          ? Message(c.T("There are no uploads yet."), false)
          : Table(c.T("Uploads, newest first (at most 500)"),
                  {c.T("Uploaded"), c.T("Dataset"), c.T("Ministry"), c.T("Year"), c.T("By"),
                   c.T("File"), c.T("Outcome"), c.T("Delivery"), c.T("Errors"), c.T("Warnings")},
                  rows);
  Html(c, Page(c, c.T("Validation reports"), body));
  return Status::Ok();
}

}  // namespace

void RegisterUploadRoutes(Router& r) {
  r.add("GET", "/upload", UploadForm, false);
  r.add("POST", "/upload", UploadPost, true);
  r.add("POST", "/api/v1/deliveries", UploadPost, true);
  r.add("GET", "/reports", ReportList, false);
  r.add("GET", R"(/reports/([A-Za-z0-9_-]{1,64}))", ReportPage, false);
  r.add("GET", R"(/reports/([A-Za-z0-9_-]{1,64})/findings\.csv)", ReportCsv, false);
}

}  // namespace jbr::portal
