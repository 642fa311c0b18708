#include "publish/text_format.h"

#include <fmt/format.h>

namespace jbr::publish {

std::string FormatNumber(double v) {
  if (v == 0) v = 0;  // -0 and 0 are the same figure; one text for both
  return fmt::format("{}", v);
}

std::string FormatNumber(const std::optional<double>& v) {
  return v ? FormatNumber(*v) : std::string();
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string CsvRecord(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += CsvField(fields[i]);
  }
  return out + "\n";
}

}  // namespace jbr::publish
