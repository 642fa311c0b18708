#include "validate/validator.h"

#include <filesystem>

#include <fmt/format.h>

#include "validate/cell.h"
#include "validate/header_find.h"
#include "validate/header_map.h"
#include "validate/rules.h"

namespace jbr {
namespace {

// Checks that need state across rows: uniqueness, primary key, references, row count.
class RowState {
 public:
  RowState(const DatasetSchema& schema, const HeaderMap& map, Finding base)
      : schema_(schema), map_(map), base_(std::move(base)), unique_(schema.fields.size()) {
    for (const auto& k : schema.primary_key) pk_fields_.push_back(schema.FieldIndex(k));
  }

  // Room for about `rows` rows in every uniqueness map (see KeyMap::Reserve).
  void Reserve(size_t rows) {
    for (size_t f = 0; f < schema_.fields.size(); ++f) {
      if (schema_.fields[f].unique) unique_[f].Reserve(rows);
    }
    if (!pk_fields_.empty()) pk_.Reserve(rows);
  }

  // Called as soon as field f's cell is converted: its uniqueness slot is then fetched from memory
  // while the rest of the row is converted, and Check finds it in the cache.
  void Prefetch(size_t f, const Value& v) const {
    if (schema_.fields[f].unique && !v.null && !v.s.empty()) unique_[f].Prefetch(HashKey(v.s));
  }

  void AddReference(int field, const ForeignKeySchema* fk, std::shared_ptr<const KeyMap> keys) {
    refs_.push_back({field, fk, std::move(keys)});
  }

  void Report(FindingSink* sink, const char* code, Severity severity, int64_t row, int field,
              std::string value, std::string message, std::string hint) const {
    Finding f = base_;
    f.code = code;
    f.severity = severity;
    f.row = row;
    if (field >= 0) f.column = map_.names[field];
    f.value = std::move(value);
    f.message = std::move(message);
    f.hint = std::move(hint);
    sink->Add(std::move(f));
  }

  void Check(const TypedRow& row, FindingSink* sink) {
    ++rows_;
    if (schema_.max_rows && rows_ == *schema_.max_rows + 1) {
      Report(sink, "constraint-error", Severity::kError, row.row_number, -1, "",
             fmt::format("{} takes at most {} row(s) a delivery", schema_.name, *schema_.max_rows),
             "combine the rows into one");
    }
    for (size_t f = 0; f < schema_.fields.size(); ++f) {
      const Value& v = row.values[f];
      if (!schema_.fields[f].unique || v.null) continue;
      int64_t first = unique_[f].InsertOrGet(
          HashKey(v.s.empty() ? std::string_view(KeyText(f, v)) : v.s), row.row_number);
      if (first != 0) {
        std::string text(v.s.empty() ? KeyText(f, v) : std::string(v.s));
        Report(sink, "unique-error", Severity::kError, row.row_number, static_cast<int>(f), text,
               fmt::format("{} '{}' occurs again (first in row {})", schema_.fields[f].name, text,
                           first),
               fmt::format("every row needs its own {}", schema_.fields[f].name));
      }
    }
    if (!pk_fields_.empty()) CheckPrimaryKey(row, sink);
    for (const auto& ref : refs_) {
      const Value& v = row.values[ref.field];
      if (v.null || ref.keys->Contains(HashKey(v.s))) continue;
      Report(sink, "foreign-key-error", ref.fk->severity, row.row_number, ref.field,
             std::string(v.s), fmt::format("{}: '{}'", ref.fk->message, v.s), ref.fk->hint);
    }
  }

 private:
  std::string KeyText(size_t f, const Value& v) const {
    return schema_.fields[f].type == FieldType::kNumber ? fmt::format("{}", v.d)
                                                        : std::to_string(v.i);
  }

  void CheckPrimaryKey(const TypedRow& row, FindingSink* sink) {
    uint64_t h = 0;
    std::string text;
    for (int f : pk_fields_) {
      const Value& v = row.values[f];
      std::string part = v.null ? ""
                                : (schema_.fields[f].type == FieldType::kString ? std::string(v.s)
                                                                                : KeyText(f, v));
      h = HashCombine(h, HashKey(part));
      text += (text.empty() ? "" : ", ") + part;
    }
    int64_t first = pk_.InsertOrGet(h, row.row_number);
    if (first != 0) {
      Report(sink, "unique-error", Severity::kError, row.row_number, pk_fields_.front(), text,
             fmt::format("the combination ({}) occurs again (first in row {})", text, first),
             fmt::format("each combination of {} may occur once; add the amounts together",
                         fmt::format("{}", fmt::join(schema_.primary_key, ", "))));
    }
  }

