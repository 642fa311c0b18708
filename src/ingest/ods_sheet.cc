// The content.xml parser of the ODS reader: finds the sheet and turns its rows into RawRows, one
// (or one run of repeated copies) at a time. See ods_reader.h for what each cell type gives.

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "common/text.h"
#include "ingest/xlsx_internal.h"

namespace jbr::xlsx {
namespace {

constexpr std::string_view kOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0\n";
constexpr std::string_view kTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0\n";
constexpr std::string_view kText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0\n";
constexpr std::string_view kCalcExt =
    "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\n";
constexpr size_t kMaxSheetNameBytes = 256;

// The value of the attribute `local` in namespace `ns` (names arrive as "URI\nlocal"), or null.
const char* NsAttribute(const char** attributes, std::string_view ns, std::string_view local) {
  for (const char** a = attributes; a[0] != nullptr; a += 2) {
    const std::string_view name(a[0]);
    if (name.size() == ns.size() + local.size() && name.starts_with(ns) && name.ends_with(local)) {
      return a[1];
    }
  }
  return nullptr;
}

bool InNamespace(const char* full_name, std::string_view ns) {
  return std::string_view(full_name).starts_with(ns);
}

// A repeat count: decimal digits, at least 1; absurd counts are capped (the limits then decide).
int64_t RepeatCount(const char* text) {
  if (text == nullptr || *text == '\0') {
    return 1;
  }
  int64_t value = 0;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p < '0' || *p > '9') {
      return 1;
    }
    value = std::min(kMaxRowNumber, value * 10 + (*p - '0'));
  }
  return std::max<int64_t>(value, 1);
}

class OdsHandler : public XmlHandler {
 public:
  OdsHandler(RowConsumer* consumer, Reporter* reporter, const XlsxOptions* options)
      : consumer_(consumer), reporter_(reporter), options_(options) {}

  void Start(XmlPart* part, std::string_view name, const char** attributes) override;
  void End(XmlPart* part, std::string_view name) override;

  void Text(XmlPart* part, std::string_view text) override {
    if (p_depth_ == 0 || note_depth_ != 0) {
      return;
    }
    AppendText(part, text);
  }

 private:
  void StartTable(XmlPart* part, const char** attributes);
  void StartRow(const char** attributes);
  void StartCell(std::string_view name, const char** attributes);
  void StartInCell(XmlPart* part, std::string_view name, const char** attributes);
  void EndCell(XmlPart* part);
  void EndRow(XmlPart* part);
  void EndSpreadsheet(XmlPart* part);
  void Place(XmlPart* part, std::string_view value, CellKind kind);
  void NoCachedValue();
  void MarkCovered();
  void AppendText(XmlPart* part, std::string_view text);
  void Refuse(XmlPart* part, std::string message, std::string hint);
  std::string Reference() const { return ColumnLetters(column_) + std::to_string(row_number_); }

  RowConsumer* consumer_;
  Reporter* reporter_;
  const XlsxOptions* options_;

  // Depth of the open element of each kind, 0 when not inside one (ends are matched by depth).
  int spreadsheet_depth_ = 0;
  int table_depth_ = 0;  // the chosen sheet
  int skip_depth_ = 0;   // another sheet, skipped
  int row_depth_ = 0;
  int cell_depth_ = 0;
  int p_depth_ = 0;     // a paragraph of the cell's text
  int note_depth_ = 0;  // an annotation (comment): not the cell's value
  bool found_ = false;
  bool done_ = false;
  std::vector<std::string> sheets_;

  RawRow row_;
  int64_t row_number_ = 0;  // of the current row
  int64_t next_row_ = 1;
  int64_t row_repeat_ = 1;
  uint64_t next_column_ = 0;
  uint64_t column_ = 0;
  uint64_t cells_ = 0;

  // The open cell.
  int64_t column_repeat_ = 1;
  bool covered_ = false;
  bool paragraphs_ = false;  // a text:p was seen: the next one starts a new line
  std::string value_type_;
  std::string value_;  // office:value, office:date-value or office:boolean-value
  bool has_value_ = false;
  std::string string_value_;
  bool has_string_value_ = false;
  bool error_ = false;  // calcext:value-type="error"
  std::string formula_;
  bool has_formula_ = false;
  std::string text_;
};

