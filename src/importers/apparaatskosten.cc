#include "importers/apparaatskosten.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/clock.h"
#include "common/csv_write.h"
#include "common/parse.h"
#include "common/temp_dir.h"
#include "common/text.h"
#include "ingest/csv_reader.h"

namespace jbr {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDataset = "external_hire";
constexpr const char* kCostTypesFile = "apparaatskosten-kostensoorten.csv";
constexpr const char* kChaptersFile = "apparaatskosten-hoofdstukken.csv";
constexpr const char* kIgnore = "ignore";
constexpr const char* kOwnPersonnel = "own_personnel";
constexpr double kCentsPerUnit = 1000.0 * 100.0;  // the file's unit is EUR 1000
constexpr double kMaxAbsUnits = 1e12;             // beyond this an amount is not plausible

// ---------------------------------------------------------------------------------------------
// Small CSV helpers.

std::string_view Cell(const RawRow& row, int index) {
  if (index < 0 || static_cast<size_t>(index) >= row.cells.size()) return {};
  return row.cells[static_cast<size_t>(index)];
}

// Index of the header cell whose lower-cased, trimmed text equals `name` (or starts with it when
// `prefix`); -1 when none does.
int FindColumn(const RawRow& header, std::string_view name, bool prefix = false) {
  for (size_t i = 0; i < header.cells.size(); ++i) {
    const std::string h = AsciiLower(Trim(header.cells[i]));
    if (prefix ? h.rfind(name, 0) == 0 : h == name) return static_cast<int>(i);
  }
  return -1;
}

// Comma-delimited; the encoding as given, or detected.
CsvOptions CommaCsv(std::optional<Encoding> encoding) {
  CsvOptions o;
  o.delimiter = ',';
  o.encoding = encoding;
  return o;
}

// A reference table read whole (the mapping files are small).
struct Table {
  std::string path;
  RawRow header;
  std::vector<RawRow> rows;
};

Status MappingError(const std::string& path, int64_t row, const std::string& message) {
  return InvalidInput(fmt::format("{}:{}: {}", path, row, message));
}

Result<Table> ReadTable(const std::string& path) {
  Table t;
  t.path = path;
  CollectingSink sink;
  auto opened = OpenCsv(path, path, CommaCsv(Encoding::kUtf8), &sink);
  if (opened.ok()) {
    t.header = (*opened)->header();
    RawRow row;
    for (;;) {
      JBR_ASSIGN_OR_RETURN(bool more, (*opened)->Next(&row));
      if (!more) break;
      if (!row.IsBlank()) t.rows.push_back(row);
    }
  }
  if (sink.errors() > 0) {
    const Finding& f = sink.findings().front();
    return MappingError(path, f.row, f.message);
  }
  if (!opened.ok()) return opened.status();
  return t;
}

Result<std::vector<int>> RequireColumns(const Table& t,
                                        const std::vector<std::string_view>& names) {
  std::vector<int> out;
  for (std::string_view name : names) {
    const int index = FindColumn(t.header, name);
    if (index < 0) return MappingError(t.path, 1, fmt::format("the column '{}' is missing", name));
    out.push_back(index);
  }
  return out;
}

std::optional<int> ParseYearCell(std::string_view text) {
  auto v = ParseInt(text);
  if (!v || *v < 1000 || *v > 9999) return std::nullopt;
  return static_cast<int>(*v);
}

// ---------------------------------------------------------------------------------------------
// The cost-type mapping.

class CostTypeMap {
 public:
  // `categories`: the values allowed besides "ignore" (the schema's enum).
  static Result<CostTypeMap> Load(const std::string& path,
                                  const std::vector<std::string>& categories);
  // The category ("ignore" included) for a value as found in the input; nullptr when unmapped.
  const std::string* Find(std::string_view value) const;

