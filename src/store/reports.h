// The validation reports of portal uploads (migration 6 of both backends): every upload's outcome
// and its findings (file, sheet, row, column, value, message, how to fix), kept so that a steward
// can come back to a delivery's report later. Rejected uploads keep theirs too: a rejected upload
// stores its report and nothing else. Reports are append-only.
//
// A report's id is random text (the portal's URL of it); `seq` orders reports as they were stored.
// A ReportStore belongs to its Store (the same connection): use it from the Store's thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/finding.h"
#include "common/result.h"

namespace jbr {

struct UploadReport {
  int64_t seq = 0;       // set by the store (kept by jbr migrate-store)
  std::string id;        // random, unique
  std::string at;        // ISO 8601 UTC
  std::string owner;     // the user or API token that uploaded
  std::string ministry;  // the uploader's ministry
  std::string dataset;
  int year = 0;
  std::string file_name;
  std::string outcome;                 // accepted | identical | rejected
  std::optional<int64_t> delivery_id;  // the delivery made (or found identical); none when rejected
  std::string sha256;                  // of that delivery; empty when rejected
  int64_t errors = 0, warnings = 0;    // every finding counted
  int64_t kept = 0;                    // findings stored (the first ones; fewer when truncated)
};

struct ReportFilter {
  std::optional<std::string> ministry;
  std::optional<int64_t> delivery_id;
  int64_t limit = 1000;  // the newest first
};

class ReportStore {
 public:
  virtual ~ReportStore() = default;
  // Stores `r` with `findings` (r.kept of them) in one transaction; returns its seq. Usage error
  // when the id is taken.
  virtual Result<int64_t> AddReport(const UploadReport& r,
                                    const std::vector<Finding>& findings) = 0;
  virtual Result<std::optional<UploadReport>> GetReport(const std::string& id) = 0;
  // Findings `offset` .. `offset + limit - 1` of a report, in the order they were found.
  virtual Result<std::vector<Finding>> ReportFindings(const std::string& id, int64_t offset,
                                                      int64_t limit) = 0;
  // Newest first (by seq).
  virtual Result<std::vector<UploadReport>> ListReports(const ReportFilter& f) = 0;
};

}  // namespace jbr

namespace jbr {

// `s` fit to store as text on either backend: invalid UTF-8 and NUL bytes become U+FFFD, so that
// a finding about a badly encoded file is stored and shown rather than refused by the database.
std::string ReportText(std::string_view s);

}  // namespace jbr