void OdsHandler::Start(XmlPart* part, std::string_view name, const char** attributes) {
  if (done_) {
    return;
  }
  const int depth = part->depth();
  const char* full_name = part->element_name();
  const bool table_ns = InNamespace(full_name, kTable);
  if (spreadsheet_depth_ == 0) {
    if (name == "spreadsheet" && InNamespace(full_name, kOffice)) {
      spreadsheet_depth_ = depth;
    }
  } else if (skip_depth_ != 0) {
    return;
  } else if (table_depth_ == 0) {
    if (name == "table" && table_ns) {
      StartTable(part, attributes);
    }
  } else if (row_depth_ == 0) {
    if (name == "table-row" && table_ns) {
      row_depth_ = depth;
      StartRow(attributes);
    }
  } else if (cell_depth_ == 0) {
    if ((name == "table-cell" || name == "covered-table-cell") && table_ns) {
      cell_depth_ = depth;
      StartCell(name, attributes);
    }
  } else {
    StartInCell(part, name, attributes);
  }
}

void OdsHandler::StartTable(XmlPart* part, const char** attributes) {
  const char* name = NsAttribute(attributes, kTable, "name");
  std::string sheet = name == nullptr ? "" : name;
  if (sheet.size() > kMaxSheetNameBytes) {
    sheet.resize(kMaxSheetNameBytes);
  }
  if (sheets_.size() >= kMaxSheets) {
    part->Fail(Refusal("the workbook has more than " + std::to_string(kMaxSheets) + " sheets",
                       "deliver the sheet on its own"));
    return;
  }
  sheets_.push_back(sheet);
  const std::string& wanted = options_->sheet;
  if (found_ || (!wanted.empty() && AsciiLower(wanted) != AsciiLower(sheet))) {
    skip_depth_ = part->depth();
    return;
  }
  found_ = true;
  reporter_->sheet = sheet;
  table_depth_ = part->depth();
}

void OdsHandler::StartRow(const char** attributes) {
  row_repeat_ = RepeatCount(NsAttribute(attributes, kTable, "number-rows-repeated"));
  row_number_ = next_row_;
  row_.Clear();
  row_.row_number = row_number_;
  next_column_ = 0;
}

void OdsHandler::StartCell(std::string_view name, const char** attributes) {
  column_ = next_column_;
  column_repeat_ = RepeatCount(NsAttribute(attributes, kTable, "number-columns-repeated"));
  covered_ = name == "covered-table-cell";
  paragraphs_ = false;
  text_.clear();
  const char* type = NsAttribute(attributes, kOffice, "value-type");
  value_type_ = type == nullptr ? "" : type;
  const char* value = nullptr;
  if (value_type_ == "date") {
    value = NsAttribute(attributes, kOffice, "date-value");
  } else if (value_type_ == "boolean") {
    value = NsAttribute(attributes, kOffice, "boolean-value");
  } else if (value_type_ == "float" || value_type_ == "percentage" || value_type_ == "currency") {
    value = NsAttribute(attributes, kOffice, "value");
  }
  has_value_ = value != nullptr;
  value_ = has_value_ ? value : "";
  const char* string_value = NsAttribute(attributes, kOffice, "string-value");
  has_string_value_ = string_value != nullptr;
  string_value_ = has_string_value_ ? string_value : "";
  const char* calc_type = NsAttribute(attributes, kCalcExt, "value-type");
  error_ = calc_type != nullptr && std::strcmp(calc_type, "error") == 0;
  const char* formula = NsAttribute(attributes, kTable, "formula");
  has_formula_ = formula != nullptr;
  formula_ = has_formula_ ? std::string(formula).substr(0, kMaxFormulaShown) : "";
}

