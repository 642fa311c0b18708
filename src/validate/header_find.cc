#include "validate/header_find.h"

#include <fmt/format.h>

#include "common/parse.h"

#include "validate/header_map.h"

namespace jbr {
namespace {

// Good enough to be the header: it names at least half of the required fields, or at least half
// of all fields (a header that lacks the one required column of a dataset is still its header).
bool GoodEnough(const HeaderScore& score, size_t fields) {
  const size_t required = score.required + score.missing.size();
  if (score.fields == 0) return false;
  return 2 * score.required >= required || 2 * score.fields >= fields;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// Names joined with ", ", cut after about 80 bytes.
std::string Listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (out.size() > 80) return out + ", ...";
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

std::string Preview(const RawRow& row) {
  std::vector<std::string> cells;
  for (const std::string& cell : row.cells) {
    if (!Trim(cell).empty()) cells.emplace_back(Trim(cell));
  }
  return Listed(cells);
}

// One cause: which row came closest and what did not match (the required columns it lacks, the
// names in it that are no column of the dataset). When no row names any column, the file is most
// likely another file or another sheet: the first row shows which.
std::string NotFoundMessage(const DatasetSchema& schema, const RawRow& chosen,
                            const HeaderScore& score) {
  const size_t required = score.required + score.missing.size();
  if (score.fields == 0) {
    return fmt::format(
        "none of the first {} rows names a column of a {} delivery (row {} holds: {}); its "
        "required columns are {}",
        kHeaderSearchRows, schema.name, chosen.row_number,
        chosen.IsBlank() ? std::string("nothing") : Preview(chosen), Joined(score.missing));
  }
  std::string message = fmt::format(
      "no row among the first {} is the header of a {} delivery: the closest, row {}, names {} "
      "of the {} required columns; missing: {}",
      kHeaderSearchRows, schema.name, chosen.row_number, score.required, required,
      Joined(score.missing));
  if (!score.unknown.empty())
    message += "; not columns of " + schema.name + ": " + Listed(score.unknown);
  return message;
}

}  // namespace

Result<HeaderChoice> FindHeader(const DatasetSchema& schema, RowSource* source, const Finding& base,
                                FindingSink* sink) {
  HeaderChoice choice;
  std::deque<RawRow> rows;  // the candidates after the reader's header
  const RawRow& first = source->header();
  HeaderScore best_score = ScoreHeader(schema, first);
  int best = -1;  // index into rows; -1: the reader's header
  if (!GoodEnough(best_score, schema.fields.size()) || !best_score.missing.empty()) {
    // Look further only when the first row is not a complete header.
    for (int i = 0; i < kHeaderSearchRows - 1; ++i) {
      RawRow row;
      JBR_ASSIGN_OR_RETURN(bool more, source->Next(&row));
      if (!more) break;
      rows.push_back(std::move(row));
      if (rows.back().IsBlank()) continue;
      HeaderScore score = ScoreHeader(schema, rows.back());
      if (score.fields > best_score.fields) {
        best_score = std::move(score);
        best = static_cast<int>(rows.size()) - 1;
      }
    }
  }
  const RawRow& chosen = best < 0 ? first : rows[static_cast<size_t>(best)];
  if (!GoodEnough(best_score, schema.fields.size())) {
    Finding f = base;
    f.code = "header-not-found";
    f.severity = Severity::kError;
    f.row = chosen.row_number;
    f.value = Preview(chosen);
    f.message = NotFoundMessage(schema, chosen, best_score);
    f.hint = base.sheet.empty()
                 ? fmt::format(
                       "check that the file is a {} delivery, and put the column names in "
                       "one row above the data; jbr datasets {} lists them",
                       schema.name, schema.name)
                 : fmt::format(
                       "jbr read the sheet '{}': choose the sheet with the data with "
                       "--sheet, and put the column names in one row above the data; jbr "
                       "datasets {} lists them",
                       base.sheet, schema.name);
    sink->Add(std::move(f));
    choice.found = false;
    choice.header = chosen;
    return choice;
  }
  if (best >= 0) {
    Finding f = base;
    f.code = "header-row";
    f.severity = Severity::kWarning;
    f.row = chosen.row_number;
    const int64_t above = chosen.row_number - first.row_number;
    f.message = fmt::format(
        "the header is row {}, found by its column names; {} above it {} read as a title and "
        "skipped",
        chosen.row_number,
        above == 1 ? fmt::format("row {}", first.row_number)
                   : fmt::format("rows {} to {}", first.row_number, chosen.row_number - 1),
        above == 1 ? "is" : "are");
    f.hint = "if that is the wrong row, remove the rows above the column names";
    sink->Add(std::move(f));
    choice.header = std::move(rows[static_cast<size_t>(best)]);
    for (std::string& cell : choice.header.cells) cell = std::string(Trim(cell));
    rows.erase(rows.begin(), rows.begin() + best + 1);
    source->UseHeader(choice.header);  // the reader's own findings name columns by it
  } else {
    choice.header = first;
  }
  choice.ahead = std::move(rows);
  return choice;
}

}  // namespace jbr
