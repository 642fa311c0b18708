#include "publish/ict/ict_dashboard.h"

#include <xlsxwriter.h>

#include <ctime>
#include <set>

#include <fmt/format.h>

#include "common/csv_write.h"
#include "publish/core/text_format.h"
#include "publish/ict/ict_pages.h"
#include "schema/ict_dashboard_layout.h"

namespace jbr::publish {
namespace {

namespace L = ict_layout;

LayoutCell Text(std::string s) { return {std::move(s), std::nullopt}; }

LayoutCell Number(std::optional<double> v) {
  if (!v) return {};
  return {FormatNumber(*v), *v};
}

LayoutCell Million(std::optional<double> eur) { return eur ? Number(*eur / 1e6) : LayoutCell{}; }

LayoutCell DateCell(std::optional<Days> d) {
  return d ? Text(IctDate(*d, Lang::kNl)) : LayoutCell{};
}

std::optional<Days> EndOf(const std::optional<IctRecord>& r) {
  return r ? r->end_date : std::nullopt;
}
std::optional<double> CostOf(const std::optional<IctRecord>& r) {
  return r ? r->cost_eur : std::nullopt;
}

// The reasons of the year's reassessments, each once, in order of appearance.
std::string Reasons(const IctActivityFigures& f) {
  std::string out;
  std::set<std::string> seen;
  for (const auto& r : f.reassessments) {
    for (const auto& reason : r.reasons) {
      if (seen.insert(reason).second) out += (out.empty() ? "" : ";") + reason;
    }
  }
  return out;
}

std::string Csv(const IctPortfolio& p) {
  std::string out = CsvRecord(std::vector<std::string>(L::kColumns, L::kColumns + L::kColumnCount));
  for (const auto& a : p.activities) {
    std::vector<std::string> fields;
    for (const auto& cell : IctDashboardRow(p, a)) fields.push_back(cell.text);
    out += CsvRecord(fields);
  }
  return out;
}

Status WriteXlsx(const IctPortfolio& p, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return IoError(fmt::format("cannot create workbook {}", path));
  lxw_doc_properties props = {};
  const std::string title = fmt::format("Activiteitenoverzicht grote ICT-activiteiten {}", p.year);
  props.title = const_cast<char*>(title.c_str());
  props.author = const_cast<char*>("jbr");
  props.created = WorkbookTime(p.run_at);
  lxw_error err = workbook_set_properties(wb, &props);
  const auto keep = [&err](lxw_error e) {
    if (e != LXW_NO_ERROR && err == LXW_NO_ERROR) err = e;
  };
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_worksheet* ws = workbook_add_worksheet(wb, L::kSheet);
  if (ws == nullptr) {
    workbook_close(wb);
    return InternalError(fmt::format("workbook {}: sheet refused", path));
  }
  for (size_t c = 0; c < L::kColumnCount; ++c) {
    keep(worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), L::kColumns[c], bold));
  }
  lxw_row_t r = 1;
  for (const auto& a : p.activities) {
    const auto row = IctDashboardRow(p, a);
    for (size_t c = 0; c < row.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      if (row[c].number) {
        keep(worksheet_write_number(ws, r, col, *row[c].number, nullptr));
      } else if (!row[c].text.empty()) {
        keep(worksheet_write_string(ws, r, col, row[c].text.c_str(), nullptr));
      }
    }
    ++r;
  }
  const lxw_error closed = workbook_close(wb);
  if (err == LXW_NO_ERROR) err = closed;
  if (err != LXW_NO_ERROR)
    return IoError(fmt::format("cannot write workbook {}: {}", path, lxw_strerror(err)));
  return Status::Ok();
}

}  // namespace

std::vector<LayoutCell> IctDashboardRow(const IctPortfolio& p, const IctActivity& a) {
  const IctActivityFigures& f = a.figures;
  const auto name = p.ministry_names.find(f.ministry);
  const auto end = EndOf(f.current);
  const IctCategoryCosts& c = a.current_categories;
  return {Text(f.activity_id),
          Text(f.ministry),
          Text(name == p.ministry_names.end() ? std::string() : name->second),
          Text(f.name),
          Text(IctStatusLabel(f.status, Lang::kNl)),
          Text(a.kind),
          Text(a.subjects),
          Text(f.organisation),
          Text(a.method),
          DateCell(f.reference_date),
          DateCell(f.start_date),
          DateCell(EndOf(f.initial)),
          DateCell(end),
          Number(YearOf(f.start_date)),
          end ? Number(YearOf(*end)) : LayoutCell{},
          Number(f.initial_duration_years),
          Number(f.current_duration_years),
          Number(f.end_slip_years),
          f.duration_change ? Number(*f.duration_change * 100) : LayoutCell{},
          Text(f.slip_class),
          Text(f.duration_class),
          Text(Reasons(f)),
          Million(CostOf(f.initial)),
          Million(CostOf(f.current)),
          Text(f.cost_class),
          Million(CostOf(f.previous)),
          Million(f.remaining_cost_eur),
          Million(c.internal_staff_estimate),
          Million(c.internal_staff_spend),
          Million(c.external_staff_estimate),
          Million(c.external_staff_spend),
          Million(c.other_material_estimate),
          Million(c.other_material_spend)};
}

Status WriteIctDashboard(const IctPortfolio& portfolio, OutputDir* out) {
  JBR_ASSIGN_OR_RETURN(std::string path, out->PathFor(kIctDashboardXlsx));
  JBR_RETURN_IF_ERROR(WriteXlsx(portfolio, path));
  JBR_RETURN_IF_ERROR(out->Record(kIctDashboardXlsx));
  return out->Write(kIctDashboardCsv, Csv(portfolio));
}

}  // namespace jbr::publish
