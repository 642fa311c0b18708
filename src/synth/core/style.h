// How a ministry writes a delivery file: the ways real deliveries differ (domain.md section 3).
#pragma once

#include <string>

namespace jbr::synth {

enum class FileFormat { kCsv, kXlsx };
enum class Encoding { kUtf8, kUtf8Bom, kCp1252 };

struct Style {
  std::string name;  // utf8-comma, utf8bom-semicolon, cp1252-semicolon, xlsx
  FileFormat format = FileFormat::kCsv;
  Encoding encoding = Encoding::kUtf8;
  char delimiter = ',';
  bool decimal_comma = false;
  bool dutch = false;      // Dutch headers, Dutch enum values, ja/nee
  bool dmy_dates = false;  // DD-MM-YYYY instead of YYYY-MM-DD (CSV only)
  bool crlf = false;
  std::string sheet = "Gegevens";
};

// The named style; `dutch` sets the header language. Unknown names give utf8-comma.
Style StyleNamed(const std::string& name, bool dutch);
const char* Extension(const Style& s);

}  // namespace jbr::synth