void OdsHandler::StartInCell(XmlPart* part, std::string_view name, const char** attributes) {
  if (note_depth_ != 0) {
    return;
  }
  const int depth = part->depth();
  if (name == "annotation" && InNamespace(part->element_name(), kOffice)) {
    note_depth_ = depth;
    return;
  }
  if (!InNamespace(part->element_name(), kText)) {
    return;
  }
  if (name == "p" && p_depth_ == 0) {
    if (paragraphs_) {
      AppendText(part, "\n");
    }
    paragraphs_ = true;
    p_depth_ = depth;
  } else if (p_depth_ != 0 && name == "s") {
    const int64_t count = RepeatCount(NsAttribute(attributes, kText, "c"));
    const auto room = static_cast<int64_t>(options_->max_cell_bytes) + 1;
    AppendText(part, std::string(static_cast<size_t>(std::min(count, room)), ' '));
  } else if (p_depth_ != 0 && name == "tab") {
    AppendText(part, "\t");
  } else if (p_depth_ != 0 && name == "line-break") {
    AppendText(part, "\n");
  }
}

void OdsHandler::AppendText(XmlPart* part, std::string_view text) {
  text_.append(text.substr(0, options_->max_cell_bytes + 1));
  if (text_.size() > options_->max_cell_bytes) {
    Refuse(part,
           "cell " + Reference() + " holds more than " + std::to_string(options_->max_cell_bytes) +
               " bytes (max_cell_bytes)",
           "a cell this long is not data; export the sheet as CSV");
  }
}

void OdsHandler::End(XmlPart* part, std::string_view /*name*/) {
  if (done_) {
    return;
  }
  const int depth = part->depth();
  if (depth == note_depth_) {
    note_depth_ = 0;
  } else if (depth == p_depth_) {
    p_depth_ = 0;
  } else if (depth == cell_depth_) {
    cell_depth_ = p_depth_ = note_depth_ = 0;
    EndCell(part);
  } else if (depth == row_depth_) {
    row_depth_ = 0;
    EndRow(part);
  } else if (depth == table_depth_) {
    table_depth_ = 0;
    done_ = true;  // the rest is parsed only to check the entry's CRC
  } else if (depth == skip_depth_) {
    skip_depth_ = 0;
  } else if (depth == spreadsheet_depth_) {
    EndSpreadsheet(part);
  }
}

void OdsHandler::EndCell(XmlPart* part) {
  next_column_ = std::min<uint64_t>(column_ + static_cast<uint64_t>(column_repeat_),
                                    static_cast<uint64_t>(kMaxRowNumber));
  if (covered_) {
    return MarkCovered();  // hidden under a merged cell: the value is in the merge's first cell
  }
  if (error_) {
    return Place(part, text_, CellKind::kText);  // #DIV/0! and the like, as shown
  }
  if (value_type_ == "float" || value_type_ == "percentage" || value_type_ == "currency") {
    if (has_value_) {
      return Place(part, value_, CellKind::kNumber);
    }
  } else if (value_type_ == "date") {
    if (has_value_) {
      return Place(part, std::string_view(value_).substr(0, value_.find('T')), CellKind::kText);
    }
  } else if (value_type_ == "boolean") {
    if (has_value_) {
      return Place(part, value_ == "true" || value_ == "1" ? "1" : "0", CellKind::kBool);
    }
  } else if (value_type_ == "string") {
    return Place(part, has_string_value_ ? string_value_ : text_, CellKind::kText);
  } else if (!value_type_.empty() || !has_formula_) {
    return Place(part, text_, CellKind::kText);  // time, or text without a declared type
  }
  if (has_formula_) {
    return NoCachedValue();
  }
  Place(part, text_, CellKind::kText);
}

// A formula without a calculated value: written by a program that does not calculate.
void OdsHandler::NoCachedValue() {
  std::string formula = formula_;
  if (formula.starts_with("of:")) {
    formula.erase(0, 3);
  }
  if (!formula.starts_with("=")) {
    formula.insert(0, "=");
  }
  reporter_->Add(kFormulaWithoutValue, row_number_, consumer_->ColumnName(column_), formula,
                 "cell " + Reference() + " holds a formula (" + formula +
                     ") but no calculated value: the program that saved the file did not "
                     "calculate it",
                 "open the file in Excel or LibreOffice, let it calculate, and save it again; or "
                 "replace the formula by its value");
  if (column_ >= options_->max_columns) {
    return;
  }
  if (column_ >= row_.cells.size()) {
    row_.cells.resize(column_ + 1);
    row_.kinds.resize(column_ + 1, CellKind::kText);
  }
  row_.kinds[column_] = CellKind::kUnread;
}

