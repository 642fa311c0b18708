#include "schema/ministries.h"

#include <fmt/format.h>

#include "common/parse.h"
#include "common/text.h"
#include "ingest/csv_reader.h"

namespace jbr {

Result<MinistryRegistry> MinistryRegistry::Load(const std::string& path) {
  CollectingSink sink;
  CsvOptions options;
  options.delimiter = ',';
  options.encoding = Encoding::kUtf8;
  JBR_ASSIGN_OR_RETURN(auto source, OpenCsv(path, path, options, &sink));
  const auto& h = source->header().cells;
  if (h.size() < 5 || h[0] != "code" || h[3] != "valid_from") {
    return InvalidInput(
        fmt::format("{}: expected columns code,name_nl,name_en,valid_from,valid_to", path));
  }
  MinistryRegistry reg;
  RawRow row;
  while (true) {
    JBR_ASSIGN_OR_RETURN(bool more, source->Next(&row));
    if (!more) break;
    if (row.IsBlank()) continue;
    if (row.cells.size() < 5) {
      return InvalidInput(fmt::format("{}:{}: expected 5 columns", path, row.row_number));
    }
    Ministry m{row.cells[0], row.cells[1], row.cells[2], 0, 0};
    auto from = ParseInt(row.cells[3]);
    auto to = row.cells[4].empty() ? std::optional<int64_t>(0) : ParseInt(row.cells[4]);
    if (m.code.empty() || !from || !to) {
      return InvalidInput(fmt::format("{}:{}: bad code or years", path, row.row_number));
    }
    m.valid_from = static_cast<int>(*from);
    m.valid_to = static_cast<int>(*to);
    reg.all_.push_back(std::move(m));
  }
  if (sink.errors() > 0) {
    return InvalidInput(fmt::format("{}: {}", path, sink.findings().front().message));
  }
  return reg;
}

const Ministry* MinistryRegistry::Find(std::string_view code, int year) const {
  std::string lower = AsciiLower(code);
  for (const auto& m : all_) {
    if (AsciiLower(m.code) == lower && m.valid_from <= year &&
        (m.valid_to == 0 || year <= m.valid_to)) {
      return &m;
    }
  }
  return nullptr;
}

const Ministry* MinistryRegistry::FindAnyYear(std::string_view code) const {
  std::string lower = AsciiLower(code);
  for (const auto& m : all_) {
    if (AsciiLower(m.code) == lower) return &m;
  }
  return nullptr;
}

std::vector<const Ministry*> MinistryRegistry::InYear(int year) const {
  std::vector<const Ministry*> out;
  for (const auto& m : all_) {
    if (m.valid_from <= year && (m.valid_to == 0 || year <= m.valid_to)) out.push_back(&m);
  }
  return out;
}

}  // namespace jbr