 private:
  Status Add(const Table& t, const RawRow& row, const std::vector<int>& cols,
             const std::vector<std::string>& categories);
  std::map<std::string, std::string> by_name_;
  std::map<int, std::string> by_number_;
};

Result<CostTypeMap> CostTypeMap::Load(const std::string& path,
                                      const std::vector<std::string>& categories) {
  JBR_ASSIGN_OR_RETURN(Table t, ReadTable(path));
  JBR_ASSIGN_OR_RETURN(auto cols, RequireColumns(t, {"number", "kostensoort", "category"}));
  CostTypeMap map;
  for (const RawRow& row : t.rows) JBR_RETURN_IF_ERROR(map.Add(t, row, cols, categories));
  return map;
}

Status CostTypeMap::Add(const Table& t, const RawRow& row, const std::vector<int>& cols,
                        const std::vector<std::string>& categories) {
  const std::string category(Trim(Cell(row, cols[2])));
  if (category != kIgnore &&
      std::find(categories.begin(), categories.end(), category) == categories.end()) {
    return MappingError(t.path, row.row_number,
                        fmt::format("unknown category '{}'; use ignore or one of: {}", category,
                                    fmt::join(categories, ", ")));
  }
  const std::string name = NormaliseCostType(Cell(row, cols[1]));
  auto [it, added] = by_name_.emplace(name, category);
  if (!added && it->second != category) {
    return MappingError(t.path, row.row_number,
                        fmt::format("'{}' is mapped to {} and to {}", name, it->second, category));
  }
  const std::string_view number_text = Trim(Cell(row, cols[0]));
  if (number_text.empty()) return Status::Ok();
  auto number = ParseInt(number_text);
  if (!number || *number < 0 || *number > 999) {
    return MappingError(t.path, row.row_number, fmt::format("'{}' is not a number", number_text));
  }
  auto [nit, nadded] = by_number_.emplace(static_cast<int>(*number), category);
  if (!nadded && nit->second != category) {
    return MappingError(
        t.path, row.row_number,
        fmt::format("number {} is mapped to {} and to {}", *number, nit->second, category));
  }
  return Status::Ok();
}

const std::string* CostTypeMap::Find(std::string_view value) const {
  const std::string name = NormaliseCostType(value);
  if (auto number = CostTypeNumber(name)) {
    auto it = by_number_.find(*number);
    return it == by_number_.end() ? nullptr : &it->second;
  }
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &it->second;
}

// ---------------------------------------------------------------------------------------------
// The chapter mapping.

std::string NormaliseChapter(std::string_view text) {
  std::string out(Trim(text));
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

class ChapterMap {
 public:
  static Result<ChapterMap> Load(const std::string& path);
  // The ministry code for a chapter in a year; nullptr when the mapping has none.
  const std::string* Find(std::string_view chapter, int year) const;

 private:
  struct Entry {
    std::string ministry;
    int from = 0;
    int to = 0;
  };
  std::multimap<std::string, Entry> entries_;
};

Result<ChapterMap> ChapterMap::Load(const std::string& path) {
  JBR_ASSIGN_OR_RETURN(Table t, ReadTable(path));
  JBR_ASSIGN_OR_RETURN(auto cols,
                       RequireColumns(t, {"hoofdstuk", "ministry", "from_year", "to_year"}));
  ChapterMap map;
  for (const RawRow& row : t.rows) {
    Entry e{std::string(Trim(Cell(row, cols[1]))), 0, 0};
    auto from = ParseYearCell(Cell(row, cols[2]));
    auto to = ParseYearCell(Cell(row, cols[3]));
    if (!from || !to || *to < *from || e.ministry.empty()) {
      return MappingError(path, row.row_number, "needs a ministry and years from_year <= to_year");
    }
    e.from = *from;
    e.to = *to;
    map.entries_.emplace(NormaliseChapter(Cell(row, cols[0])), std::move(e));
  }
  return map;
}

const std::string* ChapterMap::Find(std::string_view chapter, int year) const {
  auto [begin, end] = entries_.equal_range(NormaliseChapter(chapter));
  for (auto it = begin; it != end; ++it) {
    if (year >= it->second.from && year <= it->second.to) return &it->second.ministry;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Reading and aggregating the input.

struct InputColumns {
  int year = -1;
  int chapter = -1;
  int cost_type = -1;
  int amount = -1;
};

using DeliveryKey = std::pair<std::string, int>;  // ministry, year
using RowKey = std::pair<std::string, size_t>;    // organisation unit, category index
using Amounts = std::map<RowKey, int64_t>;        // cents

// What rows are mapped with and reported against.
struct Mapping {
  const CostTypeMap* cost_types = nullptr;
  const ChapterMap* chapters = nullptr;
  const MinistryRegistry* ministries = nullptr;
  const std::vector<std::string>* categories = nullptr;  // the schema's category enum
  std::string mapping_dir;
};

class Aggregator {
 public:
  Aggregator(const Mapping* mapping, std::string file, FindingSink* sink)
      : m_(mapping), file_(std::move(file)), sink_(sink) {}

  // Reads every row of `source`; problems go to the sink.
  Status Read(RowSource* source, ApparaatskostenResult* result);
  const std::map<DeliveryKey, Amounts>& amounts() const { return amounts_; }

 private:
  bool FindColumns(const RawRow& header);
  void AddRow(const RawRow& row, ApparaatskostenResult* result);
  const Ministry* MinistryFor(const RawRow& row, int year);
  std::optional<int64_t> Cents(const RawRow& row);
  void Report(const char* code, Severity severity, const RawRow& row, int column,
              std::string message, std::string hint);

  const Mapping* m_;
  std::string file_;
  FindingSink* sink_;
  RawRow header_;
  InputColumns cols_;
  std::map<DeliveryKey, Amounts> amounts_;
};

void Aggregator::Report(const char* code, Severity severity, const RawRow& row, int column,
                        std::string message, std::string hint) {
  Finding f;
  f.code = code;
  f.severity = severity;
  f.file = file_;
  f.row = row.row_number;
  f.column = std::string(Cell(header_, column));
  f.value = std::string(Cell(row, column));
  f.message = std::move(message);
  f.hint = std::move(hint);
  sink_->Add(std::move(f));
}

bool Aggregator::FindColumns(const RawRow& header) {
  header_ = header;
  cols_ = {FindColumn(header, "jaar"), FindColumn(header, "begrotingshoofdstuk"),
           FindColumn(header, "kostensoort"), FindColumn(header, "realisatie", true)};
  const std::pair<int, const char*> wanted[] = {{cols_.year, "Jaar"},
                                                {cols_.chapter, "Begrotingshoofdstuk"},
                                                {cols_.cost_type, "Kostensoort"},
                                                {cols_.amount, "Realisatie (*Eu 1000)"}};
  bool ok = true;
  for (const auto& [index, name] : wanted) {
    if (index >= 0) continue;
    ok = false;
    Finding f{"missing-column",
              Severity::kError,
              file_,
              "",
              1,
              name,
              "",
              fmt::format("the column '{}' is missing", name),
              "this import reads the Ministry of Finance's apparaatskosten CSV as published"};
    sink_->Add(std::move(f));
  }
  return ok;
}

Status Aggregator::Read(RowSource* source, ApparaatskostenResult* result) {
  if (!FindColumns(source->header())) return Status::Ok();
  RawRow row;
  for (;;) {
    JBR_ASSIGN_OR_RETURN(bool more, source->Next(&row));
    if (!more) return Status::Ok();
    if (row.IsBlank()) continue;
    ++result->rows_read;
    AddRow(row, result);
  }
}

const Ministry* Aggregator::MinistryFor(const RawRow& row, int year) {
  const std::string hint = fmt::format("add the chapter with its ministry code for {} to {}/{}",
                                       year, m_->mapping_dir, kChaptersFile);
  const std::string* code = m_->chapters->Find(Cell(row, cols_.chapter), year);
  if (code == nullptr) {
    Report("unmapped-chapter", Severity::kError, row, cols_.chapter,
           fmt::format("budget chapter '{}' has no ministry for {} in the chapter mapping",
                       Cell(row, cols_.chapter), year),
           hint);
    return nullptr;
  }
  const Ministry* m = m_->ministries->Find(*code, year);
  if (m == nullptr) {
    Report("unmapped-chapter", Severity::kError, row, cols_.chapter,
           fmt::format("budget chapter '{}' maps to ministry {}, which did not exist in {}",
                       Cell(row, cols_.chapter), *code, year),
           hint);
  }
  return m;
}

std::optional<int64_t> Aggregator::Cents(const RawRow& row) {
  const std::string_view text = Cell(row, cols_.amount);
  if (Trim(text).empty()) {
    Report("empty-amount", Severity::kWarning, row, cols_.amount, "no amount; counted as 0", "");
    return 0;
  }
  auto value = ParseDecimal(text, DecimalMark::kComma);
  if (!value || std::fabs(*value) >= kMaxAbsUnits) {
    Report("type-error", Severity::kError, row, cols_.amount,
           fmt::format("'{}' is not an amount in EUR 1000 with a decimal comma", text),
           "write amounts like 1234,56");
    return std::nullopt;
  }
  return std::llround(*value * kCentsPerUnit);
}

void Aggregator::AddRow(const RawRow& row, ApparaatskostenResult* result) {
  const std::optional<int> year = ParseYearCell(Cell(row, cols_.year));
  if (!year) {
    Report("type-error", Severity::kError, row, cols_.year,
           fmt::format("'{}' is not a year", Cell(row, cols_.year)), "");
  }
  const std::string* category = m_->cost_types->Find(Cell(row, cols_.cost_type));
  if (category == nullptr) {
    Report("unmapped-cost-type", Severity::kError, row, cols_.cost_type,
           fmt::format("cost type '{}' is not in the mapping", Cell(row, cols_.cost_type)),
           fmt::format("add it to {}/{} with its category (own_personnel, a hire category or "
                       "ignore)",
                       m_->mapping_dir, kCostTypesFile));
  }
  const Ministry* ministry = year ? MinistryFor(row, *year) : nullptr;
  const std::optional<int64_t> cents = Cents(row);
  if (!year || category == nullptr || ministry == nullptr || !cents) return;
  if (*category == kIgnore) {
    ++result->rows_ignored;
    return;
  }
  const auto& categories = *m_->categories;
  const auto index = static_cast<size_t>(
      std::find(categories.begin(), categories.end(), *category) - categories.begin());
  const std::string unit = "hoofdstuk " + NormaliseChapter(Cell(row, cols_.chapter));
  amounts_[{ministry->code, *year}][{unit, index}] += *cents;
}

// ---------------------------------------------------------------------------------------------
// Writing and loading the deliveries.

std::string FormatCents(int64_t cents) {
  const uint64_t abs = cents < 0 ? 0 - static_cast<uint64_t>(cents) : static_cast<uint64_t>(cents);
  return fmt::format("{}{}.{:02}", cents < 0 ? "-" : "", abs / 100, abs % 100);
}

Status WriteDelivery(const std::string& path, const Amounts& amounts,
                     const std::vector<std::string>& categories) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << "organisation_unit,category,amount_eur\n";
  for (const auto& [key, cents] : amounts) {
    out << CsvField(key.first) << ',' << categories[key.second] << ',' << FormatCents(cents)
        << '\n';
  }
  out.close();
  if (!out) return IoError(fmt::format("cannot write {}", path));
  return Status::Ok();
}

ApparaatskostenDelivery Describe(const DeliveryKey& key, const Amounts& amounts,
                                 const std::vector<std::string>& categories) {
  ApparaatskostenDelivery d;
  d.ministry = key.first;
  d.year = key.second;
  d.file_name = fmt::format("apparaatskosten-{}-{}.csv", key.first, key.second);
  d.rows = static_cast<int64_t>(amounts.size());
  int64_t own = 0, hire = 0;
  for (const auto& [row, cents] : amounts)
    (categories[row.second] == kOwnPersonnel ? own : hire) += cents;
  d.own_personnel_eur = static_cast<double>(own) / 100.0;
  d.hire_eur = static_cast<double>(hire) / 100.0;
  return d;
}

Status LoadAll(Workspace* ws, const DatasetSchema& schema,
               const std::map<DeliveryKey, Amounts>& all,
               const std::vector<std::string>& categories, const ApparaatskostenOptions& options,
               FindingSink* sink, ApparaatskostenResult* result) {
  if (options.clock == nullptr)
    return UsageError("an import needs a clock (ApparaatskostenOptions::clock)");
  JBR_ASSIGN_OR_RETURN(TempDir dir, TempDir::Make("jbr-import-"));
  const std::string received_at = options.clock->NowUtc();
  for (const auto& [key, amounts] : all) {
    ApparaatskostenDelivery d = Describe(key, amounts, categories);
    LoadRequest req;
    req.dataset = schema.name;
    req.ministry = d.ministry;
    req.year = d.year;
    req.delivered_by = options.delivered_by;
    req.path = (fs::path(dir.path()) / d.file_name).string();
    req.display_name = d.file_name;
    req.received_at = received_at;
    req.options.table.csv = CommaCsv(Encoding::kUtf8);
    req.options.decimal = DecimalMark::kPoint;
    JBR_RETURN_IF_ERROR(WriteDelivery(req.path, amounts, categories));
    JBR_ASSIGN_OR_RETURN(LoadResult loaded,
                         LoadDelivery(ws->store(), ws->schemas(), schema, req, sink));
    d.outcome = loaded.outcome;
    d.delivery_id = loaded.outcome == LoadOutcome::kRejected ? 0 : loaded.delivery.id;
    result->deliveries.push_back(std::move(d));
  }
  return Status::Ok();
}

Result<const FieldSchema*> CategoryField(const DatasetSchema& schema) {
  const int index = schema.FieldIndex("category");
  if (index < 0 || schema.fields[static_cast<size_t>(index)].enum_values.empty()) {
    return InternalError("the external_hire schema has no category enum");
  }
  return &schema.fields[static_cast<size_t>(index)];
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string NormaliseCostType(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool blank = false;
  auto put = [&](char c) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      blank = !out.empty();
      return;
    }
    if (blank) out += ' ';
    blank = false;
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    const auto b1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    const auto b2 = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (b0 == 0xC2 && b1 == 0xA0) {  // U+00A0 no-break space
      put(' ');
      ++i;
    } else if (b0 == 0xC3 && b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97) {  // U+00C0-U+00DE, not x
      if (blank) out += ' ';
      blank = false;
      out += static_cast<char>(b0);
      out += static_cast<char>(b1 + 0x20);
      ++i;
    } else if (b0 == 0xE2 &&
               ((b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) || (b1 == 0x88 && b2 == 0x92))) {
      put('-');  // U+2010-U+2015 hyphens and dashes, U+2212 minus
      i += 2;
    } else {
      put(text[i]);
    }
  }
  return out;
}

std::optional<int> CostTypeNumber(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && digits < 4 && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3 || digits >= s.size() || s[digits] != '.') return std::nullopt;
  if (digits + 1 < s.size() && s[digits + 1] != ' ') return std::nullopt;
  int n = 0;
  for (size_t i = 0; i < digits; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

Result<ApparaatskostenResult> ImportApparaatskosten(Workspace* ws, const std::string& path,
                                                    const ApparaatskostenOptions& options,
                                                    FindingSink* sink) {
  const DatasetSchema* schema = ws->schemas().Find(kDataset);
  if (schema == nullptr) return NotFound("the workspace has no external_hire schema");
  JBR_ASSIGN_OR_RETURN(const FieldSchema* field, CategoryField(*schema));
  const std::vector<std::string>& categories = field->enum_values;
  const std::string mapping_dir = options.mapping_dir.empty()
                                      ? (fs::path(ws->data_dir()) / "import").string()
                                      : options.mapping_dir;
  JBR_ASSIGN_OR_RETURN(
      CostTypeMap cost_types,
      CostTypeMap::Load((fs::path(mapping_dir) / kCostTypesFile).string(), categories));
  JBR_ASSIGN_OR_RETURN(ChapterMap chapters,
                       ChapterMap::Load((fs::path(mapping_dir) / kChaptersFile).string()));
  const Mapping mapping{&cost_types, &chapters, &ws->ministries(), &categories, mapping_dir};

  const std::string name =
      options.display_name.empty() ? fs::path(path).filename().string() : options.display_name;
  CountingSink counting(sink);
  ApparaatskostenResult result;
  auto source = OpenCsv(path, name, CommaCsv(std::nullopt), &counting);
  if (!source.ok()) {
    if (source.status().code() == StatusCode::kInvalidInput) return result;  // findings say why
    return source.status();
  }
  Aggregator aggregator(&mapping, name, &counting);
  JBR_RETURN_IF_ERROR(aggregator.Read(source->get(), &result));
  if (counting.errors() > 0) return result;
  JBR_RETURN_IF_ERROR(
      LoadAll(ws, *schema, aggregator.amounts(), categories, options, &counting, &result));
  return result;
}

}  // namespace jbr