// Covered cells stay empty but say so, within max_columns (a title merged over the whole width
// covers thousands), so that an empty required value there can be explained.
void OdsHandler::MarkCovered() {
  const uint64_t last =
      std::min<uint64_t>(column_ + static_cast<uint64_t>(column_repeat_), options_->max_columns);
  if (column_ >= last) {
    return;
  }
  row_.cells.resize(std::max<size_t>(row_.cells.size(), last));
  row_.kinds.resize(row_.cells.size(), CellKind::kText);
  for (uint64_t c = column_; c < last; ++c) {
    row_.kinds[c] = CellKind::kCovered;
  }
}

// Places the cell `column_repeat_` times. Empty cells cost nothing: rows grow only up to their
// last non-empty cell, so the empty runs that fill a row out to column XFD are never allocated.
void OdsHandler::Place(XmlPart* part, std::string_view value, CellKind kind) {
  if (value.empty()) {
    return;
  }
  const uint64_t last = column_ + static_cast<uint64_t>(column_repeat_);  // one past
  if (last > options_->max_columns) {
    return Refuse(part,
                  "row " + std::to_string(row_number_) + " has a value in column " +
                      ColumnLetters(static_cast<size_t>(std::min<uint64_t>(last - 1, 1u << 30))) +
                      ", beyond " + std::to_string(options_->max_columns) +
                      " columns (max_columns)",
                  "delete the unused columns to the right of the data");
  }
  // The gap before the cell counts too: filling it is work.
  cells_ += last - std::min<uint64_t>(last, row_.cells.size());
  if (cells_ > options_->max_cells) {
    return Refuse(
        part,
        "the sheet has more than " + std::to_string(options_->max_cells) + " cells (max_cells)",
        "split the delivery into smaller files");
  }
  row_.cells.resize(std::max<size_t>(row_.cells.size(), last));
  row_.kinds.resize(row_.cells.size(), CellKind::kText);
  for (uint64_t c = column_; c < last; ++c) {
    row_.cells[c].assign(value);
    row_.kinds[c] = kind;
  }
}

void OdsHandler::EndRow(XmlPart* part) {
  next_row_ = std::min(kMaxRowNumber, row_number_ + row_repeat_);
  // The copies of a repeated row are cells too, though never allocated.
  const auto copies = static_cast<uint64_t>(row_repeat_ - 1);
  if (!row_.cells.empty() && copies > 0) {
    const uint64_t width = row_.cells.size();
    if (copies > options_->max_cells / width || cells_ + copies * width > options_->max_cells) {
      return Refuse(part,
                    "row " + std::to_string(row_number_) + " is repeated " +
                        std::to_string(row_repeat_) + " times: the sheet has more than " +
                        std::to_string(options_->max_cells) + " cells (max_cells)",
                    "split the delivery into smaller files");
    }
    cells_ += copies * width;
  }
  consumer_->OnRow(&row_, row_repeat_);
  if (consumer_->Full()) {
    part->Suspend();
  }
}

void OdsHandler::EndSpreadsheet(XmlPart* part) {
  spreadsheet_depth_ = 0;
  if (found_) {
    return;
  }
  std::string list;
  for (const std::string& sheet : sheets_) {
    list += (list.empty() ? "'" : ", '") + sheet + "'";
  }
  Problem problem;
  problem.code = sheets_.empty() ? "empty-file" : "sheet-not-found";
  problem.message = sheets_.empty() ? "the spreadsheet has no sheets"
                                    : "the workbook has no sheet '" + options_->sheet +
                                          "'; its sheets are " + list;
  problem.hint = sheets_.empty() ? "save the sheet with the data in the file"
                                 : "pass --sheet with one of these";
  part->Fail(std::move(problem));
}

void OdsHandler::Refuse(XmlPart* part, std::string message, std::string hint) {
  Problem problem = Refusal(std::move(message), std::move(hint));
  problem.row = row_number_;
  part->Fail(std::move(problem));
}

}  // namespace

std::unique_ptr<XmlHandler> MakeOdsHandler(RowConsumer* consumer, Reporter* reporter,
                                           const XlsxOptions* options) {
  return std::make_unique<OdsHandler>(consumer, reporter, options);
}

}  // namespace jbr::xlsx
