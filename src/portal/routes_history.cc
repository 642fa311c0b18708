// What has been delivered: the delivery history (a steward sees only their own ministry's), the
// original files, the coordinator's matrix of ministries by datasets, the action log and users.
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "portal/html.h"
#include "portal/portal.h"
#include "portal/security.h"

namespace jbr::portal {
namespace {

Status Deliveries(Call& c) {
  if (!Allow(c, {"steward", "coordinator"})) return Status::Ok();
  DeliveryFilter f;
  // A steward's filter is their ministry, whatever the query says.
  if (c.who.role == "steward") {
    f.ministry = c.who.ministry;
  } else if (!Param(c, "ministry").empty()) {
    f.ministry = Param(c, "ministry");
  }
  if (!Param(c, "dataset").empty()) f.dataset = Param(c, "dataset");
  if (!Param(c, "year").empty()) {
    f.year = YearParam(c);
    if (!f.year) return Fail(c, 400, c.T("give the year as four digits, e.g. 2021"));
  }
  JBR_ASSIGN_OR_RETURN(auto list, c.store->ListDeliveries(f));
  // The report of the upload that made each delivery (deliveries loaded with jbr load have none).
  ReportFilter rf;
  rf.ministry = f.ministry;
  rf.limit = std::numeric_limits<int64_t>::max();
  JBR_ASSIGN_OR_RETURN(auto reports, c.store->reports()->ListReports(rf));
  std::map<int64_t, std::string> report_of;
  for (const auto& r : reports) {
    if (r.outcome == "accepted" && r.delivery_id) report_of[*r.delivery_id] = r.id;
  }
  std::vector<std::vector<std::string>> rows;
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    const DeliveryRecord& d = *it;
    auto report = report_of.find(d.id);
    rows.push_back(
        {std::to_string(d.id), Escape(d.dataset), Escape(d.ministry), std::to_string(d.year),
         Escape(d.received_at), Escape(d.delivered_by), Escape(d.file_name),
         std::to_string(d.row_count), c.T(d.status), "<code>" + Escape(d.sha256) + "</code>",
         fmt::format(fmt::runtime(c.T("<a href=\"/deliveries/{}/original\">original<span "
                                      "class=\"skip\"> of delivery {}</span></a>")),
                     d.id, d.id),
         report == report_of.end()
             ? std::string("-")
             : fmt::format(fmt::runtime(c.T("<a href=\"/reports/{}\">report<span "
                                            "class=\"skip\"> of delivery {}</span></a>")),
                           Escape(report->second), d.id)});
  }
  std::string body =
      c.who.role == "steward"
          ? fmt::format(fmt::runtime(c.T("<p>The deliveries of {}.</p>\n")), Escape(c.who.ministry))
          : std::string(c.T("<p>Every ministry's deliveries.</p>\n"));
  body += rows.empty() ? Message(c.T("There are no deliveries yet."), false)
                       : Table(c.T("Deliveries, newest first"),
                               {c.T("Id"), c.T("Dataset"), c.T("Ministry"), c.T("Year"),
                                c.T("Received"), c.T("By"), c.T("File"), c.T("Rows"), c.T("Status"),
                                "SHA-256", c.T("File"), c.T("Report")},
                               rows);
  Html(c, Page(c, c.T("Deliveries"), body));
  return Status::Ok();
}

std::string SafeName(const std::string& name) {
  std::string out;
  for (char ch : name)
    out += (std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_')
               ? ch
               : '_';
  return out.empty() ? "delivery" : out;
}

Status Original(Call& c) {
  if (!Allow(c, {"steward", "coordinator"})) return Status::Ok();
  int64_t id = 0;
  try {
    id = std::stoll(c.req.matches[1]);
  } catch (const std::exception&) {
    return Fail(c, 404, c.T("There is no such delivery."));
  }
  JBR_ASSIGN_OR_RETURN(auto d, c.store->GetDelivery(id));
  // Another ministry's delivery is "not found" for a steward: its existence is not theirs to know.
  if (!d || (c.who.role == "steward" && d->ministry != c.who.ministry)) {
    return Fail(c, 404, c.T("There is no such delivery."));
  }
  // Copied to a file first, so that the store connection is free before the client reads.
  auto path = std::make_shared<std::string>(
      (std::filesystem::path(c.portal.upload_dir) / (RandomToken(18) + ".download")).string());
  {
    std::ofstream out(*path, std::ios::binary);
    JBR_RETURN_IF_ERROR(c.store->ExportOriginal(id, [&out](std::string_view piece) {
      out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return out ? Status::Ok() : IoError("cannot write a download");
    }));
  }
  auto in = std::make_shared<std::ifstream>(*path, std::ios::binary);
  (void)LogAction(c.store, c.ctx, "download", std::to_string(id), "ok");
  c.res.set_header("Content-Disposition",
                   fmt::format("attachment; filename=\"{}\"", SafeName(d->file_name)));
  c.res.set_header("Cache-Control", "no-store");
  c.res.set_content_provider(
      static_cast<size_t>(d->size_bytes), "application/octet-stream",
      [in](size_t offset, size_t length, httplib::DataSink& sink) {
        std::string buf(std::min<size_t>(length, 1 << 20), '\0');
        in->seekg(static_cast<std::streamoff>(offset));
        in->read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = static_cast<size_t>(in->gcount());
        if (n == 0) return false;
        sink.write(buf.data(), n);
        return true;
      },
      [path, in](bool) {
        in->close();
        std::error_code ec;
        std::filesystem::remove(*path, ec);
      });
  return Status::Ok();
}

Status Matrix(Call& c) {
  if (!Allow(c, {"coordinator"})) return Status::Ok();
  int year = 0;
  if (Param(c, "year").empty()) {
    JBR_ASSIGN_OR_RETURN(auto all, c.store->ListDeliveries({}));
    for (const auto& d : all) year = std::max(year, d.year);
    if (year == 0) year = 2021;
  } else {
    auto y = YearParam(c);
    if (!y) return Fail(c, 400, c.T("give the year as four digits, e.g. 2021"));
    year = *y;
  }
  DeliveryFilter f;
  f.year = year;
  JBR_ASSIGN_OR_RETURN(auto list, c.store->ListDeliveries(f));
  std::map<std::pair<std::string, std::string>, std::vector<DeliveryRecord>>
      cells;  // (ministry, dataset)
  for (const auto& d : list) cells[{d.ministry, d.dataset}].push_back(d);
  ActionFilter af;
  af.action = "upload";
  af.limit = 100000;
  JBR_ASSIGN_OR_RETURN(auto uploads, c.store->accounts()->Actions(af));
  std::map<std::string, const ActionEntry*>
      last_rejected;  // "dataset/ministry/year" -> newest rejection
  for (const auto& a : uploads) {
    if (a.outcome == "rejected" && last_rejected.count(a.target) == 0) last_rejected[a.target] = &a;
  }
  const auto datasets = c.portal.schemas.Names();
  std::vector<std::vector<std::string>> rows;
  for (const Ministry* m : c.portal.ministries.InYear(year)) {
    std::vector<std::string> row = {Escape(m->code)};
    for (const auto& ds : datasets) {
      std::string cell = c.T("missing");
      auto it = cells.find({m->code, ds});
      if (it != cells.end()) {
        const DeliveryRecord* current = nullptr;
        int superseded = 0;
        for (const auto& d : it->second)
          d.status == "accepted" ? (void)(current = &d) : (void)++superseded;
        if (current != nullptr) {
          cell = fmt::format(fmt::runtime(c.T("accepted {} by {}")),
                             Escape(current->received_at.substr(0, 10)),
                             Escape(current->delivered_by));
          if (superseded > 0)
            cell += fmt::format(fmt::runtime(c.T(" ({} superseded)")), superseded);
        }
      }
      auto rej = last_rejected.find(fmt::format("{}/{}/{}", ds, m->code, year));
      if (rej != last_rejected.end()) {
        cell += fmt::format(fmt::runtime(c.T("; rejected {} by {}")),
                            Escape(rej->second->at.substr(0, 10)), Escape(rej->second->actor));
      }
      row.push_back(cell);
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::string> headers = {c.T("Ministry")};
  headers.insert(headers.end(), datasets.begin(), datasets.end());
  std::string body = fmt::format(
      "<form method=\"get\" action=\"/matrix\"><p><label for=\"year\">{}</label> "
      "<input id=\"year\" name=\"year\" type=\"number\" min=\"1990\" max=\"2100\" value=\"{}\"> "
      "<button type=\"submit\">{}</button></p></form>\n",
      c.T("Year"), year, c.T("Show"));
  body += Table(fmt::format(fmt::runtime(c.T("Deliveries of {}: ministries by dataset")), year),
                headers, rows);
  Html(c, Page(c, fmt::format(fmt::runtime(c.T("Deliveries of {}")), year), body));
  return Status::Ok();
}

Status ActionsPage(Call& c) {
  if (!Allow(c, {"coordinator", "admin"})) return Status::Ok();
  ActionFilter f;
  f.limit = 500;
  if (!Param(c, "actor").empty()) f.actor = Param(c, "actor");
  if (!Param(c, "action").empty()) f.action = Param(c, "action");
  JBR_ASSIGN_OR_RETURN(auto list, c.store->accounts()->Actions(f));
  std::vector<std::vector<std::string>> rows;
  for (const auto& a : list) {
    rows.push_back({Escape(a.at), Escape(a.actor), Escape(a.source), Escape(a.action),
                    Escape(a.target), Escape(a.outcome), "<code>" + Escape(a.detail) + "</code>"});
  }
  std::string body = fmt::format(
      "<form method=\"get\" action=\"/actions\"><p><label for=\"actor\">{}</label> "
      "<input id=\"actor\" name=\"actor\" value=\"{}\"> <label for=\"action\">{}</label> "
      "<input id=\"action\" name=\"action\" value=\"{}\"> <button "
      "type=\"submit\">{}</button></p></form>\n",
      c.T("Who"), Escape(Param(c, "actor")), c.T("Action"), Escape(Param(c, "action")),
      c.T("Filter"));
  body += Table(c.T("Actions, newest first (at most 500)"),
                {c.T("When"), c.T("Who"), c.T("From"), c.T("Action"), c.T("About"), c.T("Outcome"),
                 c.T("Detail")},
                rows);
  Html(c, Page(c, c.T("Audit log"), body));
  return Status::Ok();
}

Status Users(Call& c) {
  if (!Allow(c, {"admin"})) return Status::Ok();
  JBR_ASSIGN_OR_RETURN(auto users, c.store->accounts()->ListUsers());
  std::vector<std::vector<std::string>> rows;
  for (const auto& u : users) {
    rows.push_back({Escape(u.name), c.T(u.role), Escape(u.ministry),
                    u.disabled ? c.T("disabled") : c.T("active"), Escape(u.created_at)});
  }
  const std::string body =
      std::string(
          c.T("<p>Accounts are managed with <code>jbr user add|passwd|disable</code>.</p>\n")) +
      Table(c.T("Users"), {c.T("Name"), c.T("Role"), c.T("Ministry"), c.T("State"), c.T("Created")},
            rows);
  Html(c, Page(c, c.T("Users"), body));
  return Status::Ok();
}

}  // namespace

void RegisterHistoryRoutes(Router& r) {
  r.add("GET", "/deliveries", Deliveries, false);
  r.add("GET", R"(/deliveries/(\d{1,18})/original)", Original, false);
  r.add("GET", "/matrix", Matrix, false);
  r.add("GET", "/actions", ActionsPage, false);
  r.add("GET", "/users", Users, false);
}

}  // namespace jbr::portal
