// The worksheet parser of the XLSX reader: turns <sheetData> into RawRows, one at a time.

#include <algorithm>
#include <cstring>
#include <string>

#include "ingest/xlsx_internal.h"

namespace jbr::xlsx {
namespace {

enum class CellType { kNumber, kShared, kInline, kFormulaString, kBool, kError, kDate, kOther };

CellType ParseCellType(const char* t) {
  if (t == nullptr) {
    return CellType::kNumber;
  }
  const std::string_view type(t);
  if (type == "n") {
    return CellType::kNumber;
  }
  if (type == "s") {
    return CellType::kShared;
  }
  if (type == "inlineStr") {
    return CellType::kInline;
  }
  if (type == "str") {
    return CellType::kFormulaString;
  }
  if (type == "b") {
    return CellType::kBool;
  }
  if (type == "e") {
    return CellType::kError;
  }
  if (type == "d") {
    return CellType::kDate;
  }
  return CellType::kOther;
}

// Decimal digits only (at most 18, so no overflow), or -1.
int64_t ParseDigits(std::string_view text) {
  if (text.empty() || text.size() > 18) {
    return -1;
  }
  int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(const SharedStrings* strings, RowConsumer* consumer, const Reporter* reporter,
               const XlsxOptions* options, bool uncalculated)
      : strings_(strings),
        consumer_(consumer),
        reporter_(reporter),
        options_(options),
        uncalculated_(uncalculated) {}

  void Start(XmlPart* part, std::string_view name, const char** attributes) override {
    const int depth = part->depth();
    if (data_done_) {
      return;
    }
    if (data_depth_ == 0) {
      if (name == "sheetData") {
        data_depth_ = depth;
      }
    } else if (row_depth_ == 0) {
      if (name == "row") {
        StartRow(depth, attributes);
      }
    } else if (cell_depth_ == 0) {
      if (name == "c") {
        StartCell(part, attributes);
      }
    } else if (name == "v" && text_depth_ == 0) {
      text_depth_ = depth;
      preserve_ = true;
      has_value_ = true;
      text_start_ = text_.size();
    } else if (name == "f" && formula_depth_ == 0 && text_depth_ == 0) {
      formula_depth_ = depth;
      has_formula_ = true;
    } else if (name == "is" && is_depth_ == 0) {
      is_depth_ = depth;
    } else if (is_depth_ != 0 && name == "rPh" && rph_depth_ == 0) {
      rph_depth_ = depth;  // phonetic reading: not part of the value
    } else if (is_depth_ != 0 && name == "t" && text_depth_ == 0 && rph_depth_ == 0) {
      text_depth_ = depth;
      const char* space = Attribute(attributes, "xml:space");
      preserve_ = space != nullptr && std::strcmp(space, "preserve") == 0;
      text_start_ = text_.size();
    }
  }

  void End(XmlPart* part, std::string_view /*name*/) override {
    const int depth = part->depth();
    if (depth == formula_depth_) {
      formula_depth_ = 0;
    } else if (depth == text_depth_) {
      text_depth_ = 0;
      if (!preserve_) {
        TrimFrom(text_start_);
      }
      if (type_ == CellType::kInline || type_ == CellType::kFormulaString) {
        DecodeXstringEscapes(&text_, text_start_);
      }
    } else if (depth == rph_depth_) {
      rph_depth_ = 0;
    } else if (depth == is_depth_) {
      is_depth_ = 0;
    } else if (depth == cell_depth_) {
      EndCell();
    } else if (depth == row_depth_) {
      row_depth_ = 0;
      TrimRow();
      consumer_->OnRow(&row_, 1);
      if (consumer_->Full()) {
        part->Suspend();
      }
    } else if (depth == data_depth_) {
      // What follows (merges, print settings) is not data, but is still parsed: only reading
      // the entry to its end checks its CRC.
      data_done_ = true;
    }
  }

  void Text(XmlPart* part, std::string_view text) override {
    if (formula_depth_ != 0) {
      // Kept for the message only: the start is enough to recognise the formula.
      formula_.append(
          text.substr(0, kMaxFormulaShown - std::min(kMaxFormulaShown, formula_.size())));
      return;
    }
    if (text_depth_ == 0 || rph_depth_ != 0) {
      return;
    }
    text_.append(text);
    if (text_.size() > options_->max_cell_bytes) {
      Refuse(part,
             "cell " + Reference() + " holds more than " +
                 std::to_string(options_->max_cell_bytes) + " bytes (max_cell_bytes)",
             "a cell this long is not data; export the sheet as CSV");
    }
  }

 private:
  void Refuse(XmlPart* part, std::string message, std::string hint) {
    Problem problem = Refusal(std::move(message), std::move(hint));
    problem.row = row_number_;
    part->Fail(std::move(problem));
  }

  void StartRow(int depth, const char** attributes) {
    const char* r = Attribute(attributes, "r");
    const int64_t number = r == nullptr ? -1 : ParseDigits(r);
    // Rows without a (usable) number follow the previous one, as Excel reads them.
    row_number_ =
        number > 0 && number < kMaxRowNumber ? number : std::min(row_number_ + 1, kMaxRowNumber);
    row_.Clear();
    row_.row_number = row_number_;
    next_column_ = 0;
    row_depth_ = depth;
  }

  void StartCell(XmlPart* part, const char** attributes) {
    const char* r = Attribute(attributes, "r");
    const int64_t column = r == nullptr ? -1 : ColumnFromReference(r);
    column_ = column >= 0 ? static_cast<size_t>(column) : next_column_;
    if (column_ >= options_->max_columns) {
      Refuse(part,
             "row " + std::to_string(row_number_) + " has a cell in column " +
                 ColumnLetters(column_) + ", beyond " + std::to_string(options_->max_columns) +
                 " columns (max_columns)",
             "delete the unused columns to the right of the data");
      return;
    }
    // A gap before the cell counts too: filling it is work, and a hostile sheet could otherwise
    // make every short <c r="AMJ1"> cost a thousand cells.
    cells_ += (column_ > next_column_ ? column_ - next_column_ : 0) + 1;
    if (cells_ > options_->max_cells) {
      Refuse(
          part,
          "the sheet has more than " + std::to_string(options_->max_cells) + " cells (max_cells)",
          "split the delivery into smaller files");
      return;
    }
    type_ = ParseCellType(Attribute(attributes, "t"));
    text_.clear();
    formula_.clear();
    has_formula_ = has_value_ = false;
    cell_depth_ = part->depth();
  }

  void EndCell() {
    cell_depth_ = 0;
    text_depth_ = is_depth_ = rph_depth_ = formula_depth_ = 0;
    next_column_ = column_ + 1;
    // No value, an empty one where a number belongs (openpyxl writes <v></v>), or the 0 that
    // writers which do not calculate store for every formula, asking Excel to recalculate
    // (libxlsxwriter, XlsxWriter). A value such a writer was given is not 0, and is trusted.
    if (has_formula_ && type_ != CellType::kInline &&
        (!has_value_ ||
         (text_.empty() && type_ != CellType::kFormulaString && type_ != CellType::kShared) ||
         (uncalculated_ && type_ == CellType::kNumber && text_ == "0"))) {
      return NoCachedValue();
    }
    switch (type_) {
      case CellType::kShared:
        return Place(SharedString(), CellKind::kText);
      case CellType::kBool:
        return PlaceBool();
      case CellType::kNumber:
        return Place(text_, text_.empty() ? CellKind::kText : CellKind::kNumber);
      default:
        return Place(text_, CellKind::kText);
    }
  }

  std::string_view SharedString() {
    if (text_.empty()) {
      return {};
    }
    const int64_t index = ParseDigits(text_);
    if (index >= 0 && static_cast<uint64_t>(index) < strings_->size()) {
      return strings_->Get(static_cast<size_t>(index));
    }
    return Bad("the workbook has " + std::to_string(strings_->size()) + " shared strings");
  }

  std::string_view Bad(const std::string& why) {
    reporter_->Add(kMalformedRow, row_number_, consumer_->ColumnName(column_), text_,
                   "cell " + Reference() + " refers to shared string '" + text_ + "', but " + why,
                   "open the file in Excel and save it again");
    return {};
  }

  // A formula without <v>: written by a program that does not calculate. Reading it as empty would
  // hide a value the sender sees on screen.
  void NoCachedValue() {
    const std::string shown = formula_.empty() ? "" : " (=" + formula_ + ")";
    const std::string why =
        text_.empty() ? " but no calculated value: the program that saved the file did not "
                        "calculate it"
                      : " whose stored value 0 was never calculated: the program that wrote the "
                        "file stores 0 for every formula and leaves the calculation to Excel";
    reporter_->Add(kFormulaWithoutValue, row_number_, consumer_->ColumnName(column_),
                   formula_.empty() ? "" : "=" + formula_,
                   "cell " + Reference() + " holds a formula" + shown + why,
                   "open the file in Excel or LibreOffice, let it calculate, and save it again; or "
                   "replace the formula by its value");
    if (column_ >= row_.cells.size()) {
      row_.cells.resize(column_ + 1);
      row_.kinds.resize(column_ + 1, CellKind::kText);
    }
    row_.cells[column_].clear();
    row_.kinds[column_] = CellKind::kUnread;
  }

  void PlaceBool() {
    if (text_ == "1" || text_ == "true") {
      return Place("1", CellKind::kBool);
    }
    if (text_ == "0" || text_ == "false") {
      return Place("0", CellKind::kBool);
    }
    if (!text_.empty()) {
      reporter_->Add(kMalformedRow, row_number_, consumer_->ColumnName(column_), text_,
                     "cell " + Reference() + " is marked boolean but holds '" + text_ + "'",
                     "open the file in Excel and save it again");
    }
    Place(text_, CellKind::kText);
  }

  // Empty cells are not stored: a gap is filled when a later cell needs it, so a row ends at its
  // last non-empty cell.
  void Place(std::string_view value, CellKind kind) {
    if (value.empty()) {
      if (column_ < row_.cells.size()) {
        row_.cells[column_].clear();
        row_.kinds[column_] = CellKind::kText;
      }
      return;
    }
    if (column_ >= row_.cells.size()) {
      row_.cells.resize(column_ + 1);
      row_.kinds.resize(column_ + 1, CellKind::kText);
    }
    row_.cells[column_].assign(value);
    row_.kinds[column_] = kind;
  }

  // Only a duplicate cell can leave an empty cell last; rows end at their last non-empty cell
  // (an unread cell counts as one: it has a value, only not in the file).
  void TrimRow() {
    while (!row_.cells.empty() && row_.cells.back().empty() &&
           row_.kinds.back() != CellKind::kUnread) {
      row_.cells.pop_back();
      row_.kinds.pop_back();
    }
  }

  // Excel drops the blanks around text not marked xml:space="preserve"; so do we.
  void TrimFrom(size_t start) {
    while (text_.size() > start && kXmlBlanks.find(text_.back()) != std::string_view::npos) {
      text_.pop_back();
    }
    const size_t first = text_.find_first_not_of(kXmlBlanks, start);
    text_.erase(start, (first == std::string::npos ? text_.size() : first) - start);
  }

  std::string Reference() const { return ColumnLetters(column_) + std::to_string(row_number_); }

  const SharedStrings* strings_;
  RowConsumer* consumer_;
  const Reporter* reporter_;
  const XlsxOptions* options_;
  bool uncalculated_;

  // Depth of the open element of each kind, 0 when not inside one. Ends are matched by depth, so
  // stray or nested elements in a hostile sheet cannot confuse the state.
  int data_depth_ = 0;
  int row_depth_ = 0;
  int cell_depth_ = 0;
  int is_depth_ = 0;
  int rph_depth_ = 0;
  int text_depth_ = 0;
  int formula_depth_ = 0;
  bool data_done_ = false;

  RawRow row_;
  int64_t row_number_ = 0;
  size_t next_column_ = 0;
  size_t column_ = 0;
  uint64_t cells_ = 0;
  CellType type_ = CellType::kNumber;
  std::string text_;
  std::string formula_;
  bool has_formula_ = false;
  bool has_value_ = false;
  size_t text_start_ = 0;
  bool preserve_ = false;
};

}  // namespace

int64_t ColumnFromReference(std::string_view reference) {
  int64_t column = 0;
  size_t letters = 0;
  for (char c : reference) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
    if (c < 'A' || c > 'Z') {
      break;
    }
    if (++letters > 7) {
      return -1;
    }
    column = column * 26 + (c - 'A' + 1);
  }
  return letters == 0 ? -1 : column - 1;
}

std::string ColumnLetters(size_t index) {
  std::string letters;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

void Reporter::Add(const Problem& problem) const {
  Add(problem.code, problem.row, "", "", problem.message, problem.hint);
}

void Reporter::Add(std::string code, int64_t row, std::string column, std::string value,
                   std::string message, std::string hint) const {
  if (sink == nullptr) {
    return;
  }
  Finding finding;
  finding.code = std::move(code);
  finding.severity = Severity::kError;
  finding.file = file;
  finding.sheet = sheet;
  finding.row = row;
  finding.column = std::move(column);
  finding.value = std::move(value);
  finding.message = std::move(message);
  finding.hint = std::move(hint);
  sink->Add(std::move(finding));
}

std::unique_ptr<XmlHandler> MakeSheetHandler(const SharedStrings* strings, RowConsumer* consumer,
                                             const Reporter* reporter, const XlsxOptions* options,
                                             bool uncalculated) {
  return std::make_unique<SheetHandler>(strings, consumer, reporter, options, uncalculated);
}

}  // namespace jbr::xlsx
