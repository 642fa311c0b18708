#include "publish/opendata/annex.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <set>

#include <fmt/format.h>

#include "common/text.h"
#include "indicators/engine.h"
#include "publish/core/figures.h"
#include "publish/core/grid.h"
#include "publish/core/text_format.h"

namespace jbr::publish {
namespace {

constexpr size_t kMaxSheetName = 31;
constexpr const char* kSuppressedNote =
    "Onderdrukt: deze cel zou personen herkenbaar maken (te weinig personen, of herleidbaar uit "
    "totalen). "
    "Suppressed to protect persons.";

struct Formats {
  lxw_format* bold = nullptr;
  lxw_format* wrap = nullptr;
  lxw_format* symbol = nullptr;  // "." and "n.g.", right-aligned like the numbers
  lxw_format* percent = nullptr;
  lxw_format* whole = nullptr;
  lxw_format* decimal = nullptr;
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f;
  f.bold = workbook_add_format(wb);
  format_set_bold(f.bold);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.symbol = workbook_add_format(wb);
  format_set_align(f.symbol, LXW_ALIGN_RIGHT);
  f.percent = workbook_add_format(wb);
  format_set_num_format(f.percent, "0.0");
  f.whole = workbook_add_format(wb);
  format_set_num_format(f.whole, "#,##0");
  f.decimal = workbook_add_format(wb);
  format_set_num_format(f.decimal, "#,##0.00");
  return f;
}

// Percentages with one decimal, sheets of whole numbers without decimals, the rest with two.
lxw_format* NumberFormat(const Formats& f, const IndicatorDef& def,
                         const std::vector<const PublishedValue*>& vs) {
  if (def.unit == "%") return f.percent;
  const bool whole = std::all_of(vs.begin(), vs.end(), [](const PublishedValue* v) {
    return !v->value || *v->value == std::floor(*v->value);
  });
  return whole ? f.whole : f.decimal;
}

// Collects the first libxlsxwriter error, so that writing reads as a list of calls.
class Sheet {
 public:
  Sheet(lxw_worksheet* ws, lxw_error* err) : ws_(ws), err_(err) {}
  void Text(lxw_row_t r, lxw_col_t c, const std::string& s, lxw_format* f = nullptr) {
    if (!s.empty()) Keep(worksheet_write_string(ws_, r, c, s.c_str(), f));
  }
  void Number(lxw_row_t r, lxw_col_t c, double v, lxw_format* f) {
    Keep(worksheet_write_number(ws_, r, c, v, f));
  }
  void Note(lxw_row_t r, lxw_col_t c, const char* s) {
    Keep(worksheet_write_comment(ws_, r, c, s));
  }
  void Width(lxw_col_t first, lxw_col_t last, double w, lxw_format* f = nullptr) {
    Keep(worksheet_set_column(ws_, first, last, w, f));
  }

