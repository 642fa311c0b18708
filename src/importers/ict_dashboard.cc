#include "importers/ict_dashboard.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "common/parse.h"
#include "common/text.h"
#include "importers/ict_dashboard_rows.h"
#include "ingest/open_table.h"
#include "schema/ict_dashboard_layout.h"

namespace jbr {
namespace {

namespace L = ict_layout;
using ict_import::DashboardRow;

constexpr const char* kRequired[] = {
    L::kNumber,    L::kMinistry,   L::kName,       L::kStatus,      L::kKind,
    L::kStartDate, L::kInitialEnd, L::kCurrentEnd, L::kInitialCost, L::kCurrentCost};
constexpr const char* kStatuses[][2] = {{"nog niet gestart", "not_started"},
                                        {"in uitvoering", "in_progress"},
                                        {"in heroriëntatie", "reorientation"},
                                        {"in herorientatie", "reorientation"},
                                        {"afgerond", "completed"},
                                        {"geannuleerd", "cancelled"}};

// Reads the rows of the layout into DashboardRows, reporting every problem as a finding.
class RowReader {
 public:
  RowReader(std::string file, std::string sheet, std::vector<std::string> reasons,
            FindingSink* sink)
      : file_(std::move(file)),
        sheet_(std::move(sheet)),
        reasons_(std::move(reasons)),
        sink_(sink) {}

  // Maps the header; false (with a finding per missing column) when a required one is absent.
  bool MapHeader(const RawRow& header) {
    for (size_t i = 0; i < header.cells.size(); ++i) {
      cols_.emplace(AsciiLower(Trim(header.cells[i])), static_cast<int>(i));
    }
    bool ok = true;
    for (const char* name : kRequired) {
      if (Col(name) >= 0) continue;
      Report("missing-column", 1, name, "", fmt::format("the column '{}' is missing", name),
             "use the headers of the dashboard's Activiteitenoverzicht");
      ok = false;
    }
    return ok;
  }

  DashboardRow Parse(const RawRow& raw) {
    raw_ = &raw;
    DashboardRow r;
    r.line = raw.row_number;
    r.id = Text(L::kNumber, true);
    r.ministry = Text(L::kMinistry, true);
    r.ministry_name = Text(L::kMinistryName, false);
    r.name = Text(L::kName, true);
    r.status = ActivityStatus();
    r.kind = Text(L::kKind, true);
    r.subjects = Text(L::kSubjects, false);
    r.organisation = Text(L::kOrganisation, false);
    r.method = Text(L::kMethod, false);
    r.reference = DateCell(L::kReferenceDate, false);
    r.start = DateCell(L::kStartDate, true);
    r.initial_end = DateCell(L::kInitialEnd, false);
    r.current_end = DateCell(L::kCurrentEnd, false);
    r.reasons = Reasons();
    r.initial_cost = Amount(L::kInitialCost, true);
    r.current_cost = Amount(L::kCurrentCost, true);
    r.remaining = Amount(L::kRemainingCost, false);
    const char* categories[] = {L::kInternalEstimate, L::kInternalSpend, L::kExternalEstimate,
                                L::kExternalSpend,    L::kOtherEstimate, L::kOtherSpend};
    for (size_t i = 0; i < 6; ++i) r.categories[i] = Amount(categories[i], false);
    return r;
  }

  void Report(const char* code, int64_t row, std::string column, std::string value,
              std::string message, std::string hint) {
    Finding f;
    f.code = code;
    f.file = file_;
    f.sheet = sheet_;
    f.row = row;
    f.column = std::move(column);
    f.value = std::move(value);
    f.message = std::move(message);
    f.hint = std::move(hint);
    sink_->Add(std::move(f));
  }

 private:
  int Col(const char* name) const {
    auto it = cols_.find(AsciiLower(name));
    return it == cols_.end() ? -1 : it->second;
  }
  std::string_view Cell(const char* name, CellKind* kind = nullptr) const {
    const int c = Col(name);
    if (c < 0 || static_cast<size_t>(c) >= raw_->cells.size()) return {};
    if (kind != nullptr && static_cast<size_t>(c) < raw_->kinds.size())
      *kind = raw_->kinds[static_cast<size_t>(c)];
    return Trim(raw_->cells[static_cast<size_t>(c)]);
  }
  void Error(const char* code, const char* column, std::string_view value, std::string message,
             std::string hint) {
    Report(code, raw_->row_number, column, std::string(value), std::move(message), std::move(hint));
  }
  bool Present(const char* column, std::string_view v, bool required) {
    if (!v.empty()) return true;
    if (required) Error("constraint-error", column, v, "required but empty", "fill in the cell");
    return false;
  }

  std::string Text(const char* column, bool required) {
    const std::string_view v = Cell(column);
    Present(column, v, required);
    return std::string(v);
  }

  std::optional<Days> DateCell(const char* column, bool required) {
    CellKind kind = CellKind::kText;
    const std::string_view v = Cell(column, &kind);
    if (!Present(column, v, required)) return std::nullopt;
    std::optional<Days> d;
    if (kind == CellKind::kNumber) {
      if (auto serial = ParseDecimal(v, DecimalMark::kPoint)) d = DateFromExcelSerial(*serial);
    } else {
      d = ParseDate(v);
    }
    if (!d) Error("type-error", column, v, "not a date", "write the date as dd-mm-yyyy");
    return d;
  }

