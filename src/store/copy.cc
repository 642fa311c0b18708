#include "store/copy.h"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

namespace jbr {
namespace {

template <typename T>
void ById(std::vector<T>* rows) {
  std::sort(rows->begin(), rows->end(), [](const T& a, const T& b) { return a.id < b.id; });
}

Status CopyAccounts(AccountStore* from, StoreImport* import, CopyCounts* n) {
  JBR_ASSIGN_OR_RETURN(auto users, from->ListUsers());
  ById(&users);
  for (const auto& u : users) {
    JBR_RETURN_IF_ERROR(import->AddUser(u));
    ++n->users;
  }
  JBR_ASSIGN_OR_RETURN(auto sessions, from->ListSessions());
  for (const auto& s : sessions) {
    JBR_RETURN_IF_ERROR(import->AddSession(s));
    ++n->sessions;
  }
  JBR_ASSIGN_OR_RETURN(auto tokens, from->ListTokens());
  ById(&tokens);
  for (const auto& t : tokens) {
    JBR_RETURN_IF_ERROR(import->AddToken(t));
    ++n->tokens;
  }
  ActionFilter all;
  all.limit = std::numeric_limits<int64_t>::max();
  JBR_ASSIGN_OR_RETURN(auto actions, from->Actions(all));
  ById(&actions);
  for (const auto& e : actions) {
    JBR_RETURN_IF_ERROR(import->AddAction(e));
    ++n->actions;
  }
  return Status::Ok();
}

Status CopyReports(ReportStore* from, StoreImport* import, CopyCounts* n) {
  ReportFilter all;
  all.limit = std::numeric_limits<int64_t>::max();
  JBR_ASSIGN_OR_RETURN(auto reports, from->ListReports(all));
  std::sort(reports.begin(), reports.end(),
            [](const auto& a, const auto& b) { return a.seq < b.seq; });
  for (const auto& r : reports) {
    JBR_ASSIGN_OR_RETURN(auto findings,
                         from->ReportFindings(r.id, 0, std::numeric_limits<int64_t>::max()));
    if (static_cast<int64_t>(findings.size()) != r.kept) {
      return StoreError(
          fmt::format("report {} has {} findings, recorded {}", r.id, findings.size(), r.kept));
    }
    JBR_RETURN_IF_ERROR(import->AddReport(r, findings));
    ++n->reports;
    n->findings += r.kept;
  }
  return Status::Ok();
}

// Every job as it is (a running one keeps its worker and lease: in the new store it expires and
// is failed, never run a second time), then every review note.
Status CopyJobs(JobStore* from, StoreImport* import, CopyCounts* n) {
  JBR_ASSIGN_OR_RETURN(auto jobs, from->ListJobs(std::numeric_limits<int64_t>::max()));
  ById(&jobs);
  for (const auto& j : jobs) {
    JBR_RETURN_IF_ERROR(import->AddJob(j));
    ++n->jobs;
  }
  JBR_ASSIGN_OR_RETURN(auto notes, from->Notes(std::nullopt));
  for (const auto& note : notes) {
    JBR_RETURN_IF_ERROR(import->AddNote(note));
    ++n->notes;
  }
  return Status::Ok();
}

}  // namespace

Result<CopyCounts> CopyStore(Store* from, Store* to) {
  CopyCounts n;
  JBR_ASSIGN_OR_RETURN(auto import, to->BeginImport());
  JBR_ASSIGN_OR_RETURN(auto snapshot, ReadSnapshot::Begin(from));
  JBR_ASSIGN_OR_RETURN(auto deliveries, from->ListDeliveries({}));
  std::sort(deliveries.begin(), deliveries.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  for (const auto& d : deliveries) {
    JBR_RETURN_IF_ERROR(import->AddDelivery(d));
    JBR_RETURN_IF_ERROR(import->AddOriginal(d, from));
    JBR_ASSIGN_OR_RETURN(auto fields, from->DeliveryFields(d.id));
    for (const auto& f : fields) JBR_RETURN_IF_ERROR(import->AddField(d.id, f));
    const Status chunks = from->ReadChunks(d.id, [&](const StoredChunk& c) {
      ++n.chunks;
      return import->AddChunk(d.id, c);
    });
    JBR_RETURN_IF_ERROR(chunks);
    ++n.deliveries;
    n.bytes += d.size_bytes;
  }
  JBR_ASSIGN_OR_RETURN(auto runs, from->ListComputeRuns());
  for (const auto& run : runs) {
    JBR_ASSIGN_OR_RETURN(auto values, from->ComputeRunValues(run.id));
    JBR_RETURN_IF_ERROR(import->AddComputeRun(run, values));
    ++n.runs;
    n.values += static_cast<int64_t>(values.size());
  }
  JBR_ASSIGN_OR_RETURN(auto releases, from->ListReleases(std::nullopt));
  std::sort(releases.begin(), releases.end(),
            [](const auto& a, const auto& b) { return a.id < b.id; });
  for (const auto& r : releases) {
    JBR_RETURN_IF_ERROR(import->AddRelease(r));
    ++n.releases;
  }
  JBR_ASSIGN_OR_RETURN(auto audit, from->AuditLog(std::nullopt));
  for (const auto& e : audit) {
    JBR_RETURN_IF_ERROR(import->AddAudit(e));
    ++n.audit;
  }
  JBR_RETURN_IF_ERROR(CopyAccounts(from->accounts(), import.get(), &n));
  JBR_RETURN_IF_ERROR(CopyReports(from->reports(), import.get(), &n));
  JBR_RETURN_IF_ERROR(CopyJobs(from->jobs(), import.get(), &n));
  JBR_RETURN_IF_ERROR(import->Commit());
  return n;
}

}  // namespace jbr
