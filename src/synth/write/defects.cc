// Spoiling a clean table one mistake at a time. Every kind changes one thing (a cell, a header, the
// sheet order, the encoding, the end of the file) in a way chosen so that the change gives exactly
// the findings listed and no others: cells whose change would trip a second rule are not chosen
// (see the column choosers and the row conditions).
#include "synth/write/defects.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/file.h"
#include "synth/core/rng.h"
#include "synth/write/writer.h"

namespace jbr::synth {
namespace {

namespace fs = std::filesystem;

bool InPrimaryKey(const DatasetSchema& s, const std::string& name) {
  return std::find(s.primary_key.begin(), s.primary_key.end(), name) != s.primary_key.end();
}

// A column whose absence goes unnoticed by the rules: an empty end in an overlap rule means "open"
// and a required-if field would be reported empty on every row it applies to.
bool InRowRule(const DatasetSchema& s, const std::string& name) {
  for (const auto& r : s.rules) {
    if (r.kind == "no-overlap" && (r.group == name || r.start == name || r.end == name))
      return true;
    if (r.kind == "required-if" && r.field == name) return true;
  }
  return false;
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The column choosers: nullptr when the dataset has no such column.
const FieldSchema* NumberField(const DatasetSchema& s) {
  for (const auto& f : s.fields) {
    if (f.type == FieldType::kNumber) return &f;
  }
  return nullptr;
}

const FieldSchema* RemovableField(const DatasetSchema& s) {
  for (const auto& f : s.fields) {
    if (f.required && !InPrimaryKey(s, f.name) && !InRowRule(s, f.name)) return &f;
  }
  return nullptr;
}

const FieldSchema* IdField(const DatasetSchema& s) {
  for (const auto& f : s.fields) {
    if (f.type == FieldType::kString && EndsWith(f.name, "_id") && f.enum_values.empty()) return &f;
  }
  return nullptr;
}

const FieldSchema* UniqueField(const DatasetSchema& s) {
  for (const auto& f : s.fields) {
    if (f.unique && !InPrimaryKey(s, f.name)) return &f;
  }
  return nullptr;
}

const FieldSchema* EnumField(const DatasetSchema& s) {
  for (const auto& f : s.fields) {
    if (!f.enum_values.empty() && f.separators.empty() && !InPrimaryKey(s, f.name)) return &f;
  }
  return nullptr;
}

// Free text where a name with diacritics belongs (an organisation unit, a title).
const FieldSchema* TextField(const DatasetSchema& s) {
  for (const auto& f : s.fields) {
    bool fk = false;
    for (const auto& k : s.foreign_keys) fk = fk || k.field == f.name;
    if (f.type == FieldType::kString && f.enum_values.empty() && !f.unique &&
        f.pattern_text.empty() && !fk && !InPrimaryKey(s, f.name) && !EndsWith(f.name, "_id") &&
        (!f.max_length || *f.max_length >= 64)) {
      return &f;
    }
  }
  return nullptr;
}

// A not-before rule between two dates: {end field, start field}.
const RuleSchema* DateOrderRule(const DatasetSchema& s) {
  for (const auto& r : s.rules) {
    if (r.kind != "not-before") continue;
    const int f = s.FieldIndex(r.field), ref = s.FieldIndex(r.reference);
    if (f >= 0 && ref >= 0 && s.fields[static_cast<size_t>(f)].type == FieldType::kDate &&
        s.fields[static_cast<size_t>(ref)].type == FieldType::kDate) {
      return &r;
    }
  }
  return nullptr;
}

// Moving a row out of the year must not make it overlap another segment of its episode.
bool PeriodMovable(const DatasetSchema& s) {
  if (s.period_start.empty() || s.period_end.empty()) return false;
  for (const auto& r : s.rules) {
    if (r.kind == "no-overlap" && (r.start == s.period_start || r.end == s.period_end))
      return false;
  }
  return true;
}

// The mutable state of one application.
struct Work {
  const DefectRequest& req;
  const DatasetSchema& schema;
  Table table;
  Style style;
  uint64_t seed;
  DefectFile out;

  std::string Name() const {
    return fmt::format("{} {} {} {}", DefectKindName(req.kind), req.dataset, req.ministry,
                       req.year);
  }
  Result<size_t> Column(const FieldSchema& f) const {
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (table.columns[c] == f.name) return c;
    }
    return InternalError(
        fmt::format("defect {}: the generated table has no column {}", Name(), f.name));
  }
  // The header as the file writes it, which is what jbr reports as the column.
  std::string Header(const FieldSchema& f) const { return StyledHeader(&f, f.name, style); }
  void Expect(const char* code, Severity sev, std::optional<int64_t> row,
              std::optional<std::string> column) {
    out.expected.push_back({code, sev, row, std::move(column)});
  }
};

// The data row to spoil: the one asked for (checked), or one drawn from the seed among those the
// kind can use. Returns the index into table.rows.
Result<size_t> PickRow(Work& w, const std::function<std::string(size_t)>& unsuitable) {
  const size_t n = w.table.rows.size();
  if (w.req.row) {
    const int64_t r = *w.req.row;
    if (r < 2 || static_cast<uint64_t>(r - 2) >= n) {
      return InvalidInput(fmt::format("defect {}: row {} is outside the file (data rows 2-{})",
                                      w.Name(), r, n + 1));
    }
    const auto i = static_cast<size_t>(r - 2);
    if (std::string why = unsuitable(i); !why.empty()) {
      return InvalidInput(fmt::format("defect {}: row {} does not suit: {}", w.Name(), r, why));
    }
    return i;
  }
  std::vector<size_t> ok;
  for (size_t i = 0; i < n; ++i) {
    if (unsuitable(i).empty()) ok.push_back(i);
  }
  if (ok.empty())
    return InvalidInput(fmt::format("defect {}: no row of the table suits this kind", w.Name()));
  // The file name in the tag: two requests alike (but for their number) spoil different rows.
  Rng rng = Rng::For(w.seed, "defect/" + w.out.file);
  return ok[static_cast<size_t>(rng.Int(0, static_cast<int64_t>(ok.size()) - 1))];
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Nine digits passing the eleven-test (9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11), as a real
// BSN does; drawn until the check digit is a single digit.
std::string MakeBsn(Rng& rng) {
  while (true) {
    std::string s;
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
      const int d = i == 0 ? static_cast<int>(rng.Int(1, 9)) : static_cast<int>(rng.Int(0, 9));
      sum += (9 - i) * d;
      s.push_back(static_cast<char>('0' + d));
    }
    const int check = sum % 11;
    if (check <= 9) return s + static_cast<char>('0' + check);
  }
}

std::string CellAt(const Work& w, size_t i, size_t c) {
  return c < w.table.rows[i].size() ? w.table.rows[i][c] : "";
}

// The kinds. Each changes w.table (or writes bytes itself) and lists the expected findings.

Status DecimalComma(Work& w, const std::string& path) {
  // A comma file made by hand: the number typed the Dutch way and not quoted.
  const FieldSchema& f = *NumberField(w.schema);
  JBR_ASSIGN_OR_RETURN(const size_t c, w.Column(f));
  JBR_ASSIGN_OR_RETURN(size_t i, PickRow(w, [&](size_t r) {
                         return CellAt(w, r, c).empty() ? f.name + " is empty in that row" : "";
                       }));
  std::string number = CellAt(w, i, c);
  if (number.find('.') == std::string::npos) number += ".0";
  std::replace(number.begin(), number.end(), '.', ',');
  // A marker without the delimiter passes the writer unquoted; the bytes then get the raw number.
  const std::string marker = "\x01jbr-defect\x01";
  w.table.rows[i][c] = marker;
  std::string bytes = RenderCsv(w.table, w.schema, w.style);
  bytes.replace(bytes.find(marker), marker.size(), number);
  w.out.row = static_cast<int64_t>(i) + 2;
  w.Expect("extra-cell", Severity::kError, w.out.row, std::nullopt);
  return WriteFileBytes(path, bytes);
}

Status DropOrRename(Work& w, const std::string& path, bool rename) {
  const FieldSchema& f = *RemovableField(w.schema);
  JBR_ASSIGN_OR_RETURN(const size_t c, w.Column(f));
  if (rename) {
    // An unknown column name keeps the writer from styling its values; they are ignored anyway.
    const std::string header = w.Header(f) + " (oud)";
    for (const auto& field : w.schema.fields) {
      bool taken = NormaliseHeader(field.name) == NormaliseHeader(header);
      for (const auto& alias : field.aliases)
        taken = taken || NormaliseHeader(alias) == NormaliseHeader(header);
      if (taken)
        return InternalError(fmt::format("defect: the renamed header {} names a column", header));
    }
    w.table.columns[c] = header;
    w.Expect("unknown-column", Severity::kWarning, 1, header);
  } else {
    w.table.columns.erase(w.table.columns.begin() + static_cast<ptrdiff_t>(c));
    for (auto& row : w.table.rows) row.erase(row.begin() + static_cast<ptrdiff_t>(c));
  }
  w.Expect("missing-column", Severity::kError, 1, f.name);
  return WriteTable(w.table, w.schema, w.style, path);
}

Status BsnInId(Work& w, const std::string& path) {
  const FieldSchema& f = *IdField(w.schema);
  JBR_ASSIGN_OR_RETURN(const size_t c, w.Column(f));
  JBR_ASSIGN_OR_RETURN(size_t i, PickRow(w, [](size_t) { return std::string(); }));
  Rng rng = Rng::For(w.seed, "defect-bsn/" + w.out.file);
  w.table.rows[i][c] = MakeBsn(rng);
  w.out.row = static_cast<int64_t>(i) + 2;
  w.Expect("personal-identifier", Severity::kError, w.out.row, w.Header(f));
  return WriteTable(w.table, w.schema, w.style, path);
}

// Filling in an empty end date would break an empty-if rule on it (an open vacancy has no closing
// date); a required-if rule only ever wants it filled.
std::string EndFillable(const Work& w, size_t i, size_t end) {
  if (!CellAt(w, i, end).empty()) return "";
  for (const auto& r : w.schema.rules) {
    if (r.kind == "empty-if" && r.field == w.table.columns[end])
      return "its end date is empty and must stay so";
  }
  return "";
}

Status EndBeforeStart(Work& w, const std::string& path, Days first, Days last) {
  const RuleSchema& rule = *DateOrderRule(w.schema);
  const FieldSchema& end_f = w.schema.fields[static_cast<size_t>(w.schema.FieldIndex(rule.field))];
  const FieldSchema& start_f =
      w.schema.fields[static_cast<size_t>(w.schema.FieldIndex(rule.reference))];
  JBR_ASSIGN_OR_RETURN(const size_t end, w.Column(end_f));
  JBR_ASSIGN_OR_RETURN(const size_t start, w.Column(start_f));
  // The day before a start after 1 January is still in the year: the row stays in period.
  // (Synthetic employments that start in a year do not end in it: the end is mostly filled in
  // here.)
  JBR_ASSIGN_OR_RETURN(size_t i, PickRow(w, [&](size_t r) -> std::string {
                         auto s = ParseDate(CellAt(w, r, start));
                         if (!s || *s <= first || *s > last)
                           return "its start is not after 1 January of the year";
                         return EndFillable(w, r, end);
                       }));
  w.table.rows[i][end] = FormatDate(*ParseDate(w.table.rows[i][start]) - 1);
  w.out.row = static_cast<int64_t>(i) + 2;
  w.Expect("cross-field-error", Severity::kError, w.out.row, w.Header(end_f));
  return WriteTable(w.table, w.schema, w.style, path);
}

Status OutOfPeriod(Work& w, const std::string& path, Days first) {
  const FieldSchema& start_f =
      w.schema.fields[static_cast<size_t>(w.schema.FieldIndex(w.schema.period_start))];
  const FieldSchema& end_f =
      w.schema.fields[static_cast<size_t>(w.schema.FieldIndex(w.schema.period_end))];
  JBR_ASSIGN_OR_RETURN(const size_t end, w.Column(end_f));
  JBR_ASSIGN_OR_RETURN(const size_t start, w.Column(start_f));
  JBR_ASSIGN_OR_RETURN(size_t i, PickRow(w, [&](size_t r) -> std::string {
                         if (!ParseDate(CellAt(w, r, start))) return "its start date is empty";
                         return EndFillable(w, r, end);
                       }));
  // Ended on 31 December of the year before; a start after that moves back so the order stays
  // right.
  const Days new_end = first - 1;
  w.table.rows[i][end] = FormatDate(new_end);
  if (*ParseDate(w.table.rows[i][start]) > new_end)
    w.table.rows[i][start] = FormatDate(new_end - 29);
  w.out.row = static_cast<int64_t>(i) + 2;
  w.Expect("out-of-period", Severity::kError, w.out.row, w.Header(end_f));
  return WriteTable(w.table, w.schema, w.style, path);
}

Status DuplicateId(Work& w, const std::string& path) {
  const FieldSchema& f = *UniqueField(w.schema);
  JBR_ASSIGN_OR_RETURN(const size_t c, w.Column(f));
  JBR_ASSIGN_OR_RETURN(size_t i, PickRow(w, [&](size_t r) -> std::string {
                         if (r == 0) return "the first data row has no row before it to copy";
                         return CellAt(w, r - 1, c).empty() ? "the row before has no " + f.name
                                                            : "";
                       }));
  w.table.rows[i][c] = w.table.rows[i - 1][c];
  w.out.row = static_cast<int64_t>(i) + 2;
  w.Expect("unique-error", Severity::kError, w.out.row, w.Header(f));
  return WriteTable(w.table, w.schema, w.style, path);
}

Status UnknownEnum(Work& w, const std::string& path) {
  const FieldSchema& f = *EnumField(w.schema);
  JBR_ASSIGN_OR_RETURN(const size_t c, w.Column(f));
  // "not applicable": what a form's default often leaves behind.
  const std::string value = "n.v.t.";
  if (f.CanonicalEnum(value))
    return InternalError("defect: n.v.t. is an allowed value of " + f.name);
  JBR_ASSIGN_OR_RETURN(size_t i, PickRow(w, [](size_t) { return std::string(); }));
  w.table.rows[i][c] = value;
  w.out.row = static_cast<int64_t>(i) + 2;
  w.Expect("enum-error", Severity::kError, w.out.row, w.Header(f));
  return WriteTable(w.table, w.schema, w.style, path);
}

Status WrongSheetFirst(Work& w, const std::string& path) {
  // Read without --sheet, the notes sheet is the table: no row of it names the dataset's columns,
  // and one finding says so (not a missing-column for every column).
  w.Expect("header-not-found", Severity::kError, 1, std::nullopt);
  return WriteTable(w.table, w.schema, w.style, path, {"Toelichting"});
}

Status Cp1252AsUtf8(Work& w, const std::string& path) {
  w.out.validate_options = {"--encoding", "utf-8"};
  const FieldSchema& f = *TextField(w.schema);
  JBR_ASSIGN_OR_RETURN(const size_t c, w.Column(f));
  const std::string name = " \xE2\x80\x93 Financi\xC3\xABn";  // " – Financiën"
  // Each invalid byte comes back as U+FFFD (three bytes): the cell must stay within its length.
  JBR_ASSIGN_OR_RETURN(
      size_t i, PickRow(w, [&](size_t r) -> std::string {
        if (!f.max_length || CellAt(w, r, c).size() + 3 * name.size() <= *f.max_length) return "";
        return "the name would be longer than " + f.name + " allows";
      }));
  w.table.rows[i][c] += name;
  w.out.row = static_cast<int64_t>(i) + 2;
  // Every cell written with a byte above 0x7F is invalid UTF-8 in Windows-1252 (this one and any
  // the generator made); jbr reports each such cell once.
  std::vector<const FieldSchema*> fields;
  for (const auto& col : w.table.columns) {
    const int k = w.schema.FieldIndex(col);
    fields.push_back(k < 0 ? nullptr : &w.schema.fields[static_cast<size_t>(k)]);
    if (!IsAscii(StyledHeader(fields.back(), col, w.style)))
      return InternalError("defect: a non-ASCII header");
  }
  for (size_t r = 0; r < w.table.rows.size(); ++r) {
    for (size_t k = 0; k < w.table.rows[r].size(); ++k) {
      if (IsAscii(ToCp1252(StyledText(fields[k], w.table.rows[r][k], w.style)))) continue;
      w.Expect("encoding-error", Severity::kError, static_cast<int64_t>(r) + 2,
               fields[k] ? w.Header(*fields[k]) : w.table.columns[k]);
    }
  }
  // jbr validate lists 1,000 findings unless told otherwise (all are counted, not all listed).
  if (w.out.expected.size() > 1000) {
    w.out.validate_options.insert(w.out.validate_options.end(),
                                  {"--max-findings", std::to_string(w.out.expected.size())});
  }
  return WriteFileBytes(path, RenderCsv(w.table, w.schema, w.style));
}

// The byte offset inside `line` (a CSV row without its end of line) where cutting leaves fewer
// cells than `width`: within the cell after the first half of the delimiters, outside quotes and at
// an ASCII byte (a cut inside a character would be an encoding error too). 0 when no cut leaves a
// row at all (a two-column row with an empty first cell): an empty last line is no row.
size_t CutPoint(std::string_view line, char delimiter, size_t width) {
  // Delimiters kept: keep + 1 < width cells.
  const size_t keep = width >= 3 ? std::max<size_t>(1, width / 2 - 1) : 0;
  size_t seen = 0, pos = 0;
  bool quoted = false;
  for (; pos < line.size() && seen < keep; ++pos) {
    if (line[pos] == '"') quoted = !quoted;
    if (!quoted && line[pos] == delimiter) ++seen;
  }
  if (pos >= line.size() || line[pos] == '"') return pos;
  size_t end = pos;
  while (end < line.size() && line[end] != delimiter) ++end;
  size_t cut = pos + (end - pos) / 2;
  while (cut > pos && static_cast<unsigned char>(line[cut]) >= 0x80) --cut;
  return cut;
}

Status Truncated(Work& w, const std::string& path) {
  JBR_ASSIGN_OR_RETURN(
      size_t i, PickRow(w, [&](size_t r) {
        return r + 1 == w.table.rows.size() || w.req.row ? "" : "a cut file ends at its last row";
      }));
  // The transfer broke off in row i: the rows after it never arrived.
  w.table.rows.resize(i + 1);
  const std::string whole = RenderCsv(w.table, w.schema, w.style);
  Table before = w.table;
  before.rows.pop_back();
  const size_t start = RenderCsv(before, w.schema, w.style).size();
  const std::string_view line = std::string_view(whole).substr(start);
  const size_t cut = CutPoint(line, w.style.delimiter, w.table.columns.size());
  if (cut == 0)
    return InvalidInput(fmt::format(
        "defect {}: row {} cannot be cut: its first cell is empty or quoted", w.Name(), i + 2));
  w.out.row = static_cast<int64_t>(i) + 2;
  w.Expect("missing-cell", Severity::kError, w.out.row, std::nullopt);
  return WriteFileBytes(path, whole.substr(0, start + cut));
}

}  // namespace

std::string DefectUnsupported(DefectKind kind, const DatasetSchema& s) {
  switch (kind) {
    case DefectKind::kDecimalComma:
      return NumberField(s) ? "" : s.name + " has no number column";
    case DefectKind::kMissingColumn:
    case DefectKind::kRenamedColumn:
      return RemovableField(s) ? ""
                               : s.name + " has no required column outside its key and row rules";
    case DefectKind::kBsnInId:
      return IdField(s) ? "" : s.name + " has no id column";
    case DefectKind::kEndBeforeStart:
      return DateOrderRule(s) ? "" : s.name + " has no rule that one date is not before another";
    case DefectKind::kOutOfPeriod:
      return PeriodMovable(s) ? ""
                              : s.name + " has no start-end period that can move out of the year";
    case DefectKind::kDuplicateId:
      return UniqueField(s) ? "" : s.name + " has no unique column";
    case DefectKind::kUnknownEnum:
      return EnumField(s) ? "" : s.name + " has no column with a list of allowed values";
    case DefectKind::kCp1252AsUtf8:
      return TextField(s) ? "" : s.name + " has no free-text column";
    case DefectKind::kWrongSheetFirst:
    case DefectKind::kTruncated:
      return "";
  }
  return "unknown kind";
}

Result<DefectFile> ApplyDefect(const DefectRequest& req, const Table& clean,
                               const DatasetSchema& schema, const Style& style, uint64_t seed,
                               const std::string& out_dir, const std::string& file_name) {
  if (std::string why = DefectUnsupported(req.kind, schema); !why.empty()) return InvalidInput(why);
  Work w{req, schema, clean, style, seed, {}};
  w.out.request = req;
  const Days first = DaysFromCivil(req.year, 1, 1), last = DaysFromCivil(req.year, 12, 31);
  // The kinds that rewrite the style decide the extension; fix the style first.
  if (req.kind == DefectKind::kDecimalComma) w.style = StyleNamed("utf8-comma", style.dutch);
  if (req.kind == DefectKind::kWrongSheetFirst) w.style = StyleNamed("xlsx", style.dutch);
  if (req.kind == DefectKind::kCp1252AsUtf8) w.style = StyleNamed("cp1252-semicolon", style.dutch);
  if (req.kind == DefectKind::kTruncated && style.format != FileFormat::kCsv)
    w.style = StyleNamed("utf8-comma", style.dutch);
  w.out.file = fmt::format("{}.{}", file_name, Extension(w.style));
  const fs::path path = fs::path(out_dir) / w.out.file;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    return IoError(fmt::format("cannot create {}: {}", path.parent_path().string(), ec.message()));
  const std::string p = path.string();
  Status st;
  switch (req.kind) {
    case DefectKind::kDecimalComma:
      st = DecimalComma(w, p);
      break;
    case DefectKind::kMissingColumn:
      st = DropOrRename(w, p, false);
      break;
    case DefectKind::kRenamedColumn:
      st = DropOrRename(w, p, true);
      break;
    case DefectKind::kBsnInId:
      st = BsnInId(w, p);
      break;
    case DefectKind::kEndBeforeStart:
      st = EndBeforeStart(w, p, first, last);
      break;
    case DefectKind::kOutOfPeriod:
      st = OutOfPeriod(w, p, first);
      break;
    case DefectKind::kDuplicateId:
      st = DuplicateId(w, p);
      break;
    case DefectKind::kUnknownEnum:
      st = UnknownEnum(w, p);
      break;
    case DefectKind::kWrongSheetFirst:
      st = WrongSheetFirst(w, p);
      break;
    case DefectKind::kCp1252AsUtf8:
      st = Cp1252AsUtf8(w, p);
      break;
    case DefectKind::kTruncated:
      st = Truncated(w, p);
      break;
  }
  JBR_RETURN_IF_ERROR(st);
  return std::move(w.out);
}

std::string AnswerKeyJson(const std::vector<DefectFile>& files) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& f : files) {
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (const auto& e : f.expected) {
      findings.push_back(
          {{"code", e.code},
           {"severity", SeverityName(e.severity)},
           {"row", e.row ? nlohmann::ordered_json(*e.row) : nlohmann::ordered_json()},
           {"column", e.column ? nlohmann::ordered_json(*e.column) : nlohmann::ordered_json()}});
    }
    list.push_back({{"file", f.file},
                    {"kind", DefectKindName(f.request.kind)},
                    {"dataset", f.request.dataset},
                    {"ministry", f.request.ministry},
                    {"year", f.request.year},
                    {"row", f.row == 0 ? nlohmann::ordered_json() : nlohmann::ordered_json(f.row)},
                    {"validate_options", f.validate_options},
                    {"findings", std::move(findings)}});
  }
  return nlohmann::ordered_json{{"files", std::move(list)}}.dump(2) + "\n";
}

}  // namespace jbr::synth