  // EUR million in the file, euros (rounded to cents) in the result.
  std::optional<double> Amount(const char* column, bool required) {
    const std::string_view v = Cell(column);
    if (!Present(column, v, required)) return std::nullopt;
    auto n = ParseDecimal(v, DecimalMark::kPoint);
    if (!n) n = ParseDecimal(v, DecimalMark::kComma);
    if (!n || std::fabs(*n) > 1e9) {
      Error("type-error", column, v, "not an amount", "an amount in EUR million, e.g. 12.5");
      return std::nullopt;
    }
    if (*n < 0) {
      Error("constraint-error", column, v, "a negative amount", "amounts are never below 0");
      return std::nullopt;
    }
    return std::round(*n * 1e8) / 100;
  }

  std::string ActivityStatus() {
    const std::string_view v = Cell(L::kStatus);
    if (!Present(L::kStatus, v, true)) return "";
    const std::string lower = AsciiLower(v);
    for (const auto& [label, code] : kStatuses) {
      if (lower == label || lower == code) return code;
    }
    Error("enum-error", L::kStatus, v, "not a known status",
          "one of: Nog niet gestart, In uitvoering, In heroriëntatie, Afgerond, Geannuleerd");
    return "";
  }

  std::vector<std::string> Reasons() {
    std::vector<std::string> out;
    const std::string_view v = Cell(L::kReasons);
    for (std::string_view part : Split(v, ";")) {
      part = Trim(part);
      if (part.empty()) continue;
      if (std::find(reasons_.begin(), reasons_.end(), part) == reasons_.end()) {
        Error("enum-error", L::kReasons, part, "not a reassessment reason of the fixed list",
              "use the reasons as the dashboard stores them, joined by ;");
      } else if (std::find(out.begin(), out.end(), part) == out.end()) {
        out.emplace_back(part);
      }
    }
    return out;
  }

  std::string file_, sheet_;
  std::vector<std::string> reasons_;
  FindingSink* sink_;
  std::map<std::string, int> cols_;
  const RawRow* raw_ = nullptr;
};

std::vector<std::string> ReasonList(const SchemaRegistry& schemas) {
  const DatasetSchema* s = schemas.Find("ict_records");
  if (s == nullptr) return {};
  const int i = s->FieldIndex("reasons");
  return i < 0 ? std::vector<std::string>{} : s->fields[static_cast<size_t>(i)].enum_values;
}

// Checks across rows: the year, known ministries, unique numbers per ministry.
Result<int> CheckRows(const Workspace& ws, const std::vector<DashboardRow>& rows,
                      std::optional<int> year, RowReader* reader) {
  int y = year.value_or(0);
  if (!year) {
    for (const auto& r : rows) {
      if (r.reference) y = std::max(y, YearOf(*r.reference));
    }
    if (y == 0 && !rows.empty()) {
      return UsageError("no row has a Peildatum: give the year with --year");
    }
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : rows) {
    if (!r.ministry.empty() && ws.ministries().Find(r.ministry, y) == nullptr) {
      reader->Report("unknown-ministry", r.line, L::kMinistry, r.ministry,
                     fmt::format("no ministry with this code in {}", y),
                     "use the ministry's code from data/ministries.csv (e.g. BZK)");
    }
    if (!r.id.empty() && !seen.insert({r.ministry, r.id}).second) {
      reader->Report("unique-error", r.line, L::kNumber, r.id,
                     "the same Nummer occurs again for this ministry", "number each activity once");
    }
  }
  return y;
}

}  // namespace

Result<IctDashboardResult> ImportIctDashboard(Workspace* ws, const std::string& path,
                                              const IctDashboardOptions& options,
                                              FindingSink* sink) {
  const std::string name =
      options.display_name.empty() ? path.substr(path.find_last_of('/') + 1) : options.display_name;
  CountingSink counting(sink);
  IctDashboardResult result;
  TableOptions table;
  table.xlsx.sheet = L::kSheet;
  auto source = OpenTable(path, name, table, &counting);
  if (!source.ok()) {
    if (source.status().code() == StatusCode::kInvalidInput) return result;  // findings say why
    return source.status();
  }
  const bool xlsx = (*source)->info().format == "xlsx";
  RowReader reader(name, xlsx ? L::kSheet : "", ReasonList(ws->schemas()), &counting);
  if (!reader.MapHeader((*source)->header())) return result;
  std::vector<DashboardRow> rows;
  RawRow raw;
  for (;;) {
    JBR_ASSIGN_OR_RETURN(bool more, (*source)->Next(&raw));
    if (!more) break;
    if (raw.IsBlank()) continue;
    rows.push_back(reader.Parse(raw));
  }
  result.rows_read = static_cast<int64_t>(rows.size());
  JBR_ASSIGN_OR_RETURN(result.year, CheckRows(*ws, rows, options.year, &reader));
  if (counting.errors() > 0) return result;
  JBR_RETURN_IF_ERROR(ict_import::LoadRows(ws, rows, result.year, options, &counting, &result));
  return result;
}

}  // namespace jbr
