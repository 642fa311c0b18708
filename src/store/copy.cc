#include "store/copy.h"

#include <algorithm>

namespace jbr {

Result<CopyCounts> CopyStore(Store* from, Store* to) {
  CopyCounts n;
  JBR_ASSIGN_OR_RETURN(auto import, to->BeginImport());
  JBR_ASSIGN_OR_RETURN(auto snapshot, ReadSnapshot::Begin(from));
  JBR_ASSIGN_OR_RETURN(auto deliveries, from->ListDeliveries({}));
  std::sort(deliveries.begin(), deliveries.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
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
  std::sort(releases.begin(), releases.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (const auto& r : releases) {
    JBR_RETURN_IF_ERROR(import->AddRelease(r));
    ++n.releases;
  }
  JBR_ASSIGN_OR_RETURN(auto audit, from->AuditLog(std::nullopt));
  for (const auto& e : audit) {
    JBR_RETURN_IF_ERROR(import->AddAudit(e));
    ++n.audit;
  }
  JBR_RETURN_IF_ERROR(import->Commit());
  return n;
}

}  // namespace jbr
