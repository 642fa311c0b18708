#include "store/sqlite/reports.h"

#include <fmt/format.h>

namespace jbr::sqlite {
namespace {

constexpr const char* kReportColumns =
    "SELECT seq, id, at, owner, ministry, dataset, year, file_name, outcome, delivery_id, sha256, "
    "errors, warnings, kept FROM upload_reports";

UploadReport ReadReport(const Statement& q) {
  UploadReport r;
  r.seq = q.Int(0);
  r.id = q.Text(1);
  r.at = q.Text(2);
  r.owner = q.Text(3);
  r.ministry = q.Text(4);
  r.dataset = q.Text(5);
  r.year = static_cast<int>(q.Int(6));
  r.file_name = q.Text(7);
  r.outcome = q.Text(8);
  r.delivery_id = q.OptInt(9);
  r.sha256 = q.Text(10);
  r.errors = q.Int(11);
  r.warnings = q.Int(12);
  r.kept = q.Int(13);
  return r;
}

class SqliteReports : public ReportStore {
 public:
  explicit SqliteReports(Database* db) : db_(db) {}

  Result<int64_t> AddReport(const UploadReport& r, const std::vector<Finding>& findings) override {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(db_));
    JBR_ASSIGN_OR_RETURN(auto existing, GetReport(r.id));
    if (existing) return UsageError(fmt::format("a report '{}' exists already", r.id));
    UploadReport fresh = r;
    fresh.seq = 0;
    JBR_ASSIGN_OR_RETURN(int64_t seq, InsertReport(db_, fresh, findings));
    JBR_RETURN_IF_ERROR(tx.Commit());
    return seq;
  }

  Result<std::optional<UploadReport>> GetReport(const std::string& id) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare(fmt::format("{} WHERE id = ?", kReportColumns)));
    q.Bind(1, id);
    JBR_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) return std::optional<UploadReport>();
    return std::optional<UploadReport>(ReadReport(q));
  }

  Result<std::vector<Finding>> ReportFindings(const std::string& id, int64_t offset,
                                              int64_t limit) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, db_->Prepare("SELECT f.code, f.severity, f.file, f.sheet, f.row_number, "
                             "f.column_name, f.value, f.message, f.hint FROM report_findings f "
                             "JOIN upload_reports r ON r.seq = f.report_seq WHERE r.id = ? "
                             "AND f.position >= ? ORDER BY f.position LIMIT ?"));
    q.Bind(1, id).Bind(2, offset).Bind(3, limit);
    std::vector<Finding> out;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out.push_back(
          Finding{q.Text(0), q.Text(1) == "warning" ? Severity::kWarning : Severity::kError,
                  q.Text(2), q.Text(3), q.Int(4), q.Text(5), q.Text(6), q.Text(7), q.Text(8)});
    }
    return out;
  }

  Result<std::vector<UploadReport>> ListReports(const ReportFilter& f) override {
    JBR_ASSIGN_OR_RETURN(auto q, db_->Prepare(fmt::format(
                                     "{} WHERE (?1 IS NULL OR ministry = ?1) AND "
                                     "(?2 IS NULL OR delivery_id = ?2) ORDER BY seq DESC LIMIT ?3",
                                     kReportColumns)));
    f.ministry ? q.Bind(1, *f.ministry) : q.BindNull(1);
    q.Bind(2, f.delivery_id).Bind(3, f.limit);
    std::vector<UploadReport> out;
    while (true) {
      JBR_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out.push_back(ReadReport(q));
    }
    return out;
  }

 private:
  Database* db_;
};

}  // namespace

std::unique_ptr<ReportStore> MakeReportStore(Database* db) {
  return std::make_unique<SqliteReports>(db);
}

Result<int64_t> InsertReport(Database* db, const UploadReport& r,
                             const std::vector<Finding>& findings) {
  JBR_ASSIGN_OR_RETURN(
      auto q, db->Prepare("INSERT INTO upload_reports(seq, id, at, owner, ministry, dataset, year, "
                          "file_name, outcome, delivery_id, sha256, errors, warnings, kept) "
                          "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
  r.seq > 0 ? q.Bind(1, r.seq) : q.BindNull(1);
  JBR_RETURN_IF_ERROR(q.Bind(2, r.id)
                          .Bind(3, r.at)
                          .Bind(4, r.owner)
                          .Bind(5, r.ministry)
                          .Bind(6, r.dataset)
                          .Bind(7, static_cast<int64_t>(r.year))
                          .Bind(8, ReportText(r.file_name))
                          .Bind(9, r.outcome)
                          .Bind(10, r.delivery_id)
                          .Bind(11, r.sha256)
                          .Bind(12, r.errors)
                          .Bind(13, r.warnings)
                          .Bind(14, static_cast<int64_t>(findings.size()))
                          .Run());
  const int64_t seq = db->LastInsertId();
  JBR_ASSIGN_OR_RETURN(
      auto ins,
      db->Prepare("INSERT INTO report_findings(report_seq, position, code, severity, file, "
                  "sheet, row_number, column_name, value, message, hint) "
                  "VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
  int64_t position = 0;
  for (const Finding& f : findings) {
    ins.Reset();
    JBR_RETURN_IF_ERROR(ins.Bind(1, seq)
                            .Bind(2, position++)
                            .Bind(3, ReportText(f.code))
                            .Bind(4, SeverityName(f.severity))
                            .Bind(5, ReportText(f.file))
                            .Bind(6, ReportText(f.sheet))
                            .Bind(7, f.row)
                            .Bind(8, ReportText(f.column))
                            .Bind(9, ReportText(f.value))
                            .Bind(10, ReportText(f.message))
                            .Bind(11, ReportText(f.hint))
                            .Run());
  }
  return seq;
}

}  // namespace jbr::sqlite
