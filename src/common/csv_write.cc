#include "common/csv_write.h"

namespace jbr {

void AppendCsvField(std::string* out, std::string_view s, char delimiter) {
  bool quote = false;
  for (char c : s) quote = quote || c == delimiter || c == '"' || c == '\r' || c == '\n';
  if (!quote) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

std::string CsvField(std::string_view s, char delimiter) {
  std::string out;
  AppendCsvField(&out, s, delimiter);
  return out;
}

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += CsvField(fields[i]);
  }
  return out + "\n";
}

}  // namespace jbr