  struct Ref {
    int field;
    const ForeignKeySchema* fk;
    std::shared_ptr<const KeyMap> keys;
  };
  const DatasetSchema& schema_;
  const HeaderMap& map_;
  Finding base_;
  std::vector<KeyMap> unique_;
  KeyMap pk_;
  std::vector<int> pk_fields_;
  std::vector<Ref> refs_;
  int64_t rows_ = 0;
};

Status SetUpReferences(const DatasetSchema& schema, const DeliveryContext& context,
                       ReferenceProvider* refs, RowState* state, FindingSink* sink) {
  for (const auto& fk : schema.foreign_keys) {
    JBR_ASSIGN_OR_RETURN(auto keys, refs->Keys(fk.dataset, fk.target_field));
    if (keys) {
      state->AddReference(schema.FieldIndex(fk.field), &fk, std::move(keys));
      continue;
    }
    state->Report(
        sink, "reference-unchecked", Severity::kWarning, 0, schema.FieldIndex(fk.field), "",
        fmt::format("{} has no current {} delivery for {}, so {} was not checked against it",
                    context.ministry, fk.dataset, *context.year, fk.field),
        fmt::format("load the {} delivery first to have {} checked", fk.dataset, fk.field));
  }
  return Status::Ok();
}

// The first C0 control character other than tab, line feed and carriage return, or npos. Such
// characters are invisible in spreadsheets and break every program the data goes on to.
size_t FindControl(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return i;
  }
  return std::string_view::npos;
}

// The text with every control character written as \xHH, cut to a readable length.
std::string EscapeControls(std::string_view text) {
  std::string out;
  for (char ch : text.substr(0, 80)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += fmt::format("\\x{:02X}", c);
    } else {
      out += ch;
    }
  }
  return text.size() > 80 ? out + "..." : out;
}

const char* ControlName(unsigned char c) {
  static constexpr const char* kNames[32] = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL",
                                             "BS",  "HT",  "LF",  "VT",  "FF",  "CR",  "SO",  "SI",
                                             "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB",
                                             "CAN", "EM",  "SUB", "ESC", "FS",  "GS",  "RS",  "US"};
  return kNames[c & 0x1F];
}

Finding ControlFinding(const Finding& base, int64_t row, std::string column, std::string_view cell,
                       size_t at) {
  const auto c = static_cast<unsigned char>(cell[at]);
  Finding f = base;
  f.code = "control-character";
  f.severity = Severity::kError;
  f.row = row;
  f.column = std::move(column);
  f.value = EscapeControls(cell);
  f.message = fmt::format(
      "the cell holds the invisible control character U+{:04X} ({}) at character {}: '{}'", c,
      ControlName(c), at + 1, f.value);
  f.hint =
      "delete the character, which usually comes from a copy out of another system, and type "
      "the value again";
  return f;
}

}  // namespace