 private:
  void Keep(lxw_error e) {
    if (e != LXW_NO_ERROR && *err_ == LXW_NO_ERROR) *err_ = e;
  }
  lxw_worksheet* ws_;
  lxw_error* err_;
};

// Header rows: period always; unit type and category only when some column has one.
lxw_row_t WriteHeader(Sheet& s, lxw_row_t row, const Grid& g, const Formats& f) {
  const auto any = [&](auto field) {
    return std::any_of(g.columns.begin(), g.columns.end(),
                       [&](const GridColumn& c) { return !(c.*field).empty(); });
  };
  struct Line {
    const char* label;
    std::string GridColumn::*field;
  };
  const Line lines[] = {{"Periode", &GridColumn::period},
                        {"Soort eenheid", &GridColumn::unit_type},
                        {"Categorie", &GridColumn::category}};
  for (const auto& line : lines) {
    if (line.field != &GridColumn::period && !any(line.field)) continue;
    s.Text(row, 0, line.label, f.bold);
    for (size_t c = 0; c < g.columns.size(); ++c) {
      const std::string& text = g.columns[c].*line.field;
      s.Text(row, static_cast<lxw_col_t>(c + 1),
             text.empty() && line.field == &GridColumn::category ? "totaal" : text, f.bold);
    }
    ++row;
  }
  return row;
}

void WriteCell(Sheet& s, lxw_row_t r, lxw_col_t c, const PublishedValue& v, lxw_format* number,
               const Formats& f) {
  if (v.status == "published") {
    s.Number(r, c, *v.value, number);
  } else if (v.status == "suppressed") {
    s.Text(r, c, kSuppressedSymbol, f.symbol);
    s.Note(r, c, kSuppressedNote);
  } else {
    s.Text(r, c, kMissingSymbol, f.symbol);
  }
}

// Below the table: the change of each year figure against last year (a suppressed figure's
// change is hidden as the figure is), then the norm and who did not meet it.
void WriteChangeAndNorm(Sheet& s, lxw_row_t row, const IndicatorDef& def, const Grid& g, int year,
                        lxw_format* number, const Formats& f) {
  const std::string period = std::to_string(year);
  std::vector<size_t> cols;
  for (size_t c = 0; c < g.columns.size(); ++c) {
    if (g.columns[c].period == period) cols.push_back(c);
  }
  if (cols.empty()) return;
  s.Text(
      row, 0,
      fmt::format("Verandering {} ten opzichte van {} (change against last year)", year, year - 1),
      f.bold);
  ++row;
  s.Text(row, 0, "Ministerie", f.bold);
  for (size_t i = 0; i < cols.size(); ++i) {
    const GridColumn& c = g.columns[cols[i]];
    std::string head = c.unit_type;
    if (!c.category.empty()) head += (head.empty() ? "" : ", ") + c.category;
    s.Text(row, static_cast<lxw_col_t>(i + 1), head.empty() ? "totaal" : head, f.bold);
  }
  ++row;
  std::vector<std::string> not_met;
  for (size_t r = 0; r < g.rows.size(); ++r) {
    bool any = false;
    for (size_t i = 0; i < cols.size(); ++i) {
      auto it = g.cells.find({r, cols[i]});
      if (it == g.cells.end()) continue;
      const PublishedValue& v = *it->second;
      any = true;
      const auto col = static_cast<lxw_col_t>(i + 1);
      if (v.status == "suppressed") {
        s.Text(row, col, kSuppressedSymbol, f.symbol);
      } else if (v.status != "published") {
        s.Text(row, col, kMissingSymbol, f.symbol);
      } else if (v.change) {
        s.Number(row, col, *v.change, number);
      }
      const GridColumn& c = g.columns[cols[i]];
      if (def.norm && v.status == "published" && c.unit_type.empty() && c.category.empty() &&
          v.flag.find(def.norm->flag) != std::string::npos) {
        not_met.push_back(g.rows[r]);
      }
    }
    if (any) {
      s.Text(row, 0, g.rows[r], g.rows[r] == kRijk ? f.bold : nullptr);
      ++row;
    }
  }
  if (def.norm) {
    s.Text(row + 1, 0,
           fmt::format("Norm: {} (norm: {}). Niet gehaald (not met): {}.", NormText(def, Lang::kNl),
                       NormText(def, Lang::kEn),
                       not_met.empty() ? std::string("geen (none)")
                                       : fmt::format("{}", fmt::join(not_met, ", "))));
  }
}

void WriteIndicatorSheet(Sheet& s, const IndicatorDef& def,
                         const std::vector<const PublishedValue*>& values, int year,
                         const Formats& f) {
  s.Text(0, 0, fmt::format("{} ({})", def.title_nl, def.unit), f.bold);
  s.Text(1, 0, fmt::format("{} ({}); indicator {}", def.title_en, def.unit, def.id));
  const Grid g = BuildGrid(values);
  lxw_row_t row = WriteHeader(s, 3, g, f);
  lxw_format* number = NumberFormat(f, def, values);
  for (size_t r = 0; r < g.rows.size(); ++r, ++row) {
    s.Text(row, 0, g.rows[r], g.rows[r] == kRijk ? f.bold : nullptr);
    for (size_t c = 0; c < g.columns.size(); ++c) {
      auto it = g.cells.find({r, c});
      if (it != g.cells.end())
        WriteCell(s, row, static_cast<lxw_col_t>(c + 1), *it->second, number, f);
    }
  }
  s.Text(
      row + 1, 0,
      fmt::format("{} = onderdrukt ter bescherming van personen (suppressed); {} = niet geleverd "
                  "(not delivered). Definitie: zie blad {}.",
                  kSuppressedSymbol, kMissingSymbol, kNotesSheet));
  WriteChangeAndNorm(s, row + 3, def, g, year, number, f);
  s.Width(0, 0, 14);
  if (!g.columns.empty()) s.Width(1, static_cast<lxw_col_t>(g.columns.size()), 14);
}

lxw_row_t WriteRows(Sheet& s, lxw_row_t row, const std::vector<std::vector<std::string>>& rows,
                    const Formats& f) {
  for (size_t r = 0; r < rows.size(); ++r, ++row) {
    for (size_t c = 0; c < rows[r].size(); ++c)
      s.Text(row, static_cast<lxw_col_t>(c), rows[r][c], r ? nullptr : f.bold);
  }
  return row + 1;
}

void WriteNotesSheet(Sheet& s, const Publication& pub, const std::vector<std::string>& names,
                     const Formats& f) {
  const ComputeRun& run = pub.run;
  std::vector<std::vector<std::string>> about = {
      {fmt::format("Jaarrapportage Bedrijfsvoering Rijk {}: tabellen", run.year)},
      {"Bron", fmt::format("Leveringen van de ministeries; berekening (compute run) {} van {}",
                           run.id, run.at)},
      {"Onderdrukt",
       fmt::format(
           "{} = onderdrukt: de cel zou personen herkenbaar maken (domein, par. 6); dezelfde "
           "cellen zijn onderdrukt in alle publicaties",
           kSuppressedSymbol)},
      {"Niet geleverd",
       fmt::format("{} = het ministerie leverde de gegevens niet (nooit een nul)", kMissingSymbol)},
      {"Definitieversie", run.definition_version},
      {"Emissiefactoren", run.factor_vintage.empty() ? "(geen)" : run.factor_vintage},
      {"Open data",
       "opendata/indicators.csv met teller, noemer en status per cel; definities in "
       "opendata/definitions.csv"},
  };
  lxw_row_t row = WriteRows(s, 0, about, f);
  std::vector<std::vector<std::string>> sheets = {
      {"Blad", "Indicator", "Titel", "Title", "Eenheid", "Definitie"}};
  for (size_t i = 0; i < pub.definitions.size(); ++i) {
    const auto& d = pub.definitions[i];
    sheets.push_back({names[i], d.id, d.title_nl, d.title_en, d.unit, d.definition_nl});
  }
  row = WriteRows(s, row, sheets, f);
  std::vector<std::vector<std::string>> used = {
      {"Levering", "Dataset", "Ministerie", "Jaar", "Ontvangen", "SHA-256"}};
  for (const auto& d : pub.deliveries) {
    used.push_back({std::to_string(d.id), d.dataset, d.ministry, std::to_string(d.year),
                    d.received_at, d.sha256});
  }
  WriteRows(s, row, used, f);
  s.Width(0, 0, 18);
  s.Width(1, 4, 24);
}

}  // namespace

std::vector<std::string> SheetNames(const std::vector<std::string>& ids) {
  std::set<std::string> taken = {AsciiLower(kNotesSheet)};
  std::vector<std::string> out;
  for (const auto& id : ids) {
    std::string base = id;
    for (char& c : base) {
      if (std::string_view("[]:*?/\\'").find(c) != std::string_view::npos) c = '_';
    }
    std::string name = base.substr(0, kMaxSheetName);
    for (int n = 2; name.empty() || taken.count(AsciiLower(name)); ++n) {
      const std::string suffix = fmt::format("~{}", n);
      name = base.substr(0, kMaxSheetName - suffix.size()) + suffix;
    }
    taken.insert(AsciiLower(name));
    out.push_back(name);
  }
  return out;
}

std::string AnnexPath(int year) { return fmt::format("annex/jbr-{}-tabellen.xlsx", year); }

Status WriteAnnex(const Publication& pub, OutputDir* out) {
  const std::string relative = AnnexPath(pub.run.year);
  JBR_ASSIGN_OR_RETURN(std::string path, out->PathFor(relative));
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return IoError(fmt::format("cannot create workbook {}", path));
  const std::string title =
      fmt::format("Jaarrapportage Bedrijfsvoering Rijk {}: tabellen", pub.run.year);
  lxw_doc_properties props = {};
  props.title = const_cast<char*>(title.c_str());
  props.author = const_cast<char*>("jbr");
  props.created = WorkbookTime(pub.run.at);
  lxw_error err = workbook_set_properties(wb, &props);
  const Formats f = MakeFormats(wb);
  const auto groups = ValuesByIndicator(pub);
  std::vector<std::string> ids;
  for (const auto& d : pub.definitions) ids.push_back(d.id);
  const std::vector<std::string> names = SheetNames(ids);
  std::string refused;  // a sheet name libxlsxwriter would not take (SheetNames makes none)
  if (lxw_worksheet* ws = workbook_add_worksheet(wb, kNotesSheet)) {
    Sheet s(ws, &err);
    WriteNotesSheet(s, pub, names, f);
  } else {
    refused = kNotesSheet;
  }
  for (size_t i = 0; i < groups.size() && refused.empty(); ++i) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, names[i].c_str());
    if (ws == nullptr) {
      refused = names[i];
      break;
    }
    Sheet s(ws, &err);
    WriteIndicatorSheet(s, *groups[i].first, groups[i].second, pub.run.year, f);
  }
  const lxw_error closed = workbook_close(wb);
  if (!refused.empty())
    return InternalError(fmt::format("workbook {}: sheet name '{}' refused", path, refused));
  if (err == LXW_NO_ERROR) err = closed;
  if (err != LXW_NO_ERROR)
    return IoError(fmt::format("cannot write workbook {}: {}", path, lxw_strerror(err)));
  return out->Record(relative);
}

}  // namespace jbr::publish
