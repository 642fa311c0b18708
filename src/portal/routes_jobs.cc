// The coordinator's background jobs (jobs.h): /jobs lists them with a form to start compute,
// publish or release of a year; /jobs/N shows one, refreshing itself while it runs (an HTTP Refresh
// header: no JavaScript). Starting a job queues it in the store; a worker of any server on the
// store runs it.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "portal/html.h"
#include "portal/jobs.h"
#include "portal/portal.h"

namespace jbr::portal {
namespace {

constexpr int kRefreshSeconds = 3;

int JobYear(const Job& j) {
  const auto p = nlohmann::json::parse(j.params, nullptr, false);
  return p.is_object() && p.contains("year") && p["year"].is_number_integer() ? p["year"].get<int>()
                                                                              : 0;
}

const char* KindLabel(const std::string& kind) {
  return kind == "compute" ? "Compute" : kind == "publish" ? "Publish" : "Release";
}

std::string JobLink(const Call& c, const Job& j) {
  return fmt::format("<a href=\"/jobs/{}\">{}<span class=\"skip\"> {}</span></a>", j.id, j.id,
                     c.T("details"));
}

std::string StartForm(const Call& c, int year) {
  std::string kinds;
  for (const char* k : {"compute", "publish", "release"})
    kinds += fmt::format("<option value=\"{}\">{}</option>", k, c.T(KindLabel(k)));
  return fmt::format(
      "<form class=\"stack\" method=\"post\" action=\"/jobs\">{}\n"
      "<label for=\"kind\">{}</label><select id=\"kind\" name=\"kind\">{}</select>\n"
      "<label for=\"year\">{}</label><input id=\"year\" name=\"year\" type=\"number\" "
      "min=\"1990\" max=\"2100\" required value=\"{}\">\n"
      "<p><input id=\"pdf\" name=\"pdf\" type=\"checkbox\" value=\"1\"> <label for=\"pdf\" "
      "class=\"inline\">{}</label></p>\n"
      "<button type=\"submit\">{}</button>\n</form>\n",
      CsrfField(c.who), c.T("Job"), kinds, c.T("Year"), year,
      c.T("With the PDFs (publish and release; takes minutes longer)"), c.T("Start"));
}

Status JobsPage(Call& c) {
  if (!Allow(c, {"coordinator"})) return Status::Ok();
  JBR_ASSIGN_OR_RETURN(auto jobs, c.store->jobs()->ListJobs(100));
  int year = 0;
  JBR_ASSIGN_OR_RETURN(auto all, c.store->ListDeliveries({}));
  for (const auto& d : all) year = std::max(year, d.year);
  if (year == 0) year = 2021;
  std::vector<std::vector<std::string>> rows;
  rows.reserve(jobs.size());
  for (const Job& j : jobs) {
    rows.push_back({JobLink(c, j), c.T(KindLabel(j.kind)), std::to_string(JobYear(j)),
                    Escape(j.actor), c.T(j.state), Escape(j.created_at), Escape(j.finished_at)});
  }
  std::string body =
      fmt::format("<p>{}</p>\n", c.T("Compute, publish and release run in the server as jobs: "
                                     "you may close the page and come back. A release is made "
                                     "from the latest compute run of the year."));
  body += StartForm(c, year);
  body += rows.empty() ? Message(c.T("No job has been started yet."), false)
                       : Table(c.T("Jobs, newest first (at most 100)"),
                               {c.T("Id"), c.T("Job"), c.T("Year"), c.T("By"), c.T("State"),
                                c.T("Started"), c.T("Ended")},
                               rows);
  Html(c, Page(c, c.T("Jobs"), body));
  return Status::Ok();
}

Status StartJob(Call& c) {
  if (!Allow(c, {"coordinator"})) return Status::Ok();
  if (!CsrfOk(c, Param(c, "csrf"))) return Status::Ok();
  const std::string kind = Param(c, "kind");
  if (!IsJobKind(kind)) return Fail(c, 400, c.T("choose compute, publish or release"));
  const auto year = YearParam(c);
  if (!year) return Fail(c, 400, c.T("give the year as four digits, e.g. 2021"));
  nlohmann::json params = {{"year", *year}};
  if (kind != "compute") params["pdf"] = Param(c, "pdf") == "1";
  Job j;
  j.kind = kind;
  j.params = params.dump();
  j.actor = c.who.name;
  j.created_at = c.ctx.now;
  JBR_ASSIGN_OR_RETURN(Job queued, c.store->jobs()->AddJob(j));
  (void)LogAction(c.store, c.ctx, "job-queue", fmt::format("job {}", queued.id), "ok",
                  nlohmann::json{{"kind", kind}, {"params", queued.params}}.dump());
  c.res.status = 303;
  c.res.set_header("Location", fmt::format("/jobs/{}", queued.id));
  return Status::Ok();
}

Status JobPage(Call& c) {
  if (!Allow(c, {"coordinator"})) return Status::Ok();
  int64_t id = 0;
  try {
    id = std::stoll(c.req.matches[1]);
  } catch (const std::exception&) {
    return Fail(c, 404, c.T("There is no such job."));
  }
  JBR_ASSIGN_OR_RETURN(auto job, c.store->jobs()->GetJob(id));
  if (!job) return Fail(c, 404, c.T("There is no such job."));
  const Job& j = *job;
  const bool active = j.state == "queued" || j.state == "running";
  const bool refresh = active && Param(c, "refresh") != "0";
  if (refresh) c.res.set_header("Refresh", std::to_string(kRefreshSeconds));
  std::string body;
  if (j.state == "queued") {
    body += Message(c.T("Waiting for a server to take this job."), false);
  } else if (j.state == "running") {
    body += Message(
        fmt::format(fmt::runtime(c.T("Running: {} ({}%).")), c.T(j.progress), j.percent), false);
    body +=
        fmt::format("<p><progress max=\"100\" value=\"{}\" aria-label=\"{}\">{}%</progress></p>\n",
                    j.percent, c.T("Progress"), j.percent);
  } else if (j.state == "done") {
    body += Message(c.T("Done."), false);
  } else {
    body += Message(fmt::format(fmt::runtime(c.T("Failed: {}")), j.error), true);
  }
  if (refresh) {
    body +=
        fmt::format(fmt::runtime(c.T("<p>This page reloads every {} seconds while the job runs. <a "
                                     "href=\"/jobs/{}?refresh=0\">Stop reloading</a>.</p>\n")),
                    kRefreshSeconds, j.id);
  }
  std::string result = j.result;
  const auto parsed = nlohmann::json::parse(j.result, nullptr, false);
  std::string links;
  if (parsed.is_object() && parsed.contains("release") && parsed["release"].is_string()) {
    const std::string name = parsed["release"].get<std::string>();
    links = fmt::format(fmt::runtime(c.T("<p>See <a href=\"/releases/{}/nl/index.html\">release "
                                         "{}</a> among the <a href=\"/releases\">published "
                                         "reports</a>.</p>\n")),
                        Escape(name), Escape(name));
  }
  std::vector<std::vector<std::string>> rows = {
      {c.T("Job"), c.T(KindLabel(j.kind))},
      {c.T("Parameters"), "<code>" + Escape(j.params) + "</code>"},
      {c.T("By"), Escape(j.actor)},
      {c.T("State"), c.T(j.state)},
      {c.T("Queued"), Escape(j.created_at)},
      {c.T("Started"), Escape(j.started_at)},
      {c.T("Ended"), Escape(j.finished_at)},
      {c.T("Server"), Escape(j.worker)},
      {c.T("Result"), "<code>" + Escape(result) + "</code>"},
  };
  body += Table(fmt::format(fmt::runtime(c.T("Job {}")), j.id), {c.T("What"), c.T("Value")}, rows);
  body += links;
  body += fmt::format("<p><a href=\"/jobs\">{}</a></p>\n", c.T("All jobs"));
  Html(c, Page(c,
               fmt::format(fmt::runtime(c.T("Job {}: {} {}")), j.id, c.T(KindLabel(j.kind)),
                           JobYear(j)),
               body));
  return Status::Ok();
}

}  // namespace

void RegisterJobRoutes(Router& r) {
  r.add("GET", "/jobs", JobsPage, false);
  r.add("POST", "/jobs", StartJob, false);
  r.add("GET", R"(/jobs/(\d{1,18}))", JobPage, false);
}

}  // namespace jbr::portal