Result<ValidationSummary> ValidateFile(const DatasetSchema& schema, const std::string& path,
                                       const std::string& display_name,
                                       const DeliveryContext& context,
                                       const ValidateOptions& options, ReferenceProvider* refs,
                                       FindingSink* sink, RowConsumer* consumer,
                                       const ProgressFn& progress) {
  JBR_ASSIGN_OR_RETURN(auto source, OpenTable(path, display_name, options.table, sink));
  ValidationSummary summary;
  summary.source = source->info();
  summary.decimal = options.decimal.value_or(
      summary.source.format == "csv" && summary.source.delimiter == ';' ? DecimalMark::kComma
                                                                        : DecimalMark::kPoint);
  Finding base;
  base.file = display_name;
  base.sheet = summary.source.sheet;
  JBR_ASSIGN_OR_RETURN(HeaderChoice choice, FindHeader(schema, source.get(), base, sink));
  if (!choice.found) {  // one finding said why; reading on would only repeat it per row
    summary.bytes = source->bytes_read();
    return summary;
  }
  const RawRow& header = choice.header;
  HeaderMap map = MapHeader(schema, header, base, sink);
  RowState state(schema, map, base);
  RowRules rules(schema, context, map.names, base);
  const bool checks = options.checks;
  if (checks && refs != nullptr && !context.ministry.empty() && context.year) {
    JBR_RETURN_IF_ERROR(SetUpReferences(schema, context, refs, &state, sink));
  }
  const bool is_csv = summary.source.format == "csv";
  constexpr int64_t kSampleRows = 8192;
  std::error_code size_error;
  const auto file_size = static_cast<int64_t>(std::filesystem::file_size(path, size_error));
  const size_t width = header.cells.size();
  const size_t nfields = schema.fields.size();
  std::vector<std::string> scratch(nfields);
  std::vector<bool> cell_bad(nfields);
  TypedRow typed;
  typed.values.resize(nfields);
  RawRow raw;
  while (true) {
    if (!choice.ahead.empty()) {  // the rows read while looking for the header come first
      raw = std::move(choice.ahead.front());
      choice.ahead.pop_front();
    } else {
      JBR_ASSIGN_OR_RETURN(bool more, source->Next(&raw));
      if (!more) break;
    }
    if (progress && (summary.rows & 0xFFFF) == 0) progress(source->bytes_read());
    if (raw.IsBlank()) {
      if (checks) {
        state.Report(sink, "blank-row", Severity::kWarning, raw.row_number, -1, "",
                     raw.blank_run > 1
                         ? fmt::format("rows {} to {} are empty; they are skipped", raw.row_number,
                                       raw.row_number + raw.blank_run - 1)
                         : "an empty row; it is skipped",
                     raw.blank_run > 1 ? "remove the empty rows" : "remove empty rows");
      }
      continue;
    }
    ++summary.rows;
    typed.row_number = raw.row_number;
    // After a sample of rows, size the uniqueness maps for the whole file (by its size).
    if (checks && summary.rows == kSampleRows && file_size > 0 && source->bytes_read() > 0) {
      double per_row = static_cast<double>(source->bytes_read()) / static_cast<double>(kSampleRows);
      state.Reserve(static_cast<size_t>(1.05 * static_cast<double>(file_size) / per_row));
    }
    if (checks && is_csv && raw.cells.size() != width) {
      bool extra = raw.cells.size() > width;
      state.Report(
          sink, extra ? "extra-cell" : "missing-cell", Severity::kError, raw.row_number, -1, "",
          fmt::format("the row has {} cells, the header has {}; the row is not checked further",
                      raw.cells.size(), width),
          extra ? "a value contains the delimiter: quote it (decimal commas in a comma-separated "
                  "file do this)"
                : "a value is missing or two cells are joined: give every row as many cells as the "
                  "header");
      continue;
    }
    for (size_t c = 0; c < raw.cells.size() && c < width; ++c) {
      int f = map.field_of_column[c];
      const std::string& cell = raw.cells[c];
      if (const size_t at = checks ? FindControl(cell) : std::string_view::npos;
          at != std::string_view::npos) {
        sink->Add(ControlFinding(base, raw.row_number, f >= 0 ? map.names[f] : header.cells[c],
                                 cell, at));
        if (f >= 0) {
          typed.values[f] = Value{};
          cell_bad[f] = true;
        }
        continue;
      }
      if (checks && LooksLikeBsn(cell)) {
        Finding finding = base;
        finding.code = "personal-identifier";
        finding.row = raw.row_number;
        finding.column = header.cells[c];
        finding.value = MaskValue(Trim(cell));
        finding.message = fmt::format(
            "{} looks like a citizen service number (BSN); personal identifiers may not be "
            "delivered",
            finding.value);
        finding.hint = "replace it with the pseudonymised id";
        sink->Add(std::move(finding));
        if (f >= 0) {
          typed.values[f] = Value{};
          cell_bad[f] = true;
        }
        continue;
      }
      if (f < 0) continue;
      if (raw.kinds[c] == CellKind::kUnread) {  // the reader said why it has no value
        typed.values[f] = Value{};
        cell_bad[f] = true;
        continue;
      }
      cell_bad[f] = false;
      auto issue = ConvertCell(schema.fields[f], cell, raw.kinds[c], summary.decimal, &scratch[f],
                               &typed.values[f], summary.source.date1904);
      if (issue && checks) {
        state.Report(sink, issue->code, Severity::kError, raw.row_number, f,
                     std::string(Trim(cell)), std::move(issue->message), std::move(issue->hint));
        cell_bad[f] = true;
      } else if (checks) {
        state.Prefetch(f, typed.values[f]);
      }
    }
    for (size_t f = 0; f < nfields; ++f) {
      int c = map.column_of_field[f];
      if (c < 0 || static_cast<size_t>(c) >= raw.cells.size()) {
        cell_bad[f] = false;
        ConvertCell(schema.fields[f], "", CellKind::kText, summary.decimal, &scratch[f],
                    &typed.values[f]);
        if (c < 0) continue;  // a missing column is reported once, in the header
      }
      if (checks && schema.fields[f].required && typed.values[f].null && !cell_bad[f]) {
        const bool covered = c >= 0 && static_cast<size_t>(c) < raw.kinds.size() &&
                             raw.kinds[static_cast<size_t>(c)] == CellKind::kCovered;
        state.Report(sink, "constraint-error", Severity::kError, raw.row_number,
                     static_cast<int>(f), "",
                     covered ? fmt::format("{} is required but empty: the cell is part of a merged "
                                           "cell, whose value is in its first cell only",
                                           schema.fields[f].name)
                             : fmt::format("{} is required but empty", schema.fields[f].name),
                     covered ? fmt::format("unmerge the cells and fill in {} in every row",
                                           schema.fields[f].name)
                             : fmt::format("fill in {}", schema.fields[f].name));
      }
    }
    if (checks) {
      state.Check(typed, sink);
      rules.Check(typed, cell_bad, sink);
    }
    if (consumer != nullptr) JBR_RETURN_IF_ERROR(consumer->OnRow(typed));
  }
  if (checks) rules.Finish(sink);
  summary.bytes = source->bytes_read();
  if (progress) progress(summary.bytes);
  return summary;
}

}  // namespace jbr
