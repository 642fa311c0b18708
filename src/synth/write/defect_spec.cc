// The defect spec: hostile input (a file anyone can write), so every key and type is checked and
// every problem is an InvalidInput that names the defect and the key; nothing throws out of here.
#include <algorithm>
#include <array>
#include <fstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "synth/write/defects.h"

namespace jbr::synth {
namespace {

using nlohmann::json;

constexpr size_t kMaxSpecBytes = 1 << 20;
constexpr size_t kMaxDefects = 10000;

struct KindName {
  DefectKind kind;
  const char* name;
};
constexpr std::array<KindName, 11> kKinds = {{
    {DefectKind::kDecimalComma, "decimal-comma"},
    {DefectKind::kMissingColumn, "missing-column"},
    {DefectKind::kRenamedColumn, "renamed-column"},
    {DefectKind::kBsnInId, "bsn-in-id"},
    {DefectKind::kEndBeforeStart, "end-before-start"},
    {DefectKind::kOutOfPeriod, "out-of-period"},
    {DefectKind::kDuplicateId, "duplicate-id"},
    {DefectKind::kUnknownEnum, "unknown-enum"},
    {DefectKind::kWrongSheetFirst, "wrong-sheet-first"},
    {DefectKind::kCp1252AsUtf8, "cp1252-as-utf8"},
    {DefectKind::kTruncated, "truncated"},
}};

// Kinds that spoil the header or the whole file: a row would mean nothing.
bool TakesRow(DefectKind k) {
  return k != DefectKind::kMissingColumn && k != DefectKind::kRenamedColumn &&
         k != DefectKind::kWrongSheetFirst;
}

Status Bad(size_t index, std::string what) {
  return InvalidInput(fmt::format("defect spec: defects[{}]: {}", index, what));
}

Result<std::string> StringKey(const json& d, size_t index, const char* key) {
  auto it = d.find(key);
  if (it == d.end()) return Bad(index, fmt::format("\"{}\" is missing", key));
  if (!it->is_string()) return Bad(index, fmt::format("\"{}\" must be a string", key));
  return it->get<std::string>();
}

// An integer key; JSON numbers like 7.5 or 1e30 are refused rather than rounded.
Result<std::optional<int64_t>> IntKey(const json& d, size_t index, const char* key, bool required) {
  auto it = d.find(key);
  if (it == d.end() || (!required && it->is_null())) {
    if (required) return Bad(index, fmt::format("\"{}\" is missing", key));
    return std::optional<int64_t>();
  }
  if (!it->is_number_integer())
    return Bad(index, fmt::format("\"{}\" must be a whole number", key));
  if (it->is_number_unsigned() && it->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX)) {
    return Bad(index, fmt::format("\"{}\" is out of range", key));
  }
  return std::optional<int64_t>(it->get<int64_t>());
}

Result<DefectRequest> ParseOne(const json& d, size_t index, const DefectScope& scope) {
  if (!d.is_object()) return Bad(index, "each defect must be an object");
  for (const auto& [key, value] : d.items()) {
    static const std::array<const char*, 5> kKeys = {"kind", "dataset", "ministry", "year", "row"};
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      return Bad(index, fmt::format(
                            "unknown key \"{}\" (known: kind, dataset, ministry, year, row)", key));
    }
  }
  DefectRequest r;
  JBR_ASSIGN_OR_RETURN(std::string kind, StringKey(d, index, "kind"));
  auto k = DefectKindNamed(kind);
  if (!k)
    return Bad(index, fmt::format("unknown kind \"{}\" (known: {})", kind,
                                  fmt::join(DefectKindNames(), ", ")));
  r.kind = *k;

  JBR_ASSIGN_OR_RETURN(std::string dataset, StringKey(d, index, "dataset"));
  const DatasetSchema* schema = scope.schemas->Find(dataset);
  if (schema == nullptr) {
    return Bad(index, fmt::format("unknown dataset \"{}\" (known: {})", dataset,
                                  fmt::join(scope.schemas->Names(), ", ")));
  }
  r.dataset = schema->name;
  if (std::string why = DefectUnsupported(r.kind, *schema); !why.empty()) {
    return Bad(index, fmt::format("{} cannot be made in {}: {}", kind, r.dataset, why));
  }

  JBR_ASSIGN_OR_RETURN(r.ministry, StringKey(d, index, "ministry"));
  if (std::find(scope.ministries.begin(), scope.ministries.end(), r.ministry) ==
      scope.ministries.end()) {
    return Bad(index, fmt::format("unknown ministry \"{}\" (known: {})", r.ministry,
                                  fmt::join(scope.ministries, ", ")));
  }

  JBR_ASSIGN_OR_RETURN(auto year, IntKey(d, index, "year", true));
  if (*year < scope.first_year || *year > scope.last_year) {
    return Bad(index, fmt::format("year {} is not among the years generated ({}-{})", *year,
                                  scope.first_year, scope.last_year));
  }
  r.year = static_cast<int>(*year);

  JBR_ASSIGN_OR_RETURN(r.row, IntKey(d, index, "row", false));
  if (r.row && !TakesRow(r.kind))
    return Bad(index, fmt::format("{} spoils the whole file and takes no row", kind));
  if (r.row && *r.row < 2)
    return Bad(index, fmt::format("row {} is not a data row (the header is row 1)", *r.row));
  return r;
}

}  // namespace

const char* DefectKindName(DefectKind kind) {
  for (const auto& k : kKinds) {
    if (k.kind == kind) return k.name;
  }
  return "?";
}

std::optional<DefectKind> DefectKindNamed(std::string_view name) {
  for (const auto& k : kKinds) {
    if (name == k.name) return k.kind;
  }
  return std::nullopt;
}

std::vector<std::string> DefectKindNames() {
  std::vector<std::string> out;
  for (const auto& k : kKinds) out.emplace_back(k.name);
  return out;
}

Result<std::vector<DefectRequest>> ParseDefectSpec(std::string_view text,
                                                   const DefectScope& scope) {
  // Without exceptions: a parse failure gives a discarded value; the depth of nesting is bounded
  // by the 1 MiB the reader allows.
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return InvalidInput("defect spec: not valid JSON");
  if (!doc.is_object()) return InvalidInput("defect spec: expected an object {\"defects\": [...]}");
  for (const auto& [key, value] : doc.items()) {
    if (key != "defects")
      return InvalidInput(
          fmt::format("defect spec: unknown key \"{}\" (expected \"defects\")", key));
  }
  auto list = doc.find("defects");
  if (list == doc.end() || !list->is_array())
    return InvalidInput("defect spec: \"defects\" must be an array");
  if (list->size() > kMaxDefects) {
    return InvalidInput(
        fmt::format("defect spec: {} defects, at most {} are allowed", list->size(), kMaxDefects));
  }
  std::vector<DefectRequest> out;
  for (size_t i = 0; i < list->size(); ++i) {
    JBR_ASSIGN_OR_RETURN(auto r, ParseOne((*list)[i], i, scope));
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<DefectRequest>> ReadDefectSpec(const std::string& path,
                                                  const DefectScope& scope) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("cannot read the defect spec {}", path));
  std::string text(kMaxSpecBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxSpecBytes) {
    return InvalidInput(fmt::format("defect spec {}: larger than {} bytes", path, kMaxSpecBytes));
  }
  return ParseDefectSpec(text, scope);
}

}  // namespace jbr::synth
