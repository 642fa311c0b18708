#include "store/postgres/reports.h"

#include <fmt/format.h>

namespace jbr::pg {
namespace {

constexpr const char* kReportColumns =
    "SELECT seq, id, at, owner, ministry, dataset, year, file_name, outcome, delivery_id, sha256, "
    "errors, warnings, kept FROM upload_reports";

UploadReport ReadReport(const Rows& q, int i) {
  UploadReport r;
  r.seq = q.Int(i, 0);
  r.id = q.Text(i, 1);
  r.at = q.Text(i, 2);
  r.owner = q.Text(i, 3);
  r.ministry = q.Text(i, 4);
  r.dataset = q.Text(i, 5);
  r.year = static_cast<int>(q.Int(i, 6));
  r.file_name = q.Text(i, 7);
  r.outcome = q.Text(i, 8);
  r.delivery_id = q.OptInt(i, 9);
  r.sha256 = q.Text(i, 10);
  r.errors = q.Int(i, 11);
  r.warnings = q.Int(i, 12);
  r.kept = q.Int(i, 13);
  return r;
}

class PostgresReports : public ReportStore {
 public:
  explicit PostgresReports(Connection* c) : c_(c) {}

  Result<int64_t> AddReport(const UploadReport& r, const std::vector<Finding>& findings) override {
    JBR_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(c_));
    JBR_ASSIGN_OR_RETURN(auto existing, GetReport(r.id));
    if (existing) return UsageError(fmt::format("a report '{}' exists already", r.id));
    UploadReport fresh = r;
    fresh.seq = 0;
    JBR_ASSIGN_OR_RETURN(int64_t seq, InsertReport(c_, fresh, findings));
    JBR_RETURN_IF_ERROR(tx.Commit());
    return seq;
  }

  Result<std::optional<UploadReport>> GetReport(const std::string& id) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query(fmt::format("{} WHERE id = $1", kReportColumns), Params().Add(id)));
    if (q.size() == 0) return std::optional<UploadReport>();
    return std::optional<UploadReport>(ReadReport(q, 0));
  }

  Result<std::vector<Finding>> ReportFindings(const std::string& id, int64_t offset,
                                              int64_t limit) override {
    JBR_ASSIGN_OR_RETURN(
        auto q, c_->Query("SELECT f.code, f.severity, f.file, f.sheet, f.row_number, "
                          "f.column_name, f.value, f.message, f.hint FROM report_findings f "
                          "JOIN upload_reports r ON r.seq = f.report_seq WHERE r.id = $1 "
                          "AND f.position >= $2 ORDER BY f.position LIMIT $3",
                          Params().Add(id).Add(offset).Add(limit)));
    std::vector<Finding> out;
    for (int i = 0; i < q.size(); ++i) {
      out.push_back(Finding{q.Text(i, 0),
                            q.Text(i, 1) == "warning" ? Severity::kWarning : Severity::kError,
                            q.Text(i, 2), q.Text(i, 3), q.Int(i, 4), q.Text(i, 5), q.Text(i, 6),
                            q.Text(i, 7), q.Text(i, 8)});
    }
    return out;
  }

  Result<std::vector<UploadReport>> ListReports(const ReportFilter& f) override {
    Params p;
    f.ministry ? p.Add(*f.ministry) : p.AddNull();
    p.Add(f.delivery_id);
    p.Add(f.limit);
    JBR_ASSIGN_OR_RETURN(auto q,
                         c_->Query(fmt::format("{} WHERE ($1::text IS NULL OR ministry = $1) AND "
                                               "($2::bigint IS NULL OR delivery_id = $2) "
                                               "ORDER BY seq DESC LIMIT $3",
                                               kReportColumns),
                                   p));
    std::vector<UploadReport> out;
    for (int i = 0; i < q.size(); ++i) out.push_back(ReadReport(q, i));
    return out;
  }

 private:
  Connection* c_;
};

}  // namespace

std::unique_ptr<ReportStore> MakeReportStore(Connection* c) {
  return std::make_unique<PostgresReports>(c);
}

Result<int64_t> InsertReport(Connection* c, const UploadReport& r,
                             const std::vector<Finding>& findings) {
  Params p;
  p.Add(r.id)
      .Add(r.at)
      .Add(r.owner)
      .Add(r.ministry)
      .Add(r.dataset)
      .Add(r.year)
      .Add(ReportText(r.file_name));
  p.Add(r.outcome).Add(r.delivery_id).Add(r.sha256).Add(r.errors).Add(r.warnings);
  p.Add(static_cast<int64_t>(findings.size()));
  std::string sql =
      "INSERT INTO upload_reports(id, at, owner, ministry, dataset, year, file_name, outcome, "
      "delivery_id, sha256, errors, warnings, kept{}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,"
      "$12,$13{}) RETURNING seq";
  if (r.seq > 0) {
    p.Add(r.seq);
    sql = fmt::format(fmt::runtime(sql), ", seq", ",$14");
  } else {
    sql = fmt::format(fmt::runtime(sql), "", "");
  }
  JBR_ASSIGN_OR_RETURN(auto q, c->Query(sql, p));
  const int64_t seq = q.Int(0, 0);
  if (findings.empty()) return seq;
  std::string data;
  int64_t position = 0;
  for (const Finding& f : findings) {
    data += fmt::format("{}\t{}\t", seq, position++);
    auto text = [&data](std::string_view v, char end) {
      Connection::AppendCopyText(&data, ReportText(v));
      data += end;
    };
    text(f.code, '\t');
    text(SeverityName(f.severity), '\t');
    text(f.file, '\t');
    text(f.sheet, '\t');
    data += fmt::format("{}\t", f.row);
    text(f.column, '\t');
    text(f.value, '\t');
    text(f.message, '\t');
    text(f.hint, '\n');
  }
  JBR_RETURN_IF_ERROR(c->CopyIn(
      "COPY report_findings(report_seq, position, code, severity, file, sheet, row_number, "
      "column_name, value, message, hint) FROM STDIN",
      data));
  return seq;
}

}  // namespace jbr::pg
